#pragma once

#include "api/ApiError.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>

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
    int status = 200;
    QByteArray body;
    HeaderList headers;

    static HttpResponse json(int status, QByteArray body);
    static HttpResponse error(const ApiError &error);
    /// 400 request-validation with one or more problems.
    static HttpResponse validation(const QString &detail, const QStringList &problems);
};

} // namespace ul::sandbox
