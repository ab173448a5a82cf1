// `usagelens`'s command line, parsed as main() parses it: before any QCoreApplication exists,
// which is what lets --help and --version answer without a display.
#include "AppCommandLine.h"
#include "Version.h"

#include <QtTest/QTest>

using ul::gui::AppCommandLine;

namespace {

AppCommandLine parse(QStringList arguments)
{
    arguments.prepend(QStringLiteral("/opt/usagelens/bin/usagelens"));
    return AppCommandLine::parse(arguments);
}

} // namespace

class CommandLineTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noArgumentsOpenTheAppWithDefaults()
    {
        const AppCommandLine commandLine = parse({});
        QVERIFY(!commandLine.exitNow);
        QVERIFY(commandLine.options.dataDir.isEmpty());
        QVERIFY(!commandLine.options.quitAfterShown);
    }

    void helpListsTheOptionsAndExitsCleanly()
    {
        const AppCommandLine commandLine = parse({QStringLiteral("--help")});
        QVERIFY(commandLine.exitNow);
        QCOMPARE(commandLine.exitCode, 0);
        QVERIFY2(commandLine.message.startsWith(QLatin1StringView("Usage: usagelens [options]\n")),
                 qPrintable(commandLine.message));
        QVERIFY(commandLine.message.contains(QLatin1StringView("--data-dir <DIR>")));
        QVERIFY(commandLine.message.contains(QLatin1StringView("--quit-after-shown")));
        QVERIFY(commandLine.message.contains(QLatin1StringView("--version")));
        // Qt's own options are accepted but not advertised.
        QVERIFY(!commandLine.message.contains(QLatin1StringView("platform")));
        QCOMPARE(parse({QStringLiteral("-h")}).message, commandLine.message);
    }

    void versionPrintsTheBuildVersion()
    {
        const AppCommandLine commandLine = parse({QStringLiteral("--version")});
        QVERIFY(commandLine.exitNow);
        QCOMPARE(commandLine.exitCode, 0);
        QCOMPARE(commandLine.message, QStringLiteral("usagelens %1\n").arg(QLatin1StringView(ul::version::Version)));
    }

    void dataDirChoosesTheSandboxFolder_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("separate value") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("/srv/lens data")};
        QTest::newRow("with =") << QStringList{QStringLiteral("--data-dir=/srv/lens data")};
    }

    void dataDirChoosesTheSandboxFolder()
    {
        QFETCH(QStringList, arguments);
        const AppCommandLine commandLine = parse(arguments);
        QVERIFY2(!commandLine.exitNow, qPrintable(commandLine.message));
        QCOMPARE(commandLine.options.dataDir, QStringLiteral("/srv/lens data"));
        QCOMPARE(commandLine.dataDir(), QStringLiteral("/srv/lens data"));
    }

    void quitAfterShownIsAFlag()
    {
        const AppCommandLine commandLine = parse({QStringLiteral("--quit-after-shown")});
        QVERIFY(!commandLine.exitNow);
        QVERIFY(commandLine.options.quitAfterShown);
    }

    void qtGuiOptionsAreLeftForQApplication()
    {
        const AppCommandLine commandLine =
            parse({QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("-style"),
                   QStringLiteral("Fusion"), QStringLiteral("-reverse"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/x")});
        QVERIFY2(!commandLine.exitNow, qPrintable(commandLine.message));
        QCOMPARE(commandLine.options.dataDir, QStringLiteral("/tmp/x"));
    }

    void mistakesAreReportedWithExitCode2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("missing value") << QStringList{QStringLiteral("--data-dir")} << QStringLiteral("data-dir");
        QTest::newRow("empty value") << QStringList{QStringLiteral("--data-dir=")} << QStringLiteral("--data-dir");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("events.jsonl")} << QStringLiteral("events.jsonl");
    }

    void mistakesAreReportedWithExitCode2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const AppCommandLine commandLine = parse(arguments);
        QVERIFY(commandLine.exitNow);
        QCOMPARE(commandLine.exitCode, 2);
        QVERIFY2(commandLine.message.startsWith(QLatin1StringView("usagelens: ")), qPrintable(commandLine.message));
        QVERIFY2(commandLine.message.contains(mentions), qPrintable(commandLine.message));
        QVERIFY(commandLine.message.endsWith(QLatin1StringView("Try --help.\n")));
    }
};

QTEST_APPLESS_MAIN(CommandLineTest)
#include "tst_gui_command_line.moc"
