#include "workspace/WorkspaceStore.h"

#include "filter/FilterSql.h"
#include "json/EventCodec.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace ul::workspace {

namespace {

constexpr int SchemaVersion = 1;

// Why this shape (measured with 1,000,000 events, random UUIDv4 ids, on the 2-core build machine;
// the figures are in bench/workspace):
// - Rowid tables, appended in seq order: writes touch the end of the tables only. A TEXT primary
//   key on random ids made every commit rewrite pages all over the B-tree (the performance notes:
//   25 k rows/s). The id is found through `event_payloads_by_id_hash`, an index of 8-byte
//   integers small enough to stay in the page cache.
// - Two tables by what reads them. `events` holds what filters and sorts read (timestamp, name,
//   customers, flags, and the typed property columns): about 70 bytes a row, so a scan of a
//   million rows for a property filter reads ~70 MB, not the ~300 MB that the ids and the JSON
//   would add. `event_payloads` holds the id and the properties JSON, read a page of rows at a time.
// - Indexes for what the filter bar asks (timestamp, event name, customer id, external customer
//   id). The name and customer indexes end in the rowid, so within one name or customer they grow
//   at the end, not at random places. Composite (customer, timestamp) indexes cost a third of the
//   write speed for queries that were already quick.
// - Property keys become typed columns (`p1`, `p2`, ...; ALTER TABLE ADD COLUMN is O(1) in
//   SQLite): `region = 'eu'` is a comparison on a column, never JSON parsing. Values keep their
//   SQLite storage class (strings TEXT, numbers INTEGER/REAL) and booleans are one-byte BLOBs, so
//   the filter's "types must match" rule is a range check (filter/FilterSql.cpp). An index per key
//   would make every write touch random pages again; property filters scan `events` instead.
// - Writes happen in large transactions (the service groups queued stores): each commit writes
//   every index page it touched, and the timestamp and id-hash indexes are touched at random. Into
//   a million-event workspace, transactions of 500 events gave 11 k events/s, of 50,000 58 k/s.
constexpr std::string_view Schema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY,
    ts INTEGER NOT NULL,
    deprecated INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    source TEXT NOT NULL,
    event_name TEXT NOT NULL,
    customer_id TEXT,
    external_customer_id TEXT);
CREATE INDEX IF NOT EXISTS events_by_ts ON events (ts);
CREATE INDEX IF NOT EXISTS events_by_name ON events (event_name);
CREATE INDEX IF NOT EXISTS events_by_customer ON events (customer_id);
CREATE INDEX IF NOT EXISTS events_by_external_customer ON events (external_customer_id);
CREATE TABLE IF NOT EXISTS event_payloads (
    seq INTEGER PRIMARY KEY,
    id_hash INTEGER NOT NULL,
    id TEXT NOT NULL,
    properties TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_payloads_by_id_hash ON event_payloads (id_hash);
CREATE TABLE IF NOT EXISTS property_keys (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    col INTEGER);
)sql";

constexpr int BaseParameters = 7; // ts .. external_customer_id in the events insert and update
constexpr std::string_view RowSql =
    "SELECT e.seq, e.ts, e.deprecated, e.event_name, e.customer_id, e.external_customer_id, e.fetched_at, e.source,"
    " p.id, p.properties FROM events e JOIN event_payloads p ON p.seq = e.seq WHERE e.seq = ?1";

