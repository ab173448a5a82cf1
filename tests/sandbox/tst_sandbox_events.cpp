// POST /events/search, PUT /events/{id} (amend), PUT /events/{id}/deprecate and the history
// extension, over HTTP (Orb contract §2.2, §2.3).
#include "OrbJson.h"
#include "SandboxFixture.h"

#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpResult;
using ul::test::SandboxFixture;

class TstSandboxEvents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // search
    void searchAcceptsOneToFiveHundredIds_data();
    void searchAcceptsOneToFiveHundredIds();
    void searchRejectsMalformedRequests_data();
    void searchRejectsMalformedRequests();
    void searchDefaultsToTheLastWeek();
    void searchTimeframeIsStartInclusiveEndExclusive();
    void searchOmitsUnknownIdsAndRepeatsNothing();
    void searchIdsAreCaseSensitive();
    void searchReturnsEveryEventField();
    // amend
    void amendReplacesTheEventAndKeepsItsId();
    void amendRequiresTheSameTimestamp();
    void amendRequiresTheSameCustomer_data();
    void amendRequiresTheSameCustomer();
    void amendMayNameTheCustomerByEitherReference();
    void amendRequiresTheCustomerToExist();
    void amendRejectsMalformedBodies_data();
    void amendRejectsMalformedBodies();
    void amendAnswersNotFoundForAnUnknownEvent();
    void amendRefusesADeprecatedEvent();
    void amendWorksOnlyInsideTheCorrectionWindow();
    void amendmentsPerCustomerAreLimited();
    void amendWithTheCurrentContentChangesNothing();
    void historyKeepsEveryVersion();
    void historyAnswersNotFoundForAnUnknownEvent();
    void eventIdsWithReservedCharactersWorkInPaths();
    // deprecate
    void deprecateTakesNoBody();
    void deprecateIsIdempotent();
    void deprecateRejectsABodyWithFields();
    void deprecateAnswersNotFoundForAnUnknownEvent();
    void deprecateRequiresTheCustomerToExist();
    void deprecateWorksOnlyInsideTheCorrectionWindow();
    void deprecationsPerCustomerAreLimited();
};

namespace {

/// A sandbox whose grace period reaches a month back, so tests can ingest old events.
ul::sandbox::SandboxOptions longMemoryOptions()
{
    auto options = SandboxFixture::defaultOptions();
    options.rules.gracePeriod = std::chrono::days(30);
    return options;
}

QJsonObject searchBody(const QStringList &ids, const QJsonValue &start = QJsonValue::Undefined,
                       const QJsonValue &end = QJsonValue::Undefined)
{
    QJsonObject body{{QStringLiteral("event_ids"), QJsonArray::fromStringList(ids)}};
    if (!start.isUndefined())
        body.insert(QStringLiteral("timeframe_start"), start);
    if (!end.isUndefined())
        body.insert(QStringLiteral("timeframe_end"), end);
    return body;
}

QStringList numberedIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << QStringLiteral("evt-%1").arg(i);
    return ids;
}


} // namespace

// ---- search ---------------------------------------------------------------------------------

void TstSandboxEvents::searchAcceptsOneToFiveHundredIds_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("status");
    QTest::newRow("0") << 0 << 400;
    QTest::newRow("1") << 1 << 200;
    QTest::newRow("500") << 500 << 200;
    QTest::newRow("501") << 501 << 400;
}

void TstSandboxEvents::searchAcceptsOneToFiveHundredIds()
{
    QFETCH(int, count);
    QFETCH(int, status);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.searchIds(numberedIds(count));
    UL_COMPARE_STATUS(result, status);
    if (status == 400) {
        QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
        QVERIFY(result.array(u"validation_errors").first().toString().startsWith(QStringLiteral("event_ids")));
    } else {
        QCOMPARE(result.array(u"data"), QJsonArray()); // no match is an empty list, never 404
        QVERIFY(!result.json.contains(u"pagination_metadata"));
    }
}

