#include "http/HttpMessage.h"

#include <QtCore/QJsonArray>

namespace ul::sandbox {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<QString> HttpRequest::queryValue(const QString &name) const
{
    // Names are compared decoded: QUrlQuery::hasQueryItem compares the encoded form, so the
    // `created_at%5Bgte%5D` the SDKs send would not match `created_at[gte]`.
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == name)
            return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
    }
    return std::nullopt;
}

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    return HttpResponse{status, std::move(body), {}};
}

HttpResponse HttpResponse::error(const ApiError &error)
{
    return HttpResponse{error.status, error.toJson(), {}};
}

HttpResponse HttpResponse::validation(const QString &detail, const QStringList &problems)
{
    return error(ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Request validation failed"), detail,
                                QJsonArray::fromStringList(problems)));
}

} // namespace ul::sandbox
