// The webhook and attempt routes over HTTP: /webhook (create, list with cursor, fetch, delete),
// /event/attempt (every filter, the cursor, fetch, mark handled), resend and /event/delivery,
// with their validation, at /v1 and at the root.
#include "OrbJson.h"
#include "SandboxFixture.h"
#include "TestReceiver.h"
#include "WebhookTestSupport.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::HttpResult;
using ul::test::SandboxFixture;
using ul::test::SettleTimeoutMs;
using ul::test::TestReceiver;

class TstWebhooksApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // webhooks
    void createAnswersTheWebhookWithItsSecret();
    void createRejectsInvalidBodies_data();
    void createRejectsInvalidBodies();
    void listPagesNewestFirstWithACursor();
    void listRejectsBadLimitsAndCursors_data();
    void listRejectsBadLimitsAndCursors();
    void fetchAndDelete();
    void everyRouteNeedsTheToken();

    // attempts
    void attemptsFilter_data();
    void attemptsFilter();
    void attemptsPageWithACursor();
    void attemptsCursorKeepsTheFilter();
    void attemptsRejectBadParameters_data();
    void attemptsRejectBadParameters();
    void fetchOneAttempt();
    void markHandledValidatesItsBody_data();
    void markHandledValidatesItsBody();
    void webhooksCountTheirRecentFailures();

    // resend and deliveries
    void resendRefusesUnknownTargets();
    void resendWithAnIdempotencyKeyRunsOnce();
    void deliveriesFilter();

private:
    // One sandbox for the attempt tests: two failing webhooks, three events over two days.
    std::unique_ptr<TestReceiver> m_receiver;
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_w1, m_w2;
    Timestamp m_t0;
};

namespace {

QString day(Timestamp t)
{
    return t.toDateTime().date().toString(Qt::ISODate);
}

QStringList problemsOf(const HttpResult &result)
{
    QStringList problems;
    for (const QJsonValue &v : result.array(u"validation_errors"))
        problems << v.toString();
    return problems;
}

} // namespace

void TstWebhooksApi::initTestCase()
{
    m_receiver = std::make_unique<TestReceiver>();
    QVERIFY(m_receiver->start());
    m_receiver->setMode(QStringLiteral("a"), TestReceiver::Mode::NotFound);
    m_receiver->setMode(QStringLiteral("b"), TestReceiver::Mode::NotFound);
    m_sandbox = std::make_unique<SandboxFixture>(ul::test::webhookOptions(500ms, {}));
    QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
    SandboxFixture &sandbox = *m_sandbox;
    m_w1 = ul::test::createWebhook(sandbox, m_receiver->url(QStringLiteral("a")), {QStringLiteral("event.ingested")}).id;
    m_w2 = ul::test::createWebhook(sandbox, m_receiver->url(QStringLiteral("b")), {QStringLiteral("event.ingested")}).id;
    QVERIFY(!m_w1.isEmpty() && !m_w2.isEmpty());
    m_t0 = sandbox.now();
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("e1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    sandbox.advance(48h);
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("e2")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("e3")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(ul::test::allAttempts(sandbox).size(), 6);
}

void TstWebhooksApi::cleanupTestCase()
{
    m_sandbox.reset();
    m_receiver.reset();
}

void TstWebhooksApi::createAnswersTheWebhookWithItsSecret()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult created = sandbox.http().post(
        QStringLiteral("/v1/webhook"),
        QJsonObject{{QStringLiteral("url"), QStringLiteral("https://receiver.example/hooks?x=1")},
                    {QStringLiteral("subscriptions"),
                     QJsonArray{QStringLiteral("event.amended"), QStringLiteral("backfill.closed"), QStringLiteral("event.amended")}}});
    UL_COMPARE_STATUS(created, 200);
    QCOMPARE(created.json.keys(), QStringList{QStringLiteral("webhook")});
    const QJsonObject w = created.object(u"webhook");
    QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]{15}$")).match(w[u"id"].toString()).hasMatch(), qPrintable(w[u"id"].toString()));
    QCOMPARE(w[u"url"].toString(), QStringLiteral("https://receiver.example/hooks?x=1"));
    QCOMPARE(w[u"subscriptions"].toArray(), (QJsonArray{QStringLiteral("event.amended"), QStringLiteral("backfill.closed")}));
    QCOMPARE(w[u"created"].toString(), sandbox.now().toIso8601());
    QCOMPARE(w[u"recentFailureCount"].toInt(), 0);
    QVERIFY(w[u"secret"].toString().startsWith(QLatin1StringView("whsec_")));
    QVERIFY(w[u"secret"].toString().size() >= 40);
    // The secret is shown once.
    const HttpResult fetched = sandbox.http().get(QStringLiteral("/v1/webhook/") + w[u"id"].toString());
    UL_COMPARE_STATUS(fetched, 200);
    QVERIFY(!fetched.object(u"webhook").contains(QLatin1StringView("secret")));
    // Another webhook gets another secret.
    const auto other = ul::test::createWebhook(sandbox, QStringLiteral("http://127.0.0.1:9/x"), {QStringLiteral("event.ingested")});
    QVERIFY(other.secret != w[u"secret"].toString());
}

