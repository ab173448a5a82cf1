// `usagelens-sandbox` options: what parseSandboxCommandLine makes of a command line, and what
// refuses to start.
#include "SandboxFixture.h"
#include "SandboxOptions.h"

#include <QtCore/QRegularExpression>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(ul::sandbox::SandboxOptions)

using namespace std::chrono_literals;
using ul::sandbox::SandboxCommandLine;
using ul::sandbox::SandboxHost;
using ul::sandbox::SandboxOptions;
using ul::sandbox::parseSandboxCommandLine;
using ul::test::SandboxFixture;

class TstSandboxCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsToOrbsRules();
    void readsEveryOption();
    void readsListenAddresses_data();
    void readsListenAddresses();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void listensBeyondLoopbackOnlyWhenAllowed();
    void printsHelpAndVersion();
    void hostRefusesOptionsThatCannotWork_data();
    void hostRefusesOptionsThatCannotWork();
    void hostReportsAPortInUse();
};

namespace {

SandboxCommandLine parse(const QStringList &arguments)
{
    return parseSandboxCommandLine(QStringList{QStringLiteral("usagelens-sandbox")} + arguments);
}

} // namespace

void TstSandboxCli::defaultsToOrbsRules()
{
    const SandboxCommandLine line = parse({QStringLiteral("--token"), QStringLiteral("secret")});
    QVERIFY2(!line.exitNow, qPrintable(line.message));
    const SandboxOptions &o = line.options;
    QCOMPARE(o.token, QStringLiteral("secret"));
    QCOMPARE(o.host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(o.port, quint16(8484));
    QCOMPARE(o.databasePath, QStringLiteral(":memory:"));
    QCOMPARE(o.seedDemo, false);
    QCOMPARE(o.allowRemote, false);
    QVERIFY(o.rules.gracePeriod == 12h);
    QVERIFY(o.rules.maxFutureSkew == 5min);
    QVERIFY(o.rules.correctionWindow == std::chrono::days(35));
    QCOMPARE(o.rules.correctionLimit, 100);
    QVERIFY(o.rules.correctionLimitPeriod == std::chrono::days(100));
    QCOMPARE(o.maxBodyBytes, qint64(32) * 1024 * 1024);
}

void TstSandboxCli::readsEveryOption()
{
    const SandboxCommandLine line = parse({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                                           QStringLiteral("/tmp/sandbox.sqlite"), QStringLiteral("--token=t0k"),
                                           QStringLiteral("--seed-demo"), QStringLiteral("--demo-events"), QStringLiteral("1200"),
                                           QStringLiteral("--grace-period"), QStringLiteral("48"), QStringLiteral("--correction-window"),
                                           QStringLiteral("7"), QStringLiteral("--correction-limit"), QStringLiteral("0"),
                                           QStringLiteral("--max-body-mib"), QStringLiteral("2")});
    QVERIFY2(!line.exitNow, qPrintable(line.message));
    const SandboxOptions &o = line.options;
    QCOMPARE(o.port, quint16(0));
    QCOMPARE(o.databasePath, QStringLiteral("/tmp/sandbox.sqlite"));
    QCOMPARE(o.token, QStringLiteral("t0k"));
    QCOMPARE(o.seedDemo, true);
    QCOMPARE(o.demoEvents, 1200);
    QVERIFY(o.rules.gracePeriod == 48h);
    QVERIFY(o.rules.correctionWindow == std::chrono::days(7));
    QCOMPARE(o.rules.correctionLimit, 0);
    QCOMPARE(o.maxBodyBytes, qint64(2) * 1024 * 1024);
}

void TstSandboxCli::readsListenAddresses_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QHostAddress>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("IPv4 loopback") << QStringLiteral("127.0.0.1:9000") << QHostAddress(QStringLiteral("127.0.0.1")) << 9000;
    QTest::newRow("localhost") << QStringLiteral("localhost:8080") << QHostAddress(QStringLiteral("127.0.0.1")) << 8080;
    QTest::newRow("IPv6 loopback") << QStringLiteral("[::1]:8484") << QHostAddress(QStringLiteral("::1")) << 8484;
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << QHostAddress(QStringLiteral("127.0.0.1")) << 0;
    QTest::newRow("highest port") << QStringLiteral("127.0.0.1:65535") << QHostAddress(QStringLiteral("127.0.0.1")) << 65535;
}

void TstSandboxCli::readsListenAddresses()
{
    QFETCH(QString, listen);
    QFETCH(QHostAddress, host);
    QFETCH(int, port);
    const SandboxCommandLine line = parse({QStringLiteral("--listen"), listen, QStringLiteral("--token"), QStringLiteral("t")});
    QVERIFY2(!line.exitNow, qPrintable(line.message));
    QCOMPARE(line.options.host, host);
    QCOMPARE(int(line.options.port), port);
}

