// Webhook deliveries from a real sandbox to a real receiver on this test's thread that answers
// 200, answers 404, hangs or closes the connection: what is sent (payload, signature), what is
// recorded (attempts, codes, messages, durations), the retry schedule, resend and mark-handled.
#include "OrbJson.h"
#include "SandboxFixture.h"
#include "TestReceiver.h"
#include "WebhookTestSupport.h"
#include "webhooks/WebhookDeliverer.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QMessageAuthenticationCode>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpResult;
using ul::test::SandboxFixture;
using ul::test::SettleTimeoutMs;
using ul::test::TestReceiver;

class TstWebhooksDelivery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversSignedPayloadsToAReceiverThatAnswers200();
    void recordsA404AsBadHttpStatusWithABoundedExcerpt();
    void retriesOnTheScheduleAndThenGivesUp();
    void recordsAHangingReceiverAsTimeout();
    void recordsAClosedConnectionAsBadConnection();
    void recordsARefusedConnectionAsBadConnection();
    void deliversOnlySubscribedChanges();
    void deletedWebhooksGetNothingMore();
    void resendIsAManualTryThatCanDeliver();
    void markHandledStopsTheRetries();
    void concurrencyIsCapped();
    void demoWebhooksShowAttemptsAtOnce();
    void demoWebhooksFollowTheSandboxToItsNewPort();
};

namespace {

QJsonObject parse(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString eventIdOf(const TestReceiver::Request &request)
{
    return parse(request.body)
        .value(QLatin1StringView("event")).toObject()
        .value(QLatin1StringView("log")).toObject()
        .value(QLatin1StringView("event")).toObject()
        .value(QLatin1StringView("id")).toString();
}

QStringList codesOf(const QJsonArray &attempts)
{
    QStringList codes;
    for (const QJsonValue &a : attempts)
        codes << a.toObject().value(QLatin1StringView("code")).toString();
    return codes;
}

} // namespace

void TstWebhooksDelivery::deliversSignedPayloadsToAReceiverThatAnswers200()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    SandboxFixture sandbox(ul::test::webhookOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("ok")), {QStringLiteral("event.ingested")});
    QVERIFY(!hook.id.isEmpty());
    QVERIFY(hook.secret.startsWith(QLatin1StringView("whsec_")));

    UL_COMPARE_STATUS(sandbox.ingest(QJsonArray{EventJson(u"pay-1", sandbox.now()).forExternalCustomer(u"cus_a"),
                                                EventJson(u"pay-2", sandbox.now()).forExternalCustomer(u"cus_a")}),
                      200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 2 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);

    QStringList delivered;
    for (const TestReceiver::Request &request : receiver.received(QStringLiteral("ok"))) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        // The signature, recomputed here from the documented recipe: HMAC-SHA256(secret, timestamp "." body).
        const QByteArray timestamp = request.header("x-usagelens-timestamp");
        QCOMPARE(timestamp, QByteArray::number(sandbox.now().msecs() / 1000));
        QMessageAuthenticationCode mac(QCryptographicHash::Sha256, hook.secret.toUtf8());
        mac.addData(timestamp + '.' + request.body);
        QCOMPARE(request.header("x-usagelens-signature"), "v1=" + mac.result().toBase64());
        QCOMPARE(request.header("digital-signature"), mac.result().toBase64());
        // A body signed with another secret does not verify.
        QMessageAuthenticationCode other(QCryptographicHash::Sha256, QByteArray("whsec_other"));
        other.addData(timestamp + '.' + request.body);
        QVERIFY(request.header("x-usagelens-signature") != "v1=" + other.result().toBase64());
        QCOMPARE(request.header("x-usagelens-trigger"), QByteArray("scheduled"));
        QCOMPARE(request.header("x-usagelens-try"), QByteArray("1"));
        QVERIFY(!request.header("x-usagelens-delivery").isEmpty());

        const QJsonObject notification = parse(request.body).value(QLatin1StringView("event")).toObject();
        QVERIFY(!notification.value(QLatin1StringView("id")).toString().isEmpty());
        QCOMPARE(notification.value(QLatin1StringView("subscription")).toString(), QStringLiteral("event.ingested"));
        QCOMPARE(notification.value(QLatin1StringView("created")).toString(), sandbox.now().toIso8601());
        QCOMPARE(notification.value(QLatin1StringView("workspaceId")).toString(), QStringLiteral("sandbox"));
        const QJsonObject log = notification.value(QLatin1StringView("log")).toObject();
        QCOMPARE(log.value(QLatin1StringView("type")).toString(), QStringLiteral("ingested"));
        QCOMPARE(log.value(QLatin1StringView("version")).toInt(), 1);
        const QJsonObject event = log.value(QLatin1StringView("event")).toObject();
        QCOMPARE(event.value(QLatin1StringView("external_customer_id")).toString(), QStringLiteral("cus_a"));
        QCOMPARE(event.value(QLatin1StringView("event_name")).toString(), QStringLiteral("api_request"));
        delivered << event.value(QLatin1StringView("id")).toString();
    }
    delivered.sort();
    QCOMPARE(delivered, (QStringList{QStringLiteral("pay-1"), QStringLiteral("pay-2")}));

    // Success: the event is delivered for that webhook, and no attempt is recorded.
    const QJsonArray states = ul::test::deliveries(sandbox, QStringLiteral("webhookIds=") + hook.id);
    QCOMPARE(states.size(), 2);
    for (const QJsonValue &d : states) {
        QCOMPARE(d[u"status"].toString(), QStringLiteral("delivered"));
        QCOMPARE(d[u"delivered"].toString(), sandbox.now().toIso8601());
        QCOMPARE(d[u"tries"].toInt(), 1);
        QVERIFY(d[u"nextTry"].isNull());
    }
    QCOMPARE(ul::test::allAttempts(sandbox).size(), 0);
}

