#include "InstantServer.h"

#include <QtCore/QSemaphore>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <ctime>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace ul::bench {

namespace {

qint64 threadCpuNanos()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QByteArray response(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

/// The length of the first complete request in `buffer` (head and body), or 0 while it is incomplete.
/// Sets `search` when it is a search.
qsizetype completeRequest(const QByteArray &buffer, bool &search)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return 0;
    const QByteArrayView head(buffer.constData(), headEnd);
    const qsizetype lineEnd = head.indexOf("\r\n");
    search = QByteArrayView(head.first(lineEnd < 0 ? head.size() : lineEnd)).contains("/events/search");
    qsizetype length = 0;
    bool chunked = false;
    for (const QByteArray &line : QByteArray(head.toByteArray()).split('\n')) {
        const QByteArray lower = line.trimmed().toLower();
        if (lower.startsWith("content-length:"))
            length = lower.mid(15).trimmed().toLongLong();
        else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked"))
            chunked = true;
    }
    if (chunked) { // JSON bodies hold no raw CRLF, so the last chunk is found by its text
        const qsizetype end = buffer.indexOf("\r\n0\r\n\r\n", headEnd + 4);
        return end < 0 ? 0 : end + 7;
    }
    const qsizetype total = headEnd + 4 + length;
    return buffer.size() >= total ? total : 0;
}

} // namespace

/// One client connection: reads requests, answers each at once.
class InstantConnection : public QObject {
public:
    InstantConnection(QTcpSocket *socket, InstantServer *server, const QByteArray *ingest, const QByteArray *search)
        : QObject(socket), m_socket(socket), m_server(server), m_ingest(ingest), m_search(search)
    {
        connect(socket, &QTcpSocket::readyRead, this, &InstantConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onReadyRead()
    {
        const qint64 cpuBefore = threadCpuNanos();
#ifdef Q_OS_LINUX
        // As the sandbox does: acknowledge at once, or a Nagle-enabled client (Qt 6.4's
        // QNetworkAccessManager) waits for Linux's delayed ACK before its last segment.
        if (m_server->m_quickAck) {
            const int one = 1;
            ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        }
#endif
        m_buffer += m_socket->readAll();
        bool search = false;
        while (const qsizetype length = completeRequest(m_buffer, search)) {
            m_buffer.remove(0, length);
            m_socket->write(search ? *m_search : *m_ingest);
            m_server->m_requests.fetch_add(1);
        }
        m_server->m_cpuNanos.fetch_add(threadCpuNanos() - cpuBefore);
    }

    QTcpSocket *m_socket;
    InstantServer *m_server;
    const QByteArray *m_ingest;
    const QByteArray *m_search;
    QByteArray m_buffer;
};

InstantServer::InstantServer(QByteArray searchBody, bool quickAck) : m_searchBody(response(searchBody)), m_quickAck(quickAck) {}

InstantServer::~InstantServer()
{
    m_thread.quit();
    m_thread.wait();
}

QUrl InstantServer::start()
{
    static const QByteArray ingest = response(QByteArrayLiteral("{\"validation_failed\":[],\"debug\":null}"));
    QUrl url;
    QSemaphore ready;
    auto *tcp = new QTcpServer;
    tcp->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, tcp, &QObject::deleteLater);
    QObject::connect(tcp, &QTcpServer::newConnection, tcp, [this, tcp] {
        while (QTcpSocket *socket = tcp->nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            new InstantConnection(socket, this, &ingest, &m_searchBody);
        }
    });
    m_thread.start();
    QMetaObject::invokeMethod(tcp, [tcp, &url, &ready] {
        if (tcp->listen(QHostAddress::LocalHost, 0))
            url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(tcp->serverPort()));
        ready.release();
    });
    ready.acquire();
    return url;
}

double InstantServer::cpuSeconds() const
{
    return double(m_cpuNanos.load()) / 1e9;
}

} // namespace ul::bench
