#pragma once

#include "api/BackfillApi.h"

#include <QtCore/QAbstractTableModel>

#include <optional>

namespace ul::gui {

/// The backfills of the server (`GET /events/backfills`), newest first, loaded a page at a time:
/// reload() fetches the first page, the view's canFetchMore()/fetchMore() follow the server's
/// cursor as the analyst scrolls. Status cells are coloured by status; hasUnsettled() says
/// whether any row is still moving (pending or pending_revert), for the view's auto-refresh.
class BackfillTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StatusColumn,
        TimeframeStartColumn,
        TimeframeEndColumn,
        CustomerColumn,
        ModeColumn,
        DeprecationFilterColumn,
        EventsIngestedColumn,
        CreatedColumn,
        CloseTimeColumn,
        RevertedAtColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        BackfillIdRole = Qt::UserRole + 1,
        StatusRole, ///< The BackfillStatus, as an int.
    };

    explicit BackfillTableModel(QObject *parent = nullptr);

    /// The server to load from; without one nothing loads.
    void setApi(const BackfillApi &api) { m_api = api; }
    /// Rows per page (1–100).
    void setPageSize(int rows) { m_pageSize = std::clamp(rows, 1, 100); }
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    /// Loads the first page again; the rows shown stay until it arrives. An answer to an
    /// earlier reload is dropped.
    void reload();
    void clear();

    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool hasMore() const { return m_nextCursor.has_value(); }
    /// Why the last load failed; empty after a successful one.
    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// Whether a row is pending or pending_revert (its status will change without the analyst).
    [[nodiscard]] bool hasUnsettled() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] const QList<Backfill> &backfills() const { return m_rows; }
    [[nodiscard]] const Backfill &backfillAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] std::optional<int> rowOf(const QString &backfillId) const;
    /// Replaces the row of `backfill.id`, or puts it first when it is not shown (a new one).
    void updateBackfill(const Backfill &backfill);

    /// A translated word for a status ("Pending", "Reflected", …).
    static QString statusText(BackfillStatus status);
    /// What the status means for billing, for tooltips.
    static QString statusExplanation(BackfillStatus status);
    /// The colour a status is drawn in.
    static QColor statusColor(BackfillStatus status);
    /// "Customer cus_1", "External id acme", "All customers".
    static QString scopeText(const Backfill &backfill);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A page arrived: `first` for the first page of a reload.
    void pageLoaded(int rows, bool first);
    void loadFailed(const QString &message);

private:
    void load(bool first);
    void setLoading(bool loading);

    BackfillApi m_api;
    QList<Backfill> m_rows;
    std::optional<QString> m_nextCursor;
    CallHandle m_call;
    quint64 m_generation = 0;
    int m_pageSize = 50;
    bool m_loading = false;
    QString m_lastError;
};

} // namespace ul::gui
