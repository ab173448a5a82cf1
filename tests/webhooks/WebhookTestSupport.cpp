#include "WebhookTestSupport.h"

#include "OrbJson.h"
#include "webhooks/WebhookDeliverer.h"
#include "webhooks/WebhookStore.h"

#include <QtCore/QDebug>

namespace ul::test {

sandbox::SandboxOptions webhookOptions(std::chrono::milliseconds timeout, const QList<std::chrono::milliseconds> &schedule)
{
    auto options = SandboxFixture::defaultOptions();
    options.webhookTimeout = timeout;
    options.webhookRetrySchedule = schedule;
    return options;
}

CreatedWebhook createWebhook(SandboxFixture &sandbox, const QString &url, const QStringList &subscriptions)
{
    const HttpResult created = sandbox.http().post(
        QStringLiteral("/v1/webhook"),
        QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("subscriptions"), QJsonArray::fromStringList(subscriptions)}});
    if (created.status != 200) {
        qWarning().noquote() << "creating a webhook failed:" << created.describe();
        return {};
    }
    const QJsonObject webhook = created.object(u"webhook");
    return CreatedWebhook{webhook.value(QLatin1StringView("id")).toString(), webhook.value(QLatin1StringView("secret")).toString(),
                          webhook};
}

bool deliveriesSettled(SandboxFixture &sandbox)
{
    const Timestamp now = sandbox.now();
    return sandbox.onServerThread([now](sandbox::SandboxServer &server) {
        auto &deliverer = server.webhooks();
        return deliverer.triesInFlight() == 0 && deliverer.store().dueDeliveries(now, 1).isEmpty();
    });
}

void runDueDeliveries(SandboxFixture &sandbox)
{
    sandbox.onServerThread([](sandbox::SandboxServer &server) { server.webhooks().runDue(); });
}

QJsonArray allAttempts(SandboxFixture &sandbox, const QString &query)
{
    QJsonArray all;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/v1/event/attempt?limit=100");
        if (!query.isEmpty())
            path += u'&' + query;
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const HttpResult result = sandbox.http().get(path);
        if (result.status != 200) {
            qWarning().noquote() << "listing attempts failed:" << result.describe();
            break;
        }
        for (const QJsonValue &v : result.array(u"attempts"))
            all.append(v);
        const QJsonValue next = result.json.value(QLatin1StringView("cursor"));
        if (!next.isString())
            break;
        cursor = next.toString();
    }
    return all;
}

QJsonArray deliveries(SandboxFixture &sandbox, const QString &query)
{
    const HttpResult result = sandbox.http().get(QStringLiteral("/v1/event/delivery?limit=100") + (query.isEmpty() ? QString() : u'&' + query));
    if (result.status != 200)
        qWarning().noquote() << "listing deliveries failed:" << result.describe();
    return result.array(u"deliveries");
}

HttpResult ingestOne(SandboxFixture &sandbox, const QString &id)
{
    return sandbox.ingest(QJsonArray{EventJson(id, sandbox.now()).forExternalCustomer(u"cus_webhooks")});
}

} // namespace ul::test