QString sqliteMessage(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

/// A prepared statement on the raw API. The store binds BLOBs (booleans) and reads storage
/// classes (mixed-type sort keys), which sqlite::Statement does not offer.
class Stmt {
public:
    Stmt() = default;
    Stmt(Stmt &&other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db) {}
    Stmt &operator=(Stmt &&other) noexcept
    {
        if (this != &other) {
            sqlite3_finalize(m_stmt);
            m_stmt = std::exchange(other.m_stmt, nullptr);
            m_db = other.m_db;
        }
        return *this;
    }
    ~Stmt() { sqlite3_finalize(m_stmt); }

    static Expected<Stmt, QString> prepare(sqlite3 *db, std::string_view sql, bool persistent = true)
    {
        Stmt s;
        s.m_db = db;
        if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                               &s.m_stmt, nullptr)
            != SQLITE_OK) {
            return Unexpected{QStringLiteral("%1 (in: %2)").arg(sqliteMessage(db), QString::fromUtf8(sql.data(), qsizetype(sql.size())))};
        }
        return s;
    }

    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }
    void bind(int i, const QString &v)
    {
        sqlite3_bind_text16(m_stmt, i, v.utf16(), static_cast<int>(v.size() * 2), SQLITE_TRANSIENT);
    }
    void bind(int i, const std::optional<QString> &v)
    {
        if (v)
            bind(i, *v);
        else
            sqlite3_bind_null(m_stmt, i);
    }
    void bindUtf8(int i, QByteArrayView v)
    {
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    }
    void bindBool(int i, bool v)
    {
        static const char one = 1;
        static const char zero = 0;
        sqlite3_bind_blob(m_stmt, i, v ? &one : &zero, 1, SQLITE_STATIC);
    }
    void bind(int i, const PropertyValue &v)
    {
        if (const auto *s = std::get_if<QString>(&v))
            bind(i, *s);
        else if (const auto *n = std::get_if<qint64>(&v))
            bind(i, *n);
        else if (const auto *d = std::get_if<double>(&v))
            bind(i, *d);
        else
            bindBool(i, std::get<bool>(v));
    }

    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    Expected<Done, QString> run()
    {
        const int rc = step();
        reset();
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return Unexpected{sqliteMessage(m_db)};
        return Done{};
    }
    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    [[nodiscard]] QString error() const { return sqliteMessage(m_db); }

    [[nodiscard]] int type(int c) const { return sqlite3_column_type(m_stmt, c); }
    [[nodiscard]] qint64 int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    [[nodiscard]] double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    [[nodiscard]] std::string_view bytes(int c) const
    {
        // sqlite3_column_blob gives the bytes of TEXT and BLOB values alike, without conversion.
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, c));
        const int n = sqlite3_column_bytes(m_stmt, c);
        return data ? std::string_view(data, static_cast<size_t>(n)) : std::string_view();
    }
    [[nodiscard]] QString text(int c) const
    {
        const std::string_view b = bytes(c);
        return QString::fromUtf8(b.data(), qsizetype(b.size()));
    }
    [[nodiscard]] std::optional<QString> optionalText(int c) const
    {
        if (type(c) == SQLITE_NULL)
            return std::nullopt;
        return text(c);
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

/// A value SQLite can bind for a query condition.
using Parameter = std::variant<QString, qint64, double>;

void bindParameter(Stmt &stmt, int index, const Parameter &p)
{
    std::visit([&](const auto &v) { stmt.bind(index, v); }, p);
}

/// A sort key as SQLite orders values: NULL < numbers < text < blobs; numbers by value, text and
/// blobs by bytes (SQLite's BINARY collation). Text and blobs live in one shared arena, with their
/// first 8 bytes kept big-endian in `prefix` so that most comparisons never touch the arena: no
/// allocation per row, 40 bytes a row.
struct MixedKey {
    qint64 seq = 0;
    qint64 i = 0;       // integer value
    double d = 0;       // real value
    quint64 prefix = 0; // text/blob: the first 8 bytes, big-endian
    quint32 offset = 0; // text/blob: where in the arena
    quint32 length = 0;
    quint8 cls = 0;     // 0 null, 1 number, 2 text, 3 blob
    bool isInt = false;
};

class MixedKeys {
public:
    void add(qint64 seq, const Stmt &stmt, int column)
    {
        MixedKey key;
        key.seq = seq;
        switch (stmt.type(column)) {
        case SQLITE_NULL: break;
        case SQLITE_INTEGER:
            key.cls = 1;
            key.isInt = true;
            key.i = stmt.int64(column);
            key.d = static_cast<double>(key.i);
            break;
        case SQLITE_FLOAT:
            key.cls = 1;
            key.d = stmt.real(column);
            break;
        default: {
            key.cls = stmt.type(column) == SQLITE_TEXT ? 2 : 3;
            const std::string_view bytes = stmt.bytes(column);
            key.offset = static_cast<quint32>(m_arena.size());
            key.length = static_cast<quint32>(bytes.size());
            m_arena.append(bytes);
            for (size_t b = 0; b < 8; ++b)
                key.prefix = (key.prefix << 8) | (b < bytes.size() ? static_cast<unsigned char>(bytes[b]) : 0u);
            break;
        }
        }
        m_keys.push_back(key);
    }

    /// The seqs in key order (then by seq).
    std::vector<qint64> sortedSeqs()
    {
        const auto less = [this](const MixedKey &a, const MixedKey &b) {
            if (a.cls != b.cls)
                return a.cls < b.cls;
            int order = 0;
            if (a.cls == 1) {
                if (a.isInt && b.isInt)
                    order = a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
                else
                    order = a.d < b.d ? -1 : (a.d > b.d ? 1 : 0);
            } else if (a.cls >= 2) {
                if (a.prefix != b.prefix) {
                    order = a.prefix < b.prefix ? -1 : 1;
                } else {
                    const std::string_view x(m_arena.data() + a.offset, a.length);
                    const std::string_view y(m_arena.data() + b.offset, b.length);
                    order = x.compare(y);
                }
            }
            if (order != 0)
                return order < 0;
            return a.seq < b.seq;
        };
        if (!std::is_sorted(m_keys.begin(), m_keys.end(), less))
            std::sort(m_keys.begin(), m_keys.end(), less);
        std::vector<qint64> seqs;
        seqs.reserve(m_keys.size());
        for (const MixedKey &key : m_keys)
            seqs.push_back(key.seq);
        return seqs;
    }

private:
    std::vector<MixedKey> m_keys;
    std::string m_arena;
};

/// Polled by SQLite every few thousand VM steps while select() runs.
int progressCallback(void *context)
{
    const auto *cancelled = static_cast<const std::function<bool()> *>(context);
    return (*cancelled)() ? 1 : 0;
}

bool isIntegerSort(SortColumn column)
{
    return column == SortColumn::Timestamp || column == SortColumn::Deprecated || column == SortColumn::FetchedAt;
}

} // namespace

