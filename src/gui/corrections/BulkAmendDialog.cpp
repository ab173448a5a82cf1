#include "corrections/BulkAmendDialog.h"

#include "corrections/AmendDialog.h"
#include "corrections/CorrectionChecks.h"
#include "corrections/CorrectionsHub.h"
#include "settings/ProductionConfirmDialog.h"
#include "validation/EventRules.h"

#include "ui_BulkAmendDialog.h"

#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPushButton>

namespace ul::gui {

BulkAmendDialog::BulkAmendDialog(CorrectionsHub &hub, const QList<Event> &events, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::BulkAmendDialog>()), m_hub(hub), m_events(events),
      m_model(new BulkAmendModel(this))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Bulk amend %n event(s)", nullptr, static_cast<int>(events.size())));
    m_ui->modeCombo->addItem(tr("Set a property"), static_cast<int>(Mode::SetProperty));
    m_ui->modeCombo->addItem(tr("Remove a property"), static_cast<int>(Mode::RemoveProperty));
    m_ui->modeCombo->addItem(tr("Rename the event"), static_cast<int>(Mode::Rename));
    for (auto type : {PropertyTableModel::Type::Text, PropertyTableModel::Type::Number, PropertyTableModel::Type::Boolean})
        m_ui->typeCombo->addItem(PropertyTableModel::typeName(type), static_cast<int>(type));
    m_ui->previewTable->setModel(m_model);
    m_ui->previewTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->previewTable->verticalHeader()->setVisible(false);
    m_ui->problemLabel->setStyleSheet(problemStyleSheet());
    m_ui->progressBar->setVisible(false);
    m_ui->cancelButton->setVisible(false);

    m_applyButton = m_ui->buttonBox->addButton(tr("&Apply"), QDialogButtonBox::ActionRole);
    m_retryButton = m_ui->buttonBox->addButton(tr("&Retry failed rows"), QDialogButtonBox::ActionRole);
    connect(m_applyButton, &QPushButton::clicked, this, &BulkAmendDialog::apply);
    connect(m_retryButton, &QPushButton::clicked, this, &BulkAmendDialog::retryFailed);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &BulkAmendDialog::cancelSending);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &BulkAmendDialog::reject);

    for (QLineEdit *edit : {m_ui->keyEdit, m_ui->valueEdit, m_ui->nameEdit})
        connect(edit, &QLineEdit::textChanged, this, &BulkAmendDialog::updatePreview);
    connect(m_ui->modeCombo, &QComboBox::currentIndexChanged, this, &BulkAmendDialog::updatePreview);
    connect(m_ui->typeCombo, &QComboBox::currentIndexChanged, this, &BulkAmendDialog::updatePreview);
    connect(&hub, &CorrectionsHub::groupChanged, this, &BulkAmendDialog::onGroupChanged);
    connect(&hub.outbox(), &Outbox::operationFinished, m_model, &BulkAmendModel::applyResult);
    updatePreview();
}

BulkAmendDialog::~BulkAmendDialog() = default;

void BulkAmendDialog::setMode(Mode mode)
{
    m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(static_cast<int>(mode)));
}

BulkAmendDialog::Mode BulkAmendDialog::mode() const
{
    return static_cast<Mode>(m_ui->modeCombo->currentData().toInt());
}

void BulkAmendDialog::setProperty(const QString &key, PropertyTableModel::Type type, const QString &value)
{
    setMode(Mode::SetProperty);
    m_ui->keyEdit->setText(key);
    m_ui->typeCombo->setCurrentIndex(m_ui->typeCombo->findData(static_cast<int>(type)));
    m_ui->valueEdit->setText(value);
}

void BulkAmendDialog::setRemovedProperty(const QString &key)
{
    setMode(Mode::RemoveProperty);
    m_ui->keyEdit->setText(key);
}

void BulkAmendDialog::setNewName(const QString &name)
{
    setMode(Mode::Rename);
    m_ui->nameEdit->setText(name);
}

void BulkAmendDialog::setReason(const QString &reason)
{
    m_ui->reasonEdit->setText(reason);
}

std::optional<Event> BulkAmendDialog::changed(const Event &event) const
{
    Event after = CorrectionChecks::withOneCustomerReference(event);
    const QString key = m_ui->keyEdit->text().trimmed();
    switch (mode()) {
    case Mode::SetProperty: {
        const auto type = static_cast<PropertyTableModel::Type>(m_ui->typeCombo->currentData().toInt());
        const QString text = m_ui->valueEdit->text();
        // The property model parses values exactly as the amend form does.
        PropertyTableModel parser;
        parser.setRow(parser.addProperty(), key, type, text);
        const Properties parsed = parser.properties();
        if (parsed.isEmpty())
            return std::nullopt;
        after.properties.set(key, parsed.entries().first().second);
        break;
    }
    case Mode::RemoveProperty:
        after.properties.remove(key);
        break;
    case Mode::Rename:
        after.eventName = m_ui->nameEdit->text();
        break;
    }
    return after;
}

