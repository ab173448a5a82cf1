#pragma once

#include "util/Expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QSettings>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

#include <chrono>
#include <memory>
#include <span>

namespace ul {

struct ConnectionProfile;

/// The application's settings: one typed facade over QSettings, with every key, its default, its
/// scope and its range in ONE table (Settings.cpp, `directives()`), a schema version and the
/// migrations that bring older files up to it (KeePassXC's Config: enum + table + migrate).
///
/// Two stores: *roaming* (preferences and connection profiles, which may follow the analyst to
/// another machine) and *local* (window geometry, table layouts and machine-specific choices).
/// Either may be the same file. Secrets never go here: profiles are stored without their tokens,
/// which live in the OS keychain (TokenStore); the migration scrubs token keys of older files.
class Settings : public QObject {
    Q_OBJECT
public:
    /// Every key the app stores. Add one: a value here and a row in the table, nothing else.
    enum class Key {
        SchemaVersion,
        CurrentProfile,      ///< The id of the connection profile in use.
        TimeDisplay,         ///< "utc" or "local".
        Theme,               ///< "platform", "light" or "dark".
        Language,            ///< "system", "en" or "ru".
        EventsPageSize,      ///< Rows per page in the Events view.
        CustomersPageSize,   ///< Customers per page when listing them.
        AttemptsPageSize,    ///< Webhook delivery attempts per page (the API allows 1–100).
        OutboxBatchSize,     ///< Events per ingest call the outbox sends (Orb allows up to 500).
        OutboxFlushInterval, ///< Milliseconds the outbox waits to fill a batch.
        TokenFileOptIn,      ///< The analyst chose to keep tokens in a file when no keychain is reachable.
        Profiles,            ///< The connection profiles (a QSettings array, without tokens).
    };
    Q_ENUM(Key)

    enum class Scope { Roaming, Local };
    enum class TimeDisplay { Utc, Local };
    Q_ENUM(TimeDisplay)
    enum class Theme { FollowPlatform, Light, Dark };
    Q_ENUM(Theme)
    enum class Language { System, English, Russian };
    Q_ENUM(Language)

    /// One row of the table.
    struct Directive {
        Key key;
        QLatin1StringView name; ///< The QSettings key.
        Scope scope;
        QVariant defaultValue;
        int minimum = 0; ///< For integer keys: the accepted range (both 0: no range).
        int maximum = 0;
    };

    /// The schema this build writes. Files without a version are version 0.
    static constexpr int CurrentSchemaVersion = 1;

    /// Uses `roaming` for roaming keys and `local` for local ones (`local` may be null: then
    /// everything goes to `roaming`). Older files are migrated at once.
    Settings(std::unique_ptr<QSettings> roaming, std::unique_ptr<QSettings> local, QObject *parent = nullptr);
    ~Settings() override;

    /// The platform's settings of the application (organization and application name must be set):
    /// QSettings() for roaming keys and `<AppLocalDataLocation>/local.ini` for local ones.
    static std::unique_ptr<Settings> openDefault(QObject *parent = nullptr);
    /// INI files, for tests and portable installs. `localPath` empty: one file for both scopes.
    static std::unique_ptr<Settings> openFiles(const QString &roamingPath, const QString &localPath = {},
                                               QObject *parent = nullptr);

    [[nodiscard]] static std::span<const Directive> directives();
    [[nodiscard]] static const Directive &directive(Key key);

    /// The stored value, or the key's default; integers are clamped to their range.
    [[nodiscard]] QVariant value(Key key) const;
    /// Stores `value`; an integer outside the key's range is refused with a message.
    /// Emits changed(key) when the stored value actually changes.
    Expected<Done, QString> setValue(Key key, const QVariant &value);
    /// Back to the default (the key is removed from the file).
    void reset(Key key);

    // Typed accessors.
    [[nodiscard]] TimeDisplay timeDisplay() const;
    void setTimeDisplay(TimeDisplay display);
    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);
    [[nodiscard]] Language language() const;
    void setLanguage(Language language);
    /// The locale name to load translations for ("en", "ru"), or empty for the system's.
    [[nodiscard]] QString languageCode() const;
    [[nodiscard]] int eventsPageSize() const { return value(Key::EventsPageSize).toInt(); }
    [[nodiscard]] int customersPageSize() const { return value(Key::CustomersPageSize).toInt(); }
    [[nodiscard]] int attemptsPageSize() const { return value(Key::AttemptsPageSize).toInt(); }
    [[nodiscard]] int outboxBatchSize() const { return value(Key::OutboxBatchSize).toInt(); }
    [[nodiscard]] std::chrono::milliseconds outboxFlushInterval() const;
    [[nodiscard]] bool tokenFileOptIn() const { return value(Key::TokenFileOptIn).toBool(); }
    [[nodiscard]] QString currentProfileId() const { return value(Key::CurrentProfile).toString(); }
    void setCurrentProfileId(const QString &id);

    /// The connection profiles, in the order the analyst sees them. Never contains a token.
    [[nodiscard]] QList<ConnectionProfile> profiles() const;
    void setProfiles(const QList<ConnectionProfile> &given);

    // Window geometry and table layouts (local scope), keyed by an object name:
    // `<window>/geometry`, `<window>/state`, `Tables/<table>/header`.
    [[nodiscard]] QByteArray windowGeometry(QStringView window) const;
    void setWindowGeometry(QStringView window, const QByteArray &geometry);
    [[nodiscard]] QByteArray windowState(QStringView window) const;
    void setWindowState(QStringView window, const QByteArray &state);
    [[nodiscard]] QByteArray tableLayout(QStringView table) const;
    void setTableLayout(QStringView table, const QByteArray &headerState);

    /// The version the file had when it was opened (0: none; more than CurrentSchemaVersion: a newer
    /// UsageLens wrote it, and it was left as it is).
    [[nodiscard]] int loadedSchemaVersion() const { return m_loadedVersion; }
    /// What the migration did, one line per step, for the log (never values, so never a secret).
    [[nodiscard]] const QStringList &migrationLog() const { return m_migrationLog; }

    /// Writes pending changes to disk.
    void sync();
    /// The files behind the settings (one or two), for tests and diagnostics.
    [[nodiscard]] QStringList fileNames() const;

Q_SIGNALS:
    void changed(ul::Settings::Key key);

private:
    [[nodiscard]] QSettings &store(Scope scope) const;
    void migrate();
    void migrateV0ToV1();
    void setRaw(QSettings &store, const QString &name, const QVariant &value, Key key);

    std::unique_ptr<QSettings> m_roaming;
    std::unique_ptr<QSettings> m_local;
    int m_loadedVersion = 0;
    QStringList m_migrationLog;
};

} // namespace ul
