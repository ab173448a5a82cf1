#include "api/OrbClient.h"

#include "api/PendingRequest.h"
#include "json/EventCodec.h"
#include "Version.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>
#include <QtCore/QUuid>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslError>

#include <memory>

namespace ul {

namespace {

constexpr qsizetype DecodeOffThreadAbove = 256 * 1024;

bool isTransientTransportError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout ends this way
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

std::optional<QString> optionalString(const QJsonValue &v)
{
    return v.isString() ? std::optional(v.toString()) : std::nullopt;
}

Expected<Customer, QString> customerFromJson(const QJsonObject &o)
{
    Customer c;
    c.id = o.value(QLatin1StringView("id")).toString();
    if (c.id.isEmpty())
        return Unexpected{QStringLiteral("a customer has no id")};
    c.externalCustomerId = optionalString(o.value(QLatin1StringView("external_customer_id")));
    c.name = o.value(QLatin1StringView("name")).toString();
    c.email = o.value(QLatin1StringView("email")).toString();
    c.timezone = o.value(QLatin1StringView("timezone")).toString();
    c.currency = optionalString(o.value(QLatin1StringView("currency")));
    if (auto created = Timestamp::parseIso8601(QStringView(o.value(QLatin1StringView("created_at")).toString())))
        c.createdAt = *created;
    return c;
}

Expected<QJsonObject, QString> objectBody(const RawResponse &response)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Unexpected{QStringLiteral("expected a JSON object (%1)").arg(error.errorString())};
    return doc.object();
}

} // namespace

QString pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QByteArray RawResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
namespace detail {

PendingRequest::PendingRequest(OrbClient *client, ApiRequest request, Finished finished)
    : QObject(client), m_client(client), m_request(std::move(request)), m_onFinished(std::move(finished))
{
    if (m_request.idempotencyKey.isEmpty() && m_request.method != "GET")
        m_request.idempotencyKey = OrbClient::newIdempotencyKey();
}

QString PendingRequest::safeUrl() const
{
    QUrl url = m_client->settings().baseUrl;
    url.setUserInfo({});
    QString path = url.path(QUrl::FullyEncoded);
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + m_request.path, QUrl::StrictMode);
    return url.toString(QUrl::RemoveQuery);
}

void PendingRequest::start()
{
    sendAttempt();
}

void PendingRequest::sendAttempt()
{
    ++m_attempts;
    m_tlsErrors.clear();
    const ClientSettings &settings = m_client->settings();
    QUrl url = settings.baseUrl;
    QString path = url.path(QUrl::FullyEncoded);
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + m_request.path, QUrl::StrictMode); // both parts are percent-encoded
    url.setQuery(m_request.query);
    QNetworkRequest request(url);
    // The token is read now, not when the call was made: a new token applies to the next attempt.
    request.setRawHeader("Authorization", "Bearer " + m_client->m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", QByteArray("UsageLens/") + ul::version::Version);
    if (!m_request.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_request.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", m_request.idempotencyKey.toUtf8());
    request.setRawHeader("X-UsageLens-Retry-Count", QByteArray::number(m_attempts - 1));
    request.setTransferTimeout(int(settings.transferTimeout.count()));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkReply *reply = m_client->networkManager()->sendCustomRequest(request, m_request.method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_tlsErrors << e.errorString(); // recorded, never ignored
    });
    connect(reply, &QNetworkReply::finished, this, &PendingRequest::onReplyFinished);
}

void PendingRequest::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_cancelled)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError error = reply->error();

    if (status >= 200 && status < 300) {
        RawResponse response;
        response.status = status;
        response.headers = reply->rawHeaderPairs();
        response.body = body;
        response.attempts = m_attempts;
        response.idempotencyKey = m_request.idempotencyKey;
        finish(std::move(response));
        return;
    }
    RequestError failure;
    failure.url = safeUrl();
    if (status == 0) {
        if (!m_tlsErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
            failure.kind = RequestError::Kind::Tls;
            failure.detail = m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors.join(QStringLiteral("; "));
            finish(Unexpected{failure});
            return;
        }
        const bool timedOut = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        failure.kind = timedOut ? RequestError::Kind::Timeout : RequestError::Kind::Network;
        failure.detail = reply->errorString();
        retryOrFinish(failure, 0, isTransientTransportError(error), {}, {}, {});
        return;
    }
    failure.kind = RequestError::Kind::Http;
    failure.api = ApiError::fromResponse(status, body);
    retryOrFinish(failure, status, false, reply->rawHeader("retry-after-ms"), reply->rawHeader("retry-after"),
                  reply->rawHeader("x-should-retry"));
}

