#pragma once
// A TCP proxy in front of the sandbox that loses answers: it forwards every request, and for
// every `dropEvery`-th response it closes the client's connection instead of passing the answer
// on. The server has then done the work but the client never hears of it, exactly like a crash
// or a dropped connection after the request was processed.

#include <QtCore/QByteArray>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <memory>

namespace ul::test {

class LossyProxy {
public:
    LossyProxy(quint16 upstreamPort, int dropEvery) : m_upstreamPort(upstreamPort), m_dropEvery(dropEvery)
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                pipe(client);
        });
    }

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] int responses() const { return m_responses; }
    [[nodiscard]] int dropped() const { return m_dropped; }
    /// Answers that carried `Idempotent-Replayed: true` (the server replayed a stored answer).
    [[nodiscard]] int replayed() const { return m_replayed; }

private:
    void pipe(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        auto awaiting = std::make_shared<bool>(false);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        QObject::connect(client, &QTcpSocket::readyRead, client, [client, upstream, awaiting] {
            *awaiting = true; // a request (or more of it): the next bytes back start its answer
            upstream->write(client->readAll());
        });
        QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, awaiting] {
            const QByteArray bytes = upstream->readAll();
            if (*awaiting) {
                *awaiting = false;
                ++m_responses;
                if (bytes.contains("Idempotent-Replayed: true") || bytes.contains("idempotent-replayed: true"))
                    ++m_replayed;
                if (m_dropEvery > 0 && m_responses % m_dropEvery == 0) {
                    ++m_dropped;
                    upstream->abort();
                    client->abort();
                    client->deleteLater();
                    return;
                }
            }
            client->write(bytes);
        });
        QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        QObject::connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    int m_dropEvery;
    int m_responses = 0;
    int m_dropped = 0;
    int m_replayed = 0;
};

} // namespace ul::test
