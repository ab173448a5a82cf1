#include "webhooks/WebhookStore.h"

#include <QtCore/QRandomGenerator>

namespace ul::sandbox {

namespace {

constexpr std::string_view Schema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS webhooks (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    subscriptions TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    deleted_at_ms INTEGER,
    demo TEXT);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    notification_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    webhook_id TEXT NOT NULL,
    subscription TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,
    scheduled_tries INTEGER NOT NULL DEFAULT 0,
    next_try_ms INTEGER,
    delivered_at_ms INTEGER,
    handled_at_ms INTEGER,
    last_attempt_id TEXT);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_try_ms);
CREATE INDEX IF NOT EXISTS webhook_deliveries_by_event ON webhook_deliveries (event_id, webhook_id);
CREATE TABLE IF NOT EXISTS webhook_attempts (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    delivery_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    webhook_id TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    http_status INTEGER,
    response_excerpt TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    handled_at_ms INTEGER);
CREATE INDEX IF NOT EXISTS webhook_attempts_by_event ON webhook_attempts (event_id);
CREATE INDEX IF NOT EXISTS webhook_attempts_by_webhook ON webhook_attempts (webhook_id, created_at_ms);
CREATE INDEX IF NOT EXISTS webhook_attempts_by_delivery ON webhook_attempts (delivery_id);
)sql";

constexpr std::string_view WebhookColumns = "seq, id, url, subscriptions, secret, created_at_ms, deleted_at_ms, demo";
constexpr std::string_view DeliveryColumns =
    "seq, id, notification_id, event_id, webhook_id, subscription, payload, created_at_ms, status, tries,"
    " scheduled_tries, next_try_ms, delivered_at_ms, handled_at_ms, last_attempt_id";
constexpr std::string_view AttemptSelect =
    "SELECT a.seq, a.id, a.delivery_id, a.event_id, a.webhook_id, a.code, a.message, a.http_status,"
    " a.response_excerpt, a.duration_ms, a.trigger, a.created_at_ms, a.handled_at_ms,"
    " w.url, d.subscription, d.status, d.delivered_at_ms, d.next_try_ms"
    " FROM webhook_attempts a"
    " LEFT JOIN webhook_deliveries d ON d.id = a.delivery_id"
    " LEFT JOIN webhooks w ON w.id = a.webhook_id";

std::optional<Timestamp> optionalTime(const sqlite::Statement &q, int column)
{
    return q.isNull(column) ? std::nullopt : std::optional(Timestamp::fromMsecs(q.int64(column)));
}

void bindTime(sqlite::Statement &q, int index, const std::optional<Timestamp> &time)
{
    if (time)
        q.bind(index, time->msecs());
    else
        q.bindNull(index);
}

QByteArray bytes(const sqlite::Statement &q, int column)
{
    const std::string_view text = q.utf8(column);
    return QByteArray(text.data(), qsizetype(text.size()));
}

StoredWebhook readWebhook(const sqlite::Statement &q)
{
    StoredWebhook w;
    w.seq = q.int64(0);
    w.id = q.text(1);
    w.url = q.text(2);
    w.subscriptions = q.text(3).split(u',', Qt::SkipEmptyParts);
    w.secret = q.text(4);
    w.created = Timestamp::fromMsecs(q.int64(5));
    w.deleted = optionalTime(q, 6);
    w.demo = q.optionalText(7);
    return w;
}

StoredDelivery readDelivery(const sqlite::Statement &q)
{
    StoredDelivery d;
    d.seq = q.int64(0);
    d.id = q.text(1);
    d.notificationId = q.text(2);
    d.eventId = q.text(3);
    d.webhookId = q.text(4);
    d.subscription = q.text(5);
    d.payload = bytes(q, 6);
    d.created = Timestamp::fromMsecs(q.int64(7));
    d.status = q.text(8);
    d.tries = int(q.int64(9));
    d.scheduledTries = int(q.int64(10));
    d.nextTry = optionalTime(q, 11);
    d.delivered = optionalTime(q, 12);
    d.handled = optionalTime(q, 13);
    d.lastAttemptId = q.optionalText(14);
    return d;
}

