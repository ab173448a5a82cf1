#include "outbox/OutboxStore.h"

#include "json/IdList.h"
#include "json/JsonWriter.h"
#include "util/Timestamp.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QUuid>

#include <string>

namespace ul {

QLatin1StringView operationKindName(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Amend:
        return QLatin1StringView("amend");
    case OperationKind::Deprecate:
        return QLatin1StringView("deprecate");
    case OperationKind::Ingest:
        return QLatin1StringView("ingest");
    case OperationKind::Request:
        return QLatin1StringView("request");
    }
    return QLatin1StringView("request");
}

} // namespace ul

namespace ul::detail {

namespace {

constexpr int SchemaVersion = 1;

// state: 0 open, 1 queued, 2 failed. Done operations are deleted (the journal keeps the answer).
constexpr std::string_view Schema = R"sql(
CREATE TABLE IF NOT EXISTS outbox_meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox_op(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    op_key TEXT NOT NULL,
    destination TEXT NOT NULL,
    kind TEXT NOT NULL,
    state INTEGER NOT NULL,
    ordering_key TEXT,
    exclusive INTEGER NOT NULL,
    group_id TEXT,
    backfill_id TEXT,
    action TEXT NOT NULL,
    reason TEXT,
    event_ids TEXT NOT NULL,
    event_count INTEGER NOT NULL,
    journal_id INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    body BLOB
);
CREATE TABLE IF NOT EXISTS outbox_chunk(
    id INTEGER PRIMARY KEY,
    op_id INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    ids TEXT NOT NULL,
    events BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_chunk_by_op ON outbox_chunk(op_id);
CREATE TABLE IF NOT EXISTS outbox_group(
    group_id TEXT PRIMARY KEY,
    cursor BLOB NOT NULL,
    updated_ms INTEGER NOT NULL
);
)sql";

constexpr std::string_view OpColumns =
    "id, op_key, destination, kind, state, ordering_key, exclusive, group_id, backfill_id, action, reason,"
    " event_ids, event_count, journal_id, attempts, next_attempt_ms, created_ms, last_status, last_error,"
    " method, path, query";

StoredOperation readOperation(const sqlite::Statement &s)
{
    StoredOperation op;
    op.id = s.int64(0);
    op.key = s.text(1);
    op.destination = s.text(2);
    op.kind = operationKindFromName(s.text(3));
    const qint64 state = s.int64(4);
    op.state = state == 0 ? OperationState::Open : state == 2 ? OperationState::Failed : OperationState::Queued;
    op.orderingKey = s.text(5);
    op.exclusive = s.int64(6) != 0;
    op.groupId = s.text(7);
    op.backfillId = s.optionalText(8);
    op.action = s.text(9);
    op.reason = s.text(10);
    op.eventIds = json::decodeIdList(s.bytes(11));
    op.eventCount = s.int64(12);
    op.journalId = s.int64(13);
    op.attempts = int(s.int64(14));
    op.nextAttemptMs = s.int64(15);
    op.createdMs = s.int64(16);
    op.lastStatus = int(s.int64(17));
    op.lastError = s.text(18);
    op.method = s.bytes(19);
    op.path = s.text(20);
    op.query = s.text(21);
    return op;
}

int stateNumber(OperationState state)
{
    switch (state) {
    case OperationState::Open:
        return 0;
    case OperationState::Failed:
        return 2;
    case OperationState::Queued:
    case OperationState::InFlight:
        break;
    }
    return 1;
}

Expected<Done, QString> run(sqlite::Statement &s)
{
    return s.exec();
}

} // namespace

OperationKind operationKindFromName(QStringView name)
{
    for (OperationKind k : {OperationKind::Amend, OperationKind::Deprecate, OperationKind::Ingest, OperationKind::Request}) {
        if (name == operationKindName(k))
            return k;
    }
    return OperationKind::Request;
}

Expected<std::unique_ptr<OutboxStore>, QString> OutboxStore::open(const QString &path)
{
    auto db = sqlite::Database::open(path);
    if (!db)
        return Unexpected{db.error()};
    std::unique_ptr<OutboxStore> store(new OutboxStore(std::move(db).value()));
    if (auto ok = store->prepare(); !ok)
        return Unexpected{QStringLiteral("cannot prepare the outbox %1: %2").arg(path, ok.error())};
    return store;
}

Expected<Done, QString> OutboxStore::prepare()
{
    if (auto ok = sqlite::applySchema(m_db, Schema, SchemaVersion, QStringLiteral("the outbox")); !ok)
        return ok;
    {
        // Made once, on the first open; later opens keep it.
        auto insertId = m_db.prepare("INSERT OR IGNORE INTO outbox_meta(name, value) VALUES ('instance_id', ?)");
        if (!insertId)
            return Unexpected{insertId.error()};
        if (auto ok = insertId->bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces)).exec(); !ok)
            return ok;
    }
    {
        auto id = m_db.prepare("SELECT value FROM outbox_meta WHERE name = 'instance_id'");
        if (!id)
            return Unexpected{id.error()};
        if (!id->step())
            return Unexpected{QStringLiteral("the outbox has no instance id")};
        m_instanceId = id->text(0);
    }

    struct Prepared {
        sqlite::Statement *target;
        std::string_view sql;
    };
    const Prepared statements[] = {
        {&m_insert,
         "INSERT INTO outbox_op(op_key, destination, kind, state, ordering_key, exclusive, group_id, backfill_id,"
         " action, reason, event_ids, event_count, journal_id, attempts, next_attempt_ms, created_ms, method,"
         " path, query, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,?,?,?,?,?)"},
        {&m_insertChunk, "INSERT INTO outbox_chunk(op_id, event_count, ids, events) VALUES (?,?,?,?)"},
        {&m_setCountAndState, "UPDATE outbox_op SET event_count = ?, state = ?, journal_id = ? WHERE id = ?"},
        {&m_deleteChunks, "DELETE FROM outbox_chunk WHERE op_id = ?"},
        {&m_deleteOp, "DELETE FROM outbox_op WHERE id = ?"},
        {&m_markFailed, "UPDATE outbox_op SET state = 2, attempts = ?, last_status = ?, last_error = ? WHERE id = ?"},
        {&m_markRetry,
         "UPDATE outbox_op SET attempts = ?, next_attempt_ms = ?, last_status = ?, last_error = ? WHERE id = ?"},
        {&m_requeue,
         "UPDATE outbox_op SET state = 1, op_key = ?, journal_id = ?, attempts = 0, next_attempt_ms = 0 WHERE id = ?"},
        {&m_selectBody, "SELECT body FROM outbox_op WHERE id = ?"},
        {&m_selectChunks, "SELECT events, ids FROM outbox_chunk WHERE op_id = ? ORDER BY id"},
    };
    for (const Prepared &p : statements) {
        auto statement = m_db.prepare(p.sql);
        if (!statement)
            return Unexpected{statement.error()};
        *p.target = std::move(statement).value();
    }
    return Done{};
}