void TstSandboxEvents::searchRejectsMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not JSON") << QByteArray("{event_ids: [\"a\"]}") << QStringLiteral("body");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("body");
    QTest::newRow("an array") << QByteArray(R"(["a"])") << QStringLiteral("body");
    QTest::newRow("no event_ids") << QByteArray("{}") << QStringLiteral("event_ids");
    QTest::newRow("event_ids is a string") << QByteArray(R"({"event_ids": "a"})") << QStringLiteral("event_ids");
    QTest::newRow("a numeric id") << QByteArray(R"({"event_ids": ["a", 7]})") << QStringLiteral("event_ids");
    QTest::newRow("unknown field") << QByteArray(R"({"event_ids": ["a"], "customer_id": "c"})") << QStringLiteral("customer_id");
    QTest::newRow("end before start") << QByteArray(R"({"event_ids": ["a"], "timeframe_start": "2024-05-02T00:00:00Z",)"
                                                    R"( "timeframe_end": "2024-05-01T00:00:00Z"})")
                                      << QStringLiteral("timeframe_end");
    QTest::newRow("end equals start") << QByteArray(R"({"event_ids": ["a"], "timeframe_start": "2024-05-01T00:00:00Z",)"
                                                    R"( "timeframe_end": "2024-05-01T00:00:00Z"})")
                                      << QStringLiteral("timeframe_end");
    QTest::newRow("malformed start") << QByteArray(R"({"event_ids": ["a"], "timeframe_start": "last week"})")
                                     << QStringLiteral("timeframe_start");
    QTest::newRow("numeric end") << QByteArray(R"({"event_ids": ["a"], "timeframe_end": 1714521600})") << QStringLiteral("timeframe_end");
}

void TstSandboxEvents::searchRejectsMalformedRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().post(QStringLiteral("/v1/events/search"), body);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QVERIFY2(result.array(u"validation_errors").first().toString().startsWith(problem), result.body.constData());
}

void TstSandboxEvents::searchDefaultsToTheLastWeek()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp now = sandbox.now();
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"8-days-old", now - std::chrono::days(8)).forExternalCustomer(u"acme"),
                                      EventJson(u"6-days-old", now - std::chrono::days(6)).forExternalCustomer(u"acme"),
                                      EventJson(u"2-minutes-ahead", now + 2min).forExternalCustomer(u"acme")}),
                      200);
    const QStringList all{QStringLiteral("8-days-old"), QStringLiteral("6-days-old"), QStringLiteral("2-minutes-ahead")};

    QCOMPARE(ul::test::dataIds(sandbox.searchIds(all)), QStringList{QStringLiteral("6-days-old")});
    // null timeframe values mean the defaults, as the SDKs send them.
    QCOMPARE(ul::test::dataIds(sandbox.search(searchBody(all, QJsonValue(), QJsonValue()))), QStringList{QStringLiteral("6-days-old")});
    const HttpResult explicitly = sandbox.search(
        searchBody(all, (now - std::chrono::days(10)).toIso8601(), (now + 1h).toIso8601()));
    UL_COMPARE_STATUS(explicitly, 200);
    QCOMPARE(ul::test::dataIds(explicitly), all);
}

void TstSandboxEvents::searchTimeframeIsStartInclusiveEndExclusive()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = sandbox.now() - 2h;
    const Timestamp end = sandbox.now() - 1h;
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"at-start", start).forExternalCustomer(u"acme"),
                                      EventJson(u"at-end", end).forExternalCustomer(u"acme"),
                                      EventJson(u"just-before-end", end - 1ms).forExternalCustomer(u"acme")}),
                      200);
    const HttpResult found = sandbox.search(searchBody({QStringLiteral("at-start"), QStringLiteral("at-end"), QStringLiteral("just-before-end")},
                                                       start.toIso8601(), end.toIso8601()));
    UL_COMPARE_STATUS(found, 200);
    QCOMPARE(ul::test::dataIds(found), (QStringList{QStringLiteral("at-start"), QStringLiteral("just-before-end")}));
}

void TstSandboxEvents::searchOmitsUnknownIdsAndRepeatsNothing()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"known", sandbox.now() - 1min).forExternalCustomer(u"acme")}), 200);
    const HttpResult found = sandbox.searchIds({QStringLiteral("unknown"), QStringLiteral("known"), QStringLiteral("known")});
    UL_COMPARE_STATUS(found, 200);
    QCOMPARE(ul::test::dataIds(found), QStringList{QStringLiteral("known")});
}