qint64 workspaceIdHash(QStringView id)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const QChar c : id) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    // murmur3's finaliser: FNV's low bits are weak for short, similar keys.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return static_cast<qint64>(h);
}

struct WorkspaceStore::Statements {
    Stmt lookup; // seq, id by id_hash
    Stmt insert;
    Stmt update;
    Stmt insertPayload;
    Stmt updatePayload;
    Stmt row; // RowSql
    Stmt total;
    Stmt insertKey;
};

struct WorkspaceStore::Where {
    QByteArray sql; // " WHERE ..." or empty
    QList<Parameter> parameters;
};

WorkspaceStore::WorkspaceStore(sqlite::Database db) : m_db(std::move(db)) {}

WorkspaceStore::~WorkspaceStore() = default;

Expected<std::unique_ptr<WorkspaceStore>, QString> WorkspaceStore::open(const QString &path)
{
    auto db = sqlite::Database::open(path);
    if (!db)
        return Unexpected{db.error()};
    std::unique_ptr<WorkspaceStore> store(new WorkspaceStore(std::move(db).value()));
    if (auto ok = store->prepareSchema(); !ok)
        return Unexpected{ok.error()};
    if (auto ok = store->loadKeys(); !ok)
        return Unexpected{ok.error()};
    if (auto ok = store->prepareWrites(); !ok)
        return Unexpected{ok.error()};
    return store;
}

Expected<Done, QString> WorkspaceStore::prepareSchema()
{
    if (auto ok = m_db.exec(Schema); !ok)
        return Unexpected{QStringLiteral("cannot create the workspace schema: %1").arg(ok.error())};
    auto version = m_db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version)
        return Unexpected{version.error()};
    if (version->step()) {
        if (version->int64(0) != SchemaVersion)
            return Unexpected{QStringLiteral("the workspace has schema version %1; this version of UsageLens reads version %2")
                                  .arg(version->int64(0))
                                  .arg(SchemaVersion)};
        return Done{};
    }
    auto insert = m_db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)");
    if (!insert)
        return Unexpected{insert.error()};
    if (auto ok = insert->bind(1, qint64(SchemaVersion)).exec(); !ok)
        return Unexpected{QStringLiteral("cannot record the workspace schema version: %1").arg(ok.error())};
    return Done{};
}

