#pragma once

#include "workspace/WorkspaceService.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <optional>

namespace ul::gui {

/// The local workspace as a table: every row of a query's result, loaded a page at a time from
/// WorkspaceService as the view asks for it.
///
/// rowCount() is the whole result (a million rows is fine): the worker keeps the result list, the
/// model keeps only the pages near what was shown lately (a few thousand rows). Rows not loaded
/// yet show a placeholder and are requested in the background; dataChanged() follows when they
/// arrive. Sorting and filtering are queries on the store (sort() runs one) — never a
/// QSortFilterProxyModel over the whole result. Every row is marked as a local copy (the Source
/// column and the tooltip).
class WorkspaceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        EventNameColumn,
        CustomerIdColumn,
        ExternalCustomerIdColumn,
        TimestampColumn,
        DeprecatedColumn,
        SourceColumn,
        FetchedAtColumn,
        FirstPropertyColumn, ///< then one column per property key, in the order first seen
    };
    enum Role {
        EventRole = Qt::UserRole + 1, ///< the ul::Event of a loaded row
        SeqRole,                      ///< the row's workspace seq (qint64)
        LoadedRole,                   ///< whether the row is loaded (bool)
    };
    static constexpr int PageSize = 100;
    /// Pages kept in memory; the least recently used go first.
    static constexpr int MaxCachedPages = 64;

    explicit WorkspaceModel(workspace::WorkspaceService *service, QObject *parent = nullptr);
    ~WorkspaceModel() override;

    /// Runs a query (its sort is replaced by the model's current sort). The rows shown stay until
    /// the answer arrives.
    void setQuery(const workspace::WorkspaceQuery &query);
    [[nodiscard]] workspace::WorkspaceQuery query() const { return m_query; }
    /// Runs the current query again (e.g. after the workspace changed).
    void refresh();
    /// Re-run the query by itself whenever the workspace changes (after `delayMs`). On by default.
    void setAutoRefresh(bool enabled, int delayMs = 500);

    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// Whether the result shown answers refresh() (the same query again) rather than a new query
    /// or sort: a view keeps its scroll position then.
    [[nodiscard]] bool isRefreshed() const { return m_shownIsRefresh; }
    [[nodiscard]] qint64 matchingEvents() const { return m_count; }
    [[nodiscard]] qint64 totalEvents() const { return m_total; }
    /// From the call to the answer, as the analyst waited for it.
    [[nodiscard]] double lastQueryMs() const { return m_lastQueryMs; }
    /// The worker's share of lastQueryMs().
    [[nodiscard]] double lastWorkerMs() const { return m_lastWorkerMs; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QStringList propertyKeys() const { return m_keys; }
    /// The loaded row, if it is loaded.
    [[nodiscard]] std::optional<workspace::WorkspaceRow> rowAt(int row) const;
    [[nodiscard]] bool isRowLoaded(int row) const;
    /// Asks for the rows [first, last] now (they arrive with dataChanged).
    void loadRows(int first, int last);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// A query was answered: the row count and columns are set and the first rows loaded.
    void queryFinished(qint64 matching, qint64 total, double elapsedMs);
    void queryFailed(const QString &message);
    /// Rows [first, last] were loaded.
    void rowsLoaded(int first, int last);
    void busyChanged(bool busy);

private:
    struct Page {
        QList<workspace::WorkspaceRow> rows;
        quint64 lastUse = 0;
    };
    void run(bool refresh = false);
    void onAnswer(const workspace::QueryAnswer &answer);
    void requestWanted();
    void storePage(qint64 page, QList<workspace::WorkspaceRow> rows);
    void setBusy(bool busy);
    const workspace::WorkspaceRow *loadedRow(int row) const;
    QVariant display(const workspace::WorkspaceRow &row, int column) const;

    QPointer<workspace::WorkspaceService> m_service;
    workspace::WorkspaceService::ViewId m_view = 0;
    workspace::WorkspaceQuery m_query;
    quint64 m_pending = 0;   ///< generation asked for
    quint64 m_shown = 0;     ///< generation shown
    QElapsedTimer m_queryTimer;
    qint64 m_count = 0;
    qint64 m_total = 0;
    double m_lastQueryMs = 0;
    double m_lastWorkerMs = 0;
    QString m_lastError;
    QStringList m_keys;
    bool m_busy = false;
    bool m_pendingIsRefresh = false;
    bool m_shownIsRefresh = false;

    // Page cache. data() is const but asks for pages: these are the model's memory, not its state.
    mutable QHash<qint64, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable QList<qint64> m_wanted;  ///< most recent last
    mutable QSet<qint64> m_inFlight;
    mutable QTimer m_requestTimer;
    QTimer m_refreshTimer;
};

} // namespace ul::gui
