#include "settings/TokenStore.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>

#include <qt6keychain/keychain.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace ul {

namespace {

constexpr QLatin1StringView TokensField("tokens");

QFileDevice::Permissions ownerOnly()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

} // namespace

QString SecretRef::key() const
{
    return QStringLiteral("profile/") + profileId
        + (kind == Kind::ApiToken ? QStringLiteral("/api-token") : QStringLiteral("/annotation-sink-token"));
}

TokenStore::TokenStore(Backend backend, QObject *parent) : QObject(parent), m_backend(backend)
{
    qRegisterMetaType<ul::SecretRef>();
    if (m_backend == Backend::None)
        m_keychainProblem = tr("no keychain is used on this system");
}

TokenStore::~TokenStore() = default;

void TokenStore::setFileFallback(bool enabled, const QString &path)
{
    m_fileEnabled = enabled;
    m_filePath = path;
}

QString TokenStore::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("tokens.json"));
}

QString TokenStore::fileFallbackWarning()
{
    return tr("Without a keychain, UsageLens can keep API tokens in a file that only your user account may read. "
              "The tokens are not encrypted: anyone who can act as you on this computer, or read its disk or "
              "backups, can read them. Use it only on a computer you trust, and prefer installing a keychain.");
}

template <class T>
void TokenStore::deliver(const QObject *context, Callback<T> done, Expected<T, TokenError> result)
{
    // Always through the event loop, so callers see one order of events whatever the path.
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    QMetaObject::invokeMethod(this, [guard, hasContext, done = std::move(done), result = std::move(result)]() mutable {
        if (hasContext && !guard)
            return;
        if (done)
            done(std::move(result));
    }, Qt::QueuedConnection);
}

void TokenStore::noteKeychainProblem(const QString &problem)
{
    if (problem == m_keychainProblem)
        return;
    m_keychainProblem = problem;
    Q_EMIT keychainStatusChanged();
}

void TokenStore::runKeychainJob(JobKind kind, const QString &key, const QString &data,
                                std::function<void(KeychainOutcome)> done)
{
    QKeychain::Job *job = nullptr;
    switch (kind) {
    case JobKind::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case JobKind::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(data);
        job = write;
        break;
    }
    case JobKind::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never QtKeychain's plain-text QSettings fallback
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, kind, done = std::move(done)](QKeychain::Job *finished) {
        KeychainOutcome outcome;
        switch (finished->error()) {
        case QKeychain::NoError:
            outcome.ok = true;
            if (kind == JobKind::Read)
                outcome.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            noteKeychainProblem({});
            break;
        case QKeychain::EntryNotFound:
            outcome.notFound = true;
            noteKeychainProblem({});
            break;
        case QKeychain::AccessDeniedByUser:
            outcome.message = tr("access to the keychain was declined");
            break;
        case QKeychain::CouldNotDeleteEntry:
            outcome.message = finished->errorString();
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
        case QKeychain::AccessDenied:
        case QKeychain::OtherError:
            outcome.unreachable = true;
            outcome.message = finished->errorString().isEmpty() ? tr("no keychain service answered")
                                                                : finished->errorString();
            noteKeychainProblem(outcome.message);
            break;
        }
        done(std::move(outcome));
    });
    job->start();
}

void TokenStore::read(const SecretRef &ref, const QObject *context, Callback<std::optional<QString>> done)
{
    const QString key = ref.key();
    if (const auto it = m_memory.constFind(key); it != m_memory.constEnd()) {
        deliver<std::optional<QString>>(context, std::move(done), std::optional<QString>(*it));
        return;
    }
    auto fromFileOr = [this, key](const QString &problem) -> Expected<std::optional<QString>, TokenError> {
        if (m_fileEnabled)
            return readFile(key);
        if (problem.isEmpty())
            return std::optional<QString>();
        return Unexpected{TokenError{TokenError::Kind::KeychainUnavailable,
                                     tr("No keychain is reachable (%1). A token you enter is kept for this run only, "
                                        "unless you choose to store tokens in a file in Settings.").arg(problem)}};
    };
    if (m_backend == Backend::None) {
        deliver<std::optional<QString>>(context, std::move(done), fromFileOr(m_keychainProblem));
        return;
    }
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    runKeychainJob(JobKind::Read, key, {}, [this, guard, hasContext, done = std::move(done), fromFileOr](KeychainOutcome outcome) {
        if (hasContext && !guard)
            return;
        if (outcome.ok) {
            done(std::optional<QString>(outcome.data));
            return;
        }
        if (outcome.notFound) {
            done(fromFileOr({}));
            return;
        }
        if (outcome.unreachable) {
            done(fromFileOr(outcome.message));
            return;
        }
        done(Unexpected{TokenError{TokenError::Kind::KeychainFailed,
                                   tr("The keychain refused to give the token: %1.").arg(outcome.message)}});
    });
}