void TstWebhooksApi::createRejectsInvalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no body") << QByteArray() << QStringLiteral("body: a JSON object is required");
    QTest::newRow("not json") << QByteArray("{url") << QStringLiteral("body: not valid JSON");
    QTest::newRow("no url") << QByteArray(R"({"subscriptions":["event.ingested"]})") << QStringLiteral("url: is required");
    QTest::newRow("url not a string") << QByteArray(R"({"url":5,"subscriptions":["event.ingested"]})") << QStringLiteral("url: is required");
    QTest::newRow("relative url") << QByteArray(R"({"url":"/hooks","subscriptions":["event.ingested"]})")
                                  << QStringLiteral("url: \"/hooks\" is not an absolute http or https URL");
    QTest::newRow("ftp url") << QByteArray(R"({"url":"ftp://x.example/h","subscriptions":["event.ingested"]})")
                             << QStringLiteral("url: \"ftp://x.example/h\" is not an absolute http or https URL");
    QTest::newRow("no subscriptions") << QByteArray(R"({"url":"http://x.example"})") << QStringLiteral("subscriptions: is required");
    QTest::newRow("empty subscriptions") << QByteArray(R"({"url":"http://x.example","subscriptions":[]})")
                                         << QStringLiteral("subscriptions: is required");
    QTest::newRow("unknown subscription") << QByteArray(R"({"url":"http://x.example","subscriptions":["transfer"]})")
                                          << QStringLiteral("subscriptions: \"transfer\" is not one of event.ingested, event.amended,"
                                                            " event.deprecated, backfill.closed, backfill.reverted");
    QTest::newRow("unknown field") << QByteArray(R"({"url":"http://x.example","subscriptions":["event.ingested"],"secret":"s"})")
                                   << QStringLiteral("secret: is not a recognised field");
}

void TstWebhooksApi::createRejectsInvalidBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const HttpResult result = m_sandbox->http().post(QStringLiteral("/v1/webhook"), body);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    const QStringList problems = problemsOf(result);
    QVERIFY2(std::any_of(problems.begin(), problems.end(), [&](const QString &p) { return p.startsWith(problem); }),
             qPrintable(problems.join(QStringLiteral(" | "))));
}

void TstWebhooksApi::listPagesNewestFirstWithACursor()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QStringList created;
    for (int i = 0; i < 5; ++i)
        created.prepend(ul::test::createWebhook(sandbox, QStringLiteral("http://h%1.example/").arg(i), {QStringLiteral("event.ingested")}).id);
    QStringList seen;
    QString cursor;
    QList<int> sizes;
    for (;;) {
        const HttpResult page = sandbox.http().get(QStringLiteral("/v1/webhook?limit=2") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        UL_COMPARE_STATUS(page, 200);
        const QStringList keys = page.json.keys();
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()), (QSet<QString>{QStringLiteral("webhooks"), QStringLiteral("cursor")}));
        sizes << int(page.array(u"webhooks").size());
        for (const QJsonValue &w : page.array(u"webhooks")) {
            seen << w[u"id"].toString();
            QVERIFY(!w.toObject().contains(QLatin1StringView("secret")));
        }
        if (page.json.value(QLatin1StringView("cursor")).isNull())
            break;
        cursor = page.string(u"cursor");
    }
    QCOMPARE(sizes, (QList<int>{2, 2, 1}));
    QCOMPARE(seen, created);
    // The default page holds them all.
    QCOMPARE(sandbox.http().get(QStringLiteral("/webhook")).array(u"webhooks").size(), 5);
}

void TstWebhooksApi::listRejectsBadLimitsAndCursors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("problem");
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit: must be between 1 and 100, not 0");
    QTest::newRow("limit 101") << QStringLiteral("limit=101") << QStringLiteral("limit: must be between 1 and 100, not 101");
    QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit: must be between 1 and 100, not ten");
    QTest::newRow("bogus cursor") << QStringLiteral("cursor=bogus") << QStringLiteral("cursor: \"bogus\" is not a cursor this server issued");
    // A cursor of another list is not a webhook cursor.
    QTest::newRow("attempt cursor") << QStringLiteral("cursor=YToxMA") << QStringLiteral("cursor: \"YToxMA\" is not a cursor this server issued");
}

