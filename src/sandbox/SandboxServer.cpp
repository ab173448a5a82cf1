#include "SandboxServer.h"

#include "DemoData.h"
#include "routes/AnnotationRoutes.h"
#include "routes/BackfillRoutes.h"
#include "routes/CustomerRoutes.h"
#include "routes/EventRoutes.h"
#include "routes/RouteSupport.h"
#include "routes/WebhookRoutes.h"
#include "store/SandboxStore.h"
#include "webhooks/DemoReceiver.h"
#include "webhooks/WebhookDeliverer.h"
#include "webhooks/WebhookStore.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDebug>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <cctype>
#include <mutex>
#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace ul::sandbox {

namespace {

constexpr char JudgedProperty[] = "_ul_request_judged";
constexpr char RejectedProperty[] = "_ul_request_rejected";
constexpr char HeadProperty[] = "_ul_request_head";
constexpr char BodyBytesProperty[] = "_ul_request_body_bytes";
constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr auto IdempotencyKeyLifetime = std::chrono::hours(48);

/// Sets TCP_NODELAY on every accepted socket (Qt 6.4 leaves Nagle on, and small responses then
/// wait for the client's delayed ACK) and lets the server look at each socket before Qt HttpServer does.
class LowDelayTcpServer : public QTcpServer {
public:
    LowDelayTcpServer(std::function<void(QTcpSocket *)> onAccepted, QObject *parent)
        : QTcpServer(parent), m_onAccepted(std::move(onAccepted))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_onAccepted(socket);
        addPendingConnection(socket);
    }

private:
    std::function<void(QTcpSocket *)> m_onAccepted;
};

/// Acknowledges at once what arrives on `socket` (Linux: TCP_QUICKACK). Clients that leave Nagle
/// on hold each small segment until the previous ones are acknowledged, and Linux delays that ACK
/// by up to 40 ms once a connection has carried an answer. Qt 6.4's QNetworkAccessManager does
/// both: no TCP_NODELAY, and a request body written in 16 KiB pieces (each one smaller than a
/// loopback segment), so without quick ACKs a 100 KB ingest request stalls several times. The flag
/// is not sticky: it is set again after every read and every answer sent.
void acknowledgeAtOnce(QTcpSocket *socket)
{
#ifdef Q_OS_LINUX
    const int one = 1;
    ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#else
    Q_UNUSED(socket);
#endif
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    default: return status >= 500 ? "Internal Server Error" : "Error";
    }
}

/// Qt HttpServer's debug output prints whole requests, Authorization header included. Whatever
/// logging rules the process sets, those categories never print below warnings, so the token
/// cannot reach a log through them.
void silenceRequestDumps()
{
    static std::once_flag once;
    std::call_once(once, [] {
        static QLoggingCategory::CategoryFilter previous = nullptr;
        previous = QLoggingCategory::installFilter([](QLoggingCategory *category) {
            if (previous)
                previous(category);
            if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
                category->setEnabled(QtDebugMsg, false);
                category->setEnabled(QtInfoMsg, false);
            }
        });
    });
}

/// What is wrong with the request line of `head` (`METHOD /target HTTP/1.1`), or empty.
QString requestLineProblem(QByteArrayView head)
{
    while (head.startsWith("\r\n")) // RFC 9112 §2.2: empty lines before a request are ignored
        head = head.sliced(2);
    const qsizetype eol = head.indexOf('\n');
    const QByteArray line = head.first(eol < 0 ? head.size() : eol).toByteArray().trimmed();
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return QStringLiteral("A request line is METHOD, a path and HTTP/1.1, separated by single spaces.");
    for (const char c : parts[0]) {
        if (c < 'A' || c > 'Z')
            return QStringLiteral("The method is not a word of capital letters.");
    }
    if (!parts[1].startsWith('/') && parts[1] != "*" && !parts[1].startsWith("http://") && !parts[1].startsWith("https://"))
        return QStringLiteral("The request target must be a path starting with /.");
    for (const char c : parts[1]) {
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
            return QStringLiteral("The request target contains bytes that must be percent-encoded.");
    }
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are served.");
    return {};
}