Expected<QList<StoredOperation>, QString> OutboxStore::loadUnfinished()
{
    auto s = m_db.prepare("SELECT " + std::string(OpColumns) + " FROM outbox_op WHERE state IN (0, 1) ORDER BY id");
    if (!s)
        return Unexpected{s.error()};
    QList<StoredOperation> ops;
    while (s->step())
        ops << readOperation(*s);
    if (!s->error().isEmpty())
        return Unexpected{s->error()};
    return ops;
}

Expected<std::pair<qint64, qint64>, QString> OutboxStore::failedTotals()
{
    auto s = m_db.prepare("SELECT COUNT(*), COALESCE(SUM(event_count), 0) FROM outbox_op WHERE state = 2");
    if (!s)
        return Unexpected{s.error()};
    if (!s->step())
        return Unexpected{s->error()};
    return std::pair<qint64, qint64>(s->int64(0), s->int64(1));
}

Expected<QList<StoredOperation>, QString> OutboxStore::load(const QList<qint64> &ids)
{
    auto s = m_db.prepare("SELECT " + std::string(OpColumns) + " FROM outbox_op WHERE id = ?");
    if (!s)
        return Unexpected{s.error()};
    QList<StoredOperation> ops;
    for (qint64 id : ids) {
        s->bind(1, id);
        if (s->step())
            ops << readOperation(*s);
        if (!s->error().isEmpty())
            return Unexpected{s->error()};
        s->reset();
    }
    return ops;
}