void TstWebhooksApi::listRejectsBadLimitsAndCursors()
{
    QFETCH(QString, query);
    QFETCH(QString, problem);
    const HttpResult result = m_sandbox->http().get(QStringLiteral("/v1/webhook?") + query);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(problemsOf(result), QStringList{problem});
}

void TstWebhooksApi::fetchAndDelete()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, QStringLiteral("http://keep.example/"), {QStringLiteral("event.deprecated")});
    const auto other = ul::test::createWebhook(sandbox, QStringLiteral("http://other.example/"), {QStringLiteral("event.deprecated")});
    HttpResult fetched = sandbox.http().get(QStringLiteral("/webhook/") + hook.id);
    UL_COMPARE_STATUS(fetched, 200);
    QCOMPARE(fetched.object(u"webhook")[u"url"].toString(), QStringLiteral("http://keep.example/"));

    const HttpResult deleted = sandbox.http().send("DELETE", QStringLiteral("/v1/webhook/") + hook.id, {});
    UL_COMPARE_STATUS(deleted, 200);
    QCOMPARE(deleted.object(u"webhook")[u"id"].toString(), hook.id);
    fetched = sandbox.http().get(QStringLiteral("/v1/webhook/") + hook.id);
    UL_COMPARE_STATUS(fetched, 404);
    QCOMPARE(fetched.errorType(), QStringLiteral("404-resource-not-found"));
    QCOMPARE(fetched.string(u"detail"), QStringLiteral("Could not find a resource of type Webhook with identifier: %1.").arg(hook.id));
    UL_COMPARE_STATUS(sandbox.http().send("DELETE", QStringLiteral("/v1/webhook/") + hook.id, {}), 404);
    const QJsonArray left = sandbox.http().get(QStringLiteral("/v1/webhook")).array(u"webhooks");
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0][u"id"].toString(), other.id);
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/webhook/1234567890123456")), 404);
}

void TstWebhooksApi::everyRouteNeedsTheToken()
{
    ul::test::HttpClient anonymous(m_sandbox->baseUrl());
    const QList<QPair<QByteArray, QString>> routes{
        {"POST", QStringLiteral("/v1/webhook")},           {"GET", QStringLiteral("/v1/webhook")},
        {"GET", QStringLiteral("/v1/webhook/%1").arg(m_w1)}, {"DELETE", QStringLiteral("/v1/webhook/%1").arg(m_w1)},
        {"GET", QStringLiteral("/v1/event/attempt")},      {"GET", QStringLiteral("/event/attempt/1")},
        {"PATCH", QStringLiteral("/event/attempt/1")},     {"POST", QStringLiteral("/webhook/%1/event/e1/resend").arg(m_w1)},
        {"GET", QStringLiteral("/event/delivery")},        {"GET", QStringLiteral("/event/delivery/1")},
    };
    for (const auto &[method, path] : routes) {
        const HttpResult result = anonymous.send(method, path, QByteArray("{}"));
        QVERIFY2(result.status == 401, qPrintable(QString::fromLatin1(method) + u' ' + path + u' ' + QString::fromUtf8(result.describe())));
    }
    // Nothing was deleted.
    UL_COMPARE_STATUS(m_sandbox->http().get(QStringLiteral("/v1/webhook/") + m_w1), 200);
}

