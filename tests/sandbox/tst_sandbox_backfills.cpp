// Backfills over HTTP (Orb contract §2.4): create, list, fetch, close and revert, the state
// machine, ingesting into a backfill, and what closing and reverting do to the events search shows.
#include "BackfillTestSupport.h"
#include "TestReceiver.h"
#include "WebhookTestSupport.h"

#include "store/SandboxStore.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpResult;
using ul::test::SandboxFixture;
using ul::test::longMemoryOptions;
using ul::test::backfillBody;
using ul::test::closeBackfill;
using ul::test::createBackfill;
using ul::test::fetchBackfill;
using ul::test::ingestInto;
using ul::test::newBackfill;
using ul::test::revertBackfill;
using ul::test::searchState;

class TstSandboxBackfills : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // create
    void createAnswersAPendingBackfillWithEveryField();
    void createKeepsTheGivenSettings();
    void createRejectsInvalidBodies_data();
    void createRejectsInvalidBodies();
    void createAllowsAtMost31Days();
    void createScopesByExternalCustomerId();
    void createRejectsOverlapWithPendingBackfills_data();
    void createRejectsOverlapWithPendingBackfills();
    void onlyPendingAndPendingRevertBlockOverlap();
    void createIsRetrySafeWithAnIdempotencyKey();
    // list and fetch
    void listIsNewestFirstWithCursorPagination();
    void listRejectsBadLimitsAndCursors();
    void fetchAnswersTheBackfillOrNotFound();
    // ingest
    void ingestAcceptsOldEventsInsideTheTimeframe();
    void ingestRejectsEventsOutsideTheTimeframe();
    void ingestRespectsTheCustomerScope();
    void ingestIntoAnUnknownBackfillIsNotFound();
    void ingestOnlyWhileThePendingBackfillIsOpen_data();
    void ingestOnlyWhileThePendingBackfillIsOpen();
    void duplicatesDoNotCountAsIngested();
    // close, revert and what search shows
    void eventsOfAPendingBackfillAreNotShown();
    void closeReflectsTheBackfill();
    void closeIsIdempotentAndRefusedAfterRevert();
    void closeWithReplaceHidesTheEventsItReplaces();
    void replaceIsLimitedToTheCustomerScope();
    void deprecationFilterLimitsWhatIsReplaced();
    void closeWithoutReplaceAddsTheEvents();
    void revertOfAReflectedBackfillRestoresThePreviousState();
    void revertOfAPendingBackfillGoesStraightToReverted();
    void revertIsIdempotentAndUnknownIsNotFound();
    void closeAndRevertTakeNoBody();
    void autoCloseWhenCloseTimePasses();
    void laterBackfillKeepsReplacingAfterAnEarlierOneIsReverted();
    void backfillsSurviveARestart();
    void webhooksAnnounceCloseAndRevert();
    void demoDataHasBackfillsInEachState();
};

namespace {

Timestamp daysAgo(SandboxFixture &sandbox, int days)
{
    return ul::test::hourStartBefore(sandbox, std::chrono::days(days));
}

QString statusOf(SandboxFixture &sandbox, const QString &id)
{
    return fetchBackfill(sandbox, id).string(u"status");
}

} // namespace

// ---- create ---------------------------------------------------------------------------------

void TstSandboxBackfills::createAnswersAPendingBackfillWithEveryField()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10), end = daysAgo(sandbox, 9);
    const HttpResult created = createBackfill(sandbox, backfillBody(start, end));
    UL_COMPARE_STATUS(created, 200); // Orb answers 200, not 201
    const QJsonObject b = created.json;
    QVERIFY(!b.value(u"id").toString().isEmpty());
    QCOMPARE(b.value(u"status").toString(), QStringLiteral("pending"));
    QCOMPARE(b.value(u"created_at").toString(), sandbox.now().toIso8601());
    QCOMPARE(b.value(u"timeframe_start").toString(), start.toIso8601());
    QCOMPARE(b.value(u"timeframe_end").toString(), end.toIso8601());
    QCOMPARE(b.value(u"events_ingested").toInteger(), 0);
    QCOMPARE(b.value(u"close_time").toString(), (sandbox.now() + std::chrono::days(1)).toIso8601()); // default: a day later
    QVERIFY(b.contains(u"reverted_at") && b.value(u"reverted_at").isNull());
    QVERIFY(b.contains(u"customer_id") && b.value(u"customer_id").isNull()); // all customers
    QCOMPARE(b.value(u"replace_existing_events").toBool(), true);              // the default
    QVERIFY(b.value(u"deprecation_filter").isNull());
    QVERIFY(!b.contains(u"external_customer_id"));
}

void TstSandboxBackfills::createKeepsTheGivenSettings()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"acme");
    const Timestamp closeTime = sandbox.now() + 2h;
    const HttpResult created = createBackfill(
        sandbox, backfillBody(daysAgo(sandbox, 5), daysAgo(sandbox, 4),
                              {{QStringLiteral("customer_id"), customer},
                               {QStringLiteral("close_time"), closeTime.toIso8601()},
                               {QStringLiteral("replace_existing_events"), true},
                               {QStringLiteral("deprecation_filter"), QStringLiteral("ms > 100 AND region = 'eu'")}}));
    UL_COMPARE_STATUS(created, 200);
    QCOMPARE(created.string(u"customer_id"), customer);
    QCOMPARE(created.string(u"close_time"), closeTime.toIso8601());
    QCOMPARE(created.string(u"deprecation_filter"), QStringLiteral("ms > 100 AND region = 'eu'"));

    const HttpResult adding = createBackfill(sandbox, backfillBody(daysAgo(sandbox, 3), daysAgo(sandbox, 2),
                                                                   {{QStringLiteral("replace_existing_events"), false}}));
    UL_COMPARE_STATUS(adding, 200);
    QCOMPARE(adding.json.value(u"replace_existing_events").toBool(), false);
}

