// POST /ingest over HTTP: every validation and idempotency rule of the Orb contract (§2.1).
#include "OrbJson.h"
#include "SandboxFixture.h"

#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpResult;
using ul::test::SandboxFixture;

class TstSandboxIngest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storesAValidEventAsSearchShowsIt();
    void acceptsAnExternalCustomerIdNobodyHasYet();
    void treatsANullCustomerReferenceAsAbsent();
    void requiresExactlyOneCustomerReference_data();
    void requiresExactlyOneCustomerReference();
    void requiresTheCustomerIdToExist();
    void checksTheTimestamp_data();
    void checksTheTimestamp();
    void keepsOrbsDefaultGracePeriodOfTwelveHours();
    void acceptsOnlyFlatStringNumberAndBooleanProperties_data();
    void acceptsOnlyFlatStringNumberAndBooleanProperties();
    void rejectsMalformedEvents_data();
    void rejectsMalformedEvents();
    void rejectsMalformedBodies_data();
    void rejectsMalformedBodies();
    void storesNothingWhenOneEventOfTheBatchFails();
    void namesEveryFailingEvent();
    void rejectsTheBatchWhenAKeyRepeatsWithADifferentBody();
    void storesAKeyRepeatedWithTheSameBodyOnce();
    void skipsAnAlreadyIngestedKeyAndKeepsTheFirstBody();
    void refusesToReingestADeprecatedEvent();
    void debugListsDuplicateAndIngestedKeys();
    void rejectsADebugValueThatIsNotABoolean();
    void answersNotFoundForAnUnknownBackfill();
    void treatsEmptyQueryValuesAsAbsent();
    void keepsIntegersAndDecimalsApart();

private:
    static HttpResult ingestOne(SandboxFixture &sandbox, const EventJson &event) { return sandbox.ingest({event}); }
};

void TstSandboxIngest::storesAValidEventAsSearchShowsIt()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"acme");
    const Timestamp at = sandbox.now() - 1h;

    const HttpResult ingested = sandbox.ingest({EventJson(u"evt-1", at)
                                                    .forCustomer(customer)
                                                    .named(u"compute_minutes")
                                                    .withProperty(u"minutes", 12.5)
                                                    .withProperty(u"cached", true)});
    UL_COMPARE_STATUS(ingested, 200);
    QCOMPARE(ingested.body, QByteArray(R"({"validation_failed":[]})"));
    QVERIFY(!ingested.json.contains(u"debug"));

    const HttpResult found = sandbox.searchIds({QStringLiteral("evt-1")});
    UL_COMPARE_STATUS(found, 200);
    QCOMPARE(found.array(u"data").size(), 1);
    const QJsonObject event = found.array(u"data").first().toObject();
    QCOMPARE(event.value(u"id").toString(), QStringLiteral("evt-1"));
    QCOMPARE(event.value(u"customer_id").toString(), customer);
    QCOMPARE(event.value(u"external_customer_id").toString(), QStringLiteral("acme"));
    QCOMPARE(event.value(u"event_name").toString(), QStringLiteral("compute_minutes"));
    QCOMPARE(event.value(u"timestamp").toString(), at.toIso8601());
    QCOMPARE(event.value(u"deprecated").toBool(true), false);
    const QJsonObject properties = event.value(u"properties").toObject();
    QCOMPARE(properties.value(u"region").toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(properties.value(u"minutes").toDouble(), 12.5);
    QCOMPARE(properties.value(u"cached").toBool(), true);
}

void TstSandboxIngest::acceptsAnExternalCustomerIdNobodyHasYet()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(ingestOne(sandbox, EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"not-yet-a-customer")), 200);

    const auto event = sandbox.findEvent(QStringLiteral("evt-1"));
    QVERIFY(event);
    QVERIFY(event->value(u"customer_id").isNull());
    QCOMPARE(event->value(u"external_customer_id").toString(), QStringLiteral("not-yet-a-customer"));
}

