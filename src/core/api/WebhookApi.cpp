#include "api/WebhookApi.h"

#include "api/DecodedCall.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>

namespace ul {

namespace {

std::optional<Timestamp> optionalTime(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    auto parsed = Timestamp::parseIso8601(QStringView(value.toString()));
    return parsed ? std::optional(*parsed) : std::nullopt;
}

Expected<Timestamp, QString> requiredTime(const QJsonObject &o, QLatin1StringView field)
{
    auto parsed = Timestamp::parseIso8601(QStringView(o.value(field).toString()));
    if (!parsed)
        return Unexpected{QStringLiteral("%1: %2").arg(field, parsed.error())};
    return *parsed;
}

QString text(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1StringView(field)).toString();
}

/// `{"<key>": {...}}` → the inner object.
Expected<QJsonObject, QString> wrapped(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue inner = o.value(key);
    if (!inner.isObject())
        return Unexpected{QStringLiteral("expected an object under \"%1\"").arg(key)};
    return inner.toObject();
}

template <class T>
Expected<Page<T>, QString> pageOf(const QJsonObject &o, QLatin1StringView key,
                                  Expected<T, QString> (*decode)(const QJsonObject &))
{
    const QJsonValue items = o.value(key);
    if (!items.isArray())
        return Unexpected{QStringLiteral("expected an array under \"%1\"").arg(key)};
    Page<T> page;
    for (const QJsonValue &v : items.toArray()) {
        auto item = decode(v.toObject());
        if (!item)
            return Unexpected{item.error()};
        page.items.append(std::move(item).value());
    }
    const QJsonValue cursor = o.value(QLatin1StringView("cursor"));
    if (cursor.isString() && !cursor.toString().isEmpty())
        page.nextCursor = cursor.toString();
    return page;
}

QString joined(const QStringList &values)
{
    return values.join(u',');
}

} // namespace

Expected<Webhook, QString> WebhookApi::webhookFromJson(const QJsonObject &o)
{
    Webhook w;
    w.id = text(o, "id");
    if (w.id.isEmpty())
        return Unexpected{QStringLiteral("a webhook has no id")};
    w.url = text(o, "url");
    for (const QJsonValue &s : o.value(QLatin1StringView("subscriptions")).toArray())
        w.subscriptions << s.toString();
    auto created = requiredTime(o, QLatin1StringView("created"));
    if (!created)
        return Unexpected{created.error()};
    w.created = *created;
    w.recentFailureCount = o.value(QLatin1StringView("recentFailureCount")).toInt();
    if (const QJsonValue secret = o.value(QLatin1StringView("secret")); secret.isString())
        w.secret = secret.toString();
    return w;
}

Expected<Attempt, QString> WebhookApi::attemptFromJson(const QJsonObject &o)
{
    Attempt a;
    a.id = text(o, "id");
    if (a.id.isEmpty())
        return Unexpected{QStringLiteral("an attempt has no id")};
    a.code = text(o, "code");
    a.message = text(o, "message");
    a.eventId = text(o, "eventId");
    a.webhookId = text(o, "webhookId");
    auto created = requiredTime(o, QLatin1StringView("created"));
    if (!created)
        return Unexpected{created.error()};
    a.created = *created;
    if (const QJsonValue status = o.value(QLatin1StringView("httpStatus")); status.isDouble())
        a.httpStatus = status.toInt();
    a.responseExcerpt = text(o, "responseExcerpt");
    a.durationMs = o.value(QLatin1StringView("durationMs")).toInteger();
    a.trigger = text(o, "trigger");
    a.handled = optionalTime(o.value(QLatin1StringView("handled")));
    a.deliveryId = text(o, "deliveryId");
    a.webhookUrl = text(o, "webhookUrl");
    a.subscription = text(o, "subscription");
    a.deliveryStatus = text(o, "deliveryStatus");
    a.sending = o.value(QLatin1StringView("sending")).toBool();
    a.delivered = optionalTime(o.value(QLatin1StringView("delivered")));
    a.nextTry = optionalTime(o.value(QLatin1StringView("nextTry")));
    return a;
}

Expected<Delivery, QString> WebhookApi::deliveryFromJson(const QJsonObject &o)
{
    Delivery d;
    d.id = text(o, "id");
    if (d.id.isEmpty())
        return Unexpected{QStringLiteral("a delivery has no id")};
    d.eventId = text(o, "eventId");
    d.webhookId = text(o, "webhookId");
    d.subscription = text(o, "subscription");
    d.notificationId = text(o, "notificationId");
    d.status = text(o, "status");
    d.sending = o.value(QLatin1StringView("sending")).toBool();
    d.tries = o.value(QLatin1StringView("tries")).toInt();
    auto created = requiredTime(o, QLatin1StringView("created"));
    if (!created)
        return Unexpected{created.error()};
    d.created = *created;
    d.nextTry = optionalTime(o.value(QLatin1StringView("nextTry")));
    d.delivered = optionalTime(o.value(QLatin1StringView("delivered")));
    d.handled = optionalTime(o.value(QLatin1StringView("handled")));
    if (const QJsonValue last = o.value(QLatin1StringView("lastAttemptId")); last.isString())
        d.lastAttemptId = last.toString();
    return d;
}