Expected<Done, QString> WorkspaceStore::loadKeys()
{
    m_keyColumns.clear();
    m_keyOrder.clear();
    m_typedKeys.clear();
    auto keys = m_db.prepare("SELECT key, col FROM property_keys ORDER BY seq");
    if (!keys)
        return Unexpected{keys.error()};
    QHash<int, QString> byColumn;
    while (keys->step()) {
        const QString key = keys->text(0);
        const int col = keys->isNull(1) ? 0 : static_cast<int>(keys->int64(1));
        m_keyColumns.insert(key, col);
        m_keyOrder << key;
        if (col > 0)
            byColumn.insert(col, key);
    }
    if (!keys->error().isEmpty())
        return Unexpected{keys->error()};
    for (int col = 1; byColumn.contains(col); ++col)
        m_typedKeys << byColumn.value(col);
    return Done{};
}

Expected<Done, QString> WorkspaceStore::prepareWrites()
{
    auto statements = std::make_unique<Statements>();
    sqlite3 *db = m_db.handle();
    std::string columns = "ts, deprecated, fetched_at, source, event_name, customer_id, external_customer_id";
    std::string values = "?1, ?2, ?3, ?4, ?5, ?6, ?7";
    std::string assignments = "ts = ?1, deprecated = ?2, fetched_at = ?3, source = ?4, event_name = ?5, customer_id = ?6, "
                              "external_customer_id = ?7";
    for (qsizetype i = 1; i <= m_typedKeys.size(); ++i) {
        const std::string n = std::to_string(i);
        const std::string parameter = "?" + std::to_string(BaseParameters + i);
        columns += ", p" + n;
        values += ", " + parameter;
        assignments += ", p" + n + " = " + parameter;
    }
    const std::string seqParameter = "?" + std::to_string(BaseParameters + m_typedKeys.size() + 1);
    struct Item {
        Stmt *target;
        std::string sql;
    };
    const Item items[] = {
        {&statements->lookup, "SELECT seq, id FROM event_payloads WHERE id_hash = ?1"},
        {&statements->insert, "INSERT INTO events (" + columns + ") VALUES (" + values + ")"},
        {&statements->update, "UPDATE events SET " + assignments + " WHERE seq = " + seqParameter},
        {&statements->insertPayload, "INSERT INTO event_payloads (seq, id_hash, id, properties) VALUES (?1, ?2, ?3, ?4)"},
        {&statements->updatePayload, "UPDATE event_payloads SET properties = ?2 WHERE seq = ?1"},
        {&statements->row, std::string(RowSql)},
        {&statements->total, "SELECT count(*) FROM events"},
        {&statements->insertKey, "INSERT INTO property_keys (key, col) VALUES (?1, ?2)"},
    };
    for (const Item &item : items) {
        auto stmt = Stmt::prepare(db, item.sql);
        if (!stmt)
            return Unexpected{stmt.error()};
        *item.target = std::move(stmt).value();
    }
    m_statements = std::move(statements);
    return Done{};
}

Expected<Done, QString> WorkspaceStore::addKeys(const QList<Event> &events, QStringList &added)
{
    // Events of one batch mostly carry the same keys in the same order: comparing with the previous
    // event's key at the same position skips most hash lookups.
    QList<QString> previous;
    for (const Event &event : events) {
        const auto &entries = event.properties.entries();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QString &key = entries[i].first;
            if (i < previous.size() && previous[i] == key)
                continue;
            if (i < previous.size())
                previous[i] = key;
            else
                previous << key;
            if (m_keyColumns.contains(key))
                continue;
            int col = 0;
            if (m_typedKeys.size() < MaxTypedKeys) {
                col = static_cast<int>(m_typedKeys.size() + 1);
                const std::string alter = "ALTER TABLE events ADD COLUMN p" + std::to_string(col);
                if (auto ok = m_db.exec(alter); !ok)
                    return Unexpected{QStringLiteral("cannot add a column for the property %1: %2").arg(key, ok.error())};
                m_typedKeys << key;
            }
            Stmt &insertKey = m_statements->insertKey;
            insertKey.bind(1, key);
            if (col > 0)
                insertKey.bind(2, qint64(col));
            if (auto ok = insertKey.run(); !ok)
                return Unexpected{QStringLiteral("cannot record the property %1: %2").arg(key, ok.error())};
            m_keyColumns.insert(key, col);
            m_keyOrder << key;
            added << key;
        }
    }
    return Done{};
}

