#pragma once

#include "settings/ConnectionProfile.h"
#include "settings/TokenStore.h"
#include "util/Expected.h"

#include <QtCore/QObject>

#include <optional>

namespace ul {

class Settings;

/// The connection profiles: kept in Settings (without tokens), their tokens in the TokenStore.
/// Adding, updating and renaming are synchronous; duplicating and deleting also copy or delete
/// the keychain entries and answer asynchronously. Row signals come in about-to/done pairs so a
/// model can map them onto begin/end*Rows.
class ProfileStore : public QObject {
    Q_OBJECT
public:
    ProfileStore(Settings &settings, TokenStore &tokens, QObject *parent = nullptr);

    [[nodiscard]] const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    [[nodiscard]] std::optional<ConnectionProfile> find(const QString &id) const;
    [[nodiscard]] int indexOf(const QString &id) const;
    [[nodiscard]] Settings &settings() const { return m_settings; }
    [[nodiscard]] TokenStore &tokens() const { return m_tokens; }

    /// The current profile's id (Settings::Key::CurrentProfile), or the first profile's.
    [[nodiscard]] QString currentId() const;
    void setCurrentId(const QString &id);

    /// Adds `profile` (an id is made when it has none); refused with the problems found.
    Expected<ConnectionProfile, QList<ProfileProblem>> add(ConnectionProfile profile);
    /// Replaces the profile with the same id.
    Expected<Done, QList<ProfileProblem>> update(const ConnectionProfile &profile);
    /// Renames; the tokens stay with the profile (they are keyed by id).
    Expected<Done, QList<ProfileProblem>> rename(const QString &id, const QString &newName);
    /// Adds a copy named `newName` (or "<name> (copy)") with a new id and copies of its tokens.
    void duplicate(const QString &id, const QString &newName, const QObject *context,
                   std::function<void(Expected<ConnectionProfile, QString>)> done);
    /// Deletes the profile and its keychain entries.
    void remove(const QString &id, const QObject *context, std::function<void(Expected<Done, QString>)> done);

    /// On a fresh machine (no profiles yet): adds the embedded sandbox's profile and makes it current.
    void ensureDefaultProfile();

    /// A name not used yet: `base`, or `base (2)`, `base (3)`, …
    [[nodiscard]] QString uniqueName(const QString &base) const;

Q_SIGNALS:
    void aboutToInsert(int row);
    void inserted(int row);
    void aboutToRemove(int row);
    void removed(int row);
    void updated(int row, const ul::ConnectionProfile &profile);
    void currentChanged(const QString &id);

private:
    [[nodiscard]] QList<ConnectionProfile> othersThan(const QString &id) const;
    void save();

    Settings &m_settings;
    TokenStore &m_tokens;
    QList<ConnectionProfile> m_profiles;
};

} // namespace ul
