// ul::json's event codec: reading ingest and amend bodies as Orb defines them (unknown fields,
// flat properties, types), keeping integers apart from decimals, and writing what it reads.
#include "json/EventCodec.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Event;
using ul::Properties;
using ul::PropertyValue;
using ul::Timestamp;
namespace json = ul::json;

class TstEventCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesAnIngestBody();
    void rejectsBodiesOfTheWrongShape_data();
    void rejectsBodiesOfTheWrongShape();
    void reportsProblemsPerEvent_data();
    void reportsProblemsPerEvent();
    void readsNullCustomerReferencesAsAbsent();
    void keepsIntegersAndDecimalsApart();
    void keepsTextExactly();
    void roundTripsIngestBodies();
    void roundTripsAmendBodies();
    void amendBodiesHaveNoIdempotencyKey();
    void readsServerEventsLeniently();
    void writesOrbsEventObject();
    void roundTripsStoredProperties();
    void describesPropertyValues();
    void propertiesKeepTheirOrder();
    void repeatedKeysKeepTheFirstPlaceAndTheLastValue_data();
    void repeatedKeysKeepTheFirstPlaceAndTheLastValue();
    void fromEntriesAgreesWithSetOneByOne();
};

namespace {

const Timestamp At = Timestamp::fromMsecs(1'714'564'800'000); // 2024-05-01T12:00:00Z

/// An ingest body holding one event made of `eventFields` (JSON object members, without braces).
QByteArray ingestBody(const QByteArray &eventFields)
{
    return R"({"events":[{)" + eventFields + "}]}";
}

const QByteArray ValidFields =
    R"("idempotency_key":"evt-1","event_name":"api_request","timestamp":"2024-05-01T12:00:00Z",)"
    R"("external_customer_id":"acme","properties":{"region":"eu-west-1"})";

Event sampleEvent()
{
    Event e;
    e.id = QStringLiteral("evt-1");
    e.eventName = QStringLiteral("api_request");
    e.customerId = QStringLiteral("cus_1");
    e.timestamp = At + 123ms;
    e.properties = Properties{{QStringLiteral("region"), QStringLiteral("eu-west-1")},
                              {QStringLiteral("ms"), qint64(100)},
                              {QStringLiteral("ratio"), 1.5},
                              {QStringLiteral("whole"), 2.0},
                              {QStringLiteral("negative"), qint64(-7)},
                              {QStringLiteral("large"), qint64(9'007'199'254'740'993)},
                              {QStringLiteral("tiny"), 1e-300},
                              {QStringLiteral("ok"), true},
                              {QStringLiteral("failed"), false},
                              {QStringLiteral("note"), QStringLiteral("quote \" backslash \\ newline \n tab \t ünïcödé 🚀")}};
    return e;
}

} // namespace

void TstEventCodec::decodesAnIngestBody()
{
    const auto decoded = json::decodeIngestBody(ingestBody(ValidFields));
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error()));
    QCOMPARE(decoded->size(), 1);
    const json::DecodedEvent &item = decoded->first();
    QCOMPARE(item.problems, QStringList());
    QCOMPARE(item.event.id, QStringLiteral("evt-1"));
    QCOMPARE(item.event.eventName, QStringLiteral("api_request"));
    QCOMPARE(item.event.timestamp, At);
    QCOMPARE(item.event.externalCustomerId, std::optional(QStringLiteral("acme")));
    QCOMPARE(item.event.customerId, std::optional<QString>());
    QCOMPARE(item.event.properties, (Properties{{QStringLiteral("region"), QStringLiteral("eu-west-1")}}));
    QCOMPARE(item.event.deprecated, false);