void TstWebhooksDelivery::recordsA404AsBadHttpStatusWithABoundedExcerpt()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("gone"), TestReceiver::Mode::NotFound);
    const QByteArray longBody = "{\"error\":\"" + QByteArray(3000, 'x') + "\"}";
    receiver.setNotFoundBody(longBody);
    SandboxFixture sandbox(ul::test::webhookOptions(500ms, {}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("gone")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("nf-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);

    const QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 1);
    const QJsonObject a = attempts[0].toObject();
    QVERIFY(!a[u"id"].toString().isEmpty());
    QCOMPARE(a[u"code"].toString(), QStringLiteral("badHttpStatus"));
    QCOMPARE(a[u"message"].toString(), QStringLiteral("HTTP POST request returned status 404"));
    QCOMPARE(a[u"eventId"].toString(), QStringLiteral("nf-1"));
    QCOMPARE(a[u"webhookId"].toString(), hook.id);
    QCOMPARE(a[u"created"].toString(), sandbox.now().toIso8601());
    QCOMPARE(a[u"httpStatus"].toInt(), 404);
    const QString excerpt = a[u"responseExcerpt"].toString();
    QCOMPARE(excerpt.size(), ul::sandbox::WebhookDeliverer::ExcerptBytes);
    QVERIFY(longBody.startsWith(excerpt.toUtf8()));
    QVERIFY(a[u"durationMs"].isDouble());
    QVERIFY(a[u"durationMs"].toInteger() >= 0);
    QCOMPARE(a[u"trigger"].toString(), QStringLiteral("scheduled"));
    QCOMPARE(a[u"webhookUrl"].toString(), receiver.url(QStringLiteral("gone")));
    QCOMPARE(a[u"subscription"].toString(), QStringLiteral("event.ingested"));
    // No retries in this schedule: the delivery is given up after its one try.
    QCOMPARE(a[u"deliveryStatus"].toString(), QStringLiteral("failed"));
    QVERIFY(a[u"nextTry"].isNull());
    QVERIFY(a[u"delivered"].isNull());
    QVERIFY(a[u"handled"].isNull());
    QCOMPARE(receiver.count(QStringLiteral("gone")), 1);
}

void TstWebhooksDelivery::retriesOnTheScheduleAndThenGivesUp()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("gone"), TestReceiver::Mode::NotFound);
    // Retries at once, then after one minute, then after five; the sandbox's clock is frozen,
    // so the later retries happen only when the test moves it.
    SandboxFixture sandbox(ul::test::webhookOptions(500ms, {0s, 1min, 5min}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp t0 = sandbox.now();
    ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("gone")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("retry-1")), 200);

    // The first try and the immediate retry.
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(receiver.count(), 2);
    QCOMPARE(attempts[0][u"created"].toString(), t0.toIso8601());
    QCOMPARE(attempts[1][u"created"].toString(), t0.toIso8601());
    QCOMPARE(attempts[0][u"deliveryStatus"].toString(), QStringLiteral("pending"));
    QCOMPARE(attempts[0][u"nextTry"].toString(), (t0 + 1min).toIso8601());

    // Not due yet: nothing happens.
    sandbox.advance(59s);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(ul::test::allAttempts(sandbox).size(), 2);

    sandbox.advance(1s);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::allAttempts(sandbox).size() == 3 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts[0][u"created"].toString(), (t0 + 1min).toIso8601()); // newest first
    QCOMPARE(attempts[0][u"nextTry"].toString(), (t0 + 6min).toIso8601());

    sandbox.advance(5min);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::allAttempts(sandbox).size() == 4 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts[0][u"created"].toString(), (t0 + 6min).toIso8601());
    QCOMPARE(attempts[0][u"deliveryStatus"].toString(), QStringLiteral("failed"));
    QVERIFY(attempts[0][u"nextTry"].isNull());
    for (const QJsonValue &a : std::as_const(attempts)) {
        QCOMPARE(a[u"code"].toString(), QStringLiteral("badHttpStatus"));
        QCOMPARE(a[u"trigger"].toString(), QStringLiteral("scheduled"));
    }

    // The schedule is spent: a day later nothing more is tried.
    sandbox.advance(24h);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(ul::test::allAttempts(sandbox).size(), 4);
    QCOMPARE(receiver.count(), 4);
    const QJsonArray states = ul::test::deliveries(sandbox);
    QCOMPARE(states.size(), 1);
    QCOMPARE(states[0][u"tries"].toInt(), 4);
}

