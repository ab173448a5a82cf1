#include "settings/Settings.h"

#include "settings/ConnectionProfile.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QStandardPaths>

#include <algorithm>
#include <array>

namespace ul {

namespace {

using Key = Settings::Key;
using Scope = Settings::Scope;

// THE table: every key, its name in the file, its scope, default and range.
const std::array<Settings::Directive, 12> &table()
{
    static const std::array<Settings::Directive, 12> rows{{
        {Key::SchemaVersion, QLatin1StringView("General/schemaVersion"), Scope::Roaming, 0},
        {Key::CurrentProfile, QLatin1StringView("Connection/currentProfile"), Scope::Roaming, QString()},
        {Key::TimeDisplay, QLatin1StringView("Display/timeZone"), Scope::Roaming, QStringLiteral("utc")},
        {Key::Theme, QLatin1StringView("Display/theme"), Scope::Roaming, QStringLiteral("platform")},
        {Key::Language, QLatin1StringView("Display/language"), Scope::Roaming, QStringLiteral("system")},
        {Key::EventsPageSize, QLatin1StringView("Paging/events"), Scope::Roaming, 500, 10, 5000},
        {Key::CustomersPageSize, QLatin1StringView("Paging/customers"), Scope::Roaming, 100, 1, 500},
        {Key::AttemptsPageSize, QLatin1StringView("Paging/webhookAttempts"), Scope::Roaming, 100, 1, 100},
        {Key::OutboxBatchSize, QLatin1StringView("Outbox/batchSize"), Scope::Roaming, 100, 1, 500},
        {Key::OutboxFlushInterval, QLatin1StringView("Outbox/flushIntervalMs"), Scope::Roaming, 2000, 100, 600'000},
        {Key::TokenFileOptIn, QLatin1StringView("Secrets/tokenFileOptIn"), Scope::Local, false},
        {Key::Profiles, QLatin1StringView("Profiles"), Scope::Roaming, QVariant()},
    }};
    return rows;
}

// The v0 names (before the facade) that v1 renames or drops.
namespace v0 {
constexpr QLatin1StringView DisplayUtc("display/utc");                           // bool → Display/timeZone
constexpr QLatin1StringView FlushSeconds("outbox/flushIntervalSeconds");        // s → Outbox/flushIntervalMs
constexpr QLatin1StringView BatchSize("outbox/batchSize");                      // → Outbox/batchSize
constexpr QLatin1StringView PageSize("events/pageSize");                        // → Paging/events
constexpr std::array<QLatin1StringView, 2> WindowKeys{QLatin1StringView("MainWindow/geometry"),
                                                      QLatin1StringView("MainWindow/state")};
constexpr std::array<QLatin1StringView, 3> SecretKeys{QLatin1StringView("Connection/token"),
                                                      QLatin1StringView("connection/token"),
                                                      QLatin1StringView("apiToken")};
} // namespace v0

QString toName(Settings::TimeDisplay d) { return d == Settings::TimeDisplay::Local ? QStringLiteral("local") : QStringLiteral("utc"); }

constexpr QLatin1StringView ProfileKeys[] = {
    QLatin1StringView("id"), QLatin1StringView("name"), QLatin1StringView("kind"), QLatin1StringView("baseUrl"),
    QLatin1StringView("requestTimeoutMs"), QLatin1StringView("retryLimit"), QLatin1StringView("annotationSinkUrl"),
    QLatin1StringView("colour"), QLatin1StringView("production"), QLatin1StringView("annotationEventType"),
    QLatin1StringView("annotationEntitySelector"), QLatin1StringView("annotationTimeoutMinutes")};

} // namespace

Settings::Settings(std::unique_ptr<QSettings> roaming, std::unique_ptr<QSettings> local, QObject *parent)
    : QObject(parent), m_roaming(std::move(roaming)), m_local(std::move(local))
{
    Q_ASSERT(m_roaming);
    migrate();
}

Settings::~Settings()
{
    sync();
}

std::unique_ptr<Settings> Settings::openDefault(QObject *parent)
{
    const QString localDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(localDir);
    return std::make_unique<Settings>(std::make_unique<QSettings>(),
                                      std::make_unique<QSettings>(QDir(localDir).filePath(QStringLiteral("local.ini")),
                                                                  QSettings::IniFormat),
                                      parent);
}

std::unique_ptr<Settings> Settings::openFiles(const QString &roamingPath, const QString &localPath, QObject *parent)
{
    auto roaming = std::make_unique<QSettings>(roamingPath, QSettings::IniFormat);
    std::unique_ptr<QSettings> local;
    if (!localPath.isEmpty())
        local = std::make_unique<QSettings>(localPath, QSettings::IniFormat);
    return std::make_unique<Settings>(std::move(roaming), std::move(local), parent);
}

std::span<const Settings::Directive> Settings::directives()
{
    return table();
}

const Settings::Directive &Settings::directive(Key key)
{
    for (const Directive &d : table()) {
        if (d.key == key)
            return d;
    }
    Q_UNREACHABLE();
}

QSettings &Settings::store(Scope scope) const
{
    return scope == Scope::Local && m_local ? *m_local : *m_roaming;
}

QVariant Settings::value(Key key) const
{
    const Directive &d = directive(key);
    const QVariant stored = store(d.scope).value(d.name, d.defaultValue);
    if (d.minimum != 0 || d.maximum != 0) {
        bool ok = false;
        const int n = stored.toInt(&ok);
        return ok ? std::clamp(n, d.minimum, d.maximum) : d.defaultValue.toInt();
    }
    if (d.defaultValue.typeId() == QMetaType::Bool)
        return stored.toBool();
    return stored;
}

Expected<Done, QString> Settings::setValue(Key key, const QVariant &value)
{
    const Directive &d = directive(key);
    if (d.minimum != 0 || d.maximum != 0) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < d.minimum || n > d.maximum)
            return Unexpected{tr("%1 must be a whole number from %2 to %3.").arg(d.name).arg(d.minimum).arg(d.maximum)};
    }
    setRaw(store(d.scope), d.name, value, key);
    return Done{};
}

