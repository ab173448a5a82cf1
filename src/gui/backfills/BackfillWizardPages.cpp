#include "backfills/BackfillWizardPages.h"

#include "TimeDisplay.h"
#include "api/BackfillApi.h"
#include "backfills/BackfillActions.h"
#include "backfills/BadRowModel.h"
#include "backfills/CreateBackfillWizard.h"
#include "corrections/CorrectionsHub.h"
#include "filter/FilterExpression.h"
#include "import/ImportAnalysis.h"
#include "import/ImportJob.h"
#include "import/ImportReader.h"
#include "settings/ProductionConfirmDialog.h"
#include "volume/VolumeChart.h"
#include "volume/VolumeLoader.h"

#include "ui_BackfillScopePage.h"
#include "ui_BackfillTimeframePage.h"
#include "ui_ImportDryRunPage.h"
#include "ui_ImportFilePage.h"
#include "ui_ImportMappingPage.h"
#include "ui_ImportProgressPage.h"

#include <QtCore/QEvent>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMessageBox>

#include <climits>

namespace ul::gui {

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 MaxBackfillMs = 31 * 24 * HourMs;

int clampInt(qint64 n)
{
    return int(std::min<qint64>(n, INT_MAX));
}

QString hoursText(qint64 ms)
{
    const qint64 hours = ms / HourMs;
    const qint64 minutes = (ms % HourMs) / 60'000;
    if (minutes == 0)
        return QCoreApplication::translate("ul::gui::BackfillTimeframePage", "%n hour(s)", nullptr, clampInt(hours));
    return QCoreApplication::translate("ul::gui::BackfillTimeframePage", "%1 h %2 min").arg(hours).arg(minutes);
}

QString etaText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return QCoreApplication::translate("ul::gui::ImportProgressPage", "about %n s left", nullptr, int(s));
    return QCoreApplication::translate("ul::gui::ImportProgressPage", "about %1 min %2 s left").arg(s / 60).arg(s % 60);
}

} // namespace

// ---- timeframe --------------------------------------------------------------------------------

BackfillTimeframePage::BackfillTimeframePage(CreateBackfillWizard *wizard)
    : QWizardPage(wizard), m_ui(std::make_unique<Ui::BackfillTimeframePage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    const Timestamp hour = wizard->now().floorToHour();
    setTimeframe(hour - std::chrono::hours(24), hour);
    m_ui->closeTimeDateTimeEdit->setDateTime((hour + std::chrono::hours(25)).toDateTime());
    m_ui->closeTimeDateTimeEdit->setEnabled(false);
    connect(m_ui->startDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, &BackfillTimeframePage::check);
    connect(m_ui->endDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, &BackfillTimeframePage::check);
    connect(m_ui->closeTimeDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this, &BackfillTimeframePage::check);
    connect(m_ui->closeTimeCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->closeTimeDateTimeEdit->setEnabled(on);
        check();
    });
    check();
}

BackfillTimeframePage::~BackfillTimeframePage() = default;

void BackfillTimeframePage::setTimeframe(Timestamp start, Timestamp end)
{
    m_ui->startDateTimeEdit->setDateTime(start.toDateTime());
    m_ui->endDateTimeEdit->setDateTime(end.toDateTime());
}

Timestamp BackfillTimeframePage::start() const
{
    return Timestamp::fromDateTime(m_ui->startDateTimeEdit->dateTime());
}

Timestamp BackfillTimeframePage::end() const
{
    return Timestamp::fromDateTime(m_ui->endDateTimeEdit->dateTime());
}

void BackfillTimeframePage::setCloseTime(std::optional<Timestamp> closeTime)
{
    m_ui->closeTimeCheckBox->setChecked(closeTime.has_value());
    if (closeTime)
        m_ui->closeTimeDateTimeEdit->setDateTime(closeTime->toDateTime());
}

std::optional<Timestamp> BackfillTimeframePage::closeTime() const
{
    if (!m_ui->closeTimeCheckBox->isChecked())
        return std::nullopt;
    return Timestamp::fromDateTime(m_ui->closeTimeDateTimeEdit->dateTime());
}

QStringList BackfillTimeframePage::problems() const
{
    QStringList problems;
    const qint64 span = end().msecs() - start().msecs();
    if (span <= 0)
        problems << tr("The end must be after the start.");
    else if (span > MaxBackfillMs)
        problems << tr("A backfill may span at most 31 days; this one spans %1.").arg(hoursText(span));
    if (const auto close = closeTime(); close && *close <= m_wizard->now())
        problems << tr("The close time must be in the future.");
    return problems;
}

bool BackfillTimeframePage::isComplete() const
{
    return problems().isEmpty();
}

