// The event rules the app checks as an analyst types and the sandbox enforces (Orb contract
// §2.1 and §2.3): checkIngestEvent, checkAmendment, checkCorrectionWindow and sameContent.
#include "validation/EventRules.h"

#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Event;
using ul::EventRuleLimits;
using ul::Properties;
using ul::Timestamp;

class TstEventRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptsAValidEvent();
    void checksTheIdempotencyKey_data();
    void checksTheIdempotencyKey();
    void checksTheEventName_data();
    void checksTheEventName();
    void requiresExactlyOneCustomerReference_data();
    void requiresExactlyOneCustomerReference();
    void checksTheTimestampAgainstNow_data();
    void checksTheTimestampAgainstNow();
    void aBackfillSkipsTheGracePeriodButNotTheFutureLimit();
    void listsEveryProblem();
    void amendmentKeepsTheTimestamp();
    void amendmentKeepsTheCustomer_data();
    void amendmentKeepsTheCustomer();
    void amendmentChecksNameAndReference();
    void amendmentMustBeInsideTheCorrectionWindow();
    void correctionWindowBoundary();
    void sameContentIgnoresPropertyOrder();
    void sameContentSeesEveryDifference_data();
    void sameContentSeesEveryDifference();
};

namespace {

const Timestamp Now = Timestamp::fromMsecs(1'714'564'800'000); // 2024-05-01T12:00:00Z

Event validEvent()
{
    Event e;
    e.id = QStringLiteral("evt-1");
    e.eventName = QStringLiteral("api_request");
    e.externalCustomerId = QStringLiteral("acme");
    e.timestamp = Now - 1h;
    e.properties = Properties{{QStringLiteral("region"), QStringLiteral("eu-west-1")}, {QStringLiteral("ms"), qint64(12)}};
    return e;
}

/// The field each problem is about (the text before the first colon).
QStringList fieldsOf(const QStringList &problems)
{
    QStringList fields;
    for (const QString &p : problems)
        fields << p.section(u':', 0, 0);
    return fields;
}

} // namespace

void TstEventRules::acceptsAValidEvent()
{
    QCOMPARE(ul::checkIngestEvent(validEvent(), Now, EventRuleLimits{}), QStringList());
    Event byId = validEvent();
    byId.externalCustomerId.reset();
    byId.customerId = QStringLiteral("cus_1");
    QCOMPARE(ul::checkIngestEvent(byId, Now, EventRuleLimits{}), QStringList());
    Event noProperties = validEvent();
    noProperties.properties = {};
    QCOMPARE(ul::checkIngestEvent(noProperties, Now, EventRuleLimits{}), QStringList());
}

void TstEventRules::checksTheIdempotencyKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("one character") << QStringLiteral("k") << true;
    QTest::newRow("256 characters") << QString(256, u'k') << true;
    QTest::newRow("257 characters") << QString(257, u'k') << false;
}

void TstEventRules::checksTheIdempotencyKey()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    Event e = validEvent();
    e.id = key;
    const QStringList problems = ul::checkIngestEvent(e, Now, EventRuleLimits{});
    QCOMPARE(fieldsOf(problems), valid ? QStringList() : QStringList{QStringLiteral("idempotency_key")});
}

void TstEventRules::checksTheEventName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("blank") << QStringLiteral(" \t") << false;
    QTest::newRow("256 characters") << QString(256, u'n') << true;
    QTest::newRow("257 characters") << QString(257, u'n') << false;
    QTest::newRow("with a space") << QStringLiteral("api request") << true; // a convention, not a rule
}

void TstEventRules::checksTheEventName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    Event e = validEvent();
    e.eventName = name;
    QCOMPARE(fieldsOf(ul::checkIngestEvent(e, Now, EventRuleLimits{})), valid ? QStringList() : QStringList{QStringLiteral("event_name")});
}

void TstEventRules::requiresExactlyOneCustomerReference_data()
{
    QTest::addColumn<std::optional<QString>>("customerId");
    QTest::addColumn<std::optional<QString>>("externalId");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::newRow("customer id") << std::optional(QStringLiteral("c")) << std::optional<QString>() << QString();
    QTest::newRow("external id") << std::optional<QString>() << std::optional(QStringLiteral("x")) << QString();
    QTest::newRow("both") << std::optional(QStringLiteral("c")) << std::optional(QStringLiteral("x"))
                          << QStringLiteral("customer_id: give either customer_id or external_customer_id, not both");
    QTest::newRow("neither") << std::optional<QString>() << std::optional<QString>()
                             << QStringLiteral("customer_id: one of customer_id or external_customer_id is required");
    QTest::newRow("empty customer id") << std::optional(QString()) << std::optional<QString>()
                                       << QStringLiteral("customer_id: must not be empty");
    QTest::newRow("empty external id") << std::optional<QString>() << std::optional(QString())
                                       << QStringLiteral("external_customer_id: must not be empty");
}

