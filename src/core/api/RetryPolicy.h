#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>

#include <chrono>
#include <optional>

namespace ul {

/// When to send a request again and how long to wait first. Mirrors the official Orb SDKs:
/// connection errors, timeouts, 408, 409, 429 and 5xx are retried (an `x-should-retry` header
/// overrides); `retry-after-ms` / `retry-after` are honoured, otherwise exponential backoff
/// with jitter.
struct RetryPolicy {
    int maxRetries = 2;
    std::chrono::milliseconds initialDelay{500};
    std::chrono::milliseconds maxBackoff{8000};
    std::chrono::milliseconds maxServerDelay{60000}; ///< A server asking for longer is capped here.

    /// Whether a request that got `status` (0: no HTTP answer; then `transportRetryable` says
    /// whether the failure was transient) should be sent again after `retriesDone` retries.
    [[nodiscard]] bool shouldRetry(int retriesDone, int status, bool transportRetryable,
                                   const QByteArray &shouldRetryHeader = {}) const;

    /// The wait before retry number `retriesDone + 1`. `random01` is a uniform draw in [0, 1)
    /// (injected so tests can pin it).
    [[nodiscard]] std::chrono::milliseconds delay(int retriesDone, const QByteArray &retryAfterMs,
                                                  const QByteArray &retryAfter, double random01,
                                                  const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    /// Reads `retry-after` as seconds (integer or fraction) or an HTTP date.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);
};

} // namespace ul
