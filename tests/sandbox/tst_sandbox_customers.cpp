// The customer routes over HTTP (Orb contract §2.6, pagination §1.3): create, list with cursors
// and created_at filters, fetch by id and by external id, and how events find their customer.
#include "OrbJson.h"
#include "SandboxFixture.h"

#include <QtTest/QTest>

#include <algorithm>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpClient;
using ul::test::HttpResult;
using ul::test::SandboxFixture;

class TstSandboxCustomers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createAnswersTheFullCustomerObject();
    void createKeepsTheOptionalFieldsItAccepts();
    void createValidatesTheBody_data();
    void createValidatesTheBody();
    void createRefusesADuplicateExternalId();
    void listLimitIsOneToOneHundred_data();
    void listLimitIsOneToOneHundred();
    void listDefaultsToTwentyNewestFirst();
    void listWalksEveryCustomerExactlyOnce();
    void listRejectsACursorItDidNotIssue();
    void listFiltersByCreationTime_data();
    void listFiltersByCreationTime();
    void listRejectsMalformedCreationTimes();
    void fetchById();
    void fetchByExternalId_data();
    void fetchByExternalId();
    void eventsOfAnUnknownExternalIdJoinTheCustomerCreatedLater();
};

namespace {

QJsonObject customerBody(const QString &name, const QString &email)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("email"), email}};
}

/// Creates `count` customers one second apart (sandbox time); their ids, oldest first.
QStringList createCustomers(SandboxFixture &sandbox, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        sandbox.advance(1s);
        ids << sandbox.newCustomer();
    }
    return ids;
}

QStringList reversed(QStringList list)
{
    std::reverse(list.begin(), list.end());
    return list;
}

} // namespace

void TstSandboxCustomers::createAnswersTheFullCustomerObject()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QJsonObject body = customerBody(QStringLiteral("Acme Analytics"), QStringLiteral("billing@acme.example"));
    body.insert(QStringLiteral("external_customer_id"), QStringLiteral("acme"));
    const HttpResult created = sandbox.createCustomer(body);
    UL_COMPARE_STATUS(created, 201);
    QCOMPARE(created.header("content-type"), QByteArray("application/json"));

    const QJsonObject &c = created.json;
    QVERIFY(!c.value(u"id").toString().isEmpty());
    QCOMPARE(c.value(u"name").toString(), QStringLiteral("Acme Analytics"));
    QCOMPARE(c.value(u"email").toString(), QStringLiteral("billing@acme.example"));
    QCOMPARE(c.value(u"external_customer_id").toString(), QStringLiteral("acme"));
    QCOMPARE(c.value(u"created_at").toString(), sandbox.now().toIso8601());
    // Every key the spec requires, with the sandbox's documented defaults.
    QCOMPARE(c.value(u"timezone").toString(), QStringLiteral("Etc/UTC"));
    QCOMPARE(c.value(u"metadata").toObject(), QJsonObject());
    QCOMPARE(c.value(u"balance").toString(), QStringLiteral("0.00"));
    QCOMPARE(c.value(u"additional_emails").toArray(), QJsonArray());
    QCOMPARE(ul::test::compactJson(c.value(u"hierarchy").toObject()), QByteArray(R"({"children":[],"parent":null})"));
    for (const auto *nullKey : {u"payment_provider", u"payment_provider_id", u"shipping_address", u"billing_address", u"currency",
                                u"tax_id", u"exempt_from_automated_tax", u"auto_issuance", u"portal_url"}) {
        QVERIFY2(c.contains(QStringView(nullKey)) && c.value(QStringView(nullKey)).isNull(), qPrintable(QString::fromUtf16(nullKey)));
    }
    QVERIFY(c.value(u"auto_collection").isBool());
    QVERIFY(c.value(u"email_delivery").isBool());

    // Without an external id, the key is still there, as null.
    const HttpResult plain = sandbox.createCustomer(customerBody(QStringLiteral("Birch"), QStringLiteral("a@birch.example")));
    UL_COMPARE_STATUS(plain, 201);
    QVERIFY(plain.json.contains(u"external_customer_id") && plain.json.value(u"external_customer_id").isNull());
    QVERIFY(plain.string(u"id") != c.value(u"id").toString());
}

