#include "TestReceiver.h"

#include <QtCore/QDebug>
#include <QtNetwork/QTcpSocket>

namespace ul::test {

namespace {
constexpr char BufferProperty[] = "_test_receiver_buffer";
}

QByteArray TestReceiver::Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

TestReceiver::TestReceiver(QObject *parent) : QTcpServer(parent) {}

TestReceiver::~TestReceiver()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_held)) {
        if (socket)
            socket->abort();
    }
}

bool TestReceiver::start()
{
    if (!listen(QHostAddress::LocalHost, 0)) {
        qWarning().noquote() << "the test receiver cannot listen:" << errorString();
        return false;
    }
    return true;
}

QString TestReceiver::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1/%2").arg(serverPort()).arg(path);
}

void TestReceiver::setMode(const QString &path, Mode mode)
{
    m_modes.insert(u'/' + path, mode);
}

QList<TestReceiver::Request> TestReceiver::received(const QString &path) const
{
    if (path.isEmpty())
        return m_received;
    QList<Request> matching;
    const QByteArray wanted = '/' + path.toUtf8();
    for (const Request &r : m_received) {
        if (r.path == wanted)
            matching.append(r);
    }
    return matching;
}

void TestReceiver::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void TestReceiver::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(BufferProperty).toByteArray() + socket->readAll();
    // Every complete request in the buffer, in order (a kept-alive connection carries several).
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            break; // the body is still arriving
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        m_received.append(request);

        switch (m_modes.value(QString::fromUtf8(request.path), Mode::Ok)) {
        case Mode::Ok:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"received\":1}\n");
            break;
        case Mode::NotFound:
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(m_notFoundBody.size()) + "\r\n\r\n" + m_notFoundBody);
            break;
        case Mode::Hang:
            m_held.append(socket); // never answered; the sender's timeout ends it
            break;
        case Mode::Close:
            socket->setProperty(BufferProperty, QVariant());
            socket->disconnectFromHost();
            return;
        }
    }
    socket->setProperty(BufferProperty, buffer);
}

} // namespace ul::test