void TstSandboxEvents::searchIdsAreCaseSensitive()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"Evt-A", sandbox.now() - 1min).forExternalCustomer(u"acme")}), 200);
    QCOMPARE(ul::test::dataIds(sandbox.searchIds({QStringLiteral("evt-a"), QStringLiteral("EVT-A")})), QStringList());
    QCOMPARE(ul::test::dataIds(sandbox.searchIds({QStringLiteral("Evt-A")})), QStringList{QStringLiteral("Evt-A")});
}

void TstSandboxEvents::searchReturnsEveryEventField()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1min).forExternalCustomer(u"acme")}), 200);
    const HttpResult found = sandbox.searchIds({QStringLiteral("evt-1")});
    UL_COMPARE_STATUS(found, 200);
    QCOMPARE(found.header("content-type"), QByteArray("application/json"));
    const QJsonObject event = found.array(u"data").first().toObject();
    QStringList keys = event.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("customer_id"), QStringLiteral("deprecated"), QStringLiteral("event_name"),
                                QStringLiteral("external_customer_id"), QStringLiteral("id"), QStringLiteral("properties"),
                                QStringLiteral("timestamp")}));
}

// ---- amend ----------------------------------------------------------------------------------

void TstSandboxEvents::amendReplacesTheEventAndKeepsItsId()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"acme");
    const EventJson original = EventJson(u"evt-1", sandbox.now() - 1h).forCustomer(customer).withProperty(u"region", QStringLiteral("us-east-1"));
    UL_COMPARE_STATUS(sandbox.ingest({original}), 200);

    EventJson amended = original;
    amended.named(u"api_request_v2").withProperties(ul::test::jsonObject({{u"region", QStringLiteral("eu-west-1")}, {u"ms", 40}}));
    const HttpResult result = sandbox.amend(QStringLiteral("evt-1"), amended.toAmendBody());
    UL_COMPARE_STATUS(result, 200);
    QCOMPARE(result.body, QByteArray(R"({"amended":"evt-1"})"));

    // Search (default timeframe) answers with the current version, under the same id.
    const HttpResult found = sandbox.searchIds({QStringLiteral("evt-1")});
    QCOMPARE(ul::test::dataIds(found), QStringList{QStringLiteral("evt-1")});
    const QJsonObject event = found.array(u"data").first().toObject();
    QCOMPARE(event.value(u"event_name").toString(), QStringLiteral("api_request_v2"));
    QCOMPARE(ul::test::compactJson(event.value(u"properties").toObject()), QByteArray(R"({"ms":40,"region":"eu-west-1"})"));
    QCOMPARE(event.value(u"customer_id").toString(), customer);
    QCOMPARE(event.value(u"deprecated").toBool(true), false);
}

void TstSandboxEvents::amendRequiresTheSameTimestamp()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer();
    const EventJson original = EventJson(u"evt-1", sandbox.now() - 1h).forCustomer(customer);
    UL_COMPARE_STATUS(sandbox.ingest({original}), 200);

    EventJson moved = original;
    moved.with(u"timestamp", (sandbox.now() - 1h + 1s).toIso8601()).withProperty(u"n", 2);
    const HttpResult result = sandbox.amend(QStringLiteral("evt-1"), moved.toAmendBody());
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
    QVERIFY(ul::test::problemsOf(result, QStringLiteral("evt-1")).first().startsWith(QStringLiteral("timestamp")));
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1"))->value(u"properties").toObject().contains(u"n"));

    // The same instant written another way is the same timestamp.
    EventJson sameInstant = original;
    sameInstant.with(u"timestamp", QString((sandbox.now() - 1h).toIso8601().chopped(1) + QStringLiteral(".000+00:00")));
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), sameInstant.toAmendBody()), 200);
}

void TstSandboxEvents::amendRequiresTheSameCustomer_data()
{
    QTest::addColumn<QString>("reference"); // customer_id, external_customer_id, both or none
    QTest::newRow("another customer id") << QStringLiteral("customer_id");
    QTest::newRow("another external id") << QStringLiteral("external_customer_id");
    QTest::newRow("both references") << QStringLiteral("both");
    QTest::newRow("no reference") << QStringLiteral("none");
}

