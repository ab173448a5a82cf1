#include "FaultProxy.h"

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

namespace ul::test {

namespace {

/// The length of the first complete HTTP message in `buffer` (headers and body, by
/// Content-Length or chunked framing), or -1 while it is incomplete.
qsizetype messageLength(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return -1;
    const qsizetype bodyStart = headerEnd + 4;
    const QByteArray headers = buffer.first(headerEnd).toLower();
    if (headers.contains("\r\ntransfer-encoding: chunked")) {
        const qsizetype end = buffer.indexOf("\r\n0\r\n\r\n", bodyStart - 2);
        return end < 0 ? -1 : end + 7;
    }
    qsizetype length = 0;
    if (const qsizetype at = headers.indexOf("\r\ncontent-length:"); at >= 0) {
        const qsizetype from = at + 17;
        const qsizetype lineEnd = headers.indexOf("\r\n", from);
        length = headers.mid(from, lineEnd < 0 ? -1 : lineEnd - from).trimmed().toLongLong();
    }
    return buffer.size() >= bodyStart + length ? bodyStart + length : -1;
}

QByteArray errorResponse(int status, const char *reason, const char *typeSuffix, const QByteArray &extraHeaders)
{
    const QByteArray body = "{\"type\":\"https://docs.withorb.com/reference/error-responses#" + QByteArray(typeSuffix)
        + "\",\"status\":" + QByteArray::number(status) + ",\"title\":\"Injected fault\",\"detail\":\"The soak "
        "test's proxy answered this request with " + QByteArray::number(status) + ".\"}";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\ncontent-type: application/json\r\n"
        + extraHeaders + "content-length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

struct FaultProxy::Connection {
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray request;  ///< Bytes from the client not forwarded yet.
    QByteArray response; ///< Bytes of the upstream answer being collected.
    bool awaiting = false;
    Fate fate = Fate::Pass;
    bool closed = false;
};

FaultProxy::FaultProxy(quint16 upstreamPort, Rates rates, quint32 seed, QObject *parent)
    : QObject(parent), m_upstreamPort(upstreamPort), m_rates(rates), m_random(seed)
{
    m_server.listen(QHostAddress::LocalHost);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *client = m_server.nextPendingConnection())
            accept(client);
    });
}

namespace {

/// The app's client leaves Nagle on (Qt 6.4), so its requests' last segments wait for our ACK,
/// which Linux delays by ~40 ms: acknowledge what was read at once, as the sandbox does.
void acknowledgeAtOnce(QTcpSocket &socket)
{
#ifdef Q_OS_LINUX
    const int one = 1;
    ::setsockopt(int(socket.socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#else
    Q_UNUSED(socket);
#endif
}

} // namespace

void FaultProxy::accept(QTcpSocket *client)
{
    auto *c = new Connection;
    c->client = client;
    c->upstream = new QTcpSocket(client);
    c->upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    // Small writes on loopback: without this, Nagle and delayed ACKs add ~40 ms per answer.
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    c->upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(client, &QTcpSocket::readyRead, client, [this, c] {
        acknowledgeAtOnce(*c->client);
        c->request += c->client->readAll();
        next(c);
    });
    connect(c->upstream, &QTcpSocket::readyRead, client, [this, c] { upstreamData(c); });
    connect(c->upstream, &QTcpSocket::disconnected, client, [this, c] { close(c); });
    connect(client, &QTcpSocket::disconnected, this, [this, c] { close(c); });
    connect(client, &QObject::destroyed, this, [c] { delete c; });
}

FaultProxy::Fate FaultProxy::decide()
{
    if (!m_enabled)
        return Fate::Pass;
    double r = m_random.generateDouble();
    if ((r -= m_rates.serverError) < 0)
        return r < -m_rates.serverError / 2 ? Fate::ServerErrorBefore : Fate::ServerErrorAfter;
    if ((r -= m_rates.tooManyRequests) < 0)
        return Fate::TooManyRequests;
    if ((r -= m_rates.dropped) < 0)
        return r < -m_rates.dropped / 2 ? Fate::DroppedBefore : Fate::DroppedAfter;
    return Fate::Pass;
}

void FaultProxy::next(Connection *c)
{
    while (!c->closed && !c->awaiting) {
        const qsizetype length = messageLength(c->request);
        if (length < 0)
            return;
        const QByteArray request = c->request.first(length);
        c->request.remove(0, length);
        ++m_counts.requests;
        c->fate = decide();
        switch (c->fate) {
        case Fate::ServerErrorBefore:
            ++m_counts.serverErrorBefore;
            c->client->write(errorResponse(503, "Service Unavailable", "500-internal-server-error", {}));
            continue;
        case Fate::TooManyRequests:
            ++m_counts.tooManyRequests;
            c->client->write(errorResponse(429, "Too Many Requests", "429-too-many-requests", "retry-after-ms: 20\r\n"));
            continue;
        case Fate::DroppedBefore:
            ++m_counts.droppedBefore;
            close(c);
            return;
        case Fate::Pass:
        case Fate::ServerErrorAfter:
        case Fate::DroppedAfter:
            c->awaiting = true;
            c->upstream->write(request);
            return;
        }
    }
}

void FaultProxy::upstreamData(Connection *c)
{
    c->response += c->upstream->readAll();
    if (!c->awaiting)
        return;
    const qsizetype length = messageLength(c->response);
    if (length < 0)
        return;
    const QByteArray answer = c->response.first(length);
    c->response.remove(0, length);
    c->awaiting = false;
    switch (c->fate) {
    case Fate::ServerErrorAfter:
        ++m_counts.serverErrorAfter;
        c->client->write(errorResponse(502, "Bad Gateway", "500-internal-server-error", {}));
        break;
    case Fate::DroppedAfter:
        ++m_counts.droppedAfter;
        close(c);
        return;
    default:
        ++m_counts.passed;
        c->client->write(answer);
        break;
    }
    next(c);
}

void FaultProxy::close(Connection *c)
{
    if (c->closed)
        return;
    c->closed = true;
    c->upstream->abort();
    c->client->abort();
    c->client->deleteLater(); // takes the upstream socket and, when destroyed, the Connection
}

} // namespace ul::test