void TokenStore::write(const SecretRef &ref, const QString &token, const QObject *context, Callback<TokenWriteResult> done)
{
    if (token.isEmpty()) {
        remove(ref, context, [done = std::move(done)](Expected<Done, TokenError> removed) {
            if (removed)
                done(TokenWriteResult{});
            else
                done(Unexpected{std::move(removed).error()});
        });
        return;
    }
    const QString key = ref.key();
    auto fallBack = [this, key, ref, token](const QString &problem) -> TokenWriteResult {
        if (m_fileEnabled) {
            const auto written = writeFile(key, token);
            if (written) {
                m_memory.remove(key);
                Q_EMIT tokenChanged(ref);
                return {TokenLocation::File,
                        tr("No keychain is reachable (%1). As you chose, the token was stored in %2, a file only your "
                           "user account can read; it is not encrypted.").arg(problem, QDir::toNativeSeparators(m_filePath))};
            }
            m_memory.insert(key, token);
            Q_EMIT tokenChanged(ref);
            return {TokenLocation::Memory,
                    tr("No keychain is reachable (%1), and the token file could not be written (%2). "
                       "The token is kept for this run only.").arg(problem, written.error().message)};
        }
        m_memory.insert(key, token);
        Q_EMIT tokenChanged(ref);
        return {TokenLocation::Memory,
                tr("No keychain is reachable (%1). The token is kept for this run only: you will have to enter it "
                   "again after restarting UsageLens, unless you choose to store tokens in a file.").arg(problem)};
    };
    if (m_backend == Backend::None) {
        deliver<TokenWriteResult>(context, std::move(done), fallBack(m_keychainProblem));
        return;
    }
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    runKeychainJob(JobKind::Write, key, token, [this, guard, hasContext, key, ref, done = std::move(done), fallBack](KeychainOutcome outcome) {
        TokenWriteResult result;
        if (outcome.ok) {
            // The keychain holds it now: no other copy may linger.
            m_memory.remove(key);
            if (QFileInfo::exists(m_filePath))
                (void)writeFile(key, std::nullopt);
            Q_EMIT tokenChanged(ref);
        } else {
            result = fallBack(outcome.message);
        }
        if (hasContext && !guard)
            return;
        done(std::move(result));
    });
}

void TokenStore::remove(const SecretRef &ref, const QObject *context, Callback<Done> done)
{
    const QString key = ref.key();
    m_memory.remove(key);
    std::optional<TokenError> fileError;
    if (!m_filePath.isEmpty() && QFileInfo::exists(m_filePath)) {
        if (auto removed = writeFile(key, std::nullopt); !removed)
            fileError = removed.error();
    }
    if (m_backend == Backend::None) {
        Q_EMIT tokenChanged(ref);
        deliver<Done>(context, std::move(done), fileError ? Expected<Done, TokenError>(Unexpected{*fileError}) : Done{});
        return;
    }
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    runKeychainJob(JobKind::Remove, key, {}, [this, guard, hasContext, ref, fileError, done = std::move(done)](KeychainOutcome outcome) {
        Q_EMIT tokenChanged(ref);
        if (hasContext && !guard)
            return;
        if (!outcome.ok && !outcome.notFound && !outcome.unreachable) {
            done(Unexpected{TokenError{TokenError::Kind::KeychainFailed,
                                       tr("The keychain could not delete the token: %1.").arg(outcome.message)}});
            return;
        }
        if (fileError) {
            done(Unexpected{*fileError});
            return;
        }
        done(Done{});
    });
}