Expected<QList<StoredOperation>, QString> OutboxStore::list(const OperationFilter &filter)
{
    std::string sql = "SELECT " + std::string(OpColumns) + " FROM outbox_op WHERE 1";
    if (!filter.destination.isEmpty())
        sql += " AND destination = ?1";
    if (!filter.groupId.isEmpty())
        sql += " AND group_id = ?2";
    if (filter.state) {
        if (*filter.state == OperationState::InFlight)
            sql += " AND state = 1"; // the caller narrows to what is in flight
        else
            sql += " AND state = " + std::to_string(stateNumber(*filter.state));
    }
    sql += " ORDER BY id LIMIT ?3";
    auto s = m_db.prepare(sql);
    if (!s)
        return Unexpected{s.error()};
    if (!filter.destination.isEmpty())
        s->bind(1, filter.destination);
    if (!filter.groupId.isEmpty())
        s->bind(2, filter.groupId);
    s->bind(3, qint64(filter.limit < 0 ? -1 : filter.limit));
    QList<StoredOperation> ops;
    while (s->step())
        ops << readOperation(*s);
    if (!s->error().isEmpty())
        return Unexpected{s->error()};
    return ops;
}

Expected<QList<StoredOperation>, QString> OutboxStore::keysOf(const QString &destination)
{
    auto s = m_db.prepare("SELECT id, op_key, state, journal_id FROM outbox_op WHERE destination = ?");
    if (!s)
        return Unexpected{s.error()};
    s->bind(1, destination);
    QList<StoredOperation> ops;
    while (s->step()) {
        StoredOperation op;
        op.id = s->int64(0);
        op.key = s->text(1);
        const qint64 state = s->int64(2);
        op.state = state == 0 ? OperationState::Open : state == 2 ? OperationState::Failed : OperationState::Queued;
        op.journalId = s->int64(3);
        op.destination = destination;
        ops << op;
    }
    if (!s->error().isEmpty())
        return Unexpected{s->error()};
    return ops;
}

Expected<qint64, QString> OutboxStore::insert(const StoredOperation &op, const QByteArray &body)
{
    sqlite::Statement &s = m_insert;
    s.bind(1, op.key).bind(2, op.destination).bind(3, QString(operationKindName(op.kind)));
    s.bind(4, stateNumber(op.state));
    op.orderingKey.isEmpty() ? s.bindNull(5) : s.bind(5, op.orderingKey);
    s.bind(6, qint64(op.exclusive ? 1 : 0));
    op.groupId.isEmpty() ? s.bindNull(7) : s.bind(7, op.groupId);
    s.bind(8, op.backfillId);
    s.bind(9, op.action);
    op.reason.isEmpty() ? s.bindNull(10) : s.bind(10, op.reason);
    s.bind(11, json::encodeIdList(op.eventIds));
    s.bind(12, op.eventCount);
    op.journalId > 0 ? s.bind(13, op.journalId) : s.bindNull(13);
    s.bind(14, op.createdMs);
    s.bind(15, op.method).bind(16, op.path).bind(17, op.query);
    body.isNull() ? s.bindNull(18) : s.bind(18, body);
    if (auto ok = run(s); !ok)
        return Unexpected{ok.error()};
    return m_db.lastInsertRowId();
}

Expected<Done, QString> OutboxStore::insertChunk(qint64 opId, qint64 eventCount, const QByteArray &idsJson,
                                                 const QByteArray &events)
{
    return run(m_insertChunk.bind(1, opId).bind(2, eventCount).bind(3, idsJson).bind(4, events));
}

Expected<Done, QString> OutboxStore::setCountAndState(qint64 opId, qint64 eventCount, OperationState state,
                                                      qint64 journalId)
{
    sqlite::Statement &s = m_setCountAndState;
    s.bind(1, eventCount).bind(2, stateNumber(state));
    journalId > 0 ? s.bind(3, journalId) : s.bindNull(3);
    s.bind(4, opId);
    return run(s);
}

Expected<Done, QString> OutboxStore::remove(qint64 opId)
{
    if (auto ok = run(m_deleteChunks.bind(1, opId)); !ok)
        return ok;
    return run(m_deleteOp.bind(1, opId));
}

