#include "FaultInjector.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace ul::sandbox {

namespace {
constexpr qsizetype MaxServedKept = 1000;

QLatin1StringView errorTypeFor(int status)
{
    switch (status) {
    case 408:
    case 409: return OrbErrorType::ResourceConflict;
    case 429: return OrbErrorType::TooManyRequests;
    default: return OrbErrorType::InternalServerError;
    }
}
} // namespace

Expected<Done, QString> FaultInjector::script(const QJsonObject &body)
{
    const QJsonValue list = body.value(QLatin1StringView("faults"));
    if (!list.isArray())
        return Unexpected{QStringLiteral("faults: is required and must be an array")};
    QList<Fault> faults;
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        Fault f;
        f.status = o.value(QLatin1StringView("status")).toInt(503);
        f.count = o.value(QLatin1StringView("count")).toInt(1);
        f.pathPrefix = o.value(QLatin1StringView("path")).toString();
        if (f.status < 400 || f.status > 599)
            return Unexpected{QStringLiteral("status: a fault answers with 400–599, not %1").arg(f.status)};
        if (f.count < 1)
            return Unexpected{QStringLiteral("count: must be at least 1")};
        const QJsonObject headers = o.value(QLatin1StringView("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            f.headers.append({it.key().toLatin1(), it.value().toString().toLatin1()});
        faults.append(f);
    }
    m_faults = faults;
    m_served.clear();
    return Done{};
}

void FaultInjector::clear()
{
    m_faults.clear();
    m_served.clear();
}

std::optional<HttpResponse> FaultInjector::answer(const HttpRequest &request)
{
    const QString path = request.segments.join(u'/');
    if (path.startsWith(QLatin1StringView("x-sandbox/")))
        return std::nullopt; // the controls themselves always answer
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &f = m_faults[i];
        if (!f.pathPrefix.isEmpty() && !path.startsWith(f.pathPrefix))
            continue;
        HttpResponse response = HttpResponse::error(ApiError::make(
            f.status, errorTypeFor(f.status), QStringLiteral("Injected fault"),
            QStringLiteral("The sandbox was told to answer this request with %1.").arg(f.status)));
        response.headers = f.headers;
        if (f.status >= 500)
            response.headers.append({QByteArray("Transient-Error"), QByteArray("true")});
        if (m_served.size() < MaxServedKept)
            m_served.append(Served{request.method, path, request.header("idempotency-key"), f.status});
        if (--f.count == 0)
            m_faults.removeAt(i);
        return response;
    }
    return std::nullopt;
}

QByteArray FaultInjector::stateJson() const
{
    QJsonArray faults, served;
    for (const Fault &f : m_faults) {
        QJsonObject headers;
        for (const auto &[name, value] : f.headers)
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        faults.append(QJsonObject{{QStringLiteral("status"), f.status}, {QStringLiteral("count"), f.count},
                                  {QStringLiteral("path"), f.pathPrefix}, {QStringLiteral("headers"), headers}});
    }
    for (const Served &s : m_served) {
        served.append(QJsonObject{{QStringLiteral("method"), QString::fromLatin1(s.method)},
                                  {QStringLiteral("path"), s.path},
                                  {QStringLiteral("idempotency_key"), QString::fromUtf8(s.idempotencyKey)},
                                  {QStringLiteral("status"), s.status}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("faults"), faults}, {QStringLiteral("served"), served}})
        .toJson(QJsonDocument::Compact);
}

} // namespace ul::sandbox