void BackfillTimeframePage::check()
{
    const qint64 span = end().msecs() - start().msecs();
    m_ui->durationLabel->setText(span > 0 ? tr("Covers %1.").arg(hoursText(span)) : QString());
    m_ui->timeframeProblemLabel->setText(problems().join(u'\n'));
    Q_EMIT completeChanged();
}

void BackfillTimeframePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        check();
    }
    QWizardPage::changeEvent(event);
}

// ---- scope ------------------------------------------------------------------------------------

BackfillScopePage::BackfillScopePage(CreateBackfillWizard *wizard)
    : QWizardPage(wizard), m_ui(std::make_unique<Ui::BackfillScopePage>())
{
    m_ui->setupUi(this);
    const QList<QAbstractButton *> radios{m_ui->allCustomersRadioButton, m_ui->customerIdRadioButton,
                                          m_ui->externalIdRadioButton, m_ui->replaceRadioButton, m_ui->addRadioButton};
    for (QAbstractButton *radio : radios)
        connect(radio, &QAbstractButton::toggled, this, &BackfillScopePage::check);
    connect(m_ui->customerIdLineEdit, &QLineEdit::textChanged, this, &BackfillScopePage::check);
    connect(m_ui->externalIdLineEdit, &QLineEdit::textChanged, this, &BackfillScopePage::check);
    connect(m_ui->deprecationFilterLineEdit, &QLineEdit::textChanged, this, &BackfillScopePage::check);
    check();
}

BackfillScopePage::~BackfillScopePage() = default;

void BackfillScopePage::setScope(Scope scope, const QString &id)
{
    switch (scope) {
    case Scope::AllCustomers: m_ui->allCustomersRadioButton->setChecked(true); break;
    case Scope::CustomerId:
        m_ui->customerIdRadioButton->setChecked(true);
        m_ui->customerIdLineEdit->setText(id);
        break;
    case Scope::ExternalCustomerId:
        m_ui->externalIdRadioButton->setChecked(true);
        m_ui->externalIdLineEdit->setText(id);
        break;
    }
}

BackfillScopePage::Scope BackfillScopePage::scope() const
{
    if (m_ui->customerIdRadioButton->isChecked())
        return Scope::CustomerId;
    if (m_ui->externalIdRadioButton->isChecked())
        return Scope::ExternalCustomerId;
    return Scope::AllCustomers;
}

std::optional<QString> BackfillScopePage::customerId() const
{
    return scope() == Scope::CustomerId ? std::optional<QString>(m_ui->customerIdLineEdit->text().trimmed()) : std::nullopt;
}

std::optional<QString> BackfillScopePage::externalCustomerId() const
{
    return scope() == Scope::ExternalCustomerId ? std::optional<QString>(m_ui->externalIdLineEdit->text().trimmed())
                                                : std::nullopt;
}

void BackfillScopePage::setReplaceExisting(bool replace)
{
    (replace ? m_ui->replaceRadioButton : m_ui->addRadioButton)->setChecked(true);
}

bool BackfillScopePage::replaceExisting() const
{
    return m_ui->replaceRadioButton->isChecked();
}

void BackfillScopePage::setDeprecationFilter(const QString &filter)
{
    m_ui->deprecationFilterLineEdit->setText(filter);
}

std::optional<QString> BackfillScopePage::deprecationFilter() const
{
    const QString text = m_ui->deprecationFilterLineEdit->text().trimmed();
    if (!replaceExisting() || text.isEmpty())
        return std::nullopt;
    return text;
}

bool BackfillScopePage::filterIsValid() const
{
    const auto filter = deprecationFilter();
    return !filter || filter::Expression::parse(*filter).hasValue();
}

QString BackfillScopePage::filterStatus() const
{
    const auto filter = deprecationFilter();
    if (!filter)
        return replaceExisting() ? tr("Every existing event of the timeframe and customers is replaced.") : QString();
    auto parsed = filter::Expression::parse(*filter);
    if (!parsed)
        return tr("Not a valid filter: %1").arg(parsed.error().toString());
    return tr("Valid: replaces the existing events where %1.").arg(parsed->toString());
}

QStringList BackfillScopePage::problems() const
{
    QStringList problems;
    if (const auto id = customerId(); id && id->isEmpty())
        problems << tr("Enter the customer id, or choose all customers.");
    if (const auto id = externalCustomerId(); id && id->isEmpty())
        problems << tr("Enter the external customer id, or choose all customers.");
    if (!filterIsValid())
        problems << tr("Correct the deprecation filter, or leave it empty.");
    return problems;
}

bool BackfillScopePage::isComplete() const
{
    return problems().isEmpty();
}