void TstSandboxBackfills::createRejectsInvalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    const QByteArray day = R"("timeframe_start": "2024-05-01T00:00:00Z", "timeframe_end": "2024-05-02T00:00:00Z")";
    QTest::newRow("no body") << QByteArray() << QStringLiteral("body");
    QTest::newRow("not JSON") << QByteArray("{timeframe_start:") << QStringLiteral("the body is not valid JSON");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("the body must be a JSON object");
    QTest::newRow("no start") << QByteArray(R"({"timeframe_end": "2024-05-02T00:00:00Z"})") << QStringLiteral("timeframe_start: is required");
    QTest::newRow("no end") << QByteArray(R"({"timeframe_start": "2024-05-01T00:00:00Z"})") << QStringLiteral("timeframe_end: is required");
    QTest::newRow("end before start") << QByteArray(R"({"timeframe_start": "2024-05-02T00:00:00Z", "timeframe_end": "2024-05-01T00:00:00Z"})")
                                      << QStringLiteral("timeframe_end: must be after");
    QTest::newRow("end equals start") << QByteArray(R"({"timeframe_start": "2024-05-01T00:00:00Z", "timeframe_end": "2024-05-01T00:00:00Z"})")
                                      << QStringLiteral("timeframe_end: must be after");
    QTest::newRow("over 31 days") << QByteArray(R"({"timeframe_start": "2024-05-01T00:00:00Z", "timeframe_end": "2024-06-01T00:00:00.001Z"})")
                                  << QStringLiteral("timeframe_end: a backfill may span at most 31 days");
    QTest::newRow("malformed start") << QByteArray(R"({"timeframe_start": "yesterday", "timeframe_end": "2024-05-01T00:00:00Z"})")
                                     << QStringLiteral("timeframe_start");
    QTest::newRow("not UTC") << QByteArray(R"({"timeframe_start": "2024-05-01T00:00:00+02:00", "timeframe_end": "2024-05-02T00:00:00Z"})")
                             << QStringLiteral("timeframe_start");
    QTest::newRow("unknown field") << "{" + day + R"(, "customer": "x"})" << QStringLiteral("customer: is not a recognised field");
    QTest::newRow("both customer fields") << "{" + day + R"(, "customer_id": "a", "external_customer_id": "b"})"
                                          << QStringLiteral("customer_id: give either");
    QTest::newRow("unknown customer_id") << "{" + day + R"(, "customer_id": "nobody"})" << QStringLiteral("customer_id: no customer");
    QTest::newRow("unknown external id") << "{" + day + R"(, "external_customer_id": "nobody"})"
                                         << QStringLiteral("external_customer_id: no customer");
    QTest::newRow("replace not boolean") << "{" + day + R"(, "replace_existing_events": "yes"})"
                                         << QStringLiteral("replace_existing_events: must be a boolean");
    QTest::newRow("filter does not parse") << "{" + day + R"(, "deprecation_filter": "ms > AND"})"
                                           << QStringLiteral("deprecation_filter: column");
    QTest::newRow("filter without replace") << "{" + day + R"(, "replace_existing_events": false, "deprecation_filter": "ms > 1"})"
                                            << QStringLiteral("deprecation_filter: only applies");
    QTest::newRow("close_time in the past") << "{" + day + R"(, "close_time": "2020-01-01T00:00:00Z"})"
                                            << QStringLiteral("close_time: must be in the future");
}

void TstSandboxBackfills::createRejectsInvalidBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().post(QStringLiteral("/v1/events/backfills"), body);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QVERIFY2(result.array(u"validation_errors").first().toString().startsWith(problem), result.body.constData());
    // Nothing was created.
    QCOMPARE(sandbox.http().get(QStringLiteral("/v1/events/backfills")).array(u"data").size(), 0);
}

void TstSandboxBackfills::createAllowsAtMost31Days()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 40);
    UL_COMPARE_STATUS(createBackfill(sandbox, backfillBody(start, start + std::chrono::days(31))), 200);
    UL_COMPARE_STATUS(createBackfill(sandbox, backfillBody(start - std::chrono::days(40), start - std::chrono::days(9) + 1ms)), 400);
}

void TstSandboxBackfills::createScopesByExternalCustomerId()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"ext/acme 1");
    const HttpResult created = createBackfill(sandbox, backfillBody(daysAgo(sandbox, 3), daysAgo(sandbox, 2),
                                                                    {{QStringLiteral("external_customer_id"), QStringLiteral("ext/acme 1")}}));
    UL_COMPARE_STATUS(created, 200);
    QCOMPARE(created.string(u"customer_id"), customer); // the alias is resolved to the Orb id
}