void TstSandboxEvents::amendRequiresTheSameCustomer()
{
    QFETCH(QString, reference);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString owner = sandbox.newCustomer(u"owner");
    const QString other = sandbox.newCustomer(u"other");
    const EventJson original = EventJson(u"evt-1", sandbox.now() - 1h).forCustomer(owner);
    UL_COMPARE_STATUS(sandbox.ingest({original}), 200);

    EventJson amended = EventJson(u"evt-1", sandbox.now() - 1h).withProperty(u"n", 2);
    if (reference == QLatin1StringView("customer_id"))
        amended.forCustomer(other);
    else if (reference == QLatin1StringView("external_customer_id"))
        amended.forExternalCustomer(u"other");
    else if (reference == QLatin1StringView("both"))
        amended.forCustomer(owner).forExternalCustomer(u"owner");
    const HttpResult result = sandbox.amend(QStringLiteral("evt-1"), amended.toAmendBody());
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
    QVERIFY2(ul::test::problemsOf(result, QStringLiteral("evt-1")).first().contains(QStringLiteral("customer")), result.body.constData());
    QCOMPARE(sandbox.findEvent(QStringLiteral("evt-1"))->value(u"customer_id").toString(), owner);
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("evt-1"))), QStringList{QStringLiteral("ingested")});
}

void TstSandboxEvents::amendMayNameTheCustomerByEitherReference()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forCustomer(customer)}), 200);
    // Ingested by Orb id, amended by the same customer's external id: still the same customer.
    const HttpResult result = sandbox.amend(
        QStringLiteral("evt-1"), EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"acme").withProperty(u"n", 2).toAmendBody());
    UL_COMPARE_STATUS(result, 200);
    const auto event = sandbox.findEvent(QStringLiteral("evt-1"));
    QCOMPARE(event->value(u"customer_id").toString(), customer);
    QCOMPARE(event->value(u"external_customer_id").toString(), QStringLiteral("acme"));
}

void TstSandboxEvents::amendRequiresTheCustomerToExist()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const EventJson original = EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"later");
    UL_COMPARE_STATUS(sandbox.ingest({original}), 200);
    EventJson amended = original;
    amended.withProperty(u"n", 2);

    const HttpResult refused = sandbox.amend(QStringLiteral("evt-1"), amended.toAmendBody());
    UL_COMPARE_STATUS(refused, 400);
    QCOMPARE(ul::test::failingKeys(refused), QStringList{QStringLiteral("evt-1")});
    QVERIFY(ul::test::problemsOf(refused, QStringLiteral("evt-1")).first().contains(QStringLiteral("later")));

    const QString customer = sandbox.newCustomer(u"later");
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), amended.toAmendBody()), 200);
    const auto event = sandbox.findEvent(QStringLiteral("evt-1"));
    QCOMPARE(event->value(u"properties").toObject().value(u"n").toInt(), 2);
    QCOMPARE(event->value(u"customer_id").toString(), customer);
}

void TstSandboxEvents::amendRejectsMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("{\"event_name\":");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("an array") << QByteArray("[]");
    QTest::newRow("an idempotency_key") << QByteArray(R"({"idempotency_key":"evt-1","event_name":"a","timestamp":"TS","properties":{},)"
                                                      R"("external_customer_id":"acme"})");
    QTest::newRow("unknown field") << QByteArray(R"({"event_name":"a","timestamp":"TS","properties":{},"external_customer_id":"acme","x":1})");
    QTest::newRow("no properties") << QByteArray(R"({"event_name":"a","timestamp":"TS","external_customer_id":"acme"})");
    QTest::newRow("nested properties") << QByteArray(R"({"event_name":"a","timestamp":"TS","properties":{"o":{}},"external_customer_id":"acme"})");
    QTest::newRow("numeric name") << QByteArray(R"({"event_name":1,"timestamp":"TS","properties":{},"external_customer_id":"acme"})");
    QTest::newRow("empty name") << QByteArray(R"({"event_name":"","timestamp":"TS","properties":{},"external_customer_id":"acme"})");
}

void TstSandboxEvents::amendRejectsMalformedBodies()
{
    QFETCH(QByteArray, body);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp at = sandbox.now() - 1h;
    sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", at).forExternalCustomer(u"acme")}), 200);

    const HttpResult result = sandbox.http().put(QStringLiteral("/v1/events/evt-1"), body.replace("TS", at.toIso8601().toUtf8()));
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("evt-1"))), QStringList{QStringLiteral("ingested")});
}