void Settings::setRaw(QSettings &s, const QString &name, const QVariant &value, Key key)
{
    if (s.contains(name) && s.value(name) == value)
        return;
    s.setValue(name, value);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    const Directive &d = directive(key);
    QSettings &s = store(d.scope);
    if (!s.contains(d.name))
        return;
    s.remove(d.name);
    Q_EMIT changed(key);
}

Settings::TimeDisplay Settings::timeDisplay() const
{
    return value(Key::TimeDisplay).toString() == u"local" ? TimeDisplay::Local : TimeDisplay::Utc;
}

void Settings::setTimeDisplay(TimeDisplay display)
{
    setValue(Key::TimeDisplay, toName(display));
}

Settings::Theme Settings::theme() const
{
    const QString name = value(Key::Theme).toString();
    if (name == u"light")
        return Theme::Light;
    if (name == u"dark")
        return Theme::Dark;
    return Theme::FollowPlatform;
}

void Settings::setTheme(Theme theme)
{
    switch (theme) {
    case Theme::FollowPlatform: setValue(Key::Theme, QStringLiteral("platform")); break;
    case Theme::Light: setValue(Key::Theme, QStringLiteral("light")); break;
    case Theme::Dark: setValue(Key::Theme, QStringLiteral("dark")); break;
    }
}

Settings::Language Settings::language() const
{
    const QString name = value(Key::Language).toString();
    if (name == u"en")
        return Language::English;
    if (name == u"ru")
        return Language::Russian;
    return Language::System;
}

void Settings::setLanguage(Language language)
{
    switch (language) {
    case Language::System: setValue(Key::Language, QStringLiteral("system")); break;
    case Language::English: setValue(Key::Language, QStringLiteral("en")); break;
    case Language::Russian: setValue(Key::Language, QStringLiteral("ru")); break;
    }
}

QString Settings::languageCode() const
{
    switch (language()) {
    case Language::English: return QStringLiteral("en");
    case Language::Russian: return QStringLiteral("ru");
    case Language::System: break;
    }
    return {};
}

