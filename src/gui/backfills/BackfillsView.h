#pragma once

#include "api/OrbClient.h"
#include "model/Backfill.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <chrono>
#include <memory>

namespace Ui {
class BackfillsView;
}

class QTableView;
class QTimer;

namespace ul::gui {

class BackfillActions;
class BackfillTableModel;
class UnfinishedImportsBar;
class CorrectionsHub;
class CreateBackfillWizard;
class VolumeView;

/// The "Backfills" tab: the server's backfills (newest first, paged as the analyst scrolls,
/// coloured by status, refreshed on their own while one is pending or being reverted), the
/// actions on the selected one — close, revert, show its timeframe's event volume — the
/// create-backfill wizard, and the event volume chart below.
///
/// Close and revert say what will change and ask first (production profiles also ask for the
/// profile's name), then go through the outbox after the ingest batches queued for that
/// backfill, and are journaled.
class BackfillsView : public QWidget {
    Q_OBJECT
public:
    explicit BackfillsView(QWidget *parent = nullptr);
    ~BackfillsView() override;

    /// The server to read from (not owned; null: nothing loads).
    void setClient(OrbClient *client);
    [[nodiscard]] OrbClient *client() const { return m_client; }
    /// Where writes go (the outbox, the journal, the profile); null: read-only.
    void setHub(CorrectionsHub *hub);

    [[nodiscard]] BackfillTableModel &model() const { return *m_model; }
    [[nodiscard]] BackfillActions &actions() const { return *m_actions; }
    [[nodiscard]] VolumeView &volumeView() const { return *m_volume; }
    /// Offers to finish imports an earlier session left unfinished.
    [[nodiscard]] UnfinishedImportsBar &unfinishedImportsBar() const { return *m_importsBar; }
    [[nodiscard]] QTableView *table() const;

    /// Loads the newest backfills again.
    void refresh();
    /// The selected backfill, if any.
    [[nodiscard]] std::optional<Backfill> currentBackfill() const;
    /// Selects the row of `backfillId` (when loaded).
    bool selectBackfill(const QString &backfillId);

    /// Asks, then queues the close of the selected backfill. Returns whether it was queued.
    bool closeSelected();
    /// Asks, then queues the revert of the selected backfill. Returns whether it was queued.
    bool revertSelected();
    /// Shows the event volume of the selected backfill's timeframe.
    void showVolumeOfSelected();
    /// Makes the event volume chart visible and gives it the focus.
    void showVolume();
    /// Opens the create-backfill wizard (non-modal); returns it.
    CreateBackfillWizard *openCreateWizard();

    /// How often the list reloads while a backfill is pending or being reverted.
    void setAutoRefreshInterval(std::chrono::milliseconds interval);
    [[nodiscard]] bool isAutoRefreshing() const;
    [[nodiscard]] QString statusText() const { return m_status; }
    [[nodiscard]] QString detailText() const;

Q_SIGNALS:
    /// A close or revert was answered: `ok`, and the backfill as the server has it now.
    void actionFinished(const QString &action, bool ok, const QString &backfillId);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void updateActions();
    void updateAutoRefresh();
    void showDetails();
    void setStatus(const QString &text);
    bool confirmAction(const QString &title, const QString &text, const QString &productionAction);

    std::unique_ptr<Ui::BackfillsView> m_ui;
    QPointer<OrbClient> m_client;
    QPointer<CorrectionsHub> m_hub;
    BackfillTableModel *m_model;
    BackfillActions *m_actions;
    VolumeView *m_volume;
    UnfinishedImportsBar *m_importsBar;
    QTimer *m_autoRefresh;
    QString m_status;
};

} // namespace ul::gui
