#include "corrections/CorrectionsView.h"

#include "api/OrbClient.h"
#include "corrections/AmendDialog.h"
#include "corrections/CorrectionChecks.h"
#include "corrections/CorrectionsHub.h"
#include "corrections/JournalTableModel.h"
#include "settings/ProductionConfirmDialog.h"

#include "ui_CorrectionsView.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QJsonDocument>
#include <QtCore/QSaveFile>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMessageBox>

namespace ul::gui {

namespace {

constexpr int FilterDelayMs = 250;
constexpr int RefreshDelayMs = 100;

QString prettyJson(const QByteArray &json)
{
    if (json.isEmpty())
        return QStringLiteral("—");
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return document.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace

CorrectionsView::CorrectionsView(CorrectionsHub &hub, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::CorrectionsView>()), m_hub(hub), m_model(new JournalTableModel(this))
{
    m_ui->setupUi(this);
    m_ui->journalTable->setModel(m_model);
    m_ui->journalTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->journalTable->verticalHeader()->setVisible(false);
    m_ui->splitter->setSizes({400, 160});
    m_ui->problemLabel->setStyleSheet(problemStyleSheet());
    m_ui->problemLabel->setVisible(false);
    m_ui->queuedFrame->setVisible(false);
    m_ui->progressFrame->setVisible(false);
    setUpFilters();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, m_model, &JournalTableModel::refresh);
    connect(&hub, &CorrectionsHub::journalChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&hub, &CorrectionsHub::profileChanged, this, &CorrectionsView::onProfileChanged);
    connect(&hub, &CorrectionsHub::queuedWorkFound, this, &CorrectionsView::showQueuedNotice);
    connect(&hub, &CorrectionsHub::problem, this, &CorrectionsView::showProblem);
    connect(&hub.outbox(), &Outbox::progressChanged, this, &CorrectionsView::onProgress);
    connect(m_model, &JournalTableModel::refreshed, this, [this] {
        updateCount();
        updateButtons();
        showDetails();
    });
    connect(m_ui->journalTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    connect(m_ui->journalTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CorrectionsView::showDetails);

    connect(m_ui->sendNowButton, &QPushButton::clicked, this, [this] {
        m_hub.sendQueued();
        m_ui->queuedFrame->setVisible(false);
    });
    connect(m_ui->discardButton, &QPushButton::clicked, this, [this] {
        m_hub.discardQueued();
        m_ui->queuedFrame->setVisible(false);
    });
    connect(m_ui->cancelQueuedButton, &QPushButton::clicked, this, [this] {
        OperationFilter filter;
        filter.destination = m_hub.destination();
        filter.state = OperationState::Queued;
        if (auto operations = m_hub.outbox().operations(filter)) {
            QList<qint64> ids;
            for (const OperationInfo &info : *operations)
                ids << info.id;
            if (auto cancelled = m_hub.cancel(ids); !cancelled)
                showProblem(cancelled.error());
        }
    });
    connect(m_ui->undoButton, &QPushButton::clicked, this, &CorrectionsView::undoSelected);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &CorrectionsView::retrySelected);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &CorrectionsView::withdrawSelected);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &CorrectionsView::exportInteractively);

    onProfileChanged();
    if (hub.queuedFromEarlier() > 0)
        showQueuedNotice();
    onProgress(hub.outbox().progress());
}

CorrectionsView::~CorrectionsView() = default;

void CorrectionsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        updateCount();
        showQueuedNotice();
        onProgress(m_hub.outbox().progress());
    }
    QWidget::changeEvent(event);
}

void CorrectionsView::retranslate()
{
    m_ui->actionCombo->setItemText(0, tr("All actions"));
    m_ui->outcomeCombo->setItemText(0, tr("All outcomes"));
    for (int i = 1; i < m_ui->outcomeCombo->count(); ++i)
        m_ui->outcomeCombo->setItemText(i, JournalTableModel::outcomeText(static_cast<JournalOutcome>(m_ui->outcomeCombo->itemData(i).toInt())));
}

QTableView *CorrectionsView::table() const
{
    return m_ui->journalTable;
}