void TstSandboxCustomers::createKeepsTheOptionalFieldsItAccepts()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QJsonObject body = customerBody(QStringLiteral("Cobalt"), QStringLiteral("ops@cobalt.example"));
    body.insert(QStringLiteral("external_customer_id"), QJsonValue()); // null: no alias
    body.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
    body.insert(QStringLiteral("timezone"), QStringLiteral("Europe/Oslo"));
    body.insert(QStringLiteral("metadata"), ul::test::jsonObject({{u"segment", QStringLiteral("enterprise")}}));
    body.insert(QStringLiteral("additional_emails"), QJsonArray{QStringLiteral("cfo@cobalt.example")});
    const HttpResult created = sandbox.createCustomer(body);
    UL_COMPARE_STATUS(created, 201);

    const HttpResult fetched = sandbox.http().get(QStringLiteral("/v1/customers/") + created.string(u"id"));
    UL_COMPARE_STATUS(fetched, 200);
    QVERIFY(fetched.json.value(u"external_customer_id").isNull());
    QCOMPARE(fetched.string(u"currency"), QStringLiteral("EUR"));
    QCOMPARE(fetched.string(u"timezone"), QStringLiteral("Europe/Oslo"));
    QCOMPARE(fetched.object(u"metadata").value(u"segment").toString(), QStringLiteral("enterprise"));
    QCOMPARE(fetched.array(u"additional_emails"), QJsonArray{QStringLiteral("cfo@cobalt.example")});
}

void TstSandboxCustomers::createValidatesTheBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::newRow("not JSON") << QByteArray("{name:") << QStringLiteral("body");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("body");
    QTest::newRow("no name") << QByteArray(R"({"email":"a@b.example"})") << QStringLiteral("name");
    QTest::newRow("blank name") << QByteArray(R"({"name":"  ","email":"a@b.example"})") << QStringLiteral("name");
    QTest::newRow("numeric name") << QByteArray(R"({"name":5,"email":"a@b.example"})") << QStringLiteral("name");
    QTest::newRow("name over 500") << QByteArray(R"({"name":")" + QByteArray(501, 'n') + R"(","email":"a@b.example"})")
                                   << QStringLiteral("name");
    QTest::newRow("no email") << QByteArray(R"({"name":"A"})") << QStringLiteral("email");
    QTest::newRow("null email") << QByteArray(R"({"name":"A","email":null})") << QStringLiteral("email");
    QTest::newRow("email without @") << QByteArray(R"({"name":"A","email":"billing.example"})") << QStringLiteral("email");
    QTest::newRow("email without domain dot") << QByteArray(R"({"name":"A","email":"a@localhost"})") << QStringLiteral("email");
    QTest::newRow("email with space") << QByteArray(R"({"name":"A","email":"a b@c.example"})") << QStringLiteral("email");
    QTest::newRow("unknown field") << QByteArray(R"({"name":"A","email":"a@b.example","nickname":"x"})") << QStringLiteral("nickname");
    QTest::newRow("numeric external id") << QByteArray(R"({"name":"A","email":"a@b.example","external_customer_id":7})")
                                         << QStringLiteral("external_customer_id");
    QTest::newRow("empty external id") << QByteArray(R"({"name":"A","email":"a@b.example","external_customer_id":""})")
                                       << QStringLiteral("external_customer_id");
    QTest::newRow("metadata is a string") << QByteArray(R"({"name":"A","email":"a@b.example","metadata":"x"})")
                                          << QStringLiteral("metadata");
}

void TstSandboxCustomers::createValidatesTheBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().post(QStringLiteral("/v1/customers"), body);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QVERIFY2(result.array(u"validation_errors").first().toString().startsWith(problem), result.body.constData());
    QCOMPARE(ul::test::dataIds(sandbox.http().get(QStringLiteral("/v1/customers"))), QStringList());
}

void TstSandboxCustomers::createRefusesADuplicateExternalId()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString first = sandbox.newCustomer(u"acme");
    QVERIFY(!first.isEmpty());
    QJsonObject body = customerBody(QStringLiteral("Acme again"), QStringLiteral("b@acme.example"));
    body.insert(QStringLiteral("external_customer_id"), QStringLiteral("acme"));
    const HttpResult result = sandbox.createCustomer(body);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.json.value(u"type").toString(),
             QStringLiteral("https://docs.withorb.com/reference/error-responses#400-duplicate-resource-creation"));
    QCOMPARE(ul::test::dataIds(sandbox.http().get(QStringLiteral("/v1/customers"))), QStringList{first});
    // External ids are case-sensitive, so this one is new.
    body.insert(QStringLiteral("external_customer_id"), QStringLiteral("ACME"));
    UL_COMPARE_STATUS(sandbox.createCustomer(body), 201);
}

