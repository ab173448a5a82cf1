#include "routes/EventRoutes.h"

#include "SandboxServer.h"
#include "json/EventCodec.h"
#include "routes/BackfillRoutes.h"
#include "routes/RouteSupport.h"
#include "store/SandboxStore.h"
#include "validation/EventRules.h"

#include <QtCore/QJsonArray>
#include <QtCore/QSet>

namespace ul::sandbox {

namespace {

constexpr int MaxSearchIds = 500;

QJsonObject keyedProblems(const QString &key, const QStringList &problems)
{
    return QJsonObject{{QStringLiteral("idempotency_key"), key},
                       {QStringLiteral("validation_errors"), QJsonArray::fromStringList(problems)}};
}

/// Orb's answer to a batch with failing events: every failing key with its problems, and nothing stored.
HttpResponse rejectedEvents(const QJsonArray &failures, const QString &detail)
{
    ApiError error = ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Request validation failed"),
                                    detail, failures);
    error.extra.insert(QStringLiteral("validation_failed"), failures);
    return HttpResponse::error(error);
}

/// The customer an event belongs to, if it exists now: its id (the key corrections are counted by).
std::optional<QString> existingCustomerOf(const SandboxStore &store, const Event &event)
{
    if (event.customerId)
        return store.customer(*event.customerId) ? event.customerId : std::nullopt;
    if (event.externalCustomerId) {
        if (auto c = store.customerByExternalId(*event.externalCustomerId))
            return c->customer.id;
    }
    return std::nullopt;
}

HttpResponse ingest(SandboxContext &ctx, const HttpRequest &request)
{
    const Timestamp now = ctx.now();
    const std::optional<QString> backfillId = request.queryValue(QStringLiteral("backfill_id"));
    const std::optional<QString> debugText = request.queryValue(QStringLiteral("debug"));
    if (debugText && *debugText != QLatin1StringView("true") && *debugText != QLatin1StringView("false"))
        return HttpResponse::validation(QStringLiteral("debug must be true or false."), {QStringLiteral("debug: must be true or false")});
    const bool debug = debugText == QStringLiteral("true");
    std::optional<Backfill> backfill;
    if (backfillId) {
        auto open = backfillOpenForIngest(ctx, *backfillId);
        if (!open)
            return open.error();
        backfill = *open;
    }

    auto decoded = json::decodeIngestBody(request.body);
    if (!decoded)
        return HttpResponse::validation(QStringLiteral("The request body is not an ingest body: %1.").arg(decoded.error()), {decoded.error()});

    QJsonArray failures;
    QList<Event> accepted;
    QStringList duplicates, ingested;
    QHash<QString, qsizetype> firstSeen; // key → index in `decoded`
    for (qsizetype i = 0; i < decoded->size(); ++i) {
        const json::DecodedEvent &item = decoded->at(i);
        const Event &event = item.event;
        const QString key = event.id.isEmpty() ? QStringLiteral("events[%1]").arg(i) : event.id;
        QStringList problems = item.problems;
        if (problems.isEmpty())
            problems = checkIngestEvent(event, now, ctx.options.rules, backfillId.has_value());
        if (problems.isEmpty() && event.customerId && !ctx.store.customer(*event.customerId))
            problems << QStringLiteral("customer_id: no customer with id %1 exists").arg(*event.customerId);
        if (problems.isEmpty() && backfill)
            problems = backfillEventProblems(ctx.store, *backfill, event);
        if (!event.id.isEmpty()) {
            if (auto first = firstSeen.constFind(event.id); first != firstSeen.constEnd()) {
                if (!sameContent(decoded->at(*first).event, event)) {
                    problems << QStringLiteral("idempotency_key: %1 appears more than once in this request with different"
                                               " bodies; the whole batch was rejected")
                                    .arg(event.id);
                } else if (problems.isEmpty()) {
                    duplicates << event.id;
                    continue;
                }
            } else {
                firstSeen.insert(event.id, i);
            }
        }
        if (problems.isEmpty()) {
            if (auto existing = ctx.store.currentEvent(event.id)) {
                if (existing->deprecated) {
                    problems << QStringLiteral("idempotency_key: event %1 was deprecated and cannot be ingested again").arg(event.id);
                } else {
                    duplicates << event.id;
                    continue;
                }
            }
        }
        if (!problems.isEmpty()) {
            failures.append(keyedProblems(key, problems));
            continue;
        }
        accepted.append(event);
        ingested << event.id;
    }
    if (!failures.isEmpty()) {
        return rejectedEvents(failures, QStringLiteral("%1 of %2 events failed validation; no event of this request was stored.")
                                            .arg(failures.size())
                                            .arg(decoded->size()));
    }
    if (!accepted.isEmpty()) {
        if (auto stored = ctx.store.insertEvents(accepted, now, backfillId); !stored) {
            return HttpResponse::error(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("Internal server error"),
                                                      QStringLiteral("The events could not be stored: %1").arg(stored.error())));
        }
    }
    JsonWriter out;
    out.beginObject().key("validation_failed").beginArray().endArray();
    if (debug) {
        out.key("debug").beginObject();
        out.key("duplicate").beginArray();
        for (const QString &k : std::as_const(duplicates))
            out.value(k);
        out.endArray().key("ingested").beginArray();
        for (const QString &k : std::as_const(ingested))
            out.value(k);
        out.endArray().endObject();
    }
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse search(SandboxContext &ctx, const HttpRequest &request)
{
    auto body = readObjectBody(request);
    if (!body)
        return body.error();
    QStringList problems = unknownFields(*body, {QLatin1StringView("event_ids"), QLatin1StringView("timeframe_start"),
                                                 QLatin1StringView("timeframe_end")});
    const QJsonValue idsValue = body->value(QLatin1StringView("event_ids"));
    QStringList ids;
    if (!idsValue.isArray()) {
        problems << QStringLiteral("event_ids: is required and must be an array of event ids");
    } else {
        const QJsonArray array = idsValue.toArray();
        if (array.isEmpty() || array.size() > MaxSearchIds)
            problems << QStringLiteral("event_ids: must hold between 1 and %1 ids, not %2").arg(MaxSearchIds).arg(array.size());
        for (const QJsonValue &v : array) {
            if (!v.isString()) {
                problems << QStringLiteral("event_ids: every id must be a string");
                break;
            }
            ids << v.toString();
        }
    }
    const Timestamp now = ctx.now();
    const Timestamp start = optionalTimestamp(*body, QLatin1StringView("timeframe_start"), problems).value_or(now - std::chrono::days(7));
    const Timestamp end = optionalTimestamp(*body, QLatin1StringView("timeframe_end"), problems).value_or(now);
    if (problems.isEmpty() && end <= start)
        problems << QStringLiteral("timeframe_end: must be after timeframe_start");
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The search request is not valid."), problems);

    JsonWriter out(qsizetype(ids.size()) * 256 + 16);
    out.beginObject().key("data").beginArray();
    QSet<QString> seen;
    for (const QString &id : std::as_const(ids)) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        // Events of backfills that are not reflected are not shown; replaced ones show as deprecated.
        const auto event = ctx.store.visibleEvent(id);
        if (event && event->timestamp >= start && event->timestamp < end)
            json::writeEvent(out, ctx.store.resolveCustomer(*event));
    }
    out.endArray().endObject();
    return HttpResponse::json(200, out.take());
}