void TokenStore::copy(const SecretRef &from, const SecretRef &to, const QObject *context, Callback<Done> done)
{
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    read(from, this, [this, to, guard, hasContext, done = std::move(done)](Expected<std::optional<QString>, TokenError> token) {
        if (hasContext && !guard)
            return;
        if (!token) {
            done(Unexpected{std::move(token).error()});
            return;
        }
        if (!token->has_value()) {
            done(Done{});
            return;
        }
        write(to, **token, this, [guard, hasContext, done](Expected<TokenWriteResult, TokenError> written) {
            if (hasContext && !guard)
                return;
            if (written)
                done(Done{});
            else
                done(Unexpected{std::move(written).error()});
        });
    });
}

Expected<Done, TokenError> TokenStore::checkFilePermissions(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return Unexpected{TokenError{TokenError::Kind::FileFailed, tr("%1 is not a file.").arg(QDir::toNativeSeparators(path))}};
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (info.permissions() & others) {
        return Unexpected{TokenError{TokenError::Kind::FileInsecure,
            tr("The token file %1 can be read or changed by other users, so UsageLens does not use it. "
               "Make it readable only by you (chmod 600) or delete it.").arg(QDir::toNativeSeparators(path))}};
    }
    if (info.ownerId() != ::getuid()) {
        return Unexpected{TokenError{TokenError::Kind::FileInsecure,
            tr("The token file %1 belongs to another user, so UsageLens does not use it.").arg(QDir::toNativeSeparators(path))}};
    }
#endif
    return Done{};
}

Expected<std::optional<QString>, TokenError> TokenStore::readFile(const QString &key) const
{
    if (m_filePath.isEmpty() || !QFileInfo::exists(m_filePath))
        return std::optional<QString>();
    if (auto safe = checkFilePermissions(m_filePath); !safe)
        return Unexpected{safe.error()};
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected{TokenError{TokenError::Kind::FileFailed,
                                     tr("The token file %1 could not be read: %2.").arg(QDir::toNativeSeparators(m_filePath), file.errorString())}};
    const QJsonObject tokens = QJsonDocument::fromJson(file.readAll()).object().value(TokensField).toObject();
    const QJsonValue value = tokens.value(key);
    return value.isString() ? std::optional<QString>(value.toString()) : std::nullopt;
}

Expected<Done, TokenError> TokenStore::writeFile(const QString &key, const std::optional<QString> &token) const
{
    auto failed = [this](const QString &why) {
        return Unexpected{TokenError{TokenError::Kind::FileFailed,
                                     tr("The token file %1 could not be written: %2.").arg(QDir::toNativeSeparators(m_filePath), why)}};
    };
    if (m_filePath.isEmpty())
        return failed(tr("no file was chosen"));
    QJsonObject tokens;
    if (QFileInfo::exists(m_filePath)) {
        if (auto safe = checkFilePermissions(m_filePath); !safe)
            return Unexpected{safe.error()};
        QFile existing(m_filePath);
        if (!existing.open(QIODevice::ReadOnly))
            return failed(existing.errorString());
        tokens = QJsonDocument::fromJson(existing.readAll()).object().value(TokensField).toObject();
    } else if (!token) {
        return Done{};
    }
    if (token)
        tokens.insert(key, *token);
    else
        tokens.remove(key);
    if (tokens.isEmpty()) {
        if (!QFile::remove(m_filePath))
            return failed(tr("it could not be deleted"));
        return Done{};
    }
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return failed(tr("its folder could not be created"));
    QFile::setPermissions(info.absolutePath(), QFileInfo(info.absolutePath()).permissions()
                                                   & ~(QFileDevice::WriteGroup | QFileDevice::WriteOther));
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // Owner-only before a single byte of a token is written.
    if (!file.setPermissions(ownerOnly()))
        return failed(tr("its permissions could not be restricted"));
    const QJsonObject root{{QStringLiteral("version"), 1}, {TokensField, tokens}};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return failed(file.errorString());
    if (!QFile::setPermissions(m_filePath, ownerOnly()))
        return failed(tr("its permissions could not be restricted"));
    return checkFilePermissions(m_filePath);
}

} // namespace ul