void TstSandboxBackfills::createRejectsOverlapWithPendingBackfills_data()
{
    // The first backfill covers days [-10, -8); the second one is given in hours relative to -10 days.
    QTest::addColumn<int>("fromHour");
    QTest::addColumn<int>("toHour");
    QTest::addColumn<QString>("firstScope");  // "all", "a"
    QTest::addColumn<QString>("secondScope"); // "all", "a", "b"
    QTest::addColumn<bool>("allowed");
    QTest::newRow("same timeframe") << 0 << 48 << "all" << "all" << false;
    QTest::newRow("inside") << 5 << 6 << "all" << "all" << false;
    QTest::newRow("straddles the start") << -5 << 1 << "all" << "all" << false;
    QTest::newRow("straddles the end") << 47 << 50 << "all" << "all" << false;
    QTest::newRow("ends where it starts") << -5 << 0 << "all" << "all" << true;
    QTest::newRow("starts where it ends") << 48 << 50 << "all" << "all" << true;
    QTest::newRow("same customer") << 5 << 6 << "a" << "a" << false;
    QTest::newRow("other customer") << 5 << 6 << "a" << "b" << true;
    QTest::newRow("all customers over one") << 5 << 6 << "a" << "all" << false;
    QTest::newRow("one customer under all") << 5 << 6 << "all" << "b" << false;
}

void TstSandboxBackfills::createRejectsOverlapWithPendingBackfills()
{
    QFETCH(int, fromHour);
    QFETCH(int, toHour);
    QFETCH(QString, firstScope);
    QFETCH(QString, secondScope);
    QFETCH(bool, allowed);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QHash<QString, QString> customers{{QStringLiteral("a"), sandbox.newCustomer(u"a")},
                                            {QStringLiteral("b"), sandbox.newCustomer(u"b")}};
    auto scope = [&](const QString &name) {
        return name == QLatin1StringView("all") ? QJsonObject() : QJsonObject{{QStringLiteral("customer_id"), customers[name]}};
    };
    const Timestamp base = daysAgo(sandbox, 10);
    QVERIFY(!newBackfill(sandbox, base, base + 48h, scope(firstScope)).isEmpty());
    const HttpResult second = createBackfill(sandbox, backfillBody(base + std::chrono::hours(fromHour),
                                                                   base + std::chrono::hours(toHour), scope(secondScope)));
    if (allowed) {
        UL_COMPARE_STATUS(second, 200);
    } else {
        UL_COMPARE_STATUS(second, 400);
        QCOMPARE(second.errorType(), QStringLiteral("400-constraint-violation"));
        QVERIFY2(second.string(u"detail").contains(QStringLiteral("overlaps")), second.body.constData());
    }
}

void TstSandboxBackfills::onlyPendingAndPendingRevertBlockOverlap()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10), end = daysAgo(sandbox, 9);
    const QString first = newBackfill(sandbox, start, end);
    UL_COMPARE_STATUS(createBackfill(sandbox, backfillBody(start, end)), 400); // pending blocks
    UL_COMPARE_STATUS(closeBackfill(sandbox, first), 200);
    const QString second = newBackfill(sandbox, start, end); // reflected does not block
    QVERIFY(!second.isEmpty());
    UL_COMPARE_STATUS(closeBackfill(sandbox, second), 200);
    const HttpResult reverting = revertBackfill(sandbox, second);
    QCOMPARE(reverting.string(u"status"), QStringLiteral("pending_revert"));
    const HttpResult blocked = createBackfill(sandbox, backfillBody(start, end)); // pending_revert blocks
    UL_COMPARE_STATUS(blocked, 400);
    QCOMPARE(blocked.errorType(), QStringLiteral("400-constraint-violation"));
    sandbox.advance(1s); // the revert's time has passed
    QCOMPARE(statusOf(sandbox, second), QStringLiteral("reverted"));
    UL_COMPARE_STATUS(createBackfill(sandbox, backfillBody(start, end)), 200); // reverted does not block
}

void TstSandboxBackfills::createIsRetrySafeWithAnIdempotencyKey()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QJsonObject body = backfillBody(daysAgo(sandbox, 10), daysAgo(sandbox, 9));
    const ul::test::RawHeaders key{{QByteArray("Idempotency-Key"), QByteArray("backfill-create-1")}};
    const HttpResult first = sandbox.http().post(QStringLiteral("/v1/events/backfills"), body, key);
    const HttpResult retry = sandbox.http().post(QStringLiteral("/v1/events/backfills"), body, key);
    UL_COMPARE_STATUS(first, 200);
    UL_COMPARE_STATUS(retry, 200); // a replay, not an overlap
    QCOMPARE(retry.string(u"id"), first.string(u"id"));
    QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(sandbox.http().get(QStringLiteral("/v1/events/backfills")).array(u"data").size(), 1);
}

// ---- list and fetch -------------------------------------------------------------------------

void TstSandboxBackfills::listIsNewestFirstWithCursorPagination()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QStringList created;
    for (int i = 0; i < 5; ++i) {
        created.prepend(newBackfill(sandbox, daysAgo(sandbox, 20 - 2 * i), daysAgo(sandbox, 19 - 2 * i)));
        sandbox.advance(1s);
    }
    QStringList seen;
    QList<qsizetype> sizes;
    QString cursor;
    for (int page = 0; page < 5; ++page) {
        const HttpResult result = sandbox.http().get(QStringLiteral("/v1/events/backfills?limit=2")
                                                     + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        UL_COMPARE_STATUS(result, 200);
        seen << ul::test::dataIds(result);
        sizes << result.array(u"data").size();
        const QJsonObject meta = result.object(u"pagination_metadata");
        QCOMPARE(meta.value(u"has_more").toBool(), !meta.value(u"next_cursor").isNull());
        if (meta.value(u"next_cursor").isNull())
            break;
        cursor = meta.value(u"next_cursor").toString();
    }
    QCOMPARE(seen, created);
    QCOMPARE(sizes, (QList<qsizetype>{2, 2, 1}));
    // The default limit (20) takes all of them.
    QCOMPARE(ul::test::dataIds(sandbox.http().get(QStringLiteral("/v1/events/backfills"))), created);
}

