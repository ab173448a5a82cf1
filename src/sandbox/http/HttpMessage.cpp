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
    if (!query.hasQueryItem(name))
        return std::nullopt;
    const QString value = query.queryItemValue(name, QUrl::FullyDecoded);
    if (value.isEmpty())
        return std::nullopt;
    return value;
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
