// --seed-demo: the demo data set a fresh sandbox starts with, and a database file that keeps
// everything across restarts.
#include "OrbJson.h"
#include "SandboxFixture.h"

#include "DemoData.h"
#include "store/SandboxStore.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::sandbox::SandboxServer;
using ul::test::EventJson;
using ul::test::HttpResult;
using ul::test::SandboxFixture;

class TstSandboxDemo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seedsThousandsOfEventsForDozensOfCustomers();
    void seedsSeveralKindsOfEventsOverTheLastMonth();
    void seedsCorrectionsWithTheirHistory();
    void seedsOnlyAnEmptyDatabase();
    void theSameSeedGivesTheSameDataSet();
    void aDatabaseFileKeepsEverythingAcrossRestarts();
    void cleanupTestCase();

private:
    /// One seeded sandbox for the read-only checks: seeding 60,000 events takes a moment.
    std::unique_ptr<SandboxFixture> m_seeded;
};

namespace {

/// Runs a query that answers one integer, on the server's thread.
qint64 queryNumber(SandboxFixture &sandbox, const char *sql)
{
    return sandbox.onServerThread([sql](SandboxServer &server) -> qint64 {
        auto q = server.store().database().prepare(sql);
        return q && q->step() ? q->int64(0) : -1;
    });
}

/// Runs a query that answers one text, on the server's thread.
QString queryText(SandboxFixture &sandbox, const char *sql)
{
    return sandbox.onServerThread([sql](SandboxServer &server) -> QString {
        auto q = server.store().database().prepare(sql);
        return q && q->step() ? q->text(0) : QString();
    });
}

QJsonObject allTimeSearch(const QString &id)
{
    return QJsonObject{{QStringLiteral("event_ids"), QJsonArray{id}},
                       {QStringLiteral("timeframe_start"), QStringLiteral("2000-01-01T00:00:00Z")},
                       {QStringLiteral("timeframe_end"), QStringLiteral("2100-01-01T00:00:00Z")}};
}


} // namespace

void TstSandboxDemo::initTestCase()
{
    auto options = SandboxFixture::defaultOptions();
    options.seedDemo = true; // with the default size, as `--seed-demo` does
    m_seeded = std::make_unique<SandboxFixture>(options);
    QVERIFY2(m_seeded->isReady(), m_seeded->startError());
}

void TstSandboxDemo::theSameSeedGivesTheSameDataSet()
{
    const ul::sandbox::DemoDataSpec spec{1000, 8, 30, 42};
    const Timestamp now = Timestamp::now();
    auto seed = [&]() -> std::pair<QStringList, QStringList> {
        auto store = ul::sandbox::SandboxStore::open(QStringLiteral(":memory:"));
        if (!store || !ul::sandbox::seedDemoData(**store, spec, now))
            return {};
        QStringList customers, events;
        auto q = (*store)->database().prepare("SELECT id FROM customers ORDER BY seq");
        while (q && q->step())
            customers << q->text(0);
        auto e = (*store)->database().prepare("SELECT event_id || ' ' || timestamp_ms || ' ' || properties FROM event_versions ORDER BY seq");
        while (e && e->step())
            events << e->text(0);
        return {customers, events};
    };
    const auto first = seed();
    const auto second = seed();
    QCOMPARE(first.first.size(), 8);
    QVERIFY(first.second.size() >= 1000);
    QCOMPARE(second.first, first.first);
    QCOMPARE(second.second, first.second);
}

void TstSandboxDemo::cleanupTestCase()
{
    m_seeded.reset();
}

