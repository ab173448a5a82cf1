// The app's first API call, against a real sandbox on a free port: every page of GET /v1/customers
// is counted, and a refused token or a server that is gone comes back as a failure in words.
#include "CustomerCounter.h"
#include "SandboxFixture.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using ul::gui::CustomerCounter;
using ul::gui::ServerConnection;
using ul::test::SandboxFixture;

namespace {

/// Counts and waits for the outcome: the number, or the failure message.
struct CountOutcome {
    qint64 customers = -1;
    QString failure;
};

CountOutcome countCustomers(const ServerConnection &connection)
{
    CustomerCounter counter;
    QSignalSpy counted(&counter, &CustomerCounter::counted);
    QSignalSpy failed(&counter, &CustomerCounter::failed);
    counter.count(connection);
    if (!QTest::qWaitFor([&] { return !counted.isEmpty() || !failed.isEmpty(); }, 60'000))
        return {-1, QStringLiteral("no answer")};
    if (!counted.isEmpty())
        return {counted.constFirst().constFirst().toLongLong(), {}};
    return {-1, failed.constFirst().constFirst().toString()};
}

} // namespace

class CustomerCounterTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countsEveryPage()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        constexpr int Customers = 234; // three pages of 100
        for (int i = 0; i < Customers; ++i)
            QVERIFY(!sandbox.newCustomer().isEmpty());

        const CountOutcome outcome = countCustomers({sandbox.baseUrl(), SandboxFixture::token()});
        QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));
        QCOMPARE(outcome.customers, Customers);
    }

    void countsNoCustomers()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const CountOutcome outcome = countCustomers({sandbox.baseUrl(), SandboxFixture::token()});
        QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));
        QCOMPARE(outcome.customers, 0);
    }

    void aRefusedTokenIsAFailure()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const CountOutcome outcome = countCustomers({sandbox.baseUrl(), QStringLiteral("not-the-token")});
        QCOMPARE(outcome.customers, -1);
        QVERIFY2(outcome.failure.startsWith(QLatin1StringView("the server answered HTTP 401")), qPrintable(outcome.failure));
    }

    void aServerThatIsGoneIsAFailure()
    {
        QUrl gone;
        {
            SandboxFixture sandbox;
            QVERIFY2(sandbox.isReady(), sandbox.startError());
            gone = sandbox.baseUrl();
        }
        const CountOutcome outcome = countCustomers({gone, SandboxFixture::token()});
        QCOMPARE(outcome.customers, -1);
        QVERIFY2(!outcome.failure.isEmpty() && outcome.failure != QLatin1StringView("no answer"), qPrintable(outcome.failure));
    }
};

QTEST_GUILESS_MAIN(CustomerCounterTest)
#include "tst_gui_customer_counter.moc"
