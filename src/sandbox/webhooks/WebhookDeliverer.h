#pragma once

#include "SandboxOptions.h"
#include "store/SandboxStore.h"
#include "util/Expected.h"
#include "webhooks/WebhookTypes.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace ul::sandbox {

class WebhookStore;

/// Sends the sandbox's webhook deliveries: real HTTP POSTs, off the request path, on the
/// sandbox's thread (its own QNetworkAccessManager; nothing here blocks).
///
/// Every stored change of a usage event becomes one delivery per webhook subscribed to that
/// change; each delivery is tried at once, then retried after each delay of the retry schedule
/// (measured with the sandbox's clock, so tests move time instead of waiting for it) until a
/// try gets a 2xx answer or the schedule runs out. Every failed try is stored as an attempt.
/// Deliveries are stored before they are tried, so a restart resumes them.
class WebhookDeliverer : public QObject {
    Q_OBJECT
public:
    WebhookDeliverer(SandboxStore &events, WebhookStore &webhooks, const SandboxOptions &options,
                     std::function<Timestamp()> clock, QObject *parent = nullptr);
    ~WebhookDeliverer() override;

    [[nodiscard]] WebhookStore &store() { return m_webhooks; }

    /// Resumes deliveries a previous run left due or in flight.
    void start();

    /// The SandboxStore listener: queues one delivery per event and subscribed webhook.
    void onEventsStored(EventChange change, const QList<Event> &events, int version, Timestamp recordedAt,
                        const std::optional<QString> &backfillId);
    /// For whoever closes or reverts backfills: `subscription` is `backfill.closed` or
    /// `backfill.reverted`, `backfillJson` the backfill object as the API shows it.
    void notifyBackfill(QLatin1StringView subscription, const QString &backfillId, const QByteArray &backfillJson,
                        Timestamp at);

    /// Why a resend was refused: an HTTP status and a sentence for the error envelope.
    struct Refusal {
        int status = 400;
        QString resourceType; ///< For 404s: "Webhook" or "Event".
        QString detail;
    };
    /// Tries the latest delivery of `eventId` to `webhookId` once more, now (a manual try, outside
    /// the schedule and the concurrency cap). An event never delivered to that webhook gets a new
    /// delivery of its current version. The delivery as it stands when the try has started.
    Expected<StoredDelivery, Refusal> resend(const QString &eventId, const QString &webhookId);

    /// Whether a try of this delivery is in flight now.
    [[nodiscard]] bool isSending(const QString &deliveryId) const { return m_sending.contains(deliveryId); }
    [[nodiscard]] int triesInFlight() const { return int(m_inFlight.size()); }

    /// Starts every scheduled try that is due by the sandbox's clock and fits under the
    /// concurrency cap. Runs by itself when tries are due; tests that move the clock call it.
    void runDue();

    /// The first bytes of an answer that are kept in an attempt.
    static constexpr qsizetype ExcerptBytes = 1024;

Q_SIGNALS:
    /// A try ended: delivered (2xx) or recorded as a failed attempt.
    void tryFinished(const QString &deliveryId, bool delivered);

private:
    struct InFlight {
        QString deliveryId;
        QString trigger;
        Timestamp startedAt;
        QElapsedTimer elapsed;
        QByteArray excerpt;
        QTimer *timeout = nullptr;
        bool timedOut = false;
    };

    void startTry(const StoredDelivery &delivery, QLatin1StringView trigger);
    void onTryFinished(QNetworkReply *reply);
    void armWakeUp();
    void queueDeliveries(const QList<StoredDelivery> &deliveries);
    [[nodiscard]] StoredDelivery newDelivery(const StoredWebhook &webhook, const QString &notificationId,
                                             const QString &eventId, QLatin1StringView subscription,
                                             const QByteArray &payload, Timestamp created) const;

    SandboxStore &m_events;
    WebhookStore &m_webhooks;
    const SandboxOptions &m_options;
    std::function<Timestamp()> m_clock;
    QNetworkAccessManager *m_network;
    QTimer *m_wakeUp;
    QHash<QNetworkReply *, InFlight> m_inFlight;
    QHash<QString, QNetworkReply *> m_sending; ///< delivery id → its try in flight
    bool m_stopping = false;
};

/// `event.ingested`, `event.amended` or `event.deprecated`.
QLatin1StringView subscriptionFor(EventChange change);

/// The JSON body POSTed for a change of a usage event (Stark's `{"event": {...}}` shape):
/// `{"event":{"id","subscription","created","workspaceId":"sandbox","log":{"type","version","event"}}}`.
QByteArray eventNotificationPayload(const QString &notificationId, QLatin1StringView subscription, Timestamp created,
                                    EventChange change, int version, const Event &event);

} // namespace ul::sandbox
