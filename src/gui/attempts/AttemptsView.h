#pragma once

#include "api/WebhookApi.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <chrono>
#include <memory>

namespace Ui {
class AttemptsView;
}

class QTableView;
class QTimer;

namespace ul {
class OrbClient;
}

namespace ul::gui {

class AttemptTableModel;

/// The "Webhook attempts" tab: failed webhook deliveries from the server, newest first, loaded
/// page by page as the analyst scrolls, filtered by time range, event ids, webhook ids and code.
///
/// Selecting an attempt shows its full message and the receiver's answer below the table. The
/// selected attempts can be resent (their events delivered once more, now) or marked handled
/// (no more retries); each row shows how its action ended. "Show event" asks, through
/// showEventRequested(), for the attempt's event to be opened in the Events view.
class AttemptsView : public QWidget {
    Q_OBJECT
public:
    /// The time range choices, in the order the combo box lists them.
    enum class TimeRange { Any, LastHour, LastDay, LastWeek, Custom };
    Q_ENUM(TimeRange)

    /// `client` is not owned and may be null (nothing loads until setClient()).
    explicit AttemptsView(OrbClient *client, QWidget *parent = nullptr);
    ~AttemptsView() override;

    /// Changes the server, and loads from it.
    void setClient(OrbClient *client);
    [[nodiscard]] OrbClient *client() const { return m_client; }

    [[nodiscard]] AttemptTableModel &model() const { return *m_model; }
    [[nodiscard]] QTableView *table() const;

    // Filters; applyFilters() reloads with them.
    void setTimeRange(TimeRange range);
    /// A custom range: `from` inclusive, `until` exclusive (UTC).
    void setCustomRange(const Timestamp &from, const Timestamp &until);
    [[nodiscard]] TimeRange timeRange() const;
    void setEventIdsFilter(const QStringList &ids);
    void setWebhookIdsFilter(const QStringList &ids);
    /// `badHttpStatus`, `badConnection`, `timeout`, or empty for any.
    void setCodeFilter(const QString &code);
    /// What the filter boxes ask for now.
    [[nodiscard]] AttemptQuery currentQuery() const;
    void applyFilters();
    /// Loads the newest attempts again, with the filters last applied.
    void refresh();

    /// Refreshes every `interval` while on (and not while a load or an action runs).
    void setAutoRefresh(bool on);
    void setAutoRefreshInterval(std::chrono::milliseconds interval);
    [[nodiscard]] bool autoRefresh() const;

    /// The selected attempts (or the current one), in table order.
    [[nodiscard]] QList<Attempt> selectedAttempts() const;
    /// Resends the selected attempts' events to their webhooks (once per event and webhook).
    void resendSelected();
    /// Marks the selected attempts handled.
    void markSelectedHandled();
    /// Emits showEventRequested() for the current attempt.
    void showCurrentEvent();
    /// Opens the webhooks dialog.
    void openWebhooksDialog();

    /// What the detail pane shows.
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString statusText() const;

    /// How often a resent delivery is asked how it ended, and for how long at most.
    void setResendPolling(std::chrono::milliseconds interval, int maxPolls);

Q_SIGNALS:
    /// "Jump to its event": open `eventId` in the Events view.
    void showEventRequested(const QString &eventId);
    /// A resend of `attemptId`'s event ended: delivered, or not (the row shows why).
    void resendFinished(const QString &attemptId, bool delivered);
    /// Mark handled of `attemptId` ended.
    void markHandledFinished(const QString &attemptId, bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setUpFilters();
    void setUpTable();
    void setUpActions();
    void updateCustomRangeEdits();
    void updateActions();
    void updateStatus();
    void showCurrentDetails();
    void loadWebhookPicker();
    void pollDelivery(const QStringList &attemptIds, const QString &deliveryId, const QString &eventId,
                      const QString &webhookId, int pollsLeft);
    void finishResend(const QStringList &attemptIds, const QString &eventId, const QString &webhookId, const Delivery &delivery);

    std::unique_ptr<Ui::AttemptsView> m_ui;
    QPointer<OrbClient> m_client;
    WebhookApi m_api;
    AttemptTableModel *m_model;
    QTimer *m_autoRefreshTimer;
    QHash<QString, QString> m_webhookUrls; ///< id → url, for the picker
    int m_actionsRunning = 0;
    std::chrono::milliseconds m_pollInterval{250};
    int m_maxPolls = 240;
};

} // namespace ul::gui