void TstWebhooksApi::attemptsFilter_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected");
    // Set up in initTestCase: e1 at t0, e2 and e3 two days later, each failing for w1 and w2.
    QTest::newRow("no filter") << QString() << 6;
    QTest::newRow("one event") << QStringLiteral("eventIds=e1") << 2;
    QTest::newRow("two events") << QStringLiteral("eventIds=e1,e3") << 4;
    QTest::newRow("spaces and repeats") << QStringLiteral("eventIds=e1,%20e1,,e3") << 4;
    QTest::newRow("unknown event") << QStringLiteral("eventIds=nope") << 0;
    QTest::newRow("one webhook") << QStringLiteral("webhookIds=W1") << 3;
    QTest::newRow("both webhooks") << QStringLiteral("webhookIds=W1,W2") << 6;
    QTest::newRow("event and webhook") << QStringLiteral("eventIds=e2&webhookIds=W2") << 1;
    QTest::newRow("after day 0") << QStringLiteral("after=D0") << 6;
    QTest::newRow("after day 1") << QStringLiteral("after=D1") << 4;
    QTest::newRow("after day 2") << QStringLiteral("after=D2") << 4;
    QTest::newRow("after day 3") << QStringLiteral("after=D3") << 0;
    QTest::newRow("before day 0 (the day included)") << QStringLiteral("before=D0") << 2;
    QTest::newRow("before day 1") << QStringLiteral("before=D1") << 2;
    QTest::newRow("before day 2") << QStringLiteral("before=D2") << 6;
    QTest::newRow("the day between") << QStringLiteral("after=D1&before=D1") << 0;
    QTest::newRow("day 2 only") << QStringLiteral("after=D2&before=D2") << 4;
    QTest::newRow("after a moment") << QStringLiteral("after=MOMENT1") << 4;
    QTest::newRow("before a moment") << QStringLiteral("before=MOMENT1") << 2;
    QTest::newRow("after t0 inclusive") << QStringLiteral("after=MOMENT0") << 6;
    QTest::newRow("before t0 exclusive") << QStringLiteral("before=MOMENT0") << 0;
    QTest::newRow("code") << QStringLiteral("codes=badHttpStatus") << 6;
    QTest::newRow("other code") << QStringLiteral("codes=timeout") << 0;
    QTest::newRow("codes") << QStringLiteral("codes=timeout,badHttpStatus") << 6;
    QTest::newRow("everything") << QStringLiteral("eventIds=e2,e3&webhookIds=W1&after=D2&before=D2&codes=badHttpStatus") << 2;
}

void TstWebhooksApi::attemptsFilter()
{
    QFETCH(QString, query);
    QFETCH(int, expected);
    query.replace(QStringLiteral("W1"), m_w1);
    query.replace(QStringLiteral("W2"), m_w2);
    for (int d = 0; d <= 3; ++d)
        query.replace(QStringLiteral("D%1").arg(d), day(m_t0 + std::chrono::days(d)));
    query.replace(QStringLiteral("MOMENT0"), QString::fromLatin1(QUrl::toPercentEncoding(m_t0.toIso8601())));
    query.replace(QStringLiteral("MOMENT1"), QString::fromLatin1(QUrl::toPercentEncoding((m_t0 + 1s).toIso8601())));
    const QJsonArray attempts = ul::test::allAttempts(*m_sandbox, query);
    QCOMPARE(attempts.size(), expected);
    // Every attempt returned matches the filter it was asked with.
    const QUrlQuery q(query);
    for (const QJsonValue &a : attempts) {
        if (q.hasQueryItem(QStringLiteral("eventIds")))
            QVERIFY(q.queryItemValue(QStringLiteral("eventIds"), QUrl::FullyDecoded).contains(a[u"eventId"].toString()));
        if (q.hasQueryItem(QStringLiteral("webhookIds")))
            QVERIFY(q.queryItemValue(QStringLiteral("webhookIds")).contains(a[u"webhookId"].toString()));
    }
    // The same through the root path.
    if (query.isEmpty())
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/event/attempt")).array(u"attempts").size(), 6);
}

