#include "api/BackfillApi.h"

#include "api/DecodedCall.h"

#include "json/BackfillCodec.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

namespace ul {

namespace {

Expected<Backfill, QString> decodeOne(const QByteArray &body)
{
    return json::decodeBackfill(body);
}

/// A decoded list as a Page: its items, and next_cursor only while has_more says there is more.
template <class List, class T>
Expected<Page<T>, QString> toPage(Expected<List, QString> list, QList<T> List::*items)
{
    if (!list)
        return Unexpected{list.error()};
    Page<T> page;
    page.items = std::move((*list).*items);
    if (list->pagination.hasMore)
        page.nextCursor = list->pagination.nextCursor;
    return page;
}

Expected<Page<Backfill>, QString> decodeBackfillPage(const QByteArray &body)
{
    return toPage(json::decodeBackfillList(body), &json::BackfillList::backfills);
}

Expected<Page<VolumeBucket>, QString> decodeVolumePage(const QByteArray &body)
{
    return toPage(json::decodeVolumeList(body), &json::VolumeList::buckets);
}

ApiRequest backfillAction(const QString &id, QLatin1StringView action)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("events/backfills/%1/%2").arg(pathSegment(id), action);
    return request;
}

} // namespace

ApiRequest BackfillApi::createRequest(const NewBackfill &backfill)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("events/backfills");
    request.body = json::encodeNewBackfill(backfill);
    return request;
}

ApiRequest BackfillApi::listRequest(int limit, const std::optional<QString> &cursor)
{
    ApiRequest request;
    request.path = QStringLiteral("events/backfills");
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (cursor)
        request.query.addQueryItem(QStringLiteral("cursor"), *cursor);
    return request;
}

ApiRequest BackfillApi::fetchRequest(const QString &id)
{
    ApiRequest request;
    request.path = QStringLiteral("events/backfills/") + pathSegment(id);
    return request;
}

ApiRequest BackfillApi::closeRequest(const QString &id)
{
    return backfillAction(id, QLatin1StringView("close"));
}

ApiRequest BackfillApi::revertRequest(const QString &id)
{
    return backfillAction(id, QLatin1StringView("revert"));
}

ApiRequest BackfillApi::volumeRequest(const VolumeQuery &query)
{
    ApiRequest request;
    request.path = QStringLiteral("events/volume");
    request.query.addQueryItem(QStringLiteral("timeframe_start"), query.timeframeStart.toIso8601());
    if (query.timeframeEnd)
        request.query.addQueryItem(QStringLiteral("timeframe_end"), query.timeframeEnd->toIso8601());
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (query.cursor)
        request.query.addQueryItem(QStringLiteral("cursor"), *query.cursor);
    return request;
}

template <class T>
CallHandle BackfillApi::call(ApiRequest request, const QObject *context, Callback<T> done,
                             Expected<T, QString> (*decode)(const QByteArray &)) const
{
    return detail::decodedCall<T>(m_client, std::move(request), context, std::move(done), decode);
}

CallHandle BackfillApi::createBackfill(const NewBackfill &backfill, const QObject *context, Callback<Backfill> done,
                                       const QString &idempotencyKey) const
{
    ApiRequest request = createRequest(backfill);
    request.idempotencyKey = idempotencyKey;
    return call<Backfill>(std::move(request), context, std::move(done), &decodeOne);
}

CallHandle BackfillApi::listBackfills(int limit, const std::optional<QString> &cursor, const QObject *context,
                                      Callback<Page<Backfill>> done) const
{
    return call<Page<Backfill>>(listRequest(limit, cursor), context, std::move(done), &decodeBackfillPage);
}

CallHandle BackfillApi::fetchBackfill(const QString &id, const QObject *context, Callback<Backfill> done) const
{
    return call<Backfill>(fetchRequest(id), context, std::move(done), &decodeOne);
}

CallHandle BackfillApi::closeBackfill(const QString &id, const QObject *context, Callback<Backfill> done,
                                      const QString &idempotencyKey) const
{
    ApiRequest request = closeRequest(id);
    request.idempotencyKey = idempotencyKey;
    return call<Backfill>(std::move(request), context, std::move(done), &decodeOne);
}

CallHandle BackfillApi::revertBackfill(const QString &id, const QObject *context, Callback<Backfill> done,
                                       const QString &idempotencyKey) const
{
    ApiRequest request = revertRequest(id);
    request.idempotencyKey = idempotencyKey;
    return call<Backfill>(std::move(request), context, std::move(done), &decodeOne);
}

CallHandle BackfillApi::eventVolume(const VolumeQuery &query, const QObject *context, Callback<Page<VolumeBucket>> done) const
{
    return call<Page<VolumeBucket>>(volumeRequest(query), context, std::move(done), &decodeVolumePage);
}

} // namespace ul