    const auto empty = json::decodeIngestBody(QByteArrayView(R"({"events":[]})"));
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TstEventCodec::rejectsBodiesOfTheWrongShape_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{\"events\":") << QStringLiteral("not valid JSON");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("JSON object");
    QTest::newRow("no events") << QByteArray("{}") << QStringLiteral("events: is required");
    QTest::newRow("events is an object") << QByteArray(R"({"events":{}})") << QStringLiteral("events: must be an array, not an object");
    QTest::newRow("events is null") << QByteArray(R"({"events":null})") << QStringLiteral("events: must be an array, not null");
    QTest::newRow("unknown field") << QByteArray(R"({"events":[],"debug":true})") << QStringLiteral("debug: is not a recognised field");
}

void TstEventCodec::rejectsBodiesOfTheWrongShape()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const auto decoded = json::decodeIngestBody(body);
    QVERIFY(!decoded);
    QVERIFY2(decoded.error().contains(error), qPrintable(decoded.error()));
}

void TstEventCodec::reportsProblemsPerEvent_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QStringList>("problems");
    QTest::newRow("unknown field") << QByteArray(ValidFields + R"(,"quantity":3)")
                                   << QStringList{QStringLiteral("quantity: is not a recognised field")};
    QTest::newRow("Event's id is not an ingest field") << QByteArray(ValidFields + R"(,"id":"x")")
                                                       << QStringList{QStringLiteral("id: is not a recognised field")};
    QTest::newRow("nested object") << QByteArray(ValidFields).replace(R"("region":"eu-west-1")", R"("geo":{"city":"Oslo"})")
                                   << QStringList{QStringLiteral("properties.geo: must be a string, number or boolean; nested objects are not allowed")};
    QTest::newRow("array value") << QByteArray(ValidFields).replace(R"("region":"eu-west-1")", R"("tags":["a"])")
                                 << QStringList{QStringLiteral("properties.tags: must be a string, number or boolean; nested arrays are not allowed")};
    QTest::newRow("null value") << QByteArray(ValidFields).replace(R"("region":"eu-west-1")", R"("gone":null)")
                                << QStringList{QStringLiteral("properties.gone: must be a string, number or boolean, not null")};
    QTest::newRow("properties is a string") << QByteArray(ValidFields).replace(R"({"region":"eu-west-1"})", R"("x")")
                                            << QStringList{QStringLiteral("properties: must be an object, not a string")};
    QTest::newRow("numeric name") << QByteArray(ValidFields).replace(R"("api_request")", "7")
                                  << QStringList{QStringLiteral("event_name: must be a string, not a number")};
    QTest::newRow("numeric timestamp") << QByteArray(ValidFields).replace(R"("2024-05-01T12:00:00Z")", "1714564800")
                                       << QStringList{QStringLiteral("timestamp: must be an ISO 8601 string, not a number")};
    QTest::newRow("timestamp at an offset") << QByteArray(ValidFields).replace("12:00:00Z", "14:00:00+02:00")
                                            << QStringList{QStringLiteral("timestamp: \"2024-05-01T14:00:00+02:00\" must be in UTC (end it with Z), not at a UTC offset")};
    QTest::newRow("boolean key") << QByteArray(ValidFields).replace(R"("evt-1")", "true")
                                 << QStringList{QStringLiteral("idempotency_key: must be a string, not a boolean")};
    QTest::newRow("array customer id") << QByteArray(ValidFields).replace(R"("external_customer_id":"acme")", R"("customer_id":[])")
                                       << QStringList{QStringLiteral("customer_id: must be a string, not an array")};
    QTest::newRow("nothing") << QByteArray()
                             << QStringList{QStringLiteral("event_name: is required"), QStringLiteral("timestamp: is required"),
                                            QStringLiteral("properties: is required"), QStringLiteral("idempotency_key: is required")};
}

void TstEventCodec::reportsProblemsPerEvent()
{
    QFETCH(QByteArray, fields);
    QFETCH(QStringList, problems);
    const auto decoded = json::decodeIngestBody(ingestBody(fields));
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error()));
    QCOMPARE(decoded->size(), 1);
    QCOMPARE(decoded->first().problems, problems);
}

