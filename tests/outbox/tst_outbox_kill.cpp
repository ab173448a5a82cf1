// Exactly once across crashes: a helper process queues a bulk amend (or an import) through the
// outbox against this test's sandbox, is killed with SIGKILL part way (several times), and is
// started again on the same outbox and journal files until it finishes. Afterwards every event
// carries exactly one amendment (or was stored exactly once) and the journal has every entry
// completed.
#include "OutboxTestSupport.h"
#include "KillProcess.h"
#include "OrbJson.h"
#include "SandboxFixture.h"
#include "store/SandboxStore.h"

#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "outbox/Outbox.h"

#include <QtCore/QProcess>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Journal;
using ul::JournalEntry;
using ul::JournalOutcome;

namespace {

constexpr int WaitMs = 120'000;
const QString Prefix = QStringLiteral("kill-");

QString regionOf(const QJsonObject &event)
{
    return event.value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("region")).toString();
}

} // namespace

class TstOutboxKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.rules.correctionLimit = 100'000;
        m_sandbox = std::make_unique<ul::test::SandboxFixture>(options);
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_kill");
        QVERIFY(!m_customer.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        m_when = m_sandbox->now() - 1h;
    }
    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void aBulkAmendKilledPartWayFinishesExactlyOnce()
    {
        constexpr int Count = 300;
        QList<ul::Event> events;
        QStringList ids;
        for (int i = 0; i < Count; ++i) {
            events << ul::test::makeEvent(Prefix + QString::number(i), m_customer, m_when);
            ids << events.last().id;
        }
        UL_COMPARE_STATUS(m_sandbox->http().post(QStringLiteral("/v1/ingest"), ul::json::encodeIngestBody(events)), 200);

        auto landed = [&] {
            const ul::test::HttpResult r = m_sandbox->search(QJsonObject{
                {QStringLiteral("event_ids"), QJsonArray::fromStringList(ids)},
                {QStringLiteral("timeframe_start"), QStringLiteral("1970-01-01T00:00:00Z")},
                {QStringLiteral("timeframe_end"), QStringLiteral("9999-01-01T00:00:00Z")}});
            QSet<QString> amended;
            for (const QJsonValue &v : r.array(u"data")) {
                const QJsonObject e = v.toObject();
                if (regionOf(e) == QStringLiteral("v-") + e.value(QLatin1StringView("id")).toString())
                    amended.insert(e.value(QLatin1StringView("id")).toString());
            }
            return amended;
        };

        // Kill it five times at growing progress, then let it finish.
        const QList<int> killAt{30, 80, 130, 180, 230};
        int appliedButUnrecorded = 0;
        for (qsizetype round = 0; round < killAt.size(); ++round) {
            const QString mode = round == 0 ? QStringLiteral("amend") : QStringLiteral("resume");
            QProcess helper;
            startHelper(helper, mode, Count, {QStringLiteral("--rate"), QStringLiteral("400")});
            QVERIFY2(helper.waitForStarted(WaitMs), qPrintable(helper.errorString()));
            qsizetype atKill = 0;
            const QString killed = ul::test::killWhen(helper, [&] {
                atKill = landed().size();
                return atKill >= killAt[round];
            }, WaitMs);
            QVERIFY2(killed.isEmpty(), qPrintable(killed));
            QVERIFY2(atKill < Count, "killed mid-batch");

            // What the next start finds: operations not recorded as answered, some of which the
            // server has in fact applied (their answer was lost with the process).
            const QSet<QString> amendedNow = landed();
            auto outbox = ul::Outbox::open(outboxPath());
            QVERIFY(outbox.hasValue());
            const auto left = *(*outbox)->operations();
            QVERIFY(!left.isEmpty());
            int applied = 0;
            for (const ul::OperationInfo &op : left)
                applied += amendedNow.contains(op.eventIds.value(0)) ? 1 : 0;
            appliedButUnrecorded += applied;
            qInfo("round %d: killed with %lld of %d amendments on the server; %lld operations left, %d of them already applied",
                  int(round + 1), qint64(amendedNow.size()), Count, qint64(left.size()), applied);
        }
        QProcess helper;
        startHelper(helper, QStringLiteral("resume"), Count, {});
        QVERIFY(helper.waitForFinished(WaitMs));
        const QByteArray output = helper.readAllStandardOutput();
        QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("done"), output.constData());

        // The server: every event amended exactly once, to its own value.
        for (const ul::Event &e : events) {
            const ul::test::HttpResult history = m_sandbox->history(e.id);
            QCOMPARE(ul::test::historyChanges(history), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
            const QJsonObject amended = history.array(u"versions").at(1).toObject().value(QLatin1StringView("event")).toObject();
            QCOMPARE(regionOf(amended), QStringLiteral("v-") + e.id);
        }
        // The journal: one entry per amendment, each completed as succeeded.
        auto journal = Journal::open(journalPath());
        QVERIFY(journal.hasValue());
        const QList<JournalEntry> entries = *(*journal)->query({});
        QCOMPARE(entries.size(), Count);
        QSet<QString> journaled;
        for (const JournalEntry &e : entries) {
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
            QCOMPARE(e.httpStatus, 200);
            QCOMPARE(e.action, QString(ul::JournalAction::Amend));
            journaled.insert(e.eventIds.value(0));
        }
        QCOMPARE(journaled.size(), Count);
        auto outbox = ul::Outbox::open(outboxPath());
        QCOMPARE((*outbox)->progress().remainingOperations, 0);
        QCOMPARE((*outbox)->progress().failedOperations, 0);
        qInfo("after %lld kills: %d events amended exactly once; %d operations were resent after their amendment had landed",
              qint64(killAt.size()), Count, appliedButUnrecorded);
    }

    void anImportKilledPartWayLandsExactlyOnce()
    {
        constexpr int Count = 3000;
        auto stored = [&] {
            return m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); });
        };
        const QStringList extra{QStringLiteral("--rate"), QStringLiteral("6"), QStringLiteral("--capacity"),
                                QStringLiteral("1000"), QStringLiteral("--chunk"), QStringLiteral("250")};
        for (const qint64 threshold : {qint64(500), qint64(1000), qint64(1500), qint64(2000), qint64(2500)}) {
            QProcess helper;
            startHelper(helper, QStringLiteral("ingest"), Count, extra);
            QVERIFY2(helper.waitForStarted(WaitMs), qPrintable(helper.errorString()));
            qint64 atKill = 0;
            const QString killed = ul::test::killWhen(helper, [&] {
                atKill = stored();
                return atKill >= threshold;
            }, WaitMs);
            QVERIFY2(killed.isEmpty(), qPrintable(killed));
            QVERIFY2(atKill < Count, "killed mid-import");
            auto outbox = ul::Outbox::open(outboxPath());
            qInfo("killed with %lld of %d events stored; queued up to row %s; %lld batches left",
                  atKill, Count, (*outbox)->groupCursor(QStringLiteral("import"))->value_or("0").constData(),
                  (*outbox)->progress().remainingOperations);
        }
        QProcess helper;
        startHelper(helper, QStringLiteral("ingest"), Count, extra);
        QVERIFY(helper.waitForFinished(WaitMs));
        const QByteArray output = helper.readAllStandardOutput();
        QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0, output.constData());

        QCOMPARE(stored(), qint64(Count));
        QStringList ids;
        for (int i = 0; i < Count; ++i)
            ids << Prefix + QString::number(i);
        for (qsizetype from = 0; from < ids.size(); from += 500) {
            const ul::test::HttpResult r = m_sandbox->search(QJsonObject{
                {QStringLiteral("event_ids"), QJsonArray::fromStringList(ids.mid(from, 500))},
                {QStringLiteral("timeframe_start"), QStringLiteral("1970-01-01T00:00:00Z")},
                {QStringLiteral("timeframe_end"), QStringLiteral("9999-01-01T00:00:00Z")}});
            QCOMPARE(r.array(u"data").size(), 500);
        }
        for (int i = 0; i < Count; i += 97)
            QCOMPARE(ul::test::historyChanges(m_sandbox->history(ids[i])), QStringList{QStringLiteral("ingested")});

        auto journal = Journal::open(journalPath());
        QVERIFY(journal.hasValue());
        QHash<QString, int> succeeded;
        const QList<JournalEntry> entries = *(*journal)->query({});
        for (const JournalEntry &e : entries) {
            QVERIFY2(e.outcome != JournalOutcome::Pending, "every entry is completed");
            if (e.outcome != JournalOutcome::Succeeded)
                continue;
            for (const QString &id : e.eventIds)
                ++succeeded[id];
        }
        QCOMPARE(succeeded.size(), Count);
        for (auto it = succeeded.cbegin(); it != succeeded.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        auto outbox = ul::Outbox::open(outboxPath());
        QCOMPARE((*outbox)->progress().remainingOperations, 0);
        QCOMPARE((*outbox)->groupCursor(QStringLiteral("import"))->value_or(QByteArray()), QByteArray::number(Count));
    }

private:
    QString outboxPath() const { return m_dir->filePath(QStringLiteral("outbox.sqlite")); }
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }

    void startHelper(QProcess &helper, const QString &mode, int count, const QStringList &extra)
    {
        QStringList args{QStringLiteral("--mode"), mode,
                         QStringLiteral("--base"), ul::test::v1Url(m_sandbox->baseUrl()).toString(),
                         QStringLiteral("--outbox"), outboxPath(),
                         QStringLiteral("--journal"), journalPath(),
                         QStringLiteral("--customer"), m_customer,
                         QStringLiteral("--time-ms"), QString::number(m_when.msecs()),
                         QStringLiteral("--count"), QString::number(count),
                         QStringLiteral("--prefix"), Prefix,
                         QStringLiteral("--group"), QStringLiteral("import")};
        args << extra;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UL_TEST_TOKEN"), ul::test::SandboxFixture::token());
        helper.setProcessEnvironment(env);
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(OUTBOX_KILL_HELPER), args);
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_customer;
    ul::Timestamp m_when;
};

QTEST_GUILESS_MAIN(TstOutboxKill)
#include "tst_outbox_kill.moc"