StoredAttempt readAttempt(const sqlite::Statement &q)
{
    StoredAttempt a;
    a.seq = q.int64(0);
    a.id = q.text(1);
    a.deliveryId = q.text(2);
    a.eventId = q.text(3);
    a.webhookId = q.text(4);
    a.code = q.text(5);
    a.message = q.text(6);
    if (!q.isNull(7))
        a.httpStatus = int(q.int64(7));
    a.responseExcerpt = bytes(q, 8);
    a.durationMs = q.int64(9);
    a.trigger = q.text(10);
    a.created = Timestamp::fromMsecs(q.int64(11));
    a.handled = optionalTime(q, 12);
    a.webhookUrl = q.text(13);
    a.subscription = q.text(14);
    a.deliveryStatus = q.text(15);
    a.delivered = optionalTime(q, 16);
    a.nextTry = optionalTime(q, 17);
    return a;
}

QString encodeCursor(char kind, qint64 seq)
{
    return QString::fromLatin1(QByteArray(kind + QByteArray(":") + QByteArray::number(seq))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Expected<qint64, QString> decodeCursor(char kind, const std::optional<QString> &cursor)
{
    if (!cursor)
        return std::numeric_limits<qint64>::max();
    const QByteArray raw = QByteArray::fromBase64(cursor->toLatin1(), QByteArray::Base64UrlEncoding);
    bool ok = false;
    const qint64 seq = raw.size() > 2 && raw[0] == kind && raw[1] == ':' ? raw.mid(2).toLongLong(&ok) : 0;
    if (!ok)
        return Unexpected{QStringLiteral("cursor: \"%1\" is not a cursor this server issued").arg(*cursor)};
    return seq;
}

/// ` AND column IN (?n, ?n+1, …)` for a non-empty list, numbering from `next`.
QByteArray inList(std::string_view column, const QStringList &values, int &next)
{
    if (values.isEmpty())
        return {};
    QByteArray sql = " AND " + QByteArray(column.data(), qsizetype(column.size())) + " IN (";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            sql += ", ";
        sql += '?' + QByteArray::number(next++);
    }
    return sql + ')';
}

void bindList(sqlite::Statement &q, const QStringList &values, int &next)
{
    for (const QString &value : values)
        q.bind(next++, value);
}

std::string_view view(const QByteArray &sql)
{
    return std::string_view(sql.constData(), size_t(sql.size()));
}

} // namespace

Expected<std::unique_ptr<WebhookStore>, QString> WebhookStore::open(sqlite::Database &db)
{
    std::unique_ptr<WebhookStore> store(new WebhookStore(db));
    if (auto ok = store->prepareSchema(); !ok)
        return Unexpected{ok.error()};
    if (auto ok = store->loadActive(); !ok)
        return Unexpected{ok.error()};
    return store;
}

QString WebhookStore::newId()
{
    constexpr quint64 low = 1'000'000'000'000'000ULL;
    return QString::number(low + QRandomGenerator::global()->bounded(quint64(9) * low));
}

Expected<Done, QString> WebhookStore::prepareSchema()
{
    if (auto ok = m_db.exec(Schema); !ok)
        return Unexpected{QStringLiteral("cannot create the webhook tables: %1").arg(ok.error())};
    return Done{};
}

Expected<Done, QString> WebhookStore::loadActive()
{
    auto q = m_db.prepare(view("SELECT " + QByteArray(WebhookColumns.data(), qsizetype(WebhookColumns.size()))
                               + " FROM webhooks WHERE deleted_at_ms IS NULL ORDER BY seq"));
    if (!q)
        return Unexpected{q.error()};
    m_active.clear();
    while (q->step())
        m_active.append(readWebhook(*q));
    return Done{};
}

Expected<StoredWebhook, QString> WebhookStore::insertWebhook(StoredWebhook webhook)
{
    auto q = m_db.prepare("INSERT INTO webhooks (id, url, subscriptions, secret, created_at_ms, deleted_at_ms, demo)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6)");
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, webhook.id)
        .bind(2, webhook.url)
        .bind(3, webhook.subscriptions.join(u','))
        .bind(4, webhook.secret)
        .bind(5, webhook.created.msecs())
        .bind(6, webhook.demo);
    if (auto ok = q->exec(); !ok)
        return Unexpected{ok.error()};
    webhook.seq = m_db.lastInsertRowId();
    webhook.deleted.reset();
    m_active.append(webhook);
    return webhook;
}

