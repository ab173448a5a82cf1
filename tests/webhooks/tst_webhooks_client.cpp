// WebhookApi, the typed client of the webhook routes, against a real sandbox delivering to a
// real receiver: webhooks (create, list with cursor, fetch, delete), attempts (every filter and
// the cursor, fetch, mark handled), resend and the delivery it reports.
#include "SandboxFixture.h"
#include "TestReceiver.h"
#include "WebhookTestSupport.h"

#include "api/WebhookApi.h"

#include <QtTest/QTest>

#include <optional>

using namespace std::chrono_literals;
using ul::Attempt;
using ul::AttemptQuery;
using ul::Delivery;
using ul::Page;
using ul::RequestError;
using ul::Timestamp;
using ul::Webhook;
using ul::WebhookApi;
using ul::test::SandboxFixture;
using ul::test::SettleTimeoutMs;
using ul::test::TestReceiver;

namespace {

template <class T>
class Await {
public:
    std::function<void(ul::Expected<T, RequestError>)> callback()
    {
        return [this](ul::Expected<T, RequestError> r) { m_result.emplace(std::move(r)); };
    }
    bool wait() { return QTest::qWaitFor([this] { return m_result.has_value(); }, SettleTimeoutMs); }
    ul::Expected<T, RequestError> &result() { return *m_result; }

private:
    std::optional<ul::Expected<T, RequestError>> m_result;
};

template <class T>
QByteArray why(const ul::Expected<T, RequestError> &result)
{
    return result.hasValue() ? QByteArray() : result.error().humanMessage().toUtf8();
}

} // namespace

class TstWebhooksClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void queryItemsSpellTheFilters();
    void webhooksCanBeCreatedListedFetchedAndDeleted();
    void invalidWebhooksComeBackAsValidationErrors();
    void attemptsFilter_data();
    void attemptsFilter();
    void attemptsPageWithTheCursor();
    void fetchAndMarkHandled();
    void resendReportsTheDelivery();
    void withoutAClientCallsFail();

private:
    template <class T>
    ul::Expected<T, RequestError> run(const std::function<void(typename WebhookApi::Callback<T>)> &call);
    QList<Attempt> allAttempts(AttemptQuery query);

    std::unique_ptr<TestReceiver> m_receiver;
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ul::OrbClient> m_client;
    WebhookApi m_api;
    QString m_w1, m_w2;
    Timestamp m_t0;
};

template <class T>
ul::Expected<T, RequestError> TstWebhooksClient::run(const std::function<void(typename WebhookApi::Callback<T>)> &call)
{
    Await<T> await;
    call(await.callback());
    if (!await.wait())
        qFatal("a WebhookApi call never answered");
    return std::move(await.result());
}

QList<Attempt> TstWebhooksClient::allAttempts(AttemptQuery query)
{
    QList<Attempt> all;
    query.cursor.reset();
    for (int i = 0; i < 100; ++i) {
        auto page = run<Page<Attempt>>([&](auto done) { m_api.listAttempts(query, nullptr, done); });
        if (!page) {
            qWarning().noquote() << "listAttempts failed:" << page.error().humanMessage();
            break;
        }
        all += page->items;
        if (!page->nextCursor)
            break;
        query.cursor = page->nextCursor;
    }
    return all;
}