Expected<StoreSummary, QString> WorkspaceStore::upsert(const QList<Event> &events, const QString &source, Timestamp fetchedAt)
{
    if (events.isEmpty())
        return StoreSummary{};
    auto result = upsertInTransaction(events, source, fetchedAt);
    if (!result) {
        // The transaction rolled back: forget the keys it added.
        loadKeys();
        prepareWrites();
    }
    return result;
}

Expected<StoreSummary, QString> WorkspaceStore::upsertInTransaction(const QList<Event> &events, const QString &source,
                                                                    Timestamp fetchedAt)
{
    StoreSummary summary;
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{QStringLiteral("cannot start a workspace transaction: %1").arg(m_db.lastError())};
    auto failed = [](const QString &message) -> Expected<StoreSummary, QString> { return Unexpected{message}; };
    if (auto ok = addKeys(events, summary.newPropertyKeys); !ok)
        return failed(ok.error());
    if (!summary.newPropertyKeys.isEmpty()) {
        if (auto ok = prepareWrites(); !ok)
            return failed(ok.error());
    }
    Statements &s = *m_statements;
    const QByteArray sourceUtf8 = source.toUtf8();
    QList<std::pair<QString, int>> recentColumns; // as in addKeys(): the key at each position, and its column
    for (const Event &e : events) {
        const QByteArray id = e.id.toUtf8();
        const qint64 hash = workspaceIdHash(e.id);
        s.lookup.bind(1, hash);
        qint64 seq = 0;
        int rc = 0;
        while ((rc = s.lookup.step()) == SQLITE_ROW) {
            const std::string_view stored = s.lookup.bytes(1);
            if (stored.size() == size_t(id.size()) && std::memcmp(stored.data(), id.constData(), stored.size()) == 0) {
                seq = s.lookup.int64(0);
                break;
            }
        }
        s.lookup.reset();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return failed(s.lookup.error());

        Stmt &write = seq ? s.update : s.insert;
        write.bind(1, e.timestamp.msecs());
        write.bind(2, qint64(e.deprecated ? 1 : 0));
        write.bind(3, fetchedAt.msecs());
        write.bindUtf8(4, sourceUtf8);
        write.bind(5, e.eventName);
        write.bind(6, e.customerId);
        write.bind(7, e.externalCustomerId);
        const auto &entries = e.properties.entries();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const auto &[key, value] = entries[i];
            if (i >= recentColumns.size())
                recentColumns.append({QString(), -1});
            auto &recent = recentColumns[i];
            if (recent.second < 0 || recent.first != key)
                recent = {key, m_keyColumns.value(key)};
            if (recent.second > 0)
                write.bind(BaseParameters + recent.second, value);
        }
        if (seq)
            write.bind(BaseParameters + static_cast<int>(m_typedKeys.size()) + 1, seq);
        if (auto ok = write.run(); !ok)
            return failed(QStringLiteral("cannot store the event %1: %2").arg(e.id, ok.error()));
        const QByteArray properties = json::encodeProperties(e.properties);
        if (seq) {
            s.updatePayload.bind(1, seq);
            s.updatePayload.bindUtf8(2, properties);
            if (auto ok = s.updatePayload.run(); !ok)
                return failed(QStringLiteral("cannot store the event %1: %2").arg(e.id, ok.error()));
        } else {
            s.insertPayload.bind(1, m_db.lastInsertRowId());
            s.insertPayload.bind(2, hash);
            s.insertPayload.bindUtf8(3, id);
            s.insertPayload.bindUtf8(4, properties);
            if (auto ok = s.insertPayload.run(); !ok)
                return failed(QStringLiteral("cannot store the event %1: %2").arg(e.id, ok.error()));
        }
        ++(seq ? summary.updated : summary.inserted);
    }
    if (auto ok = tx.commit(); !ok)
        return failed(QStringLiteral("cannot commit the workspace transaction: %1").arg(ok.error()));
    return summary;
}

Expected<qint64, QString> WorkspaceStore::totalCount()
{
    Stmt &total = m_statements->total;
    const int rc = total.step();
    const qint64 n = rc == SQLITE_ROW ? total.int64(0) : 0;
    const QString error = rc == SQLITE_ROW ? QString() : total.error();
    total.reset();
    if (!error.isEmpty())
        return Unexpected{error};
    return n;
}

