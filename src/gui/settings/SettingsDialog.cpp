#include "settings/SettingsDialog.h"

#include "annotations/AnnotationSink.h"
#include "api/OrbClient.h"
#include "settings/ProfileListModel.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/TokenStore.h"

#include "ui_SettingsDialog.h"

#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QColorDialog>
#include <QtWidgets/QPushButton>

namespace ul::gui {

namespace {

using Field = ProfileProblem::Field;
using Kind = ConnectionProfile::Kind;

void setSpinRange(QSpinBox *spin, Settings::Key key)
{
    const Settings::Directive &d = Settings::directive(key);
    spin->setRange(d.minimum, d.maximum);
}

void setRevealText(QToolButton *reveal)
{
    reveal->setText(reveal->isChecked() ? SettingsDialog::tr("Hide") : SettingsDialog::tr("Reveal"));
}

/// Reveal/hide for a masked token field.
void wireReveal(QToolButton *reveal, QLineEdit *edit)
{
    QObject::connect(reveal, &QToolButton::toggled, edit, [reveal, edit](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        setRevealText(reveal);
    });
}

/// Sets the text of the item of `combo` whose data is `value`.
void setItemText(QComboBox *combo, int value, const QString &text)
{
    if (const int index = combo->findData(value); index >= 0)
        combo->setItemText(index, text);
}

} // namespace

SettingsDialog::SettingsDialog(Settings &settings, ProfileStore &profiles, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings), m_store(profiles),
      m_tokens(profiles.tokens()), m_model(new ProfileListModel(this))
{
    m_ui->setupUi(this);
    m_ui->kindComboBox->addItem(QString(), int(Kind::OrbServer)); // texts: retranslate()
    m_ui->kindComboBox->addItem(QString(), int(Kind::LocalSandbox));
    m_ui->sinkEventTypeComboBox->addItems(AnnotationSink::eventTypes()); // API constants, not translated
    m_ui->profileListView->setModel(m_model);
    m_model->setProfiles(m_store.profiles());
    for (const ConnectionProfile &p : m_store.profiles())
        m_drafts.insert(p.id, TokenDraft{});

    // Copy and Reveal are keyboard-reachable; the tokens are masked until revealed.
    wireReveal(m_ui->revealTokenButton, m_ui->tokenEdit);
    wireReveal(m_ui->revealSinkTokenButton, m_ui->sinkTokenEdit);
    connect(m_ui->copyTokenButton, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->tokenEdit->text()); });
    connect(m_ui->copySinkTokenButton, &QToolButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->sinkTokenEdit->text()); });

    connect(m_ui->profileListView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SettingsDialog::onSelectionChanged);
    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->baseUrlEdit, m_ui->sinkUrlEdit, m_ui->sinkEntitySelectorEdit})
        connect(edit, &QLineEdit::textEdited, this, &SettingsDialog::formEdited);
    for (QLineEdit *edit : {m_ui->tokenEdit, m_ui->sinkTokenEdit})
        connect(edit, &QLineEdit::textEdited, this, &SettingsDialog::tokenEdited);
    connect(m_ui->kindComboBox, &QComboBox::currentIndexChanged, this, &SettingsDialog::formEdited);
    connect(m_ui->timeoutSpinBox, &QSpinBox::valueChanged, this, &SettingsDialog::formEdited);
    connect(m_ui->retriesSpinBox, &QSpinBox::valueChanged, this, &SettingsDialog::formEdited);
    connect(m_ui->sinkTimeoutSpinBox, &QSpinBox::valueChanged, this, &SettingsDialog::formEdited);
    connect(m_ui->sinkEventTypeComboBox, &QComboBox::currentIndexChanged, this, &SettingsDialog::formEdited);
    connect(m_ui->productionCheckBox, &QCheckBox::toggled, this, &SettingsDialog::formEdited);
    connect(m_ui->colourButton, &QPushButton::clicked, this, &SettingsDialog::chooseColour);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_ui->addProfileButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_ui->duplicateProfileButton, &QPushButton::clicked, this, &SettingsDialog::duplicateProfile);
    connect(m_ui->renameProfileButton, &QPushButton::clicked, this, &SettingsDialog::renameProfile);
    connect(m_ui->deleteProfileButton, &QPushButton::clicked, this, &SettingsDialog::deleteProfile);
    m_deleteAction = new QAction(m_ui->profileListView);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_ui->profileListView->addAction(m_deleteAction);
    connect(m_deleteAction, &QAction::triggered, this, &SettingsDialog::deleteProfile);
    connect(&m_tokens, &TokenStore::keychainStatusChanged, this, &SettingsDialog::showTokenStatus);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->buttonBox->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(); });

    setUpGeneralPage();
    retranslate();
    loadGeneralPage();
    selectProfile(m_store.currentId());
    if (m_model->rowCount() == 0)
        loadForm(-1);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setSandboxConnection(const QUrl &baseUrl, const QString &token)
{
    m_sandboxUrl = baseUrl;
    m_sandboxToken = token;
}

