#include "routes/RouteSupport.h"

#include <QtCore/QJsonDocument>

namespace ul::sandbox {

Expected<QJsonObject, HttpResponse> readObjectBody(const HttpRequest &request, bool emptyIsObject)
{
    if (request.body.trimmed().isEmpty()) {
        if (emptyIsObject)
            return QJsonObject();
        return Unexpected{HttpResponse::validation(QStringLiteral("The request has no body; a JSON object is required."),
                                                   {QStringLiteral("body: a JSON object is required")})};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString problem = QStringLiteral("body: not valid JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset);
        return Unexpected{HttpResponse::validation(QStringLiteral("The request body is not valid JSON."), {problem})};
    }
    if (!doc.isObject()) {
        return Unexpected{HttpResponse::validation(QStringLiteral("The request body must be a JSON object."),
                                                   {QStringLiteral("body: must be a JSON object")})};
    }
    return doc.object();
}

QStringList unknownFields(const QJsonObject &object, std::initializer_list<QLatin1StringView> allowed)
{
    QStringList problems;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            problems << QStringLiteral("%1: is not a recognised field").arg(it.key());
    }
    return problems;
}

std::optional<Timestamp> optionalTimestamp(const QJsonObject &object, QLatin1StringView field, QStringList &problems)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        problems << QStringLiteral("%1: must be an ISO 8601 date-time string").arg(field);
        return std::nullopt;
    }
    auto parsed = Timestamp::parseIso8601(QStringView(value.toString()));
    if (!parsed) {
        problems << QStringLiteral("%1: \"%2\" %3").arg(field, value.toString(), parsed.error());
        return std::nullopt;
    }
    return *parsed;
}

Expected<int, HttpResponse> pageLimit(const HttpRequest &request)
{
    const auto text = request.queryValue(QStringLiteral("limit"));
    if (!text)
        return 20;
    bool ok = false;
    const int limit = text->toInt(&ok);
    if (!ok || limit < 1 || limit > 100) {
        return Unexpected{HttpResponse::validation(QStringLiteral("limit must be a whole number from 1 to 100."),
                                                   {QStringLiteral("limit: must be between 1 and 100, not %1").arg(*text)})};
    }
    return limit;
}

HttpResponse notFound(const QString &resourceType, const QString &identifier)
{
    return HttpResponse::error(ApiError::make(
        404, OrbErrorType::ResourceNotFound, QStringLiteral("A specified resource was not found."),
        QStringLiteral("Could not find a resource of type %1 with identifier: %2.").arg(resourceType, identifier)));
}

} // namespace ul::sandbox