Expected<Done, QString> OutboxStore::markFailed(qint64 opId, int attempts, int status, const QString &error)
{
    sqlite::Statement &s = m_markFailed;
    s.bind(1, attempts);
    status > 0 ? s.bind(2, status) : s.bindNull(2);
    s.bind(3, error).bind(4, opId);
    return run(s);
}

Expected<Done, QString> OutboxStore::markRetry(qint64 opId, int attempts, qint64 nextAttemptMs, int status,
                                               const QString &error)
{
    sqlite::Statement &s = m_markRetry;
    s.bind(1, attempts).bind(2, nextAttemptMs);
    status > 0 ? s.bind(3, status) : s.bindNull(3);
    s.bind(4, error).bind(5, opId);
    return run(s);
}

Expected<Done, QString> OutboxStore::requeue(qint64 opId, const QString &key, qint64 journalId)
{
    return run(m_requeue.bind(1, key).bind(2, journalId).bind(3, opId));
}

Expected<Done, QString> OutboxStore::setGroupCursor(const QString &groupId, const QByteArray &cursor)
{
    auto s = m_db.prepare("INSERT INTO outbox_group(group_id, cursor, updated_ms) VALUES (?,?,?)"
                          " ON CONFLICT(group_id) DO UPDATE SET cursor = excluded.cursor, updated_ms = excluded.updated_ms");
    if (!s)
        return Unexpected{s.error()};
    // Bound as a blob-compatible text; cursors are opaque bytes to the outbox.
    return s->bind(1, groupId).bind(2, cursor).bind(3, Timestamp::now().msecs()).exec();
}

Expected<Done, QString> OutboxStore::removeGroupCursor(const QString &groupId)
{
    auto s = m_db.prepare("DELETE FROM outbox_group WHERE group_id = ?");
    if (!s)
        return Unexpected{s.error()};
    return s->bind(1, groupId).exec();
}

Expected<std::optional<QByteArray>, QString> OutboxStore::groupCursor(const QString &groupId)
{
    auto s = m_db.prepare("SELECT cursor FROM outbox_group WHERE group_id = ?");
    if (!s)
        return Unexpected{s.error()};
    s->bind(1, groupId);
    if (!s->step()) {
        if (!s->error().isEmpty())
            return Unexpected{s->error()};
        return std::optional<QByteArray>();
    }
    return std::optional<QByteArray>(s->bytes(0));
}

Expected<QStringList, QString> OutboxStore::groupsWithCursor()
{
    auto s = m_db.prepare("SELECT group_id FROM outbox_group ORDER BY rowid");
    if (!s)
        return Unexpected{s.error()};
    QStringList groups;
    while (s->step())
        groups << s->text(0);
    if (!s->error().isEmpty())
        return Unexpected{s->error()};
    return groups;
}

Expected<QStringList, QString> OutboxStore::chunkIds(qint64 opId)
{
    sqlite::Statement &s = m_selectChunks;
    s.bind(1, opId);
    QStringList ids;
    while (s.step())
        ids << json::decodeIdList(s.bytes(1));
    const QString error = s.error();
    s.reset();
    if (!error.isEmpty())
        return Unexpected{error};
    return ids;
}

Expected<QByteArray, QString> OutboxStore::body(qint64 opId, OperationKind kind)
{
    if (kind != OperationKind::Ingest) {
        sqlite::Statement &s = m_selectBody;
        s.bind(1, opId);
        QByteArray body;
        if (s.step())
            body = s.bytes(0);
        const QString error = s.error();
        s.reset();
        if (!error.isEmpty())
            return Unexpected{error};
        return body;
    }
    sqlite::Statement &s = m_selectChunks;
    s.bind(1, opId);
    QByteArray body;
    body.reserve(64 * 1024);
    body += "{\"events\":[";
    bool first = true;
    while (s.step()) {
        if (!first)
            body += ',';
        first = false;
        const std::string_view events = s.utf8(0);
        body.append(events.data(), qsizetype(events.size()));
    }
    const QString error = s.error();
    s.reset();
    if (!error.isEmpty())
        return Unexpected{error};
    body += "]}";
    return body;
}

} // namespace ul::detail