/// What is wrong with a request head: its request line, or a header line that is not
/// `name: value` with a token name and no control characters (RFC 9110 §5). Empty when nothing.
QString requestHeadProblem(QByteArrayView head)
{
    if (QString problem = requestLineProblem(head); !problem.isEmpty())
        return problem;
    QList<QByteArray> lines = head.toByteArray().split('\n');
    while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
        lines.removeFirst();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return QStringLiteral("Header line %1 is not NAME: VALUE.").arg(i);
        for (const char c : QByteArrayView(line).first(colon)) {
            if (!(std::isalnum(static_cast<unsigned char>(c)) || QByteArrayView("!#$%&'*+-.^_`|~").contains(c)))
                return QStringLiteral("Header line %1 has a name with characters a name cannot have.").arg(i);
        }
        for (const char c : QByteArrayView(line).sliced(colon + 1)) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && u != '\t') || u == 0x7f)
                return QStringLiteral("The header %1 holds control characters.").arg(QString::fromLatin1(line.left(colon)));
        }
    }
    return {};
}

/// The segments without a leading `v1`, as dispatch() routes them.
QStringList demoReceiverSegments(QStringList segments)
{
    if (!segments.isEmpty() && segments.first() == QLatin1StringView("v1"))
        segments.removeFirst();
    return segments;
}

} // namespace

SandboxServer::SandboxServer(const SandboxOptions &options, std::unique_ptr<SandboxStore> store,
                             std::unique_ptr<WebhookStore> webhookStore)
    : m_options(options)
    , m_store(std::move(store))
    , m_clock([] { return Timestamp::now(); })
    , m_context{*m_store, m_options, [this] { return m_clock(); }}
    , m_webhookStore(std::move(webhookStore))
    , m_deliverer(std::make_unique<WebhookDeliverer>(*m_store, *m_webhookStore, m_options, [this] { return m_clock(); }))
    , m_annotations(std::make_unique<AnnotationRoutes>(m_context))
{
    // Changes stored from now on are delivered (the demo data seeded before this notifies nobody).
    m_store->addEventsStoredListener([this](EventChange change, const QList<Event> &events, int version, Timestamp at,
                                            const std::optional<QString> &backfillId) {
        m_deliverer->onEventsStored(change, events, version, at, backfillId);
    });
    addEventRoutes(m_router, m_context);
    addFaultRoutes();
    m_faults.setRates(m_options.faults);
    addCustomerRoutes(m_router, m_context);
    addWebhookRoutes(m_router, m_context, *m_deliverer);
    // Backfills: routes, `backfill.closed`/`backfill.reverted` webhooks, and closes that fall due
    // while no request comes (every request settles them first too; see route()).
    addBackfillRoutes(m_router, m_context);
    m_store->addBackfillChangedListener([this](const Backfill &b) { notifyBackfillChange(*m_deliverer, b, m_clock()); });
    auto *settle = new QTimer(this);
    settle->setInterval(std::chrono::minutes(1));
    connect(settle, &QTimer::timeout, this, [this] { m_store->settleBackfills(m_clock()); });
    settle->start();
    m_annotations->addInspectionRoutes(m_router);
    auto *purge = new QTimer(this);
    purge->setInterval(std::chrono::hours(1));
    connect(purge, &QTimer::timeout, this, [this] { m_store->purgeIdempotencyRecords(m_clock() - IdempotencyKeyLifetime); });
    purge->start();
}

SandboxServer::~SandboxServer() = default;

Expected<std::unique_ptr<SandboxServer>, QString> SandboxServer::create(const SandboxOptions &options)
{
    if (const QString problem = options.problem(); !problem.isEmpty())
        return Unexpected{problem};
    silenceRequestDumps();
    auto store = SandboxStore::open(options.databasePath);
    if (!store)
        return Unexpected{store.error()};
    (*store)->purgeIdempotencyRecords(Timestamp::now() - IdempotencyKeyLifetime);
    if (options.seedDemo && (*store)->customerCount() == 0) {
        if (auto seeded = seedDemoData(**store, DemoDataSpec{options.demoEvents}, Timestamp::now()); !seeded)
            return Unexpected{QStringLiteral("cannot create the demo data: %1").arg(seeded.error())};
    }
    auto webhookStore = WebhookStore::open((*store)->database());
    if (!webhookStore)
        return Unexpected{webhookStore.error()};
    return std::unique_ptr<SandboxServer>(new SandboxServer(options, std::move(store).value(), std::move(webhookStore).value()));
}