void TstSandboxBackfills::listRejectsBadLimitsAndCursors()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    for (const char *query : {"limit=0", "limit=101", "limit=x", "cursor=not-a-cursor"}) {
        const HttpResult result = sandbox.http().get(QStringLiteral("/v1/events/backfills?") + QLatin1StringView(query));
        UL_COMPARE_STATUS(result, 400);
        QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    }
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/events/backfills?limit=100&cursor=")), 200); // empty = absent
}

void TstSandboxBackfills::fetchAnswersTheBackfillOrNotFound()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult created = createBackfill(sandbox, backfillBody(daysAgo(sandbox, 3), daysAgo(sandbox, 2)));
    const HttpResult fetched = fetchBackfill(sandbox, created.string(u"id"));
    UL_COMPARE_STATUS(fetched, 200);
    QCOMPARE(fetched.json, created.json);
    const HttpResult unknown = fetchBackfill(sandbox, QStringLiteral("no such/backfill"));
    UL_COMPARE_STATUS(unknown, 404);
    QCOMPARE(unknown.errorType(), QStringLiteral("404-resource-not-found"));
}

// ---- ingest ---------------------------------------------------------------------------------

void TstSandboxBackfills::ingestAcceptsOldEventsInsideTheTimeframe()
{
    SandboxFixture sandbox; // grace period: 12 hours
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    const QString id = newBackfill(sandbox, start, start + 24h);
    const EventJson old(u"old-1", start + 1h);
    const HttpResult plain = sandbox.ingest({EventJson(old).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(plain, 400); // too old without the backfill
    QVERIFY(ul::test::problemsOf(plain, QStringLiteral("old-1")).first().contains(QStringLiteral("grace period")));

    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(old).forExternalCustomer(u"acme"),
                                               EventJson(u"old-2", start).forExternalCustomer(u"acme"),
                                               EventJson(u"old-3", start + 24h - 1ms).forExternalCustomer(u"acme")}),
                      200);
    QCOMPARE(fetchBackfill(sandbox, id).json.value(u"events_ingested").toInteger(), 3);
    // The other rules still apply: no timestamps in the future.
    const HttpResult future = ingestInto(sandbox, id, {EventJson(u"future", sandbox.now() + 1h).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(future, 400);
}

void TstSandboxBackfills::ingestRejectsEventsOutsideTheTimeframe()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    const QString id = newBackfill(sandbox, start, start + 24h);
    const HttpResult result = ingestInto(sandbox, id, {EventJson(u"inside", start + 2h).forExternalCustomer(u"acme"),
                                                       EventJson(u"at-end", start + 24h).forExternalCustomer(u"acme"),
                                                       EventJson(u"before", start - 1ms).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), (QStringList{QStringLiteral("at-end"), QStringLiteral("before")}));
    QVERIFY(ul::test::problemsOf(result, QStringLiteral("at-end")).first().startsWith(QStringLiteral("timestamp: ")));
    QCOMPARE(fetchBackfill(sandbox, id).json.value(u"events_ingested").toInteger(), 0); // all or nothing
    QCOMPARE(sandbox.history(QStringLiteral("inside")).status, 404);
}

void TstSandboxBackfills::ingestRespectsTheCustomerScope()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString acme = sandbox.newCustomer(u"acme");
    sandbox.newCustomer(u"globex");
    const Timestamp start = daysAgo(sandbox, 10);
    const QString id = newBackfill(sandbox, start, start + 24h, {{QStringLiteral("customer_id"), acme}});
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"by-id", start + 1h).forCustomer(acme),
                                               EventJson(u"by-alias", start + 2h).forExternalCustomer(u"acme")}),
                      200);
    const HttpResult other = ingestInto(sandbox, id, {EventJson(u"globex", start + 1h).forExternalCustomer(u"globex"),
                                                      EventJson(u"unknown", start + 1h).forExternalCustomer(u"nobody-yet")});
    UL_COMPARE_STATUS(other, 400);
    QCOMPARE(ul::test::failingKeys(other), (QStringList{QStringLiteral("globex"), QStringLiteral("unknown")}));
    QVERIFY(ul::test::problemsOf(other, QStringLiteral("globex")).first().contains(QStringLiteral("scoped to customer")));
    QCOMPARE(fetchBackfill(sandbox, id).json.value(u"events_ingested").toInteger(), 2);
}

void TstSandboxBackfills::ingestIntoAnUnknownBackfillIsNotFound()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = ingestInto(sandbox, QStringLiteral("nope"), {EventJson(u"e", sandbox.now()).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorType(), QStringLiteral("404-resource-not-found"));
    QCOMPARE(sandbox.history(QStringLiteral("e")).status, 404);
    // `?backfill_id=` (the SDKs' null) is no backfill at all.
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"e", sandbox.now()).forExternalCustomer(u"acme")}, QStringLiteral("?backfill_id=")), 200);
}