QByteArray WorkspaceStore::propertySql(const QString &key) const
{
    const int col = m_keyColumns.value(key, -1);
    if (col > 0)
        return "p" + QByteArray::number(col);
    if (col < 0 || key.contains(QLatin1Char('"')))
        return QByteArrayLiteral("NULL"); // never seen (or not addressable in a JSON path): matches nothing
    // Keys past MaxTypedKeys: read from the JSON, with booleans as one-byte blobs like the columns.
    const QByteArray path = "'$.\"" + key.toUtf8().replace('\'', "''") + "\"'";
    const QByteArray json = "(SELECT properties FROM event_payloads WHERE event_payloads.seq = events.seq)";
    return "(CASE json_type(" + json + ", " + path + ") WHEN 'true' THEN x'01' WHEN 'false' THEN x'00' ELSE json_extract(" + json
        + ", " + path + ") END)";
}

WorkspaceStore::Where WorkspaceStore::whereClause(const WorkspaceQuery &query) const
{
    Where where;
    QList<QByteArray> terms;
    auto parameter = [&where](Parameter p) -> QByteArray {
        where.parameters << std::move(p);
        return '?' + QByteArray::number(where.parameters.size());
    };
    // Which index SQLite should use, decided here: without statistics it takes any equality for
    // selective, and took the event-name index (50,000 rows a name) over the customer indexes
    // (11,000 rows a customer), or the timestamp range over a property scan, which then visits
    // rows in random order. A unary + keeps a term off its index. Customers are the most
    // selective, then event names; a time range with a property filter scans (the scan is needed
    // anyway, and is sequential).
    const bool byCustomer = !query.customer.isEmpty();
    const bool byName = !query.eventName.isEmpty();
    const QByteArray tsColumn = byCustomer || byName || query.properties ? "+ts" : "ts";
    if (byCustomer) {
        const QByteArray p = parameter(query.customer);
        terms << "(customer_id = " + p + " OR external_customer_id = " + p + ")";
    }
    if (byName)
        terms << (byCustomer ? "+event_name = " : "event_name = ") + parameter(query.eventName);
    if (query.from)
        terms << tsColumn + " >= " + parameter(query.from->msecs());
    if (query.to)
        terms << tsColumn + " < " + parameter(query.to->msecs());
    if (query.properties) {
        auto condition = filter::toSql(*query.properties, [this](const QString &key) { return propertySql(key); },
                                       static_cast<int>(where.parameters.size() + 1));
        for (const PropertyValue &value : condition.parameters) {
            if (const auto *s = std::get_if<QString>(&value))
                where.parameters << *s;
            else if (const auto *n = std::get_if<qint64>(&value))
                where.parameters << *n;
            else if (const auto *d = std::get_if<double>(&value))
                where.parameters << *d;
        }
        terms << condition.sql;
    }
    if (!terms.isEmpty())
        where.sql = " WHERE " + terms.join(" AND ");
    return where;
}

QByteArray WorkspaceStore::sortSql(const WorkspaceQuery &query) const
{
    switch (query.sort) {
    case SortColumn::Timestamp: return QByteArrayLiteral("ts");
    case SortColumn::Id: return QByteArrayLiteral("(SELECT id FROM event_payloads WHERE event_payloads.seq = events.seq)");
    case SortColumn::EventName: return QByteArrayLiteral("event_name");
    case SortColumn::CustomerId: return QByteArrayLiteral("customer_id");
    case SortColumn::ExternalCustomerId: return QByteArrayLiteral("external_customer_id");
    case SortColumn::Deprecated: return QByteArrayLiteral("deprecated");
    case SortColumn::Source: return QByteArrayLiteral("source");
    case SortColumn::FetchedAt: return QByteArrayLiteral("fetched_at");
    case SortColumn::Property: return propertySql(query.sortProperty);
    }
    return QByteArrayLiteral("ts");
}