Expected<quint16, QString> SandboxServer::start()
{
    auto *tcp = new LowDelayTcpServer([this](QTcpSocket *socket) { watchSocket(socket); }, this);
    if (!tcp->listen(m_options.host, m_options.port)) {
        const QString error = tcp->errorString();
        delete tcp;
        return Unexpected{QStringLiteral("cannot listen on %1:%2: %3").arg(m_options.host.toString()).arg(m_options.port).arg(error)};
    }
    bind(tcp);
    m_port = tcp->serverPort();
    if (m_options.seedDemo) {
        // The demo webhooks deliver to this sandbox's own demo receiver, wherever it listens now.
        if (auto seeded = seedDemoWebhooks(*m_store, *m_deliverer, baseUrl(), m_clock(), DemoDataSpec{m_options.demoEvents}); !seeded)
            qWarning().noquote() << "cannot create the demo webhooks:" << seeded.error();
    }
    m_deliverer->start();
    return m_port;
}

QUrl SandboxServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.host.toString());
    url.setPort(m_port);
    return url;
}

void SandboxServer::setClock(std::function<Timestamp()> clock)
{
    m_clock = std::move(clock);
}

void SandboxServer::watchSocket(QTcpSocket *socket)
{
    // Connected before Qt HttpServer connects its own reader, so an oversized request is
    // refused from its headers, before its body is buffered.
    socket->setReadBufferSize(m_options.maxBodyBytes + MaxHeaderBytes);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { checkRequestSize(socket); });
    // Sending an answer puts Linux back into delayed ACKs on this connection (it expects to
    // piggyback the ACK on the next answer). The next request then stalls if it arrives while this
    // thread is busy with another connection's: its last segment waits for an ACK that waits for
    // this thread to read. Quick ACKs again as soon as the answer has left.
    connect(socket, &QTcpSocket::bytesWritten, this, [socket] { acknowledgeAtOnce(socket); });
    // Send each answer as soon as it is made. QTcpSocket only buffers it, and the event loop runs
    // every socket's pending reads (the next requests, milliseconds each) before any pending write:
    // with four requests in flight an answer waited for the three others to be handled. Qt
    // HttpServer connects its own reader when it takes the connection, right after this returns, so
    // this slot, connected a turn later, runs after it has answered.
    QMetaObject::invokeMethod(this, [socket = QPointer<QTcpSocket>(socket)] {
        if (socket)
            connect(socket, &QTcpSocket::readyRead, socket, [s = socket.data()] { s->flush(); });
    }, Qt::QueuedConnection);
}

