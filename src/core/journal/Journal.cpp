#include "journal/Journal.h"

#include "json/EventCodec.h"
#include "json/IdList.h"
#include "json/JsonWriter.h"

#include <QtCore/QIODevice>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <functional>
#include <string>
#include <variant>

namespace ul {

namespace {

constexpr int SchemaVersion = 1;

constexpr std::string_view Schema = R"sql(
CREATE TABLE IF NOT EXISTS journal_entry(
    id INTEGER PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    completed_ms INTEGER,
    profile TEXT NOT NULL,
    action TEXT NOT NULL,
    event_ids TEXT NOT NULL,
    event_count INTEGER NOT NULL,
    before_json TEXT,
    after_json TEXT,
    http_status INTEGER,
    response_body TEXT,
    response_truncated INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'succeeded', 'failed', 'cancelled')),
    error TEXT,
    reason TEXT,
    operation_id TEXT,
    annotation_correlation_id TEXT,
    undo_of INTEGER REFERENCES journal_entry(id),
    retry_of INTEGER REFERENCES journal_entry(id),
    final INTEGER NOT NULL DEFAULT 0,
    outbox_key TEXT,
    outbox_source TEXT
);
CREATE INDEX IF NOT EXISTS journal_by_created ON journal_entry(created_ms);
CREATE INDEX IF NOT EXISTS journal_pending ON journal_entry(outbox_source, profile) WHERE outcome = 'pending';
CREATE INDEX IF NOT EXISTS journal_by_undo ON journal_entry(undo_of) WHERE undo_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS journal_by_operation ON journal_entry(operation_id) WHERE operation_id IS NOT NULL;
)sql";

// Column order of every SELECT that reads whole entries (see readEntry).
constexpr std::string_view EntryColumns =
    "id, created_ms, completed_ms, profile, action, event_ids, event_count, before_json, after_json,"
    " http_status, response_body, response_truncated, outcome, error, reason, operation_id,"
    " annotation_correlation_id, undo_of, retry_of, final, outbox_key,"
    " (SELECT u.id FROM journal_entry u WHERE u.undo_of = journal_entry.id"
    "  AND u.outcome IN ('pending', 'succeeded') ORDER BY u.id DESC LIMIT 1)";

qint64 nowMs()
{
    return Timestamp::now().msecs();
}

/// `"id"` exactly as it appears inside a stored event_ids array.
QByteArray quotedId(const QString &id)
{
    JsonWriter w(id.size() + 8);
    w.value(id);
    return w.take();
}

/// SQLite's lower() folds ASCII only; the needle is folded the same way.
QString asciiLower(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.unicode() >= u'A' && c.unicode() <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return out;
}

/// Cuts at `limit` bytes without splitting a UTF-8 sequence.
std::pair<QByteArray, bool> bounded(const QByteArray &body, qsizetype limit)
{
    if (body.size() <= limit)
        return {body, false};
    qsizetype end = limit;
    while (end > 0 && (static_cast<unsigned char>(body.at(end)) & 0xC0) == 0x80)
        --end;
    return {body.left(end), true};
}

JournalEntry readEntry(const sqlite::Statement &s)
{
    JournalEntry e;
    e.id = s.int64(0);
    e.created = Timestamp::fromMsecs(s.int64(1));
    if (!s.isNull(2))
        e.completed = Timestamp::fromMsecs(s.int64(2));
    e.profile = s.text(3);
    e.action = s.text(4);
    e.eventIds = json::decodeIdList(s.bytes(5));
    e.eventCount = s.int64(6);
    e.beforeJson = s.bytes(7);
    e.afterJson = s.bytes(8);
    e.httpStatus = int(s.int64(9));
    e.responseBody = s.bytes(10);
    e.responseTruncated = s.int64(11) != 0;
    e.outcome = journalOutcomeFromName(s.text(12)).value_or(JournalOutcome::Pending);
    e.error = s.text(13);
    e.reason = s.text(14);
    e.operationId = s.text(15);
    e.annotationCorrelationId = s.text(16);
    e.undoOf = s.optionalInt64(17);
    e.retryOf = s.optionalInt64(18);
    e.final = s.int64(19) != 0;
    e.outboxKey = s.text(20);
    e.undoneBy = s.optionalInt64(21);
    return e;
}

using BindValue = std::variant<qint64, QString, QByteArray>;

struct WhereClause {
    std::string sql; ///< Empty, or " WHERE …".
    QList<BindValue> binds;
};

