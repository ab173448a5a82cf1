#include "routes/WebhookRoutes.h"

#include "SandboxServer.h"
#include "json/JsonWriter.h"
#include "routes/RouteSupport.h"
#include "webhooks/WebhookDeliverer.h"
#include "webhooks/WebhookSignature.h"
#include "webhooks/WebhookStore.h"

#include <QtCore/QDate>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>

namespace ul::sandbox {

namespace {

constexpr int MaxFilterIds = 500;
constexpr qsizetype MaxUrlLength = 2000;
constexpr auto RecentFailureWindow = std::chrono::hours(24);

void optionalTime(JsonWriter &out, const std::optional<Timestamp> &time)
{
    if (time)
        out.value(*time);
    else
        out.null();
}

void writeWebhook(JsonWriter &out, const StoredWebhook &w, int recentFailures, bool withSecret)
{
    out.beginObject();
    out.key("id").value(w.id);
    out.key("url").value(w.url);
    out.key("subscriptions").beginArray();
    for (const QString &s : w.subscriptions)
        out.value(s);
    out.endArray();
    out.key("created").value(w.created);
    out.key("recentFailureCount").value(recentFailures);
    if (withSecret)
        out.key("secret").value(w.secret);
    out.endObject();
}

void writeAttempt(JsonWriter &out, const StoredAttempt &a, bool sending)
{
    out.beginObject();
    out.key("id").value(a.id);
    out.key("code").value(a.code);
    out.key("message").value(a.message);
    out.key("eventId").value(a.eventId);
    out.key("webhookId").value(a.webhookId);
    out.key("created").value(a.created);
    out.key("httpStatus");
    if (a.httpStatus)
        out.value(*a.httpStatus);
    else
        out.null();
    out.key("responseExcerpt").value(QString::fromUtf8(a.responseExcerpt));
    out.key("durationMs").value(a.durationMs);
    out.key("trigger").value(a.trigger);
    out.key("handled");
    optionalTime(out, a.handled);
    out.key("deliveryId").value(a.deliveryId);
    out.key("webhookUrl").value(a.webhookUrl);
    out.key("subscription").value(a.subscription);
    out.key("deliveryStatus").value(a.deliveryStatus);
    out.key("sending").value(sending);
    out.key("delivered");
    optionalTime(out, a.delivered);
    out.key("nextTry");
    optionalTime(out, a.nextTry);
    out.endObject();
}

void writeDelivery(JsonWriter &out, const StoredDelivery &d, bool sending)
{
    out.beginObject();
    out.key("id").value(d.id);
    out.key("eventId").value(d.eventId);
    out.key("webhookId").value(d.webhookId);
    out.key("subscription").value(d.subscription);
    out.key("notificationId").value(d.notificationId);
    out.key("status").value(d.status);
    out.key("sending").value(sending);
    out.key("tries").value(d.tries);
    out.key("created").value(d.created);
    out.key("nextTry");
    optionalTime(out, d.nextTry);
    out.key("delivered");
    optionalTime(out, d.delivered);
    out.key("handled");
    optionalTime(out, d.handled);
    out.key("lastAttemptId").value(d.lastAttemptId);
    out.endObject();
}

void writeCursor(JsonWriter &out, const std::optional<QString> &cursor)
{
    out.key("cursor");
    if (cursor)
        out.value(*cursor);
    else
        out.null();
}

HttpResponse internalError(const QString &what, const QString &why)
{
    return HttpResponse::error(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("Internal server error"),
                                              QStringLiteral("%1: %2").arg(what, why)));
}

/// A comma list (`a,b`) from the query; more than MaxFilterIds is a problem.
QStringList commaList(const HttpRequest &request, const QString &name, QStringList &problems)
{
    QStringList values;
    const auto text = request.queryValue(name);
    if (!text)
        return values;
    for (const QString &part : text->split(u',')) {
        const QString value = part.trimmed();
        if (!value.isEmpty() && !values.contains(value))
            values << value;
    }
    if (values.size() > MaxFilterIds)
        problems << QStringLiteral("%1: at most %2 values, not %3").arg(name).arg(MaxFilterIds).arg(values.size());
    return values;
}

/// `after`/`before`: a date (`2024-05-01`, the whole day included) or an ISO 8601 date-time.
/// The bound returned is inclusive for `after` and exclusive for `before`.
std::optional<Timestamp> dateBound(const HttpRequest &request, const QString &name, bool upper, QStringList &problems)
{
    const auto text = request.queryValue(name);
    if (!text)
        return std::nullopt;
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(*text).hasMatch()) {
        const QDate date = QDate::fromString(*text, Qt::ISODate);
        if (!date.isValid()) {
            problems << QStringLiteral("%1: \"%2\" is not a date").arg(name, *text);
            return std::nullopt;
        }
        const QDate day = upper ? date.addDays(1) : date;
        return Timestamp::fromDateTime(day.startOfDay(Qt::UTC));
    }
    auto parsed = Timestamp::parseIso8601(QStringView(*text), false);
    if (!parsed) {
        problems << QStringLiteral("%1: \"%2\" is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time: %3")
                        .arg(name, *text, parsed.error());
        return std::nullopt;
    }
    return *parsed;
}

