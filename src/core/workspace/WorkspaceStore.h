#pragma once

#include "storage/Sqlite.h"
#include "util/Expected.h"
#include "workspace/WorkspaceTypes.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace ul::workspace {

/// The local workspace of one connection profile: every event the app has fetched, ingested or
/// imported, in one SQLite file, filterable by customer, event name, time range and property
/// expression, sortable by any column. Not thread-safe: WorkspaceService owns one on a worker
/// thread.
///
/// Schema (see the .cpp for the reasons): a narrow rowid table `events` with what filters and
/// sorts read (timestamp, name, customer ids, deprecated, fetched_at, source, and one typed column
/// per property key, `p1`, `p2`, ... added by ALTER TABLE when a key is first seen, so a property
/// filter is a plain column comparison and never parses JSON); indexes on timestamp, event name,
/// customer id and external customer id; and `event_payloads` with the id and the properties JSON
/// under the same rowid (`seq`, the event's stable row number), the id found through an index on
/// a 64-bit hash of it (random ids in a small integer index, not a wide text primary key).
///
/// A query is answered as a result list: the seqs of every matching event in order, built with
/// one SQL pass and, when SQLite did not return them in order already, one sort in memory.
/// Rows are then read by seq, a page at a time, so any row of a million-row result is as cheap to
/// reach as the first.
class WorkspaceStore {
public:
    ~WorkspaceStore();
    WorkspaceStore(const WorkspaceStore &) = delete;
    WorkspaceStore &operator=(const WorkspaceStore &) = delete;

    /// Opens or creates the workspace at `path` (`:memory:` for a throwaway one).
    static Expected<std::unique_ptr<WorkspaceStore>, QString> open(const QString &path);

    /// Adds or replaces events by id, in one transaction: the newest fetch wins (every field is
    /// replaced, and fetchedAt/source record this fetch); a replaced event keeps its seq. Later
    /// events in the list win over earlier ones with the same id.
    Expected<StoreSummary, QString> upsert(const QList<Event> &events, const QString &source,
                                           Timestamp fetchedAt = Timestamp::now());

    /// Every event in the workspace.
    Expected<qint64, QString> totalCount();
    /// How many events match (the sort is ignored).
    Expected<qint64, QString> count(const WorkspaceQuery &query);
    /// The seqs of all matching events in the query's order. `cancelled` is polled while SQLite
    /// works; when it answers true the call stops and returns the error "cancelled".
    Expected<std::vector<qint64>, QString> select(const WorkspaceQuery &query,
                                                  const std::function<bool()> &cancelled = {});
    /// The first `limit` matching rows straight from SQL, without building the result list; only
    /// quick when canAnswerFirstRowsDirectly(query).
    Expected<QList<WorkspaceRow>, QString> firstRows(const WorkspaceQuery &query, int limit);
    /// Whether SQLite can give a query's first rows from an index without visiting every match
    /// (no property filter, and sorted by timestamp, name or a customer column).
    [[nodiscard]] static bool canAnswerFirstRowsDirectly(const WorkspaceQuery &query);
    /// The rows with these seqs, in this order (seqs no longer present are skipped).
    Expected<QList<WorkspaceRow>, QString> rows(std::span<const qint64> seqs);
    /// One page of a query, for callers that do not keep result lists: select() + rows().
    Expected<QList<WorkspaceRow>, QString> page(const WorkspaceQuery &query, qint64 offset, int limit);
    /// The row of one event id.
    Expected<std::optional<WorkspaceRow>, QString> find(const QString &id);

    /// Every property key seen, in the order first seen.
    [[nodiscard]] QStringList propertyKeys() const { return m_keyOrder; }
    /// Removes every event and property key.
    Expected<Done, QString> clear();

    /// How many property keys get a typed column; keys seen after that are filtered through
    /// json_extract (slower, same results).
    static constexpr int MaxTypedKeys = 500;

private:
    struct Statements;
    explicit WorkspaceStore(sqlite::Database db);
    Expected<Done, QString> prepareSchema();
    Expected<Done, QString> loadKeys();
    Expected<Done, QString> prepareWrites();
    Expected<StoreSummary, QString> upsertInTransaction(const QList<Event> &events, const QString &source,
                                                        Timestamp fetchedAt);
    Expected<Done, QString> addKeys(const QList<Event> &events, QStringList &added);
    /// The SQL that reads a property's value in the typed form filter::toSql expects.
    [[nodiscard]] QByteArray propertySql(const QString &key) const;
    struct Where;
    [[nodiscard]] Where whereClause(const WorkspaceQuery &query) const;
    [[nodiscard]] QByteArray sortSql(const WorkspaceQuery &query) const;

    sqlite::Database m_db;
    std::unique_ptr<Statements> m_statements;
    QHash<QString, int> m_keyColumns; ///< key -> typed column number (p<n>), 0 for JSON-only keys
    QStringList m_keyOrder;
    QList<QString> m_typedKeys; ///< index i -> the key of column p<i+1>
};

/// The id hash the store indexes: 64 bits of FNV-1a over the UTF-16 code units, mixed. Stable
/// across runs and Qt versions (it is persisted).
qint64 workspaceIdHash(QStringView id);

} // namespace ul::workspace