void TstSandboxDemo::seedsThousandsOfEventsForDozensOfCustomers()
{
    const qint64 events = m_seeded->onServerThread([](SandboxServer &server) { return server.store().eventCount(); });
    QVERIFY2(events >= 50'000, qPrintable(QString::number(events)));

    const HttpResult customers = m_seeded->http().get(QStringLiteral("/v1/customers?limit=100"));
    UL_COMPARE_STATUS(customers, 200);
    const qsizetype count = customers.array(u"data").size();
    QVERIFY2(count >= 24 && count <= 60, qPrintable(QString::number(count)));
    QVERIFY(customers.object(u"pagination_metadata").value(u"next_cursor").isNull());
    // Most customers have an external id, so events can name them either way.
    int withExternalId = 0;
    for (const QJsonValue &c : customers.array(u"data"))
        withExternalId += c.toObject().value(u"external_customer_id").isString() ? 1 : 0;
    QVERIFY(withExternalId > count / 2 && withExternalId < count);
    QVERIFY(queryNumber(*m_seeded, "SELECT COUNT(*) FROM event_versions WHERE customer_id IS NULL") > 0);
    QVERIFY(queryNumber(*m_seeded, "SELECT COUNT(*) FROM event_versions WHERE external_customer_id IS NULL") > 0);
}

void TstSandboxDemo::seedsSeveralKindsOfEventsOverTheLastMonth()
{
    QVERIFY(queryNumber(*m_seeded, "SELECT COUNT(DISTINCT event_name) FROM event_versions") >= 4);
    const Timestamp oldest = Timestamp::fromMsecs(queryNumber(*m_seeded, "SELECT MIN(timestamp_ms) FROM event_versions"));
    const Timestamp newest = Timestamp::fromMsecs(queryNumber(*m_seeded, "SELECT MAX(timestamp_ms) FROM event_versions"));
    QVERIFY2(oldest >= Timestamp::now() - std::chrono::days(31), qPrintable(oldest.toIso8601()));
    QVERIFY2(oldest <= Timestamp::now() - std::chrono::days(25), qPrintable(oldest.toIso8601()));
    QVERIFY2(newest <= Timestamp::now(), qPrintable(newest.toIso8601()));

    // A seeded event reads back through the API like any other, with typed properties.
    const QString id = queryText(*m_seeded, "SELECT event_id FROM event_versions WHERE event_name = 'api_request' AND version = 1 LIMIT 1");
    const HttpResult found = m_seeded->search(allTimeSearch(id));
    UL_COMPARE_STATUS(found, 200);
    const QJsonObject properties = found.array(u"data").first().toObject().value(u"properties").toObject();
    QVERIFY(properties.value(u"region").isString());
    QVERIFY(properties.value(u"success").isBool());
    QVERIFY2(found.body.contains("\"ms\":") && !found.body.contains("\"ms\":\""), found.body.constData());
}

void TstSandboxDemo::seedsCorrectionsWithTheirHistory()
{
    QVERIFY(queryNumber(*m_seeded, "SELECT COUNT(*) FROM event_versions WHERE change = 'amended'") >= 10);
    QVERIFY(queryNumber(*m_seeded, "SELECT COUNT(*) FROM event_versions WHERE change = 'deprecated'") >= 10);

    const QString amended = queryText(*m_seeded, "SELECT event_id FROM event_versions WHERE change = 'amended' LIMIT 1");
    const HttpResult current = m_seeded->search(allTimeSearch(amended));
    UL_COMPARE_STATUS(current, 200);
    QCOMPARE(current.array(u"data").first().toObject().value(u"properties").toObject().value(u"corrected").toBool(), true);
    QCOMPARE(ul::test::historyChanges(m_seeded->history(amended)), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));

    const QString deprecated = queryText(*m_seeded, "SELECT event_id FROM event_versions WHERE change = 'deprecated' LIMIT 1");
    QCOMPARE(m_seeded->search(allTimeSearch(deprecated)).array(u"data").first().toObject().value(u"deprecated").toBool(), true);
    QCOMPARE(ul::test::historyChanges(m_seeded->history(deprecated)), (QStringList{QStringLiteral("ingested"), QStringLiteral("deprecated")}));
}

void TstSandboxDemo::seedsOnlyAnEmptyDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto options = SandboxFixture::defaultOptions();
    options.databasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    options.seedDemo = true;
    options.demoEvents = 500;
    qint64 firstEvents = 0;
    QStringList firstCustomers;
    {
        SandboxFixture sandbox(options);
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        firstEvents = sandbox.onServerThread([](SandboxServer &server) { return server.store().eventCount(); });
        firstCustomers = ul::test::dataIds(sandbox.http().get(QStringLiteral("/v1/customers?limit=100")));
        QCOMPARE(firstEvents, qint64(500));
    }
    // Started again on the same file: the data is there, and nothing is added to it.
    SandboxFixture again(options);
    QVERIFY2(again.isReady(), again.startError());
    QCOMPARE(again.onServerThread([](SandboxServer &server) { return server.store().eventCount(); }), firstEvents);
    QCOMPARE(ul::test::dataIds(again.http().get(QStringLiteral("/v1/customers?limit=100"))), firstCustomers);
}

void TstSandboxDemo::aDatabaseFileKeepsEverythingAcrossRestarts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto options = SandboxFixture::defaultOptions();
    options.databasePath = dir.filePath(QStringLiteral("kept.sqlite"));
    QString customer;
    QByteArray firstAnswer;
    {
        SandboxFixture sandbox(options);
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        customer = sandbox.newCustomer(u"acme");
        const Timestamp at = sandbox.now() - 1h;
        UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", at).forCustomer(customer).withProperty(u"n", 1)}), 200);
        UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forCustomer(customer).withProperty(u"n", 2).toAmendBody()), 200);
        const HttpResult keyed = sandbox.createCustomer(QJsonObject{{QStringLiteral("name"), QStringLiteral("B")},
                                                                    {QStringLiteral("email"), QStringLiteral("b@example.com")}},
                                                        {{"Idempotency-Key", "k-restart"}});
        UL_COMPARE_STATUS(keyed, 201);
        firstAnswer = keyed.body;
    }
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult fetched = sandbox.http().get(QStringLiteral("/v1/customers/external_customer_id/acme"));
    UL_COMPARE_STATUS(fetched, 200);
    QCOMPARE(fetched.string(u"id"), customer);
    const auto event = sandbox.findEvent(QStringLiteral("evt-1"));
    QVERIFY(event);
    QCOMPARE(event->value(u"properties").toObject().value(u"n").toInt(), 2);
    QCOMPARE(ul::test::historyChanges(sandbox.history(QStringLiteral("evt-1"))), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
    // Known keys stay known: the event is a duplicate, and the Idempotency-Key still replays.
    const HttpResult again = sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forCustomer(customer)}, QStringLiteral("?debug=true"));
    QCOMPARE(again.object(u"debug").value(u"duplicate").toArray(), QJsonArray{QStringLiteral("evt-1")});
    const HttpResult replay = sandbox.createCustomer(QJsonObject{{QStringLiteral("name"), QStringLiteral("B")},
                                                                 {QStringLiteral("email"), QStringLiteral("b@example.com")}},
                                                     {{"Idempotency-Key", "k-restart"}});
    QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(replay.body, firstAnswer);
}

QTEST_GUILESS_MAIN(TstSandboxDemo)
#include "tst_sandbox_demo.moc"
