#pragma once

#include "outbox/OutboxTypes.h"
#include "storage/Sqlite.h"
#include "util/Expected.h"

#include <memory>

namespace ul::detail {

/// One operation as the outbox's SQLite file holds it (without its payload).
struct StoredOperation {
    qint64 id = 0;
    QString key;
    QString destination;
    OperationKind kind = OperationKind::Amend;
    OperationState state = OperationState::Queued; ///< Open, Queued or Failed (never InFlight).
    QString orderingKey;
    bool exclusive = true;
    QString groupId;
    std::optional<QString> backfillId;
    QString action;
    QString reason;
    QStringList eventIds;
    qint64 eventCount = 0;
    qint64 journalId = 0;
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    qint64 createdMs = 0;
    int lastStatus = 0;
    QString lastError;
    // The request, without its body (ingest bodies are built from the operation's chunks).
    QByteArray method;
    QString path;
    QString query;
};

/// The outbox's persistence: one SQLite file in WAL mode with synchronous=NORMAL (a commit
/// survives the process being killed; no fsync per write). Operations have time-ordered integer
/// keys, so inserts append to the B-tree; ingest events are stored as pre-serialized JSON in
/// chunks (one row per enqueue call, not per event). Internal to Outbox.
class OutboxStore {
public:
    static Expected<std::unique_ptr<OutboxStore>, QString> open(const QString &path);

    [[nodiscard]] const QString &instanceId() const { return m_instanceId; }
    [[nodiscard]] sqlite::Database &db() { return m_db; }

    /// Open and queued operations, oldest first.
    Expected<QList<StoredOperation>, QString> loadUnfinished();
    /// (operations, events) parked as failed.
    Expected<std::pair<qint64, qint64>, QString> failedTotals();
    Expected<QList<StoredOperation>, QString> load(const QList<qint64> &ids);
    Expected<QList<StoredOperation>, QString> list(const OperationFilter &filter);
    /// (id, key, state, journal id) of every operation of a destination.
    Expected<QList<StoredOperation>, QString> keysOf(const QString &destination);

    // Writes; call inside a transaction on db() for batches.
    Expected<qint64, QString> insert(const StoredOperation &op, const QByteArray &body);
    Expected<Done, QString> insertChunk(qint64 opId, qint64 eventCount, const QByteArray &idsJson, const QByteArray &events);
    Expected<Done, QString> setCountAndState(qint64 opId, qint64 eventCount, OperationState state, qint64 journalId);
    Expected<Done, QString> remove(qint64 opId);
    Expected<Done, QString> markFailed(qint64 opId, int attempts, int status, const QString &error);
    Expected<Done, QString> markRetry(qint64 opId, int attempts, qint64 nextAttemptMs, int status, const QString &error);
    Expected<Done, QString> requeue(qint64 opId, const QString &key, qint64 journalId);
    Expected<Done, QString> setGroupCursor(const QString &groupId, const QByteArray &cursor);
    Expected<Done, QString> removeGroupCursor(const QString &groupId);

    Expected<std::optional<QByteArray>, QString> groupCursor(const QString &groupId);
    /// Every group that has a stored cursor, oldest first.
    Expected<QStringList, QString> groupsWithCursor();
    /// The ids of an ingest batch, as one JSON array.
    Expected<QStringList, QString> chunkIds(qint64 opId);
    /// The request body: the stored body, or `{"events":[…]}` joined from the chunks.
    Expected<QByteArray, QString> body(qint64 opId, OperationKind kind);

private:
    explicit OutboxStore(sqlite::Database db) : m_db(std::move(db)) {}
    Expected<Done, QString> prepare();

    sqlite::Database m_db; // first: statements are finalized before the database closes
    QString m_instanceId;
    sqlite::Statement m_insert;
    sqlite::Statement m_insertChunk;
    sqlite::Statement m_setCountAndState;
    sqlite::Statement m_deleteChunks;
    sqlite::Statement m_deleteOp;
    sqlite::Statement m_markFailed;
    sqlite::Statement m_markRetry;
    sqlite::Statement m_requeue;
    sqlite::Statement m_selectBody;
    sqlite::Statement m_selectChunks;
};

OperationKind operationKindFromName(QStringView name);

} // namespace ul::detail