HttpResponse createWebhook(SandboxContext &ctx, WebhookStore &store, const HttpRequest &request)
{
    auto body = readObjectBody(request);
    if (!body)
        return body.error();
    QStringList problems = unknownFields(*body, {QLatin1StringView("url"), QLatin1StringView("subscriptions")});
    const QJsonValue urlValue = body->value(QLatin1StringView("url"));
    QString url;
    if (!urlValue.isString() || urlValue.toString().trimmed().isEmpty()) {
        problems << QStringLiteral("url: is required and must be a non-empty string");
    } else {
        url = urlValue.toString().trimmed();
        const QUrl parsed(url, QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        if (url.size() > MaxUrlLength)
            problems << QStringLiteral("url: must be at most %1 characters").arg(MaxUrlLength);
        else if (!parsed.isValid() || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))
                 || parsed.host().isEmpty())
            problems << QStringLiteral("url: \"%1\" is not an absolute http or https URL").arg(url);
    }
    QStringList subscriptions;
    const QJsonValue subsValue = body->value(QLatin1StringView("subscriptions"));
    if (!subsValue.isArray() || subsValue.toArray().isEmpty()) {
        problems << QStringLiteral("subscriptions: is required and must be a non-empty array of subscriptions");
    } else {
        QStringList known;
        for (QLatin1StringView s : WebhookSubscriptions)
            known << s;
        for (const QJsonValue &v : subsValue.toArray()) {
            if (!v.isString() || !known.contains(v.toString())) {
                problems << QStringLiteral("subscriptions: %1 is not one of %2")
                                .arg(v.isString() ? u'"' + v.toString() + u'"' : QStringLiteral("a non-string value"),
                                     known.join(QStringLiteral(", ")));
            } else if (!subscriptions.contains(v.toString())) {
                subscriptions << v.toString();
            }
        }
    }
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The webhook is not valid."), problems);
    StoredWebhook webhook;
    webhook.id = WebhookStore::newId();
    webhook.url = url;
    webhook.subscriptions = subscriptions;
    webhook.secret = webhook_signature::newSecret();
    webhook.created = ctx.now();
    auto stored = store.insertWebhook(webhook);
    if (!stored)
        return internalError(QStringLiteral("The webhook could not be stored"), stored.error());
    JsonWriter out;
    out.beginObject().key("webhook");
    writeWebhook(out, *stored, 0, true);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse listWebhooks(SandboxContext &ctx, WebhookStore &store, const HttpRequest &request)
{
    auto limit = pageLimit(request);
    if (!limit)
        return limit.error();
    auto page = store.listWebhooks(*limit, request.queryValue(QStringLiteral("cursor")));
    if (!page)
        return HttpResponse::validation(page.error(), {page.error()});
    const Timestamp since = ctx.now() - RecentFailureWindow;
    JsonWriter out;
    out.beginObject().key("webhooks").beginArray();
    for (const StoredWebhook &w : std::as_const(page->items))
        writeWebhook(out, w, store.failuresSince(w.id, since), false);
    out.endArray();
    writeCursor(out, page->nextCursor);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse getWebhook(SandboxContext &ctx, WebhookStore &store, const QString &id)
{
    const auto w = store.webhook(id);
    if (!w)
        return notFound(QStringLiteral("Webhook"), id);
    JsonWriter out;
    out.beginObject().key("webhook");
    writeWebhook(out, *w, store.failuresSince(id, ctx.now() - RecentFailureWindow), false);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse deleteWebhook(SandboxContext &ctx, WebhookStore &store, const QString &id)
{
    if (!store.webhook(id))
        return notFound(QStringLiteral("Webhook"), id);
    const Timestamp now = ctx.now();
    auto deleted = store.deleteWebhook(id, now);
    if (!deleted)
        return internalError(QStringLiteral("The webhook could not be deleted"), deleted.error());
    JsonWriter out;
    out.beginObject().key("webhook");
    writeWebhook(out, *deleted, store.failuresSince(id, now - RecentFailureWindow), false);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse listAttempts(WebhookDeliverer &deliverer, const HttpRequest &request)
{
    auto limit = pageLimit(request);
    if (!limit)
        return limit.error();
    QStringList problems;
    AttemptFilter filter;
    filter.createdFrom = dateBound(request, QStringLiteral("after"), false, problems);
    filter.createdUntil = dateBound(request, QStringLiteral("before"), true, problems);
    filter.eventIds = commaList(request, QStringLiteral("eventIds"), problems);
    filter.webhookIds = commaList(request, QStringLiteral("webhookIds"), problems);
    filter.codes = commaList(request, QStringLiteral("codes"), problems);
    for (const QString &code : std::as_const(filter.codes)) {
        if (code != AttemptCode::BadHttpStatus && code != AttemptCode::BadConnection && code != AttemptCode::Timeout)
            problems << QStringLiteral("codes: \"%1\" is not one of badHttpStatus, badConnection, timeout").arg(code);
    }
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The attempt filter is not valid."), problems);
    auto page = deliverer.store().listAttempts(filter, *limit, request.queryValue(QStringLiteral("cursor")));
    if (!page)
        return HttpResponse::validation(page.error(), {page.error()});
    JsonWriter out(qsizetype(page->items.size()) * 700 + 64);
    out.beginObject().key("attempts").beginArray();
    for (const StoredAttempt &a : std::as_const(page->items))
        writeAttempt(out, a, deliverer.isSending(a.deliveryId));
    out.endArray();
    writeCursor(out, page->nextCursor);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse attemptAnswer(WebhookDeliverer &deliverer, const QString &id)
{
    const auto a = deliverer.store().attempt(id);
    if (!a)
        return notFound(QStringLiteral("Attempt"), id);
    JsonWriter out;
    out.beginObject().key("attempt");
    writeAttempt(out, *a, deliverer.isSending(a->deliveryId));
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse markHandled(SandboxContext &ctx, WebhookDeliverer &deliverer, const HttpRequest &request, const QString &id)
{
    auto body = readObjectBody(request);
    if (!body)
        return body.error();
    QStringList problems = unknownFields(*body, {QLatin1StringView("handled")});
    if (body->value(QLatin1StringView("handled")) != QJsonValue(true))
        problems << QStringLiteral("handled: must be true (an attempt cannot be marked unhandled)");
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("Only {\"handled\": true} can be set on an attempt."), problems);
    if (!deliverer.store().attempt(id))
        return notFound(QStringLiteral("Attempt"), id);
    if (auto ok = deliverer.store().markAttemptHandled(id, ctx.now()); !ok)
        return internalError(QStringLiteral("The attempt could not be marked handled"), ok.error());
    return attemptAnswer(deliverer, id);
}

HttpResponse resend(WebhookDeliverer &deliverer, const HttpRequest &request, const QString &webhookId, const QString &eventId)
{
    if (auto body = readObjectBody(request, true); !body)
        return body.error();
    else if (const QStringList problems = unknownFields(*body, {}); !problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("Resend takes no body."), problems);
    auto started = deliverer.resend(eventId, webhookId);
    if (!started) {
        const WebhookDeliverer::Refusal &refusal = started.error();
        if (refusal.status == 404)
            return notFound(refusal.resourceType, refusal.detail);
        if (refusal.status == 409) {
            return HttpResponse::error(ApiError::make(409, OrbErrorType::ResourceConflict, QStringLiteral("Resource conflict"),
                                                      refusal.detail));
        }
        return internalError(QStringLiteral("The resend failed"), refusal.detail);
    }
    JsonWriter out;
    out.beginObject().key("delivery");
    writeDelivery(out, *started, deliverer.isSending(started->id));
    out.endObject();
    return HttpResponse::json(202, out.take());
}

HttpResponse listDeliveries(WebhookDeliverer &deliverer, const HttpRequest &request)
{
    auto limit = pageLimit(request);
    if (!limit)
        return limit.error();
    QStringList problems;
    DeliveryFilter filter;
    filter.eventIds = commaList(request, QStringLiteral("eventIds"), problems);
    filter.webhookIds = commaList(request, QStringLiteral("webhookIds"), problems);
    filter.statuses = commaList(request, QStringLiteral("status"), problems);
    for (const QString &status : std::as_const(filter.statuses)) {
        if (status != DeliveryStatus::Pending && status != DeliveryStatus::Delivered && status != DeliveryStatus::Failed
            && status != DeliveryStatus::Handled && status != DeliveryStatus::Cancelled)
            problems << QStringLiteral("status: \"%1\" is not one of pending, delivered, failed, handled, cancelled").arg(status);
    }
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The delivery filter is not valid."), problems);
    auto page = deliverer.store().listDeliveries(filter, *limit, request.queryValue(QStringLiteral("cursor")));
    if (!page)
        return HttpResponse::validation(page.error(), {page.error()});
    JsonWriter out;
    out.beginObject().key("deliveries").beginArray();
    for (const StoredDelivery &d : std::as_const(page->items))
        writeDelivery(out, d, deliverer.isSending(d.id));
    out.endArray();
    writeCursor(out, page->nextCursor);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse getDelivery(WebhookDeliverer &deliverer, const QString &id)
{
    const auto d = deliverer.store().delivery(id);
    if (!d)
        return notFound(QStringLiteral("Delivery"), id);
    JsonWriter out;
    out.beginObject().key("delivery");
    writeDelivery(out, *d, deliverer.isSending(id));
    out.endObject();
    return HttpResponse::json(200, out.take());
}

} // namespace

void addWebhookRoutes(Router &router, SandboxContext &ctx, WebhookDeliverer &deliverer)
{
    WebhookStore &store = deliverer.store();
    router.add("POST", u"webhook", [&ctx, &store](const HttpRequest &r, const Router::Params &) { return createWebhook(ctx, store, r); });
    router.add("GET", u"webhook", [&ctx, &store](const HttpRequest &r, const Router::Params &) { return listWebhooks(ctx, store, r); });
    router.add("GET", u"webhook/:id", [&ctx, &store](const HttpRequest &, const Router::Params &p) { return getWebhook(ctx, store, p[0]); });
    router.add("DELETE", u"webhook/:id", [&ctx, &store](const HttpRequest &, const Router::Params &p) { return deleteWebhook(ctx, store, p[0]); });
    router.add("POST", u"webhook/:webhookId/event/:eventId/resend", [&deliverer](const HttpRequest &r, const Router::Params &p) {
        return resend(deliverer, r, p[0], p[1]);
    });
    router.add("GET", u"event/attempt", [&deliverer](const HttpRequest &r, const Router::Params &) { return listAttempts(deliverer, r); });
    router.add("GET", u"event/attempt/:id", [&deliverer](const HttpRequest &, const Router::Params &p) { return attemptAnswer(deliverer, p[0]); });
    router.add("PATCH", u"event/attempt/:id", [&ctx, &deliverer](const HttpRequest &r, const Router::Params &p) {
        return markHandled(ctx, deliverer, r, p[0]);
    });
    router.add("GET", u"event/delivery", [&deliverer](const HttpRequest &r, const Router::Params &) { return listDeliveries(deliverer, r); });
    router.add("GET", u"event/delivery/:id", [&deliverer](const HttpRequest &, const Router::Params &p) { return getDelivery(deliverer, p[0]); });
}

} // namespace ul::sandbox