void PendingRequest::retryOrFinish(RequestError error, int status, bool transportRetryable, const QByteArray &retryAfterMs,
                                   const QByteArray &retryAfter, const QByteArray &shouldRetry)
{
    const RetryPolicy &policy = m_client->settings().retry;
    const int retriesDone = m_attempts - 1;
    if (!policy.shouldRetry(retriesDone, status, transportRetryable, shouldRetry)) {
        error.attempts = m_attempts;
        finish(Unexpected{error});
        return;
    }
    const auto wait = policy.delay(retriesDone, retryAfterMs, retryAfter, QRandomGenerator::global()->generateDouble());
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &PendingRequest::sendAttempt);
    }
    m_retryTimer->start(wait);
}

void PendingRequest::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply)
        m_reply->abort();
    RequestError error;
    error.kind = RequestError::Kind::Cancelled;
    error.attempts = m_attempts;
    error.url = safeUrl();
    finish(Unexpected{error});
}

void PendingRequest::finish(Expected<RawResponse, RequestError> result)
{
    if (m_finished)
        return;
    m_finished = true;
    auto callback = std::move(m_onFinished);
    deleteLater();
    if (callback)
        callback(std::move(result));
}

} // namespace detail

// ---------------------------------------------------------------------------------------------

CallHandle::CallHandle(detail::PendingRequest *request) : m_request(request) {}

void CallHandle::cancel()
{
    if (detail::PendingRequest *request = m_request.data())
        request->cancel();
}

bool CallHandle::isFinished() const
{
    const detail::PendingRequest *request = m_request.data();
    return request == nullptr || request->isFinished();
}