void TstSandboxEvents::amendAnswersNotFoundForAnUnknownEvent()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const HttpResult result = sandbox.amend(QStringLiteral("nope"), EventJson(u"nope", sandbox.now()).forExternalCustomer(u"acme").toAmendBody());
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorType(), QStringLiteral("404-resource-not-found"));
    QVERIFY(result.string(u"detail").contains(QStringLiteral("nope")));
}

void TstSandboxEvents::amendRefusesADeprecatedEvent()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const EventJson original = EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({original}), 200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("evt-1")), 200);

    EventJson amended = original;
    amended.withProperty(u"n", 2);
    const HttpResult result = sandbox.amend(QStringLiteral("evt-1"), amended.toAmendBody());
    UL_COMPARE_STATUS(result, 400);
    QVERIFY(ul::test::problemsOf(result, QStringLiteral("evt-1")).first().contains(QStringLiteral("deprecated")));
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("evt-1"))), (QStringList{QStringLiteral("ingested"), QStringLiteral("deprecated")}));
}

void TstSandboxEvents::amendWorksOnlyInsideTheCorrectionWindow()
{
    auto options = longMemoryOptions();
    options.rules.correctionWindow = std::chrono::days(1);
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const Timestamp now = sandbox.now();
    const EventJson inside = EventJson(u"inside", now - std::chrono::days(1)).forExternalCustomer(u"acme");
    const EventJson outside = EventJson(u"outside", now - std::chrono::days(1) - 1s).forExternalCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({inside, outside}), 200);

    EventJson amendedInside = inside, amendedOutside = outside;
    UL_COMPARE_STATUS(sandbox.amend(inside.key(), amendedInside.withProperty(u"n", 2).toAmendBody()), 200);
    const HttpResult refused = sandbox.amend(outside.key(), amendedOutside.withProperty(u"n", 2).toAmendBody());
    UL_COMPARE_STATUS(refused, 400);
    QVERIFY(ul::test::problemsOf(refused, outside.key()).first().contains(QStringLiteral("correction window")));
}

void TstSandboxEvents::amendmentsPerCustomerAreLimited()
{
    auto options = SandboxFixture::defaultOptions();
    options.rules.correctionLimit = 2;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString limited = sandbox.newCustomer(u"limited");
    const QString other = sandbox.newCustomer(u"other");
    const Timestamp at = sandbox.now() - 1h;
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"a", at).forCustomer(limited), EventJson(u"b", at).forExternalCustomer(u"limited"),
                                      EventJson(u"c", at).forCustomer(other)}),
                      200);
    auto amendment = [&](const char16_t *id, int n, const QString &customer) {
        return EventJson(id, at).forCustomer(customer).withProperty(u"n", n).toAmendBody();
    };

    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("a"), amendment(u"a", 1, limited)), 200);
    // Counted per customer however the event names it.
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("b"), EventJson(u"b", at).forExternalCustomer(u"limited").withProperty(u"n", 1).toAmendBody()), 200);
    const HttpResult third = sandbox.amend(QStringLiteral("a"), amendment(u"a", 2, limited));
    UL_COMPARE_STATUS(third, 400);
    QCOMPARE(third.errorType(), QStringLiteral("400-constraint-violation"));
    QCOMPARE(third.json.value(u"status").toInt(), 400);
    QCOMPARE(sandbox.findEvent(QStringLiteral("a"))->value(u"properties").toObject().value(u"n").toInt(), 1);

    // Another customer has its own allowance, and deprecations are counted apart from amendments.
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("c"), amendment(u"c", 1, other)), 200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("a")), 200);

    // The limit is per 100 days: once the old amendments are that old, amending works again.
    sandbox.advance(std::chrono::days(100) + 1s);
    // (the event itself is now outside the correction window, so use a fresh one)
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"d", sandbox.now() - 1h).forCustomer(limited)}), 200);
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("d"), EventJson(u"d", sandbox.now() - 1h).forCustomer(limited).withProperty(u"n", 3).toAmendBody()), 200);
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("d"))), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
}

