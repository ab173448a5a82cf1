#pragma once

#include "model/Customer.h"
#include "model/Event.h"
#include "model/EventRevision.h"

#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>

#include <optional>

namespace ul {

/// One request to an Orb-compatible server, before the client adds credentials and headers.
struct ApiRequest {
    QByteArray method = "GET";
    QString path;          ///< Relative to the base URL and percent-encoded, e.g. `events/search`;
                           ///< build variable parts with pathSegment().
    QUrlQuery query;
    QByteArray body;       ///< Sent as application/json when not empty.
    /// Sent as `Idempotency-Key` and kept across retries. Empty: the client makes one for
    /// every non-GET request.
    QString idempotencyKey;
};

/// One path segment percent-encoded, so ids with `/`, `?`, `#` or spaces stay one segment.
QString pathSegment(const QString &segment);

/// A 2xx answer.
struct RawResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int attempts = 1;
    QString idempotencyKey; ///< The key the request was sent with (empty for GET).

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

struct IngestOptions {
    std::optional<QString> backfillId;
    /// Asks the server to list which keys it stored and which it skipped as duplicates
    /// (Orb's deprecated `debug` flag; the sandbox honours it).
    bool debug = false;
    QString idempotencyKey; ///< Empty: a new one per call (kept across its retries).
};

struct IngestResult {
    QStringList ingested;   ///< Only with IngestOptions::debug.
    QStringList duplicates; ///< Only with IngestOptions::debug.
};

struct SearchQuery {
    QStringList eventIds; ///< 1–500 ids; callers with more split them (see EventLookup).
    std::optional<Timestamp> timeframeStart;
    std::optional<Timestamp> timeframeEnd;
};

struct NewCustomer {
    QString name;
    QString email;
    std::optional<QString> externalCustomerId;
    std::optional<QString> currency;
    std::optional<QString> timezone;
};

template <class T>
struct Page {
    QList<T> items;
    std::optional<QString> nextCursor; ///< Null on the last page.
};

} // namespace ul
