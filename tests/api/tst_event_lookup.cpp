// EventLookup: many ids → ≤500-id searches against a real sandbox, merged, nothing dropped.
#include "SandboxFixture.h"

#include "api/EventLookup.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Event;
using ul::EventLookup;
using ul::EventLookupResult;

class TestEventLookup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesPastedIds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("lines") << QStringLiteral("a\nb\r\nc\n") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QTest::newRow("mixed separators") << QStringLiteral(" a, b;c\td  e ") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")};
        QTest::newRow("quotes and duplicates") << QStringLiteral("\"a\", 'b', a, \"c\"") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        QTest::newRow("nothing") << QStringLiteral(" ,\n ") << QStringList{};
    }
    void parsesPastedIds()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        QCOMPARE(EventLookup::parseIds(text), ids);
    }

    void initTestCase()
    {
        m_sandbox = std::make_unique<ul::test::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        ul::ClientSettings settings;
        QUrl base = m_sandbox->baseUrl();
        base.setPath(QStringLiteral("/v1"));
        settings.baseUrl = base;
        settings.retry.initialDelay = 10ms;
        m_client = std::make_unique<ul::OrbClient>(settings);
        m_client->setToken(ul::test::SandboxFixture::token());
        const QString customer = m_sandbox->newCustomer(u"cus_lookup");
        QVERIFY(!customer.isEmpty());
        // 1,100 stored events: three searches' worth with a 500-id batch.
        m_stored.clear();
        QList<Event> batch;
        for (int i = 0; i < 1100; ++i) {
            Event e;
            e.id = QStringLiteral("lookup-%1").arg(i, 4, 10, QLatin1Char('0'));
            e.eventName = QStringLiteral("api_request");
            e.customerId = customer;
            e.timestamp = m_sandbox->now() - std::chrono::seconds(i + 1); // the default timeframe ends at now, exclusive
            e.properties = {{QStringLiteral("n"), qint64(i)}};
            batch << e;
            m_stored << e.id;
            if (batch.size() == 500 || i == 1099) {
                std::optional<bool> ok;
                m_client->ingest(batch, {}, this, [&ok](ul::Expected<ul::IngestResult, ul::RequestError> r) { ok = r.hasValue(); });
                QVERIFY(QTest::qWaitFor([&ok] { return ok.has_value(); }, 30000));
                QVERIFY(*ok);
                batch.clear();
            }
        }
    }
    void init()
    {
        m_client->setToken(ul::test::SandboxFixture::token());
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void findsEveryStoredIdAndListsTheMissingOnes()
    {
        // Interleave missing ids so each batch has some.
        QStringList ids;
        QStringList missing;
        for (int i = 0; i < m_stored.size(); ++i) {
            ids << m_stored[i];
            if (i % 8 == 0) {
                missing << QStringLiteral("missing-%1").arg(i);
                ids << missing.last();
            }
        }
        EventLookup lookup(m_client.get());
        lookup.setConcurrency(2);
        QSignalSpy progress(&lookup, &EventLookup::progress);
        QSignalSpy arrived(&lookup, &EventLookup::eventsArrived);
        QSignalSpy finished(&lookup, &EventLookup::finished);
        lookup.start(ids);
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<EventLookupResult>();
        QCOMPARE(result.found.size(), m_stored.size());
        for (qsizetype i = 0; i < m_stored.size(); ++i)
            QCOMPARE(result.found[i].id, m_stored[i]); // the order the ids were given
        QCOMPARE(result.notFound, missing);
        QVERIFY(result.failed.isEmpty());
        QVERIFY(result.unanswered.isEmpty());
        const int searches = int((ids.size() + 499) / 500);
        QCOMPARE(arrived.size(), searches);
        QCOMPARE(progress.size(), searches + 1);
        QCOMPARE(progress.last().at(0).value<qsizetype>(), ids.size());
        QCOMPARE(progress.last().at(1).value<qsizetype>(), ids.size());
    }

    void failedSearchesKeepTheirIds()
    {
        m_client->setToken(QStringLiteral("wrong"));
        EventLookup lookup(m_client.get());
        QSignalSpy finished(&lookup, &EventLookup::finished);
        lookup.start(m_stored);
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<EventLookupResult>();
        QVERIFY(result.found.isEmpty());
        QVERIFY2(result.notFound.isEmpty(), "ids of a failed search are not 'not found'");
        QCOMPARE(result.failedIdCount(), m_stored.size());
        QCOMPARE(result.failed.first().error.httpStatus(), 401);
    }

    void cancelAccountsForEveryId()
    {
        EventLookup lookup(m_client.get());
        lookup.setConcurrency(1);
        lookup.setBatchSize(100);
        QSignalSpy finished(&lookup, &EventLookup::finished);
        QSignalSpy progress(&lookup, &EventLookup::progress);
        lookup.start(m_stored);
        QVERIFY(progress.wait(30000)); // the first answer
        QVERIFY(progress.wait(30000));
        lookup.cancel();
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<EventLookupResult>();
        QVERIFY(result.cancelled);
        QVERIFY(!result.unanswered.isEmpty());
        QCOMPARE(result.found.size() + result.notFound.size() + result.failedIdCount() + result.unanswered.size(),
                 m_stored.size());
        QVERIFY(!lookup.isRunning());
    }

private:
    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<ul::OrbClient> m_client;
    QStringList m_stored;
};

QTEST_GUILESS_MAIN(TestEventLookup)
#include "tst_event_lookup.moc"