void TstSandboxEvents::amendWithTheCurrentContentChangesNothing()
{
    auto options = SandboxFixture::defaultOptions();
    options.rules.correctionLimit = 1;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"acme");
    const Timestamp at = sandbox.now() - 1h;
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", at).forCustomer(customer)}), 200);
    const QJsonObject body = EventJson(u"evt-1", at).forCustomer(customer).withProperty(u"n", 1).toAmendBody();
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), body), 200);
    // A retry of the same amendment (its first answer lost) is answered 200, adds no version and
    // costs no correction: it still succeeds although the customer's one correction is used up.
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), body), 200);
    // The same content named by the other customer reference is the same amendment too.
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forExternalCustomer(u"acme").withProperty(u"n", 1).toAmendBody()), 200);
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("evt-1"))), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
    // A real change is still refused at the limit.
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forCustomer(customer).withProperty(u"n", 2).toAmendBody()), 400);
}

void TstSandboxEvents::historyKeepsEveryVersion()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const Timestamp at = sandbox.now() - 1h;
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", at).forExternalCustomer(u"acme").withProperty(u"n", 1)}), 200);
    sandbox.advance(1min);
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forExternalCustomer(u"acme").withProperty(u"n", 2).toAmendBody()), 200);
    sandbox.advance(1min);
    UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forExternalCustomer(u"acme").withProperty(u"n", 3).toAmendBody()), 200);
    sandbox.advance(1min);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("evt-1")), 200);

    const HttpResult history = sandbox.history(QStringLiteral("evt-1"));
    UL_COMPARE_STATUS(history, 200);
    QCOMPARE(history.string(u"event_id"), QStringLiteral("evt-1"));
    QCOMPARE(ul::test::historyChanges(history), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended"), QStringLiteral("amended"),
                                              QStringLiteral("deprecated")}));
    const QJsonArray versions = history.array(u"versions");
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const QJsonObject version = versions[i].toObject();
        QCOMPARE(version.value(u"version").toInt(), int(i + 1));
        QCOMPARE(version.value(u"recorded_at").toString(), (sandbox.now() - std::chrono::minutes(3 - i)).toIso8601());
        const QJsonObject event = version.value(u"event").toObject();
        QCOMPARE(event.value(u"id").toString(), QStringLiteral("evt-1"));
        QCOMPARE(event.value(u"properties").toObject().value(u"n").toInt(), int(qMin<qsizetype>(i + 1, 3)));
        QCOMPARE(event.value(u"deprecated").toBool(), i == 3);
        QCOMPARE(event.value(u"timestamp").toString(), at.toIso8601());
    }
    // Both prefixes serve the extension.
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/events/evt-1/history")), 200);
}

void TstSandboxEvents::historyAnswersNotFoundForAnUnknownEvent()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.history(QStringLiteral("nope"));
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorType(), QStringLiteral("404-resource-not-found"));
}

void TstSandboxEvents::eventIdsWithReservedCharactersWorkInPaths()
{
    // Idempotency keys are the clients' own strings; in a path they arrive percent-encoded.
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const QString id = QStringLiteral("order/42 #1?x=y&z%");
    const Timestamp at = sandbox.now() - 1h;
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(id, at).forExternalCustomer(u"acme")}), 200);
    const HttpResult amended = sandbox.amend(id, EventJson(id, at).forExternalCustomer(u"acme").withProperty(u"n", 2).toAmendBody());
    UL_COMPARE_STATUS(amended, 200);
    QCOMPARE(amended.string(u"amended"), id);
    const HttpResult deprecated = sandbox.deprecate(id);
    UL_COMPARE_STATUS(deprecated, 200);
    QCOMPARE(deprecated.string(u"deprecated"), id);
    const HttpResult history = sandbox.history(id);
    UL_COMPARE_STATUS(history, 200);
    QCOMPARE(ul::test::historyChanges(history), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended"), QStringLiteral("deprecated")}));
}

// ---- deprecate ------------------------------------------------------------------------------

void TstSandboxEvents::deprecateTakesNoBody()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"acme"),
                                      EventJson(u"evt-2", sandbox.now() - 1h).forExternalCustomer(u"acme")}),
                      200);
    // As the SDKs send it: no body, no content type.
    const HttpResult result = sandbox.http().put(QStringLiteral("/v1/events/evt-1/deprecate"), QByteArray(),
                                                 {{QByteArray("Content-Type"), QByteArray()}});
    UL_COMPARE_STATUS(result, 200);
    QCOMPARE(result.body, QByteArray(R"({"deprecated":"evt-1"})"));
    // An empty object is no body either.
    UL_COMPARE_STATUS(sandbox.http().put(QStringLiteral("/v1/events/evt-2/deprecate"), QByteArray("{}")), 200);

    // Deprecated events are still found, marked as such.
    const HttpResult found = sandbox.searchIds({QStringLiteral("evt-1"), QStringLiteral("evt-2")});
    QCOMPARE(ul::test::dataIds(found), (QStringList{QStringLiteral("evt-1"), QStringLiteral("evt-2")}));
    for (const QJsonValue &event : found.array(u"data"))
        QCOMPARE(event.toObject().value(u"deprecated").toBool(), true);
}

