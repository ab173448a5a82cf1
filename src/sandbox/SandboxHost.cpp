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
    if (m_server || m_thread.isRunning()) {
        Q_EMIT failed(QStringLiteral("the sandbox is already running"));
        return;
    }
    m_thread.start();
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    // Created, seeded and bound on the sandbox thread; the outcome comes back queued.
    QMetaObject::invokeMethod(anchor, [this, anchor, options] {
        anchor->deleteLater();
        auto server = SandboxServer::create(options);
        QString error;
        if (server) {
            if (auto port = (*server)->start(); !port)
                error = port.error();
        } else {
            error = server.error();
        }
        if (!error.isEmpty()) {
            QMetaObject::invokeMethod(this, [this, error] {
                m_thread.quit();
                m_thread.wait();
                Q_EMIT failed(error);
            }, Qt::QueuedConnection);
            return;
        }
        SandboxServer *raw = server->release();
        const QUrl url = raw->baseUrl();
        QMetaObject::invokeMethod(this, [this, raw, url] {
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
    if (SandboxServer *server = m_server) {
        m_server = nullptr;
        // The server is destroyed on its own thread, where its sockets live.
        QMetaObject::invokeMethod(server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
    m_baseUrl.clear();
}

} // namespace ul::sandbox
