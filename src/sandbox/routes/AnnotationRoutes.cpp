#include "routes/AnnotationRoutes.h"

#include "SandboxServer.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>

#include <array>
#include <cmath>

namespace ul::sandbox {

namespace {

// Dynatrace's EventIngest.eventType values (Events API v2).
constexpr std::array EventTypes{
    QLatin1StringView("AVAILABILITY_EVENT"), QLatin1StringView("CUSTOM_ALERT"),      QLatin1StringView("CUSTOM_ANNOTATION"),
    QLatin1StringView("CUSTOM_CONFIGURATION"), QLatin1StringView("CUSTOM_DEPLOYMENT"), QLatin1StringView("CUSTOM_INFO"),
    QLatin1StringView("ERROR_EVENT"),        QLatin1StringView("MARKED_FOR_TERMINATION"),
    QLatin1StringView("PERFORMANCE_EVENT"),  QLatin1StringView("RESOURCE_CONTENTION_EVENT")};

// The entity types the sandbox pretends to have; any other type(...) gives INVALID_ENTITY_TYPE.
constexpr std::array EntityTypes{
    QLatin1StringView("APPLICATION"), QLatin1StringView("AWS_LAMBDA_FUNCTION"), QLatin1StringView("CLOUD_APPLICATION"),
    QLatin1StringView("CUSTOM_DEVICE"), QLatin1StringView("CUSTOM_DEVICE_GROUP"), QLatin1StringView("ENVIRONMENT"),
    QLatin1StringView("HOST"), QLatin1StringView("HOST_GROUP"), QLatin1StringView("KUBERNETES_CLUSTER"),
    QLatin1StringView("PROCESS_GROUP"), QLatin1StringView("PROCESS_GROUP_INSTANCE"), QLatin1StringView("SERVICE"),
    QLatin1StringView("SYNTHETIC_TEST")};

constexpr std::array AllowedFields{
    QLatin1StringView("eventType"), QLatin1StringView("title"), QLatin1StringView("startTime"), QLatin1StringView("endTime"),
    QLatin1StringView("timeout"), QLatin1StringView("entitySelector"), QLatin1StringView("properties")};

constexpr int DefaultTimeoutMinutes = 15;
constexpr int MaxTimeoutMinutes = 360;
constexpr qint64 MaxFutureStartMs = 7LL * 24 * 3600 * 1000;

/// Dynatrace's error envelope: `{"error": {code, message, constraintViolations}}`.
HttpResponse dynatraceError(int status, const QString &message, const QJsonArray &violations = {})
{
    QJsonObject error{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}};
    if (!violations.isEmpty())
        error.insert(QStringLiteral("constraintViolations"), violations);
    return HttpResponse::json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact));
}

QJsonObject violation(const QString &path, const QString &message)
{
    return QJsonObject{{QStringLiteral("path"), path},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("parameterLocation"), QStringLiteral("PAYLOAD_BODY")},
                       {QStringLiteral("location"), QJsonValue()}};
}

/// An optional whole number: absent/null → nullopt; anything else but an integer → a violation.
std::optional<qint64> optionalInteger(const QJsonObject &body, QLatin1StringView field, QJsonArray &violations)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::trunc(d) != d || std::abs(d) > 9.0e15) {
        violations.append(violation(field, QStringLiteral("must be a whole number")));
        return std::nullopt;
    }
    return qint64(d);
}

QString newCorrelationId()
{
    return QString::number(QRandomGenerator::global()->generate64() | (quint64(1) << 63), 16).right(16);
}

} // namespace

AnnotationRoutes::AnnotationRoutes(SandboxContext &context) : m_context(context) {}

bool AnnotationRoutes::isIngestPath(const QStringList &segments)
{
    return segments == QStringList{QStringLiteral("api"), QStringLiteral("v2"), QStringLiteral("events"), QStringLiteral("ingest")};
}

std::optional<HttpResponse> AnnotationRoutes::checkAuthorization(const HttpRequest &request) const
{
    const QByteArray header = request.header("authorization");
    if (header.isEmpty())
        return dynatraceError(401, QStringLiteral("Missing authorization parameter."));
    const QString &expected = m_context.options.annotationToken.isEmpty() ? m_context.options.token
                                                                          : m_context.options.annotationToken;
    const auto given = authorizationCredentials(header, "api-token");
    if (!given)
        return dynatraceError(401, QStringLiteral("Token Authentication failed: send Authorization: Api-Token <token>."));
    if (!secretMatches(*given, expected.toUtf8()))
        return dynatraceError(401, QStringLiteral("Token Authentication failed."));
    return std::nullopt;
}

