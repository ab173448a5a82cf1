#pragma once

#include "SandboxHost.h"
#include "ServerConnection.h"

#include <QtCore/QObject>

namespace ul::gui {

/// The server the app talks to unless told otherwise: the Orb-compatible sandbox, run in this
/// process on a thread of its own, on a free loopback port, with a fresh random token and its
/// database (`sandbox.sqlite`) in the data folder. The first start fills the database with demo data.
class EmbeddedSandbox : public QObject {
    Q_OBJECT
public:
    explicit EmbeddedSandbox(QObject *parent = nullptr);
    ~EmbeddedSandbox() override;

    /// Starts in the background and returns at once; `started` or `failed` follows, always later
    /// through the event loop.
    void start(const QString &dataDir);
    /// Stops the server and its thread; also done on destruction.
    void stop();

    /// The host running the server, for tests that need to reach into it.
    [[nodiscard]] sandbox::SandboxHost &host() { return m_host; }

    /// The database file the sandbox uses in `dataDir`.
    static QString databasePath(const QString &dataDir);

Q_SIGNALS:
    void started(const ul::gui::ServerConnection &connection);
    void failed(const QString &message);

private:
    void failLater(const QString &message);

    sandbox::SandboxHost m_host;
    QString m_token;
};

} // namespace ul::gui