void TstWebhooksClient::initTestCase()
{
    m_receiver = std::make_unique<TestReceiver>();
    QVERIFY(m_receiver->start());
    m_receiver->setMode(QStringLiteral("a"), TestReceiver::Mode::NotFound);
    m_receiver->setMode(QStringLiteral("b"), TestReceiver::Mode::Close);
    m_sandbox = std::make_unique<SandboxFixture>(ul::test::webhookOptions(500ms, {}));
    QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
    ul::ClientSettings settings;
    QUrl base = m_sandbox->baseUrl();
    base.setPath(QStringLiteral("/v1"));
    settings.baseUrl = base;
    settings.retry.initialDelay = 10ms;
    settings.retry.maxBackoff = 40ms;
    m_client = std::make_unique<ul::OrbClient>(settings);
    m_client->setToken(SandboxFixture::token());
    m_api = WebhookApi(m_client.get());

    SandboxFixture &sandbox = *m_sandbox;
    m_w1 = ul::test::createWebhook(sandbox, m_receiver->url(QStringLiteral("a")), {QStringLiteral("event.ingested")}).id;
    m_w2 = ul::test::createWebhook(sandbox, m_receiver->url(QStringLiteral("b")), {QStringLiteral("event.ingested")}).id;
    m_t0 = sandbox.now();
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("c1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    sandbox.advance(2h);
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("c2")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(ul::test::allAttempts(sandbox).size(), 4);
}

void TstWebhooksClient::cleanupTestCase()
{
    m_client.reset();
    m_sandbox.reset();
    m_receiver.reset();
}

void TstWebhooksClient::queryItemsSpellTheFilters()
{
    AttemptQuery query;
    query.after = Timestamp::fromMsecs(1'700'000'000'000);
    query.before = Timestamp::fromMsecs(1'700'000'060'000);
    query.eventIds = {QStringLiteral("a"), QStringLiteral("b c")};
    query.webhookIds = {QStringLiteral("1")};
    query.codes = {QStringLiteral("timeout")};
    query.limit = 7;
    query.cursor = QStringLiteral("next");
    const QUrlQuery items = WebhookApi::attemptQueryItems(query);
    QCOMPARE(items.queryItemValue(QStringLiteral("limit")), QStringLiteral("7"));
    QCOMPARE(items.queryItemValue(QStringLiteral("cursor")), QStringLiteral("next"));
    QCOMPARE(items.queryItemValue(QStringLiteral("after")), QStringLiteral("2023-11-14T22:13:20Z"));
    QCOMPARE(items.queryItemValue(QStringLiteral("before")), QStringLiteral("2023-11-14T22:14:20Z"));
    QCOMPARE(items.queryItemValue(QStringLiteral("eventIds"), QUrl::FullyDecoded), QStringLiteral("a,b c"));
    QCOMPARE(items.queryItemValue(QStringLiteral("webhookIds")), QStringLiteral("1"));
    QCOMPARE(items.queryItemValue(QStringLiteral("codes")), QStringLiteral("timeout"));
    // Nothing set, nothing sent but the limit.
    QCOMPARE(WebhookApi::attemptQueryItems(AttemptQuery{}).queryItems().size(), 1);
}

void TstWebhooksClient::webhooksCanBeCreatedListedFetchedAndDeleted()
{
    auto created = run<Webhook>([&](auto done) {
        m_api.createWebhook(ul::NewWebhook{QStringLiteral("https://hooks.example/usage"),
                                           {QStringLiteral("event.amended"), QStringLiteral("event.deprecated")}},
                            nullptr, done);
    });
    QVERIFY2(created, why(created).constData());
    QVERIFY(created->secret && created->secret->startsWith(QLatin1StringView("whsec_")));
    QCOMPARE(created->url, QStringLiteral("https://hooks.example/usage"));
    QCOMPARE(created->subscriptions, (QStringList{QStringLiteral("event.amended"), QStringLiteral("event.deprecated")}));
    QCOMPARE(created->created, m_sandbox->now());

    // Listed newest first, one per page, following the cursor.
    QStringList ids;
    std::optional<QString> cursor;
    do {
        auto page = run<Page<Webhook>>([&](auto done) { m_api.listWebhooks(1, cursor, nullptr, done); });
        QVERIFY2(page, why(page).constData());
        QCOMPARE(page->items.size(), 1);
        QVERIFY(!page->items[0].secret);
        ids << page->items[0].id;
        cursor = page->nextCursor;
    } while (cursor);
    QCOMPARE(ids, (QStringList{created->id, m_w2, m_w1}));

    auto fetched = run<Webhook>([&](auto done) { m_api.fetchWebhook(m_w1, nullptr, done); });
    QVERIFY2(fetched, why(fetched).constData());
    QCOMPARE(fetched->recentFailureCount, 2);
    QCOMPARE(fetched->url, m_receiver->url(QStringLiteral("a")));

    auto deleted = run<Webhook>([&](auto done) { m_api.deleteWebhook(created->id, nullptr, done); });
    QVERIFY2(deleted, why(deleted).constData());
    QCOMPARE(deleted->id, created->id);
    auto gone = run<Webhook>([&](auto done) { m_api.fetchWebhook(created->id, nullptr, done); });
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, RequestError::Kind::Http);
    QCOMPARE(gone.error().httpStatus(), 404);
}