void CorrectionsView::setUpFilters()
{
    m_ui->actionCombo->addItem(QString(), QString());
    for (QLatin1StringView action : {JournalAction::Amend, JournalAction::Deprecate, JournalAction::Ingest,
                                     JournalAction::BackfillImport, JournalAction::BackfillClose, JournalAction::BackfillRevert})
        m_ui->actionCombo->addItem(QString(action), QString(action));
    m_ui->outcomeCombo->addItem(QString(), -1);
    for (JournalOutcome outcome : {JournalOutcome::Pending, JournalOutcome::Succeeded, JournalOutcome::Failed, JournalOutcome::Cancelled})
        m_ui->outcomeCombo->addItem(QString(), static_cast<int>(outcome));
    retranslate();
    const QDateTime today(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
    m_ui->fromEdit->setDateTime(today.addDays(-7));
    m_ui->toEdit->setDateTime(today.addDays(1));

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(FilterDelayMs);
    connect(&m_filterTimer, &QTimer::timeout, this, &CorrectionsView::applyFilters);
    auto later = [this] { m_filterTimer.start(); };
    connect(m_ui->actionCombo, &QComboBox::currentIndexChanged, this, later);
    connect(m_ui->outcomeCombo, &QComboBox::currentIndexChanged, this, later);
    connect(m_ui->textEdit, &QLineEdit::textChanged, this, later);
    connect(m_ui->fromEdit, &QDateTimeEdit::dateTimeChanged, this, later);
    connect(m_ui->toEdit, &QDateTimeEdit::dateTimeChanged, this, later);
    connect(m_ui->fromCheck, &QCheckBox::toggled, m_ui->fromEdit, &QWidget::setEnabled);
    connect(m_ui->toCheck, &QCheckBox::toggled, m_ui->toEdit, &QWidget::setEnabled);
    connect(m_ui->fromCheck, &QCheckBox::toggled, this, later);
    connect(m_ui->toCheck, &QCheckBox::toggled, this, later);
}

void CorrectionsView::applyFilters()
{
    m_filterTimer.stop();
    JournalFilter filter;
    if (const QString action = m_ui->actionCombo->currentData().toString(); !action.isEmpty())
        filter.actions = {action};
    if (const int outcome = m_ui->outcomeCombo->currentData().toInt(); outcome >= 0)
        filter.outcomes = {static_cast<JournalOutcome>(outcome)};
    const QString text = m_ui->textEdit->text().trimmed();
    // A bare id finds the entries that name it; anything else searches every text.
    filter.text = text;
    if (m_ui->fromCheck->isChecked())
        filter.from = Timestamp::fromDateTime(m_ui->fromEdit->dateTime());
    if (m_ui->toCheck->isChecked())
        filter.to = Timestamp::fromDateTime(m_ui->toEdit->dateTime());
    m_model->setFilter(filter);
}

void CorrectionsView::onProfileChanged()
{
    m_model->setJournal(m_hub.journal());
    m_ui->queuedFrame->setVisible(m_hub.queuedFromEarlier() > 0);
    updateButtons();
}

void CorrectionsView::showQueuedNotice()
{
    const qint64 count = m_hub.queuedFromEarlier();
    if (count <= 0)
        return;
    m_ui->queuedLabel->setText(tr("%n correction(s) queued in an earlier session have not been sent to “%1” yet. "
                                  "Send them now, or discard them (their journal entries become cancelled)?",
                                  nullptr, static_cast<int>(count))
                                   .arg(m_hub.profile().name));
    m_ui->queuedFrame->setVisible(true);
}

bool CorrectionsView::isQueuedNoticeVisible() const
{
    return !m_ui->queuedFrame->isHidden();
}

void CorrectionsView::onProgress(const OutboxProgress &progress)
{
    const qint64 answered = progress.doneEvents + progress.failedEvents;
    if (progress.remainingEvents > 0 && !m_progressRunning) {
        m_progressRunning = true;
        m_progressBaseline = answered;
    } else if (progress.remainingEvents == 0) {
        m_progressRunning = false;
    }
    m_ui->progressFrame->setVisible(progress.remainingOperations > 0 || progress.failedOperations > 0);
    const qint64 done = std::max<qint64>(0, answered - m_progressBaseline);
    const qint64 total = done + progress.remainingEvents;
    QString text;
    if (progress.remainingOperations > 0)
        text = tr("Sending: %1").arg(CorrectionChecks::progressText(done, total, progress.eventsPerSecond));
    else
        text = tr("Nothing waiting to be sent.");
    if (progress.failedOperations > 0)
        text += u' ' + tr("%n correction(s) failed and can be retried.", nullptr, static_cast<int>(progress.failedOperations));
    if (!progress.pausedDestinations.isEmpty() && progress.pausedDestinations.contains(m_hub.destination()))
        text += u' ' + tr("(paused)");
    m_ui->progressLabel->setText(text);
    m_ui->progressBar->setRange(0, static_cast<int>(std::min<qint64>(total, std::numeric_limits<int>::max())));
    m_ui->progressBar->setValue(static_cast<int>(std::min<qint64>(done, std::numeric_limits<int>::max())));
    m_ui->progressBar->setVisible(progress.remainingOperations > 0);
    m_ui->cancelQueuedButton->setVisible(progress.remainingOperations > 0);
}

QString CorrectionsView::progressText() const
{
    return m_ui->progressLabel->text();
}

void CorrectionsView::showProblem(const QString &message)
{
    m_ui->problemLabel->setText(message);
    m_ui->problemLabel->setVisible(!message.isEmpty());
}

QString CorrectionsView::problemText() const
{
    return m_ui->problemLabel->isHidden() ? QString() : m_ui->problemLabel->text();
}

QList<qint64> CorrectionsView::selectedEntryIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_ui->journalTable->selectionModel()->selectedRows())
        ids << m_model->entryAt(index.row()).id;
    return ids;
}