void SettingsDialog::selectProfile(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0 && m_model->rowCount() == 0)
        return;
    m_ui->profileListView->setCurrentIndex(m_model->index(row < 0 ? 0 : row));
}

QString SettingsDialog::selectedProfileId() const
{
    const int row = currentRow();
    return row < 0 ? QString() : m_model->at(row).id;
}

int SettingsDialog::currentRow() const
{
    const QModelIndex current = m_ui->profileListView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

// ---------------------------------------------------------------------------------------------
// General page

void SettingsDialog::setUpGeneralPage()
{
    // Texts: retranslate(). Each language is named in itself, so it can be found whatever is shown.
    m_ui->timeDisplayComboBox->addItem(QString(), int(Settings::TimeDisplay::Utc));
    m_ui->timeDisplayComboBox->addItem(QString(), int(Settings::TimeDisplay::Local));
    m_ui->themeComboBox->addItem(QString(), int(Settings::Theme::FollowPlatform));
    m_ui->themeComboBox->addItem(QString(), int(Settings::Theme::Light));
    m_ui->themeComboBox->addItem(QString(), int(Settings::Theme::Dark));
    m_ui->languageComboBox->addItem(QString(), int(Settings::Language::System));
    m_ui->languageComboBox->addItem(QStringLiteral("English"), int(Settings::Language::English));
    m_ui->languageComboBox->addItem(QStringLiteral("Русский"), int(Settings::Language::Russian));
    setSpinRange(m_ui->eventsPageSizeSpinBox, Settings::Key::EventsPageSize);
    setSpinRange(m_ui->customersPageSizeSpinBox, Settings::Key::CustomersPageSize);
    setSpinRange(m_ui->attemptsPageSizeSpinBox, Settings::Key::AttemptsPageSize);
    setSpinRange(m_ui->outboxBatchSizeSpinBox, Settings::Key::OutboxBatchSize);
    setSpinRange(m_ui->outboxFlushIntervalSpinBox, Settings::Key::OutboxFlushInterval);
    m_ui->tokenFileWarningLabel->setText(TokenStore::fileFallbackWarning());
    m_ui->tokenFileWarningLabel->setForegroundRole(QPalette::PlaceholderText);
    connect(m_ui->tokenFileCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->tokenFileWarningLabel->setForegroundRole(on ? QPalette::WindowText : QPalette::PlaceholderText);
        QFont font = m_ui->tokenFileWarningLabel->font();
        font.setBold(on);
        m_ui->tokenFileWarningLabel->setFont(font);
    });
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    setItemText(m_ui->kindComboBox, int(Kind::OrbServer), tr("Orb-compatible server"));
    setItemText(m_ui->kindComboBox, int(Kind::LocalSandbox), tr("Local sandbox (embedded)"));
    setItemText(m_ui->timeDisplayComboBox, int(Settings::TimeDisplay::Utc), tr("UTC"));
    setItemText(m_ui->timeDisplayComboBox, int(Settings::TimeDisplay::Local), tr("Local time"));
    setItemText(m_ui->themeComboBox, int(Settings::Theme::FollowPlatform), tr("Follow the platform"));
    setItemText(m_ui->themeComboBox, int(Settings::Theme::Light), tr("Light"));
    setItemText(m_ui->themeComboBox, int(Settings::Theme::Dark), tr("Dark"));
    setItemText(m_ui->languageComboBox, int(Settings::Language::System), tr("System language"));
    m_deleteAction->setText(tr("Delete profile"));
    setRevealText(m_ui->revealTokenButton);
    setRevealText(m_ui->revealSinkTokenButton);
    updateKindDependentFields();
    showTokenStatus();
}