WhereClause whereOf(const JournalFilter &filter)
{
    QList<std::string> parts;
    WhereClause where;
    auto placeholders = [](qsizetype n) {
        std::string s = "(";
        for (qsizetype i = 0; i < n; ++i)
            s += i ? ",?" : "?";
        return s + ")";
    };
    if (filter.from) {
        parts << "created_ms >= ?";
        where.binds << BindValue(filter.from->msecs());
    }
    if (filter.to) {
        parts << "created_ms < ?";
        where.binds << BindValue(filter.to->msecs());
    }
    if (!filter.actions.isEmpty()) {
        parts << "action IN " + placeholders(filter.actions.size());
        for (const QString &a : filter.actions)
            where.binds << BindValue(a);
    }
    if (!filter.outcomes.isEmpty()) {
        parts << "outcome IN " + placeholders(filter.outcomes.size());
        for (JournalOutcome o : filter.outcomes)
            where.binds << BindValue(QString(journalOutcomeName(o)));
    }
    if (!filter.eventId.isEmpty()) {
        parts << "instr(event_ids, ?) > 0";
        where.binds << BindValue(quotedId(filter.eventId));
    }
    if (!filter.text.isEmpty()) {
        parts << "instr(lower(event_ids || char(10) || action || char(10) || coalesce(reason, '') || char(10)"
                 " || coalesce(error, '') || char(10) || coalesce(operation_id, '') || char(10)"
                 " || coalesce(before_json, '') || char(10) || coalesce(after_json, '') || char(10)"
                 " || coalesce(response_body, '')), ?) > 0";
        where.binds << BindValue(asciiLower(filter.text));
    }
    if (!filter.profile.isEmpty()) {
        parts << "profile = ?";
        where.binds << BindValue(filter.profile);
    }
    if (!filter.operationId.isEmpty()) {
        parts << "operation_id = ?";
        where.binds << BindValue(filter.operationId);
    }
    for (qsizetype i = 0; i < parts.size(); ++i)
        where.sql += (i ? " AND " : " WHERE ") + parts[i];
    return where;
}

void bindAll(sqlite::Statement &s, const QList<BindValue> &binds, int first = 1)
{
    int index = first;
    for (const BindValue &v : binds) {
        std::visit([&](const auto &value) { s.bind(index, value); }, v);
        ++index;
    }
}

/// Runs `SELECT <EntryColumns> … ` for the filter and hands every row to `row`.
Expected<qint64, QString> forEachEntry(sqlite::Database &db, const JournalFilter &filter,
                                       const std::function<bool(const sqlite::Statement &)> &row)
{
    const WhereClause where = whereOf(filter);
    std::string sql = "SELECT " + std::string(EntryColumns) + " FROM journal_entry" + where.sql;
    sql += filter.newestFirst ? " ORDER BY id DESC" : " ORDER BY id ASC";
    sql += " LIMIT ? OFFSET ?";
    auto statement = db.prepare(sql);
    if (!statement)
        return Unexpected{statement.error()};
    bindAll(*statement, where.binds);
    const int next = int(where.binds.size()) + 1;
    statement->bind(next, qint64(filter.limit < 0 ? -1 : filter.limit));
    statement->bind(next + 1, filter.offset);
    qint64 rows = 0;
    while (statement->step()) {
        ++rows;
        if (!row(*statement))
            break;
    }
    if (!statement->error().isEmpty())
        return Unexpected{statement->error()};
    return rows;
}

// ---- CSV ------------------------------------------------------------------------------------

void appendCsvCell(QByteArray &line, const QByteArray &text, bool guardFormula = true)
{
    if (!line.isEmpty())
        line += ',';
    QByteArray cell = text;
    // A spreadsheet runs cells that start like a formula; finance opens these files in one.
    if (guardFormula && !cell.isEmpty() && QByteArrayView("=+-@\t\r").contains(cell.at(0)))
        cell.prepend('\'');
    const bool quote = cell.contains(',') || cell.contains('"') || cell.contains('\n') || cell.contains('\r');
    if (!quote) {
        line += cell;
        return;
    }
    line += '"';
    line += QByteArray(cell).replace("\"", "\"\"");
    line += '"';
}

QByteArray isoOrEmpty(const std::optional<Timestamp> &t)
{
    return t ? t->toIso8601().toUtf8() : QByteArray();
}

QByteArray numberOrEmpty(const std::optional<qint64> &n)
{
    return n ? QByteArray::number(*n) : QByteArray();
}

} // namespace

QLatin1StringView journalOutcomeName(JournalOutcome outcome)
{
    switch (outcome) {
    case JournalOutcome::Pending:
        return QLatin1StringView("pending");
    case JournalOutcome::Succeeded:
        return QLatin1StringView("succeeded");
    case JournalOutcome::Failed:
        return QLatin1StringView("failed");
    case JournalOutcome::Cancelled:
        return QLatin1StringView("cancelled");
    }
    return QLatin1StringView("pending");
}

