// Exactly once across crashes: a helper process imports a 20,000-row JSONL file (good rows, bad
// rows, duplicate keys, rows without keys) through ImportJob and the outbox into this test's
// sandbox, is killed with SIGKILL part way (several times), and is started again on the same
// outbox and journal files until it finishes. Afterwards the server holds every good row exactly
// once and nothing else, and the journal shows each good row succeeded exactly once.
#include "ImportServerChecks.h"
#include "ImportTestSupport.h"
#include "KillProcess.h"
#include "OutboxTestSupport.h"

#include "import/ImportJob.h"
#include "journal/Journal.h"
#include "outbox/Outbox.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 180'000;
constexpr int Rows = 20'000;
const QString Group = QStringLiteral("import-kill");

} // namespace

class TstImportKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<ul::test::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_import_kill");
        QVERIFY(!m_customer.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void anImportKilledPartWayLandsExactlyOnce()
    {
        const QString file = m_dir->filePath(QStringLiteral("events.jsonl"));
        const ul::test::GeneratedImport g = ul::test::writeJsonlImport(file, Rows, m_customer, m_sandbox->now() - 2h);
        const qint64 good = g.goodKeys.size();
        QVERIFY(good > 15'000);

        const QStringList slow{QStringLiteral("--rate"), QStringLiteral("8"), QStringLiteral("--batch"), QStringLiteral("250"),
                               QStringLiteral("--capacity"), QStringLiteral("1500")};
        for (const qint64 threshold : {qint64(2000), qint64(6000), qint64(10'000), qint64(14'000)}) {
            QProcess helper;
            startHelper(helper, file, slow);
            QVERIFY2(helper.waitForStarted(WaitMs), qPrintable(helper.errorString()));
            qint64 atKill = 0;
            const QString killed = ul::test::killWhen(helper, [&] {
                atKill = stored();
                return atKill >= threshold;
            }, WaitMs);
            QVERIFY2(killed.isEmpty(), qPrintable(killed));
            QVERIFY2(atKill < good, "killed mid-import");

            auto outbox = ul::Outbox::open(outboxPath());
            QVERIFY(outbox.hasValue());
            auto cursor = (*outbox)->groupCursor(Group);
            QVERIFY(cursor.hasValue() && cursor->has_value());
            auto checkpoint = ul::decodeImportCheckpoint(**cursor);
            QVERIFY(checkpoint.hasValue());
            qInfo("killed with %lld of %lld good rows stored; queued up to line %lld; %lld events left in the outbox",
                  stored(), good, checkpoint->second.line, (*outbox)->progress().remainingEvents);
        }
        QProcess helper;
        startHelper(helper, file, {});
        QVERIFY(helper.waitForFinished(WaitMs));
        const QByteArray output = helper.readAllStandardOutput();
        QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("resumed 1"), output.constData());
        const QByteArray expectedDone = "done " + QByteArray::number(good) + ' ' + QByteArray::number(good) + ' '
            + QByteArray::number(g.badLines.size()) + " 0";
        QVERIFY2(output.contains(expectedDone), output.constData());

        // The server: every good row once, nothing else.
        ul::test::expectStoredExactlyOnce(*m_sandbox, g.goodKeys, 997);
        if (QTest::currentTestFailed())
            return;

        // The journal: each good row in exactly one succeeded batch; nothing left pending.
        auto journal = ul::Journal::open(journalPath());
        QVERIFY(journal.hasValue());
        QHash<QString, int> succeeded;
        const QList<ul::JournalEntry> entries = *(*journal)->query({});
        for (const ul::JournalEntry &e : entries) {
            QVERIFY2(e.outcome != ul::JournalOutcome::Pending, "every entry is completed");
            if (e.outcome != ul::JournalOutcome::Succeeded)
                continue;
            for (const QString &id : e.eventIds)
                ++succeeded[id];
        }
        QCOMPARE(succeeded.size(), good);
        for (auto it = succeeded.cbegin(); it != succeeded.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        auto outbox = ul::Outbox::open(outboxPath());
        QCOMPARE((*outbox)->progress().remainingOperations, 0);
        QVERIFY(!(*outbox)->groupCursor(Group)->has_value()); // finished: nothing to offer at the next start
    }

private:
    QString outboxPath() const { return m_dir->filePath(QStringLiteral("outbox.sqlite")); }
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }

    qint64 stored() { return ul::test::storedEventCount(*m_sandbox); }

    void startHelper(QProcess &helper, const QString &file, const QStringList &extra)
    {
        QStringList args{QStringLiteral("--base"), ul::test::v1Url(m_sandbox->baseUrl()).toString(),
                         QStringLiteral("--outbox"), outboxPath(),
                         QStringLiteral("--journal"), journalPath(),
                         QStringLiteral("--file"), file,
                         QStringLiteral("--group"), Group,
                         QStringLiteral("--now-ms"), QString::number(m_sandbox->now().msecs())};
        args << extra;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UL_TEST_TOKEN"), ul::test::SandboxFixture::token());
        helper.setProcessEnvironment(env);
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(IMPORT_KILL_HELPER), args);
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_customer;
};

QTEST_GUILESS_MAIN(TstImportKill)
#include "tst_import_kill.moc"