std::optional<StoredWebhook> WebhookStore::webhook(const QString &id, bool includeDeleted) const
{
    for (const StoredWebhook &w : m_active) {
        if (w.id == id)
            return w;
    }
    if (!includeDeleted)
        return std::nullopt;
    auto q = m_db.prepare(view("SELECT " + QByteArray(WebhookColumns.data(), qsizetype(WebhookColumns.size()))
                               + " FROM webhooks WHERE id = ?1"));
    if (!q)
        return std::nullopt;
    q->bind(1, id);
    return q->step() ? std::optional(readWebhook(*q)) : std::nullopt;
}

Expected<StoredPage<StoredWebhook>, QString> WebhookStore::listWebhooks(int limit, const std::optional<QString> &cursor) const
{
    const auto before = decodeCursor('w', cursor);
    if (!before)
        return Unexpected{before.error()};
    StoredPage<StoredWebhook> page;
    for (auto it = m_active.crbegin(); it != m_active.crend(); ++it) {
        if (it->seq >= *before)
            continue;
        if (page.items.size() == limit) {
            page.nextCursor = encodeCursor('w', page.items.last().seq);
            break;
        }
        page.items.append(*it);
    }
    return page;
}

Expected<StoredWebhook, QString> WebhookStore::deleteWebhook(const QString &id, Timestamp at)
{
    auto existing = webhook(id);
    if (!existing)
        return Unexpected{QStringLiteral("webhook %1 does not exist").arg(id)};
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    auto q = m_db.prepare("UPDATE webhooks SET deleted_at_ms = ?2 WHERE id = ?1");
    if (!q)
        return Unexpected{q.error()};
    if (auto ok = q->bind(1, id).bind(2, at.msecs()).exec(); !ok)
        return Unexpected{ok.error()};
    auto cancel = m_db.prepare("UPDATE webhook_deliveries SET status = 'cancelled', next_try_ms = NULL"
                               " WHERE webhook_id = ?1 AND status IN ('pending', 'failed')");
    if (!cancel)
        return Unexpected{cancel.error()};
    if (auto ok = cancel->bind(1, id).exec(); !ok)
        return Unexpected{ok.error()};
    if (auto ok = tx.commit(); !ok)
        return Unexpected{ok.error()};
    m_active.removeIf([&id](const StoredWebhook &w) { return w.id == id; });
    existing->deleted = at;
    return *existing;
}

Expected<Done, QString> WebhookStore::setWebhookUrl(const QString &id, const QString &url)
{
    auto q = m_db.prepare("UPDATE webhooks SET url = ?2 WHERE id = ?1");
    if (!q)
        return Unexpected{q.error()};
    if (auto ok = q->bind(1, id).bind(2, url).exec(); !ok)
        return ok;
    for (StoredWebhook &w : m_active) {
        if (w.id == id)
            w.url = url;
    }
    return Done{};
}

int WebhookStore::failuresSince(const QString &webhookId, Timestamp since) const
{
    auto q = m_db.prepare("SELECT COUNT(*) FROM webhook_attempts WHERE webhook_id = ?1 AND created_at_ms >= ?2");
    if (!q)
        return 0;
    q->bind(1, webhookId).bind(2, since.msecs());
    return q->step() ? int(q->int64(0)) : 0;
}

