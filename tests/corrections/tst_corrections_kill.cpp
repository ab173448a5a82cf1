// Exactly once across SIGKILLs: a helper process running the app's corrections wiring
// (CorrectionsHub, Corrections view, bulk amend dialog) applies a bulk amend of 300 rows, is
// killed twice while it is half sent, and is started again each time on the same data folder,
// where "Send now" finishes the queued rows. The server then shows every event amended exactly
// once, and the journal one succeeded entry per event.
#include "OrbJson.h"
#include "OutboxTestSupport.h"
#include "SandboxFixture.h"

#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "outbox/Outbox.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 120'000;
constexpr int Count = 300;
const QString Prefix = QStringLiteral("kill-bulk-");
const QString Region = QStringLiteral("after-kill");

} // namespace

class TstCorrectionsKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aBulkAmendKilledHalfWayIsFinishedExactlyOnceAfterRestart()
    {
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.rules.correctionLimit = 100'000;
        ul::test::SandboxFixture sandbox(options);
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const QString customer = sandbox.newCustomer(u"cus_kill");
        QVERIFY(!customer.isEmpty());
        const ul::Timestamp when = sandbox.now() - 1h;
        QStringList ids;
        QList<ul::Event> events;
        for (int i = 0; i < Count; ++i) {
            events << ul::test::makeEvent(Prefix + QString::number(i), customer, when);
            ids << events.last().id;
        }
        for (qsizetype from = 0; from < events.size(); from += 500) {
            const ul::test::HttpResult r = sandbox.ingest(
                QJsonDocument::fromJson(ul::json::encodeIngestBody(events.mid(from, 500))).object().value(QLatin1StringView("events")).toArray());
            QVERIFY2(r.status == 200, r.describe().constData());
        }
        QTemporaryDir dataDir;
        auto landed = [&] {
            const ul::test::HttpResult r = sandbox.search(QJsonObject{
                {QStringLiteral("event_ids"), QJsonArray::fromStringList(ids)},
                {QStringLiteral("timeframe_start"), QStringLiteral("1970-01-01T00:00:00Z")},
                {QStringLiteral("timeframe_end"), QStringLiteral("9999-01-01T00:00:00Z")}});
            qsizetype n = 0;
            for (const QJsonValue &e : r.array(u"data"))
                n += e.toObject().value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("region")).toString() == Region;
            return n;
        };
        auto start = [&](QProcess &helper, const QString &mode) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("UL_TEST_TOKEN"), ul::test::SandboxFixture::token());
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            helper.setProcessEnvironment(env);
            helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            helper.start(QStringLiteral(CORRECTIONS_KILL_HELPER),
                         {QStringLiteral("--mode"), mode, QStringLiteral("--base"), sandbox.baseUrl().toString(),
                          QStringLiteral("--data-dir"), dataDir.path(), QStringLiteral("--customer"), customer,
                          QStringLiteral("--time-ms"), QString::number(when.msecs()), QStringLiteral("--count"),
                          QString::number(Count), QStringLiteral("--prefix"), Prefix, QStringLiteral("--region"), Region,
                          QStringLiteral("--rate"), QStringLiteral("120")});
        };

        const QList<qsizetype> killAt{80, 180};
        for (qsizetype round = 0; round < killAt.size(); ++round) {
            QProcess helper;
            start(helper, round == 0 ? QStringLiteral("amend") : QStringLiteral("resume"));
            QVERIFY2(helper.waitForStarted(WaitMs), qPrintable(helper.errorString()));
            qsizetype atKill = 0;
            QVERIFY(QTest::qWaitFor([&] {
                atKill = landed();
                return atKill >= killAt[round] || helper.state() == QProcess::NotRunning;
            }, WaitMs));
            QVERIFY2(helper.state() == QProcess::Running,
                     qPrintable(QStringLiteral("the helper ended before it was killed: ") + QString::fromUtf8(helper.readAll())));
            helper.kill(); // SIGKILL: no destructor, no close()
            QVERIFY(helper.waitForFinished(WaitMs));
            QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
            QVERIFY2(atKill < Count, "killed mid-batch");
            qInfo("round %d: killed with %lld of %d amendments on the server", int(round + 1), qint64(atKill), Count);
        }
        QProcess helper;
        start(helper, QStringLiteral("resume"));
        QVERIFY(helper.waitForFinished(WaitMs));
        const QByteArray output = helper.readAllStandardOutput();
        QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("found ") && !output.contains("found 0"), output.constData()); // it had work left
        QVERIFY2(output.contains("done"), output.constData());

        // The server: every event amended exactly once, to the bulk value.
        QCOMPARE(landed(), qsizetype(Count));
        for (const QString &id : std::as_const(ids))
            QCOMPARE(ul::test::historyChanges(sandbox.history(id)), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
        // The journal of the profile: one succeeded amendment per event.
        auto journal = ul::Journal::open(dataDir.filePath(QStringLiteral("journals/profile-sandbox.sqlite")));
        QVERIFY(journal.hasValue());
        ul::JournalFilter succeeded;
        succeeded.outcomes = {ul::JournalOutcome::Succeeded};
        const QList<ul::JournalEntry> entries = *(*journal)->query(succeeded);
        QSet<QString> journaled;
        for (const ul::JournalEntry &e : entries)
            journaled.insert(e.eventIds.value(0));
        QCOMPARE(entries.size(), Count);
        QCOMPARE(journaled.size(), Count);
        auto outbox = ul::Outbox::open(dataDir.filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY(outbox.hasValue());
        QCOMPARE((*outbox)->progress().remainingOperations, 0);
        QCOMPARE((*outbox)->progress().failedOperations, 0);
    }
};

QTEST_GUILESS_MAIN(TstCorrectionsKill)
#include "tst_corrections_kill.moc"
