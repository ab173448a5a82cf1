#pragma once

#include "outbox/OutboxTypes.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <memory>

namespace Ui {
class CorrectionsView;
}

class QTableView;

namespace ul::gui {

class CorrectionsHub;
class JournalTableModel;

/// The Corrections tab: the current profile's correction journal with filters (action, outcome,
/// event id or text, time range), CSV export, undo of a succeeded amendment, retry and
/// withdrawal of failed or queued corrections, and the outbox's pending work with its progress
/// (rate, ETA). Work an earlier session left queued is offered here: "Send now" or "Discard".
class CorrectionsView : public QWidget {
    Q_OBJECT
public:
    explicit CorrectionsView(CorrectionsHub &hub, QWidget *parent = nullptr);
    ~CorrectionsView() override;

    [[nodiscard]] JournalTableModel &model() const { return *m_model; }
    [[nodiscard]] QTableView *table() const;
    /// Reads the filter bar now (otherwise applied a moment after typing stops).
    void applyFilters();
    /// Selects the journal entry's row; false when it is not listed.
    bool selectEntry(qint64 entryId);
    /// The journal entry ids of the selected rows.
    [[nodiscard]] QList<qint64> selectedEntryIds() const;

    /// Undoes the amendment of the selected entry: checks the server's current version, asks
    /// for confirmation, queues the re-amendment (undoQueued follows).
    void undoSelected();
    /// Queues the selected failed entries again (all failed ones when none is selected).
    void retrySelected();
    /// Withdraws the selected queued or failed corrections.
    void withdrawSelected();
    /// Writes the filtered journal as CSV; returns the number of entries or an error.
    Expected<qint64, QString> exportCsvTo(const QString &path);
    void exportInteractively();

    [[nodiscard]] bool isQueuedNoticeVisible() const;
    [[nodiscard]] QString progressText() const;
    [[nodiscard]] QString problemText() const;

Q_SIGNALS:
    void undoQueued(const QString &groupId);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The texts set in code (the form's come from retranslateUi).
    void retranslate();
    void setUpFilters();
    void onProfileChanged();
    void showQueuedNotice();
    void onProgress(const OutboxProgress &progress);
    void showProblem(const QString &message);
    void showDetails();
    void updateButtons();
    void updateCount();
    [[nodiscard]] QList<qint64> operationIdsFor(const QList<qint64> &entryIds, std::optional<OperationState> state) const;

    std::unique_ptr<Ui::CorrectionsView> m_ui;
    CorrectionsHub &m_hub;
    JournalTableModel *m_model;
    QTimer m_filterTimer;
    QTimer m_refreshTimer;
    qint64 m_progressBaseline = 0;
    bool m_progressRunning = false;
};

} // namespace ul::gui