QUrlQuery WebhookApi::attemptQueryItems(const AttemptQuery &query)
{
    QUrlQuery items;
    items.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (query.cursor)
        items.addQueryItem(QStringLiteral("cursor"), *query.cursor);
    if (query.after)
        items.addQueryItem(QStringLiteral("after"), query.after->toIso8601());
    if (query.before)
        items.addQueryItem(QStringLiteral("before"), query.before->toIso8601());
    if (!query.eventIds.isEmpty())
        items.addQueryItem(QStringLiteral("eventIds"), joined(query.eventIds));
    if (!query.webhookIds.isEmpty())
        items.addQueryItem(QStringLiteral("webhookIds"), joined(query.webhookIds));
    if (!query.codes.isEmpty())
        items.addQueryItem(QStringLiteral("codes"), joined(query.codes));
    return items;
}

template <class T>
CallHandle WebhookApi::call(ApiRequest request, const QObject *context, Callback<T> done,
                            std::function<Expected<T, QString>(const QJsonObject &)> decode) const
{
    return detail::decodedCall<T>(m_client, std::move(request), context, std::move(done),
        [decode = std::move(decode)](const QByteArray &body) -> Expected<T, QString> {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
            if (!doc.isObject())
                return Unexpected{QStringLiteral("expected a JSON object (%1)").arg(parseError.errorString())};
            return decode(doc.object());
        });
}

CallHandle WebhookApi::listWebhooks(int limit, const std::optional<QString> &cursor, const QObject *context,
                                    Callback<Page<Webhook>> done) const
{
    ApiRequest request;
    request.path = QStringLiteral("webhook");
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (cursor)
        request.query.addQueryItem(QStringLiteral("cursor"), *cursor);
    return call<Page<Webhook>>(std::move(request), context, std::move(done), [](const QJsonObject &o) {
        return pageOf<Webhook>(o, QLatin1StringView("webhooks"), &WebhookApi::webhookFromJson);
    });
}

CallHandle WebhookApi::createWebhook(const NewWebhook &webhook, const QObject *context, Callback<Webhook> done) const
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("webhook");
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("url"), webhook.url},
                                             {QStringLiteral("subscriptions"), QJsonArray::fromStringList(webhook.subscriptions)}})
                       .toJson(QJsonDocument::Compact);
    return call<Webhook>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Webhook, QString> {
        auto inner = wrapped(o, QLatin1StringView("webhook"));
        return inner ? webhookFromJson(*inner) : Expected<Webhook, QString>(Unexpected{inner.error()});
    });
}

CallHandle WebhookApi::fetchWebhook(const QString &id, const QObject *context, Callback<Webhook> done) const
{
    ApiRequest request;
    request.path = QStringLiteral("webhook/") + id;
    return call<Webhook>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Webhook, QString> {
        auto inner = wrapped(o, QLatin1StringView("webhook"));
        return inner ? webhookFromJson(*inner) : Expected<Webhook, QString>(Unexpected{inner.error()});
    });
}

CallHandle WebhookApi::deleteWebhook(const QString &id, const QObject *context, Callback<Webhook> done) const
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = QStringLiteral("webhook/") + id;
    return call<Webhook>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Webhook, QString> {
        auto inner = wrapped(o, QLatin1StringView("webhook"));
        return inner ? webhookFromJson(*inner) : Expected<Webhook, QString>(Unexpected{inner.error()});
    });
}

CallHandle WebhookApi::listAttempts(const AttemptQuery &query, const QObject *context, Callback<Page<Attempt>> done) const
{
    ApiRequest request;
    request.path = QStringLiteral("event/attempt");
    request.query = attemptQueryItems(query);
    return call<Page<Attempt>>(std::move(request), context, std::move(done), [](const QJsonObject &o) {
        return pageOf<Attempt>(o, QLatin1StringView("attempts"), &WebhookApi::attemptFromJson);
    });
}

CallHandle WebhookApi::fetchAttempt(const QString &id, const QObject *context, Callback<Attempt> done) const
{
    ApiRequest request;
    request.path = QStringLiteral("event/attempt/") + id;
    return call<Attempt>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Attempt, QString> {
        auto inner = wrapped(o, QLatin1StringView("attempt"));
        return inner ? attemptFromJson(*inner) : Expected<Attempt, QString>(Unexpected{inner.error()});
    });
}

CallHandle WebhookApi::markHandled(const QString &attemptId, const QObject *context, Callback<Attempt> done) const
{
    ApiRequest request;
    request.method = "PATCH";
    request.path = QStringLiteral("event/attempt/") + attemptId;
    request.body = QByteArrayLiteral("{\"handled\":true}");
    return call<Attempt>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Attempt, QString> {
        auto inner = wrapped(o, QLatin1StringView("attempt"));
        return inner ? attemptFromJson(*inner) : Expected<Attempt, QString>(Unexpected{inner.error()});
    });
}

CallHandle WebhookApi::resend(const QString &eventId, const QString &webhookId, const QObject *context,
                              Callback<Delivery> done) const
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("webhook/%1/event/%2/resend").arg(webhookId, eventId);
    return call<Delivery>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Delivery, QString> {
        auto inner = wrapped(o, QLatin1StringView("delivery"));
        return inner ? deliveryFromJson(*inner) : Expected<Delivery, QString>(Unexpected{inner.error()});
    });
}

CallHandle WebhookApi::fetchDelivery(const QString &id, const QObject *context, Callback<Delivery> done) const
{
    ApiRequest request;
    request.path = QStringLiteral("event/delivery/") + id;
    return call<Delivery>(std::move(request), context, std::move(done), [](const QJsonObject &o) -> Expected<Delivery, QString> {
        auto inner = wrapped(o, QLatin1StringView("delivery"));
        return inner ? deliveryFromJson(*inner) : Expected<Delivery, QString>(Unexpected{inner.error()});
    });
}

} // namespace ul