bool CorrectionsView::selectEntry(qint64 entryId)
{
    const auto row = m_model->rowOf(entryId);
    if (!row)
        return false;
    m_ui->journalTable->selectRow(*row);
    return true;
}

void CorrectionsView::showDetails()
{
    const QModelIndex current = m_ui->journalTable->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_ui->detailsEdit->clear();
        return;
    }
    const JournalEntry &e = m_model->entryAt(current.row());
    QString text = tr("Entry #%1 · %2 · %3").arg(e.id).arg(e.action, JournalTableModel::outcomeText(e.outcome));
    if (!e.operationId.isEmpty())
        text += u'\n' + tr("Operation: %1").arg(e.operationId);
    if (!e.reason.isEmpty())
        text += u'\n' + tr("Reason: %1").arg(e.reason);
    if (!e.error.isEmpty())
        text += u'\n' + tr("Message: %1").arg(e.error);
    if (!e.annotationCorrelationId.isEmpty())
        text += u'\n' + tr("Annotation: %1").arg(e.annotationCorrelationId);
    text += u'\n' + tr("Events: %1").arg(e.eventIds.join(QStringLiteral(", ")));
    text += QStringLiteral("\n\n") + tr("Before:") + u'\n' + prettyJson(e.beforeJson);
    text += QStringLiteral("\n") + tr("After:") + u'\n' + prettyJson(e.afterJson);
    text += QStringLiteral("\n") + tr("Server's answer (HTTP %1):").arg(e.httpStatus) + u'\n' + prettyJson(e.responseBody);
    m_ui->detailsEdit->setPlainText(text);
}

void CorrectionsView::updateButtons()
{
    bool undoable = false;
    bool failed = false;
    bool withdrawable = false;
    const QList<qint64> ids = selectedEntryIds();
    for (const QModelIndex &index : m_ui->journalTable->selectionModel()->selectedRows()) {
        const JournalEntry &e = m_model->entryAt(index.row());
        undoable = undoable || (ids.size() == 1 && e.isUndoable());
        failed = failed || e.outcome == JournalOutcome::Failed;
        withdrawable = withdrawable || e.outcome == JournalOutcome::Failed || e.outcome == JournalOutcome::Pending;
    }
    const bool ready = m_hub.isReady();
    m_ui->undoButton->setEnabled(ready && undoable);
    m_ui->retryButton->setEnabled(ready && (failed || ids.isEmpty()));
    m_ui->cancelButton->setEnabled(withdrawable);
    m_ui->exportButton->setEnabled(m_model->journal() != nullptr);
}

void CorrectionsView::updateCount()
{
    if (!m_model->lastError().isEmpty()) {
        m_ui->countLabel->setText(m_model->lastError());
        return;
    }
    const qint64 shown = m_model->rowCount();
    m_ui->countLabel->setText(shown < m_model->totalCount()
                                  ? tr("newest %1 of %2 entries").arg(shown).arg(m_model->totalCount())
                                  : tr("%n entries", nullptr, static_cast<int>(shown)));
}

