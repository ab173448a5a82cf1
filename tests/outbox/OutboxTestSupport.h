#pragma once
// Shared by the outbox suites and the kill helper: the events they make and how they reach the
// sandbox. Header-only so the helper process builds the very same events as the test.

#include "api/OrbClient.h"
#include "outbox/OutboxTypes.h"

#include <QtCore/QUrl>

#include <chrono>

namespace ul::test {

inline QUrl v1Url(const QUrl &base)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/v1"));
    return url;
}

/// OrbClient settings with short retry waits, so tests do not sit in backoff.
inline ClientSettings fastClientSettings(const QUrl &baseUrl)
{
    using namespace std::chrono_literals;
    ClientSettings settings;
    settings.baseUrl = baseUrl;
    settings.retry.initialDelay = 10ms;
    settings.retry.maxBackoff = 40ms;
    settings.transferTimeout = 10s;
    return settings;
}

/// Outbox settings with short waits (retry, flush, progress).
inline OutboxSettings fastOutboxSettings()
{
    using namespace std::chrono_literals;
    OutboxSettings settings;
    settings.retryInitialDelay = 20ms;
    settings.retryMaxDelay = 200ms;
    settings.flushInterval = 100ms;
    settings.progressInterval = 20ms;
    return settings;
}

/// An event the way the tests ingest it: `api_request` with a region, for one customer.
inline Event makeEvent(const QString &id, const QString &customerId, Timestamp when,
                       const QString &region = QStringLiteral("eu-west-1"))
{
    Event e;
    e.id = id;
    e.eventName = QStringLiteral("api_request");
    e.customerId = customerId;
    e.timestamp = when;
    e.properties = {{QStringLiteral("region"), region}, {QStringLiteral("ms"), qint64(120)}};
    return e;
}

inline Event withRegion(Event e, const QString &region)
{
    e.properties.set(QStringLiteral("region"), region);
    return e;
}

} // namespace ul::test
