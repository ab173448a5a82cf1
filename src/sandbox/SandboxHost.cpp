#include "SandboxHost.h"

#include "SandboxServer.h"

#include <QtCore/QEventLoop>

namespace ul::sandbox {

SandboxHost::SandboxHost(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("usagelens-sandbox"));
}

SandboxHost::~SandboxHost()
{
    stop();
}

void SandboxHost::start(const SandboxOptions &options)
{
    if (m_thread.isRunning()) {
        Q_EMIT failed(QStringLiteral("the sandbox is already running"));
        return;
    }
    const quint64 generation = ++m_generation;
    m_thread.start();
    // Lives on the sandbox thread for as long as it runs: the server is created, seeded, bound
    // and destroyed there, and stop() can reach it through this object even mid-start.
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_threadContext, [this, generation, options] {
        auto server = SandboxServer::create(options);
        QString error;
        if (server) {
            if (auto port = (*server)->start(); !port)
                error = port.error();
        } else {
            error = server.error();
        }
        if (!error.isEmpty()) {
            QMetaObject::invokeMethod(this, [this, generation, error] {
                if (generation != m_generation)
                    return; // stopped (or restarted) meanwhile
                stop();
                Q_EMIT failed(error);
            }, Qt::QueuedConnection);
            return;
        }
        m_serverOnThread = server->release();
        const QUrl url = m_serverOnThread->baseUrl();
        SandboxServer *raw = m_serverOnThread;
        QMetaObject::invokeMethod(this, [this, generation, raw, url] {
            if (generation != m_generation)
                return; // stop() already destroyed it on its thread
            m_server = raw;
            m_baseUrl = url;
            Q_EMIT started(url);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

Expected<QUrl, QString> SandboxHost::startAndWait(const SandboxOptions &options)
{
    QEventLoop loop;
    QString error;
    const auto onStarted = connect(this, &SandboxHost::started, &loop, &QEventLoop::quit);
    const auto onFailed = connect(this, &SandboxHost::failed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    start(options);
    if (!m_server && error.isEmpty())
        loop.exec();
    disconnect(onStarted);
    disconnect(onFailed);
    if (!m_server)
        return Unexpected{error.isEmpty() ? QStringLiteral("the sandbox did not start") : error};
    return m_baseUrl;
}

void SandboxHost::stop()
{
    if (!m_thread.isRunning())
        return;
    ++m_generation; // answers of a start still on their way are dropped
    m_server = nullptr;
    m_baseUrl.clear();
    // Queued behind a start in progress, so whatever it created is destroyed on its own thread.
    QObject *context = m_threadContext;
    m_threadContext = nullptr;
    QMetaObject::invokeMethod(context, [this, context] {
        delete m_serverOnThread;
        m_serverOnThread = nullptr;
        delete context;
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace ul::sandbox
