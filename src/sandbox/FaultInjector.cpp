#include "FaultInjector.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>

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

void FaultInjector::setRates(const FaultRates &rates)
{
    m_rates = rates;
    m_seed = rates.seed ? *rates.seed : QRandomGenerator::system()->generate64();
    m_random.seed(m_seed);
    m_counts.clear();
}

FaultInjector::Roll FaultInjector::roll(const HttpRequest &request)
{
    Roll roll;
    if (m_rates.isEmpty() || request.segments.value(0) == QLatin1StringView("x-sandbox"))
        return roll;
    ++m_counts[QStringLiteral("requests")];
    if (m_rates.latencyMax.count() > 0) {
        std::uniform_int_distribution<qint64> latency(m_rates.latencyMin.count(), m_rates.latencyMax.count());
        roll.latency = std::chrono::milliseconds(latency(m_random));
    }
    // One draw decides the fault: each owns a slice of [0, 1) as wide as its rate.
    double draw = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    for (const FaultRates::StatusRate &s : std::as_const(m_rates.statuses)) {
        if ((draw -= s.rate) >= 0)
            continue;
        ++m_counts[QString::number(s.status)];
        HttpResponse response = HttpResponse::error(ApiError::make(
            s.status, errorTypeFor(s.status), QStringLiteral("Injected fault"),
            QStringLiteral("The sandbox injects %1 answers at random (--faults).").arg(s.status)));
        if (s.retryAfterSeconds)
            response.headers.append({QByteArray("Retry-After"), QByteArray::number(*s.retryAfterSeconds)});
        if (s.status >= 500)
            response.headers.append({QByteArray("Transient-Error"), QByteArray("true")});
        roll.action = Roll::Action::Status;
        roll.answer = std::move(response);
        return roll;
    }
    const std::pair<double, Roll::Action> others[] = {
        {m_rates.drop, Roll::Action::Drop}, {m_rates.dropAfter, Roll::Action::DropAfter}, {m_rates.slowBody, Roll::Action::SlowBody}};
    const char *names[] = {"drop", "drop-after", "slow-body"};
    for (int i = 0; i < 3; ++i) {
        if ((draw -= others[i].first) >= 0)
            continue;
        ++m_counts[QLatin1StringView(names[i])];
        roll.action = others[i].second;
        roll.slowBodyDuration = m_rates.slowBodyDuration;
        return roll;
    }
    return roll;
}

QByteArray FaultInjector::ratesJson() const
{
    QJsonObject statuses;
    for (const FaultRates::StatusRate &s : m_rates.statuses)
        statuses.insert(QString::number(s.status), s.rate);
    QJsonObject counts;
    for (auto it = m_counts.begin(); it != m_counts.end(); ++it)
        counts.insert(it.key(), it.value());
    const QJsonObject rates{{QStringLiteral("statuses"), statuses},
                            {QStringLiteral("drop"), m_rates.drop},
                            {QStringLiteral("drop-after"), m_rates.dropAfter},
                            {QStringLiteral("slow-body"), m_rates.slowBody},
                            {QStringLiteral("slow-body-duration-ms"), qint64(m_rates.slowBodyDuration.count())},
                            {QStringLiteral("latency-min-ms"), qint64(m_rates.latencyMin.count())},
                            {QStringLiteral("latency-max-ms"), qint64(m_rates.latencyMax.count())}};
    return QJsonDocument(QJsonObject{{QStringLiteral("spec"), formatFaultRates(m_rates)},
                                     // As text: a 64-bit seed does not fit a JSON number exactly.
                                     {QStringLiteral("seed"), QString::number(m_seed)},
                                     {QStringLiteral("rates"), rates},
                                     {QStringLiteral("counts"), counts}})
        .toJson(QJsonDocument::Compact);
}

} // namespace ul::sandbox
