#pragma once

// Shared by the backfill and volume suites: the backfill and volume routes over HTTP.
#include "HttpClient.h"
#include "OrbJson.h"
#include "SandboxFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QDebug>
#include <QtCore/QStringList>

namespace ul::test {

/// A sandbox whose grace period reaches a month back, so tests can make "existing" old events.
inline sandbox::SandboxOptions longMemoryOptions()
{
    auto options = SandboxFixture::defaultOptions();
    options.rules.gracePeriod = std::chrono::days(30);
    return options;
}

/// The start of the UTC hour `before` before the sandbox's now.
template <class Rep, class Period>
Timestamp hourStartBefore(SandboxFixture &sandbox, std::chrono::duration<Rep, Period> before)
{
    return (sandbox.now() - before).floorToHour();
}

inline QString backfillPath(const QString &id, const QString &action = {})
{
    QString path = QStringLiteral("/v1/events/backfills/") + HttpClient::pathSegment(id);
    return action.isEmpty() ? path : path + u'/' + action;
}

/// `POST /v1/events/backfills` with `body`.
inline HttpResult createBackfill(SandboxFixture &sandbox, const QJsonObject &body)
{
    return sandbox.http().post(QStringLiteral("/v1/events/backfills"), body);
}

/// A create body for `[start, end)` plus any further fields.
inline QJsonObject backfillBody(Timestamp start, Timestamp end, const QJsonObject &more = {})
{
    QJsonObject body = more;
    body.insert(QStringLiteral("timeframe_start"), start.toIso8601());
    body.insert(QStringLiteral("timeframe_end"), end.toIso8601());
    return body;
}

/// Creates a backfill and returns its id; empty (with a warning) when that fails.
inline QString newBackfill(SandboxFixture &sandbox, Timestamp start, Timestamp end, const QJsonObject &more = {})
{
    const HttpResult created = createBackfill(sandbox, backfillBody(start, end, more));
    if (created.status != 200) {
        qWarning().noquote() << "creating a backfill failed:" << created.describe();
        return {};
    }
    return created.string(u"id");
}

inline HttpResult fetchBackfill(SandboxFixture &sandbox, const QString &id)
{
    return sandbox.http().get(backfillPath(id));
}

/// `POST …/close` with no body, as the SDKs send it.
inline HttpResult closeBackfill(SandboxFixture &sandbox, const QString &id)
{
    return sandbox.http().post(backfillPath(id, QStringLiteral("close")), QByteArray());
}

inline HttpResult revertBackfill(SandboxFixture &sandbox, const QString &id)
{
    return sandbox.http().post(backfillPath(id, QStringLiteral("revert")), QByteArray());
}

/// `POST /v1/ingest?backfill_id=<id>`.
inline HttpResult ingestInto(SandboxFixture &sandbox, const QString &backfillId, const QJsonArray &events)
{
    return sandbox.ingest(events, QStringLiteral("?backfill_id=") + QString::fromLatin1(QUrl::toPercentEncoding(backfillId)));
}

/// `GET /v1/events/volume` with the given query items.
inline HttpResult volume(SandboxFixture &sandbox, const QList<QPair<QString, QString>> &items)
{
    QStringList query;
    for (const auto &[key, value] : items)
        query << key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    return sandbox.http().get(QStringLiteral("/v1/events/volume?") + query.join(u'&'));
}

/// The counts of a volume answer in order.
inline QList<qint64> volumeCounts(const HttpResult &result)
{
    QList<qint64> counts;
    for (const QJsonValue &bucket : result.array(u"data"))
        counts << bucket.toObject().value(u"count").toInteger();
    return counts;
}

/// Whether search shows the event, and as what: "counts", "deprecated" or "absent".
inline QString searchState(SandboxFixture &sandbox, const QString &id)
{
    const auto found = sandbox.findEvent(id);
    if (!found)
        return QStringLiteral("absent");
    return found->value(u"deprecated").toBool() ? QStringLiteral("deprecated") : QStringLiteral("counts");
}

} // namespace ul::test