void TstSandboxCustomers::listLimitIsOneToOneHundred_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<int>("status");
    QTest::newRow("0") << QStringLiteral("0") << 400;
    QTest::newRow("1") << QStringLiteral("1") << 200;
    QTest::newRow("100") << QStringLiteral("100") << 200;
    QTest::newRow("101") << QStringLiteral("101") << 400;
    QTest::newRow("-1") << QStringLiteral("-1") << 400;
    QTest::newRow("not a number") << QStringLiteral("ten") << 400;
    QTest::newRow("empty means the default") << QString() << 200;
}

void TstSandboxCustomers::listLimitIsOneToOneHundred()
{
    QFETCH(QString, limit);
    QFETCH(int, status);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().get(QStringLiteral("/v1/customers?limit=") + limit);
    UL_COMPARE_STATUS(result, status);
    if (status == 400) {
        QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
        QVERIFY(result.array(u"validation_errors").first().toString().startsWith(QStringLiteral("limit")));
    }
}

void TstSandboxCustomers::listDefaultsToTwentyNewestFirst()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QStringList ids = createCustomers(sandbox, 21);
    const HttpResult page = sandbox.http().get(QStringLiteral("/v1/customers"));
    UL_COMPARE_STATUS(page, 200);
    QCOMPARE(ul::test::dataIds(page), reversed(ids).mid(0, 20));
    QCOMPARE(page.object(u"pagination_metadata").value(u"has_more").toBool(), true);
    QVERIFY(!page.object(u"pagination_metadata").value(u"next_cursor").toString().isEmpty());
}

void TstSandboxCustomers::listWalksEveryCustomerExactlyOnce()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QStringList ids = createCustomers(sandbox, 25);

    // As the SDKs paginate: follow next_cursor while it is a non-empty string.
    QStringList walked;
    QString cursor;
    int pages = 0;
    do {
        const HttpResult page = sandbox.http().get(QStringLiteral("/v1/customers?limit=7")
                                                   + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
        UL_COMPARE_STATUS(page, 200);
        const QJsonObject meta = page.object(u"pagination_metadata");
        walked << ul::test::dataIds(page);
        cursor = meta.value(u"next_cursor").toString();
        // next_cursor is non-null exactly when has_more is true.
        QCOMPARE(meta.value(u"has_more").toBool(), !meta.value(u"next_cursor").isNull());
        QCOMPARE(meta.value(u"next_cursor").isNull(), ++pages == 4);
        QVERIFY(pages <= 4);
    } while (!cursor.isEmpty());
    QCOMPARE(walked, reversed(ids));

    // A page that ends exactly at the last customer says so (no empty page follows).
    const HttpResult exact = sandbox.http().get(QStringLiteral("/v1/customers?limit=25"));
    QCOMPARE(ul::test::dataIds(exact).size(), 25);
    QVERIFY(exact.object(u"pagination_metadata").value(u"next_cursor").isNull());
    QCOMPARE(exact.object(u"pagination_metadata").value(u"has_more").toBool(true), false);
}

void TstSandboxCustomers::listRejectsACursorItDidNotIssue()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().get(QStringLiteral("/v1/customers?cursor=bm90LWEtY3Vyc29y"));
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    // An empty cursor is no cursor (the SDKs send `?cursor=` for null).
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers?cursor=")), 200);
}

void TstSandboxCustomers::listFiltersByCreationTime_data()
{
    // Customers 0..3 are created at t0, t0+1s, t0+2s, t0+3s; `{n}` stands for the time of customer n.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<int>>("expected"); // newest first
    QTest::newRow("gte") << QStringLiteral("created_at[gte]={1}") << QList<int>{3, 2, 1};
    QTest::newRow("gt") << QStringLiteral("created_at[gt]={1}") << QList<int>{3, 2};
    QTest::newRow("lt") << QStringLiteral("created_at[lt]={1}") << QList<int>{0};
    QTest::newRow("lte") << QStringLiteral("created_at[lte]={1}") << QList<int>{1, 0};
    QTest::newRow("between") << QStringLiteral("created_at[gt]={0}&created_at[lt]={3}") << QList<int>{2, 1};
    QTest::newRow("encoded brackets, as the SDKs send them") << QStringLiteral("created_at%5Bgte%5D={2}") << QList<int>{3, 2};
    QTest::newRow("empty value is no filter") << QStringLiteral("created_at[gte]=") << QList<int>{3, 2, 1, 0};
    QTest::newRow("with an offset") << QStringLiteral("created_at[gte]={2+01:00}") << QList<int>{3, 2};
}