void SettingsDialog::loadGeneralPage()
{
    auto select = [](QComboBox *combo, int value) { combo->setCurrentIndex(std::max(0, combo->findData(value))); };
    select(m_ui->timeDisplayComboBox, int(m_settings.timeDisplay()));
    select(m_ui->themeComboBox, int(m_settings.theme()));
    select(m_ui->languageComboBox, int(m_settings.language()));
    m_ui->eventsPageSizeSpinBox->setValue(m_settings.eventsPageSize());
    m_ui->customersPageSizeSpinBox->setValue(m_settings.customersPageSize());
    m_ui->attemptsPageSizeSpinBox->setValue(m_settings.attemptsPageSize());
    m_ui->outboxBatchSizeSpinBox->setValue(m_settings.outboxBatchSize());
    m_ui->outboxFlushIntervalSpinBox->setValue(int(m_settings.outboxFlushInterval().count()));
    m_ui->tokenFileCheckBox->setChecked(m_settings.tokenFileOptIn());
}

void SettingsDialog::storeGeneralPage()
{
    m_settings.setTimeDisplay(Settings::TimeDisplay(m_ui->timeDisplayComboBox->currentData().toInt()));
    m_settings.setTheme(Settings::Theme(m_ui->themeComboBox->currentData().toInt()));
    m_settings.setLanguage(Settings::Language(m_ui->languageComboBox->currentData().toInt()));
    // The spin boxes carry the table's ranges, so these cannot be refused.
    (void)m_settings.setValue(Settings::Key::EventsPageSize, m_ui->eventsPageSizeSpinBox->value());
    (void)m_settings.setValue(Settings::Key::CustomersPageSize, m_ui->customersPageSizeSpinBox->value());
    (void)m_settings.setValue(Settings::Key::AttemptsPageSize, m_ui->attemptsPageSizeSpinBox->value());
    (void)m_settings.setValue(Settings::Key::OutboxBatchSize, m_ui->outboxBatchSizeSpinBox->value());
    (void)m_settings.setValue(Settings::Key::OutboxFlushInterval, m_ui->outboxFlushIntervalSpinBox->value());
    const bool optIn = m_ui->tokenFileCheckBox->isChecked();
    (void)m_settings.setValue(Settings::Key::TokenFileOptIn, optIn);
    const QString path = m_tokens.fileFallbackPath().isEmpty() ? TokenStore::defaultFilePath() : m_tokens.fileFallbackPath();
    m_tokens.setFileFallback(optIn, path);
}

// ---------------------------------------------------------------------------------------------
// The profile form

void SettingsDialog::onSelectionChanged()
{
    loadForm(currentRow());
}

void SettingsDialog::loadForm(int row)
{
    ++m_loadingForm;
    const bool has = row >= 0;
    m_ui->profileGroupBox->setEnabled(has);
    m_ui->duplicateProfileButton->setEnabled(has);
    m_ui->renameProfileButton->setEnabled(has);
    m_ui->deleteProfileButton->setEnabled(has);
    m_ui->testResultLabel->clear();
    const ConnectionProfile p = has ? m_model->at(row) : ConnectionProfile{};
    m_ui->nameEdit->setText(p.name);
    m_ui->kindComboBox->setCurrentIndex(std::max(0, m_ui->kindComboBox->findData(int(p.kind))));
    m_ui->baseUrlEdit->setText(p.baseUrl.toString());
    m_ui->timeoutSpinBox->setValue(int(p.requestTimeout.count() / 1000));
    m_ui->retriesSpinBox->setValue(p.retryLimit);
    m_ui->sinkUrlEdit->setText(p.annotationSinkUrl.toString());
    m_ui->sinkEventTypeComboBox->setCurrentIndex(std::max(0, m_ui->sinkEventTypeComboBox->findText(p.annotationEventType)));
    m_ui->sinkEntitySelectorEdit->setText(p.annotationEntitySelector);
    m_ui->sinkTimeoutSpinBox->setValue(p.annotationTimeoutMinutes);
    m_ui->productionCheckBox->setChecked(p.production);
    setColourButton(p.colour);
    const TokenDraft draft = has ? m_drafts.value(p.id) : TokenDraft{};
    m_ui->tokenEdit->setText(draft.api);
    m_ui->sinkTokenEdit->setText(draft.sink);
    m_ui->revealTokenButton->setChecked(false);
    m_ui->revealSinkTokenButton->setChecked(false);
    updateKindDependentFields();
    --m_loadingForm;
    if (has) {
        showProblems(ProfileRules::check(p, m_model->profiles()));
        if (p.kind == Kind::OrbServer && !draft.loaded && !draft.loading)
            loadTokens(p.id);
    } else {
        showProblems({});
    }
    showTokenStatus();
}