void TstWebhooksClient::invalidWebhooksComeBackAsValidationErrors()
{
    auto created = run<Webhook>([&](auto done) {
        m_api.createWebhook(ul::NewWebhook{QStringLiteral("not a url"), {QStringLiteral("event.nope")}}, nullptr, done);
    });
    QVERIFY(!created);
    QCOMPARE(created.error().httpStatus(), 400);
    QVERIFY(created.error().api);
    QCOMPARE(created.error().api->validationErrors.size(), 2);
    QCOMPARE(created.error().attempts, 1); // a 400 is not retried
}

void TstWebhooksClient::attemptsFilter_data()
{
    QTest::addColumn<QStringList>("eventIds");
    QTest::addColumn<QString>("webhook");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("afterMinutes");  // from t0; -1: none
    QTest::addColumn<int>("beforeMinutes"); // from t0; -1: none
    QTest::addColumn<int>("expected");
    // c1 at t0 and c2 at t0 + 2 h, each failing for w1 (404) and w2 (closed connection).
    QTest::newRow("all") << QStringList() << QString() << QString() << -1 << -1 << 4;
    QTest::newRow("event") << QStringList{QStringLiteral("c1")} << QString() << QString() << -1 << -1 << 2;
    QTest::newRow("events") << QStringList{QStringLiteral("c1"), QStringLiteral("c2")} << QString() << QString() << -1 << -1 << 4;
    QTest::newRow("webhook") << QStringList() << QStringLiteral("w1") << QString() << -1 << -1 << 2;
    QTest::newRow("event and webhook") << QStringList{QStringLiteral("c2")} << QStringLiteral("w2") << QString() << -1 << -1 << 1;
    QTest::newRow("code badHttpStatus") << QStringList() << QString() << QStringLiteral("badHttpStatus") << -1 << -1 << 2;
    QTest::newRow("code badConnection") << QStringList() << QString() << QStringLiteral("badConnection") << -1 << -1 << 2;
    QTest::newRow("code timeout") << QStringList() << QString() << QStringLiteral("timeout") << -1 << -1 << 0;
    QTest::newRow("after") << QStringList() << QString() << QString() << 60 << -1 << 2;
    QTest::newRow("before") << QStringList() << QString() << QString() << -1 << 60 << 2;
    QTest::newRow("between") << QStringList() << QString() << QString() << 0 << 120 << 2;
    QTest::newRow("everything") << QStringList{QStringLiteral("c2")} << QStringLiteral("w1") << QStringLiteral("badHttpStatus")
                                << 119 << 121 << 1;
}

void TstWebhooksClient::attemptsFilter()
{
    QFETCH(QStringList, eventIds);
    QFETCH(QString, webhook);
    QFETCH(QString, code);
    QFETCH(int, afterMinutes);
    QFETCH(int, beforeMinutes);
    QFETCH(int, expected);
    AttemptQuery query;
    query.eventIds = eventIds;
    if (!webhook.isEmpty())
        query.webhookIds = {webhook == QLatin1StringView("w1") ? m_w1 : m_w2};
    if (!code.isEmpty())
        query.codes = {code};
    if (afterMinutes >= 0)
        query.after = m_t0 + std::chrono::minutes(afterMinutes);
    if (beforeMinutes >= 0)
        query.before = m_t0 + std::chrono::minutes(beforeMinutes);
    const QList<Attempt> attempts = allAttempts(query);
    QCOMPARE(attempts.size(), expected);
    for (const Attempt &a : attempts) {
        if (!eventIds.isEmpty())
            QVERIFY(eventIds.contains(a.eventId));
        if (!query.webhookIds.isEmpty())
            QCOMPARE(a.webhookId, query.webhookIds[0]);
        if (!code.isEmpty())
            QCOMPARE(a.code, code);
        QCOMPARE(a.trigger, QStringLiteral("scheduled"));
        QVERIFY(!a.isManual());
        QCOMPARE(a.deliveryStatus, QStringLiteral("failed"));
        if (a.code == QLatin1StringView("badHttpStatus")) {
            QCOMPARE(a.httpStatus, std::optional<int>(404));
            QCOMPARE(a.message, QStringLiteral("HTTP POST request returned status 404"));
        } else {
            QVERIFY(!a.httpStatus);
            QVERIFY(a.message.startsWith(QLatin1StringView("HTTP POST request failed: ")));
        }
    }
}