Expected<Done, QString> WebhookStore::insertDeliveries(const QList<StoredDelivery> &deliveries)
{
    if (deliveries.isEmpty())
        return Done{};
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    auto q = m_db.prepare("INSERT INTO webhook_deliveries (id, notification_id, event_id, webhook_id, subscription, payload,"
                          " created_at_ms, status, tries, scheduled_tries, next_try_ms, delivered_at_ms, handled_at_ms)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    if (!q)
        return Unexpected{q.error()};
    for (const StoredDelivery &d : deliveries) {
        q->bind(1, d.id)
            .bind(2, d.notificationId)
            .bind(3, d.eventId)
            .bind(4, d.webhookId)
            .bind(5, d.subscription)
            .bind(6, d.payload)
            .bind(7, d.created.msecs())
            .bind(8, d.status)
            .bind(9, qint64(d.tries))
            .bind(10, qint64(d.scheduledTries));
        bindTime(*q, 11, d.nextTry);
        bindTime(*q, 12, d.delivered);
        bindTime(*q, 13, d.handled);
        if (auto ok = q->exec(); !ok)
            return ok;
    }
    return tx.commit();
}

std::optional<StoredDelivery> WebhookStore::delivery(const QString &id) const
{
    auto q = m_db.prepare(view("SELECT " + QByteArray(DeliveryColumns.data(), qsizetype(DeliveryColumns.size()))
                               + " FROM webhook_deliveries WHERE id = ?1"));
    if (!q)
        return std::nullopt;
    q->bind(1, id);
    return q->step() ? std::optional(readDelivery(*q)) : std::nullopt;
}

std::optional<StoredDelivery> WebhookStore::latestDelivery(const QString &eventId, const QString &webhookId) const
{
    auto q = m_db.prepare(view("SELECT " + QByteArray(DeliveryColumns.data(), qsizetype(DeliveryColumns.size()))
                               + " FROM webhook_deliveries WHERE event_id = ?1 AND webhook_id = ?2 ORDER BY seq DESC LIMIT 1"));
    if (!q)
        return std::nullopt;
    q->bind(1, eventId).bind(2, webhookId);
    return q->step() ? std::optional(readDelivery(*q)) : std::nullopt;
}

QList<StoredDelivery> WebhookStore::dueDeliveries(Timestamp now, int limit) const
{
    QList<StoredDelivery> due;
    auto q = m_db.prepare(view("SELECT " + QByteArray(DeliveryColumns.data(), qsizetype(DeliveryColumns.size()))
                               + " FROM webhook_deliveries WHERE status = 'pending' AND next_try_ms <= ?1"
                                 " ORDER BY next_try_ms, seq LIMIT ?2"));
    if (!q)
        return due;
    q->bind(1, now.msecs()).bind(2, qint64(limit));
    while (q->step())
        due.append(readDelivery(*q));
    return due;
}

std::optional<Timestamp> WebhookStore::nextDue() const
{
    auto q = m_db.prepare("SELECT MIN(next_try_ms) FROM webhook_deliveries WHERE status = 'pending' AND next_try_ms IS NOT NULL");
    if (!q || !q->step() || q->isNull(0))
        return std::nullopt;
    return Timestamp::fromMsecs(q->int64(0));
}

Expected<Done, QString> WebhookStore::saveDeliveryState(const StoredDelivery &d)
{
    auto q = m_db.prepare("UPDATE webhook_deliveries SET status = ?2, tries = ?3, scheduled_tries = ?4, next_try_ms = ?5,"
                          " delivered_at_ms = ?6, handled_at_ms = ?7, last_attempt_id = ?8 WHERE id = ?1");
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, d.id).bind(2, d.status).bind(3, qint64(d.tries)).bind(4, qint64(d.scheduledTries));
    bindTime(*q, 5, d.nextTry);
    bindTime(*q, 6, d.delivered);
    bindTime(*q, 7, d.handled);
    q->bind(8, d.lastAttemptId);
    return q->exec();
}

Expected<Done, QString> WebhookStore::rescheduleInterrupted(Timestamp at)
{
    auto q = m_db.prepare("UPDATE webhook_deliveries SET next_try_ms = ?1 WHERE status = 'pending' AND next_try_ms IS NULL");
    if (!q)
        return Unexpected{q.error()};
    return q->bind(1, at.msecs()).exec();
}

Expected<StoredPage<StoredDelivery>, QString> WebhookStore::listDeliveries(const DeliveryFilter &filter, int limit,
                                                                          const std::optional<QString> &cursor) const
{
    const auto before = decodeCursor('d', cursor);
    if (!before)
        return Unexpected{before.error()};
    int next = 2;
    QByteArray sql = "SELECT " + QByteArray(DeliveryColumns.data(), qsizetype(DeliveryColumns.size()))
        + " FROM webhook_deliveries WHERE seq < ?1";
    sql += inList("event_id", filter.eventIds, next);
    sql += inList("webhook_id", filter.webhookIds, next);
    sql += inList("status", filter.statuses, next);
    sql += " ORDER BY seq DESC LIMIT ?" + QByteArray::number(next);
    auto q = m_db.prepare(view(sql));
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, *before);
    int index = 2;
    bindList(*q, filter.eventIds, index);
    bindList(*q, filter.webhookIds, index);
    bindList(*q, filter.statuses, index);
    q->bind(index, qint64(limit) + 1);
    StoredPage<StoredDelivery> page;
    while (q->step())
        page.items.append(readDelivery(*q));
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = encodeCursor('d', page.items.last().seq);
    }
    return page;
}

