#include "settings/ProfileSession.h"

#include "api/OrbClient.h"
#include "settings/ProfileStore.h"

namespace ul {

ProfileSession::ProfileSession(ProfileStore &profiles, QObject *parent) : QObject(parent), m_profiles(profiles)
{
    connect(&m_profiles, &ProfileStore::updated, this, &ProfileSession::onProfileUpdated);
    connect(&m_profiles, &ProfileStore::removed, this, &ProfileSession::onRemoved);
    connect(&m_profiles.tokens(), &TokenStore::tokenChanged, this, &ProfileSession::onTokenChanged);
}

ProfileSession::~ProfileSession() = default;

void ProfileSession::setSandboxConnection(const QUrl &baseUrl, const QString &token)
{
    m_sandboxUrl = baseUrl;
    m_sandboxToken = token;
    if (isActive() && m_profile.kind == ConnectionProfile::Kind::LocalSandbox)
        rebuildClient();
}

bool ProfileSession::activate(const QString &id)
{
    const auto profile = m_profiles.find(id.isEmpty() ? m_profiles.currentId() : id);
    if (!profile)
        return false;
    m_profiles.setCurrentId(profile->id);
    m_profile = *profile;
    Q_EMIT profileChanged(m_profile);
    rebuildClient();
    return true;
}

bool ProfileSession::hasToken() const
{
    return m_client && m_client->hasToken();
}

void ProfileSession::rebuildClient()
{
    OrbClient *old = m_client;
    m_client = nullptr;
    m_tokenProblem.clear();
    ++m_readGeneration; // an answer for the previous profile must not reach the new client
    const bool sandbox = m_profile.kind == ConnectionProfile::Kind::LocalSandbox;
    if (!sandbox || !m_sandboxUrl.isEmpty()) {
        m_client = new OrbClient(m_profile.clientSettings(m_sandboxUrl), this);
        if (sandbox)
            m_client->setToken(m_sandboxToken);
    }
    Q_EMIT clientChanged(m_client);
    if (old)
        old->deleteLater(); // calls still in flight on it are abandoned: durable work (the outbox) resends through the new one
    if (m_client && !sandbox)
        readToken();
}

void ProfileSession::readToken()
{
    const quint64 generation = ++m_readGeneration;
    m_profiles.tokens().read({m_profile.id, SecretRef::Kind::ApiToken}, this,
        [this, generation](Expected<std::optional<QString>, TokenError> token) {
            if (generation != m_readGeneration || !m_client)
                return;
            if (!token) {
                m_tokenProblem = token.error().message;
                Q_EMIT tokenUnavailable(m_tokenProblem);
                return;
            }
            if (!token->has_value() || (*token)->isEmpty()) {
                m_client->setToken({});
                m_tokenProblem = tr("No API token is stored for “%1”. Enter it in Settings.").arg(m_profile.name);
                Q_EMIT tokenUnavailable(m_tokenProblem);
                return;
            }
            m_tokenProblem.clear();
            m_client->setToken(**token); // the next request, and the next attempt of those in flight
            Q_EMIT tokenApplied();
        });
}

void ProfileSession::onProfileUpdated(int, const ConnectionProfile &profile)
{
    if (profile.id != m_profile.id)
        return;
    const ConnectionProfile before = m_profile;
    m_profile = profile;
    if (before.kind != profile.kind) {
        rebuildClient();
    } else if (m_client) {
        // Same client, new limits or address: requests in flight use them from their next attempt.
        m_client->setSettings(profile.clientSettings(m_sandboxUrl));
    }
    Q_EMIT profileChanged(m_profile);
}

void ProfileSession::onTokenChanged(const SecretRef &ref)
{
    if (ref.profileId == m_profile.id && ref.kind == SecretRef::Kind::ApiToken
        && m_profile.kind == ConnectionProfile::Kind::OrbServer && m_client)
        readToken();
}

void ProfileSession::onRemoved()
{
    if (!isActive() || m_profiles.indexOf(m_profile.id) >= 0)
        return;
    // The current profile was deleted: move to what the store now calls current.
    if (!activate()) {
        m_profile = {};
        rebuildClient();
        Q_EMIT profileChanged(m_profile);
    }
}

} // namespace ul