void TstWebhooksApi::attemptsPageWithACursor()
{
    const HttpResult first = m_sandbox->http().get(QStringLiteral("/v1/event/attempt?limit=4"));
    UL_COMPARE_STATUS(first, 200);
    const QStringList keys = first.json.keys();
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()), (QSet<QString>{QStringLiteral("attempts"), QStringLiteral("cursor")}));
    QCOMPARE(first.array(u"attempts").size(), 4);
    QVERIFY(first.json.value(QLatin1StringView("cursor")).isString());
    const HttpResult second = m_sandbox->http().get(QStringLiteral("/v1/event/attempt?limit=4&cursor=") + first.string(u"cursor"));
    UL_COMPARE_STATUS(second, 200);
    QCOMPARE(second.array(u"attempts").size(), 2);
    QVERIFY(second.json.value(QLatin1StringView("cursor")).isNull());

    QStringList ids;
    QStringList created;
    for (const QJsonArray &page : {first.array(u"attempts"), second.array(u"attempts")}) {
        for (const QJsonValue &a : page) {
            ids << a[u"id"].toString();
            created << a[u"created"].toString();
        }
    }
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 6); // no repeats, nothing left out
    // Newest first: the two of e1 (at t0) come last.
    QCOMPARE(created.mid(4), (QStringList{m_t0.toIso8601(), m_t0.toIso8601()}));
    QCOMPARE(created.mid(0, 4), QStringList(4, (m_t0 + 48h).toIso8601()));

    // One by one, following the cursor: the same six in the same order.
    QStringList oneByOne;
    QString cursor;
    do {
        const HttpResult page = m_sandbox->http().get(QStringLiteral("/v1/event/attempt?limit=1") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        UL_COMPARE_STATUS(page, 200);
        QCOMPARE(page.array(u"attempts").size(), 1);
        oneByOne << page.array(u"attempts")[0][u"id"].toString();
        cursor = page.json.value(QLatin1StringView("cursor")).toString();
    } while (!cursor.isEmpty());
    QCOMPARE(oneByOne, ids);
    // The default page (no limit) holds all six; limit 100 is allowed.
    QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/event/attempt")).array(u"attempts").size(), 6);
    UL_COMPARE_STATUS(m_sandbox->http().get(QStringLiteral("/v1/event/attempt?limit=100")), 200);
}

void TstWebhooksApi::attemptsCursorKeepsTheFilter()
{
    const HttpResult first = m_sandbox->http().get(QStringLiteral("/v1/event/attempt?limit=2&webhookIds=") + m_w1);
    QCOMPARE(first.array(u"attempts").size(), 2);
    const HttpResult second = m_sandbox->http().get(QStringLiteral("/v1/event/attempt?limit=2&webhookIds=%1&cursor=%2").arg(m_w1, first.string(u"cursor")));
    UL_COMPARE_STATUS(second, 200);
    QCOMPARE(second.array(u"attempts").size(), 1);
    QCOMPARE(second.array(u"attempts")[0][u"webhookId"].toString(), m_w1);
    QCOMPARE(second.array(u"attempts")[0][u"eventId"].toString(), QStringLiteral("e1"));
    QVERIFY(second.json.value(QLatin1StringView("cursor")).isNull());
}

void TstWebhooksApi::attemptsRejectBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("problem");
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit: must be between 1 and 100, not 0");
    QTest::newRow("limit 101") << QStringLiteral("limit=101") << QStringLiteral("limit: must be between 1 and 100, not 101");
    QTest::newRow("bogus cursor") << QStringLiteral("cursor=bogus") << QStringLiteral("cursor: \"bogus\" is not a cursor this server issued");
    QTest::newRow("bad date") << QStringLiteral("after=2024-13-45") << QStringLiteral("after: \"2024-13-45\" is not a date");
    QTest::newRow("not a date") << QStringLiteral("before=yesterday")
                                << QStringLiteral("before: \"yesterday\" is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time");
    QTest::newRow("bad code") << QStringLiteral("codes=badHttpStatus,oops")
                              << QStringLiteral("codes: \"oops\" is not one of badHttpStatus, badConnection, timeout");
    QString many;
    for (int i = 0; i < 501; ++i)
        many += QStringLiteral("x%1,").arg(i);
    QTest::newRow("too many ids") << QStringLiteral("eventIds=") + many << QStringLiteral("eventIds: at most 500 values, not 501");
}