void TstSandboxIngest::treatsANullCustomerReferenceAsAbsent()
{
    // The SDKs send `customer_id: null` next to an external id.
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(
        ingestOne(sandbox, EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme").with(u"customer_id", QJsonValue())),
        200);
    QVERIFY(sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::requiresExactlyOneCustomerReference_data()
{
    QTest::addColumn<bool>("withCustomerId");
    QTest::addColumn<bool>("withExternalId");
    QTest::addColumn<QString>("problem");
    QTest::newRow("both") << true << true << QStringLiteral("not both");
    QTest::newRow("neither") << false << false << QStringLiteral("is required");
}

void TstSandboxIngest::requiresExactlyOneCustomerReference()
{
    QFETCH(bool, withCustomerId);
    QFETCH(bool, withExternalId);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer(u"acme");
    EventJson event(u"evt-1", sandbox.now());
    if (withCustomerId)
        event.forCustomer(customer);
    if (withExternalId)
        event.forExternalCustomer(u"acme");

    const HttpResult result = ingestOne(sandbox, event);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
    const QStringList problems = ul::test::problemsOf(result, QStringLiteral("evt-1"));
    QVERIFY2(problems.join(u'\n').contains(problem), qPrintable(problems.join(u'\n')));
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::requiresTheCustomerIdToExist()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = ingestOne(sandbox, EventJson(u"evt-1", sandbox.now()).forCustomer(u"no-such-customer"));
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
    QVERIFY(ul::test::problemsOf(result, QStringLiteral("evt-1")).join(u' ').contains(QStringLiteral("no-such-customer")));
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::checksTheTimestamp_data()
{
    // `{t}` stands for the sandbox's frozen "now" plus the offset, without its zone; the grace
    // period is one hour.
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<qint64>("offsetMs");
    QTest::addColumn<bool>("accepted");
    const qint64 second = 1000, minute = 60 * second, hour = 60 * minute;
    const QString utc = QStringLiteral("{t}Z");
    QTest::newRow("now") << utc << qint64(0) << true;
    QTest::newRow("with milliseconds") << utc << qint64(-123) << true;
    QTest::newRow("exactly 5 minutes ahead") << utc << 5 * minute << true;
    QTest::newRow("5 minutes and 1 s ahead") << utc << 5 * minute + second << false;
    QTest::newRow("exactly the grace period old") << utc << -hour << true;
    QTest::newRow("1 s older than the grace period") << utc << -hour - second << false;
    QTest::newRow("a year old") << utc << -365 * 24 * hour << false;
    QTest::newRow("+00:00 is UTC") << QStringLiteral("{t}+00:00") << qint64(0) << true;
    QTest::newRow("+01:00 is not UTC") << QStringLiteral("{t}+01:00") << qint64(0) << false;
    QTest::newRow("-05:00 is not UTC") << QStringLiteral("{t}-05:00") << qint64(0) << false;
    QTest::newRow("no time zone") << QStringLiteral("{t}") << qint64(0) << false;
    QTest::newRow("not a date") << QStringLiteral("yesterday") << qint64(0) << false;
    QTest::newRow("impossible date") << QStringLiteral("2023-02-29T10:00:00Z") << qint64(0) << false;
    QTest::newRow("empty") << QString() << qint64(0) << false;
}

void TstSandboxIngest::checksTheTimestamp()
{
    QFETCH(QString, timestamp);
    QFETCH(qint64, offsetMs);
    QFETCH(bool, accepted);
    auto options = SandboxFixture::defaultOptions();
    options.rules.gracePeriod = 1h;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer();
    const QString local = (sandbox.now() + std::chrono::milliseconds(offsetMs)).toIso8601().chopped(1);
    const QString text = QString(timestamp).replace(QStringLiteral("{t}"), local);

    const HttpResult result = ingestOne(sandbox, EventJson(u"evt-1", sandbox.now()).forCustomer(customer).with(u"timestamp", text));
    if (accepted) {
        UL_COMPARE_STATUS(result, 200);
        QVERIFY(sandbox.findEvent(QStringLiteral("evt-1")));
    } else {
        UL_COMPARE_STATUS(result, 400);
        QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
        QVERIFY2(ul::test::problemsOf(result, QStringLiteral("evt-1")).first().startsWith(QStringLiteral("timestamp")),
                 result.body.constData());
        QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1")));
    }
}

void TstSandboxIngest::keepsOrbsDefaultGracePeriodOfTwelveHours()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer();
    UL_COMPARE_STATUS(ingestOne(sandbox, EventJson(u"in-grace", sandbox.now() - 12h).forCustomer(customer)), 200);
    UL_COMPARE_STATUS(ingestOne(sandbox, EventJson(u"too-old", sandbox.now() - 12h - 1s).forCustomer(customer)), 400);
}

void TstSandboxIngest::acceptsOnlyFlatStringNumberAndBooleanProperties_data()
{
    QTest::addColumn<QJsonValue>("properties");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("problem");
    QTest::newRow("flat values") << QJsonValue(ul::test::jsonObject(
        {{u"s", QStringLiteral("x")}, {u"i", 3}, {u"d", -0.25}, {u"t", true}, {u"f", false}, {u"empty", QStringLiteral("")}}))
                                 << true << QString();
    QTest::newRow("no properties") << QJsonValue(QJsonObject()) << true << QString();
    QTest::newRow("nested object") << QJsonValue(ul::test::jsonObject({{u"geo", ul::test::jsonObject({{u"city", QStringLiteral("Oslo")}})}}))
                                   << false << QStringLiteral("properties.geo");
    QTest::newRow("array") << QJsonValue(ul::test::jsonObject({{u"tags", QJsonArray{1, 2}}})) << false << QStringLiteral("properties.tags");
    QTest::newRow("null value") << QJsonValue(ul::test::jsonObject({{u"gone", QJsonValue()}})) << false << QStringLiteral("properties.gone");
    QTest::newRow("properties is a string") << QJsonValue(QStringLiteral("region=eu")) << false << QStringLiteral("properties");
    QTest::newRow("properties is null") << QJsonValue() << false << QStringLiteral("properties");
    QTest::newRow("properties is an array") << QJsonValue(QJsonArray{}) << false << QStringLiteral("properties");
}

void TstSandboxIngest::acceptsOnlyFlatStringNumberAndBooleanProperties()
{
    QFETCH(QJsonValue, properties);
    QFETCH(bool, accepted);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result =
        ingestOne(sandbox, EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme").with(u"properties", properties));
    if (accepted) {
        UL_COMPARE_STATUS(result, 200);
        const auto stored = sandbox.findEvent(QStringLiteral("evt-1"));
        QVERIFY(stored);
        QCOMPARE(ul::test::compactJson(stored->value(u"properties").toObject()), ul::test::compactJson(properties.toObject()));
        return;
    }
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
    QVERIFY2(ul::test::problemsOf(result, QStringLiteral("evt-1")).first().startsWith(problem), result.body.constData());
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::rejectsMalformedEvents_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined removes the field
    QTest::addColumn<QString>("problem");
    QTest::newRow("unknown field") << QStringLiteral("quantity") << QJsonValue(3) << QStringLiteral("quantity");
    QTest::newRow("an Event's id field") << QStringLiteral("id") << QJsonValue(QStringLiteral("x")) << QStringLiteral("id");
    QTest::newRow("no event_name") << QStringLiteral("event_name") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("event_name");
    QTest::newRow("empty event_name") << QStringLiteral("event_name") << QJsonValue(QStringLiteral(" ")) << QStringLiteral("event_name");
    QTest::newRow("numeric event_name") << QStringLiteral("event_name") << QJsonValue(7) << QStringLiteral("event_name");
    QTest::newRow("no timestamp") << QStringLiteral("timestamp") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("timestamp");
    QTest::newRow("numeric timestamp") << QStringLiteral("timestamp") << QJsonValue(1700000000) << QStringLiteral("timestamp");
    QTest::newRow("no properties") << QStringLiteral("properties") << QJsonValue(QJsonValue::Undefined) << QStringLiteral("properties");
    QTest::newRow("numeric external id") << QStringLiteral("external_customer_id") << QJsonValue(42)
                                         << QStringLiteral("external_customer_id");
    QTest::newRow("empty external id") << QStringLiteral("external_customer_id") << QJsonValue(QStringLiteral(""))
                                       << QStringLiteral("external_customer_id");
    QTest::newRow("key too long") << QStringLiteral("idempotency_key") << QJsonValue(QString(257, u'k')) << QStringLiteral("idempotency_key");
}

void TstSandboxIngest::rejectsMalformedEvents()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    EventJson event = EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme");
    if (value.isUndefined())
        event.without(field);
    else
        event.with(field, value);

    const HttpResult result = ingestOne(sandbox, event);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    const QString key = event.key();
    QCOMPARE(ul::test::failingKeys(result), QStringList{key});
    QVERIFY2(ul::test::problemsOf(result, key).join(u'\n').contains(problem), result.body.constData());
}

void TstSandboxIngest::rejectsMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("{\"events\": [");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("an array") << QByteArray("[]");
    QTest::newRow("no events") << QByteArray("{}");
    QTest::newRow("events is an object") << QByteArray(R"({"events": {}})");
    QTest::newRow("events is null") << QByteArray(R"({"events": null})");
    QTest::newRow("unknown top-level field") << QByteArray(R"({"events": [], "customer_id": "x"})");
    QTest::newRow("an event is a string") << QByteArray(R"({"events": ["evt-1"]})");
    QTest::newRow("trailing garbage") << QByteArray(R"({"events": []} x)");
}

void TstSandboxIngest::rejectsMalformedBodies()
{
    QFETCH(QByteArray, body);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().post(QStringLiteral("/v1/ingest"), body);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QCOMPARE(result.json.value(u"status").toInt(), 400);
    QVERIFY(!result.array(u"validation_errors").isEmpty());
}

void TstSandboxIngest::storesNothingWhenOneEventOfTheBatchFails()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp at = sandbox.now() - 1min; // the default search ends at "now", exclusive
    const HttpResult result = sandbox.ingest({EventJson(u"good-1", at).forExternalCustomer(u"acme"),
                                              EventJson(u"bad", sandbox.now() + 1h).forExternalCustomer(u"acme"),
                                              EventJson(u"good-2", at).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("bad")});
    const HttpResult found = sandbox.searchIds({QStringLiteral("good-1"), QStringLiteral("bad"), QStringLiteral("good-2")});
    UL_COMPARE_STATUS(found, 200);
    QCOMPARE(ul::test::dataIds(found), QStringList());

    // A failed key is not marked as processed: fixed, the same batch goes through.
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"good-1", at).forExternalCustomer(u"acme"),
                                      EventJson(u"bad", at).forExternalCustomer(u"acme"),
                                      EventJson(u"good-2", at).forExternalCustomer(u"acme")}),
                      200);
    QCOMPARE(ul::test::dataIds(sandbox.searchIds({QStringLiteral("good-1"), QStringLiteral("bad"), QStringLiteral("good-2")})),
             (QStringList{QStringLiteral("good-1"), QStringLiteral("bad"), QStringLiteral("good-2")}));
}