void TstSandboxEvents::deprecateIsIdempotent()
{
    auto options = SandboxFixture::defaultOptions();
    options.rules.correctionLimit = 1;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"acme")}), 200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("evt-1")), 200);
    // Again: the same answer, no new version, and no second use of the (single) allowance.
    const HttpResult again = sandbox.deprecate(QStringLiteral("evt-1"));
    UL_COMPARE_STATUS(again, 200);
    QCOMPARE(again.body, QByteArray(R"({"deprecated":"evt-1"})"));
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("evt-1"))), (QStringList{QStringLiteral("ingested"), QStringLiteral("deprecated")}));
}

void TstSandboxEvents::deprecateRejectsABodyWithFields()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"acme")}), 200);
    UL_COMPARE_STATUS(sandbox.http().put(QStringLiteral("/v1/events/evt-1/deprecate"), QByteArray(R"({"reason":"test"})")), 400);
    UL_COMPARE_STATUS(sandbox.http().put(QStringLiteral("/v1/events/evt-1/deprecate"), QByteArray("not json")), 400);
    QCOMPARE(sandbox.findEvent(QStringLiteral("evt-1"))->value(u"deprecated").toBool(), false);
}

void TstSandboxEvents::deprecateAnswersNotFoundForAnUnknownEvent()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.deprecate(QStringLiteral("nope"));
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorType(), QStringLiteral("404-resource-not-found"));
}

void TstSandboxEvents::deprecateRequiresTheCustomerToExist()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"later")}), 200);
    const HttpResult refused = sandbox.deprecate(QStringLiteral("evt-1"));
    UL_COMPARE_STATUS(refused, 400);
    QCOMPARE(ul::test::failingKeys(refused), QStringList{QStringLiteral("evt-1")});
    sandbox.newCustomer(u"later");
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("evt-1")), 200);
}

void TstSandboxEvents::deprecateWorksOnlyInsideTheCorrectionWindow()
{
    auto options = longMemoryOptions();
    options.rules.correctionWindow = std::chrono::days(1);
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"inside", sandbox.now() - std::chrono::days(1)).forExternalCustomer(u"acme"),
                                      EventJson(u"outside", sandbox.now() - std::chrono::days(2)).forExternalCustomer(u"acme")}),
                      200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("inside")), 200);
    const HttpResult refused = sandbox.deprecate(QStringLiteral("outside"));
    UL_COMPARE_STATUS(refused, 400);
    QVERIFY(ul::test::problemsOf(refused, QStringLiteral("outside")).first().contains(QStringLiteral("correction window")));
    QCOMPARE(sandbox.findEvent(QStringLiteral("outside"))->value(u"deprecated").toBool(), false);
}

void TstSandboxEvents::deprecationsPerCustomerAreLimited()
{
    auto options = SandboxFixture::defaultOptions();
    options.rules.correctionLimit = 2;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const QJsonArray events{EventJson(u"a", sandbox.now() - 1h).forExternalCustomer(u"acme"),
                            EventJson(u"b", sandbox.now() - 1h).forExternalCustomer(u"acme"),
                            EventJson(u"c", sandbox.now() - 1h).forExternalCustomer(u"acme")};
    UL_COMPARE_STATUS(sandbox.ingest(events), 200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("a")), 200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("b")), 200);
    const HttpResult third = sandbox.deprecate(QStringLiteral("c"));
    UL_COMPARE_STATUS(third, 400);
    QCOMPARE(third.errorType(), QStringLiteral("400-constraint-violation"));
    QCOMPARE(sandbox.findEvent(QStringLiteral("c"))->value(u"deprecated").toBool(), false);
}

QTEST_GUILESS_MAIN(TstSandboxEvents)
#include "tst_sandbox_events.moc"
