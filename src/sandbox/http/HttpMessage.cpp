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
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse HttpResponse::error(const ApiError &error)
{
    return json(error.status, error.toJson());
}

HttpResponse HttpResponse::validation(const QString &detail, const QStringList &problems)
{
    return error(ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Request validation failed"), detail,
                                QJsonArray::fromStringList(problems)));
}

QString unpairedSurrogateProblem(QByteArrayView body)
{
    const auto escapeAt = [&body](qsizetype i) -> int { // the code unit of `\uXXXX` at i, or -1
        if (i + 6 > body.size() || body[i] != '\\' || body[i + 1] != 'u')
            return -1;
        bool ok = false;
        const int unit = QByteArrayView(body).sliced(i + 2, 4).toInt(&ok, 16);
        return ok ? unit : -1;
    };
    for (qsizetype i = 0; i + 1 < body.size(); ++i) {
        if (body[i] != '\\')
            continue;
        const int unit = escapeAt(i);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const int next = escapeAt(i + 6);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                i += 11;
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF)
            return QStringLiteral("body: \\u%1 at offset %2 is half of a UTF-16 surrogate pair, which is not text")
                .arg(unit, 4, 16, QLatin1Char('0'))
                .arg(i);
        ++i; // the escaped character (a backslash must not start another escape)
    }
    return {};
}

bool secretMatches(QByteArrayView given, QByteArrayView expected)
{
    unsigned diff = given.size() == expected.size() ? 0u : 1u;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= unsigned(static_cast<unsigned char>(expected[i]) ^ static_cast<unsigned char>(i < given.size() ? given[i] : 0));
    return diff == 0;
}

std::optional<QByteArrayView> authorizationCredentials(QByteArrayView header, QByteArrayView scheme)
{
    const qsizetype space = header.indexOf(' ');
    if (space < 0 || header.first(space).compare(scheme, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return header.sliced(space + 1).trimmed();
}

} // namespace ul::sandbox
