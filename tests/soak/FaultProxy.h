#pragma once
// An HTTP/1.1 proxy in front of the sandbox that fails a share of the requests at random (from
// a fixed seed), the ways a real network and a real gateway fail:
//
// - 5xx: half answered by the proxy before the request reaches the server (503, as the
//   sandbox's FaultInjector answers), half after the server has done the work (502 in place of
//   its answer, like a gateway that timed out): the client must not apply it twice.
// - 429 with `retry-after-ms`, before the server sees the request.
// - Dropped connections: half before the request is forwarded, half after the server answered
//   (the answer never reaches the client).
//
// The sandbox's FaultInjector scripts counted faults, not rates, and cannot drop connections,
// so the rates live here; error bodies use Orb's envelope like the sandbox's own.
// One request at a time per connection (HTTP/1.1 without pipelining, as Qt's client sends).

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QRandomGenerator>
#include <QtNetwork/QTcpServer>

class QTcpSocket;

namespace ul::test {

class FaultProxy : public QObject {
public:
    struct Rates {
        double serverError = 0.20; ///< 5xx, half before and half after the server did the work
        double tooManyRequests = 0.05;
        double dropped = 0.05;     ///< half before forwarding, half after the server answered
    };
    struct Counts {
        qint64 requests = 0;
        qint64 passed = 0;
        qint64 serverErrorBefore = 0;
        qint64 serverErrorAfter = 0;
        qint64 tooManyRequests = 0;
        qint64 droppedBefore = 0;
        qint64 droppedAfter = 0;
        [[nodiscard]] qint64 faults() const
        {
            return serverErrorBefore + serverErrorAfter + tooManyRequests + droppedBefore + droppedAfter;
        }
    };

    FaultProxy(quint16 upstreamPort, Rates rates, quint32 seed, QObject *parent = nullptr);
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] const Counts &counts() const { return m_counts; }
    /// Stops failing requests (everything passes from now on).
    void setEnabled(bool enabled) { m_enabled = enabled; }

private:
    enum class Fate { Pass, ServerErrorBefore, ServerErrorAfter, TooManyRequests, DroppedBefore, DroppedAfter };
    struct Connection;

    void accept(QTcpSocket *client);
    void next(Connection *c);
    void upstreamData(Connection *c);
    Fate decide();
    void close(Connection *c);

    QTcpServer m_server;
    quint16 m_upstreamPort;
    Rates m_rates;
    QRandomGenerator m_random;
    Counts m_counts;
    bool m_enabled = true;
};

} // namespace ul::test