void TstSandboxIngest::namesEveryFailingEvent()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.ingest({EventJson(u"future", sandbox.now() + 1h).forExternalCustomer(u"acme"),
                                              EventJson(u"fine", sandbox.now()).forExternalCustomer(u"acme"),
                                              EventJson(u"nested", sandbox.now())
                                                  .forExternalCustomer(u"acme")
                                                  .withProperty(u"o", QJsonObject()),
                                              EventJson(u"", sandbox.now()).forExternalCustomer(u"acme")});
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.json.value(u"type").toString(),
             QStringLiteral("https://docs.withorb.com/reference/error-responses#400-request-validation-errors"));
    // An event without a usable key is named by its position in the batch.
    const QStringList expected{QStringLiteral("future"), QStringLiteral("nested"), QStringLiteral("events[3]")};
    QCOMPARE(ul::test::failingKeys(result), expected);
    // validation_errors (the older spec's name) carries the same list as validation_failed.
    QCOMPARE(ul::test::compactJson(result.array(u"validation_errors")), ul::test::compactJson(result.array(u"validation_failed")));
    QVERIFY(result.string(u"detail").contains(QStringLiteral("3 of 4")));
}

void TstSandboxIngest::rejectsTheBatchWhenAKeyRepeatsWithADifferentBody()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp at = sandbox.now() - 1min;
    const HttpResult result = sandbox.ingest({EventJson(u"other", at).forExternalCustomer(u"acme"),
                                              EventJson(u"twice", at).forExternalCustomer(u"acme").withProperty(u"n", 1),
                                              EventJson(u"twice", at).forExternalCustomer(u"acme").withProperty(u"n", 2)});
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("twice")});
    QVERIFY(ul::test::problemsOf(result, QStringLiteral("twice")).first().startsWith(QStringLiteral("idempotency_key")));
    QCOMPARE(ul::test::dataIds(sandbox.searchIds({QStringLiteral("other"), QStringLiteral("twice")})), QStringList());
}

