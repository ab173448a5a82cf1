#pragma once
// A server that answers Orb's ingest and search routes at once, without doing any work: the
// answers are canned bytes. Against it, what a client benchmark measures is the client.

#include <QtCore/QByteArray>
#include <QtCore/QThread>
#include <QtCore/QUrl>

#include <atomic>

namespace ul::bench {

class InstantServer {
public:
    /// `searchBody` is the answer to POST …/events/search; every other request gets Orb's
    /// ingest answer, `{"validation_failed":[],"debug":null}`. With `quickAck` (Linux), the server
    /// acknowledges every read at once, as the sandbox does; without it, Linux's delayed ACK
    /// applies, as with most servers.
    explicit InstantServer(QByteArray searchBody, bool quickAck = true);
    ~InstantServer();

    /// Listens on 127.0.0.1, port 0, on a thread of its own. Returns the root URL, or an empty one.
    QUrl start();
    /// Requests answered so far, and the CPU seconds the server thread has used.
    [[nodiscard]] qint64 requests() const { return m_requests.load(); }
    [[nodiscard]] double cpuSeconds() const;

private:
    QByteArray m_searchBody;
    bool m_quickAck;
    QThread m_thread;
    std::atomic<qint64> m_requests{0};
    std::atomic<qint64> m_cpuNanos{0};
    friend class InstantConnection;
};

} // namespace ul::bench