void TstSandboxBackfills::ingestOnlyWhileThePendingBackfillIsOpen_data()
{
    QTest::addColumn<QString>("how"); // how the backfill stopped being open
    QTest::newRow("closed") << "closed";
    QTest::newRow("reverted") << "reverted";
    QTest::newRow("reverted after close") << "reverted after close";
    QTest::newRow("close_time passed") << "close_time passed";
}

void TstSandboxBackfills::ingestOnlyWhileThePendingBackfillIsOpen()
{
    QFETCH(QString, how);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    const QString id = newBackfill(sandbox, start, start + 24h, {{QStringLiteral("close_time"), (sandbox.now() + 1h).toIso8601()}});
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"before", start + 1h).forExternalCustomer(u"acme")}), 200);
    if (how == QLatin1StringView("closed")) {
        UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    } else if (how == QLatin1StringView("reverted")) {
        UL_COMPARE_STATUS(revertBackfill(sandbox, id), 200);
    } else if (how == QLatin1StringView("reverted after close")) {
        UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
        UL_COMPARE_STATUS(revertBackfill(sandbox, id), 200);
    } else {
        sandbox.advance(1h);
    }
    const HttpResult late = ingestInto(sandbox, id, {EventJson(u"after", start + 2h).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(late, 400);
    QCOMPARE(late.errorType(), QStringLiteral("400-constraint-violation"));
    QCOMPARE(sandbox.history(QStringLiteral("after")).status, 404);
    QCOMPARE(fetchBackfill(sandbox, id).json.value(u"events_ingested").toInteger(), 1);
}

void TstSandboxBackfills::duplicatesDoNotCountAsIngested()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    const QString id = newBackfill(sandbox, start, start + 24h);
    const EventJson event = EventJson(u"once", start + 1h).forExternalCustomer(u"acme");
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {event, event}), 200);
    const HttpResult again = sandbox.ingest({event}, QStringLiteral("?backfill_id=%1&debug=true").arg(id));
    UL_COMPARE_STATUS(again, 200);
    QCOMPARE(again.object(u"debug").value(u"duplicate").toArray(), QJsonArray{QStringLiteral("once")});
    QCOMPARE(fetchBackfill(sandbox, id).json.value(u"events_ingested").toInteger(), 1);
}

// ---- close, revert and what search shows ----------------------------------------------------

void TstSandboxBackfills::eventsOfAPendingBackfillAreNotShown()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 3);
    const QString id = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"bf-1", start + 1h).forExternalCustomer(u"acme")}), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("bf-1")), QStringLiteral("absent"));
    QCOMPARE(sandbox.history(QStringLiteral("bf-1")).status, 200); // stored all the same (audit)
}

void TstSandboxBackfills::closeReflectsTheBackfill()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 3);
    const QString id = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"bf-1", start + 1h).forExternalCustomer(u"acme")}), 200);
    sandbox.advance(10min);
    const HttpResult closed = closeBackfill(sandbox, id);
    UL_COMPARE_STATUS(closed, 200);
    QCOMPARE(closed.string(u"status"), QStringLiteral("reflected"));
    QCOMPARE(closed.string(u"close_time"), sandbox.now().toIso8601()); // in the past now: when it was closed
    QVERIFY(closed.json.value(u"reverted_at").isNull());
    QCOMPARE(closed.json.value(u"events_ingested").toInteger(), 1);
    QCOMPARE(fetchBackfill(sandbox, id).json, closed.json);
    QCOMPARE(searchState(sandbox, QStringLiteral("bf-1")), QStringLiteral("counts"));
}

void TstSandboxBackfills::closeIsIdempotentAndRefusedAfterRevert()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString id = newBackfill(sandbox, daysAgo(sandbox, 3), daysAgo(sandbox, 2));
    const HttpResult closed = closeBackfill(sandbox, id);
    sandbox.advance(1h);
    const HttpResult again = closeBackfill(sandbox, id);
    UL_COMPARE_STATUS(again, 200);
    QCOMPARE(again.json, closed.json); // nothing changed, not even close_time
    UL_COMPARE_STATUS(revertBackfill(sandbox, id), 200);
    const HttpResult refused = closeBackfill(sandbox, id);
    UL_COMPARE_STATUS(refused, 400);
    QCOMPARE(refused.errorType(), QStringLiteral("400-constraint-violation"));
    QCOMPARE(closeBackfill(sandbox, QStringLiteral("unknown")).status, 404);
}

void TstSandboxBackfills::closeWithReplaceHidesTheEventsItReplaces()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"inside", start + 1h).forExternalCustomer(u"acme"),
                                      EventJson(u"at-start", start).forExternalCustomer(u"acme"),
                                      EventJson(u"at-end", start + 24h).forExternalCustomer(u"acme"),
                                      EventJson(u"before", start - 1ms).forExternalCustomer(u"acme")}),
                      200);
    const QString id = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"replacement", start + 1h).forExternalCustomer(u"acme")}), 200);
    // Nothing changes before the close.
    QCOMPARE(searchState(sandbox, QStringLiteral("inside")), QStringLiteral("counts"));
    UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("inside")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("at-start")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("at-end")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("before")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("replacement")), QStringLiteral("counts"));
    // The replaced events are kept as they were: their history has no new version.
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("inside"))), QStringList{QStringLiteral("ingested")});
    const QStringList replaced = sandbox.onServerThread([&](ul::sandbox::SandboxServer &s) { return s.store().replacedBy(id); });
    QCOMPARE(replaced, (QStringList{QStringLiteral("at-start"), QStringLiteral("inside")}));
}