void BulkAmendDialog::updatePreview()
{
    if (m_applied)
        return;
    const Mode current = mode();
    const bool property = current != Mode::Rename;
    m_ui->keyLabel->setVisible(property);
    m_ui->keyEdit->setVisible(property);
    m_ui->valueLabel->setVisible(current == Mode::SetProperty);
    m_ui->typeCombo->setVisible(current == Mode::SetProperty);
    m_ui->valueEdit->setVisible(current == Mode::SetProperty);
    m_ui->valueEdit->setPlaceholderText(static_cast<PropertyTableModel::Type>(m_ui->typeCombo->currentData().toInt())
                                                == PropertyTableModel::Type::Boolean
                                            ? tr("true or false")
                                            : QString());
    m_ui->nameLabel->setVisible(!property);
    m_ui->nameEdit->setVisible(!property);

    m_problem.clear();
    if (property && m_ui->keyEdit->text().trimmed().isEmpty()) {
        m_problem = tr("Name the property to change.");
    } else if (current == Mode::SetProperty && !m_events.isEmpty() && !changed(m_events.first())) {
        m_problem = tr("“%1” is not a number.").arg(m_ui->valueEdit->text());
    } else if (current == Mode::SetProperty
               && static_cast<PropertyTableModel::Type>(m_ui->typeCombo->currentData().toInt()) == PropertyTableModel::Type::Boolean
               && m_ui->valueEdit->text() != QLatin1StringView("true") && m_ui->valueEdit->text() != QLatin1StringView("false")) {
        m_problem = tr("A boolean is true or false.");
    }
    m_ui->problemLabel->setText(m_problem);
    m_ui->problemLabel->setVisible(!m_problem.isEmpty());

    QList<BulkAmendModel::Row> rows;
    if (m_problem.isEmpty()) {
        const QHash<QString, QString> flagged = CorrectionChecks::flag(m_events, QString(JournalAction::Amend), m_hub.journal(),
                                                                       m_hub.now(), m_hub.limits());
        for (const Event &event : m_events) {
            BulkAmendModel::Row row;
            row.before = event;
            row.after = changed(event).value_or(event);
            const QStringList problems = checkAmendment(event, row.after, m_hub.now(), m_hub.limits());
            if (sameContent(CorrectionChecks::withOneCustomerReference(event), row.after)) {
                row.state = BulkAmendModel::State::Unchanged;
            } else if (flagged.contains(event.id)) {
                row.state = BulkAmendModel::State::Flagged;
                row.message = flagged.value(event.id);
            } else if (!problems.isEmpty()) {
                row.state = BulkAmendModel::State::Flagged;
                row.message = problems.join(u' ');
            }
            rows << row;
        }
    }
    m_model->setRows(rows);
    m_ui->summaryLabel->setText(summaryText());
    updateButtons();
}

QString BulkAmendDialog::summaryText() const
{
    if (!m_problem.isEmpty())
        return {};
    QStringList parts{tr("%n event(s) will be amended", nullptr, m_model->count(BulkAmendModel::State::Ready))};
    if (const int unchanged = m_model->count(BulkAmendModel::State::Unchanged))
        parts << tr("%n unchanged", nullptr, unchanged);
    if (const int flagged = m_model->count(BulkAmendModel::State::Flagged))
        parts << tr("%n left out: a rule of the server would refuse them", nullptr, flagged);
    return parts.join(QStringLiteral("; ")) + u'.';
}

void BulkAmendDialog::updateButtons()
{
    const bool editing = !m_applied;
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->modeCombo, m_ui->keyEdit, m_ui->typeCombo, m_ui->valueEdit,
                                                       m_ui->nameEdit, m_ui->reasonEdit})
        w->setEnabled(editing);
    m_applyButton->setVisible(editing);
    m_applyButton->setEnabled(editing && m_problem.isEmpty() && m_model->count(BulkAmendModel::State::Ready) > 0);
    const bool sending = m_model->count(BulkAmendModel::State::Queued) > 0;
    m_retryButton->setVisible(m_applied);
    m_retryButton->setEnabled(!sending && m_model->count(BulkAmendModel::State::Failed) > 0);
    m_ui->cancelButton->setVisible(sending);
    m_ui->progressBar->setVisible(m_applied);
}