void SandboxServer::checkRequestSize(QTcpSocket *socket)
{
    acknowledgeAtOnce(socket);
    if (socket->property(RejectedProperty).toBool()) {
        socket->readAll(); // drain what the client still sends; nobody parses it
        return;
    }
    if (socket->property(JudgedProperty).toBool()) {
        // The head passed, but a body without a Content-Length (chunked) can only be measured as it
        // arrives. It must be refused here: Qt HttpServer keeps a request's bytes in the socket's
        // buffer until it is complete, and that buffer stops reading at maxBodyBytes + MaxHeaderBytes,
        // so a larger body would hang the connection. (Chunk framing counts towards the limit.)
        const qint64 bodyBytes = socket->property(BodyBytesProperty).toLongLong() + socket->bytesAvailable();
        socket->setProperty(BodyBytesProperty, bodyBytes);
        if (bodyBytes > m_options.maxBodyBytes) {
            refuse(socket, ApiError::make(413, OrbErrorType::RequestTooLarge, QStringLiteral("Request too large"),
                                          QStringLiteral("The request body exceeds the limit of %1 bytes.").arg(m_options.maxBodyBytes)));
        }
        return;
    }
    // Qt HttpServer reads all that is available right after this slot, so a head that arrives in
    // pieces is collected here, piece by piece, until it is complete or too large.
    const QByteArray previous = socket->property(HeadProperty).toByteArray();
    const QByteArray head = previous + socket->peek(MaxHeaderBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0 && head.size() < MaxHeaderBytes) {
        socket->setProperty(HeadProperty, head); // the headers are still arriving
        return;
    }
    socket->setProperty(HeadProperty, QVariant());
    std::optional<ApiError> refusal;
    if (end < 0 || end > MaxHeaderBytes) {
        // Answered as 413: Orb's error types pair each type with one status, and clients pick
        // their exception class by both.
        refusal = ApiError::make(413, OrbErrorType::RequestTooLarge, QStringLiteral("Request headers too large"),
                                 QStringLiteral("The request headers exceed %1 KiB.").arg(MaxHeaderBytes / 1024));
    } else if (const QString problem = requestHeadProblem(head.left(end)); !problem.isEmpty()) {
        // Qt HttpServer would serve any version and close on other nonsense without a word.
        refusal = ApiError::make(400, OrbErrorType::RequestValidation, QStringLiteral("Malformed request"), problem,
                                 QJsonArray{QStringLiteral("request head: %1").arg(problem)});
    } else {
        for (const QByteArray &line : head.left(end).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (!trimmed.toLower().startsWith("content-length:"))
                continue;
            bool ok = false;
            const qint64 length = trimmed.mid(15).trimmed().toLongLong(&ok);
            if (ok && length > m_options.maxBodyBytes) {
                refusal = ApiError::make(413, OrbErrorType::RequestTooLarge, QStringLiteral("Request too large"),
                                         QStringLiteral("The request body of %1 bytes exceeds the limit of %2 bytes.")
                                             .arg(length)
                                             .arg(m_options.maxBodyBytes));
            }
        }
    }
    if (refusal) {
        refuse(socket, *refusal);
        return;
    }
    socket->setProperty(JudgedProperty, true);
    // Whatever arrived after the head is the start of the body.
    socket->setProperty(BodyBytesProperty, previous.size() + socket->bytesAvailable() - (end + 4));
}

void SandboxServer::refuse(QTcpSocket *socket, const ApiError &refusal)
{
    socket->setProperty(RejectedProperty, true);
    const QByteArray body = refusal.toJson();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + reasonPhrase(refusal.status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    socket->write(response);
    socket->readAll();
    // Close once the answer is out; a client still uploading gets time to read it first.
    QTimer::singleShot(std::chrono::seconds(2), socket, [socket] { socket->disconnectFromHost(); });
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    socket->setProperty(JudgedProperty, false); // the next bytes start a new request
    socket->setProperty(BodyBytesProperty, QVariant());
    HttpRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    for (const QString &segment : url.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts))
        r.segments << QUrl::fromPercentEncoding(segment.toUtf8());
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    if (demo_receiver::behaviour(r.method, demoReceiverSegments(r.segments)) == demo_receiver::Slow) {
        // The demo receiver that never answers: the delivery times out and closes the connection.
        QTimer::singleShot(std::max<std::chrono::milliseconds>(m_options.webhookTimeout * 2, std::chrono::minutes(1)), socket,
                           [socket] { socket->disconnectFromHost(); });
        return true;
    }
    HttpResponse response = r.body.size() > m_options.maxBodyBytes
        ? HttpResponse::error(ApiError::make(413, OrbErrorType::RequestTooLarge, QStringLiteral("Request too large"),
                                             QStringLiteral("The request body exceeds the limit of %1 bytes.").arg(m_options.maxBodyBytes)))
        : dispatch(r);

    if (response.delivery != HttpResponse::Delivery::Normal || response.delay.count() > 0) {
        deliverLater(socket, response);
        return true;
    }
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[name, value] : std::as_const(response.headers))
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
    return true;
}

void SandboxServer::deliverLater(QTcpSocket *socket, const HttpResponse &response)
{
    // Injected faults: the answer (or the dropped connection) after the injected latency, the
    // body of a slow answer in pieces. Written to the socket directly, as refuse() does.
    if (response.delivery == HttpResponse::Delivery::Drop) {
        QTimer::singleShot(response.delay, socket, [socket] { socket->abort(); });
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : std::as_const(response.headers))
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    if (response.delivery == HttpResponse::Delivery::Normal) {
        QTimer::singleShot(response.delay, socket, [socket, bytes = QByteArray(head + response.body)] { socket->write(bytes); });
        return;
    }
    constexpr int Pieces = 10;
    const qsizetype piece = std::max<qsizetype>(1, (response.body.size() + Pieces - 1) / Pieces);
    QTimer::singleShot(response.delay, socket, [socket, head] { socket->write(head); });
    for (int i = 0; i * piece < response.body.size(); ++i) {
        QTimer::singleShot(response.delay + response.slowBodyDuration * (i + 1) / Pieces, socket,
                           [socket, bytes = response.body.mid(i * piece, piece)] { socket->write(bytes); });
    }
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    handleRequest(request, socket);
}