void TstWebhooksDelivery::recordsAHangingReceiverAsTimeout()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("hang"), TestReceiver::Mode::Hang);
    SandboxFixture sandbox(ul::test::webhookOptions(300ms, {}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("hang")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("slow-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);

    const QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 1);
    const QJsonObject a = attempts[0].toObject();
    QCOMPARE(a[u"code"].toString(), QStringLiteral("timeout"));
    QCOMPARE(a[u"message"].toString(), QStringLiteral("HTTP POST request timed out after 300 ms"));
    QVERIFY(a[u"httpStatus"].isNull());
    QCOMPARE(a[u"responseExcerpt"].toString(), QString());
    // The recorded duration covers the whole wait (a recorded value, not a timing of this test).
    QVERIFY2(a[u"durationMs"].toInteger() >= 300, qPrintable(QString::number(a[u"durationMs"].toInteger())));
    QCOMPARE(a[u"webhookId"].toString(), hook.id);
    QCOMPARE(a[u"deliveryStatus"].toString(), QStringLiteral("failed"));
}

void TstWebhooksDelivery::recordsAClosedConnectionAsBadConnection()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("close"), TestReceiver::Mode::Close);
    SandboxFixture sandbox(ul::test::webhookOptions(2s, {}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("close")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("closed-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() >= 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);

    const QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 1);
    const QJsonObject a = attempts[0].toObject();
    QCOMPARE(a[u"code"].toString(), QStringLiteral("badConnection"));
    QVERIFY2(a[u"message"].toString().startsWith(QLatin1StringView("HTTP POST request failed: ")), qPrintable(a[u"message"].toString()));
    QVERIFY(a[u"message"].toString().size() > 26);
    QVERIFY(a[u"httpStatus"].isNull());
    QCOMPARE(a[u"eventId"].toString(), QStringLiteral("closed-1"));
}

void TstWebhooksDelivery::recordsARefusedConnectionAsBadConnection()
{
    // A port nobody listens on: bound, then closed again.
    TestReceiver gone;
    QVERIFY(gone.start());
    const QString url = gone.url(QStringLiteral("nobody"));
    gone.close();
    SandboxFixture sandbox(ul::test::webhookOptions(2s, {}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    ul::test::createWebhook(sandbox, url, {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("refused-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts[0][u"code"].toString(), QStringLiteral("badConnection"));
    QCOMPARE(attempts[0][u"message"].toString(), QStringLiteral("HTTP POST request failed: Connection refused"));
}

void TstWebhooksDelivery::deliversOnlySubscribedChanges()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    SandboxFixture sandbox(ul::test::webhookOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"cus_subs");
    QVERIFY(!customer.isEmpty());
    ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("amended")), {QStringLiteral("event.amended")});
    ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("deprecated")),
                            {QStringLiteral("event.deprecated"), QStringLiteral("backfill.closed")});

    const EventJson event(u"subs-1", sandbox.now() - 1h);
    EventJson e = event;
    e.forExternalCustomer(u"cus_subs");
    UL_COMPARE_STATUS(sandbox.ingest(QJsonArray{e}), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(receiver.count(), 0); // nobody subscribed to event.ingested

    EventJson amended = e;
    amended.withProperty(u"region", QStringLiteral("us-east-1"));
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("subs-1"), amended.toAmendBody()), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const QList<TestReceiver::Request> amendments = receiver.received(QStringLiteral("amended"));
    QCOMPARE(amendments.size(), 1);
    const QJsonObject notification = parse(amendments[0].body).value(QLatin1StringView("event")).toObject();
    QCOMPARE(notification[u"subscription"].toString(), QStringLiteral("event.amended"));
    QCOMPARE(notification[u"log"][u"version"].toInt(), 2);
    QCOMPARE(notification[u"log"][u"event"][u"properties"][u"region"].toString(), QStringLiteral("us-east-1"));
    // Both customer references are filled in, as search shows them.
    QCOMPARE(notification[u"log"][u"event"][u"customer_id"].toString(), customer);

    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("subs-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 2 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const QList<TestReceiver::Request> deprecations = receiver.received(QStringLiteral("deprecated"));
    QCOMPARE(deprecations.size(), 1);
    QCOMPARE(eventIdOf(deprecations[0]), QStringLiteral("subs-1"));
    const QJsonObject log = parse(deprecations[0].body)[u"event"][u"log"].toObject();
    QCOMPARE(log[u"type"].toString(), QStringLiteral("deprecated"));
    QCOMPARE(log[u"version"].toInt(), 3);
    QCOMPARE(log[u"event"][u"deprecated"].toBool(), true);
}

void TstWebhooksDelivery::deletedWebhooksGetNothingMore()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("gone"), TestReceiver::Mode::NotFound);
    SandboxFixture sandbox(ul::test::webhookOptions(500ms, {1min}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("gone")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("del-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(ul::test::deliveries(sandbox)[0][u"status"].toString(), QStringLiteral("pending"));

    UL_COMPARE_STATUS(sandbox.http().send("DELETE", QStringLiteral("/v1/webhook/") + hook.id, {}), 200);
    // Its pending retry is cancelled, and new changes are not delivered to it.
    QCOMPARE(ul::test::deliveries(sandbox)[0][u"status"].toString(), QStringLiteral("cancelled"));
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("del-2")), 200);
    sandbox.advance(2min);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(receiver.count(), 1);
    QCOMPARE(ul::test::deliveries(sandbox).size(), 1);
    // Its attempts stay, still naming it.
    const QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 1);
    QCOMPARE(attempts[0][u"webhookUrl"].toString(), receiver.url(QStringLiteral("gone")));
}