bool BulkAmendDialog::apply()
{
    const QList<AmendItem> items = m_model->items(BulkAmendModel::State::Ready);
    if (m_applied || items.isEmpty() || !m_problem.isEmpty())
        return false;
    if (!m_hub.isReady()) {
        m_ui->problemLabel->setText(CorrectionChecks::notConnectedText());
        m_ui->problemLabel->setVisible(true);
        return false;
    }
    if (!confirmProductionWrite(this, m_hub.profile(), tr("Amending %n event(s)", nullptr, static_cast<int>(items.size()))))
        return false;
    auto queued = m_hub.amend(items, m_ui->reasonEdit->text().trimmed());
    if (!queued) {
        m_ui->problemLabel->setText(queued.error());
        m_ui->problemLabel->setVisible(true);
        return false;
    }
    m_applied = true;
    m_groupId = queued->groupId;
    QList<std::pair<QString, qint64>> operations;
    for (qsizetype i = 0; i < items.size(); ++i)
        operations.append({items.at(i).before.id, queued->tickets.at(i).id});
    m_model->markQueued(operations);
    m_clock.start();
    m_answeredAtStart = 0;
    onGroupChanged(m_groupId);
    Q_EMIT applied(m_groupId);
    return true;
}

int BulkAmendDialog::retryFailed()
{
    const QList<qint64> failed = m_model->operationIds(BulkAmendModel::State::Failed);
    if (failed.isEmpty())
        return 0;
    if (!confirmProductionWrite(this, m_hub.profile(), tr("Sending %n failed row(s) again", nullptr, static_cast<int>(failed.size()))))
        return 0;
    auto retried = m_hub.retryFailed(failed);
    if (!retried) {
        m_ui->problemLabel->setText(retried.error());
        m_ui->problemLabel->setVisible(true);
        return 0;
    }
    for (qint64 id : failed)
        m_model->setState(id, BulkAmendModel::State::Queued);
    if (const CorrectionGroup *group = m_hub.group(m_groupId))
        m_answeredAtStart = group->counts.succeeded + group->counts.failed;
    m_clock.restart();
    onGroupChanged(m_groupId);
    return *retried;
}

void BulkAmendDialog::cancelSending()
{
    const QList<qint64> queued = m_model->operationIds(BulkAmendModel::State::Queued);
    if (auto withdrawn = m_hub.cancel(queued); !withdrawn) {
        m_ui->problemLabel->setText(withdrawn.error());
        m_ui->problemLabel->setVisible(true);
        return;
    }
    // What was withdrawn is no longer waited for by the hub; rows in flight keep their answer.
    if (const CorrectionGroup *group = m_hub.group(m_groupId)) {
        for (qint64 id : queued) {
            if (!group->outstanding.contains(id) && !group->results.contains(id))
                m_model->setState(id, BulkAmendModel::State::Cancelled, tr("withdrawn before it was sent"));
        }
    }
    onGroupChanged(m_groupId);
}

bool BulkAmendDialog::isFinished() const
{
    return m_applied && m_model->count(BulkAmendModel::State::Queued) == 0;
}

void BulkAmendDialog::onGroupChanged(const QString &groupId)
{
    if (groupId != m_groupId || m_groupId.isEmpty())
        return;
    const CorrectionGroup *group = m_hub.group(groupId);
    if (!group)
        return;
    // Rows answered by the outbox before this dialog heard of them (very fast answers).
    for (const OperationResult &result : group->results)
        m_model->applyResult(result);
    const qint64 total = group->counts.operations;
    const qint64 answered = group->counts.succeeded + group->counts.failed;
    const qint64 cancelled = group->counts.cancelled;
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
    const double rate = seconds > 0.2 ? static_cast<double>(answered - m_answeredAtStart) / seconds : 0.0;
    m_ui->progressBar->setRange(0, static_cast<int>(total - cancelled));
    m_ui->progressBar->setValue(static_cast<int>(answered));
    QString text = CorrectionChecks::progressText(answered, total - cancelled, group->outstanding.isEmpty() ? 0.0 : rate);
    text += u' ' + tr("(%1 amended, %2 failed)").arg(group->counts.succeeded).arg(group->counts.failed);
    m_ui->progressLabel->setText(text);
    updateButtons();
    if (group->outstanding.isEmpty())
        Q_EMIT allAnswered();
}

QString BulkAmendDialog::progressText() const
{
    return m_ui->progressLabel->text();
}

} // namespace ul::gui