void SandboxServer::addFaultRoutes()
{
    // Sandbox extension: scripted failures for client tests (FaultInjector).
    m_router.add("POST", u"x-sandbox/faults", [this](const HttpRequest &r, const Router::Params &) {
        auto body = readObjectBody(r);
        if (!body)
            return body.error();
        if (auto ok = m_faults.script(*body); !ok)
            return HttpResponse::validation(ok.error(), {ok.error()});
        return HttpResponse::json(200, m_faults.stateJson());
    });
    m_router.add("GET", u"x-sandbox/faults", [this](const HttpRequest &, const Router::Params &) {
        return HttpResponse::json(200, m_faults.stateJson());
    });
    m_router.add("DELETE", u"x-sandbox/faults", [this](const HttpRequest &, const Router::Params &) {
        m_faults.clear();
        return HttpResponse::json(200, m_faults.stateJson());
    });
    // Random faults at rates (--faults): read, replace (`{"spec": "503=0.1,drop=0.05,seed=7"}`), clear.
    m_router.add("GET", u"x-sandbox/faults/rates", [this](const HttpRequest &, const Router::Params &) {
        return HttpResponse::json(200, m_faults.ratesJson());
    });
    m_router.add("PUT", u"x-sandbox/faults/rates", [this](const HttpRequest &r, const Router::Params &) {
        auto body = readObjectBody(r);
        if (!body)
            return body.error();
        if (QStringList unknown = unknownFields(*body, {QLatin1StringView("spec")}); !unknown.isEmpty())
            return HttpResponse::validation(unknown.first(), unknown);
        const QJsonValue spec = body->value(QLatin1StringView("spec"));
        auto rates = spec.isString() ? parseFaultRates(spec.toString())
                                     : Expected<FaultRates, QString>(Unexpected{QStringLiteral("is required and must be a string")});
        if (!rates) {
            const QString problem = QStringLiteral("spec: %1").arg(rates.error());
            return HttpResponse::validation(problem, {problem});
        }
        m_faults.setRates(*rates);
        return HttpResponse::json(200, m_faults.ratesJson());
    });
    m_router.add("DELETE", u"x-sandbox/faults/rates", [this](const HttpRequest &, const Router::Params &) {
        m_faults.setRates({});
        return HttpResponse::json(200, m_faults.ratesJson());
    });
}

HttpResponse SandboxServer::dispatch(const HttpRequest &request)
{
    // Routes are served at /v1/... and at the root; everything below sees the path without /v1.
    HttpRequest routed = request;
    if (!routed.segments.isEmpty() && routed.segments.first() == QLatin1StringView("v1"))
        routed.segments.removeFirst();
    if (const auto demo = demo_receiver::behaviour(routed.method, routed.segments))
        return demo_receiver::answer(*demo); // webhook deliveries carry no token
    const QByteArray keyHeader = request.header("idempotency-key");
    // The Dynatrace-style annotation sink authenticates with its own Api-Token, every other route
    // with the bearer token.
    const bool annotationSink = AnnotationRoutes::isIngestPath(routed.segments);
    std::optional<HttpResponse> refusal;
    if (annotationSink) {
        refusal = m_annotations->checkAuthorization(request);
    } else if (!isAuthorized(request.header("authorization"))) {
        refusal = HttpResponse::error(ApiError::make(
            401, OrbErrorType::Authentication, QStringLiteral("Authentication error"),
            request.header("authorization").isEmpty()
                ? QStringLiteral("No API key was given; send it as Authorization: Bearer <key>.")
                : QStringLiteral("The API key is not valid.")));
    }
    if (!refusal) {
        if (const QString problem = unpairedSurrogateProblem(request.body); !problem.isEmpty())
            refusal = HttpResponse::validation(QStringLiteral("The request body is not valid JSON text."), {problem});
    }
    HttpResponse response;
    if (refusal) {
        response = std::move(*refusal);
    } else if (auto fault = m_faults.answer(routed)) {
        response = std::move(*fault); // a scripted failure: nothing happened, nothing is remembered
    } else {
        using Action = FaultInjector::Roll::Action;
        FaultInjector::Roll roll = m_faults.roll(routed); // random faults at the --faults rates
        if (roll.action == Action::Status) {
            response = std::move(*roll.answer);
        } else if (roll.action == Action::Drop) {
            response.delivery = HttpResponse::Delivery::Drop; // before anything happened
        } else {
            if (annotationSink)
                response = m_annotations->ingest(routed);
            else if (!keyHeader.isEmpty() && (request.method == "POST" || request.method == "PATCH"))
                response = withIdempotencyKey(routed, QString::fromUtf8(keyHeader));
            else
                response = route(routed);
            if (roll.action == Action::DropAfter) {
                response.delivery = HttpResponse::Delivery::Drop; // done, but the answer is lost
            } else if (roll.action == Action::SlowBody) {
                response.delivery = HttpResponse::Delivery::SlowBody;
                response.slowBodyDuration = roll.slowBodyDuration;
            }
        }
        response.delay = roll.latency;
    }
    if (!keyHeader.isEmpty())
        response.headers.append({QByteArray("Idempotency-Key"), keyHeader});
    return response;
}