void TstWebhooksDelivery::resendIsAManualTryThatCanDeliver()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("hook"), TestReceiver::Mode::NotFound);
    SandboxFixture sandbox(ul::test::webhookOptions(500ms, {}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("hook")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("re-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(ul::test::deliveries(sandbox)[0][u"status"].toString(), QStringLiteral("failed"));
    const QString resendPath = QStringLiteral("/v1/webhook/%1/event/re-1/resend").arg(hook.id);

    // Still failing: the manual try is recorded as such, and the delivery stays failed.
    HttpResult resent = sandbox.http().post(resendPath, QByteArray());
    UL_COMPARE_STATUS(resent, 202);
    QCOMPARE(resent.object(u"delivery")[u"sending"].toBool(), true);
    QCOMPARE(resent.object(u"delivery")[u"eventId"].toString(), QStringLiteral("re-1"));
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 2 && ul::test::deliveriesSettled(sandbox)
                                 && !ul::test::deliveries(sandbox)[0][u"sending"].toBool(),
                             SettleTimeoutMs);
    QJsonArray attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts[0][u"trigger"].toString(), QStringLiteral("manual"));
    QCOMPARE(attempts[1][u"trigger"].toString(), QStringLiteral("scheduled"));
    QCOMPARE(receiver.received().last().header("x-usagelens-trigger"), QByteArray("manual"));
    QCOMPARE(receiver.received().last().header("x-usagelens-try"), QByteArray("2"));
    // The same notification both times (receivers deduplicate by its id).
    QCOMPARE(parse(receiver.received()[0].body)[u"event"][u"id"].toString(),
             parse(receiver.received()[1].body)[u"event"][u"id"].toString());

    // The receiver is fixed: a resend delivers, and the attempts show the event as delivered.
    receiver.setMode(QStringLiteral("hook"), TestReceiver::Mode::Ok);
    resent = sandbox.http().post(resendPath, QByteArray());
    UL_COMPARE_STATUS(resent, 202);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveries(sandbox)[0][u"status"].toString() == QLatin1StringView("delivered"),
                             SettleTimeoutMs);
    attempts = ul::test::allAttempts(sandbox);
    QCOMPARE(attempts.size(), 2); // a success is no attempt
    QCOMPARE(attempts[0][u"deliveryStatus"].toString(), QStringLiteral("delivered"));
    QCOMPARE(attempts[0][u"delivered"].toString(), sandbox.now().toIso8601());
    QCOMPARE(ul::test::deliveries(sandbox)[0][u"tries"].toInt(), 3);

    // An event never delivered to a webhook gets a delivery of its current version.
    const auto late = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("late")), {QStringLiteral("event.amended")});
    resent = sandbox.http().post(QStringLiteral("/v1/webhook/%1/event/re-1/resend").arg(late.id), QByteArray());
    UL_COMPARE_STATUS(resent, 202);
    QCOMPARE(resent.object(u"delivery")[u"subscription"].toString(), QStringLiteral("event.ingested"));
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count(QStringLiteral("late")) == 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(eventIdOf(receiver.received(QStringLiteral("late"))[0]), QStringLiteral("re-1"));
    QTRY_COMPARE_WITH_TIMEOUT(ul::test::deliveries(sandbox, QStringLiteral("webhookIds=") + late.id)[0][u"status"].toString(),
                              QStringLiteral("delivered"), SettleTimeoutMs);
}

