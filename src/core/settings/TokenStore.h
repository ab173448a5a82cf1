#pragma once

#include "util/Expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>

#include <functional>
#include <optional>

namespace ul {

/// Which secret of which profile.
struct SecretRef {
    enum class Kind { ApiToken, AnnotationSinkToken };
    QString profileId;
    Kind kind = Kind::ApiToken;

    /// The keychain key: `profile/<id>/api-token` or `profile/<id>/annotation-sink-token`.
    [[nodiscard]] QString key() const;
    friend bool operator==(const SecretRef &, const SecretRef &) = default;
};

/// Where a token ended up.
enum class TokenLocation {
    Keychain, ///< The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager).
    Memory,   ///< No keychain reachable: kept for this run only.
    File,     ///< No keychain reachable and the analyst opted in: a file only they can read.
};

/// Why a token could not be read, stored or removed. `message` is for people and never
/// contains the token.
struct TokenError {
    enum class Kind {
        KeychainUnavailable, ///< No keychain reachable (no backend, no session bus, locked, …).
        KeychainFailed,      ///< The keychain answered but refused the operation.
        FileInsecure,        ///< The token file can be read by others; it is not used.
        FileFailed,          ///< The token file could not be read or written.
    };
    Kind kind = Kind::KeychainUnavailable;
    QString message;
};

/// The outcome of storing a token: where it went, and what the analyst must be told when that
/// is not the keychain (empty otherwise).
struct TokenWriteResult {
    TokenLocation location = TokenLocation::Keychain;
    QString notice;
};

/// API tokens, in the OS keychain through QtKeychain (service "UsageLens", one entry per
/// profile id and kind of secret). Asynchronous: every answer comes through the event loop,
/// never before the call returns.
///
/// When no keychain is reachable the store says so (TokenError / TokenWriteResult::notice) and
/// keeps tokens in memory for this run only, unless the analyst opted into the token file
/// (setFileFallback): a JSON file in the app's data folder, mode 0600, refused when anyone else
/// may read it. Tokens never appear in messages, logs or settings.
class TokenStore : public QObject {
    Q_OBJECT
public:
    enum class Backend {
        SystemKeychain, ///< QtKeychain; falls back as described when it is unreachable.
        None,           ///< No keychain at all (chosen explicitly, e.g. on a platform without one).
    };
    Q_ENUM(Backend)

    template <class T>
    using Callback = std::function<void(Expected<T, TokenError>)>;

    static constexpr QLatin1StringView DefaultService{"UsageLens"};

    explicit TokenStore(Backend backend = Backend::SystemKeychain, QObject *parent = nullptr);
    ~TokenStore() override;

    /// The keychain service name (tests use their own so they never touch the analyst's entries).
    void setService(const QString &service) { m_service = service; }
    [[nodiscard]] QString service() const { return m_service; }
    [[nodiscard]] Backend backend() const { return m_backend; }

    /// Opts into (or out of) the token file at `path` for when no keychain is reachable.
    /// Opting out does not delete the file; removeFileFallback() does.
    void setFileFallback(bool enabled, const QString &path);
    [[nodiscard]] bool fileFallbackEnabled() const { return m_fileEnabled; }
    [[nodiscard]] QString fileFallbackPath() const { return m_filePath; }
    /// `<AppDataLocation>/tokens.json`.
    static QString defaultFilePath();
    /// The warning to show before the analyst opts into the file.
    static QString fileFallbackWarning();

    /// The last thing learned about the keychain: empty while it works (or before it was asked),
    /// else why it is unreachable.
    [[nodiscard]] QString keychainProblem() const { return m_keychainProblem; }

    /// The token, or nullopt when none is stored. An error when the keychain is unreachable and
    /// no copy for this run (or in the opted-in file) exists.
    void read(const SecretRef &ref, const QObject *context, Callback<std::optional<QString>> done);
    /// Stores `token` (an empty token removes it). Falls back as described above.
    void write(const SecretRef &ref, const QString &token, const QObject *context, Callback<TokenWriteResult> done);
    /// Removes the token from the keychain, memory and file.
    void remove(const SecretRef &ref, const QObject *context, Callback<Done> done);
    /// Copies the token of `from` to `to` (nothing when `from` has none).
    void copy(const SecretRef &from, const SecretRef &to, const QObject *context, Callback<Done> done);

    /// Checks that `path` is a regular file only its owner may read or write.
    static Expected<Done, TokenError> checkFilePermissions(const QString &path);

Q_SIGNALS:
    /// A token was stored or removed; readers of `ref` should read it again.
    void tokenChanged(const ul::SecretRef &ref);
    /// keychainProblem() changed.
    void keychainStatusChanged();

private:
    enum class JobKind { Read, Write, Remove };
    struct KeychainOutcome {
        bool ok = false;
        bool notFound = false;
        bool unreachable = false;
        QString data;
        QString message;
    };
    void runKeychainJob(JobKind kind, const QString &key, const QString &data,
                        std::function<void(KeychainOutcome)> done);
    void noteKeychainProblem(const QString &problem);
    Expected<std::optional<QString>, TokenError> readFile(const QString &key) const;
    Expected<Done, TokenError> writeFile(const QString &key, const std::optional<QString> &token) const;
    template <class T>
    void deliver(const QObject *context, Callback<T> done, Expected<T, TokenError> result);

    Backend m_backend;
    QString m_service{DefaultService};
    QHash<QString, QString> m_memory; ///< Tokens kept for this run only, by key.
    bool m_fileEnabled = false;
    QString m_filePath;
    QString m_keychainProblem;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::SecretRef)