void TstWebhooksClient::attemptsPageWithTheCursor()
{
    AttemptQuery query;
    query.limit = 3;
    auto first = run<Page<Attempt>>([&](auto done) { m_api.listAttempts(query, nullptr, done); });
    QVERIFY2(first, why(first).constData());
    QCOMPARE(first->items.size(), 3);
    QVERIFY(first->nextCursor);
    query.cursor = first->nextCursor;
    auto second = run<Page<Attempt>>([&](auto done) { m_api.listAttempts(query, nullptr, done); });
    QVERIFY2(second, why(second).constData());
    QCOMPARE(second->items.size(), 1);
    QVERIFY(!second->nextCursor);
    // Newest first: the last one is c1's.
    QCOMPARE(second->items[0].eventId, QStringLiteral("c1"));
    QCOMPARE(first->items[0].created, m_t0 + 2h);

    query.limit = 101;
    auto tooMany = run<Page<Attempt>>([&](auto done) { m_api.listAttempts(query, nullptr, done); });
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.error().httpStatus(), 400);
}

void TstWebhooksClient::fetchAndMarkHandled()
{
    AttemptQuery query;
    query.eventIds = {QStringLiteral("c1")};
    query.webhookIds = {m_w1};
    const QList<Attempt> attempts = allAttempts(query);
    QCOMPARE(attempts.size(), 1);
    auto fetched = run<Attempt>([&](auto done) { m_api.fetchAttempt(attempts[0].id, nullptr, done); });
    QVERIFY2(fetched, why(fetched).constData());
    QCOMPARE(fetched->id, attempts[0].id);
    QCOMPARE(fetched->webhookUrl, m_receiver->url(QStringLiteral("a")));
    QCOMPARE(fetched->subscription, QStringLiteral("event.ingested"));
    QCOMPARE(fetched->created, m_t0);
    QVERIFY(!fetched->handled);

    auto handled = run<Attempt>([&](auto done) { m_api.markHandled(attempts[0].id, nullptr, done); });
    QVERIFY2(handled, why(handled).constData());
    QCOMPARE(handled->handled, std::optional<Timestamp>(m_sandbox->now()));
    QCOMPARE(handled->deliveryStatus, QStringLiteral("handled"));

    auto missing = run<Attempt>([&](auto done) { m_api.fetchAttempt(QStringLiteral("4242424242424242"), nullptr, done); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().httpStatus(), 404);
}

void TstWebhooksClient::resendReportsTheDelivery()
{
    // w2's receiver closed the connection; it works now.
    m_receiver->setMode(QStringLiteral("b"), TestReceiver::Mode::Ok);
    auto started = run<Delivery>([&](auto done) { m_api.resend(QStringLiteral("c2"), m_w2, nullptr, done); });
    QVERIFY2(started, why(started).constData());
    QVERIFY(started->sending);
    QCOMPARE(started->eventId, QStringLiteral("c2"));
    QCOMPARE(started->webhookId, m_w2);
    QCOMPARE(started->status, QStringLiteral("failed"));
    QCOMPARE(started->tries, 1);

    std::optional<Delivery> ended;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 auto d = run<Delivery>([&](auto done) { m_api.fetchDelivery(started->id, nullptr, done); });
                                 if (d && !d->sending)
                                     ended = *d;
                                 return ended.has_value();
                             }()),
                             SettleTimeoutMs);
    QVERIFY(ended->isDelivered());
    QCOMPARE(ended->tries, 2);
    QVERIFY(!ended->lastAttemptId);
    QCOMPARE(ended->delivered, std::optional<Timestamp>(m_sandbox->now()));

    // An unknown webhook is a 404.
    auto refused = run<Delivery>([&](auto done) { m_api.resend(QStringLiteral("c2"), QStringLiteral("4242424242424242"), nullptr, done); });
    QVERIFY(!refused);
    QCOMPARE(refused.error().httpStatus(), 404);
}

void TstWebhooksClient::withoutAClientCallsFail()
{
    const WebhookApi none;
    QObject context;
    auto result = run<Page<Attempt>>([&](auto done) { none.listAttempts(AttemptQuery{}, &context, done); });
    QVERIFY(!result);
    QCOMPARE(result.error().kind, RequestError::Kind::Network);
}

QTEST_GUILESS_MAIN(TstWebhooksClient)
#include "tst_webhooks_client.moc"