void BackfillScopePage::check()
{
    m_ui->customerIdLineEdit->setEnabled(scope() == Scope::CustomerId);
    m_ui->externalIdLineEdit->setEnabled(scope() == Scope::ExternalCustomerId);
    m_ui->deprecationFilterLineEdit->setEnabled(replaceExisting());
    m_ui->deprecationFilterLabel->setEnabled(replaceExisting());
    m_ui->filterStatusLabel->setText(filterStatus());
    m_ui->filterStatusLabel->setStyleSheet(filterIsValid() ? QString() : QStringLiteral("color: #b01c1c;"));
    m_ui->scopeProblemLabel->setText(problems().join(u'\n'));
    Q_EMIT completeChanged();
}

void BackfillScopePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        check();
    }
    QWizardPage::changeEvent(event);
}

// ---- file -------------------------------------------------------------------------------------

ImportFilePage::ImportFilePage(CreateBackfillWizard *wizard)
    : QWizardPage(wizard), m_ui(std::make_unique<Ui::ImportFilePage>())
{
    m_ui->setupUi(this);
    connect(m_ui->fileLineEdit, &QLineEdit::textChanged, this, [this](const QString &path) {
        // The format follows the name; the analyst can still change it.
        if (path.endsWith(QLatin1StringView(".csv"), Qt::CaseInsensitive))
            setFormat(ImportFormat::Csv);
        else if (path.endsWith(QLatin1StringView(".jsonl"), Qt::CaseInsensitive)
                 || path.endsWith(QLatin1StringView(".ndjson"), Qt::CaseInsensitive))
            setFormat(ImportFormat::Jsonl);
        check();
    });
    connect(m_ui->csvRadioButton, &QAbstractButton::toggled, this, &ImportFilePage::check);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ImportFilePage::browse);
    check();
}

ImportFilePage::~ImportFilePage() = default;

void ImportFilePage::setFile(const QString &path)
{
    m_ui->fileLineEdit->setText(path);
}

QString ImportFilePage::path() const
{
    return m_ui->fileLineEdit->text().trimmed();
}

void ImportFilePage::setFormat(ImportFormat format)
{
    (format == ImportFormat::Csv ? m_ui->csvRadioButton : m_ui->jsonlRadioButton)->setChecked(true);
}

ImportFormat ImportFilePage::format() const
{
    return m_ui->csvRadioButton->isChecked() ? ImportFormat::Csv : ImportFormat::Jsonl;
}

bool ImportFilePage::isComplete() const
{
    const QFileInfo info(path());
    return !path().isEmpty() && info.isFile() && info.isReadable();
}

int ImportFilePage::nextId() const
{
    return format() == ImportFormat::Csv ? CreateBackfillWizard::MappingPageId : CreateBackfillWizard::DryRunPageId;
}

void ImportFilePage::check()
{
    const QFileInfo info(path());
    if (path().isEmpty()) {
        m_ui->fileInfoLabel->clear();
        m_ui->fileProblemLabel->clear();
    } else if (!info.isFile() || !info.isReadable()) {
        m_ui->fileInfoLabel->clear();
        m_ui->fileProblemLabel->setText(tr("There is no readable file at %1.").arg(path()));
    } else {
        m_ui->fileProblemLabel->clear();
        m_ui->fileInfoLabel->setText(tr("%1, last changed %2.")
                                         .arg(locale().formattedDataSize(info.size()),
                                              TimeDisplay::format(Timestamp::fromDateTime(info.lastModified()))));
    }
    Q_EMIT completeChanged();
}

void ImportFilePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("File to import"), QFileInfo(this->path()).absolutePath(),
                                                      tr("Events (*.jsonl *.ndjson *.csv);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportFilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        check();
    }
    QWizardPage::changeEvent(event);
}

// ---- CSV mapping ------------------------------------------------------------------------------

namespace {

enum MappingColumn { HeaderColumn, RoleColumn, TypeColumn };

const QList<ColumnRole> &allRoles()
{
    static const QList<ColumnRole> roles{ColumnRole::Property,   ColumnRole::EventName,          ColumnRole::Timestamp,
                                         ColumnRole::CustomerId, ColumnRole::ExternalCustomerId, ColumnRole::IdempotencyKey,
                                         ColumnRole::Ignore};
    return roles;
}

const QList<ColumnType> &allTypes()
{
    static const QList<ColumnType> types{ColumnType::String, ColumnType::Number, ColumnType::Boolean};
    return types;
}

QString roleText(ColumnRole role)
{
    const char *context = "ul::gui::ImportMappingPage";
    switch (role) {
    case ColumnRole::Property: return QCoreApplication::translate(context, "Property");
    case ColumnRole::EventName: return QCoreApplication::translate(context, "Event name");
    case ColumnRole::Timestamp: return QCoreApplication::translate(context, "Timestamp");
    case ColumnRole::CustomerId: return QCoreApplication::translate(context, "Customer id");
    case ColumnRole::ExternalCustomerId: return QCoreApplication::translate(context, "External customer id");
    case ColumnRole::IdempotencyKey: return QCoreApplication::translate(context, "Idempotency key");
    case ColumnRole::Ignore: return QCoreApplication::translate(context, "Ignore");
    }
    return {};
}

QString typeText(ColumnType type)
{
    const char *context = "ul::gui::ImportMappingPage";
    switch (type) {
    case ColumnType::String: return QCoreApplication::translate(context, "Text");
    case ColumnType::Number: return QCoreApplication::translate(context, "Number");
    case ColumnType::Boolean: return QCoreApplication::translate(context, "True/false");
    }
    return {};
}

} // namespace