bool SandboxServer::isAuthorized(QByteArrayView authorization) const
{
    // `Bearer <token>`; the scheme is case-insensitive (RFC 9110), the token is not.
    const auto given = authorizationCredentials(authorization, "bearer");
    return given && secretMatches(*given, m_options.token.toUtf8());
}

HttpResponse SandboxServer::withIdempotencyKey(const HttpRequest &request, const QString &key)
{
    if (key.size() > 64) {
        return HttpResponse::validation(QStringLiteral("The Idempotency-Key header is longer than 64 characters."),
                                        {QStringLiteral("Idempotency-Key: must be at most 64 characters")});
    }
    // What makes two requests "the same": method, route, query and body. The fingerprint only has
    // to tell a client's own requests apart, not resist an attacker, so SHA-1 will do: it is
    // portable (the fingerprint is stored) and 4.6× faster than SHA-256 here (155 vs 716 µs per
    // 120 KB ingest body).
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(request.method);
    hash.addData(QByteArrayView(" "));
    hash.addData(request.segments.join(u'/').toUtf8());
    hash.addData(QByteArrayView("?"));
    hash.addData(request.query.toString(QUrl::FullyEncoded).toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(request.body);
    const QByteArray fingerprint = hash.result().toHex();
    const Timestamp now = m_clock();
    if (auto record = m_store->idempotencyRecord(key); record && record->createdAt >= now - IdempotencyKeyLifetime) {
        if (record->fingerprint != fingerprint) {
            return HttpResponse::error(ApiError::make(
                409, OrbErrorType::ResourceConflict, QStringLiteral("Resource conflict"),
                QStringLiteral("The Idempotency-Key %1 was already used with a different request.").arg(key)));
        }
        HttpResponse replay = HttpResponse::json(record->status, record->body);
        replay.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
        return replay;
    }
    HttpResponse response = route(request);
    // Server failures and conflicts did nothing: the client may retry them under the same key.
    if (response.status < 500 && response.status != 409)
        m_store->saveIdempotencyRecord(key, IdempotencyRecord{fingerprint, response.status, response.body, now});
    return response;
}

HttpResponse SandboxServer::route(const HttpRequest &request)
{
    m_store->settleBackfills(m_clock()); // backfills whose close_time passed are closed before anything else
    const Router::Lookup lookup = m_router.find(request.method, request.segments);
    if (lookup.match != Router::Match::Found) {
        const QString path = u'/' + request.segments.join(u'/');
        return HttpResponse::error(ApiError::make(
            404, OrbErrorType::UrlNotFound, QStringLiteral("URL not found"),
            lookup.match == Router::Match::WrongMethod
                ? QStringLiteral("%1 is not supported on %2.").arg(QString::fromLatin1(request.method), path)
                : QStringLiteral("No route matches %1 %2.").arg(QString::fromLatin1(request.method), path)));
    }
    return (*lookup.handler)(request, lookup.params);
}

} // namespace ul::sandbox