OrbClient::OrbClient(ClientSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(false);
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

OrbClient::~OrbClient() = default;

void OrbClient::setToken(const QString &token)
{
    m_token = token;
}

void OrbClient::setSettings(const ClientSettings &settings)
{
    m_settings = settings;
}

QString OrbClient::newIdempotencyKey()
{
    return QStringLiteral("usagelens-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

CallHandle OrbClient::send(ApiRequest request, const QObject *context, Callback<RawResponse> done)
{
    QPointer<const QObject> guard(context);
    auto *pending = new detail::PendingRequest(this, std::move(request),
        [guard, hasContext = context != nullptr, done = std::move(done)](Expected<RawResponse, RequestError> result) {
            if (hasContext && !guard)
                return; // whoever asked is gone
            done(std::move(result));
        });
    pending->start();
    return CallHandle(pending);
}

template <class T>
CallHandle OrbClient::sendDecoded(ApiRequest request, const QObject *context, Callback<T> done,
                                  std::function<Expected<T, QString>(const RawResponse &)> decode)
{
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    QPointer<OrbClient> self(this);
    return send(std::move(request), context,
        [self, guard, hasContext, done, decode](Expected<RawResponse, RequestError> raw) {
            if (!raw) {
                done(Unexpected{std::move(raw).error()});
                return;
            }
            auto finish = [done, url = self ? self->m_settings.baseUrl.toString(QUrl::RemoveUserInfo) : QString(),
                           attempts = raw->attempts](Expected<T, QString> decoded) {
                if (decoded) {
                    done(std::move(decoded).value());
                    return;
                }
                RequestError error;
                error.kind = RequestError::Kind::Decode;
                error.detail = decoded.error();
                error.url = url;
                error.attempts = attempts;
                done(Unexpected{error});
            };
            if (raw->body.size() <= DecodeOffThreadAbove) {
                finish(decode(*raw));
                return;
            }
            // Large answers are decoded on the pool; the result comes back to this thread.
            QThreadPool::globalInstance()->start([self, guard, hasContext, finish, decode, response = std::move(raw).value()] {
                auto decoded = std::make_shared<Expected<T, QString>>(decode(response));
                if (!self)
                    return;
                QMetaObject::invokeMethod(self.data(), [guard, hasContext, finish, decoded] {
                    if (hasContext && !guard)
                        return;
                    finish(std::move(*decoded));
                }, Qt::QueuedConnection);
            });
        });
}

CallHandle OrbClient::ingest(const QList<Event> &events, const IngestOptions &options, const QObject *context,
                             Callback<IngestResult> done)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("ingest");
    if (options.backfillId)
        request.query.addQueryItem(QStringLiteral("backfill_id"), *options.backfillId);
    if (options.debug)
        request.query.addQueryItem(QStringLiteral("debug"), QStringLiteral("true"));
    request.body = json::encodeIngestBody(events);
    request.idempotencyKey = options.idempotencyKey;
    return sendDecoded<IngestResult>(std::move(request), context, std::move(done), [](const RawResponse &r) -> Expected<IngestResult, QString> {
        auto o = objectBody(r);
        if (!o)
            return Unexpected{o.error()};
        IngestResult result;
        const QJsonObject debug = o->value(QLatin1StringView("debug")).toObject();
        for (const QJsonValue &v : debug.value(QLatin1StringView("ingested")).toArray())
            result.ingested << v.toString();
        for (const QJsonValue &v : debug.value(QLatin1StringView("duplicate")).toArray())
            result.duplicates << v.toString();
        return result;
    });
}

CallHandle OrbClient::searchEvents(const SearchQuery &query, const QObject *context, Callback<QList<Event>> done)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("events/search");
    JsonWriter out(query.eventIds.size() * 40 + 100);
    out.beginObject().key("event_ids").beginArray();
    for (const QString &id : query.eventIds)
        out.value(id);
    out.endArray();
    if (query.timeframeStart)
        out.key("timeframe_start").value(*query.timeframeStart);
    if (query.timeframeEnd)
        out.key("timeframe_end").value(*query.timeframeEnd);
    out.endObject();
    request.body = out.take();
    return sendDecoded<QList<Event>>(std::move(request), context, std::move(done),
                                     [](const RawResponse &r) { return json::decodeEventList(r.body); });
}

CallHandle OrbClient::amendEvent(const Event &amended, const QObject *context, Callback<Done> done)
{
    ApiRequest request;
    request.method = "PUT";
    request.path = QStringLiteral("events/") + pathSegment(amended.id);
    request.body = json::encodeAmendBody(amended);
    return sendDecoded<Done>(std::move(request), context, std::move(done), [](const RawResponse &) -> Expected<Done, QString> { return Done{}; });
}

CallHandle OrbClient::deprecateEvent(const QString &eventId, const QObject *context, Callback<Done> done)
{
    ApiRequest request;
    request.method = "PUT";
    request.path = QStringLiteral("events/%1/deprecate").arg(pathSegment(eventId));
    return sendDecoded<Done>(std::move(request), context, std::move(done), [](const RawResponse &) -> Expected<Done, QString> { return Done{}; });
}

CallHandle OrbClient::createCustomer(const NewCustomer &customer, const QObject *context, Callback<Customer> done)
{
    QJsonObject body{{QStringLiteral("name"), customer.name}, {QStringLiteral("email"), customer.email}};
    if (customer.externalCustomerId)
        body.insert(QStringLiteral("external_customer_id"), *customer.externalCustomerId);
    if (customer.currency)
        body.insert(QStringLiteral("currency"), *customer.currency);
    if (customer.timezone)
        body.insert(QStringLiteral("timezone"), *customer.timezone);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("customers");
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return sendDecoded<Customer>(std::move(request), context, std::move(done), [](const RawResponse &r) -> Expected<Customer, QString> {
        auto o = objectBody(r);
        return o ? customerFromJson(*o) : Unexpected{o.error()};
    });
}

CallHandle OrbClient::listCustomers(int limit, const std::optional<QString> &cursor, const QObject *context,
                                    Callback<Page<Customer>> done)
{
    ApiRequest request;
    request.path = QStringLiteral("customers");
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (cursor)
        request.query.addQueryItem(QStringLiteral("cursor"), *cursor);
    return sendDecoded<Page<Customer>>(std::move(request), context, std::move(done), [](const RawResponse &r) -> Expected<Page<Customer>, QString> {
        auto o = objectBody(r);
        if (!o)
            return Unexpected{o.error()};
        Page<Customer> page;
        for (const QJsonValue &v : o->value(QLatin1StringView("data")).toArray()) {
            auto c = customerFromJson(v.toObject());
            if (!c)
                return Unexpected{c.error()};
            page.items.append(*c);
        }
        page.nextCursor = optionalString(o->value(QLatin1StringView("pagination_metadata")).toObject().value(QLatin1StringView("next_cursor")));
        return page;
    });
}

CallHandle OrbClient::fetchCustomer(const QString &customerId, const QObject *context, Callback<Customer> done)
{
    ApiRequest request;
    request.path = QStringLiteral("customers/") + pathSegment(customerId);
    return sendDecoded<Customer>(std::move(request), context, std::move(done), [](const RawResponse &r) -> Expected<Customer, QString> {
        auto o = objectBody(r);
        return o ? customerFromJson(*o) : Unexpected{o.error()};
    });
}

CallHandle OrbClient::fetchCustomerByExternalId(const QString &externalId, const QObject *context, Callback<Customer> done)
{
    ApiRequest request;
    request.path = QStringLiteral("customers/external_customer_id/") + pathSegment(externalId);
    return sendDecoded<Customer>(std::move(request), context, std::move(done), [](const RawResponse &r) -> Expected<Customer, QString> {
        auto o = objectBody(r);
        return o ? customerFromJson(*o) : Unexpected{o.error()};
    });
}

CallHandle OrbClient::eventHistory(const QString &eventId, const QObject *context, Callback<QList<EventRevision>> done)
{
    ApiRequest request;
    request.path = QStringLiteral("events/%1/history").arg(pathSegment(eventId));
    return sendDecoded<QList<EventRevision>>(std::move(request), context, std::move(done),
                                             [](const RawResponse &r) { return json::decodeEventHistory(r.body); });
}

} // namespace ul