/// The checks amend and deprecate share: the event exists, its customer exists, the limit is not reached.
struct CorrectionTarget {
    Event current; ///< With both customer references filled in where known.
    QString customerKey;
};

Expected<CorrectionTarget, HttpResponse> correctionTarget(SandboxContext &ctx, const QString &id, EventChange change)
{
    const auto current = ctx.store.currentEvent(id);
    if (!current)
        return Unexpected{notFound(QStringLiteral("Event"), id)};
    const auto customerKey = existingCustomerOf(ctx.store, *current);
    if (!customerKey) {
        const QString reference = current->customerId ? QStringLiteral("customer_id %1").arg(*current->customerId)
                                                       : QStringLiteral("external_customer_id %1").arg(current->externalCustomerId.value_or(QString()));
        return Unexpected{rejectedEvents({keyedProblems(id, {QStringLiteral("customer: the event's customer (%1) does not exist;"
                                                                            " create it before correcting the event").arg(reference)})},
                                         QStringLiteral("The event's customer does not exist."))};
    }
    const Timestamp now = ctx.now();
    const int used = ctx.store.correctionsSince(*customerKey, change, now - ctx.options.rules.correctionLimitPeriod);
    if (used >= ctx.options.rules.correctionLimit) {
        const auto days = std::chrono::duration_cast<std::chrono::days>(ctx.options.rules.correctionLimitPeriod).count();
        return Unexpected{HttpResponse::error(ApiError::make(
            400, OrbErrorType::ConstraintViolation, QStringLiteral("Constraint violation"),
            QStringLiteral("Customer %1 has reached the limit of %2 %3 per %4 days; use a backfill for larger corrections.")
                .arg(*customerKey)
                .arg(ctx.options.rules.correctionLimit)
                .arg(change == EventChange::Amended ? QStringLiteral("amendments") : QStringLiteral("deprecations"))
                .arg(days)))};
    }
    return CorrectionTarget{ctx.store.resolveCustomer(*current), *customerKey};
}

/// `current` with the customer reference spelled the way `amended` spells it, for comparing contents.
Event withReferenceOf(Event current, const Event &amended)
{
    current.customerId = amended.customerId ? current.customerId : std::nullopt;
    current.externalCustomerId = amended.externalCustomerId ? current.externalCustomerId : std::nullopt;
    return current;
}

