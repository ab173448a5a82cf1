#pragma once

#include "api/WebhookApi.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>

#include <optional>

namespace ul::gui {

/// Failed webhook delivery tries (`GET /event/attempt`), newest first, loaded a page at a time:
/// reload() fetches the first page, and the view's canFetchMore()/fetchMore() fetch the next one
/// (following the server's cursor) as the analyst scrolls down. Rows keep the server's order.
///
/// Each row can carry the result of an action taken on it (resend, mark handled), shown in the
/// Result column; results are kept by attempt id, so they survive a refresh.
class AttemptTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        CodeColumn,
        HttpStatusColumn,
        MessageColumn,
        EventIdColumn,
        WebhookColumn,
        DurationColumn,
        TriggerColumn,
        DeliveryColumn,
        ResultColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        AttemptIdRole = Qt::UserRole + 1,
        EventIdRole,
        WebhookIdRole,
        ResultKindRole, ///< The ResultKind of the row, as an int.
    };

    enum class ResultKind { None, Working, Success, Failure };
    Q_ENUM(ResultKind)

    explicit AttemptTableModel(QObject *parent = nullptr);

    /// The server to load from; without one nothing loads.
    void setApi(const WebhookApi &api) { m_api = api; }
    /// Rows per page (1–100).
    void setPageSize(int rows) { m_pageSize = std::clamp(rows, 1, 100); }
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    /// Starts over with `query` (its cursor and limit are ignored). The rows shown stay until the
    /// first page arrives, then are replaced; an answer to an earlier reload is dropped.
    void reload(const AttemptQuery &query);
    /// reload() with the current query.
    void refresh() { reload(m_query); }
    void clear();
    [[nodiscard]] const AttemptQuery &query() const { return m_query; }

    [[nodiscard]] bool isLoading() const { return m_loading; }
    /// More pages are on the server.
    [[nodiscard]] bool hasMore() const { return m_nextCursor.has_value(); }
    /// Why the last load failed; empty after a successful one.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] const QList<Attempt> &attempts() const { return m_rows; }
    [[nodiscard]] const Attempt &attemptAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] std::optional<int> rowOf(const QString &attemptId) const;

    /// Replaces the row of `attempt.id`, if shown.
    void updateAttempt(const Attempt &attempt);
    /// Updates the delivery state shown on every row of that event and webhook.
    void setDeliveryState(const QString &eventId, const QString &webhookId, const QString &status, bool sending,
                          const std::optional<Timestamp> &delivered);
    void setResult(const QString &attemptId, ResultKind kind, const QString &text);
    [[nodiscard]] ResultKind resultKind(const QString &attemptId) const;
    [[nodiscard]] QString resultText(const QString &attemptId) const;

    /// `2026-11-23 10:15:00 UTC` (or local time, when shown so).
    [[nodiscard]] QString displayTime(const Timestamp &time) const;

    /// A translated word for a delivery status (`pending` → "Retrying", …).
    static QString deliveryStatusText(const QString &status, bool sending);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page arrived: `first` for the first page of a reload.
    void pageLoaded(int rows, bool first);
    void loadFailed(const QString &message);

private:
    void load(bool first);
    void setLoading(bool loading);

    WebhookApi m_api;
    AttemptQuery m_query;
    QList<Attempt> m_rows;
    std::optional<QString> m_nextCursor;
    struct Result {
        ResultKind kind = ResultKind::None;
        QString text;
    };
    QHash<QString, Result> m_results;
    CallHandle m_call;
    quint64 m_generation = 0;
    int m_pageSize = 50;
    bool m_loading = false;
    QString m_lastError;
};

} // namespace ul::gui
