#pragma once

#include "settings/ConnectionProfile.h"
#include "settings/TokenStore.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace ul {

class OrbClient;
class ProfileStore;

/// The live connection of the current profile: turns the profile and its token into an
/// OrbClient and keeps that client up to date while it runs.
///
/// - activate() switches profile: a new client (clientChanged), its token read from the store.
/// - A token stored for the current profile (TokenStore::tokenChanged, e.g. from the settings
///   dialog) is read again and handed to the running client with OrbClient::setToken: it
///   applies to the next request and to the next attempt of requests in flight; nothing is
///   cancelled or restarted.
/// - Edits of the current profile's URL, timeout or retries go to the same client
///   (OrbClient::setSettings); name, colour and production flag come out as profileChanged.
///
/// Work that outlives one request (the outbox) must ask client() for every send, and treat a 401
/// as "keep the item queued until tokenApplied", never as a reason to drop it.
class ProfileSession : public QObject {
    Q_OBJECT
public:
    ProfileSession(ProfileStore &profiles, QObject *parent = nullptr);
    ~ProfileSession() override;

    /// Where the embedded sandbox listens and the token it demands, once it runs (base URL without
    /// /v1). LocalSandbox profiles use them; the token is never stored anywhere.
    void setSandboxConnection(const QUrl &baseUrl, const QString &token);

    /// Switches to the profile `id` (the store's current one when empty). Returns false, changing
    /// nothing, when there is no such profile.
    bool activate(const QString &id = {});

    /// The client of the current profile; null before activate() (or while a LocalSandbox profile
    /// waits for the sandbox). Owned by the session; replaced only by a profile switch.
    [[nodiscard]] OrbClient *client() const { return m_client; }
    [[nodiscard]] const ConnectionProfile &profile() const { return m_profile; }
    [[nodiscard]] bool isActive() const { return !m_profile.id.isEmpty(); }
    /// Whether the client has a token to send (false while it is read, or when none is stored).
    [[nodiscard]] bool hasToken() const;
    /// Why the current profile has no usable token (keychain unreachable, none stored), or empty.
    [[nodiscard]] QString tokenProblem() const { return m_tokenProblem; }

Q_SIGNALS:
    /// A new client (or null); whoever held the previous one must drop it now: it is deleted later.
    void clientChanged(ul::OrbClient *client);
    /// The current profile changed or was edited (name, colour, production flag, …).
    void profileChanged(const ul::ConnectionProfile &profile);
    /// The running client now sends a newly read token (from the next request or attempt on).
    void tokenApplied();
    /// The token could not be read (tokenProblem() says why), or none is stored.
    void tokenUnavailable(const QString &message);

private:
    void rebuildClient();
    void readToken();
    void onProfileUpdated(int row, const ConnectionProfile &profile);
    void onTokenChanged(const SecretRef &ref);
    void onRemoved();

    ProfileStore &m_profiles;
    ConnectionProfile m_profile;
    QPointer<OrbClient> m_client;
    QUrl m_sandboxUrl;
    QString m_sandboxToken;
    QString m_tokenProblem;
    quint64 m_readGeneration = 0;
};

} // namespace ul