void TstWebhooksDelivery::markHandledStopsTheRetries()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("gone"), TestReceiver::Mode::NotFound);
    SandboxFixture sandbox(ul::test::webhookOptions(500ms, {1min, 5min}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("gone")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("h-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const QString attemptId = ul::test::allAttempts(sandbox)[0][u"id"].toString();

    sandbox.advance(10s);
    const HttpResult handled = sandbox.http().send("PATCH", QStringLiteral("/v1/event/attempt/") + attemptId,
                                                   QByteArray("{\"handled\":true}"));
    UL_COMPARE_STATUS(handled, 200);
    const QJsonObject a = handled.object(u"attempt");
    QCOMPARE(a[u"id"].toString(), attemptId);
    QCOMPARE(a[u"handled"].toString(), sandbox.now().toIso8601());
    QCOMPARE(a[u"deliveryStatus"].toString(), QStringLiteral("handled"));
    QVERIFY(a[u"nextTry"].isNull());

    // Marking again changes nothing.
    sandbox.advance(10s);
    const HttpResult again = sandbox.http().send("PATCH", QStringLiteral("/event/attempt/") + attemptId, QByteArray("{\"handled\":true}"));
    UL_COMPARE_STATUS(again, 200);
    QCOMPARE(again.object(u"attempt")[u"handled"].toString(), a[u"handled"].toString());

    sandbox.advance(1h);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(receiver.count(), 1);
    QCOMPARE(ul::test::deliveries(sandbox)[0][u"status"].toString(), QStringLiteral("handled"));
}

void TstWebhooksDelivery::concurrencyIsCapped()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setMode(QStringLiteral("hang"), TestReceiver::Mode::Hang);
    auto options = ul::test::webhookOptions(60s, {});
    options.webhookConcurrency = 2;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("hang")), {QStringLiteral("event.ingested")});
    QJsonArray events;
    for (int i = 0; i < 5; ++i)
        events.append(EventJson(QStringLiteral("cap-%1").arg(i), sandbox.now()).forExternalCustomer(u"cus_cap"));
    UL_COMPARE_STATUS(sandbox.ingest(events), 200);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 2, SettleTimeoutMs);
    // The others wait for a free slot; none of them is sent meanwhile.
    const int inFlight = sandbox.onServerThread([](ul::sandbox::SandboxServer &s) { return s.webhooks().triesInFlight(); });
    QCOMPARE(inFlight, 2);
    QCOMPARE(ul::test::deliveries(sandbox, QStringLiteral("status=pending")).size(), 5);
    QCOMPARE(receiver.count(), 2);
}