ImportMappingPage::ImportMappingPage(CreateBackfillWizard *wizard)
    : QWizardPage(wizard), m_ui(std::make_unique<Ui::ImportMappingPage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    m_ui->mappingTableWidget->setColumnCount(3);
    m_ui->mappingTableWidget->verticalHeader()->setVisible(false);
    m_ui->mappingTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_ui->previewTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    fillRoleAndTypeItems();
}

ImportMappingPage::~ImportMappingPage() = default;

void ImportMappingPage::initializePage()
{
    QTableWidget *table = m_ui->mappingTableWidget;
    table->setRowCount(0);
    m_ui->previewTableWidget->clear();
    m_previewError.clear();
    QFile file(m_wizard->filePath());
    if (!file.open(QIODevice::ReadOnly)) {
        m_previewError = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
        check();
        return;
    }
    auto preview = previewCsv(file);
    if (!preview) {
        m_previewError = preview.error();
        check();
        return;
    }
    table->setRowCount(int(preview->mapping.columns.size()));
    for (int row = 0; row < preview->mapping.columns.size(); ++row) {
        const CsvColumn &column = preview->mapping.columns.at(row);
        auto *header = new QTableWidgetItem(column.header);
        header->setFlags(Qt::ItemIsEnabled);
        table->setItem(row, HeaderColumn, header);
        auto *role = new QComboBox(table);
        for (ColumnRole r : allRoles())
            role->addItem(roleText(r), int(r));
        role->setCurrentIndex(int(allRoles().indexOf(column.role)));
        auto *type = new QComboBox(table);
        for (ColumnType t : allTypes())
            type->addItem(typeText(t), int(t));
        type->setCurrentIndex(int(allTypes().indexOf(column.type)));
        table->setCellWidget(row, RoleColumn, role);
        table->setCellWidget(row, TypeColumn, type);
        connect(role, &QComboBox::currentIndexChanged, this, &ImportMappingPage::check);
        connect(type, &QComboBox::currentIndexChanged, this, &ImportMappingPage::check);
    }
    QTableWidget *previewTable = m_ui->previewTableWidget;
    previewTable->setColumnCount(int(preview->header.size()));
    previewTable->setHorizontalHeaderLabels(preview->header);
    previewTable->setRowCount(int(preview->rows.size()));
    for (int row = 0; row < preview->rows.size(); ++row) {
        const QStringList &cells = preview->rows.at(row);
        for (int column = 0; column < cells.size() && column < preview->header.size(); ++column)
            previewTable->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    fillRoleAndTypeItems();
    check();
}

CsvMapping ImportMappingPage::mapping() const
{
    CsvMapping mapping;
    const QTableWidget *table = m_ui->mappingTableWidget;
    for (int row = 0; row < table->rowCount(); ++row) {
        CsvColumn column;
        column.header = table->item(row, HeaderColumn)->text();
        const auto *role = qobject_cast<QComboBox *>(table->cellWidget(row, RoleColumn));
        const auto *type = qobject_cast<QComboBox *>(table->cellWidget(row, TypeColumn));
        column.role = static_cast<ColumnRole>(role->currentData().toInt());
        column.type = static_cast<ColumnType>(type->currentData().toInt());
        mapping.columns << column;
    }
    return mapping;
}

void ImportMappingPage::setColumn(int column, ColumnRole role, ColumnType type)
{
    QTableWidget *table = m_ui->mappingTableWidget;
    if (column < 0 || column >= table->rowCount())
        return;
    qobject_cast<QComboBox *>(table->cellWidget(column, RoleColumn))->setCurrentIndex(int(allRoles().indexOf(role)));
    qobject_cast<QComboBox *>(table->cellWidget(column, TypeColumn))->setCurrentIndex(int(allTypes().indexOf(type)));
}

QStringList ImportMappingPage::problems() const
{
    if (!m_previewError.isEmpty())
        return {m_previewError};
    return checkCsvMapping(mapping());
}

bool ImportMappingPage::isComplete() const
{
    return m_ui->mappingTableWidget->rowCount() > 0 && problems().isEmpty();
}

void ImportMappingPage::check()
{
    // The type matters for property columns only.
    QTableWidget *table = m_ui->mappingTableWidget;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto *role = qobject_cast<QComboBox *>(table->cellWidget(row, RoleColumn));
        table->cellWidget(row, TypeColumn)->setEnabled(static_cast<ColumnRole>(role->currentData().toInt()) == ColumnRole::Property);
    }
    m_ui->mappingProblemLabel->setText(problems().join(u'\n'));
    Q_EMIT completeChanged();
}