void TstWebhooksApi::attemptsRejectBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, problem);
    const HttpResult result = m_sandbox->http().get(QStringLiteral("/v1/event/attempt?") + query);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QCOMPARE(problemsOf(result).size(), 1);
    QVERIFY2(problemsOf(result)[0].startsWith(problem), qPrintable(problemsOf(result)[0]));
}

void TstWebhooksApi::fetchOneAttempt()
{
    const QJsonArray attempts = ul::test::allAttempts(*m_sandbox, QStringLiteral("eventIds=e2&webhookIds=") + m_w2);
    QCOMPARE(attempts.size(), 1);
    const QJsonObject listed = attempts[0].toObject();
    const HttpResult fetched = m_sandbox->http().get(QStringLiteral("/v1/event/attempt/") + listed[u"id"].toString());
    UL_COMPARE_STATUS(fetched, 200);
    QCOMPARE(fetched.json.keys(), QStringList{QStringLiteral("attempt")});
    QCOMPARE(fetched.object(u"attempt"), listed);
    // Stark's fields, then the operator's.
    for (const char *key : {"id", "code", "message", "eventId", "webhookId", "created", "httpStatus", "responseExcerpt",
                            "durationMs", "trigger", "handled", "deliveryId", "webhookUrl", "subscription", "deliveryStatus",
                            "sending", "delivered", "nextTry"})
        QVERIFY2(listed.contains(QLatin1StringView(key)), key);
    QCOMPARE(listed[u"eventId"].toString(), QStringLiteral("e2"));
    QCOMPARE(listed[u"webhookUrl"].toString(), m_receiver->url(QStringLiteral("b")));
    QCOMPARE(listed[u"responseExcerpt"].toString(), QStringLiteral("{\"error\":\"no such endpoint\"}"));

    const HttpResult missing = m_sandbox->http().get(QStringLiteral("/event/attempt/4242424242424242"));
    UL_COMPARE_STATUS(missing, 404);
    QCOMPARE(missing.errorType(), QStringLiteral("404-resource-not-found"));
    QCOMPARE(missing.string(u"detail"), QStringLiteral("Could not find a resource of type Attempt with identifier: 4242424242424242."));
}

void TstWebhooksApi::markHandledValidatesItsBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("body: a JSON object is required");
    QTest::newRow("no field") << QByteArray("{}") << QStringLiteral("handled: must be true");
    QTest::newRow("false") << QByteArray(R"({"handled":false})") << QStringLiteral("handled: must be true");
    QTest::newRow("string") << QByteArray(R"({"handled":"yes"})") << QStringLiteral("handled: must be true");
    QTest::newRow("unknown field") << QByteArray(R"({"handled":true,"isDelivered":true})") << QStringLiteral("isDelivered: is not a recognised field");
}

void TstWebhooksApi::markHandledValidatesItsBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const QString id = ul::test::allAttempts(*m_sandbox)[0][u"id"].toString();
    const HttpResult result = m_sandbox->http().send("PATCH", QStringLiteral("/v1/event/attempt/") + id, body);
    UL_COMPARE_STATUS(result, 400);
    QVERIFY2(problemsOf(result).value(0).startsWith(problem), qPrintable(problemsOf(result).join(u'|')));
    UL_COMPARE_STATUS(m_sandbox->http().send("PATCH", QStringLiteral("/v1/event/attempt/4242424242424242"), QByteArray(R"({"handled":true})")), 404);
    // Nothing was marked.
    QVERIFY(ul::test::allAttempts(*m_sandbox)[0][u"handled"].isNull());
}

void TstWebhooksApi::webhooksCountTheirRecentFailures()
{
    HttpResult w1 = m_sandbox->http().get(QStringLiteral("/v1/webhook/") + m_w1);
    UL_COMPARE_STATUS(w1, 200);
    // e2 and e3 failed within the last day; e1's failure is two days old.
    QCOMPARE(w1.object(u"webhook")[u"recentFailureCount"].toInt(), 2);
    const QJsonArray listed = m_sandbox->http().get(QStringLiteral("/v1/webhook")).array(u"webhooks");
    for (const QJsonValue &w : listed)
        QCOMPARE(w[u"recentFailureCount"].toInt(), 2);
}