Expected<qint64, QString> WorkspaceStore::count(const WorkspaceQuery &query)
{
    if (query.customer.isEmpty() && query.eventName.isEmpty() && !query.from && !query.to && !query.properties)
        return totalCount();
    const Where where = whereClause(query);
    const QByteArray sql = "SELECT count(*) FROM events" + where.sql;
    auto stmt = Stmt::prepare(m_db.handle(), std::string_view(sql.constData(), size_t(sql.size())), false);
    if (!stmt)
        return Unexpected{stmt.error()};
    for (qsizetype i = 0; i < where.parameters.size(); ++i)
        bindParameter(*stmt, static_cast<int>(i + 1), where.parameters[i]);
    if (stmt->step() != SQLITE_ROW)
        return Unexpected{stmt->error()};
    return stmt->int64(0);
}

Expected<std::vector<qint64>, QString> WorkspaceStore::select(const WorkspaceQuery &query,
                                                              const std::function<bool()> &cancelled)
{
    const Where where = whereClause(query);
    QByteArray sql;
    if (query.sort == SortColumn::Id) {
        // Ids live in event_payloads. Everything: scan that table alone, in rowid order (a join
        // walked the timestamp index and looked ids up in random order: 20 times slower).
        sql = where.sql.isEmpty() ? QByteArray("SELECT seq, id FROM event_payloads")
                                  : "SELECT events.seq, event_payloads.id FROM events JOIN event_payloads"
                                    " ON event_payloads.seq = events.seq" + where.sql;
    } else {
        sql = "SELECT seq, " + sortSql(query) + " FROM events" + where.sql;
    }
    auto stmt = Stmt::prepare(m_db.handle(), std::string_view(sql.constData(), size_t(sql.size())), false);
    if (!stmt)
        return Unexpected{stmt.error()};
    for (qsizetype i = 0; i < where.parameters.size(); ++i)
        bindParameter(*stmt, static_cast<int>(i + 1), where.parameters[i]);

    if (cancelled)
        sqlite3_progress_handler(m_db.handle(), 4000, &progressCallback, const_cast<std::function<bool()> *>(&cancelled));
    struct Unhook {
        sqlite3 *db;
        bool active;
        ~Unhook()
        {
            if (active)
                sqlite3_progress_handler(db, 0, nullptr, nullptr);
        }
    } unhook{m_db.handle(), bool(cancelled)};
    auto cancelledError = [] { return QStringLiteral("cancelled"); };

    std::vector<qint64> seqs;
    int rc = 0;
    if (isIntegerSort(query.sort)) {
        // The common case (timestamp) in 16 bytes a row.
        std::vector<std::pair<qint64, qint64>> keyed;
        while ((rc = stmt->step()) == SQLITE_ROW)
            keyed.emplace_back(stmt->int64(1), stmt->int64(0));
        if (rc != SQLITE_DONE)
            return Unexpected{rc == SQLITE_INTERRUPT ? cancelledError() : stmt->error()};
        if (!std::is_sorted(keyed.begin(), keyed.end()))
            std::sort(keyed.begin(), keyed.end());
        if (cancelled && cancelled())
            return Unexpected{cancelledError()};
        seqs.reserve(keyed.size());
        for (const auto &k : keyed)
            seqs.push_back(k.second);
    } else {
        MixedKeys keys;
        while ((rc = stmt->step()) == SQLITE_ROW)
            keys.add(stmt->int64(0), *stmt, 1);
        if (rc != SQLITE_DONE)
            return Unexpected{rc == SQLITE_INTERRUPT ? cancelledError() : stmt->error()};
        if (cancelled && cancelled())
            return Unexpected{cancelledError()};
        seqs = keys.sortedSeqs();
    }
    if (query.descending)
        std::reverse(seqs.begin(), seqs.end());
    return seqs;
}

bool WorkspaceStore::canAnswerFirstRowsDirectly(const WorkspaceQuery &query)
{
    if (query.properties)
        return false;
    switch (query.sort) {
    case SortColumn::Timestamp:
    case SortColumn::EventName:
    case SortColumn::CustomerId:
    case SortColumn::ExternalCustomerId: return true;
    case SortColumn::Id:
    case SortColumn::Deprecated:
    case SortColumn::Source:
    case SortColumn::FetchedAt:
    case SortColumn::Property: return false;
    }
    return false;
}

