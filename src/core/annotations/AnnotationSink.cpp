#include "annotations/AnnotationSink.h"

#include "Version.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <memory>

namespace ul {

namespace {

constexpr QLatin1StringView IngestPath{"api/v2/events/ingest"};

/// What a Dynatrace error body says: its message and each constraint violation.
QString describeErrorBody(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1StringView("error")).toObject();
    QString text = error.value(QLatin1StringView("message")).toString();
    QStringList problems;
    for (const QJsonValue &v : error.value(QLatin1StringView("constraintViolations")).toArray()) {
        const QJsonObject o = v.toObject();
        problems << QStringLiteral("%1: %2").arg(o.value(QLatin1StringView("path")).toString(),
                                                 o.value(QLatin1StringView("message")).toString());
    }
    if (!problems.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + problems.join(QStringLiteral("; "));
    return text.left(500);
}

} // namespace

QByteArray Annotation::toJson() const
{
    QJsonObject o{{QStringLiteral("eventType"), eventType}, {QStringLiteral("title"), title}};
    if (startTime)
        o.insert(QStringLiteral("startTime"), startTime->msecs());
    if (endTime)
        o.insert(QStringLiteral("endTime"), endTime->msecs());
    if (timeoutMinutes > 0)
        o.insert(QStringLiteral("timeout"), timeoutMinutes);
    if (!entitySelector.isEmpty())
        o.insert(QStringLiteral("entitySelector"), entitySelector);
    if (!properties.isEmpty()) {
        QJsonObject props;
        for (auto it = properties.begin(); it != properties.end(); ++it)
            props.insert(it.key(), it.value());
        o.insert(QStringLiteral("properties"), props);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList AnnotationReceipt::correlationIds() const
{
    QStringList ids;
    for (const AnnotationReport &r : reports)
        ids << r.correlationId;
    return ids;
}

AnnotationSink::AnnotationSink(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

AnnotationSink::~AnnotationSink() = default;

const QStringList &AnnotationSink::eventTypes()
{
    static const QStringList types{
        QStringLiteral("AVAILABILITY_EVENT"), QStringLiteral("CUSTOM_ALERT"),       QStringLiteral("CUSTOM_ANNOTATION"),
        QStringLiteral("CUSTOM_CONFIGURATION"), QStringLiteral("CUSTOM_DEPLOYMENT"), QStringLiteral("CUSTOM_INFO"),
        QStringLiteral("ERROR_EVENT"),        QStringLiteral("MARKED_FOR_TERMINATION"),
        QStringLiteral("PERFORMANCE_EVENT"),  QStringLiteral("RESOURCE_CONTENTION_EVENT")};
    return types;
}

QUrl AnnotationSink::ingestUrl(const QUrl &sinkUrl)
{
    if (sinkUrl.isEmpty())
        return {};
    QUrl url = sinkUrl;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(QLatin1StringView("/api/v2/events/ingest")))
        path += u'/' + IngestPath;
    url.setPath(path, QUrl::StrictMode);
    return url;
}

void AnnotationSink::post(const Annotation &annotation, const QObject *context, Callback done)
{
    if (m_url.isEmpty()) {
        deliver(context, std::move(done),
                Unexpected{AnnotationError{AnnotationError::Kind::NotConfigured, 0, tr("No annotation sink URL is set."), {}}});
        return;
    }
    if (m_token.isEmpty()) {
        deliver(context, std::move(done),
                Unexpected{AnnotationError{AnnotationError::Kind::NotConfigured, 0,
                                           tr("No annotation sink token is stored for this profile."), {}}});
        return;
    }
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Api-Token " + m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", QByteArray("UsageLens/") + ul::version::Version);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_network->post(request, annotation.toJson());

    // The transfer timeout only notices silence; this bounds the whole exchange (a body that trickles).
    auto timedOut = std::make_shared<bool>(false);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(m_timeout);
    const QString where = m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, timedOut, where, guard = QPointer<const QObject>(context), hasContext = context != nullptr,
             done = std::move(done)]() mutable {
                reply->deleteLater();
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray body = reply->readAll();
                Result result = Unexpected{AnnotationError{}};
                if (*timedOut || reply->error() == QNetworkReply::TimeoutError
                    || (reply->error() == QNetworkReply::OperationCanceledError && status == 0)) {
                    result = Unexpected{AnnotationError{AnnotationError::Kind::Timeout, 0,
                                                        tr("The annotation sink at %1 did not answer within %2 s.")
                                                            .arg(where)
                                                            .arg(double(m_timeout.count()) / 1000.0),
                                                        {}}};
                } else if (status == 0) {
                    result = Unexpected{AnnotationError{AnnotationError::Kind::Network, 0,
                                                        tr("The annotation sink at %1 could not be reached: %2")
                                                            .arg(where, reply->errorString()),
                                                        {}}};
                } else {
                    result = interpret(status, body);
                }
                if (hasContext && !guard)
                    return;
                if (done)
                    done(std::move(result));
            });
}

AnnotationSink::Result AnnotationSink::interpret(int httpStatus, const QByteArray &body) const
{
    if (httpStatus != 201 && httpStatus != 200) {
        const QString detail = describeErrorBody(body);
        QString message;
        if (httpStatus == 401 || httpStatus == 403)
            message = tr("The annotation sink refused the token (HTTP %1). Check the sink token of this profile.").arg(httpStatus);
        else
            message = tr("The annotation sink answered HTTP %1.").arg(httpStatus);
        if (!detail.isEmpty())
            message += u' ' + detail;
        return Unexpected{AnnotationError{AnnotationError::Kind::Http, httpStatus, message, {}}};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue list = doc.object().value(QLatin1StringView("eventIngestResults"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !(list.isArray() || list.isNull())) {
        return Unexpected{AnnotationError{AnnotationError::Kind::BadResponse, httpStatus,
                                          tr("The annotation sink's answer is not an event ingest result."), {}}};
    }
    QList<AnnotationReport> reports;
    QStringList bad;
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        AnnotationReport r{o.value(QLatin1StringView("correlationId")).toString(), o.value(QLatin1StringView("status")).toString()};
        if (!r.ok())
            bad << (r.status.isEmpty() ? tr("no status") : r.status);
        reports << r;
    }
    if (reports.isEmpty()) {
        return Unexpected{AnnotationError{AnnotationError::Kind::Status, httpStatus,
                                          tr("The annotation sink created no event (its entity selector matched nothing)."),
                                          reports}};
    }
    if (!bad.isEmpty()) {
        const int refused = int(bad.size());
        bad.removeDuplicates();
        return Unexpected{AnnotationError{AnnotationError::Kind::Status, httpStatus,
                                          tr("The annotation sink did not accept %n of %1 report(s): %2.", nullptr, refused)
                                              .arg(reports.size())
                                              .arg(bad.join(QStringLiteral(", "))),
                                          reports}};
    }
    return AnnotationReceipt{reports};
}

void AnnotationSink::deliver(const QObject *context, Callback done, Result result)
{
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    QMetaObject::invokeMethod(this, [guard, hasContext, done = std::move(done), result = std::move(result)]() mutable {
        if (hasContext && !guard)
            return;
        if (done)
            done(std::move(result));
    }, Qt::QueuedConnection);
}

} // namespace ul
