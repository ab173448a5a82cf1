// SandboxHost: the sandbox on its own thread, started, stopped (also mid-start) and restarted.
#include "HttpClient.h"
#include "SandboxFixture.h"
#include "SandboxHost.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using ul::sandbox::SandboxHost;
using ul::test::HttpClient;
using ul::test::SandboxFixture;

class TstSandboxHost : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stopsWhileStillStartingAndStartsAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto options = SandboxFixture::defaultOptions();
        options.databasePath = dir.filePath(QStringLiteral("sandbox.sqlite"));
        options.seedDemo = true; // seeding keeps the start busy for a while
        options.demoEvents = 20'000;

        SandboxHost host;
        QSignalSpy started(&host, &SandboxHost::started);
        QSignalSpy failed(&host, &SandboxHost::failed);
        host.start(options);
        host.stop(); // while the server is still being created on its thread
        QVERIFY(!host.isRunning());
        QTest::qWait(100); // a late answer from the cancelled start must be ignored
        QCOMPARE(started.size(), 0);
        QCOMPARE(failed.size(), 0);

        // The cancelled start finished its seeding and closed the database cleanly: a new start
        // opens the same file, seeds nothing more, and serves it.
        options.seedDemo = false;
        const auto url = host.startAndWait(options);
        QVERIFY2(url.hasValue(), qPrintable(url.hasValue() ? QString() : url.error()));
        HttpClient http(*url, options.token);
        const auto customers = http.get(QStringLiteral("/v1/customers?limit=1"));
        QCOMPARE(customers.status, 200);
        QCOMPARE(started.size(), 1);
        host.stop();
        QVERIFY(!host.isRunning());
    }

    void reportsAFailedStart()
    {
        auto options = SandboxFixture::defaultOptions();
        options.databasePath = QStringLiteral("/proc/no-such-dir/sandbox.sqlite");
        SandboxHost host;
        const auto url = host.startAndWait(options);
        QVERIFY(!url.hasValue());
        QVERIFY2(url.error().contains(QStringLiteral("sandbox.sqlite")), qPrintable(url.error()));
        QVERIFY(!host.isRunning());
        // And it can be started again, properly this time.
        options.databasePath = QStringLiteral(":memory:");
        QVERIFY(host.startAndWait(options).hasValue());
    }
};

QTEST_GUILESS_MAIN(TstSandboxHost)
#include "tst_sandbox_host.moc"