Expected<QList<WorkspaceRow>, QString> WorkspaceStore::firstRows(const WorkspaceQuery &query, int limit)
{
    const Where where = whereClause(query);
    const QByteArray direction = query.descending ? " DESC" : "";
    const QByteArray sql = "SELECT seq FROM events" + where.sql + " ORDER BY " + sortSql(query) + direction + ", seq" + direction
        + " LIMIT " + QByteArray::number(std::max(0, limit));
    auto stmt = Stmt::prepare(m_db.handle(), std::string_view(sql.constData(), size_t(sql.size())), false);
    if (!stmt)
        return Unexpected{stmt.error()};
    for (qsizetype i = 0; i < where.parameters.size(); ++i)
        bindParameter(*stmt, static_cast<int>(i + 1), where.parameters[i]);
    std::vector<qint64> seqs;
    int rc = 0;
    while ((rc = stmt->step()) == SQLITE_ROW)
        seqs.push_back(stmt->int64(0));
    if (rc != SQLITE_DONE)
        return Unexpected{stmt->error()};
    return rows(seqs);
}

Expected<QList<WorkspaceRow>, QString> WorkspaceStore::rows(std::span<const qint64> seqs)
{
    QList<WorkspaceRow> result;
    result.reserve(qsizetype(seqs.size()));
    Stmt &row = m_statements->row;
    for (const qint64 seq : seqs) {
        row.bind(1, seq);
        const int rc = row.step();
        if (rc == SQLITE_ROW) {
            WorkspaceRow r;
            r.seq = row.int64(0);
            Event &e = r.event;
            e.timestamp = Timestamp::fromMsecs(row.int64(1));
            e.deprecated = row.int64(2) != 0;
            e.eventName = row.text(3);
            e.customerId = row.optionalText(4);
            e.externalCustomerId = row.optionalText(5);
            r.fetchedAt = Timestamp::fromMsecs(row.int64(6));
            r.source = row.text(7);
            e.id = row.text(8);
            const std::string_view json = row.bytes(9);
            if (auto properties = json::decodeProperties(QByteArrayView(json.data(), qsizetype(json.size()))))
                e.properties = std::move(properties).value();
            result.push_back(std::move(r));
        }
        const QString error = rc == SQLITE_ROW || rc == SQLITE_DONE ? QString() : row.error();
        row.reset();
        if (!error.isEmpty())
            return Unexpected{error};
    }
    return result;
}

Expected<QList<WorkspaceRow>, QString> WorkspaceStore::page(const WorkspaceQuery &query, qint64 offset, int limit)
{
    auto seqs = select(query);
    if (!seqs)
        return Unexpected{seqs.error()};
    const auto size = static_cast<qint64>(seqs->size());
    const qint64 first = std::clamp<qint64>(offset, 0, size);
    const qint64 last = std::clamp<qint64>(first + std::max(0, limit), first, size);
    return rows(std::span<const qint64>(seqs->data() + first, size_t(last - first)));
}

Expected<std::optional<WorkspaceRow>, QString> WorkspaceStore::find(const QString &id)
{
    Stmt &lookup = m_statements->lookup;
    lookup.bind(1, workspaceIdHash(id));
    std::vector<qint64> candidates;
    int rc = 0;
    while ((rc = lookup.step()) == SQLITE_ROW) {
        if (lookup.text(1) == id)
            candidates.push_back(lookup.int64(0));
    }
    const QString error = rc == SQLITE_DONE ? QString() : lookup.error();
    lookup.reset();
    if (!error.isEmpty())
        return Unexpected{error};
    if (candidates.empty())
        return std::optional<WorkspaceRow>();
    auto found = rows(candidates);
    if (!found)
        return Unexpected{found.error()};
    if (found->isEmpty())
        return std::optional<WorkspaceRow>();
    return std::optional<WorkspaceRow>(found->constFirst());
}

Expected<Done, QString> WorkspaceStore::clear()
{
    m_statements.reset(); // no statement may hold the tables being dropped
    auto dropped = m_db.exec("DROP TABLE IF EXISTS events; DROP TABLE IF EXISTS event_payloads; DROP TABLE IF EXISTS property_keys;");
    if (auto ok = prepareSchema(); dropped && !ok)
        dropped = ok;
    if (auto ok = loadKeys(); dropped && !ok)
        dropped = ok;
    if (auto ok = prepareWrites(); dropped && !ok)
        dropped = ok;
    if (!dropped)
        return Unexpected{QStringLiteral("cannot clear the workspace: %1").arg(dropped.error())};
    return Done{};
}

} // namespace ul::workspace
