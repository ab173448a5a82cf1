#pragma once

#include "api/OrbClient.h"
#include "api/WebhookTypes.h"

#include <QtCore/QJsonObject>
#include <QtCore/QPointer>

namespace ul {

/// Typed calls for the sandbox's webhook extension routes (Stark Infra's shape, see
/// docs/sandbox-api.md), built on OrbClient::send: the same base URL, token, retries and
/// error values as every other call. Cheap to copy; holds no state but the client.
class WebhookApi {
public:
    template <class T>
    using Callback = OrbClient::Callback<T>;

    explicit WebhookApi(OrbClient *client = nullptr) : m_client(client) {}
    [[nodiscard]] OrbClient *client() const { return m_client; }

    // Webhooks
    CallHandle listWebhooks(int limit, const std::optional<QString> &cursor, const QObject *context,
                            Callback<Page<Webhook>> done) const;
    /// The created webhook carries its signing secret (shown only now).
    CallHandle createWebhook(const NewWebhook &webhook, const QObject *context, Callback<Webhook> done) const;
    CallHandle fetchWebhook(const QString &id, const QObject *context, Callback<Webhook> done) const;
    CallHandle deleteWebhook(const QString &id, const QObject *context, Callback<Webhook> done) const;

    // Attempts
    CallHandle listAttempts(const AttemptQuery &query, const QObject *context, Callback<Page<Attempt>> done) const;
    CallHandle fetchAttempt(const QString &id, const QObject *context, Callback<Attempt> done) const;
    /// Marks an attempt handled: its delivery is not retried any more.
    CallHandle markHandled(const QString &attemptId, const QObject *context, Callback<Attempt> done) const;

    // Deliveries
    /// Tries once more, now, to deliver `eventId` to `webhookId`; the answer comes when the try
    /// has started (`sending`); fetchDelivery() tells how it ended.
    CallHandle resend(const QString &eventId, const QString &webhookId, const QObject *context,
                      Callback<Delivery> done) const;
    CallHandle fetchDelivery(const QString &id, const QObject *context, Callback<Delivery> done) const;

    // Decoders, public for tests.
    static Expected<Webhook, QString> webhookFromJson(const QJsonObject &object);
    static Expected<Attempt, QString> attemptFromJson(const QJsonObject &object);
    static Expected<Delivery, QString> deliveryFromJson(const QJsonObject &object);
    /// The query string of a list call.
    static QUrlQuery attemptQueryItems(const AttemptQuery &query);

private:
    template <class T>
    CallHandle call(ApiRequest request, const QObject *context, Callback<T> done,
                    std::function<Expected<T, QString>(const QJsonObject &)> decode) const;

    QPointer<OrbClient> m_client;
};

} // namespace ul