void ImportMappingPage::fillRoleAndTypeItems()
{
    m_ui->mappingTableWidget->setHorizontalHeaderLabels({tr("Column"), tr("Holds"), tr("Type")});
    QTableWidget *table = m_ui->mappingTableWidget;
    for (int row = 0; row < table->rowCount(); ++row) {
        auto *role = qobject_cast<QComboBox *>(table->cellWidget(row, RoleColumn));
        auto *type = qobject_cast<QComboBox *>(table->cellWidget(row, TypeColumn));
        for (int i = 0; i < role->count(); ++i)
            role->setItemText(i, roleText(static_cast<ColumnRole>(role->itemData(i).toInt())));
        for (int i = 0; i < type->count(); ++i)
            type->setItemText(i, typeText(static_cast<ColumnType>(type->itemData(i).toInt())));
    }
}

void ImportMappingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillRoleAndTypeItems();
        check();
    }
    QWizardPage::changeEvent(event);
}

// ---- dry run ----------------------------------------------------------------------------------

ImportDryRunPage::ImportDryRunPage(CreateBackfillWizard *wizard)
    : QWizardPage(wizard)
    , m_ui(std::make_unique<Ui::ImportDryRunPage>())
    , m_wizard(wizard)
    , m_analyzer(new ImportAnalyzer(this))
    , m_loader(new VolumeLoader(this))
    , m_badRows(new BadRowModel(this))
    , m_chart(new VolumeChart(this))
{
    m_ui->setupUi(this);
    m_ui->chartLayout->insertWidget(0, m_chart, 1);
    m_ui->badRowsTableView->setModel(m_badRows);
    m_ui->badRowsTableView->horizontalHeader()->setSectionResizeMode(BadRowModel::LineColumn, QHeaderView::ResizeToContents);
    m_ui->badRowsTableView->horizontalHeader()->setSectionResizeMode(BadRowModel::KindColumn, QHeaderView::ResizeToContents);
    m_ui->dryRunSplitter->setStretchFactor(0, 3);
    m_ui->dryRunSplitter->setStretchFactor(1, 2);
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Create and import"));
    connect(m_ui->exportBadRowsButton, &QPushButton::clicked, this, &ImportDryRunPage::exportBadRows);

    connect(m_analyzer, &ImportAnalyzer::progress, this, [this](qint64 bytesRead, qint64 totalBytes, qint64 rows) {
        m_ui->dryRunProgressBar->setValue(totalBytes > 0 ? int(bytesRead * 1000 / totalBytes) : 0);
        m_ui->summaryLabel->setText(tr("Reading the file… %n row(s) so far.", nullptr, clampInt(rows)));
    });
    connect(m_analyzer, &ImportAnalyzer::finished, this, [this](const ImportAnalysis &analysis) {
        m_analysis = analysis;
        m_badRows->setRows(analysis.badRows);
        maybeReady();
    });
    connect(m_analyzer, &ImportAnalyzer::failed, this, [this](const QString &message) {
        m_error = message;
        maybeReady();
    });
    connect(m_loader, &VolumeLoader::loaded, this, [this](const QList<VolumeBucket> &buckets) {
        m_volume = buckets;
        m_volumeLoaded = true;
        maybeReady();
    });
    connect(m_loader, &VolumeLoader::failed, this, [this](const QString &message) {
        m_volumeError = message;
        m_volumeLoaded = true;
        maybeReady();
    });
    m_ui->dryRunProgressBar->setRange(0, 1000);
}

ImportDryRunPage::~ImportDryRunPage() = default;

void ImportDryRunPage::initializePage()
{
    m_analysis.reset();
    m_error.clear();
    m_volume.clear();
    m_volumeLoaded = false;
    m_volumeError.clear();
    m_badRows->clear();
    m_chart->clear();
    m_ui->dryRunProgressBar->setValue(0);
    m_ui->chartNoteLabel->clear();
    m_ui->summaryLabel->setText(tr("Reading the file…"));
    m_ui->exportBadRowsButton->setEnabled(false);

    m_analyzer->start(m_wizard->filePath(), m_wizard->importSpec(), m_wizard->screenTarget(), m_wizard->limits(),
                      m_wizard->now());
    if (m_wizard->client()) {
        m_loader->setApi(BackfillApi(m_wizard->client()));
        m_loader->load(m_wizard->timeframePage().start(), m_wizard->timeframePage().end());
    } else {
        m_volumeLoaded = true;
        m_volumeError = tr("not connected to a server");
    }
    Q_EMIT completeChanged();
}