void TstEventCodec::readsNullCustomerReferencesAsAbsent()
{
    const auto decoded = json::decodeIngestBody(ingestBody(ValidFields + R"(,"customer_id":null)"));
    QVERIFY(decoded);
    QCOMPARE(decoded->first().problems, QStringList());
    QVERIFY(!decoded->first().event.customerId.has_value());
    QCOMPARE(decoded->first().event.externalCustomerId, std::optional(QStringLiteral("acme")));
}

void TstEventCodec::keepsIntegersAndDecimalsApart()
{
    const QByteArray body = ingestBody(QByteArray(ValidFields).replace(
        R"("region":"eu-west-1")", R"("i":100,"neg":-3,"d":1.5,"whole":2.0,"exp":1e3,"big":9007199254740993,"huge":18446744073709551615)"));
    const auto decoded = json::decodeIngestBody(body);
    QVERIFY(decoded);
    const Properties &p = decoded->first().event.properties;
    QCOMPARE(*p.find(u"i"), PropertyValue(qint64(100)));
    QCOMPARE(*p.find(u"neg"), PropertyValue(qint64(-3)));
    QCOMPARE(*p.find(u"d"), PropertyValue(1.5));
    QCOMPARE(*p.find(u"whole"), PropertyValue(2.0));
    QCOMPARE(*p.find(u"exp"), PropertyValue(1000.0));
    QCOMPARE(*p.find(u"big"), PropertyValue(qint64(9'007'199'254'740'993))); // beyond a double's precision
    QCOMPARE(*p.find(u"huge"), PropertyValue(18446744073709551615.0));      // beyond qint64: a number still

    // Written back, each keeps its kind.
    const QByteArray written = json::encodeProperties(p);
    QCOMPARE(written, QByteArray(R"({"i":100,"neg":-3,"d":1.5,"whole":2.0,"exp":1000.0,"big":9007199254740993,"huge":18446744073709551616.0})"));
    QCOMPARE(json::decodeProperties(written).value(), p);
}

void TstEventCodec::keepsTextExactly()
{
    const QByteArray body = ingestBody(QByteArray(ValidFields).replace(
        R"("region":"eu-west-1")", R"("s":"line\nbreak \"quoted\" \\ \u00e9 \ud83d\ude80 \u0001","ключ":"значение")"));
    const auto decoded = json::decodeIngestBody(body);
    QVERIFY(decoded);
    const Properties &p = decoded->first().event.properties;
    QCOMPARE(*p.find(u"s"), PropertyValue(QString(QStringLiteral("line\nbreak \"quoted\" \\ é 🚀 ") + QChar(1))));
    QCOMPARE(*p.find(u"ключ"), PropertyValue(QStringLiteral("значение")));
}

void TstEventCodec::roundTripsIngestBodies()
{
    Event byExternalId = sampleEvent();
    byExternalId.id = QStringLiteral("evt-2");
    byExternalId.customerId.reset();
    byExternalId.externalCustomerId = QStringLiteral("team/alpha \"β\"");
    byExternalId.properties = {};
    const QList<Event> events{sampleEvent(), byExternalId};

    const QByteArray body = json::encodeIngestBody(events);
    QVERIFY(QJsonDocument::fromJson(body).isObject());
    const auto decoded = json::decodeIngestBody(body);
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error()));
    QCOMPARE(decoded->size(), 2);
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(decoded->at(i).problems, QStringList());
        QCOMPARE(decoded->at(i).event, events[i]);
    }
}

void TstEventCodec::roundTripsAmendBodies()
{
    const Event event = sampleEvent();
    const auto decoded = json::decodeEventObject(json::encodeAmendBody(event), json::EventShape::Amend);
    QVERIFY(decoded);
    QCOMPARE(decoded->problems, QStringList());
    Event expected = event;
    expected.id.clear(); // an amend body carries no id: it is in the URL
    QCOMPARE(decoded->event, expected);
}

void TstEventCodec::amendBodiesHaveNoIdempotencyKey()
{
    const auto decoded = json::decodeEventObject(QByteArray("{" + ValidFields + "}"), json::EventShape::Amend);
    QVERIFY(decoded);
    QCOMPARE(decoded->problems, QStringList{QStringLiteral("idempotency_key: is not a recognised field")});
    QVERIFY(!json::decodeEventObject(QByteArrayView("[1]"), json::EventShape::Amend));
    QVERIFY(!json::decodeEventObject(QByteArrayView("{"), json::EventShape::Amend));
}

void TstEventCodec::readsServerEventsLeniently()
{
    // What /events/search answers; fields a newer server adds are ignored.
    const QByteArray body = R"({"data":[{"id":"evt-1","customer_id":"cus_1","external_customer_id":null,"event_name":"api_request",)"
                            R"("properties":{"ms":5},"timestamp":"2024-05-01T12:00:00Z","deprecated":true,"new_field":{"x":1}}]})";
    const auto events = json::decodeEventList(body);
    QVERIFY2(events, events ? "" : qPrintable(events.error()));
    QCOMPARE(events->size(), 1);
    const Event &e = events->first();
    QCOMPARE(e.id, QStringLiteral("evt-1"));
    QCOMPARE(e.customerId, std::optional(QStringLiteral("cus_1")));
    QVERIFY(!e.externalCustomerId);
    QCOMPARE(e.deprecated, true);
    QCOMPARE(*e.properties.find(u"ms"), PropertyValue(qint64(5)));

    QVERIFY(!json::decodeEventList(QByteArrayView(R"({"items":[]})")));
    const auto malformed = json::decodeEventList(QByteArrayView(R"({"data":[{"id":"x","timestamp":"soon","event_name":"a"}]})"));
    QVERIFY(!malformed);
    QVERIFY(malformed.error().contains(QStringLiteral("timestamp")));
}

void TstEventCodec::writesOrbsEventObject()
{
    Event e;
    e.id = QStringLiteral("evt-1");
    e.eventName = QStringLiteral("api_request");
    e.externalCustomerId = QStringLiteral("acme");
    e.timestamp = At;
    e.properties = Properties{{QStringLiteral("ms"), qint64(5)}};
    ul::JsonWriter out;
    json::writeEvent(out, e);
    QCOMPARE(out.data(), QByteArray(R"({"id":"evt-1","customer_id":null,"external_customer_id":"acme","event_name":"api_request",)"
                                    R"("properties":{"ms":5},"timestamp":"2024-05-01T12:00:00Z","deprecated":false})"));
    // And what it writes, it reads.
    const auto back = json::decodeEventList(QByteArray(R"({"data":[)" + out.data() + "]}"));
    QVERIFY(back);
    QCOMPARE(back->first(), e);
}

void TstEventCodec::roundTripsStoredProperties()
{
    const Properties p = sampleEvent().properties;
    const auto back = json::decodeProperties(json::encodeProperties(p));
    QVERIFY(back);
    QCOMPARE(*back, p);
    QCOMPARE(json::encodeProperties(Properties()), QByteArray("{}"));
    QVERIFY(!json::decodeProperties(QByteArrayView(R"({"a":{}})")));
    QVERIFY(!json::decodeProperties(QByteArrayView("nope")));
}

void TstEventCodec::describesPropertyValues()
{
    QCOMPARE(ul::propertyValueToString(QStringLiteral("eu")), QStringLiteral("eu"));
    QCOMPARE(ul::propertyValueToString(qint64(-42)), QStringLiteral("-42"));
    QCOMPARE(ul::propertyValueToString(1.5), QStringLiteral("1.5"));
    QCOMPARE(ul::propertyValueToString(0.1), QStringLiteral("0.1")); // the shortest text that reads back the same
    QCOMPARE(ul::propertyValueToString(2.0), QStringLiteral("2"));
    QCOMPARE(ul::propertyValueToString(1e21), QStringLiteral("1e+21"));
    QCOMPARE(ul::propertyValueToString(true), QStringLiteral("true"));
    QCOMPARE(ul::propertyValueToString(false), QStringLiteral("false"));
}

void TstEventCodec::propertiesKeepTheirOrder()
{
    Properties p{{QStringLiteral("b"), qint64(1)}, {QStringLiteral("a"), qint64(2)}};
    p.set(QStringLiteral("b"), qint64(3)); // replaced in place
    p.set(QStringLiteral("c"), true);
    QCOMPARE(json::encodeProperties(p), QByteArray(R"({"b":3,"a":2,"c":true})"));
    QVERIFY(p.remove(u"a"));
    QVERIFY(!p.remove(u"a"));
    QVERIFY(!p.contains(u"a"));
    QCOMPARE(p.size(), 2);
    QCOMPARE(p.find(u"missing"), nullptr);
}

void TstEventCodec::repeatedKeysKeepTheFirstPlaceAndTheLastValue_data()
{
    QTest::addColumn<QByteArray>("properties");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no repeat") << QByteArray(R"({"b":1,"a":2})") << QByteArray(R"({"b":1,"a":2})");
    QTest::newRow("one repeat") << QByteArray(R"({"b":1,"a":2,"b":"x"})") << QByteArray(R"({"b":"x","a":2})");
    QTest::newRow("three times") << QByteArray(R"({"k":1,"k":2,"z":0,"k":true})") << QByteArray(R"({"k":true,"z":0})");
    QTest::newRow("only repeats") << QByteArray(R"({"k":1,"k":2})") << QByteArray(R"({"k":2})");
    QByteArray wide = "{";
    QByteArray wideExpected = "{";
    for (int i = 0; i < 100; ++i) { // beyond the stack table: 100 keys, the even ones given twice
        wide += (i ? "," : "") + QByteArray(R"("key)") + QByteArray::number(i) + R"(":)" + QByteArray::number(i);
        wideExpected += (i ? "," : "") + QByteArray(R"("key)") + QByteArray::number(i) + R"(":)"
            + QByteArray::number(i % 2 == 0 ? -i : i);
    }
    for (int i = 0; i < 100; i += 2)
        wide += R"(,"key)" + QByteArray::number(i) + R"(":)" + QByteArray::number(-i);
    QTest::newRow("100 keys, 50 repeated") << wide + "}" << wideExpected + "}";
}

void TstEventCodec::repeatedKeysKeepTheFirstPlaceAndTheLastValue()
{
    // JSON allows a key twice; the event keeps one, where it first appeared, with its last value.
    QFETCH(QByteArray, properties);
    QFETCH(QByteArray, expected);
    const QByteArray body = R"({"events":[{"idempotency_key":"k1","event_name":"e","timestamp":"2024-05-01T00:00:00Z",)"
                            R"("customer_id":"c","properties":)" + properties + "}]}";
    const auto decoded = json::decodeIngestBody(body);
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->size(), 1);
    QVERIFY2(decoded->at(0).problems.isEmpty(), qPrintable(decoded->at(0).problems.join(QStringLiteral("; "))));
    QCOMPARE(json::encodeProperties(decoded->at(0).event.properties), expected);
}

void TstEventCodec::fromEntriesAgreesWithSetOneByOne()
{
    // Random keys from a small alphabet, so that many repeat: the linear-time build and set()
    // one by one must give the same entries in the same order.
    QRandomGenerator random(20261123);
    for (int round = 0; round < 200; ++round) {
        const int n = int(random.bounded(150));
        QList<Properties::Entry> entries;
        Properties bySet;
        for (int i = 0; i < n; ++i) {
            const QString key = QStringLiteral("k%1").arg(random.bounded(n / 2 + 1));
            entries.append({key, qint64(i)});
            bySet.set(key, qint64(i));
        }
        QCOMPARE(Properties::fromEntries(entries), bySet);
    }
}

QTEST_GUILESS_MAIN(TstEventCodec)
#include "tst_event_codec.moc"
