#pragma once
// Shared by the corrections suites and their kill helper: a CorrectionsHub wired to a sandbox the
// way the app wires it (one outbox in a data folder, a journal per profile), with short delays.

#include "OutboxTestSupport.h"

#include "api/OrbClient.h"
#include "corrections/CorrectionsHub.h"
#include "settings/ConnectionProfile.h"

#include <QtCore/QUrl>

#include <memory>

namespace ul::test {

inline ConnectionProfile sandboxProfile()
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("profile-sandbox");
    profile.name = QStringLiteral("Sandbox");
    profile.kind = ConnectionProfile::Kind::OrbServer;
    return profile;
}

/// A hub on `dataDir` writing to the sandbox at `baseUrl` with `client` (made here, owned by the caller).
inline Expected<std::unique_ptr<gui::CorrectionsHub>, QString> openHub(const QString &dataDir, const QUrl &baseUrl,
                                                                      const QString &token,
                                                                      std::unique_ptr<OrbClient> &client,
                                                                      const OutboxSettings &settings = fastOutboxSettings())
{
    auto hub = gui::CorrectionsHub::open(dataDir, settings);
    if (!hub)
        return hub;
    client = std::make_unique<OrbClient>(fastClientSettings(v1Url(baseUrl)));
    client->setToken(token);
    (*hub)->setProfile(sandboxProfile());
    (*hub)->setClient(client.get());
    return hub;
}

} // namespace ul::test