Expected<Done, QString> WebhookStore::insertAttempt(const StoredAttempt &a)
{
    auto q = m_db.prepare("INSERT INTO webhook_attempts (id, delivery_id, event_id, webhook_id, code, message, http_status,"
                          " response_excerpt, duration_ms, trigger, created_at_ms, handled_at_ms)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, a.id).bind(2, a.deliveryId).bind(3, a.eventId).bind(4, a.webhookId).bind(5, a.code).bind(6, a.message);
    if (a.httpStatus)
        q->bind(7, qint64(*a.httpStatus));
    else
        q->bindNull(7);
    q->bind(8, a.responseExcerpt).bind(9, a.durationMs).bind(10, a.trigger).bind(11, a.created.msecs());
    bindTime(*q, 12, a.handled);
    return q->exec();
}

std::optional<StoredAttempt> WebhookStore::attempt(const QString &id) const
{
    auto q = m_db.prepare(view(QByteArray(AttemptSelect.data(), qsizetype(AttemptSelect.size())) + " WHERE a.id = ?1"));
    if (!q)
        return std::nullopt;
    q->bind(1, id);
    return q->step() ? std::optional(readAttempt(*q)) : std::nullopt;
}

Expected<StoredPage<StoredAttempt>, QString> WebhookStore::listAttempts(const AttemptFilter &filter, int limit,
                                                                        const std::optional<QString> &cursor) const
{
    const auto before = decodeCursor('a', cursor);
    if (!before)
        return Unexpected{before.error()};
    int next = 4;
    QByteArray sql = QByteArray(AttemptSelect.data(), qsizetype(AttemptSelect.size()))
        + " WHERE a.seq < ?1 AND a.created_at_ms >= ?2 AND a.created_at_ms < ?3";
    sql += inList("a.event_id", filter.eventIds, next);
    sql += inList("a.webhook_id", filter.webhookIds, next);
    sql += inList("a.code", filter.codes, next);
    sql += " ORDER BY a.seq DESC LIMIT ?" + QByteArray::number(next);
    auto q = m_db.prepare(view(sql));
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, *before)
        .bind(2, filter.createdFrom ? filter.createdFrom->msecs() : std::numeric_limits<qint64>::min())
        .bind(3, filter.createdUntil ? filter.createdUntil->msecs() : std::numeric_limits<qint64>::max());
    int index = 4;
    bindList(*q, filter.eventIds, index);
    bindList(*q, filter.webhookIds, index);
    bindList(*q, filter.codes, index);
    q->bind(index, qint64(limit) + 1);
    StoredPage<StoredAttempt> page;
    while (q->step())
        page.items.append(readAttempt(*q));
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextCursor = encodeCursor('a', page.items.last().seq);
    }
    return page;
}

Expected<Done, QString> WebhookStore::markAttemptHandled(const QString &id, Timestamp at)
{
    const auto a = attempt(id);
    if (!a)
        return Unexpected{QStringLiteral("attempt %1 does not exist").arg(id)};
    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    auto q = m_db.prepare("UPDATE webhook_attempts SET handled_at_ms = ?2 WHERE id = ?1 AND handled_at_ms IS NULL");
    if (!q)
        return Unexpected{q.error()};
    if (auto ok = q->bind(1, id).bind(2, at.msecs()).exec(); !ok)
        return ok;
    // The delivery stops being retried; one already delivered (or cancelled) stays so.
    auto d = m_db.prepare("UPDATE webhook_deliveries SET status = 'handled', next_try_ms = NULL, handled_at_ms = ?2"
                          " WHERE id = ?1 AND status IN ('pending', 'failed')");
    if (!d)
        return Unexpected{d.error()};
    if (auto ok = d->bind(1, a->deliveryId).bind(2, at.msecs()).exec(); !ok)
        return ok;
    return tx.commit();
}

bool WebhookStore::flag(const QString &key) const
{
    auto q = m_db.prepare("SELECT 1 FROM meta WHERE key = ?1");
    if (!q)
        return false;
    q->bind(1, key);
    return q->step();
}

Expected<Done, QString> WebhookStore::setFlag(const QString &key)
{
    auto q = m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, '1')");
    if (!q)
        return Unexpected{q.error()};
    return q->bind(1, key).exec();
}

} // namespace ul::sandbox