void SettingsDialog::updateKindDependentFields()
{
    const bool sandbox = Kind(m_ui->kindComboBox->currentData().toInt()) == Kind::LocalSandbox;
    m_ui->baseUrlEdit->setEnabled(!sandbox);
    m_ui->baseUrlEdit->setPlaceholderText(sandbox ? tr("Chosen when the sandbox starts") : QStringLiteral("https://api.withorb.com/v1"));
    const int row = currentRow();
    const bool loading = row >= 0 && m_drafts.value(m_model->at(row).id).loading;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->tokenEdit), static_cast<QWidget *>(m_ui->revealTokenButton),
                       static_cast<QWidget *>(m_ui->copyTokenButton)})
        w->setEnabled(!sandbox && !loading);
    m_ui->tokenEdit->setPlaceholderText(sandbox ? tr("Made anew each time the sandbox starts")
                                                : loading ? tr("Reading from the keychain…") : tr("Paste the API token"));
}

ConnectionProfile SettingsDialog::profileFromForm(const ConnectionProfile &base) const
{
    ConnectionProfile p = base;
    p.name = m_ui->nameEdit->text();
    p.kind = Kind(m_ui->kindComboBox->currentData().toInt());
    p.baseUrl = QUrl(m_ui->baseUrlEdit->text().trimmed(), QUrl::TolerantMode);
    p.requestTimeout = std::chrono::milliseconds(qint64(m_ui->timeoutSpinBox->value()) * 1000);
    p.retryLimit = m_ui->retriesSpinBox->value();
    p.annotationSinkUrl = QUrl(m_ui->sinkUrlEdit->text().trimmed(), QUrl::TolerantMode);
    p.annotationEventType = m_ui->sinkEventTypeComboBox->currentText();
    p.annotationEntitySelector = m_ui->sinkEntitySelectorEdit->text().trimmed();
    p.annotationTimeoutMinutes = m_ui->sinkTimeoutSpinBox->value();
    p.colour = m_colour;
    p.production = m_ui->productionCheckBox->isChecked();
    return p;
}

void SettingsDialog::formEdited()
{
    if (m_loadingForm > 0)
        return;
    const int row = currentRow();
    if (row < 0)
        return;
    const ConnectionProfile p = profileFromForm(m_model->at(row));
    const bool kindChanged = p.kind != m_model->at(row).kind;
    m_model->setProfile(row, p);
    if (kindChanged) {
        updateKindDependentFields();
        if (p.kind == Kind::OrbServer && !m_drafts.value(p.id).loaded && !m_drafts.value(p.id).loading)
            loadTokens(p.id);
        showTokenStatus();
    }
    m_ui->testResultLabel->clear();
    showProblems(ProfileRules::check(p, m_model->profiles()));
}

void SettingsDialog::tokenEdited()
{
    const int row = currentRow();
    if (m_loadingForm > 0 || row < 0)
        return;
    TokenDraft &draft = m_drafts[m_model->at(row).id];
    if (draft.api != m_ui->tokenEdit->text()) {
        draft.api = m_ui->tokenEdit->text();
        draft.apiDirty = true;
    }
    if (draft.sink != m_ui->sinkTokenEdit->text()) {
        draft.sink = m_ui->sinkTokenEdit->text();
        draft.sinkDirty = true;
    }
    m_ui->testResultLabel->clear();
}

QLabel *SettingsDialog::problemLabel(Field field) const
{
    switch (field) {
    case Field::Name: return m_ui->nameProblemLabel;
    case Field::BaseUrl: return m_ui->baseUrlProblemLabel;
    case Field::AnnotationSinkUrl: return m_ui->sinkUrlProblemLabel;
    case Field::RequestTimeout:
    case Field::RetryLimit:
    case Field::Colour:
        break; // their widgets only offer valid values
    }
    return nullptr;
}