void ImportDryRunPage::cleanupPage()
{
    m_analyzer->cancel();
    m_loader->cancel();
    QWizardPage::cleanupPage();
}

bool ImportDryRunPage::isRunning() const
{
    return !(m_analysis || !m_error.isEmpty()) || !m_volumeLoaded;
}

bool ImportDryRunPage::isComplete() const
{
    const CorrectionsHub *hub = m_wizard->hub();
    return !isRunning() && m_analysis && !m_analysis->cancelled && m_analysis->events > 0 && hub && hub->isReady();
}

void ImportDryRunPage::maybeReady()
{
    if (isRunning())
        return;
    m_ui->dryRunProgressBar->setValue(1000);
    m_ui->summaryLabel->setText(summaryText());
    m_ui->exportBadRowsButton->setEnabled(m_badRows->rowCount() > 0);
    showChart();
    Q_EMIT completeChanged();
    Q_EMIT ready();
}

QString ImportDryRunPage::summaryText() const
{
    if (!m_error.isEmpty())
        return tr("The file cannot be imported: %1").arg(m_error);
    if (!m_analysis)
        return tr("Reading the file…");
    const ImportAnalysis &a = *m_analysis;
    QString text = tr("%n row(s) read.", nullptr, clampInt(a.rows)) + u' ';
    text += tr("%n event(s) will be imported", nullptr, clampInt(a.events));
    text += tr(", for %n customer(s)", nullptr, clampInt(a.distinctCustomers));
    text += tr(", touching %n hour(s)", nullptr, clampInt(a.hoursTouched()));
    if (a.first && a.last)
        text += tr(" (%1 – %2 %3)").arg(TimeDisplay::format(*a.first), TimeDisplay::format(*a.last), TimeDisplay::zoneLabel());
    text += u'.';
    const qint64 failing = a.unreadable + a.malformed + a.invalid;
    text += u'\n' + tr("Not imported: %1 with a duplicate key, %2 outside the timeframe, %3 for another customer, %4 failing validation (%5 unreadable, %6 malformed, %7 refused by the ingest rules).")
                        .arg(a.duplicateKeys).arg(a.outsideTimeframe).arg(a.outsideScope).arg(failing)
                        .arg(a.unreadable).arg(a.malformed).arg(a.invalid);
    if (a.derivedKeys > 0)
        text += u'\n' + tr("%n row(s) without an idempotency key get one made from the file and the line, so importing again never duplicates them.",
                           nullptr, clampInt(a.derivedKeys));
    if (a.events == 0)
        text += u'\n' + tr("Nothing to import.");
    if (!m_volumeError.isEmpty())
        text += u'\n' + tr("The server's event volume could not be loaded: %1").arg(m_volumeError);
    const CorrectionsHub *hub = m_wizard->hub();
    if (!hub || !hub->isReady())
        text += u'\n' + tr("Not connected to a server: the backfill cannot be created now.");
    return text;
}

void ImportDryRunPage::showChart()
{
    const Timestamp start = m_wizard->timeframePage().start();
    const Timestamp end = m_wizard->timeframePage().end();
    VolumeSeries server{tr("On the server now"), {}, QColor(0x34, 0x65, 0xa4), false};
    for (const VolumeBucket &b : std::as_const(m_volume))
        server.hourly.insert(b.timeframeStart.msecs(), b.count);
    VolumeSeries file{tr("In this file"), m_analysis ? m_analysis->hourly : QMap<qint64, qint64>{}, QColor(0xc4, 0x6a, 0x00), false};
    QList<VolumeSeries> series{server, file};
    const NewBackfill b = m_wizard->newBackfill();
    QString note;
    if (!b.replaceExistingEvents) {
        VolumeSeries after{tr("After closing"), server.hourly, QColor(0x1b, 0x7f, 0x3b), true};
        for (auto it = file.hourly.cbegin(); it != file.hourly.cend(); ++it)
            after.hourly[it.key()] += it.value();
        series << after;
        note = tr("Added to the existing events: after closing, each hour counts both.");
    } else if (!b.customerId && !b.externalCustomerId && !b.deprecationFilter) {
        series << VolumeSeries{tr("After closing"), file.hourly, QColor(0x1b, 0x7f, 0x3b), true};
        note = tr("Replaces every event of the timeframe: after closing, each hour counts only the file's events.");
    } else {
        note = tr("Replaces only some existing events (one customer or a filter): after closing, each hour counts the "
                  "file's events plus the existing events that are not replaced.");
    }
    if (!m_volumeError.isEmpty())
        note += u' ' + tr("The server's counts are missing: %1").arg(m_volumeError);
    m_ui->chartNoteLabel->setText(note);
    m_chart->setSeries(series, start, end);
}