QList<qint64> CorrectionsView::operationIdsFor(const QList<qint64> &entryIds, std::optional<OperationState> state) const
{
    OperationFilter filter;
    filter.destination = m_hub.destination();
    filter.state = state;
    QList<qint64> ids;
    if (auto operations = m_hub.outbox().operations(filter)) {
        for (const OperationInfo &info : *operations) {
            if (entryIds.isEmpty() || entryIds.contains(info.journalId))
                ids << info.id;
        }
    }
    return ids;
}

void CorrectionsView::retrySelected()
{
    const QList<qint64> ids = operationIdsFor(selectedEntryIds(), OperationState::Failed);
    if (ids.isEmpty()) {
        showProblem(tr("No failed correction to retry."));
        return;
    }
    if (!confirmProductionWrite(this, m_hub.profile(), tr("Sending %n failed correction(s) again", nullptr, static_cast<int>(ids.size()))))
        return;
    if (auto retried = m_hub.retryFailed(ids); !retried)
        showProblem(retried.error());
    else
        showProblem({});
}

void CorrectionsView::withdrawSelected()
{
    const QList<qint64> entries = selectedEntryIds();
    if (entries.isEmpty())
        return;
    const QList<qint64> ids = operationIdsFor(entries, std::nullopt);
    if (auto withdrawn = m_hub.cancel(ids); !withdrawn)
        showProblem(withdrawn.error());
    else if (*withdrawn == 0)
        showProblem(tr("Nothing to withdraw: corrections being sent cannot be withdrawn."));
}

void CorrectionsView::undoSelected()
{
    const QList<qint64> ids = selectedEntryIds();
    Journal *journal = m_hub.journal();
    if (ids.size() != 1 || !journal || !m_hub.client())
        return;
    const qint64 entryId = ids.first();
    auto plan = journal->undoPlan(entryId);
    if (!plan) {
        showProblem(plan.error());
        return;
    }
    // Compare with the server's version first: a later change would be overwritten.
    SearchQuery query;
    query.eventIds = {plan->restore.id};
    query.timeframeStart = Timestamp::fromMsecs(0);
    using namespace std::chrono_literals;
    query.timeframeEnd = m_hub.now() + 24h;
    const UndoPlan undo = *plan;
    m_hub.client()->searchEvents(query, this, [this, undo](Expected<QList<Event>, RequestError> found) {
        if (!found) {
            showProblem(tr("The event's current version could not be read: %1").arg(found.error().humanMessage()));
            return;
        }
        if (found->isEmpty()) {
            showProblem(tr("The server no longer has event %1.").arg(undo.restore.id));
            return;
        }
        const Event &current = found->first();
        QString text = tr("Undo journal entry #%1? Event %2 is amended back to its earlier version:\n%3")
                           .arg(undo.entryId)
                           .arg(undo.restore.id, CorrectionChecks::summary(current, undo.restore));
        if (!sameContent(CorrectionChecks::withOneCustomerReference(current), CorrectionChecks::withOneCustomerReference(undo.expectedCurrent)))
            text += QStringLiteral("\n\n") + tr("Warning: the event changed on the server since that amendment; "
                                                "those later changes are replaced too.");
        if (QMessageBox::question(this, tr("Undo amendment"), text) != QMessageBox::Yes)
            return;
        if (!confirmProductionWrite(this, m_hub.profile(), tr("Undoing the amendment of %1").arg(undo.restore.id)))
            return;
        auto group = m_hub.undo(undo.entryId, tr("Undo of journal entry #%1").arg(undo.entryId));
        if (!group) {
            showProblem(group.error());
            return;
        }
        showProblem({});
        Q_EMIT undoQueued(group->groupId);
    });
}

Expected<qint64, QString> CorrectionsView::exportCsvTo(const QString &path)
{
    Journal *journal = m_hub.journal();
    if (!journal)
        return Unexpected{tr("No journal is open.")};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    JournalFilter filter = m_model->filter();
    filter.limit = -1;
    auto written = journal->exportCsv(filter, file);
    if (!written)
        return Unexpected{written.error()};
    if (!file.commit())
        return Unexpected{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return *written;
}

void CorrectionsView::exportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the journal"), QStringLiteral("corrections.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    auto written = exportCsvTo(path);
    showProblem(written ? QString() : written.error());
    if (written)
        m_ui->countLabel->setText(tr("%n entries exported.", nullptr, static_cast<int>(*written)));
}

} // namespace ul::gui