void TstSandboxBackfills::replaceIsLimitedToTheCustomerScope()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString acme = sandbox.newCustomer(u"acme");
    sandbox.newCustomer(u"globex");
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"acme-by-id", start + 1h).forCustomer(acme),
                                      EventJson(u"acme-by-alias", start + 2h).forExternalCustomer(u"acme"),
                                      EventJson(u"globex", start + 1h).forExternalCustomer(u"globex")}),
                      200);
    const QString id = newBackfill(sandbox, start, start + 24h, {{QStringLiteral("external_customer_id"), QStringLiteral("acme")}});
    UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("acme-by-id")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("acme-by-alias")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("globex")), QStringLiteral("counts"));
}

void TstSandboxBackfills::deprecationFilterLimitsWhatIsReplaced()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"big-bar", start + 1h).forExternalCustomer(u"acme").withProperties(
                                          {{QStringLiteral("ms"), 150}, {QStringLiteral("tier"), QStringLiteral("bar")}}),
                                      EventJson(u"small-bar", start + 1h).forExternalCustomer(u"acme").withProperties(
                                          {{QStringLiteral("ms"), 100}, {QStringLiteral("tier"), QStringLiteral("bar")}}),
                                      EventJson(u"big-foo", start + 1h).forExternalCustomer(u"acme").withProperties(
                                          {{QStringLiteral("ms"), 150}, {QStringLiteral("tier"), QStringLiteral("foo")}}),
                                      EventJson(u"no-ms", start + 1h).forExternalCustomer(u"acme").withProperties(
                                          {{QStringLiteral("tier"), QStringLiteral("bar")}})}),
                      200);
    const QString id = newBackfill(sandbox, start, start + 24h,
                                   {{QStringLiteral("deprecation_filter"), QStringLiteral("ms > 100 AND tier = 'bar'")}});
    UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("big-bar")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("small-bar")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("big-foo")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("no-ms")), QStringLiteral("counts"));
}

void TstSandboxBackfills::closeWithoutReplaceAddsTheEvents()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"existing", start + 1h).forExternalCustomer(u"acme")}), 200);
    const QString id = newBackfill(sandbox, start, start + 24h, {{QStringLiteral("replace_existing_events"), false}});
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"added", start + 1h).forExternalCustomer(u"acme")}), 200);
    UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("existing")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("added")), QStringLiteral("counts"));
    QVERIFY(sandbox.onServerThread([&](ul::sandbox::SandboxServer &s) { return s.store().replacedBy(id); }).isEmpty());
}

void TstSandboxBackfills::revertOfAReflectedBackfillRestoresThePreviousState()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString acme = sandbox.newCustomer(u"acme");
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"kept", start + 1h).forCustomer(acme),
                                      EventJson(u"deprecated", start + 2h).forCustomer(acme),
                                      EventJson(u"amended", start + 3h).forCustomer(acme)}),
                      200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("deprecated")), 200);
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("amended"),
                                    EventJson(u"amended", start + 3h).forCustomer(acme).withProperty(u"region", QStringLiteral("us")).toAmendBody()),
                      200);
    const QStringList ids{QStringLiteral("kept"), QStringLiteral("deprecated"), QStringLiteral("amended")};
    auto states = [&] {
        QStringList s;
        for (const QString &id : ids)
            s << searchState(sandbox, id);
        return s;
    };
    const QStringList before = states();
    QCOMPARE(before, (QStringList{QStringLiteral("counts"), QStringLiteral("deprecated"), QStringLiteral("counts")}));

    const QString id = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"new", start + 1h).forCustomer(acme)}), 200);
    UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    QCOMPARE(states(), (QStringList{QStringLiteral("deprecated"), QStringLiteral("deprecated"), QStringLiteral("deprecated")}));

    sandbox.advance(5min);
    const HttpResult reverting = revertBackfill(sandbox, id);
    UL_COMPARE_STATUS(reverting, 200);
    QCOMPARE(reverting.string(u"status"), QStringLiteral("pending_revert"));
    QCOMPARE(reverting.string(u"reverted_at"), sandbox.now().toIso8601());
    const Timestamp revertedAt = sandbox.now();
    // The effects are undone at once; the status says pending_revert for a second.
    QCOMPARE(states(), before);
    QCOMPARE(searchState(sandbox, QStringLiteral("new")), QStringLiteral("absent"));
    QCOMPARE(statusOf(sandbox, id), QStringLiteral("pending_revert"));
    sandbox.advance(1s);
    const HttpResult done = fetchBackfill(sandbox, id);
    QCOMPARE(done.string(u"status"), QStringLiteral("reverted"));
    QCOMPARE(done.string(u"reverted_at"), revertedAt.toIso8601());
    QCOMPARE(states(), before);
    QCOMPARE(searchState(sandbox, QStringLiteral("new")), QStringLiteral("absent"));
    QCOMPARE(sandbox.findEvent(QStringLiteral("amended"))->value(u"properties").toObject().value(u"region").toString(), QStringLiteral("us"));
}