QWidget *SettingsDialog::fieldWidget(Field field) const
{
    switch (field) {
    case Field::Name: return m_ui->nameEdit;
    case Field::BaseUrl: return m_ui->baseUrlEdit;
    case Field::AnnotationSinkUrl: return m_ui->sinkUrlEdit;
    case Field::RequestTimeout: return m_ui->timeoutSpinBox;
    case Field::RetryLimit: return m_ui->retriesSpinBox;
    case Field::Colour: return m_ui->colourButton;
    }
    return nullptr;
}

void SettingsDialog::showProblems(const QList<ProfileProblem> &problems)
{
    for (Field field : {Field::Name, Field::BaseUrl, Field::AnnotationSinkUrl}) {
        QLabel *label = problemLabel(field);
        QString text;
        for (const ProfileProblem &problem : problems) {
            if (problem.field == field) {
                text = problem.message;
                break;
            }
        }
        label->setText(text);
        label->setVisible(!text.isEmpty());
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
        label->setPalette(palette);
        // Screen readers hear the problem with the field.
        fieldWidget(field)->setAccessibleDescription(text);
    }
}

void SettingsDialog::showTokenStatus()
{
    const int row = currentRow();
    QString text;
    if (row >= 0) {
        const ConnectionProfile &p = m_model->at(row);
        const TokenDraft draft = m_drafts.value(p.id);
        if (p.kind == Kind::LocalSandbox)
            text = tr("The embedded sandbox makes a new token each time it starts; nothing is stored.");
        else if (draft.loading)
            text = tr("Reading the token from the keychain…");
        else if (!draft.problem.isEmpty())
            text = draft.problem;
        else if (!m_tokens.keychainProblem().isEmpty())
            text = tr("No keychain is reachable (%1). Tokens you enter are kept for this run only, unless you "
                      "choose on the General page to store them in a file.").arg(m_tokens.keychainProblem());
        else
            text = tr("Tokens are kept in the system keychain, never in settings files.");
    }
    m_ui->tokenStatusLabel->setText(text);
}

void SettingsDialog::loadTokens(const QString &id)
{
    TokenDraft &draft = m_drafts[id];
    draft.loading = true;
    updateKindDependentFields();
    // A duplicate not yet applied shows (and on Apply gets) its source's stored tokens.
    const QString source = draft.copyFrom.isEmpty() ? id : draft.copyFrom;
    auto finishOne = [this, id](bool api, Expected<std::optional<QString>, TokenError> token) {
        if (!m_drafts.contains(id))
            return;
        TokenDraft &d = m_drafts[id];
        if (!token) {
            d.problem = token.error().message;
        } else if (api && !d.apiDirty) {
            d.api = token->value_or(QString());
        } else if (!api && !d.sinkDirty) {
            d.sink = token->value_or(QString());
        }
        if (!api) { // the sink token is asked for second, so it answers last
            d.loading = false;
            d.loaded = true;
            if (!d.copyFrom.isEmpty()) { // the copy is now in the draft: write it as such on Apply
                d.apiDirty = d.apiDirty || !d.api.isEmpty();
                d.sinkDirty = d.sinkDirty || !d.sink.isEmpty();
                d.copyFrom.clear();
            }
            if (selectedProfileId() == id) {
                ++m_loadingForm;
                m_ui->tokenEdit->setText(d.api);
                m_ui->sinkTokenEdit->setText(d.sink);
                --m_loadingForm;
                updateKindDependentFields();
            }
            showTokenStatus();
        }
    };
    m_tokens.read({source, SecretRef::Kind::ApiToken}, this,
                  [finishOne](Expected<std::optional<QString>, TokenError> t) { finishOne(true, std::move(t)); });
    m_tokens.read({source, SecretRef::Kind::AnnotationSinkToken}, this,
                  [finishOne](Expected<std::optional<QString>, TokenError> t) { finishOne(false, std::move(t)); });
}

void SettingsDialog::setColourButton(const QString &colour)
{
    m_colour = colour;
    m_ui->colourButton->setIcon(ProfileListModel::swatch(colour));
    m_ui->colourButton->setText(colour);
}