void TstSandboxCustomers::listFiltersByCreationTime()
{
    QFETCH(QString, query);
    QFETCH(QList<int>, expected);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QStringList ids = createCustomers(sandbox, 4);
    const Timestamp t0 = sandbox.now() - 3s;
    for (int i = 0; i < 4; ++i) {
        const Timestamp at = t0 + std::chrono::seconds(i);
        query.replace(QStringLiteral("{%1}").arg(i), HttpClient::pathSegment(at.toIso8601()));
        // The same instant written at +01:00.
        const QString local = (at + 1h).toIso8601().chopped(1) + QStringLiteral("+01:00");
        query.replace(QStringLiteral("{%1+01:00}").arg(i), HttpClient::pathSegment(local));
    }
    QStringList expectedIds;
    for (int i : expected)
        expectedIds << ids[i];

    const HttpResult page = sandbox.http().get(QStringLiteral("/v1/customers?") + query);
    UL_COMPARE_STATUS(page, 200);
    QCOMPARE(ul::test::dataIds(page), expectedIds);
}

void TstSandboxCustomers::listRejectsMalformedCreationTimes()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().get(QStringLiteral("/v1/customers?created_at%5Bgte%5D=yesterday"));
    UL_COMPARE_STATUS(result, 400);
    QVERIFY(result.array(u"validation_errors").first().toString().startsWith(QStringLiteral("created_at[gte]")));
}

void TstSandboxCustomers::fetchById()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString id = sandbox.newCustomer(u"acme");
    const HttpResult fetched = sandbox.http().get(QStringLiteral("/v1/customers/") + id);
    UL_COMPARE_STATUS(fetched, 200);
    QCOMPARE(fetched.string(u"id"), id);
    QCOMPARE(fetched.string(u"external_customer_id"), QStringLiteral("acme"));

    const HttpResult missing = sandbox.http().get(QStringLiteral("/v1/customers/no-such-id"));
    UL_COMPARE_STATUS(missing, 404);
    QCOMPARE(missing.errorType(), QStringLiteral("404-resource-not-found"));
    QCOMPARE(missing.string(u"title"), QStringLiteral("A specified resource was not found."));
    QVERIFY(missing.string(u"detail").contains(QStringLiteral("no-such-id")));
    // An external id is not an Orb id.
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers/acme")), 404);
}

void TstSandboxCustomers::fetchByExternalId_data()
{
    QTest::addColumn<QString>("externalId");
    QTest::newRow("plain") << QStringLiteral("acme");
    QTest::newRow("with a slash") << QStringLiteral("team/alpha");
    QTest::newRow("with spaces") << QStringLiteral("Acme Analytics GmbH");
    QTest::newRow("reserved characters") << QStringLiteral("a?b#c%d&e=f+g");
    QTest::newRow("unicode") << QStringLiteral("kunde-øæå-客户");
}

void TstSandboxCustomers::fetchByExternalId()
{
    QFETCH(QString, externalId);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString id = sandbox.newCustomer(externalId);
    QVERIFY(!id.isEmpty());

    const QString path = QStringLiteral("/v1/customers/external_customer_id/") + HttpClient::pathSegment(externalId);
    const HttpResult fetched = sandbox.http().get(path);
    UL_COMPARE_STATUS(fetched, 200);
    QCOMPARE(fetched.string(u"id"), id);
    QCOMPARE(fetched.string(u"external_customer_id"), externalId);

    const HttpResult missing = sandbox.http().get(path + QStringLiteral("-other"));
    UL_COMPARE_STATUS(missing, 404);
    QCOMPARE(missing.errorType(), QStringLiteral("404-resource-not-found"));
}

void TstSandboxCustomers::eventsOfAnUnknownExternalIdJoinTheCustomerCreatedLater()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"early", sandbox.now() - 1min).forExternalCustomer(u"newcomer")}), 200);
    QVERIFY(sandbox.searchIds({QStringLiteral("early")}).array(u"data").first().toObject().value(u"customer_id").isNull());

    const QString id = sandbox.newCustomer(u"newcomer");
    const QJsonObject event = sandbox.searchIds({QStringLiteral("early")}).array(u"data").first().toObject();
    QCOMPARE(event.value(u"customer_id").toString(), id);
    QCOMPARE(event.value(u"external_customer_id").toString(), QStringLiteral("newcomer"));

    // And events sent by Orb id show the customer's external id.
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"by-id", sandbox.now() - 1min).forCustomer(id)}), 200);
    const QJsonObject byId = sandbox.searchIds({QStringLiteral("by-id")}).array(u"data").first().toObject();
    QCOMPARE(byId.value(u"external_customer_id").toString(), QStringLiteral("newcomer"));
}

QTEST_GUILESS_MAIN(TstSandboxCustomers)
#include "tst_sandbox_customers.moc"