void TstSandboxBackfills::revertOfAPendingBackfillGoesStraightToReverted()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"existing", start + 1h).forExternalCustomer(u"acme")}), 200);
    const QString id = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"new", start + 1h).forExternalCustomer(u"acme")}), 200);
    const HttpResult reverted = revertBackfill(sandbox, id);
    UL_COMPARE_STATUS(reverted, 200);
    QCOMPARE(reverted.string(u"status"), QStringLiteral("reverted"));
    QCOMPARE(reverted.string(u"reverted_at"), sandbox.now().toIso8601());
    QCOMPARE(searchState(sandbox, QStringLiteral("existing")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("new")), QStringLiteral("absent"));
    // It never closes by itself afterwards.
    sandbox.advance(std::chrono::days(2));
    QCOMPARE(statusOf(sandbox, id), QStringLiteral("reverted"));
    QCOMPARE(searchState(sandbox, QStringLiteral("existing")), QStringLiteral("counts"));
}

void TstSandboxBackfills::revertIsIdempotentAndUnknownIsNotFound()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString id = newBackfill(sandbox, daysAgo(sandbox, 3), daysAgo(sandbox, 2));
    const HttpResult first = revertBackfill(sandbox, id);
    sandbox.advance(1h);
    const HttpResult again = revertBackfill(sandbox, id);
    UL_COMPARE_STATUS(again, 200);
    QCOMPARE(again.json, first.json); // reverted_at is not moved
    const HttpResult unknown = revertBackfill(sandbox, QStringLiteral("unknown"));
    UL_COMPARE_STATUS(unknown, 404);
    QCOMPARE(unknown.errorType(), QStringLiteral("404-resource-not-found"));
}

void TstSandboxBackfills::closeAndRevertTakeNoBody()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString id = newBackfill(sandbox, daysAgo(sandbox, 3), daysAgo(sandbox, 2));
    for (const QString &action : {QStringLiteral("close"), QStringLiteral("revert")}) {
        const HttpResult withFields = sandbox.http().post(ul::test::backfillPath(id, action), QJsonObject{{QStringLiteral("force"), true}});
        UL_COMPARE_STATUS(withFields, 400);
        QCOMPARE(withFields.errorType(), QStringLiteral("400-request-validation-errors"));
    }
    QCOMPARE(statusOf(sandbox, id), QStringLiteral("pending"));
    UL_COMPARE_STATUS(sandbox.http().post(ul::test::backfillPath(id, QStringLiteral("close")), QJsonObject()), 200); // {} is fine
}

void TstSandboxBackfills::autoCloseWhenCloseTimePasses()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"existing", start + 1h).forExternalCustomer(u"acme")}), 200);
    const Timestamp closeTime = sandbox.now() + 2h;
    const QString id = newBackfill(sandbox, start, start + 24h, {{QStringLiteral("close_time"), closeTime.toIso8601()}});
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"new", start + 1h).forExternalCustomer(u"acme")}), 200);
    sandbox.advance(2h - 1ms);
    QCOMPARE(statusOf(sandbox, id), QStringLiteral("pending"));
    sandbox.advance(1h);
    const HttpResult fetched = fetchBackfill(sandbox, id);
    QCOMPARE(fetched.string(u"status"), QStringLiteral("reflected"));
    QCOMPARE(fetched.string(u"close_time"), closeTime.toIso8601()); // closed at its close_time
    QCOMPARE(searchState(sandbox, QStringLiteral("new")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("existing")), QStringLiteral("deprecated"));

    // The default close_time is one day after creation.
    const QString later = newBackfill(sandbox, start - std::chrono::days(5), start - std::chrono::days(4));
    sandbox.advance(std::chrono::days(1) - 1ms);
    QCOMPARE(statusOf(sandbox, later), QStringLiteral("pending"));
    sandbox.advance(1ms);
    QCOMPARE(statusOf(sandbox, later), QStringLiteral("reflected"));
}

void TstSandboxBackfills::laterBackfillKeepsReplacingAfterAnEarlierOneIsReverted()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = daysAgo(sandbox, 10);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"original", start + 1h).forExternalCustomer(u"acme")}), 200);
    const QString first = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, first, {EventJson(u"first", start + 1h).forExternalCustomer(u"acme")}), 200);
    UL_COMPARE_STATUS(closeBackfill(sandbox, first), 200);
    const QString second = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, second, {EventJson(u"second", start + 1h).forExternalCustomer(u"acme")}), 200);
    UL_COMPARE_STATUS(closeBackfill(sandbox, second), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("original")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("first")), QStringLiteral("deprecated"));
    QCOMPARE(searchState(sandbox, QStringLiteral("second")), QStringLiteral("counts"));

    UL_COMPARE_STATUS(revertBackfill(sandbox, first), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("original")), QStringLiteral("deprecated")); // the second one replaced it too
    QCOMPARE(searchState(sandbox, QStringLiteral("first")), QStringLiteral("absent"));
    UL_COMPARE_STATUS(revertBackfill(sandbox, second), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("original")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("second")), QStringLiteral("absent"));
}

