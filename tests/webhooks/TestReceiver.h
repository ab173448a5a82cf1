#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtNetwork/QTcpServer>

class QTcpSocket;

namespace ul::test {

/// A real webhook receiver for the tests: a QTcpServer on a free port of 127.0.0.1 that reads
/// HTTP/1.1 POSTs and, per path, answers 200, answers 404, never answers (hangs) or closes the
/// connection without answering. It lives on the test's thread, so the test must let its event
/// loop run (QTRY_*, the blocking HttpClient) while the sandbox delivers.
class TestReceiver : public QTcpServer {
    Q_OBJECT
public:
    enum class Mode { Ok, NotFound, Hang, Close };

    struct Request {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        [[nodiscard]] QByteArray header(QByteArrayView name) const;
    };

    explicit TestReceiver(QObject *parent = nullptr);
    ~TestReceiver() override;

    /// Listens on 127.0.0.1 and a free port; false (with a warning) if that fails.
    bool start();
    /// `http://127.0.0.1:PORT/<path>` (path without the leading slash).
    [[nodiscard]] QString url(const QString &path) const;

    /// How requests to `/<path>` are answered from now on (Ok unless set).
    void setMode(const QString &path, Mode mode);
    /// The body of 404 answers.
    void setNotFoundBody(const QByteArray &body) { m_notFoundBody = body; }

    /// Every complete request received for `/<path>` (all paths when empty), oldest first.
    [[nodiscard]] QList<Request> received(const QString &path = {}) const;
    [[nodiscard]] qsizetype count(const QString &path = {}) const { return received(path).size(); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onReadyRead(QTcpSocket *socket);

    QHash<QString, Mode> m_modes;
    QList<Request> m_received;
    QList<QPointer<QTcpSocket>> m_held; ///< Hanging connections, kept open until the test ends.
    QByteArray m_notFoundBody = QByteArrayLiteral("{\"error\":\"no such endpoint\"}");
};

} // namespace ul::test