std::chrono::milliseconds Settings::outboxFlushInterval() const
{
    return std::chrono::milliseconds(value(Key::OutboxFlushInterval).toInt());
}

void Settings::setCurrentProfileId(const QString &id)
{
    setValue(Key::CurrentProfile, id);
}

QList<ConnectionProfile> Settings::profiles() const
{
    QSettings &s = store(directive(Key::Profiles).scope);
    QList<ConnectionProfile> result;
    const int count = s.beginReadArray(QStringLiteral("Profiles"));
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        ConnectionProfile p;
        p.id = s.value(ProfileKeys[0]).toString();
        if (p.id.isEmpty())
            continue;
        p.name = s.value(ProfileKeys[1]).toString();
        p.kind = s.value(ProfileKeys[2]).toString() == u"sandbox" ? ConnectionProfile::Kind::LocalSandbox
                                                                  : ConnectionProfile::Kind::OrbServer;
        p.baseUrl = QUrl(s.value(ProfileKeys[3]).toString(), QUrl::StrictMode);
        p.requestTimeout = std::chrono::milliseconds(s.value(ProfileKeys[4], 60'000).toLongLong());
        p.retryLimit = s.value(ProfileKeys[5], 2).toInt();
        p.annotationSinkUrl = QUrl(s.value(ProfileKeys[6]).toString(), QUrl::StrictMode);
        p.colour = s.value(ProfileKeys[7], p.colour).toString();
        p.production = s.value(ProfileKeys[8], false).toBool();
        p.annotationEventType = s.value(ProfileKeys[9], p.annotationEventType).toString();
        p.annotationEntitySelector = s.value(ProfileKeys[10]).toString();
        p.annotationTimeoutMinutes = s.value(ProfileKeys[11], 0).toInt();
        result.append(p);
    }
    s.endArray();
    return result;
}

void Settings::setProfiles(const QList<ConnectionProfile> &given)
{
    // Never credentials: validation refuses them, and they are stripped here as well.
    QList<ConnectionProfile> profiles = given;
    for (ConnectionProfile &p : profiles) {
        p.baseUrl.setUserInfo({});
        p.annotationSinkUrl.setUserInfo({});
    }
    if (profiles == this->profiles())
        return;
    QSettings &s = store(directive(Key::Profiles).scope);
    s.remove(QStringLiteral("Profiles"));
    s.beginWriteArray(QStringLiteral("Profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        s.setArrayIndex(i);
        s.setValue(ProfileKeys[0], p.id);
        s.setValue(ProfileKeys[1], p.name);
        s.setValue(ProfileKeys[2], p.kind == ConnectionProfile::Kind::LocalSandbox ? QStringLiteral("sandbox")
                                                                                   : QStringLiteral("orb"));
        s.setValue(ProfileKeys[3], p.baseUrl.toString(QUrl::RemoveUserInfo));
        s.setValue(ProfileKeys[4], qint64(p.requestTimeout.count()));
        s.setValue(ProfileKeys[5], p.retryLimit);
        s.setValue(ProfileKeys[6], p.annotationSinkUrl.toString(QUrl::RemoveUserInfo));
        s.setValue(ProfileKeys[7], p.colour);
        s.setValue(ProfileKeys[8], p.production);
        s.setValue(ProfileKeys[9], p.annotationEventType);
        s.setValue(ProfileKeys[10], p.annotationEntitySelector);
        s.setValue(ProfileKeys[11], p.annotationTimeoutMinutes);
    }
    s.endArray();
    Q_EMIT changed(Key::Profiles);
}

QByteArray Settings::windowGeometry(QStringView window) const
{
    return store(Scope::Local).value(window.toString() + QStringLiteral("/geometry")).toByteArray();
}

void Settings::setWindowGeometry(QStringView window, const QByteArray &geometry)
{
    store(Scope::Local).setValue(window.toString() + QStringLiteral("/geometry"), geometry);
}

QByteArray Settings::windowState(QStringView window) const
{
    return store(Scope::Local).value(window.toString() + QStringLiteral("/state")).toByteArray();
}

void Settings::setWindowState(QStringView window, const QByteArray &state)
{
    store(Scope::Local).setValue(window.toString() + QStringLiteral("/state"), state);
}

QByteArray Settings::tableLayout(QStringView table) const
{
    return store(Scope::Local).value(QStringLiteral("Tables/") + table + QStringLiteral("/header")).toByteArray();
}

void Settings::setTableLayout(QStringView table, const QByteArray &headerState)
{
    store(Scope::Local).setValue(QStringLiteral("Tables/") + table + QStringLiteral("/header"), headerState);
}

void Settings::sync()
{
    m_roaming->sync();
    if (m_local)
        m_local->sync();
}

QStringList Settings::fileNames() const
{
    QStringList names{m_roaming->fileName()};
    if (m_local)
        names << m_local->fileName();
    return names;
}

void Settings::migrate()
{
    const QString versionKey = directive(Key::SchemaVersion).name;
    m_loadedVersion = m_roaming->value(versionKey, 0).toInt();
    if (m_loadedVersion > CurrentSchemaVersion) {
        m_migrationLog << QStringLiteral("schema %1 is newer than %2: left as it is").arg(m_loadedVersion).arg(CurrentSchemaVersion);
        return;
    }
    if (m_loadedVersion == CurrentSchemaVersion)
        return;
    // A brand-new file needs no steps, only the version.
    if (m_loadedVersion < 1 && !m_roaming->allKeys().isEmpty())
        migrateV0ToV1();
    m_roaming->setValue(versionKey, CurrentSchemaVersion);
    m_roaming->sync();
}

void Settings::migrateV0ToV1()
{
    QSettings &s = *m_roaming;
    if (s.contains(v0::DisplayUtc)) {
        const bool utc = s.value(v0::DisplayUtc).toBool();
        s.remove(v0::DisplayUtc);
        if (!s.contains(directive(Key::TimeDisplay).name))
            s.setValue(directive(Key::TimeDisplay).name, toName(utc ? TimeDisplay::Utc : TimeDisplay::Local));
        m_migrationLog << QStringLiteral("display/utc → Display/timeZone");
    }
    if (s.contains(v0::FlushSeconds)) {
        const Directive &d = directive(Key::OutboxFlushInterval);
        // Clamped before the multiplication: a hand-edited huge number must not overflow.
        const qint64 seconds = std::clamp<qint64>(s.value(v0::FlushSeconds).toLongLong(), 0, d.maximum / 1000 + 1);
        s.remove(v0::FlushSeconds);
        s.setValue(d.name, std::clamp<qint64>(seconds * 1000, d.minimum, d.maximum));
        m_migrationLog << QStringLiteral("outbox/flushIntervalSeconds → Outbox/flushIntervalMs");
    }
    const std::pair<QLatin1StringView, Key> renames[] = {{v0::BatchSize, Key::OutboxBatchSize},
                                                         {v0::PageSize, Key::EventsPageSize}};
    for (const auto &[old, key] : renames) {
        if (!s.contains(old))
            continue;
        const QVariant v = s.value(old);
        s.remove(old);
        s.setValue(directive(key).name, v);
        m_migrationLog << QString(old) + QStringLiteral(" → ") + directive(key).name;
    }
    // Window geometry and state are machine-specific: they move to the local store.
    if (m_local) {
        for (const QLatin1StringView key : v0::WindowKeys) {
            if (!s.contains(key))
                continue;
            m_local->setValue(key, s.value(key));
            s.remove(key);
            m_migrationLog << QString(key) + QStringLiteral(" → local store");
        }
        m_local->sync();
    }
    // Early builds could leave a token in the file; secrets belong in the keychain, so it goes.
    for (const QLatin1StringView secret : v0::SecretKeys) {
        if (s.contains(secret)) {
            s.remove(secret);
            m_migrationLog << QString(secret) + QStringLiteral(" removed: tokens live in the keychain");
        }
    }
}

} // namespace ul