void TstSandboxCli::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString t = QStringLiteral("--token=t");
    QTest::newRow("no token") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} << QStringLiteral("token");
    QTest::newRow("empty token") << QStringList{QStringLiteral("--token=")} << QStringLiteral("token");
    QTest::newRow("listen without port") << QStringList{t, QStringLiteral("--listen"), QStringLiteral("127.0.0.1")} << QStringLiteral("--listen");
    QTest::newRow("listen port too high") << QStringList{t, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:65536")}
                                          << QStringLiteral("--listen");
    QTest::newRow("listen port not a number") << QStringList{t, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:http")}
                                              << QStringLiteral("--listen");
    QTest::newRow("listen host not an address") << QStringList{t, QStringLiteral("--listen"), QStringLiteral("sandbox.example:80")}
                                                << QStringLiteral("--listen");
    QTest::newRow("unknown option") << QStringList{t, QStringLiteral("--verbose")} << QStringLiteral("verbose");
    QTest::newRow("option without its value") << QStringList{QStringLiteral("--token")} << QStringLiteral("token");
    QTest::newRow("negative grace period") << QStringList{t, QStringLiteral("--grace-period"), QStringLiteral("-1")}
                                           << QStringLiteral("--grace-period");
    QTest::newRow("zero correction window") << QStringList{t, QStringLiteral("--correction-window"), QStringLiteral("0")}
                                            << QStringLiteral("--correction-window");
    QTest::newRow("negative correction limit") << QStringList{t, QStringLiteral("--correction-limit"), QStringLiteral("-3")}
                                               << QStringLiteral("--correction-limit");
    QTest::newRow("zero body limit") << QStringList{t, QStringLiteral("--max-body-mib"), QStringLiteral("0")} << QStringLiteral("--max-body-mib");
    QTest::newRow("demo events not a number") << QStringList{t, QStringLiteral("--demo-events"), QStringLiteral("many")}
                                              << QStringLiteral("--demo-events");
    QTest::newRow("a remote address") << QStringList{t, QStringLiteral("--listen"), QStringLiteral("0.0.0.0:8484")}
                                      << QStringLiteral("--allow-remote");
}

void TstSandboxCli::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const SandboxCommandLine line = parse(arguments);
    QVERIFY(line.exitNow);
    QCOMPARE(line.exitCode, 2);
    QVERIFY2(line.message.startsWith(QStringLiteral("usagelens-sandbox: ")), qPrintable(line.message));
    QVERIFY2(line.message.contains(mentions), qPrintable(line.message));
}

void TstSandboxCli::listensBeyondLoopbackOnlyWhenAllowed()
{
    const SandboxCommandLine line = parse({QStringLiteral("--token=t"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:8484"),
                                           QStringLiteral("--allow-remote")});
    QVERIFY2(!line.exitNow, qPrintable(line.message));
    QCOMPARE(line.options.host, QHostAddress(QHostAddress::AnyIPv4));
    QVERIFY(line.options.allowRemote);
}

void TstSandboxCli::printsHelpAndVersion()
{
    const SandboxCommandLine help = parse({QStringLiteral("--help")});
    QVERIFY(help.exitNow);
    QCOMPARE(help.exitCode, 0);
    for (const char *option : {"--listen", "--db", "--token", "--seed-demo", "--allow-remote", "--grace-period"})
        QVERIFY2(help.message.contains(QLatin1StringView(option)), option);

    const SandboxCommandLine version = parse({QStringLiteral("--version")});
    QVERIFY(version.exitNow);
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.message.startsWith(QStringLiteral("usagelens-sandbox ")), qPrintable(version.message));
    QVERIFY(version.message.contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
}

void TstSandboxCli::hostRefusesOptionsThatCannotWork_data()
{
    QTest::addColumn<SandboxOptions>("options");
    QTest::addColumn<QString>("mentions");
    SandboxOptions noToken = SandboxFixture::defaultOptions();
    noToken.token.clear();
    QTest::newRow("no token") << noToken << QStringLiteral("token");
    SandboxOptions remote = SandboxFixture::defaultOptions();
    remote.host = QHostAddress(QHostAddress::AnyIPv4);
    QTest::newRow("remote without permission") << remote << QStringLiteral("--allow-remote");
    SandboxOptions tinyBody = SandboxFixture::defaultOptions();
    tinyBody.maxBodyBytes = 100;
    QTest::newRow("body limit under 1 KiB") << tinyBody << QStringLiteral("1 KiB");
    SandboxOptions badFile = SandboxFixture::defaultOptions();
    badFile.databasePath = QStringLiteral("/nonexistent-directory/sandbox.sqlite");
    QTest::newRow("database in a missing directory") << badFile << QStringLiteral("/nonexistent-directory/sandbox.sqlite");
}

void TstSandboxCli::hostRefusesOptionsThatCannotWork()
{
    QFETCH(SandboxOptions, options);
    QFETCH(QString, mentions);
    SandboxHost host;
    const auto started = host.startAndWait(options);
    QVERIFY(!started);
    QVERIFY2(started.error().contains(mentions), qPrintable(started.error()));
    QVERIFY(!host.isRunning());
}

void TstSandboxCli::hostReportsAPortInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    auto options = SandboxFixture::defaultOptions();
    options.port = occupant.serverPort();
    SandboxHost host;
    const auto started = host.startAndWait(options);
    QVERIFY(!started);
    QVERIFY2(started.error().contains(QString::number(options.port)), qPrintable(started.error()));
    // The same host starts once the options are fixed.
    options.port = 0;
    const auto retried = host.startAndWait(options);
    QVERIFY2(retried, retried ? "" : qPrintable(retried.error()));
    QVERIFY(host.isRunning());
    QVERIFY(host.baseUrl().port() > 0);
}

QTEST_GUILESS_MAIN(TstSandboxCli)
#include "tst_sandbox_cli.moc"
