#include "store/SandboxStore.h"

#include "json/EventCodec.h"
#include "store/StoreCursor.h"

#include <QtCore/QJsonDocument>

namespace ul::sandbox {

namespace {

constexpr int SchemaVersion = 1;

constexpr std::string_view Schema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customers (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    external_customer_id TEXT UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    timezone TEXT NOT NULL,
    currency TEXT,
    details TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL);
-- Append-only: one row per version of an event, in the order they were recorded.
CREATE TABLE IF NOT EXISTS event_versions (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    previous_seq INTEGER REFERENCES event_versions (seq),
    -- Spelled with OR: SQLite evaluates an IN list of three or more constants in a CHECK by
    -- building a temporary b-tree for every inserted row: a quarter of the ingest CPU time.
    change TEXT NOT NULL CHECK (change = 'ingested' OR change = 'amended' OR change = 'deprecated'),
    customer_id TEXT,
    external_customer_id TEXT,
    event_name TEXT NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    properties TEXT NOT NULL,
    deprecated INTEGER NOT NULL DEFAULT 0,
    recorded_at_ms INTEGER NOT NULL,
    backfill_id TEXT);
CREATE TABLE IF NOT EXISTS corrections (
    customer_key TEXT NOT NULL,
    change TEXT NOT NULL,
    recorded_at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS corrections_by_customer ON corrections (customer_key, change, recorded_at_ms);
-- Backfills: their settings never change; status, close time, revert time and the count of
-- their events follow the state machine.
CREATE TABLE IF NOT EXISTS backfills (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    timeframe_start_ms INTEGER NOT NULL,
    timeframe_end_ms INTEGER NOT NULL,
    close_time_ms INTEGER,
    reverted_at_ms INTEGER,
    customer_id TEXT,
    replace_existing_events INTEGER NOT NULL,
    deprecation_filter TEXT,
    events_ingested INTEGER NOT NULL DEFAULT 0);
-- Append-only: the events a backfill's closing replaced (they count again once it is reverted).
CREATE TABLE IF NOT EXISTS backfill_replacements (
    backfill_id TEXT NOT NULL,
    event_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency_records (
    key TEXT PRIMARY KEY,
    fingerprint BLOB NOT NULL,
    status INTEGER NOT NULL,
    body BLOB NOT NULL,
    created_at_ms INTEGER NOT NULL);
)sql";

quint64 hashId(const QString &id)
{
    return qHash(id, size_t(0x9E3779B97F4A7C15ULL));
}

StoredCustomer readCustomer(const sqlite::Statement &q)
{
    StoredCustomer c;
    c.seq = q.int64(0);
    c.customer.id = q.text(1);
    c.customer.externalCustomerId = q.optionalText(2);
    c.customer.name = q.text(3);
    c.customer.email = q.text(4);
    c.customer.timezone = q.text(5);
    c.customer.currency = q.optionalText(6);
    c.details = QJsonDocument::fromJson(q.text(7).toUtf8()).object();
    c.customer.createdAt = Timestamp::fromMsecs(q.int64(8));
    return c;
}

} // namespace

QString eventChangeName(EventChange change)
{
    switch (change) {
    case EventChange::Ingested: return QStringLiteral("ingested");
    case EventChange::Amended: return QStringLiteral("amended");
    case EventChange::Deprecated: return QStringLiteral("deprecated");
    }
    return {};
}

SandboxStore::SandboxStore(sqlite::Database db) : m_db(std::move(db)) {}

SandboxStore::~SandboxStore() = default;

Expected<std::unique_ptr<SandboxStore>, QString> SandboxStore::open(const QString &path)
{
    auto db = sqlite::Database::open(path);
    if (!db)
        return Unexpected{db.error()};
    std::unique_ptr<SandboxStore> store(new SandboxStore(std::move(db).value()));
    if (auto ok = store->prepareSchema(); !ok)
        return Unexpected{ok.error()};
    if (auto ok = store->loadIndexes(); !ok)
        return Unexpected{ok.error()};
    return store;
}

Expected<Done, QString> SandboxStore::prepareSchema()
{
    if (auto ok = m_db.exec(Schema); !ok)
        return Unexpected{QStringLiteral("cannot create the sandbox schema: %1").arg(ok.error())};
    auto version = m_db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version)
        return Unexpected{version.error()};
    if (version->step()) {
        if (version->int64(0) != SchemaVersion)
            return Unexpected{QStringLiteral("the database has schema version %1; this sandbox reads version %2")
                                  .arg(version->int64(0))
                                  .arg(SchemaVersion)};
    } else {
        auto insert = m_db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)");
        if (!insert || !insert->bind(1, qint64(SchemaVersion)).exec())
            return Unexpected{QStringLiteral("cannot record the schema version")};
    }
    auto prepare = [this](std::string_view sql, sqlite::Statement &target) -> Expected<Done, QString> {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return Unexpected{stmt.error()};
        target = std::move(stmt).value();
        return Done{};
    };
    if (auto ok = prepare("INSERT INTO event_versions (event_id, version, change, customer_id, external_customer_id,"
                          " event_name, timestamp_ms, properties, deprecated, recorded_at_ms, backfill_id, previous_seq)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                          m_insertVersion);
        !ok)
        return ok;
    if (auto ok = prepare("SELECT event_id, customer_id, external_customer_id, event_name, timestamp_ms, properties,"
                          " deprecated, version, change, recorded_at_ms, previous_seq FROM event_versions WHERE seq = ?1",
                          m_selectVersion);
        !ok)
        return ok;
    if (auto ok = prepare("UPDATE backfills SET events_ingested = ?2 WHERE id = ?1", m_updateBackfillCount); !ok)
        return ok;
    return prepare("SELECT event_id FROM event_versions WHERE seq = ?1", m_selectEventId);
}

Expected<Done, QString> SandboxStore::loadIndexes()
{
    auto customers = m_db.prepare("SELECT seq, id, external_customer_id, name, email, timezone, currency, details,"
                                  " created_at_ms FROM customers");
    if (!customers)
        return Unexpected{customers.error()};
    while (customers->step()) {
        StoredCustomer c = readCustomer(*customers);
        if (c.customer.externalCustomerId)
            m_customerByExternalId.insert(*c.customer.externalCustomerId, c.customer.id);
        m_customers.insert(c.customer.id, c);
    }
    if (auto ok = loadBackfills(); !ok)
        return ok;
    auto versions = m_db.prepare("SELECT seq, event_id, timestamp_ms, deprecated, backfill_id, previous_seq"
                                 " FROM event_versions ORDER BY seq");
    if (!versions)
        return Unexpected{versions.error()};
    while (versions->step()) {
        const QString id = versions->text(1);
        const qint64 seq = versions->int64(0);
        indexVersion(id, hashId(id), seq);
        noteVersion(seq, Timestamp::fromMsecs(versions->int64(2)), versions->int64(3) != 0,
                    backfillIndex(versions->optionalText(4)), versions->optionalInt64(5));
    }
    auto replaced = m_db.prepare("SELECT backfill_id, event_id FROM backfill_replacements ORDER BY rowid");
    if (!replaced)
        return Unexpected{replaced.error()};
    while (replaced->step()) {
        const qint32 backfill = backfillIndex(replaced->text(0));
        const auto seq = currentSeq(replaced->text(1));
        if (backfill < 0 || !seq)
            continue;
        m_replacedBy[*seq].push_back(backfill);
        m_rows[size_t(*seq)].flags |= ReplacedRow;
    }
    return Done{};
}

void SandboxStore::indexVersion(const QString &id, quint64 hash, qint64 seq)
{
    if (auto it = m_collisions.find(id); it != m_collisions.end()) {
        *it = seq;
        return;
    }
    auto [it, inserted] = m_index.try_emplace(hash, seq);
    if (inserted)
        return;
    if (eventIdAt(it->second) == id)
        it->second = seq;
    else
        m_collisions.insert(id, seq); // two ids share a 64-bit hash: keep the newcomer apart
}

std::optional<qint64> SandboxStore::currentSeq(const QString &id) const
{
    if (!m_collisions.isEmpty()) {
        if (auto it = m_collisions.constFind(id); it != m_collisions.constEnd())
            return *it;
    }
    const auto it = m_index.find(hashId(id));
    if (it == m_index.end() || eventIdAt(it->second) != id)
        return std::nullopt;
    return it->second;
}

QString SandboxStore::eventIdAt(qint64 seq) const
{
    m_selectEventId.bind(1, seq);
    QString id = m_selectEventId.step() ? m_selectEventId.text(0) : QString();
    m_selectEventId.reset();
    return id;
}

std::optional<SandboxStore::VersionRow> SandboxStore::rowAt(qint64 seq) const
{
    m_selectVersion.bind(1, seq);
    std::optional<VersionRow> result;
    if (m_selectVersion.step()) {
        VersionRow row;
        Event &e = row.event;
        e.id = m_selectVersion.text(0);
        e.customerId = m_selectVersion.optionalText(1);
        e.externalCustomerId = m_selectVersion.optionalText(2);
        e.eventName = m_selectVersion.text(3);
        e.timestamp = Timestamp::fromMsecs(m_selectVersion.int64(4));
        const std::string_view props = m_selectVersion.utf8(5);
        if (auto p = json::decodeProperties(QByteArrayView(props.data(), qsizetype(props.size()))))
            e.properties = std::move(p).value();
        e.deprecated = m_selectVersion.int64(6) != 0;
        row.version = int(m_selectVersion.int64(7));
        const std::string_view change = m_selectVersion.utf8(8);
        row.change = change == "amended" ? EventChange::Amended
                   : change == "deprecated" ? EventChange::Deprecated
                                            : EventChange::Ingested;
        row.recordedAt = Timestamp::fromMsecs(m_selectVersion.int64(9));
        if (!m_selectVersion.isNull(10))
            row.previousSeq = m_selectVersion.int64(10);
        result = std::move(row);
    }
    m_selectVersion.reset();
    return result;
}

std::optional<Event> SandboxStore::currentEvent(const QString &id) const
{
    auto current = currentVersion(id);
    return current ? std::optional(std::move(current->second)) : std::nullopt;
}

std::optional<std::pair<qint64, Event>> SandboxStore::currentVersion(const QString &id) const
{
    // As currentSeq(), but the id is checked on the row read anyway: one query per event, not two
    // (search reads up to 500 events per request this way).
    std::optional<qint64> seq;
    if (!m_collisions.isEmpty()) {
        if (auto it = m_collisions.constFind(id); it != m_collisions.constEnd())
            seq = *it;
    }
    if (!seq) {
        const auto it = m_index.find(hashId(id));
        if (it == m_index.end())
            return std::nullopt;
        seq = it->second;
    }
    auto row = rowAt(*seq);
    if (!row || row->event.id != id)
        return std::nullopt;
    return std::pair(*seq, std::move(row->event));
}

Event SandboxStore::resolveCustomer(Event event) const
{
    if (event.customerId) {
        if (auto it = m_customers.constFind(*event.customerId); it != m_customers.constEnd())
            event.externalCustomerId = it->customer.externalCustomerId;
    } else if (event.externalCustomerId) {
        if (auto it = m_customerByExternalId.constFind(*event.externalCustomerId); it != m_customerByExternalId.constEnd())
            event.customerId = *it;
    }
    return event;
}

QList<EventVersion> SandboxStore::history(const QString &id) const
{
    // Each version links back to the one it replaced: one read per version, no index on ids.
    QList<EventVersion> versions;
    for (auto seq = currentSeq(id); seq;) {
        auto row = rowAt(*seq);
        if (!row)
            break;
        versions.prepend(EventVersion{row->version, row->change, row->recordedAt, resolveCustomer(row->event)});
        seq = row->previousSeq;
    }
    return versions;
}

Expected<Done, QString> SandboxStore::insertEvents(const QList<Event> &events, Timestamp recordedAt,
                                                   const std::optional<QString> &backfillId)
{
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    const qint32 backfill = backfillIndex(backfillId);
    if (backfillId && backfill < 0)
        return Unexpected{QStringLiteral("backfill %1 does not exist").arg(*backfillId)};
    QList<qint64> seqs;
    seqs.reserve(events.size());
    for (const Event &e : events) {
        m_insertVersion.bind(1, e.id)
            .bind(2, qint64(1))
            .bind(3, std::string_view("ingested"))
            .bind(4, e.customerId)
            .bind(5, e.externalCustomerId)
            .bind(6, e.eventName)
            .bind(7, e.timestamp.msecs())
            .bind(8, json::encodeProperties(e.properties))
            .bind(9, qint64(e.deprecated ? 1 : 0))
            .bind(10, recordedAt.msecs())
            .bind(11, backfillId)
            .bindNull(12);
        if (auto ok = m_insertVersion.exec(); !ok)
            return Unexpected{ok.error()};
        seqs.append(m_db.lastInsertRowId());
    }
    if (backfill >= 0) {
        const qint64 ingested = m_backfills[size_t(backfill)].eventsIngested + events.size();
        if (auto ok = m_updateBackfillCount.bind(1, *backfillId).bind(2, ingested).exec(); !ok)
            return ok;
    }
    if (auto ok = tx.commit(); !ok)
        return ok;
    if (backfill >= 0)
        m_backfills[size_t(backfill)].eventsIngested += events.size();
    for (qsizetype i = 0; i < events.size(); ++i)
        indexVersion(events[i].id, hashId(events[i].id), seqs[i]);
    noteIngested(events, seqs, backfill);
    for (const auto &listener : m_listeners)
        listener(EventChange::Ingested, events, 1, recordedAt, backfillId);
    return Done{};
}

Expected<Done, QString> SandboxStore::appendVersion(const Event &event, EventChange change, Timestamp recordedAt,
                                                    const QString &customerKey)
{
    const auto previousSeq = currentSeq(event.id);
    const auto previous = previousSeq ? rowAt(*previousSeq) : std::nullopt;
    if (!previous)
        return Unexpected{QStringLiteral("event %1 does not exist").arg(event.id)};
    const qint64 version = previous->version + 1;
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    m_insertVersion.bind(1, event.id)
        .bind(2, version)
        .bind(3, eventChangeName(change))
        .bind(4, event.customerId)
        .bind(5, event.externalCustomerId)
        .bind(6, event.eventName)
        .bind(7, event.timestamp.msecs())
        .bind(8, json::encodeProperties(event.properties))
        .bind(9, qint64(event.deprecated ? 1 : 0))
        .bind(10, recordedAt.msecs())
        .bindNull(11)
        .bind(12, *previousSeq);
    if (auto ok = m_insertVersion.exec(); !ok)
        return Unexpected{ok.error()};
    const qint64 seq = m_db.lastInsertRowId();
    auto count = m_db.prepare("INSERT INTO corrections (customer_key, change, recorded_at_ms) VALUES (?1, ?2, ?3)");
    if (!count)
        return Unexpected{count.error()};
    if (auto ok = count->bind(1, customerKey).bind(2, eventChangeName(change)).bind(3, recordedAt.msecs()).exec(); !ok)
        return ok;
    if (auto ok = tx.commit(); !ok)
        return ok;
    indexVersion(event.id, hashId(event.id), seq);
    noteVersion(seq, event.timestamp, event.deprecated, -1, previousSeq);
    if (!m_listeners.empty()) {
        const QList<Event> changed{event};
        for (const auto &listener : m_listeners)
            listener(change, changed, int(version), recordedAt, std::nullopt);
    }
    return Done{};
}

int SandboxStore::correctionsSince(const QString &customerKey, EventChange change, Timestamp since) const
{
    auto q = const_cast<sqlite::Database &>(m_db).prepare(
        "SELECT COUNT(*) FROM corrections WHERE customer_key = ?1 AND change = ?2 AND recorded_at_ms >= ?3");
    if (!q)
        return 0;
    q->bind(1, customerKey).bind(2, eventChangeName(change)).bind(3, since.msecs());
    return q->step() ? int(q->int64(0)) : 0;
}

Expected<StoredCustomer, QString> SandboxStore::insertCustomer(const Customer &customer, const QJsonObject &details)
{
    auto q = m_db.prepare("INSERT INTO customers (id, external_customer_id, name, email, timezone, currency, details,"
                          " created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, customer.id)
        .bind(2, customer.externalCustomerId)
        .bind(3, customer.name)
        .bind(4, customer.email)
        .bind(5, customer.timezone)
        .bind(6, customer.currency)
        .bind(7, QJsonDocument(details).toJson(QJsonDocument::Compact))
        .bind(8, customer.createdAt.msecs());
    if (auto ok = q->exec(); !ok)
        return Unexpected{ok.error()};
    StoredCustomer stored{customer, details, m_db.lastInsertRowId()};
    m_customers.insert(customer.id, stored);
    if (customer.externalCustomerId)
        m_customerByExternalId.insert(*customer.externalCustomerId, customer.id);
    return stored;
}

std::optional<StoredCustomer> SandboxStore::customer(const QString &id) const
{
    if (auto it = m_customers.constFind(id); it != m_customers.constEnd())
        return *it;
    return std::nullopt;
}

std::optional<StoredCustomer> SandboxStore::customerByExternalId(const QString &externalId) const
{
    if (auto it = m_customerByExternalId.constFind(externalId); it != m_customerByExternalId.constEnd())
        return customer(*it);
    return std::nullopt;
}

Expected<CustomerPage, QString> SandboxStore::listCustomers(int limit, const std::optional<QString> &cursor,
                                                            const CustomerFilter &filter) const
{
    qint64 before = std::numeric_limits<qint64>::max();
    if (cursor) {
        const auto seq = decodeCursor(*cursor);
        if (!seq)
            return Unexpected{QStringLiteral("cursor: \"%1\" is not a cursor this server issued").arg(*cursor)};
        before = *seq;
    }
    auto q = const_cast<sqlite::Database &>(m_db).prepare(
        "SELECT seq, id, external_customer_id, name, email, timezone, currency, details, created_at_ms FROM customers"
        " WHERE seq < ?1 AND created_at_ms >= ?2 AND created_at_ms > ?3 AND created_at_ms < ?4 AND created_at_ms <= ?5"
        " ORDER BY seq DESC LIMIT ?6");
    if (!q)
        return Unexpected{q.error()};
    constexpr qint64 lowest = std::numeric_limits<qint64>::min(), highest = std::numeric_limits<qint64>::max();
    q->bind(1, before)
        .bind(2, filter.createdGte ? filter.createdGte->msecs() : lowest)
        .bind(3, filter.createdGt ? filter.createdGt->msecs() : lowest)
        .bind(4, filter.createdLt ? filter.createdLt->msecs() : highest)
        .bind(5, filter.createdLte ? filter.createdLte->msecs() : highest)
        .bind(6, qint64(limit) + 1);
    CustomerPage page;
    while (q->step())
        page.customers.append(readCustomer(*q));
    if (page.customers.size() > limit) {
        page.customers.removeLast();
        page.nextCursor = encodeCursor(page.customers.last().seq);
    }
    return page;
}

std::optional<IdempotencyRecord> SandboxStore::idempotencyRecord(const QString &key) const
{
    auto q = const_cast<sqlite::Database &>(m_db).prepare(
        "SELECT fingerprint, status, body, created_at_ms FROM idempotency_records WHERE key = ?1");
    if (!q)
        return std::nullopt;
    q->bind(1, key);
    if (!q->step())
        return std::nullopt;
    const std::string_view fp = q->utf8(0), body = q->utf8(2);
    return IdempotencyRecord{QByteArray(fp.data(), qsizetype(fp.size())), int(q->int64(1)),
                             QByteArray(body.data(), qsizetype(body.size())), Timestamp::fromMsecs(q->int64(3))};
}

Expected<Done, QString> SandboxStore::saveIdempotencyRecord(const QString &key, const IdempotencyRecord &record)
{
    auto q = m_db.prepare("INSERT OR REPLACE INTO idempotency_records (key, fingerprint, status, body, created_at_ms)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q)
        return Unexpected{q.error()};
    return q->bind(1, key).bind(2, record.fingerprint).bind(3, qint64(record.status)).bind(4, record.body)
        .bind(5, record.createdAt.msecs()).exec();
}

void SandboxStore::purgeIdempotencyRecords(Timestamp olderThan)
{
    if (auto q = m_db.prepare("DELETE FROM idempotency_records WHERE created_at_ms < ?1"))
        q->bind(1, olderThan.msecs()).exec();
}

} // namespace ul::sandbox