void TstSandboxIngest::storesAKeyRepeatedWithTheSameBodyOnce()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    // The same content with its properties in another order is the same body. (Written out:
    // QJsonObject would sort the keys.)
    QByteArray body = R"({"events":[
        {"idempotency_key":"twice","external_customer_id":"acme","event_name":"n","timestamp":"TS","properties":{"a":1,"b":"x"}},
        {"idempotency_key":"twice","external_customer_id":"acme","event_name":"n","timestamp":"TS","properties":{"b":"x","a":1}}]})";
    body.replace("TS", sandbox.now().toIso8601().toUtf8());
    const HttpResult result = sandbox.http().post(QStringLiteral("/v1/ingest?debug=true"), body);
    UL_COMPARE_STATUS(result, 200);
    QCOMPARE(ul::test::compactJson(result.object(u"debug")), QByteArray(R"({"duplicate":["twice"],"ingested":["twice"]})"));
    const HttpResult history = sandbox.history(QStringLiteral("twice"));
    UL_COMPARE_STATUS(history, 200);
    QCOMPARE(history.array(u"versions").size(), 1);
}

void TstSandboxIngest::skipsAnAlreadyIngestedKeyAndKeepsTheFirstBody()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(ingestOne(sandbox, EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme").withProperty(u"n", 1)), 200);

    // Re-sent later with a different body: not an error, just skipped.
    sandbox.advance(10min);
    const HttpResult again = sandbox.ingest({EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme").withProperty(u"n", 2),
                                             EventJson(u"evt-2", sandbox.now()).forExternalCustomer(u"acme")},
                                            QStringLiteral("?debug=true"));
    UL_COMPARE_STATUS(again, 200);
    QCOMPARE(ul::test::compactJson(again.object(u"debug")), QByteArray(R"({"duplicate":["evt-1"],"ingested":["evt-2"]})"));
    const auto stored = sandbox.findEvent(QStringLiteral("evt-1"));
    QVERIFY(stored);
    QCOMPARE(stored->value(u"properties").toObject().value(u"n").toInt(), 1);
    QCOMPARE(sandbox.history(QStringLiteral("evt-1")).array(u"versions").size(), 1);
}

void TstSandboxIngest::refusesToReingestADeprecatedEvent()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer();
    const EventJson event = EventJson(u"evt-1", sandbox.now()).forCustomer(customer);
    UL_COMPARE_STATUS(ingestOne(sandbox, event), 200);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("evt-1")), 200);

    const HttpResult result = sandbox.ingest({event, EventJson(u"evt-2", sandbox.now()).forCustomer(customer)});
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(ul::test::failingKeys(result), QStringList{QStringLiteral("evt-1")});
    QVERIFY(ul::test::problemsOf(result, QStringLiteral("evt-1")).first().contains(QStringLiteral("deprecated")));
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-2")));
    QCOMPARE(sandbox.findEvent(QStringLiteral("evt-1"))->value(u"deprecated").toBool(), true);
}