void TstEventRules::requiresExactlyOneCustomerReference()
{
    QFETCH(std::optional<QString>, customerId);
    QFETCH(std::optional<QString>, externalId);
    QFETCH(QString, problem);
    Event e = validEvent();
    e.customerId = customerId;
    e.externalCustomerId = externalId;
    QCOMPARE(ul::checkIngestEvent(e, Now, EventRuleLimits{}), problem.isEmpty() ? QStringList() : QStringList{problem});
}

void TstEventRules::checksTheTimestampAgainstNow_data()
{
    QTest::addColumn<qint64>("offsetMs");
    QTest::addColumn<qint64>("graceMs");
    QTest::addColumn<bool>("valid");
    const qint64 second = 1000, minute = 60 * second, hour = 60 * minute;
    QTest::newRow("now") << qint64(0) << 12 * hour << true;
    QTest::newRow("5 min ahead") << 5 * minute << 12 * hour << true;
    QTest::newRow("5 min 1 ms ahead") << 5 * minute + 1 << 12 * hour << false;
    QTest::newRow("12 h old") << -12 * hour << 12 * hour << true;
    QTest::newRow("12 h 1 ms old") << -12 * hour - 1 << 12 * hour << false;
    QTest::newRow("2 h old, 1 h grace") << -2 * hour << hour << false;
    QTest::newRow("2 h old, 3 h grace") << -2 * hour << 3 * hour << true;
    QTest::newRow("no grace at all") << qint64(-1) << qint64(0) << false;
}

void TstEventRules::checksTheTimestampAgainstNow()
{
    QFETCH(qint64, offsetMs);
    QFETCH(qint64, graceMs);
    QFETCH(bool, valid);
    Event e = validEvent();
    e.timestamp = Now.addMsecs(offsetMs);
    EventRuleLimits limits;
    limits.gracePeriod = std::chrono::milliseconds(graceMs);
    const QStringList problems = ul::checkIngestEvent(e, Now, limits);
    QCOMPARE(fieldsOf(problems), valid ? QStringList() : QStringList{QStringLiteral("timestamp")});
}

void TstEventRules::aBackfillSkipsTheGracePeriodButNotTheFutureLimit()
{
    Event old = validEvent();
    old.timestamp = Now - std::chrono::days(20);
    QVERIFY(!ul::checkIngestEvent(old, Now, EventRuleLimits{}).isEmpty());
    QCOMPARE(ul::checkIngestEvent(old, Now, EventRuleLimits{}, true), QStringList());
    Event future = validEvent();
    future.timestamp = Now + 1h;
    QCOMPARE(fieldsOf(ul::checkIngestEvent(future, Now, EventRuleLimits{}, true)), QStringList{QStringLiteral("timestamp")});
}

void TstEventRules::listsEveryProblem()
{
    Event e;
    e.timestamp = Now + 1h;
    const QStringList problems = ul::checkIngestEvent(e, Now, EventRuleLimits{});
    QCOMPARE(fieldsOf(problems), (QStringList{QStringLiteral("idempotency_key"), QStringLiteral("event_name"),
                                              QStringLiteral("customer_id"), QStringLiteral("timestamp")}));
    // The sentences name the limits, so a person knows what to change.
    QVERIFY(problems.last().contains(QStringLiteral("5 minutes")));
    e.timestamp = Now - 13h;
    QVERIFY(ul::checkIngestEvent(e, Now, EventRuleLimits{}).last().contains(QStringLiteral("12 hours")));
}

void TstEventRules::amendmentKeepsTheTimestamp()
{
    const Event current = validEvent();
    Event amended = current;
    amended.properties.set(QStringLiteral("region"), QStringLiteral("us-east-1"));
    QCOMPARE(ul::checkAmendment(current, amended, Now, EventRuleLimits{}), QStringList());
    amended.timestamp = current.timestamp + 1ms;
    QCOMPARE(fieldsOf(ul::checkAmendment(current, amended, Now, EventRuleLimits{})), QStringList{QStringLiteral("timestamp")});
}

void TstEventRules::amendmentKeepsTheCustomer_data()
{
    // `current` has both references filled in (as the sandbox resolves them): cus_1 / acme.
    QTest::addColumn<std::optional<QString>>("customerId");
    QTest::addColumn<std::optional<QString>>("externalId");
    QTest::addColumn<QString>("problemField"); // empty: valid
    QTest::newRow("same customer id") << std::optional(QStringLiteral("cus_1")) << std::optional<QString>() << QString();
    QTest::newRow("same external id") << std::optional<QString>() << std::optional(QStringLiteral("acme")) << QString();
    QTest::newRow("another customer id") << std::optional(QStringLiteral("cus_2")) << std::optional<QString>()
                                         << QStringLiteral("customer_id");
    QTest::newRow("another external id") << std::optional<QString>() << std::optional(QStringLiteral("other"))
                                         << QStringLiteral("external_customer_id");
    QTest::newRow("both") << std::optional(QStringLiteral("cus_1")) << std::optional(QStringLiteral("acme")) << QStringLiteral("customer_id");
    QTest::newRow("neither") << std::optional<QString>() << std::optional<QString>() << QStringLiteral("customer_id");
}

