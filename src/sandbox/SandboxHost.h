#pragma once

#include "SandboxOptions.h"
#include "util/Expected.h"

#include <QtCore/QObject>
#include <QtCore/QThread>
#include <QtCore/QUrl>

namespace ul::sandbox {

class SandboxServer;

/// Runs a SandboxServer on a thread of its own, so whoever embeds it (the app's GUI thread,
/// a test) never blocks on its database. Stopping (or destroying the host) ends the thread,
/// also while a start is still in progress; a stopped host can be started again.
class SandboxHost : public QObject {
    Q_OBJECT
public:
    explicit SandboxHost(QObject *parent = nullptr);
    ~SandboxHost() override;

    /// Starts in the background; `started` or `failed` follows.
    void start(const SandboxOptions &options);
    /// Starts and waits until the server listens (or failed): for tests and command-line tools.
    Expected<QUrl, QString> startAndWait(const SandboxOptions &options);
    void stop();

    [[nodiscard]] bool isRunning() const { return m_server != nullptr; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    /// The server, for calls that must run on its thread (QMetaObject::invokeMethod).
    [[nodiscard]] SandboxServer *server() const { return m_server; }

Q_SIGNALS:
    void started(const QUrl &baseUrl);
    void failed(const QString &message);

private:
    QThread m_thread;
    QObject *m_threadContext = nullptr;     ///< Lives on m_thread while it runs.
    SandboxServer *m_serverOnThread = nullptr; ///< Touched only on m_thread.
    SandboxServer *m_server = nullptr;      ///< Published to this thread once started.
    QUrl m_baseUrl;
    quint64 m_generation = 0;
};

} // namespace ul::sandbox