HttpResponse amend(SandboxContext &ctx, const HttpRequest &request, const QString &id)
{
    auto decoded = json::decodeEventObject(request.body, json::EventShape::Amend);
    if (!decoded)
        return HttpResponse::validation(QStringLiteral("The amendment is not valid."), {decoded.error()});
    if (!decoded->problems.isEmpty())
        return rejectedEvents({keyedProblems(id, decoded->problems)}, QStringLiteral("The amendment is not valid."));
    Event amended = decoded->event;
    amended.id = id;
    // Amend is idempotent by design: resending the current content (a retry whose first answer
    // was lost) adds no version and uses none of the customer's corrections, even at the limit.
    if (const auto current = ctx.store.currentEvent(id);
        current && !current->deprecated && sameContent(withReferenceOf(ctx.store.resolveCustomer(*current), amended), amended)) {
        JsonWriter same;
        same.beginObject().key("amended").value(id).endObject();
        return HttpResponse::json(200, same.take());
    }
    auto target = correctionTarget(ctx, id, EventChange::Amended);
    if (!target)
        return target.error();
    if (target->current.deprecated) {
        return rejectedEvents({keyedProblems(id, {QStringLiteral("event: %1 is deprecated; a deprecated event cannot be amended").arg(id)})},
                              QStringLiteral("The event is deprecated."));
    }
    const Timestamp now = ctx.now();
    if (const QStringList problems = checkAmendment(target->current, amended, now, ctx.options.rules); !problems.isEmpty())
        return rejectedEvents({keyedProblems(id, problems)}, QStringLiteral("The amendment is not valid."));
    if (auto stored = ctx.store.appendVersion(amended, EventChange::Amended, now, target->customerKey); !stored) {
        return HttpResponse::error(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("Internal server error"),
                                                  QStringLiteral("The amendment could not be stored: %1").arg(stored.error())));
    }
    JsonWriter out;
    out.beginObject().key("amended").value(id).endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse deprecate(SandboxContext &ctx, const HttpRequest &request, const QString &id)
{
    if (auto body = readObjectBody(request, true); !body)
        return body.error();
    else if (const QStringList problems = unknownFields(*body, {}); !problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("Deprecation takes no body."), problems);
    JsonWriter out;
    out.beginObject().key("deprecated").value(id).endObject();
    const auto current = ctx.store.currentEvent(id);
    if (current && current->deprecated)
        return HttpResponse::json(200, out.take()); // idempotent by design
    auto target = correctionTarget(ctx, id, EventChange::Deprecated);
    if (!target)
        return target.error();
    const Timestamp now = ctx.now();
    if (const QStringList problems = checkCorrectionWindow(target->current, now, ctx.options.rules); !problems.isEmpty())
        return rejectedEvents({keyedProblems(id, problems)}, QStringLiteral("The event can no longer be deprecated."));
    Event deprecated = *current;
    deprecated.deprecated = true;
    if (auto stored = ctx.store.appendVersion(deprecated, EventChange::Deprecated, now, target->customerKey); !stored) {
        return HttpResponse::error(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("Internal server error"),
                                                  QStringLiteral("The deprecation could not be stored: %1").arg(stored.error())));
    }
    return HttpResponse::json(200, out.take());
}

HttpResponse history(SandboxContext &ctx, const QString &id)
{
    const QList<EventVersion> versions = ctx.store.history(id);
    if (versions.isEmpty())
        return notFound(QStringLiteral("Event"), id);
    JsonWriter out;
    out.beginObject().key("event_id").value(id).key("versions").beginArray();
    for (const EventVersion &v : versions) {
        out.beginObject();
        out.key("version").value(v.version);
        out.key("change").value(eventChangeName(v.change));
        out.key("recorded_at").value(v.recordedAt);
        out.key("event");
        json::writeEvent(out, v.event);
        out.endObject();
    }
    out.endArray().endObject();
    return HttpResponse::json(200, out.take());
}

} // namespace

void addEventRoutes(Router &router, SandboxContext &ctx)
{
    router.add("POST", u"ingest", [&ctx](const HttpRequest &r, const Router::Params &) { return ingest(ctx, r); });
    router.add("POST", u"events/search", [&ctx](const HttpRequest &r, const Router::Params &) { return search(ctx, r); });
    router.add("GET", u"events/:id/history", [&ctx](const HttpRequest &, const Router::Params &p) { return history(ctx, p[0]); });
    router.add("PUT", u"events/:id/deprecate", [&ctx](const HttpRequest &r, const Router::Params &p) { return deprecate(ctx, r, p[0]); });
    router.add("PUT", u"events/:id", [&ctx](const HttpRequest &r, const Router::Params &p) { return amend(ctx, r, p[0]); });
}

} // namespace ul::sandbox
