#include "routes/BackfillRoutes.h"

#include "SandboxServer.h"
#include "json/BackfillCodec.h"
#include "routes/CustomerRoutes.h"
#include "routes/RouteSupport.h"
#include "store/SandboxStore.h"
#include "store/StoreCursor.h"
#include "validation/BackfillRules.h"
#include "webhooks/WebhookDeliverer.h"

namespace ul::sandbox {

namespace {

constexpr qint64 HourMs = 3'600'000;

HttpResponse backfillResponse(const Backfill &backfill)
{
    return HttpResponse::json(200, json::encodeBackfill(backfill));
}

HttpResponse constraintViolation(const QString &detail)
{
    return HttpResponse::error(ApiError::make(400, OrbErrorType::ConstraintViolation, QStringLiteral("Constraint violation"), detail));
}

HttpResponse storeFailure(const QString &what, const QString &error)
{
    return HttpResponse::error(ApiError::make(500, OrbErrorType::InternalServerError, QStringLiteral("Internal server error"),
                                              QStringLiteral("%1: %2").arg(what, error)));
}

/// Two scopes meet when either is all customers or both are the same customer.
bool scopesMeet(const std::optional<QString> &a, const std::optional<QString> &b)
{
    return !a || !b || *a == *b;
}

QString scopeText(const std::optional<QString> &customerId)
{
    return customerId ? QStringLiteral("customer %1").arg(*customerId) : QStringLiteral("all customers");
}

HttpResponse createBackfill(SandboxContext &ctx, const HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return HttpResponse::validation(QStringLiteral("The request has no body; a JSON object is required."),
                                        {QStringLiteral("body: a JSON object is required")});
    auto decoded = json::decodeNewBackfill(request.body);
    if (!decoded)
        return HttpResponse::validation(QStringLiteral("The request body is not a backfill: %1.").arg(decoded.error()), {decoded.error()});
    const Timestamp now = ctx.now();
    NewBackfill asked = decoded->backfill;
    QStringList problems = decoded->problems;
    if (problems.isEmpty())
        problems = checkNewBackfill(asked, now, ctx.store.backfillRules());
    std::optional<QString> customerId;
    if (problems.isEmpty() && asked.customerId) {
        if (ctx.store.customer(*asked.customerId))
            customerId = asked.customerId;
        else
            problems << QStringLiteral("customer_id: no customer with id %1 exists").arg(*asked.customerId);
    } else if (problems.isEmpty() && asked.externalCustomerId) {
        if (const auto c = ctx.store.customerByExternalId(*asked.externalCustomerId))
            customerId = c->customer.id;
        else
            problems << QStringLiteral("external_customer_id: no customer with external id %1 exists").arg(*asked.externalCustomerId);
    }
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The backfill is not valid."), problems);

    for (const Backfill &other : ctx.store.backfills()) {
        if (blocksOverlap(other.status) && scopesMeet(other.customerId, customerId)
            && timeframesOverlap(other.timeframeStart, other.timeframeEnd, asked.timeframeStart, asked.timeframeEnd)) {
            return constraintViolation(
                QStringLiteral("The timeframe overlaps backfill %1 (%2, %3 to %4, %5); no two pending or pending_revert"
                               " backfills may overlap.")
                    .arg(other.id, backfillStatusName(other.status), other.timeframeStart.toIso8601(),
                         other.timeframeEnd.toIso8601(), scopeText(other.customerId)));
        }
    }

    Backfill b;
    b.id = newCustomerId();
    b.status = BackfillStatus::Pending;
    b.createdAt = now;
    b.timeframeStart = asked.timeframeStart;
    b.timeframeEnd = asked.timeframeEnd;
    b.closeTime = asked.closeTime.value_or(now + ctx.store.backfillRules().defaultCloseDelay);
    b.customerId = customerId;
    b.replaceExistingEvents = asked.replaceExistingEvents;
    if (asked.deprecationFilter && !asked.deprecationFilter->trimmed().isEmpty())
        b.deprecationFilter = asked.deprecationFilter;
    if (auto stored = ctx.store.insertBackfill(b); !stored)
        return storeFailure(QStringLiteral("The backfill could not be stored"), stored.error());
    return backfillResponse(b);
}

HttpResponse listBackfills(SandboxContext &ctx, const HttpRequest &request)
{
    const auto limit = pageLimit(request);
    if (!limit)
        return limit.error();
    const auto page = ctx.store.listBackfills(*limit, request.queryValue(QStringLiteral("cursor")));
    if (!page)
        return HttpResponse::validation(QStringLiteral("The cursor is not valid."), {page.error()});
    JsonWriter out(page->backfills.size() * 400 + 64);
    out.beginObject().key("data").beginArray();
    for (const Backfill &b : page->backfills)
        json::writeBackfill(out, b);
    out.endArray().key("pagination_metadata");
    json::writePaginationMetadata(out, json::PaginationMetadata{page->nextCursor.has_value(), page->nextCursor});
    out.endObject();
    return HttpResponse::json(200, out.take());
}

HttpResponse closeBackfill(SandboxContext &ctx, const QString &id)
{
    const auto b = ctx.store.backfill(id);
    if (!b)
        return notFound(QStringLiteral("Backfill"), id);
    switch (b->status) {
    case BackfillStatus::Pending:
        break;
    case BackfillStatus::Reflected:
        return backfillResponse(*b); // closed already: a repeated close changes nothing
    case BackfillStatus::PendingRevert:
    case BackfillStatus::Reverted:
        return constraintViolation(QStringLiteral("Backfill %1 is %2; a reverted backfill cannot be closed.")
                                       .arg(id, backfillStatusName(b->status)));
    }
    auto closed = ctx.store.reflectBackfill(id, ctx.now());
    if (!closed)
        return storeFailure(QStringLiteral("The backfill could not be closed"), closed.error());
    return backfillResponse(*closed);
}

HttpResponse revertBackfill(SandboxContext &ctx, const QString &id)
{
    const auto b = ctx.store.backfill(id);
    if (!b)
        return notFound(QStringLiteral("Backfill"), id);
    if (b->status == BackfillStatus::PendingRevert || b->status == BackfillStatus::Reverted)
        return backfillResponse(*b); // reverted already: a repeated revert changes nothing
    auto reverted = ctx.store.revertBackfill(id, ctx.now());
    if (!reverted)
        return storeFailure(QStringLiteral("The backfill could not be reverted"), reverted.error());
    return backfillResponse(*reverted);
}

/// A bodyless action: an empty body or `{}` is fine, anything else is not.
std::optional<HttpResponse> refuseBody(const HttpRequest &request, const QString &action)
{
    auto body = readObjectBody(request, true);
    if (!body)
        return body.error();
    if (const QStringList problems = unknownFields(*body, {}); !problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("%1 takes no body.").arg(action), problems);
    return std::nullopt;
}

HttpResponse eventVolume(SandboxContext &ctx, const HttpRequest &request)
{
    QStringList problems;
    auto readTime = [&](const QString &name) -> std::optional<Timestamp> {
        const auto text = request.queryValue(name);
        if (!text)
            return std::nullopt;
        // "All datetime values are converted to UTC": offsets other than Z are accepted here.
        auto parsed = Timestamp::parseIso8601(QStringView(*text), false);
        if (!parsed) {
            problems << QStringLiteral("%1: \"%2\" %3").arg(name, *text, parsed.error());
            return std::nullopt;
        }
        return *parsed;
    };
    const auto start = readTime(QStringLiteral("timeframe_start"));
    const auto end = readTime(QStringLiteral("timeframe_end"));
    if (!start && problems.isEmpty())
        problems << QStringLiteral("timeframe_start: is required");
    const Timestamp until = end.value_or(ctx.now());
    if (problems.isEmpty() && until <= *start)
        problems << QStringLiteral("timeframe_end: must be after timeframe_start");
    if (!problems.isEmpty())
        return HttpResponse::validation(QStringLiteral("The volume request is not valid."), problems);
    const auto limit = pageLimit(request);
    if (!limit)
        return limit.error();

    // Whole UTC hours: the hours the bounds fall in are included (the end is exclusive).
    const qint64 firstHour = start->floorToHour().msecs() / HourMs;
    const qint64 endHour = until.addMsecs(-1).floorToHour().msecs() / HourMs + 1;
    qint64 from = firstHour;
    if (const auto cursor = request.queryValue(QStringLiteral("cursor"))) {
        const auto hour = decodeCursor(*cursor, "v");
        if (!hour || *hour < firstHour || *hour >= endHour) {
            return HttpResponse::validation(QStringLiteral("The cursor is not valid."),
                                            {QStringLiteral("cursor: \"%1\" is not a cursor of this timeframe").arg(*cursor)});
        }
        from = *hour;
    }
    const int count = int(std::min<qint64>(*limit, endHour - from));
    const QList<VolumeBucket> buckets = ctx.store.volume(Timestamp::fromMsecs(from * HourMs), count);
    json::PaginationMetadata pagination;
    if (from + count < endHour) {
        pagination.hasMore = true;
        pagination.nextCursor = encodeCursor(from + count, "v");
    }
    JsonWriter out(buckets.size() * 96 + 96);
    out.beginObject().key("data").beginArray();
    for (const VolumeBucket &bucket : buckets)
        json::writeVolumeBucket(out, bucket);
    out.endArray().key("pagination_metadata");
    json::writePaginationMetadata(out, pagination);
    out.endObject();
    return HttpResponse::json(200, out.take());
}

} // namespace

Expected<Backfill, HttpResponse> backfillOpenForIngest(const SandboxContext &ctx, const QString &backfillId)
{
    const auto b = ctx.store.backfill(backfillId);
    if (!b)
        return Unexpected{notFound(QStringLiteral("Backfill"), backfillId)};
    if (b->status != BackfillStatus::Pending || (b->closeTime && *b->closeTime <= ctx.now())) {
        return Unexpected{constraintViolation(
            QStringLiteral("Backfill %1 is %2; events can only be ingested into a pending backfill before its close_time.")
                .arg(backfillId, b->status == BackfillStatus::Pending ? QStringLiteral("past its close_time")
                                                                      : backfillStatusName(b->status)))};
    }
    return *b;
}

QStringList backfillEventProblems(const SandboxStore &store, const Backfill &backfill, const Event &event)
{
    QStringList problems;
    if (event.timestamp < backfill.timeframeStart || event.timestamp >= backfill.timeframeEnd) {
        problems << QStringLiteral("timestamp: %1 is outside the timeframe of backfill %2 (%3 to %4)")
                        .arg(event.timestamp.toIso8601(), backfill.id, backfill.timeframeStart.toIso8601(),
                             backfill.timeframeEnd.toIso8601());
    }
    if (backfill.customerId && store.resolveCustomer(event).customerId != backfill.customerId)
        problems << QStringLiteral("customer_id: backfill %1 is scoped to customer %2").arg(backfill.id, *backfill.customerId);
    return problems;
}

void notifyBackfillChange(WebhookDeliverer &deliverer, const Backfill &backfill, Timestamp at)
{
    if (backfill.status == BackfillStatus::Reflected)
        deliverer.notifyBackfill(QLatin1StringView("backfill.closed"), backfill.id, json::encodeBackfill(backfill), at);
    else if (backfill.status == BackfillStatus::Reverted)
        deliverer.notifyBackfill(QLatin1StringView("backfill.reverted"), backfill.id, json::encodeBackfill(backfill), at);
}

void addBackfillRoutes(Router &router, SandboxContext &ctx)
{
    router.add("POST", u"events/backfills", [&ctx](const HttpRequest &r, const Router::Params &) { return createBackfill(ctx, r); });
    router.add("GET", u"events/backfills", [&ctx](const HttpRequest &r, const Router::Params &) { return listBackfills(ctx, r); });
    router.add("GET", u"events/backfills/:id", [&ctx](const HttpRequest &, const Router::Params &p) {
        const auto b = ctx.store.backfill(p[0]);
        return b ? backfillResponse(*b) : notFound(QStringLiteral("Backfill"), p[0]);
    });
    router.add("POST", u"events/backfills/:id/close", [&ctx](const HttpRequest &r, const Router::Params &p) {
        if (auto refused = refuseBody(r, QStringLiteral("Closing a backfill")))
            return *refused;
        return closeBackfill(ctx, p[0]);
    });
    router.add("POST", u"events/backfills/:id/revert", [&ctx](const HttpRequest &r, const Router::Params &p) {
        if (auto refused = refuseBody(r, QStringLiteral("Reverting a backfill")))
            return *refused;
        return revertBackfill(ctx, p[0]);
    });
    router.add("GET", u"events/volume", [&ctx](const HttpRequest &r, const Router::Params &) { return eventVolume(ctx, r); });
}

} // namespace ul::sandbox
