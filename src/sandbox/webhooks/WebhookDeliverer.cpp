#include "webhooks/WebhookDeliverer.h"

#include "Version.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"
#include "webhooks/WebhookSignature.h"
#include "webhooks/WebhookStore.h"

#include <QtCore/QDebug>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>

namespace ul::sandbox {

namespace {

constexpr QLatin1StringView Scheduled{"scheduled"};
constexpr QLatin1StringView Manual{"manual"};
constexpr qint64 LongestWakeUpMs = 60'000;

/// At most `limit` bytes, cut before a UTF-8 sequence that would not fit whole.
QByteArray utf8Prefix(const QByteArray &bytes, qsizetype limit)
{
    if (bytes.size() <= limit)
        return QString::fromUtf8(bytes).toUtf8();
    qsizetype n = limit;
    while (n > 0 && (static_cast<unsigned char>(bytes[n]) & 0xC0) == 0x80)
        --n;
    return QString::fromUtf8(bytes.left(n)).toUtf8();
}

} // namespace

QLatin1StringView subscriptionFor(EventChange change)
{
    switch (change) {
    case EventChange::Ingested: return WebhookSubscriptions[0];
    case EventChange::Amended: return WebhookSubscriptions[1];
    case EventChange::Deprecated: return WebhookSubscriptions[2];
    }
    return WebhookSubscriptions[0];
}

QByteArray eventNotificationPayload(const QString &notificationId, QLatin1StringView subscription, Timestamp created,
                                    EventChange change, int version, const Event &event)
{
    JsonWriter out(512);
    out.beginObject().key("event").beginObject();
    out.key("id").value(notificationId);
    out.key("subscription").value(std::string_view(subscription.data(), size_t(subscription.size())));
    out.key("created").value(created);
    out.key("workspaceId").value("sandbox");
    out.key("log").beginObject();
    out.key("type").value(eventChangeName(change));
    out.key("version").value(version);
    out.key("event");
    json::writeEvent(out, event);
    out.endObject();
    out.endObject().endObject();
    return out.take();
}

WebhookDeliverer::WebhookDeliverer(SandboxStore &events, WebhookStore &webhooks, const SandboxOptions &options,
                                   std::function<Timestamp()> clock, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_webhooks(webhooks)
    , m_options(options)
    , m_clock(std::move(clock))
    , m_network(new QNetworkAccessManager(this))
    , m_wakeUp(new QTimer(this))
{
    m_network->setAutoDeleteReplies(false);
    // Receivers are whatever URL a webhook names; deliveries go to it directly, never through a
    // proxy the environment happens to configure.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_wakeUp->setSingleShot(true);
    connect(m_wakeUp, &QTimer::timeout, this, &WebhookDeliverer::runDue);
}

WebhookDeliverer::~WebhookDeliverer()
{
    // Tries in flight are left pending; the next start makes them due again.
    m_stopping = true;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
        disconnect(it.key(), nullptr, this, nullptr);
        it.key()->abort();
    }
    delete m_network;
}

void WebhookDeliverer::start()
{
    if (auto ok = m_webhooks.rescheduleInterrupted(m_clock()); !ok)
        qWarning().noquote() << "webhooks: cannot resume interrupted deliveries:" << ok.error();
    m_wakeUp->start(0);
}

StoredDelivery WebhookDeliverer::newDelivery(const StoredWebhook &webhook, const QString &notificationId,
                                             const QString &eventId, QLatin1StringView subscription,
                                             const QByteArray &payload, Timestamp created) const
{
    StoredDelivery d;
    d.id = WebhookStore::newId();
    d.notificationId = notificationId;
    d.eventId = eventId;
    d.webhookId = webhook.id;
    d.subscription = subscription;
    d.payload = payload;
    d.created = created;
    d.status = DeliveryStatus::Pending;
    d.nextTry = created; // the first try is at once
    return d;
}

void WebhookDeliverer::onEventsStored(EventChange change, const QList<Event> &events, int version, Timestamp recordedAt,
                                      const std::optional<QString> &backfillId)
{
    // Events ingested into a backfill are not live until it closes; `backfill.closed` announces them.
    if (change == EventChange::Ingested && backfillId)
        return;
    const QLatin1StringView subscription = subscriptionFor(change);
    QList<StoredWebhook> targets;
    for (const StoredWebhook &w : m_webhooks.activeWebhooks()) {
        if (w.subscribesTo(subscription))
            targets.append(w);
    }
    if (targets.isEmpty())
        return;
    QList<StoredDelivery> deliveries;
    deliveries.reserve(events.size() * targets.size());
    for (const Event &event : events) {
        const QString notificationId = WebhookStore::newId();
        const QByteArray payload = eventNotificationPayload(notificationId, subscription, recordedAt, change, version,
                                                            m_events.resolveCustomer(event));
        for (const StoredWebhook &w : std::as_const(targets))
            deliveries.append(newDelivery(w, notificationId, event.id, subscription, payload, recordedAt));
    }
    queueDeliveries(deliveries);
}

void WebhookDeliverer::notifyBackfill(QLatin1StringView subscription, const QString &backfillId,
                                      const QByteArray &backfillJson, Timestamp at)
{
    QList<StoredDelivery> deliveries;
    const QString notificationId = WebhookStore::newId();
    JsonWriter out(256 + backfillJson.size());
    out.beginObject().key("event").beginObject();
    out.key("id").value(notificationId);
    out.key("subscription").value(std::string_view(subscription.data(), size_t(subscription.size())));
    out.key("created").value(at);
    out.key("workspaceId").value("sandbox");
    out.key("log").beginObject();
    out.key("type").value(subscription == WebhookSubscriptions[4] ? "reverted" : "closed");
    out.key("backfill").raw(std::string_view(backfillJson.constData(), size_t(backfillJson.size())));
    out.endObject();
    out.endObject().endObject();
    const QByteArray payload = out.take();
    for (const StoredWebhook &w : m_webhooks.activeWebhooks()) {
        if (w.subscribesTo(subscription))
            deliveries.append(newDelivery(w, notificationId, backfillId, subscription, payload, at));
    }
    queueDeliveries(deliveries);
}

void WebhookDeliverer::queueDeliveries(const QList<StoredDelivery> &deliveries)
{
    if (deliveries.isEmpty())
        return;
    if (auto ok = m_webhooks.insertDeliveries(deliveries); !ok) {
        qWarning().noquote() << "webhooks: cannot store" << deliveries.size() << "deliveries:" << ok.error();
        return;
    }
    if (!m_stopping)
        m_wakeUp->start(0); // the first tries start once the request that caused them is answered
}

Expected<StoredDelivery, WebhookDeliverer::Refusal> WebhookDeliverer::resend(const QString &eventId, const QString &webhookId)
{
    const auto webhook = m_webhooks.webhook(webhookId);
    if (!webhook)
        return Unexpected{Refusal{404, QStringLiteral("Webhook"), webhookId}};
    auto delivery = m_webhooks.latestDelivery(eventId, webhookId);
    if (!delivery) {
        const QList<EventVersion> history = m_events.history(eventId);
        if (history.isEmpty())
            return Unexpected{Refusal{404, QStringLiteral("Event"), eventId}};
        const EventVersion &last = history.last();
        const QLatin1StringView subscription = subscriptionFor(last.change);
        const QString notificationId = WebhookStore::newId();
        StoredDelivery fresh = newDelivery(*webhook, notificationId, eventId, subscription,
                                           eventNotificationPayload(notificationId, subscription, last.recordedAt,
                                                                    last.change, last.version, last.event),
                                           m_clock());
        // Never scheduled: only resends try it.
        fresh.status = DeliveryStatus::Failed;
        fresh.nextTry.reset();
        if (auto ok = m_webhooks.insertDeliveries({fresh}); !ok)
            return Unexpected{Refusal{500, {}, QStringLiteral("The delivery could not be stored: %1").arg(ok.error())}};
        delivery = fresh;
    }
    if (isSending(delivery->id)) {
        return Unexpected{Refusal{409, {},
                                  QStringLiteral("A try of delivery %1 (event %2 to webhook %3) is in flight; resend it"
                                                 " when that try has ended.")
                                      .arg(delivery->id, eventId, webhookId)}};
    }
    startTry(*delivery, Manual);
    return m_webhooks.delivery(delivery->id).value_or(*delivery);
}

void WebhookDeliverer::runDue()
{
    if (m_stopping)
        return;
    const int room = m_options.webhookConcurrency - int(m_inFlight.size());
    if (room > 0) {
        const QList<StoredDelivery> due = m_webhooks.dueDeliveries(m_clock(), room);
        for (const StoredDelivery &d : due) {
            if (!isSending(d.id))
                startTry(d, Scheduled);
        }
    }
    armWakeUp();
}

void WebhookDeliverer::armWakeUp()
{
    if (m_stopping || int(m_inFlight.size()) >= m_options.webhookConcurrency) {
        m_wakeUp->stop(); // a finishing try runs runDue()
        return;
    }
    const auto next = m_webhooks.nextDue();
    if (!next) {
        m_wakeUp->stop();
        return;
    }
    // Bounded, so a clock that jumps (or a test's clock that is moved) is noticed within a minute.
    const qint64 wait = std::clamp(next->msecs() - m_clock().msecs(), qint64(0), LongestWakeUpMs);
    m_wakeUp->start(std::chrono::milliseconds(wait));
}

void WebhookDeliverer::startTry(const StoredDelivery &delivery, QLatin1StringView trigger)
{
    const auto webhook = m_webhooks.webhook(delivery.webhookId, true);
    if (!webhook || webhook->deleted) {
        StoredDelivery cancelled = delivery;
        cancelled.status = DeliveryStatus::Cancelled;
        cancelled.nextTry.reset();
        m_webhooks.saveDeliveryState(cancelled);
        return;
    }
    // In flight: no next try, so neither the schedule nor a restart starts it twice. A manual try
    // of a scheduled delivery puts its next try back if it fails.
    StoredDelivery sending = delivery;
    const std::optional<Timestamp> scheduledNext = delivery.nextTry;
    sending.nextTry.reset();
    if (auto ok = m_webhooks.saveDeliveryState(sending); !ok) {
        qWarning().noquote() << "webhooks: cannot start delivery" << delivery.id << ':' << ok.error();
        return;
    }

    const Timestamp startedAt = m_clock();
    const QByteArray timestamp = QByteArray::number(startedAt.msecs() / 1000);
    QNetworkRequest request{QUrl(webhook->url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("User-Agent", QByteArray("UsageLens-Sandbox/") + ul::version::Version);
    request.setRawHeader(webhook_signature::TimestampHeader, timestamp);
    request.setRawHeader(webhook_signature::SignatureHeader,
                         webhook_signature::headerValue(webhook->secret, timestamp, delivery.payload));
    request.setRawHeader(webhook_signature::StarkSignatureHeader,
                         webhook_signature::sign(webhook->secret, timestamp, delivery.payload).toBase64());
    request.setRawHeader("X-UsageLens-Delivery", delivery.id.toLatin1());
    request.setRawHeader("X-UsageLens-Try", QByteArray::number(delivery.tries + 1));
    request.setRawHeader("X-UsageLens-Trigger", QByteArray(trigger.data(), trigger.size()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkReply *reply = m_network->post(request, delivery.payload);
    InFlight &f = m_inFlight[reply];
    f.deliveryId = delivery.id;
    f.trigger = trigger;
    f.startedAt = startedAt;
    f.elapsed.start();
    f.timeout = new QTimer(this);
    f.timeout->setSingleShot(true);
    f.timeout->setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % early
    m_sending.insert(delivery.id, reply);
    // Kept in the try for a manual try's failure to restore; only pending deliveries have one.
    reply->setProperty("_ul_scheduled_next", scheduledNext ? QVariant(scheduledNext->msecs()) : QVariant());
    connect(f.timeout, &QTimer::timeout, this, [this, reply] {
        if (auto it = m_inFlight.find(reply); it != m_inFlight.end()) {
            it->timedOut = true;
            reply->abort(); // finished() follows at once
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            return;
        const QByteArray chunk = reply->readAll(); // read all, keep the start
        if (it->excerpt.size() <= ExcerptBytes)
            it->excerpt += chunk.left(ExcerptBytes + 1 - it->excerpt.size());
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onTryFinished(reply); });
    f.timeout->start(m_options.webhookTimeout);
}

void WebhookDeliverer::onTryFinished(QNetworkReply *reply)
{
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return;
    InFlight f = std::move(*it);
    m_inFlight.erase(it);
    m_sending.remove(f.deliveryId);
    f.timeout->stop();
    f.timeout->deleteLater(); // this may run inside its timeout() (abort() finishes at once)
    reply->deleteLater();
    const qint64 durationMs = f.elapsed.elapsed();
    if (f.excerpt.size() <= ExcerptBytes && reply->isOpen())
        f.excerpt += reply->readAll().left(ExcerptBytes + 1 - f.excerpt.size());
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const bool delivered = !f.timedOut && status >= 200 && status < 300;

    auto delivery = m_webhooks.delivery(f.deliveryId);
    if (!delivery)
        return;
    const Timestamp now = m_clock();
    StoredDelivery &d = *delivery;
    ++d.tries;
    if (f.trigger == Scheduled)
        ++d.scheduledTries;
    if (delivered) {
        d.status = DeliveryStatus::Delivered;
        d.delivered = now;
        d.nextTry.reset();
        d.lastAttemptId.reset();
    } else {
        StoredAttempt a;
        a.id = WebhookStore::newId();
        a.deliveryId = d.id;
        a.eventId = d.eventId;
        a.webhookId = d.webhookId;
        if (status != 0)
            a.httpStatus = status;
        if (f.timedOut) {
            a.code = AttemptCode::Timeout;
            a.message = QStringLiteral("HTTP POST request timed out after %1 ms").arg(m_options.webhookTimeout.count());
        } else if (status != 0) {
            a.code = AttemptCode::BadHttpStatus;
            a.message = QStringLiteral("HTTP POST request returned status %1").arg(status);
        } else {
            a.code = AttemptCode::BadConnection;
            a.message = QStringLiteral("HTTP POST request failed: %1").arg(reply->errorString());
        }
        a.responseExcerpt = utf8Prefix(f.excerpt, ExcerptBytes);
        a.durationMs = durationMs;
        a.trigger = f.trigger;
        a.created = f.startedAt;
        if (auto ok = m_webhooks.insertAttempt(a); !ok)
            qWarning().noquote() << "webhooks: cannot record an attempt of delivery" << d.id << ':' << ok.error();
        d.lastAttemptId = a.id;
        if (d.status == DeliveryStatus::Pending) {
            if (f.trigger == Scheduled) {
                const qsizetype retry = d.scheduledTries - 1;
                if (retry < m_options.webhookRetrySchedule.size()) {
                    d.nextTry = now + m_options.webhookRetrySchedule[retry];
                } else {
                    d.status = DeliveryStatus::Failed; // the schedule is spent
                    d.nextTry.reset();
                }
            } else {
                const QVariant next = reply->property("_ul_scheduled_next");
                d.nextTry = next.isValid() ? Timestamp::fromMsecs(next.toLongLong()) : now;
            }
        }
    }
    if (auto ok = m_webhooks.saveDeliveryState(d); !ok)
        qWarning().noquote() << "webhooks: cannot save delivery" << d.id << ':' << ok.error();
    Q_EMIT tryFinished(d.id, delivered);
    runDue();
}

} // namespace ul::sandbox