void TstWebhooksDelivery::demoWebhooksShowAttemptsAtOnce()
{
    auto options = ul::test::webhookOptions(300ms, {});
    options.seedDemo = true;
    options.demoEvents = 1000;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());

    const HttpResult hooks = sandbox.http().get(QStringLiteral("/v1/webhook"));
    UL_COMPARE_STATUS(hooks, 200);
    const QJsonArray list = hooks.array(u"webhooks");
    QCOMPARE(list.size(), 3);
    QStringList urls;
    for (const QJsonValue &w : list) {
        urls << w[u"url"].toString();
        QVERIFY(!w.toObject().contains(QLatin1StringView("secret")));
    }
    const QString base = sandbox.baseUrl().toString();
    QVERIFY2(urls.contains(base + QStringLiteral("/demo-receiver/ok")), qPrintable(urls.join(u' ')));
    QVERIFY(urls.contains(base + QStringLiteral("/demo-receiver/missing")));
    QVERIFY(urls.contains(base + QStringLiteral("/demo-receiver/slow")));

    // Four demo corrections go to each of them at once: the failing and the slow one record
    // attempts, the good one delivers. The 1,000 demo events themselves are not delivered.
    // (They were due when the sandbox started; the fixture's frozen clock starts at the whole
    // second before that, so it is moved past it.)
    sandbox.advance(1s);
    ul::test::runDueDeliveries(sandbox);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const QJsonArray attempts = ul::test::allAttempts(sandbox);
    QVERIFY2(attempts.size() == 8, ul::test::compactJson(ul::test::deliveries(sandbox)).constData());
    QCOMPARE(codesOf(attempts).count(QStringLiteral("badHttpStatus")), 4);
    QCOMPARE(codesOf(attempts).count(QStringLiteral("timeout")), 4);
    QCOMPARE(ul::test::deliveries(sandbox, QStringLiteral("status=delivered")).size(), 4);
    QCOMPARE(ul::test::deliveries(sandbox).size(), 12);

    // The demo receiver answers without a token (deliveries carry none).
    ul::test::HttpClient anonymous(sandbox.baseUrl());
    UL_COMPARE_STATUS(anonymous.post(QStringLiteral("/demo-receiver/ok"), QByteArray("{}")), 200);
    UL_COMPARE_STATUS(anonymous.post(QStringLiteral("/demo-receiver/missing"), QByteArray("{}")), 404);
    UL_COMPARE_STATUS(anonymous.post(QStringLiteral("/v1/demo-receiver/ok"), QByteArray("{}")), 200);
    UL_COMPARE_STATUS(anonymous.get(QStringLiteral("/demo-receiver/ok")), 401); // only POSTs are the receiver's
    UL_COMPARE_STATUS(anonymous.get(QStringLiteral("/v1/webhook")), 401);
}

void TstWebhooksDelivery::demoWebhooksFollowTheSandboxToItsNewPort()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto options = ul::test::webhookOptions(300ms, {});
    options.seedDemo = true;
    options.demoEvents = 500;
    options.databasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    QStringList firstIds;
    {
        SandboxFixture first(options);
        QVERIFY2(first.isReady(), first.startError());
        for (const QJsonValue &w : first.http().get(QStringLiteral("/v1/webhook")).array(u"webhooks"))
            firstIds << w[u"id"].toString();
        first.advance(1s);
        ul::test::runDueDeliveries(first);
        QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(first), SettleTimeoutMs);
    }
    SandboxFixture second(options);
    QVERIFY2(second.isReady(), second.startError());
    const QJsonArray hooks = second.http().get(QStringLiteral("/v1/webhook")).array(u"webhooks");
    QStringList ids;
    for (const QJsonValue &w : hooks) {
        ids << w[u"id"].toString();
        QVERIFY2(w[u"url"].toString().startsWith(second.baseUrl().toString() + QStringLiteral("/demo-receiver/")),
                 qPrintable(w[u"url"].toString()));
    }
    QCOMPARE(ids, firstIds); // the same three, not three more
}

QTEST_GUILESS_MAIN(TstWebhooksDelivery)
#include "tst_webhooks_delivery.moc"