QString ImportDryRunPage::confirmationText() const
{
    const NewBackfill nb = m_wizard->newBackfill();
    Backfill b;
    b.timeframeStart = nb.timeframeStart;
    b.timeframeEnd = nb.timeframeEnd;
    b.customerId = nb.customerId;
    b.externalCustomerId = nb.externalCustomerId;
    const qint64 events = m_analysis ? m_analysis->events : 0;
    QString text = tr("Create a backfill for %1 and import %n event(s) into it?", nullptr, clampInt(events))
                       .arg(BackfillActions::affectedEvents(b));
    text += QStringLiteral("\n\n");
    if (!nb.replaceExistingEvents)
        text += tr("Once closed, its events are added to the existing ones.");
    else if (nb.deprecationFilter)
        text += tr("Once closed, its events replace the existing ones that match “%1”.").arg(*nb.deprecationFilter);
    else
        text += tr("Once closed, its events replace every existing one.");
    if (m_badRows->rowCount() > 0)
        text += u' ' + tr("%n row(s) of the file are not imported.", nullptr, m_badRows->rowCount());
    text += QStringLiteral("\n\n") + tr("Nothing counts for billing until you close the backfill; you can revert it.");
    return text;
}

bool ImportDryRunPage::validatePage()
{
    CorrectionsHub *hub = m_wizard->hub();
    if (!isComplete() || !hub)
        return false;
    QMessageBox box(QMessageBox::Question, tr("Create backfill"), confirmationText(), QMessageBox::Cancel, this);
    QPushButton *go = box.addButton(tr("Create and import"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != go)
        return false;
    return confirmProductionWrite(this, hub->profile(),
                                  tr("Creating a backfill and importing %n event(s)", nullptr, clampInt(m_analysis->events)));
}

void ImportDryRunPage::exportBadRows()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export bad rows"), QStringLiteral("bad-rows.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = m_badRows->exportCsv(path); !written)
        QMessageBox::warning(this, tr("Export bad rows"), written.error());
}

void ImportDryRunPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setButtonText(QWizard::CommitButton, tr("Create and import"));
        if (!isRunning()) {
            m_ui->summaryLabel->setText(summaryText());
            showChart();
        }
    }
    QWizardPage::changeEvent(event);
}

// ---- import -----------------------------------------------------------------------------------

ImportProgressPage::ImportProgressPage(CreateBackfillWizard *wizard)
    : QWizardPage(wizard), m_ui(std::make_unique<Ui::ImportProgressPage>()), m_wizard(wizard), m_badRows(new BadRowModel(this))
{
    m_ui->setupUi(this);
    m_ui->importBadRowsTableView->setModel(m_badRows);
    m_ui->importBadRowsTableView->horizontalHeader()->setSectionResizeMode(BadRowModel::LineColumn, QHeaderView::ResizeToContents);
    m_ui->importBadRowsTableView->horizontalHeader()->setSectionResizeMode(BadRowModel::KindColumn, QHeaderView::ResizeToContents);
    m_ui->importProgressBar->setRange(0, 1000);
    connect(m_ui->pauseButton, &QPushButton::clicked, this, &ImportProgressPage::pause);
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &ImportProgressPage::resume);
    connect(m_ui->cancelImportButton, &QPushButton::clicked, this, &ImportProgressPage::cancel);
    connect(&wizard->actions(), &BackfillActions::succeeded, this, [this](qint64 operation, const QString &, const Backfill &backfill) {
        if (operation != m_createOperation)
            return;
        m_backfill = backfill;
        Q_EMIT m_wizard->backfillCreated(backfill);
        startImport(backfill);
    });
    connect(&wizard->actions(), &BackfillActions::failed, this, [this](qint64 operation, const QString &, const QString &message) {
        if (operation == m_createOperation)
            finish(tr("The server did not create the backfill: %1").arg(message));
    });
    updateButtons();
}

ImportProgressPage::~ImportProgressPage() = default;

void ImportProgressPage::initializePage()
{
    if (m_started)
        return;
    m_started = true;
    m_ui->stageLabel->setText(tr("Creating the backfill…"));
    auto queued = m_wizard->actions().create(m_wizard->newBackfill());
    if (!queued) {
        finish(tr("Could not create the backfill: %1").arg(queued.error()));
        return;
    }
    m_createOperation = *queued;
}

