#pragma once
// HTTP/1.1 over a plain QTcpSocket, for tests that need what a client library hides: bytes that
// are not valid HTTP, a connection the server closes without answering, when each byte arrived.
// Blocking; the sandbox must run on another thread (SandboxFixture does).

#include <QtCore/QByteArray>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QTcpSocket>

#include <sys/socket.h>

#include <chrono>

namespace ul::test {

struct RawAnswer {
    bool connected = false;
    bool answered = false;   ///< A complete response (head and Content-Length bytes) arrived.
    bool closed = false;     ///< The server closed (or reset) the connection.
    bool timedOut = false;   ///< Neither happened in time.
    int status = 0;
    QByteArray head;         ///< Status line and headers.
    QByteArray body;
    qint64 firstByteMs = -1; ///< Since the request was sent.
    qint64 doneMs = -1;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && QByteArrayView(line).first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QByteArray describe() const
    {
        if (answered)
            return "HTTP " + QByteArray::number(status) + ": " + body.left(300);
        return closed ? QByteArray("closed without an answer") : QByteArray("no answer in time");
    }
};

/// Sends `bytes` on a new connection and reads one response (or the close). With `halfClose`
/// the client then shuts its side down for writing: "that is all there is", as a client that
/// died mid-request would leave it.
inline RawAnswer rawExchange(quint16 port, const QByteArray &bytes, std::chrono::milliseconds timeout = std::chrono::seconds(10),
                             bool halfClose = false)
{
    RawAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(int(timeout.count())))
        return answer;
    answer.connected = true;
    QElapsedTimer clock;
    clock.start();
    socket.write(bytes);
    socket.flush();
    if (halfClose) {
        while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(int(timeout.count()))) {
        }
        ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
    }
    QByteArray received;
    qint64 expected = -1; // total bytes of head + body, once the head is in
    while (clock.elapsed() < timeout.count()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(std::max<qint64>(1, timeout.count() - clock.elapsed())))) {
            if (socket.state() != QAbstractSocket::ConnectedState || socket.error() == QAbstractSocket::RemoteHostClosedError) {
                answer.closed = true;
                break;
            }
            continue;
        }
        const QByteArray chunk = socket.readAll();
        if (!chunk.isEmpty() && answer.firstByteMs < 0)
            answer.firstByteMs = clock.elapsed();
        received += chunk;
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (expected < 0 && end >= 0) {
            answer.head = received.left(end);
            answer.status = answer.head.mid(9, 3).toInt();
            bool ok = false;
            const qint64 length = answer.header("content-length").toLongLong(&ok);
            expected = end + 4 + (ok ? length : 0);
        }
        if (expected >= 0 && received.size() >= expected) {
            answer.answered = true;
            answer.body = received.mid(answer.head.size() + 4, expected - answer.head.size() - 4);
            break;
        }
    }
    answer.timedOut = !answer.answered && !answer.closed;
    answer.doneMs = clock.elapsed();
    return answer;
}

/// A GET or a request with a JSON body, with the bearer token, `Connection: close`.
inline QByteArray rawRequest(const QByteArray &method, const QByteArray &path, const QByteArray &token,
                             const QByteArray &body = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nConnection: close\r\n";
    if (!body.isEmpty() || method != "GET")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

} // namespace ul::test