void SettingsDialog::chooseColour()
{
    auto *dialog = new QColorDialog(QColor::fromString(m_colour), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Profile colour"));
    connect(dialog, &QColorDialog::colorSelected, this, [this](const QColor &colour) {
        setColourButton(colour.name(QColor::HexRgb));
        formEdited();
    });
    dialog->open();
}

// ---------------------------------------------------------------------------------------------
// Profile list actions

void SettingsDialog::addProfile()
{
    ConnectionProfile p;
    p.id = ConnectionProfile::newId();
    QStringList names;
    for (const ConnectionProfile &existing : m_model->profiles())
        names << existing.name.toCaseFolded();
    QString name = tr("New profile");
    for (int n = 2; names.contains(name.toCaseFolded()); ++n)
        name = tr("New profile (%1)").arg(n);
    p.name = name;
    m_drafts.insert(p.id, TokenDraft{{}, {}, false, true, false, false, {}, {}});
    const int row = m_model->append(p);
    m_ui->profileListView->setCurrentIndex(m_model->index(row));
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void SettingsDialog::duplicateProfile()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const ConnectionProfile source = m_model->at(row);
    ConnectionProfile copy = source;
    copy.id = ConnectionProfile::newId();
    QStringList names;
    for (const ConnectionProfile &existing : m_model->profiles())
        names << existing.name.toCaseFolded();
    QString name = tr("%1 (copy)").arg(source.name);
    for (int n = 2; names.contains(name.toCaseFolded()); ++n)
        name = tr("%1 (copy %2)").arg(source.name).arg(n);
    copy.name = name;
    const TokenDraft from = m_drafts.value(source.id);
    TokenDraft draft;
    if (from.loaded) {
        draft.api = from.api;
        draft.sink = from.sink;
        draft.loaded = true;
        draft.apiDirty = !from.api.isEmpty();
        draft.sinkDirty = !from.sink.isEmpty();
    } else {
        draft.copyFrom = from.copyFrom.isEmpty() ? source.id : from.copyFrom;
    }
    m_drafts.insert(copy.id, draft);
    const int newRow = m_model->append(copy);
    m_ui->profileListView->setCurrentIndex(m_model->index(newRow));
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void SettingsDialog::renameProfile()
{
    if (currentRow() < 0)
        return;
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void SettingsDialog::deleteProfile()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString id = m_model->at(row).id;
    if (m_store.indexOf(id) >= 0)
        m_deleted << id;
    m_drafts.remove(id);
    m_model->removeRows(row, 1);
    if (m_model->rowCount() > 0)
        m_ui->profileListView->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1)));
    else
        loadForm(-1);
    m_ui->profileListView->setFocus();
}

// ---------------------------------------------------------------------------------------------
// Test connection

void SettingsDialog::testConnection()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const ConnectionProfile p = m_model->at(row);
    QString token;
    QUrl sandboxUrl;
    if (p.kind == Kind::LocalSandbox) {
        if (m_sandboxUrl.isEmpty()) {
            m_ui->testResultLabel->setText(tr("The embedded sandbox is not running yet."));
            return;
        }
        sandboxUrl = m_sandboxUrl;
        token = m_sandboxToken;
    } else {
        const auto url = ProfileRules::parseServerUrl(m_ui->baseUrlEdit->text());
        if (!url) {
            m_ui->testResultLabel->setText(url.error());
            m_ui->baseUrlEdit->setFocus();
            return;
        }
        token = m_ui->tokenEdit->text();
        if (token.isEmpty()) {
            m_ui->testResultLabel->setText(tr("Enter the API token first."));
            m_ui->tokenEdit->setFocus();
            return;
        }
    }
    if (m_testClient)
        m_testClient->deleteLater(); // a previous test's answer no longer matters
    m_testClient = new OrbClient(p.clientSettings(sandboxUrl), this);
    m_testClient->setToken(token);
    m_ui->testConnectionButton->setEnabled(false);
    m_ui->testResultLabel->setText(tr("Testing…"));
    OrbClient *client = m_testClient;
    client->listCustomers(1, std::nullopt, client, [this, client, host = p.apiBaseUrl(sandboxUrl).host()](Expected<Page<Customer>, RequestError> result) {
        m_ui->testConnectionButton->setEnabled(true);
        if (result)
            m_ui->testResultLabel->setText(tr("Connected: %1 accepted the token.").arg(host));
        else
            m_ui->testResultLabel->setText(result.error().humanMessage());
        client->deleteLater();
    });
}

// ---------------------------------------------------------------------------------------------
// Apply / OK

