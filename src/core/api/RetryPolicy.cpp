#include "api/RetryPolicy.h"

#include <QtCore/QLocale>
#include <QtCore/QTimeZone>

#include <algorithm>
#include <cmath>

namespace ul {

bool RetryPolicy::shouldRetry(int retriesDone, int status, bool transportRetryable, const QByteArray &shouldRetryHeader) const
{
    if (retriesDone >= maxRetries)
        return false;
    if (shouldRetryHeader == "true")
        return true;
    if (shouldRetryHeader == "false")
        return false;
    if (status == 0)
        return transportRetryable;
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok && std::isfinite(seconds) && seconds >= 0)
        return std::chrono::milliseconds(qint64(seconds * 1000.0));
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(utc)));
}

std::chrono::milliseconds RetryPolicy::delay(int retriesDone, const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                                             double random01, const QDateTime &now) const
{
    bool ok = false;
    const double ms = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && std::isfinite(ms) && ms >= 0)
        return std::min(std::chrono::milliseconds(qint64(ms)), maxServerDelay);
    if (auto server = parseRetryAfter(retryAfter, now))
        return std::min(*server, maxServerDelay);
    const double exponential = double(initialDelay.count()) * std::pow(2.0, retriesDone);
    const double capped = std::min(exponential, double(maxBackoff.count()));
    const double jitter = 1.0 - 0.25 * std::clamp(random01, 0.0, 1.0); // 0.75–1.0, as the SDKs do
    return std::chrono::milliseconds(qint64(capped * jitter));
}

} // namespace ul
