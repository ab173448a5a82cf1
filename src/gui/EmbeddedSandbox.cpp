#include "EmbeddedSandbox.h"

#include <QtCore/QDir>
#include <QtCore/QRandomGenerator>

#include <array>

namespace ul::gui {

namespace {

/// 32 random bytes from the system's generator, base64url-encoded: a token nobody can guess, that
/// travels in an Authorization header without escaping.
QString newToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

EmbeddedSandbox::EmbeddedSandbox(QObject *parent) : QObject(parent)
{
    connect(&m_host, &sandbox::SandboxHost::started, this,
            [this](const QUrl &baseUrl) { Q_EMIT started(ServerConnection{baseUrl, m_token}); });
    connect(&m_host, &sandbox::SandboxHost::failed, this, &EmbeddedSandbox::failed);
}

EmbeddedSandbox::~EmbeddedSandbox()
{
    stop();
}

void EmbeddedSandbox::start(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir)) {
        failLater(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(dataDir)));
        return;
    }
    m_token = newToken();
    sandbox::SandboxOptions options;
    options.host = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.databasePath = databasePath(dataDir);
    options.token = m_token;
    options.seedDemo = true; // the server seeds only an empty database, so only the first start pays for it
    m_host.start(options);
}

void EmbeddedSandbox::stop()
{
    m_host.stop();
}

QString EmbeddedSandbox::databasePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite"));
}

void EmbeddedSandbox::failLater(const QString &message)
{
    // Like the host's own outcome, the failure arrives through the event loop, so callers can
    // connect before or after start() and see the same order of events.
    QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
}

} // namespace ul::gui