void TstEventRules::amendmentKeepsTheCustomer()
{
    QFETCH(std::optional<QString>, customerId);
    QFETCH(std::optional<QString>, externalId);
    QFETCH(QString, problemField);
    Event current = validEvent();
    current.customerId = QStringLiteral("cus_1");
    Event amended = current;
    amended.customerId = customerId;
    amended.externalCustomerId = externalId;
    QCOMPARE(fieldsOf(ul::checkAmendment(current, amended, Now, EventRuleLimits{})),
             problemField.isEmpty() ? QStringList() : QStringList{problemField});
}

void TstEventRules::amendmentChecksNameAndReference()
{
    const Event current = validEvent();
    Event amended = current;
    amended.eventName.clear();
    QCOMPARE(fieldsOf(ul::checkAmendment(current, amended, Now, EventRuleLimits{})), QStringList{QStringLiteral("event_name")});
    // The idempotency key is not the amendment's business: the id comes from the URL.
    amended = current;
    amended.id.clear();
    QCOMPARE(ul::checkAmendment(current, amended, Now, EventRuleLimits{}), QStringList());
}

void TstEventRules::amendmentMustBeInsideTheCorrectionWindow()
{
    Event current = validEvent();
    current.timestamp = Now - std::chrono::days(40);
    const QStringList problems = ul::checkAmendment(current, current, Now, EventRuleLimits{});
    QCOMPARE(fieldsOf(problems), QStringList{QStringLiteral("timestamp")});
    QVERIFY(problems.first().contains(QStringLiteral("35 days")));
}

void TstEventRules::correctionWindowBoundary()
{
    EventRuleLimits limits;
    limits.correctionWindow = std::chrono::days(3);
    Event e = validEvent();
    e.timestamp = Now - std::chrono::days(3);
    QCOMPARE(ul::checkCorrectionWindow(e, Now, limits), QStringList());
    e.timestamp = Now - std::chrono::days(3) - 1ms;
    QCOMPARE(fieldsOf(ul::checkCorrectionWindow(e, Now, limits)), QStringList{QStringLiteral("timestamp")});
    e.timestamp = Now + 1h; // a future event can be corrected
    QCOMPARE(ul::checkCorrectionWindow(e, Now, limits), QStringList());
}

void TstEventRules::sameContentIgnoresPropertyOrder()
{
    Event a = validEvent();
    Event b = validEvent();
    b.properties = Properties{{QStringLiteral("ms"), qint64(12)}, {QStringLiteral("region"), QStringLiteral("eu-west-1")}};
    QVERIFY(a.properties != b.properties);
    QVERIFY(ul::sameContent(a, b));
    QVERIFY(ul::sameContent(b, a));
    // Deprecation is state, not content.
    b.deprecated = true;
    QVERIFY(ul::sameContent(a, b));
}

void TstEventRules::sameContentSeesEveryDifference_data()
{
    QTest::addColumn<Event>("other");
    Event e = validEvent();
    e.id = QStringLiteral("evt-2");
    QTest::newRow("id") << e;
    e = validEvent();
    e.eventName = QStringLiteral("api_request_v2");
    QTest::newRow("event name") << e;
    e = validEvent();
    e.timestamp = e.timestamp + 1ms;
    QTest::newRow("timestamp") << e;
    e = validEvent();
    e.externalCustomerId = QStringLiteral("other");
    QTest::newRow("external id") << e;
    e = validEvent();
    e.externalCustomerId.reset();
    e.customerId = QStringLiteral("acme");
    QTest::newRow("same text as a customer id") << e;
    e = validEvent();
    e.properties.set(QStringLiteral("ms"), qint64(13));
    QTest::newRow("a property value") << e;
    e = validEvent();
    e.properties.set(QStringLiteral("ms"), QStringLiteral("12"));
    QTest::newRow("a property type") << e;
    e = validEvent();
    e.properties.set(QStringLiteral("extra"), true);
    QTest::newRow("an extra property") << e;
    e = validEvent();
    e.properties.remove(u"ms");
    QTest::newRow("a missing property") << e;
}

void TstEventRules::sameContentSeesEveryDifference()
{
    QFETCH(Event, other);
    QVERIFY(!ul::sameContent(validEvent(), other));
    QVERIFY(!ul::sameContent(other, validEvent()));
}

QTEST_GUILESS_MAIN(TstEventRules)
#include "tst_event_rules.moc"