void TstSandboxBackfills::backfillsSurviveARestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto options = longMemoryOptions();
    options.databasePath = dir.filePath(QStringLiteral("sandbox.db"));
    QString reflected, pending;
    Timestamp start;
    {
        SandboxFixture sandbox(options);
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        start = daysAgo(sandbox, 10);
        QVERIFY(!sandbox.newCustomer(u"acme").isEmpty());
        UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"existing", start + 1h).forExternalCustomer(u"acme")}), 200);
        reflected = newBackfill(sandbox, start, start + 24h);
        UL_COMPARE_STATUS(ingestInto(sandbox, reflected, {EventJson(u"reflected-1", start + 2h).forExternalCustomer(u"acme")}), 200);
        UL_COMPARE_STATUS(closeBackfill(sandbox, reflected), 200);
        UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("existing"),
                                        EventJson(u"existing", start + 1h).forExternalCustomer(u"acme").withProperty(u"ms", 5).toAmendBody()),
                          200);
        pending = newBackfill(sandbox, start - 48h, start - 24h);
        UL_COMPARE_STATUS(ingestInto(sandbox, pending, {EventJson(u"pending-1", start - 30h).forExternalCustomer(u"acme")}), 200);
        // An amended backfill event still belongs to its backfill.
        UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("pending-1"),
                                        EventJson(u"pending-1", start - 30h).forExternalCustomer(u"acme").withProperty(u"ms", 7).toAmendBody()),
                          200);
    }
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QCOMPARE(statusOf(sandbox, reflected), QStringLiteral("reflected"));
    const HttpResult stillPending = fetchBackfill(sandbox, pending);
    QCOMPARE(stillPending.string(u"status"), QStringLiteral("pending"));
    QCOMPARE(stillPending.json.value(u"events_ingested").toInteger(), 1);
    QCOMPARE(searchState(sandbox, QStringLiteral("existing")), QStringLiteral("deprecated")); // replaced, amended since
    QCOMPARE(searchState(sandbox, QStringLiteral("reflected-1")), QStringLiteral("counts"));
    QCOMPARE(searchState(sandbox, QStringLiteral("pending-1")), QStringLiteral("absent"));
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("pending-1"))),
             (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
    UL_COMPARE_STATUS(revertBackfill(sandbox, reflected), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("existing")), QStringLiteral("counts"));
    UL_COMPARE_STATUS(closeBackfill(sandbox, pending), 200);
    QCOMPARE(searchState(sandbox, QStringLiteral("pending-1")), QStringLiteral("counts"));
}

void TstSandboxBackfills::webhooksAnnounceCloseAndRevert()
{
    ul::test::TestReceiver receiver;
    QVERIFY(receiver.start());
    SandboxFixture sandbox(ul::test::webhookOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const auto hook = ul::test::createWebhook(sandbox, receiver.url(QStringLiteral("backfills")),
                                              {QStringLiteral("backfill.closed"), QStringLiteral("backfill.reverted")});
    QVERIFY(!hook.id.isEmpty());
    const Timestamp start = daysAgo(sandbox, 3);
    const QString id = newBackfill(sandbox, start, start + 24h);
    UL_COMPARE_STATUS(ingestInto(sandbox, id, {EventJson(u"bf", start + 1h).forExternalCustomer(u"acme")}), 200);
    QTest::qWait(100);
    QCOMPARE(receiver.count(), 0); // creating and ingesting into a backfill announce nothing
    UL_COMPARE_STATUS(closeBackfill(sandbox, id), 200);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 1, ul::test::SettleTimeoutMs);
    UL_COMPARE_STATUS(revertBackfill(sandbox, id), 200);
    QTest::qWait(100);
    QCOMPARE(receiver.count(), 1); // pending_revert is not announced…
    sandbox.advance(1s);
    QCOMPARE(statusOf(sandbox, id), QStringLiteral("reverted"));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.count(), 2, ul::test::SettleTimeoutMs); // …reverted is

    const QList<ul::test::TestReceiver::Request> received = receiver.received();
    QStringList subscriptions, statuses;
    for (const auto &request : received) {
        const QJsonObject event = QJsonDocument::fromJson(request.body).object().value(u"event").toObject();
        subscriptions << event.value(u"subscription").toString();
        const QJsonObject backfill = event.value(u"log").toObject().value(u"backfill").toObject();
        QCOMPARE(backfill.value(u"id").toString(), id);
        statuses << backfill.value(u"status").toString();
    }
    QCOMPARE(subscriptions, (QStringList{QStringLiteral("backfill.closed"), QStringLiteral("backfill.reverted")}));
    QCOMPARE(statuses, (QStringList{QStringLiteral("reflected"), QStringLiteral("reverted")}));
}

void TstSandboxBackfills::demoDataHasBackfillsInEachState()
{
    auto options = SandboxFixture::defaultOptions();
    options.seedDemo = true;
    options.demoEvents = 2000;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult list = sandbox.http().get(QStringLiteral("/v1/events/backfills"));
    UL_COMPARE_STATUS(list, 200);
    QStringList statuses;
    for (const QJsonValue &v : list.array(u"data")) {
        const QJsonObject b = v.toObject();
        statuses << b.value(u"status").toString();
        QCOMPARE(b.value(u"events_ingested").toInteger(), 24);
        QVERIFY(!b.value(u"customer_id").toString().isEmpty()); // scoped: they block nobody else
    }
    QCOMPARE(statuses, (QStringList{QStringLiteral("pending"), QStringLiteral("reverted"), QStringLiteral("reflected")}));
    // The demo events number what was asked for, replayed ones included.
    QCOMPARE(sandbox.onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), qint64(2000));
    // Their replayed events count only for the reflected one.
    QStringList shown;
    for (const QJsonValue &v : list.array(u"data"))
        shown << searchState(sandbox, QStringLiteral("demo-backfill-%1-0").arg(v.toObject().value(u"id").toString()));
    QCOMPARE(shown, (QStringList{QStringLiteral("absent"), QStringLiteral("absent"), QStringLiteral("counts")}));
}

QTEST_MAIN(TstSandboxBackfills)
#include "tst_sandbox_backfills.moc"