bool SettingsDialog::apply()
{
    if (m_pendingWrites > 0)
        return false;
    // Every profile must be valid before anything is stored.
    const QList<ConnectionProfile> drafts = m_model->profiles();
    // The profile on screen first: when two names clash, the one being edited is the one to fix.
    QList<int> order;
    if (currentRow() >= 0)
        order << currentRow();
    for (int row = 0; row < drafts.size(); ++row) {
        if (row != currentRow())
            order << row;
    }
    for (const int row : std::as_const(order)) {
        const QList<ProfileProblem> problems = ProfileRules::check(drafts.at(row), drafts);
        if (problems.isEmpty())
            continue;
        m_ui->pagesTabWidget->setCurrentWidget(m_ui->connectionsPage);
        m_ui->profileListView->setCurrentIndex(m_model->index(row));
        showProblems(problems);
        if (QWidget *field = fieldWidget(problems.first().field))
            field->setFocus();
        showStatus(tr("“%1” has a problem: %2").arg(drafts.at(row).name, problems.first().message));
        return false;
    }
    storeGeneralPage();

    m_notices.clear();
    m_pendingWrites = 1; // held until every write has been started
    auto track = [this](const QString &notice) { writeFinished(notice); };
    for (const QString &id : std::as_const(m_deleted)) {
        ++m_pendingWrites;
        m_store.remove(id, this, [track](Expected<Done, QString> removed) { track(removed ? QString() : removed.error()); });
    }
    m_deleted.clear();
    for (const ConnectionProfile &p : drafts) {
        QList<ProfileProblem> refused; // checked above, so only a clash inside the store itself
        if (m_store.indexOf(p.id) >= 0) {
            if (auto updated = m_store.update(p); !updated)
                refused = updated.error();
        } else if (auto added = m_store.add(p); !added) {
            refused = added.error();
        }
        if (!refused.isEmpty())
            m_notices << tr("“%1” was not saved: %2").arg(p.name, refused.first().message);
        TokenDraft &draft = m_drafts[p.id];
        if (p.kind == Kind::LocalSandbox)
            continue;
        if (!draft.copyFrom.isEmpty()) {
            for (SecretRef::Kind kind : {SecretRef::Kind::ApiToken, SecretRef::Kind::AnnotationSinkToken}) {
                ++m_pendingWrites;
                m_tokens.copy({draft.copyFrom, kind}, {p.id, kind}, this, [track](Expected<Done, TokenError> copied) {
                    track(copied ? QString() : copied.error().message);
                });
            }
            draft.copyFrom.clear();
        }
        const std::pair<SecretRef::Kind, bool *> writes[] = {{SecretRef::Kind::ApiToken, &draft.apiDirty},
                                                             {SecretRef::Kind::AnnotationSinkToken, &draft.sinkDirty}};
        for (const auto &[kind, dirty] : writes) {
            if (!*dirty)
                continue;
            *dirty = false;
            ++m_pendingWrites;
            const QString token = kind == SecretRef::Kind::ApiToken ? draft.api : draft.sink;
            m_tokens.write({p.id, kind}, token, this, [track](Expected<TokenWriteResult, TokenError> written) {
                track(written ? written->notice : written.error().message);
            });
        }
    }
    if (const QString selected = selectedProfileId(); !selected.isEmpty() && m_store.indexOf(m_store.currentId()) < 0)
        m_store.setCurrentId(selected);
    m_settings.sync();
    showStatus(tr("Saving…"));
    m_ui->buttonBox->setEnabled(false);
    writeFinished({}); // releases the hold
    return true;
}

void SettingsDialog::writeFinished(const QString &text)
{
    if (!text.isEmpty() && !m_notices.contains(text))
        m_notices << text;
    if (--m_pendingWrites > 0)
        return;
    m_ui->buttonBox->setEnabled(true);
    showStatus(m_notices.join(QLatin1Char('\n')));
    showTokenStatus();
    for (const QString &message : std::as_const(m_notices))
        Q_EMIT notice(message);
    Q_EMIT applied();
    if (m_closeWhenApplied) {
        m_closeWhenApplied = false;
        QDialog::accept();
    }
}

void SettingsDialog::accept()
{
    if (m_pendingWrites > 0) {
        m_closeWhenApplied = true;
        return;
    }
    m_closeWhenApplied = true;
    if (!apply())
        m_closeWhenApplied = false;
}

void SettingsDialog::showStatus(const QString &text)
{
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setVisible(!text.isEmpty());
}

} // namespace ul::gui