std::optional<JournalOutcome> journalOutcomeFromName(QStringView name)
{
    for (JournalOutcome o : {JournalOutcome::Pending, JournalOutcome::Succeeded, JournalOutcome::Failed,
                             JournalOutcome::Cancelled}) {
        if (name == journalOutcomeName(o))
            return o;
    }
    return std::nullopt;
}

bool JournalEntry::isUndoable() const
{
    return action == JournalAction::Amend && outcome == JournalOutcome::Succeeded && !final && !undoneBy
        && !beforeJson.isEmpty();
}

Journal::Journal(QString path, sqlite::Database db, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_db(std::move(db))
{
}

Journal::~Journal() = default;

Expected<std::unique_ptr<Journal>, QString> Journal::open(const QString &path, QObject *parent)
{
    auto db = sqlite::Database::open(path);
    if (!db)
        return Unexpected{db.error()};
    std::unique_ptr<Journal> journal(new Journal(path, std::move(db).value(), parent));
    if (auto ok = journal->createSchema(); !ok)
        return Unexpected{QStringLiteral("cannot prepare the journal %1: %2").arg(path, ok.error())};
    return journal;
}

Expected<Done, QString> Journal::createSchema()
{
    return sqlite::applySchema(m_db, Schema, SchemaVersion, QStringLiteral("the journal"));
}

Expected<QList<qint64>, QString> Journal::beginMany(const QList<NewJournalEntry> &entries)
{
    QList<qint64> ids;
    if (entries.isEmpty())
        return ids;
    ids.reserve(entries.size());
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    auto insert = m_db.prepare(
        "INSERT INTO journal_entry(created_ms, profile, action, event_ids, event_count, before_json, after_json,"
        " reason, operation_id, undo_of, retry_of, final, outbox_key, outbox_source)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert)
        return Unexpected{insert.error()};
    const qint64 now = nowMs();
    for (const NewJournalEntry &e : entries) {
        sqlite::Statement &s = *insert;
        s.bind(1, now).bind(2, e.profile).bind(3, e.action).bind(4, json::encodeIdList(e.eventIds));
        s.bind(5, qint64(e.eventIds.size()));
        e.beforeJson.isEmpty() ? s.bindNull(6) : s.bind(6, e.beforeJson);
        e.afterJson.isEmpty() ? s.bindNull(7) : s.bind(7, e.afterJson);
        e.reason.isEmpty() ? s.bindNull(8) : s.bind(8, e.reason);
        e.operationId.isEmpty() ? s.bindNull(9) : s.bind(9, e.operationId);
        e.undoOf ? s.bind(10, *e.undoOf) : s.bindNull(10);
        e.retryOf ? s.bind(11, *e.retryOf) : s.bindNull(11);
        s.bind(12, qint64(e.final ? 1 : 0));
        e.outboxKey.isEmpty() ? s.bindNull(13) : s.bind(13, e.outboxKey);
        e.outboxSource.isEmpty() ? s.bindNull(14) : s.bind(14, e.outboxSource);
        if (auto ok = s.exec(); !ok)
            return Unexpected{ok.error()};
        ids << m_db.lastInsertRowId();
    }
    if (auto ok = tx.commit(); !ok)
        return Unexpected{ok.error()};
    Q_EMIT entriesAdded(ids);
    return ids;
}

Expected<qint64, QString> Journal::begin(const NewJournalEntry &entry)
{
    auto ids = beginMany({entry});
    if (!ids)
        return Unexpected{ids.error()};
    return ids->first();
}

Expected<Done, QString> Journal::completeMany(const QList<std::pair<qint64, JournalAnswer>> &answers)
{
    if (answers.isEmpty())
        return Done{};
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    auto update = m_db.prepare(
        "UPDATE journal_entry SET outcome = ?, completed_ms = ?, http_status = ?, response_body = ?,"
        " response_truncated = ?, error = ? WHERE id = ?");
    if (!update)
        return Unexpected{update.error()};
    const qint64 now = nowMs();
    QList<qint64> ids;
    ids.reserve(answers.size());
    for (const auto &[id, answer] : answers) {
        sqlite::Statement &s = *update;
        const auto [body, truncated] = bounded(answer.body, MaxStoredBody);
        s.bind(1, QString(journalOutcomeName(answer.outcome))).bind(2, now);
        answer.httpStatus > 0 ? s.bind(3, answer.httpStatus) : s.bindNull(3);
        body.isEmpty() ? s.bindNull(4) : s.bind(4, body);
        s.bind(5, qint64(truncated ? 1 : 0));
        answer.message.isEmpty() ? s.bindNull(6) : s.bind(6, answer.message);
        s.bind(7, id);
        if (auto ok = s.exec(); !ok)
            return Unexpected{ok.error()};
        ids << id;
    }
    if (auto ok = tx.commit(); !ok)
        return Unexpected{ok.error()};
    Q_EMIT entriesCompleted(ids);
    return Done{};
}

Expected<Done, QString> Journal::complete(qint64 id, const JournalAnswer &answer)
{
    return completeMany({{id, answer}});
}

Expected<Done, QString> Journal::setAnnotationCorrelationId(const QList<qint64> &ids, const QString &correlationId)
{
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    auto update = m_db.prepare("UPDATE journal_entry SET annotation_correlation_id = ? WHERE id = ?");
    if (!update)
        return Unexpected{update.error()};
    for (qint64 id : ids) {
        if (auto ok = update->bind(1, correlationId).bind(2, id).exec(); !ok)
            return Unexpected{ok.error()};
    }
    return tx.commit();
}

Expected<JournalEntry, QString> Journal::entry(qint64 id) const
{
    auto s = m_db.prepare("SELECT " + std::string(EntryColumns) + " FROM journal_entry WHERE id = ?");
    if (!s)
        return Unexpected{s.error()};
    s->bind(1, id);
    if (!s->step()) {
        if (!s->error().isEmpty())
            return Unexpected{s->error()};
        return Unexpected{QStringLiteral("journal entry %1 does not exist").arg(id)};
    }
    return readEntry(*s);
}

Expected<QList<JournalEntry>, QString> Journal::query(const JournalFilter &filter) const
{
    QList<JournalEntry> entries;
    auto rows = forEachEntry(m_db, filter, [&](const sqlite::Statement &s) {
        entries << readEntry(s);
        return true;
    });
    if (!rows)
        return Unexpected{rows.error()};
    return entries;
}

Expected<qint64, QString> Journal::count(const JournalFilter &filter) const
{
    const WhereClause where = whereOf(filter);
    auto s = m_db.prepare("SELECT COUNT(*) FROM journal_entry" + where.sql);
    if (!s)
        return Unexpected{s.error()};
    bindAll(*s, where.binds);
    if (!s->step())
        return Unexpected{s->error()};
    return s->int64(0);
}

Expected<QHash<qint64, JournalOutcome>, QString> Journal::outcomes(const QList<qint64> &ids) const
{
    QHash<qint64, JournalOutcome> result;
    auto s = m_db.prepare("SELECT outcome FROM journal_entry WHERE id = ?");
    if (!s)
        return Unexpected{s.error()};
    for (qint64 id : ids) {
        s->bind(1, id);
        if (s->step())
            result.insert(id, journalOutcomeFromName(s->text(0)).value_or(JournalOutcome::Pending));
        if (!s->error().isEmpty())
            return Unexpected{s->error()};
        s->reset();
    }
    return result;
}

Expected<QList<JournalEntry>, QString> Journal::pendingEntries(const QString &source, const QString &profile) const
{
    QList<JournalEntry> entries;
    auto s = m_db.prepare("SELECT " + std::string(EntryColumns)
                          + " FROM journal_entry WHERE outcome = 'pending' AND outbox_source = ? AND profile = ?"
                            " ORDER BY id");
    if (!s)
        return Unexpected{s.error()};
    s->bind(1, source).bind(2, profile);
    while (s->step())
        entries << readEntry(*s);
    if (!s->error().isEmpty())
        return Unexpected{s->error()};
    return entries;
}

Expected<qint64, QString> Journal::exportCsv(const JournalFilter &filter, QIODevice &out) const
{
    if (!out.isOpen() || !out.isWritable())
        return Unexpected{QStringLiteral("the CSV destination is not open for writing")};
    const QByteArray header =
        "id,created_utc,completed_utc,profile,action,outcome,event_count,event_ids,reason,operation_id,"
        "undo_of,retry_of,undone_by,final,http_status,error,before,after,response_body,response_truncated,"
        "annotation_correlation_id\r\n";
    if (out.write(header) != header.size())
        return Unexpected{out.errorString()};
    QString writeError;
    auto rows = forEachEntry(m_db, filter, [&](const sqlite::Statement &s) {
        const JournalEntry e = readEntry(s);
        QByteArray line;
        line.reserve(512);
        appendCsvCell(line, QByteArray::number(e.id), false);
        appendCsvCell(line, e.created.toIso8601().toUtf8(), false);
        appendCsvCell(line, isoOrEmpty(e.completed), false);
        appendCsvCell(line, e.profile.toUtf8());
        appendCsvCell(line, e.action.toUtf8());
        appendCsvCell(line, QByteArray(journalOutcomeName(e.outcome).data(), journalOutcomeName(e.outcome).size()));
        appendCsvCell(line, QByteArray::number(e.eventCount), false);
        appendCsvCell(line, e.eventIds.join(u' ').toUtf8());
        appendCsvCell(line, e.reason.toUtf8());
        appendCsvCell(line, e.operationId.toUtf8());
        appendCsvCell(line, numberOrEmpty(e.undoOf), false);
        appendCsvCell(line, numberOrEmpty(e.retryOf), false);
        appendCsvCell(line, numberOrEmpty(e.undoneBy), false);
        appendCsvCell(line, e.final ? QByteArray("true") : QByteArray("false"), false);
        appendCsvCell(line, e.httpStatus > 0 ? QByteArray::number(e.httpStatus) : QByteArray(), false);
        appendCsvCell(line, e.error.toUtf8());
        appendCsvCell(line, e.beforeJson);
        appendCsvCell(line, e.afterJson);
        appendCsvCell(line, e.responseBody);
        appendCsvCell(line, e.responseTruncated ? QByteArray("true") : QByteArray("false"), false);
        appendCsvCell(line, e.annotationCorrelationId.toUtf8());
        line += "\r\n";
        if (out.write(line) != line.size()) {
            writeError = out.errorString();
            return false;
        }
        return true;
    });
    if (!rows)
        return Unexpected{rows.error()};
    if (!writeError.isEmpty())
        return Unexpected{writeError};
    return *rows;
}

Expected<UndoPlan, QString> Journal::undoPlan(qint64 id) const
{
    auto found = entry(id);
    if (!found)
        return Unexpected{found.error()};
    const JournalEntry &e = *found;
    if (e.action == JournalAction::Deprecate || e.final)
        return Unexpected{tr("Entry %1 is final: a deprecation cannot be undone.").arg(id)};
    if (e.action != JournalAction::Amend)
        return Unexpected{tr("Entry %1 is not an amendment; only amendments can be undone.").arg(id)};
    if (e.outcome != JournalOutcome::Succeeded)
        return Unexpected{tr("Entry %1 did not succeed (%2); there is nothing to undo.")
                              .arg(id)
                              .arg(journalOutcomeName(e.outcome))};
    if (e.undoneBy)
        return Unexpected{tr("Entry %1 is already undone by entry %2.").arg(id).arg(*e.undoneBy)};
    if (e.eventIds.size() != 1 || e.beforeJson.isEmpty() || e.afterJson.isEmpty())
        return Unexpected{tr("Entry %1 has no saved payload to restore.").arg(id)};
    const QString eventId = e.eventIds.first();

    // Later corrections of the same event decide whether undoing this one still makes sense.
    auto later = m_db.prepare(
        "SELECT id, action, after_json FROM journal_entry WHERE id > ? AND profile = ?"
        " AND action IN ('amend', 'deprecate') AND outcome IN ('pending', 'succeeded')"
        " AND instr(event_ids, ?) > 0 ORDER BY id DESC");
    if (!later)
        return Unexpected{later.error()};
    later->bind(1, id).bind(2, e.profile).bind(3, quotedId(eventId));
    bool newest = true;
    while (later->step()) {
        const qint64 laterId = later->int64(0);
        if (later->text(1) == JournalAction::Deprecate)
            return Unexpected{tr("Event %1 was deprecated later (entry %2); a deprecated event cannot be amended.")
                                  .arg(eventId)
                                  .arg(laterId)};
        // The newest amendment must have left the event as this entry did (e.g. it undid a later one).
        if (newest && later->bytes(2) != e.afterJson)
            return Unexpected{tr("Event %1 was amended again later (entry %2); undo that entry first.")
                                  .arg(eventId)
                                  .arg(laterId)};
        newest = false;
    }
    if (!later->error().isEmpty())
        return Unexpected{later->error()};

    auto before = json::decodeEventObject(e.beforeJson, json::EventShape::Stored);
    auto after = json::decodeEventObject(e.afterJson, json::EventShape::Stored);
    if (!before || !before->problems.isEmpty() || !after || !after->problems.isEmpty())
        return Unexpected{tr("The saved payload of entry %1 cannot be read.").arg(id)};
    UndoPlan plan;
    plan.entryId = id;
    plan.restore = before->event;
    plan.expectedCurrent = after->event;
    return plan;
}

} // namespace ul
