#pragma once

#include "api/ApiError.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>

#include <chrono>
#include <optional>

namespace ul::sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// A request as the routes see it: the path without `/v1`, split into percent-decoded segments
/// (so an external customer id may contain `/`), and query values fully decoded.
struct HttpRequest {
    QByteArray method;
    QStringList segments;
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;

    /// The first value of a header, case-insensitively; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// A query value with empty values read as absent (the SDKs send `?x=` for null).
    [[nodiscard]] std::optional<QString> queryValue(const QString &name) const;
};

struct HttpResponse {
    /// How the answer leaves (FaultInjector's random faults; the HTTP layer carries them out).
    enum class Delivery {
        Normal,
        Drop,     ///< Close the connection without answering.
        SlowBody, ///< Trickle the body over `slowBodyDuration`.
    };

    int status = 200;
    QByteArray body;
    HeaderList headers;
    Delivery delivery = Delivery::Normal;
    std::chrono::milliseconds delay{0}; ///< Injected latency before the answer (or the drop).
    std::chrono::milliseconds slowBodyDuration{0};

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse error(const ApiError &error);
    /// 400 request-validation with one or more problems.
    static HttpResponse validation(const QString &detail, const QStringList &problems);
};

/// What JSON parsers let through but no text may hold: a `\uD800`–`\uDFFF` escape that is not
/// half of a surrogate pair (RFC 7493 §2.1). Empty when there is none.
QString unpairedSurrogateProblem(QByteArrayView body);

/// Whether a presented secret equals the expected one, in time that depends only on the length of
/// the expected one (so timing says nothing about it).
bool secretMatches(QByteArrayView given, QByteArrayView expected);
/// The credentials of an `Authorization` header that uses `scheme` (compared case-insensitively,
/// RFC 9110), trimmed; nullopt for another scheme or none.
std::optional<QByteArrayView> authorizationCredentials(QByteArrayView header, QByteArrayView scheme);

} // namespace ul::sandbox