HttpResponse AnnotationRoutes::ingest(const HttpRequest &request)
{
    if (request.method != "POST")
        return dynatraceError(405, QStringLiteral("Only POST is supported on /api/v2/events/ingest."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return dynatraceError(400, parseError.error != QJsonParseError::NoError
                                       ? QStringLiteral("Could not parse the request body: %1 at offset %2.")
                                             .arg(parseError.errorString())
                                             .arg(parseError.offset)
                                       : QStringLiteral("The request body must be a JSON object (EventIngest)."));
    }
    const QJsonObject body = doc.object();
    QJsonArray violations;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (std::find(AllowedFields.begin(), AllowedFields.end(), it.key()) == AllowedFields.end())
            violations.append(violation(it.key(), QStringLiteral("is not a field of EventIngest")));
    }
    const QJsonValue eventType = body.value(QLatin1StringView("eventType"));
    if (!eventType.isString())
        violations.append(violation(QStringLiteral("eventType"), QStringLiteral("must not be null")));
    else if (std::find(EventTypes.begin(), EventTypes.end(), eventType.toString()) == EventTypes.end())
        violations.append(violation(QStringLiteral("eventType"), QStringLiteral("\"%1\" is not an event type").arg(eventType.toString())));
    const QJsonValue title = body.value(QLatin1StringView("title"));
    if (!title.isString() || title.toString().trimmed().isEmpty())
        violations.append(violation(QStringLiteral("title"), QStringLiteral("must not be blank")));
    const auto startTime = optionalInteger(body, QLatin1StringView("startTime"), violations);
    const auto endTime = optionalInteger(body, QLatin1StringView("endTime"), violations);
    const auto timeout = optionalInteger(body, QLatin1StringView("timeout"), violations);
    if (timeout && *timeout < 1)
        violations.append(violation(QStringLiteral("timeout"), QStringLiteral("must be at least 1 (minutes)")));
    const QJsonValue selector = body.value(QLatin1StringView("entitySelector"));
    if (!selector.isUndefined() && !selector.isNull() && !selector.isString())
        violations.append(violation(QStringLiteral("entitySelector"), QStringLiteral("must be a string")));
    static const QRegularExpression typePattern(QStringLiteral("type\\(\\s*\"?([A-Za-z0-9_.:]+)\"?\\s*\\)"));
    const QRegularExpressionMatch typeMatch = typePattern.match(selector.toString());
    if (selector.isString() && !typeMatch.hasMatch())
        violations.append(violation(QStringLiteral("entitySelector"), QStringLiteral("must name an entity type, e.g. type(HOST)")));
    const QJsonValue properties = body.value(QLatin1StringView("properties"));
    if (!properties.isUndefined() && !properties.isNull() && !properties.isObject())
        violations.append(violation(QStringLiteral("properties"), QStringLiteral("must be an object of strings")));
    const QJsonObject props = properties.toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        if (!it.value().isString())
            violations.append(violation(QStringLiteral("properties.") + it.key(), QStringLiteral("must be a string")));
    }
    if (!violations.isEmpty())
        return dynatraceError(400, QStringLiteral("Constraints violated."), violations);

    // Dynatrace's defaults, then the per-report status.
    const qint64 nowMs = m_context.now().msecs();
    const qint64 start = startTime.value_or(nowMs);
    const qint64 minutes = std::min<qint64>(timeout.value_or(DefaultTimeoutMinutes), MaxTimeoutMinutes);
    const qint64 end = endTime.value_or(start + minutes * 60'000);
    QString status = QStringLiteral("OK");
    QString entityType = typeMatch.captured(1);
    if (entityType.startsWith(QLatin1StringView("dt.entity."), Qt::CaseInsensitive))
        entityType = entityType.mid(10).toUpper();
    const QStringList keys = props.keys();
    const bool reservedKey = std::any_of(keys.begin(), keys.end(), [](const QString &key) {
        return key.startsWith(QLatin1StringView("dt.")) && !key.startsWith(QLatin1StringView("dt.event."))
            && !key.startsWith(QLatin1StringView("dt.davis.")) && !key.startsWith(QLatin1StringView("dt.entity."));
    });
    if (end < start || start > nowMs + MaxFutureStartMs)
        status = QStringLiteral("INVALID_TIMESTAMPS");
    else if (selector.isString() && std::find(EntityTypes.begin(), EntityTypes.end(), entityType) == EntityTypes.end())
        status = QStringLiteral("INVALID_ENTITY_TYPE");
    else if (reservedKey)
        status = QStringLiteral("INVALID_METADATA");

    // One report per selected entity: entityId(A,B) selects two; anything else one.
    qsizetype reports = 1;
    static const QRegularExpression idPattern(QStringLiteral("entityId\\(([^)]*)\\)"));
    if (const QRegularExpressionMatch ids = idPattern.match(selector.toString()); ids.hasMatch())
        reports = std::max<qsizetype>(1, ids.captured(1).split(u',', Qt::SkipEmptyParts).size());
    QJsonArray results;
    for (qsizetype i = 0; i < reports; ++i)
        results.append(QJsonObject{{QStringLiteral("correlationId"), newCorrelationId()}, {QStringLiteral("status"), status}});

    QJsonObject event = body;
    event.insert(QStringLiteral("startTime"), start);
    event.insert(QStringLiteral("endTime"), end);
    event.insert(QStringLiteral("timeout"), minutes);
    if (m_received.size() >= MaxKept)
        m_received.removeFirst();
    m_received.append(Received{event, results, nowMs});
    return HttpResponse::json(201, QJsonDocument(QJsonObject{{QStringLiteral("reportCount"), results.size()},
                                                             {QStringLiteral("eventIngestResults"), results}})
                                       .toJson(QJsonDocument::Compact));
}

void AnnotationRoutes::addInspectionRoutes(Router &router)
{
    // Sandbox extension: what the sink received, oldest first.
    router.add("GET", u"x-sandbox/annotations", [this](const HttpRequest &, const Router::Params &) {
        QJsonArray list;
        for (const Received &r : std::as_const(m_received)) {
            list.append(QJsonObject{{QStringLiteral("receivedAt"), Timestamp::fromMsecs(r.receivedMs).toIso8601()},
                                    {QStringLiteral("event"), r.event},
                                    {QStringLiteral("eventIngestResults"), r.results}});
        }
        return HttpResponse::json(200, QJsonDocument(QJsonObject{{QStringLiteral("annotations"), list}}).toJson(QJsonDocument::Compact));
    });
    router.add("DELETE", u"x-sandbox/annotations", [this](const HttpRequest &, const Router::Params &) {
        m_received.clear();
        return HttpResponse::json(200, QByteArrayLiteral("{\"annotations\":[]}"));
    });
}

} // namespace ul::sandbox