void TstSandboxIngest::debugListsDuplicateAndIngestedKeys()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(ingestOne(sandbox, EventJson(u"old", sandbox.now()).forExternalCustomer(u"acme")), 200);
    const QJsonArray batch{EventJson(u"old", sandbox.now()).forExternalCustomer(u"acme"),
                           EventJson(u"new", sandbox.now()).forExternalCustomer(u"acme")};

    const HttpResult withDebug = sandbox.ingest(batch, QStringLiteral("?debug=true"));
    UL_COMPARE_STATUS(withDebug, 200);
    QCOMPARE(withDebug.array(u"validation_failed"), QJsonArray());
    QCOMPARE(ul::test::compactJson(withDebug.object(u"debug")), QByteArray(R"({"duplicate":["old"],"ingested":["new"]})"));

    const HttpResult withoutDebug = sandbox.ingest(batch, QStringLiteral("?debug=false"));
    UL_COMPARE_STATUS(withoutDebug, 200);
    QVERIFY(!withoutDebug.json.contains(u"debug"));
}

void TstSandboxIngest::rejectsADebugValueThatIsNotABoolean()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.ingest({EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme")}, QStringLiteral("?debug=yes"));
    UL_COMPARE_STATUS(result, 400);
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::answersNotFoundForAnUnknownBackfill()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result =
        sandbox.ingest({EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme")}, QStringLiteral("?backfill_id=bf_missing"));
    UL_COMPARE_STATUS(result, 404);
    QCOMPARE(result.errorType(), QStringLiteral("404-resource-not-found"));
    QVERIFY(result.string(u"detail").contains(QStringLiteral("bf_missing")));
    QVERIFY(!sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::treatsEmptyQueryValuesAsAbsent()
{
    // The TS SDK turns an explicit null into `?backfill_id=`.
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.ingest({EventJson(u"evt-1", sandbox.now()).forExternalCustomer(u"acme")},
                                             QStringLiteral("?backfill_id=&debug="));
    UL_COMPARE_STATUS(result, 200);
    QVERIFY(!result.json.contains(u"debug"));
    QVERIFY(sandbox.findEvent(QStringLiteral("evt-1")));
}

void TstSandboxIngest::keepsIntegersAndDecimalsApart()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QByteArray body = R"({"events":[{"idempotency_key":"evt-1","external_customer_id":"acme","event_name":"n","timestamp":"TS",
                            "properties":{"ms":100,"ratio":1.5,"whole":2.0,"big":9007199254740993}}]})";
    body.replace("TS", (sandbox.now() - 1min).toIso8601().toUtf8());
    UL_COMPARE_STATUS(sandbox.http().post(QStringLiteral("/v1/ingest"), body), 200);

    const HttpResult found = sandbox.searchIds({QStringLiteral("evt-1")});
    UL_COMPARE_STATUS(found, 200);
    // Compared as text: QJsonDocument would read every number as a double.
    QVERIFY2(found.body.contains(R"("ms":100,)"), found.body.constData());
    QVERIFY2(found.body.contains(R"("ratio":1.5,)"), found.body.constData());
    QVERIFY2(found.body.contains(R"("whole":2.0,)"), found.body.constData());
    QVERIFY2(found.body.contains(R"("big":9007199254740993})"), found.body.constData());
}

QTEST_GUILESS_MAIN(TstSandboxIngest)
#include "tst_sandbox_ingest.moc"