void TstWebhooksApi::resendRefusesUnknownTargets()
{
    HttpResult result = m_sandbox->http().post(QStringLiteral("/v1/webhook/4242424242424242/event/e1/resend"), QByteArray());
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.string(u"detail"), QStringLiteral("Could not find a resource of type Webhook with identifier: 4242424242424242."));
    result = m_sandbox->http().post(QStringLiteral("/v1/webhook/%1/event/no-such-event/resend").arg(m_w1), QByteArray());
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.string(u"detail"), QStringLiteral("Could not find a resource of type Event with identifier: no-such-event."));
    result = m_sandbox->http().post(QStringLiteral("/v1/webhook/%1/event/e1/resend").arg(m_w1), QByteArray(R"({"now":true})"));
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(problemsOf(result), QStringList{QStringLiteral("now: is not a recognised field")});
}

void TstWebhooksApi::resendWithAnIdempotencyKeyRunsOnce()
{
    TestReceiver receiver;
    QVERIFY(receiver.start());
    SandboxFixture sandbox(ul::test::webhookOptions(500ms, {}));
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("ok")), {QStringLiteral("event.ingested")});
    UL_COMPARE_STATUS(ul::test::ingestOne(sandbox, QStringLiteral("idem-1")), 200);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 1 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const QString path = QStringLiteral("/v1/webhook/%1/event/idem-1/resend").arg(hook.id);
    const ul::test::RawHeaders key{{QByteArray("Idempotency-Key"), QByteArray("resend-once")}};
    const HttpResult first = sandbox.http().post(path, QByteArray(), key);
    UL_COMPARE_STATUS(first, 202);
    QTRY_VERIFY_WITH_TIMEOUT(receiver.count() == 2 && ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    const HttpResult again = sandbox.http().post(path, QByteArray(), key);
    UL_COMPARE_STATUS(again, 202);
    QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(again.body, first.body);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(sandbox), SettleTimeoutMs);
    QCOMPARE(receiver.count(), 2);
}

void TstWebhooksApi::deliveriesFilter()
{
    SandboxFixture &sandbox = *m_sandbox;
    QCOMPARE(ul::test::deliveries(sandbox).size(), 6);
    QCOMPARE(ul::test::deliveries(sandbox, QStringLiteral("eventIds=e1")).size(), 2);
    QCOMPARE(ul::test::deliveries(sandbox, QStringLiteral("webhookIds=") + m_w2).size(), 3);
    QCOMPARE(ul::test::deliveries(sandbox, QStringLiteral("status=failed")).size(), 6);
    QCOMPARE(ul::test::deliveries(sandbox, QStringLiteral("status=delivered,pending")).size(), 0);
    const HttpResult page = sandbox.http().get(QStringLiteral("/v1/event/delivery?limit=5"));
    QCOMPARE(page.array(u"deliveries").size(), 5);
    const HttpResult rest = sandbox.http().get(QStringLiteral("/v1/event/delivery?limit=5&cursor=") + page.string(u"cursor"));
    QCOMPARE(rest.array(u"deliveries").size(), 1);
    QVERIFY(rest.json.value(QLatin1StringView("cursor")).isNull());

    const QJsonObject d = page.array(u"deliveries")[0].toObject();
    const HttpResult one = sandbox.http().get(QStringLiteral("/event/delivery/") + d[u"id"].toString());
    UL_COMPARE_STATUS(one, 200);
    QCOMPARE(one.object(u"delivery"), d);
    QCOMPARE(d[u"tries"].toInt(), 1);
    QCOMPARE(d[u"subscription"].toString(), QStringLiteral("event.ingested"));
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/event/delivery/4242424242424242")), 404);
    const HttpResult bad = sandbox.http().get(QStringLiteral("/event/delivery?status=lost"));
    UL_COMPARE_STATUS(bad, 400);
}

QTEST_GUILESS_MAIN(TstWebhooksApi)
#include "tst_webhooks_api.moc"
