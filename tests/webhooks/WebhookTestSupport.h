#pragma once

#include "SandboxFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

#include <chrono>

namespace ul::test {

/// Long enough for any delivery a test starts to settle on a loaded machine; never a measure of speed.
inline constexpr int SettleTimeoutMs = 30'000;

struct CreatedWebhook {
    QString id;
    QString secret;
    QJsonObject json;
};

/// The fixture's defaults with a delivery timeout and retry schedule fit for tests.
sandbox::SandboxOptions webhookOptions(std::chrono::milliseconds timeout = std::chrono::milliseconds(500),
                                       const QList<std::chrono::milliseconds> &schedule = {});

/// `POST /v1/webhook`; an empty id (with a warning) when that fails.
CreatedWebhook createWebhook(SandboxFixture &sandbox, const QString &url, const QStringList &subscriptions);

/// No try in flight and none due by the sandbox's clock (what QTRY_* waits for after a change).
bool deliveriesSettled(SandboxFixture &sandbox);
/// Starts the tries that are due by the sandbox's clock (after the test moved it).
void runDueDeliveries(SandboxFixture &sandbox);

/// `GET /v1/event/attempt?<query>` followed to the last page.
QJsonArray allAttempts(SandboxFixture &sandbox, const QString &query = {});
/// `GET /v1/event/delivery?<query>`, first page of up to 100.
QJsonArray deliveries(SandboxFixture &sandbox, const QString &query = {});

/// Ingests one valid event for the external customer `cus_webhooks` at the sandbox's "now".
HttpResult ingestOne(SandboxFixture &sandbox, const QString &id);

} // namespace ul::test