void ImportProgressPage::startImport(const Backfill &backfill)
{
    CorrectionsHub *hub = m_wizard->hub();
    if (!hub) {
        finish(tr("The outbox closed before the import could start."));
        return;
    }
    ImportJobConfig config;
    config.path = m_wizard->filePath();
    config.spec = m_wizard->importSpec();
    config.target = m_wizard->screenTarget();
    config.target.backfillId = backfill.id;
    config.destination = hub->destination();
    config.groupId = Outbox::newGroupId();
    config.reason = tr("Import of %1 into backfill %2").arg(QFileInfo(config.path).fileName(), backfill.id);
    config.limits = m_wizard->limits();
    config.clock = [hub = QPointer<CorrectionsHub>(hub)] { return hub ? hub->now() : Timestamp::now(); };
    // Owned by the hub: the import goes on when the wizard is closed.
    m_job = new ImportJob(&hub->outbox(), config, hub);
    ImportJob *job = m_job;
    connect(job, &ImportJob::progressChanged, this, &ImportProgressPage::showProgress);
    connect(job, &ImportJob::badRowsFound, m_badRows, &BadRowModel::append);
    connect(job, &ImportJob::stateChanged, this, &ImportProgressPage::updateButtons);
    connect(job, &ImportJob::finished, job, &QObject::deleteLater);
    connect(job, &ImportJob::finished, this, [this, job](ImportJob::State state) {
        showProgress(job->progress());
        const ImportProgress p = job->progress();
        switch (state) {
        case ImportJob::State::Finished:
            finish(tr("Done: %n event(s) are in backfill %1", nullptr, clampInt(p.eventsConfirmed)).arg(m_backfill->id)
                   + (p.eventsFailed > 0 ? tr("; %n event(s) were refused and stay in the outbox for retry", nullptr, clampInt(p.eventsFailed)) : QString())
                   + tr(". Check the volume, then close the backfill in the Backfills view."));
            break;
        case ImportJob::State::Cancelled:
            finish(tr("Cancelled: %n event(s) had been sent; they stay in the pending backfill (revert it to discard them).",
                      nullptr, clampInt(p.eventsConfirmed)));
            break;
        default: finish(tr("The import stopped: %1").arg(job->errorString())); break;
        }
    });
    m_ui->stageLabel->setText(tr("Backfill %1 created; importing %2…").arg(backfill.id, QFileInfo(config.path).fileName()));
    job->start();
    updateButtons();
}

void ImportProgressPage::showProgress(const ImportProgress &p)
{
    m_ui->importProgressBar->setValue(p.totalBytes > 0 ? int(p.bytesRead * 1000 / p.totalBytes) : 0);
    m_ui->rateLabel->setText(tr("%1 events/s · %2 queued · %3 confirmed · %4 not imported")
                                 .arg(QString::number(p.eventsPerSecond, 'f', 0))
                                 .arg(p.eventsQueued)
                                 .arg(p.eventsConfirmed)
                                 .arg(p.badRows));
    m_ui->etaLabel->setText(etaText(p.etaMs));
}

void ImportProgressPage::pause()
{
    if (m_job)
        m_job->pause();
}

void ImportProgressPage::resume()
{
    if (m_job)
        m_job->resume();
}

void ImportProgressPage::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ImportProgressPage::updateButtons()
{
    const auto state = m_job ? m_job->state() : ImportJob::State::Idle;
    const bool running = state == ImportJob::State::Running || state == ImportJob::State::Finishing;
    m_ui->pauseButton->setEnabled(running);
    m_ui->resumeButton->setEnabled(state == ImportJob::State::Paused);
    m_ui->cancelImportButton->setEnabled(running || state == ImportJob::State::Paused);
    if (state == ImportJob::State::Paused)
        m_ui->importStatusLabel->setText(tr("Paused: nothing more is sent until you resume."));
    else if (!m_done)
        m_ui->importStatusLabel->clear();
}

void ImportProgressPage::finish(const QString &status)
{
    m_done = true;
    m_status = status;
    m_ui->stageLabel->setText(status);
    m_ui->etaLabel->clear();
    updateButtons();
    Q_EMIT completeChanged();
    Q_EMIT m_wizard->importEnded(m_backfill ? m_backfill->id : QString());
}

QString ImportProgressPage::statusText() const
{
    return m_status;
}

bool ImportProgressPage::isComplete() const
{
    return m_done;
}

void ImportProgressPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (m_done)
            m_ui->stageLabel->setText(m_status); // what happened stays as it was reported
        updateButtons();
    }
    QWizardPage::changeEvent(event);
}

} // namespace ul::gui
