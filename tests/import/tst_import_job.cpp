// ImportJob against a real sandbox: a file with good and bad rows lands exactly once, bad rows
// are reported with their lines, a re-run duplicates nothing, pause stops and resume finishes,
// cancel withdraws what is not sent, and a job started again after its predecessor was
// destroyed continues from the checkpoint.
#include "BackfillTestSupport.h"
#include "ImportServerChecks.h"
#include "ImportTestSupport.h"
#include "OutboxTestSupport.h"

#include "import/ImportJob.h"
#include "journal/Journal.h"
#include "outbox/Outbox.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::ImportJob;
using ul::Outbox;

namespace {

const QString Destination = QStringLiteral("sandbox");
constexpr int WaitMs = 120'000;

} // namespace

class TstImportJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<ul::test::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_import");
        QVERIFY(!m_customer.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        m_client = std::make_unique<ul::OrbClient>(ul::test::fastClientSettings(ul::test::v1Url(m_sandbox->baseUrl())));
        m_client->setToken(ul::test::SandboxFixture::token());
        auto journal = ul::Journal::open(m_dir->filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.hasValue());
        m_journal = std::move(journal).value();
        m_settings = ul::test::fastOutboxSettings();
        openOutbox();
        m_when = m_sandbox->now() - 2h;
    }
    void cleanup()
    {
        m_outbox.reset();
        m_journal.reset();
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void aFileLandsExactlyOnceWithBadRowsReported()
    {
        const ul::test::GeneratedImport g = generate(3000);
        ImportJob job(m_outbox.get(), config(QStringLiteral("import-1")));
        QSignalSpy bad(&job, &ImportJob::badRowsFound);
        QSignalSpy progress(&job, &ImportJob::progressChanged);
        job.start();
        QCOMPARE(job.state(), ImportJob::State::Running);
        QVERIFY(waitFinished(job));
        QCOMPARE(job.state(), ImportJob::State::Finished);

        QCOMPARE(badLines(job), g.badLines);
        qint64 signalled = 0;
        for (const QList<QVariant> &s : bad)
            signalled += s.first().value<QList<ul::BadRow>>().size();
        QCOMPARE(signalled, g.badLines.size());
        const ul::ImportProgress p = job.progress();
        QCOMPARE(p.rowsRead, 3000);
        QCOMPARE(p.eventsQueued, g.goodKeys.size());
        QCOMPARE(p.eventsConfirmed, g.goodKeys.size());
        QCOMPARE(p.eventsFailed, 0);
        QCOMPARE(p.badRows, g.badLines.size());
        QCOMPARE(p.bytesRead, p.totalBytes);
        QVERIFY(!p.resumed);
        QVERIFY(!ImportJob::savedConfig(*m_outbox, QStringLiteral("import-1"))->has_value());
        QVERIFY(progress.size() >= 2);
        expectExactlyOnce(g);
        if (QTest::currentTestFailed())
            return;

        // Running the same file again (a new import) sends the same keys: nothing new is stored.
        ImportJob again(m_outbox.get(), config(QStringLiteral("import-2")));
        again.start();
        QVERIFY(waitFinished(again));
        QCOMPARE(again.progress().eventsConfirmed, g.goodKeys.size());
        expectExactlyOnce(g);
    }

    void aCsvFileWithAMapping()
    {
        const QString path = m_dir->filePath(QStringLiteral("events.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBF" "name,when,customer,key,region,ms\r\n");
        QStringList keys;
        for (int i = 1; i <= 400; ++i) {
            const QByteArray ts = m_when.addSecs(i).toIso8601().toUtf8();
            if (i % 50 == 0) {
                file.write("api," + ts + "," + m_customer.toUtf8() + ",csv-" + QByteArray::number(i) + ",eu,lots\r\n");
            } else {
                file.write("api," + ts + "," + m_customer.toUtf8() + ",csv-" + QByteArray::number(i) + ",\"eu,\"\"west\"\"\n1\","
                           + QByteArray::number(i) + "\r\n");
                keys << QStringLiteral("csv-%1").arg(i);
            }
        }
        file.close();
        ul::ImportJobConfig c = config(QStringLiteral("csv"));
        c.path = path;
        c.spec.format = ul::ImportFormat::Csv;
        c.spec.csv.columns = {{QStringLiteral("name"), ul::ColumnRole::EventName, ul::ColumnType::String},
                              {QStringLiteral("when"), ul::ColumnRole::Timestamp, ul::ColumnType::String},
                              {QStringLiteral("customer"), ul::ColumnRole::CustomerId, ul::ColumnType::String},
                              {QStringLiteral("key"), ul::ColumnRole::IdempotencyKey, ul::ColumnType::String},
                              {QStringLiteral("region"), ul::ColumnRole::Property, ul::ColumnType::String},
                              {QStringLiteral("ms"), ul::ColumnRole::Property, ul::ColumnType::Number}};
        ImportJob job(m_outbox.get(), c);
        job.start();
        QVERIFY(waitFinished(job));
        QCOMPARE(job.state(), ImportJob::State::Finished);
        QCOMPARE(job.badRows().size(), 8);
        QCOMPARE(job.badRows().first().line, 2 + 49 * 2); // each good row spans two lines
        QCOMPARE(job.badRows().first().reason, QStringLiteral("ms: \"lots\" is not a number"));
        QCOMPARE(storedCount(), qint64(keys.size()));
        const auto e = m_sandbox->findEvent(QStringLiteral("csv-7"));
        QVERIFY(e.has_value());
        const QJsonObject props = e->value(QLatin1StringView("properties")).toObject();
        QCOMPARE(props.value(QLatin1StringView("region")).toString(), QStringLiteral("eu,\"west\"\n1"));
        QCOMPARE(props.value(QLatin1StringView("ms")).toInteger(), 7);
    }

    void pauseStopsAndResumeFinishes()
    {
        m_settings.batchSize = 100;
        m_settings.maxRequestsPerSecond = 10;
        openOutbox();
        const ul::test::GeneratedImport g = generate(3000);
        ImportJob job(m_outbox.get(), config(QStringLiteral("pause")));
        job.start();
        QVERIFY(QTest::qWaitFor([&] { return storedCount() >= 500; }, WaitMs));
        // While it runs: a rate and an estimate of the time left.
        QVERIFY(QTest::qWaitFor([&] { return job.progress().eventsPerSecond > 0 && job.progress().etaMs > 0; }, WaitMs));
        const ul::ImportProgress running = job.progress();
        QVERIFY(running.eventsConfirmed <= running.eventsQueued);
        QVERIFY(running.eventsConfirmed < g.goodKeys.size());
        job.pause();
        QCOMPARE(job.state(), ImportJob::State::Paused);
        QTest::qWait(300); // requests in flight finish
        const qint64 atPause = storedCount();
        QTest::qWait(800);
        QCOMPARE(storedCount(), atPause);
        QVERIFY(atPause < g.goodKeys.size());
        QVERIFY(m_outbox->isPaused(Destination));
        job.resume();
        QVERIFY(!m_outbox->isPaused(Destination));
        QVERIFY(waitFinished(job));
        QCOMPARE(job.state(), ImportJob::State::Finished);
        QCOMPARE(job.progress().eventsConfirmed, g.goodKeys.size());
        QCOMPARE(job.progress().etaMs, 0);
        expectExactlyOnce(g);
    }

    void cancelWithdrawsWhatIsNotSent()
    {
        m_settings.batchSize = 100;
        m_settings.maxRequestsPerSecond = 5;
        openOutbox();
        const ul::test::GeneratedImport g = generate(3000);
        {
            ImportJob job(m_outbox.get(), config(QStringLiteral("cancel")));
            QSignalSpy finished(&job, &ImportJob::finished);
            job.start();
            QVERIFY(QTest::qWaitFor([&] { return storedCount() >= 200; }, WaitMs));
            job.cancel();
            QCOMPARE(job.state(), ImportJob::State::Cancelled);
            QCOMPARE(finished.size(), 1);
        }
        QTest::qWait(1000); // what was in flight lands; nothing more does
        const qint64 afterCancel = storedCount();
        QTest::qWait(1000);
        QCOMPARE(storedCount(), afterCancel);
        QVERIFY(afterCancel < g.goodKeys.size());
        ul::OperationFilter filter;
        filter.groupId = QStringLiteral("cancel");
        QVERIFY(m_outbox->operations(filter)->isEmpty());
        QVERIFY(!m_outbox->groupCursor(QStringLiteral("cancel"))->has_value());

        // Starting it again begins at the top; the keys make the rows already sent harmless.
        m_outbox.reset();
        m_settings = ul::test::fastOutboxSettings();
        openOutbox();
        ImportJob again(m_outbox.get(), config(QStringLiteral("cancel")));
        again.start();
        QVERIFY(!again.progress().resumed);
        QVERIFY(waitFinished(again));
        expectExactlyOnce(g);
    }

    void aNewJobContinuesFromTheCheckpoint()
    {
        m_settings.batchSize = 100;
        m_settings.maxRequestsPerSecond = 10;
        m_settings.capacity = 400; // back-pressure: the reader is held up by the outbox
        openOutbox();
        const ul::test::GeneratedImport g = generate(3000);
        qint64 queuedBefore = 0;
        {
            ImportJob job(m_outbox.get(), config(QStringLiteral("resume")));
            job.start();
            QVERIFY(QTest::qWaitFor([&] { return storedCount() >= 800; }, WaitMs));
            queuedBefore = job.progress().eventsQueued;
            QVERIFY(queuedBefore < g.goodKeys.size());
            QVERIFY(m_outbox->progress().remainingEvents <= m_settings.capacity);
        } // destroyed mid-way, as a quit app would leave it
        m_outbox->close(Outbox::CloseMode::Persist);
        m_outbox.reset();
        m_settings = ul::test::fastOutboxSettings();
        openOutbox();

        auto saved = ImportJob::savedConfig(*m_outbox, QStringLiteral("resume"));
        QVERIFY(saved.hasValue());
        QVERIFY(saved->has_value());
        QCOMPARE((*saved)->path, m_path);
        ul::ImportJobConfig c = **saved;
        c.clock = [this] { return m_sandbox->now(); };
        ImportJob job(m_outbox.get(), c);
        job.start();
        QVERIFY(job.progress().resumed);
        QVERIFY(waitFinished(job));
        QCOMPARE(job.state(), ImportJob::State::Finished);
        QCOMPARE(badLines(job), g.badLines); // re-reported from the top of the file
        QCOMPARE(job.progress().eventsQueued, g.goodKeys.size());
        QCOMPARE(job.progress().eventsConfirmed, g.goodKeys.size());
        expectExactlyOnce(g);
    }

    void aFileThatChangedCannotBeContinued()
    {
        m_settings.maxRequestsPerSecond = 2;
        m_settings.batchSize = 100;
        openOutbox();
        generate(1000);
        {
            ImportJob job(m_outbox.get(), config(QStringLiteral("changed")));
            job.start();
            QVERIFY(QTest::qWaitFor([&] { return m_outbox->groupCursor(QStringLiteral("changed"))->has_value(); }, WaitMs));
        }
        generate(1000, QStringLiteral("other-"));
        ImportJob job(m_outbox.get(), config(QStringLiteral("changed")));
        QSignalSpy finished(&job, &ImportJob::finished);
        job.start();
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(job.state(), ImportJob::State::Failed);
        QVERIFY2(job.errorString().contains(QStringLiteral("not the one this import started with")), qPrintable(job.errorString()));
    }

    void intoABackfillWithItsTimeframeAndScope()
    {
        const ul::Timestamp start = m_sandbox->now() - 72h;
        const ul::Timestamp end = m_sandbox->now() - 48h;
        const QString backfill = ul::test::newBackfill(*m_sandbox, start, end, QJsonObject{{QStringLiteral("customer_id"), m_customer}});
        QVERIFY(!backfill.isEmpty());
        m_path = m_dir->filePath(QStringLiteral("backfill.jsonl"));
        ul::test::GeneratedImport g = ul::test::writeJsonlImport(m_path, 2000, m_customer, start + 12h);
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::Append));
        auto line = [&](const QString &key, const QString &customer, ul::Timestamp when) {
            file.write(QStringLiteral(R"({"event_name":"api_request","timestamp":"%1","idempotency_key":"%2","customer_id":"%3","properties":{}})")
                           .arg(when.toIso8601(), key, customer).toUtf8() + '\n');
        };
        line(QStringLiteral("late"), m_customer, end);                   // line 2002: the end is exclusive
        line(QStringLiteral("early"), m_customer, start - 1h);           // 2003
        line(QStringLiteral("other"), QStringLiteral("cus_other"), start + 1h); // 2004
        file.close();

        ul::ImportJobConfig c = config(QStringLiteral("backfill"));
        c.target.backfillId = backfill;
        c.target.timeframeStart = start;
        c.target.timeframeEnd = end;
        c.target.customerId = m_customer;
        ImportJob job(m_outbox.get(), c);
        job.start();
        QVERIFY(waitFinished(job));
        QCOMPARE(job.state(), ImportJob::State::Finished);
        QCOMPARE(job.progress().eventsConfirmed, g.goodKeys.size());
        const QList<ul::BadRow> bad = job.badRows();
        QCOMPARE(bad.size(), g.badLines.size() + 3);
        QCOMPARE(bad.at(bad.size() - 3).kind, ul::BadRowKind::OutsideTimeframe);
        QCOMPARE(bad.at(bad.size() - 3).line, 2002);
        QCOMPARE(bad.at(bad.size() - 2).kind, ul::BadRowKind::OutsideTimeframe);
        QCOMPARE(bad.last().kind, ul::BadRowKind::OutsideScope);
        QCOMPARE(bad.last().line, 2004);

        const ul::test::HttpResult fetched = ul::test::fetchBackfill(*m_sandbox, backfill);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json.value(QLatin1StringView("events_ingested")).toInteger(), qint64(g.goodKeys.size()));
        QCOMPARE(storedCount(), qint64(g.goodKeys.size()));
        // The journal calls the batches a backfill import.
        ul::JournalFilter filter;
        filter.operationId = QStringLiteral("backfill");
        const QList<ul::JournalEntry> entries = *m_journal->query(filter);
        QVERIFY(!entries.isEmpty());
        for (const ul::JournalEntry &e : entries)
            QCOMPARE(e.action, QString(ul::JournalAction::BackfillImport));
    }

private:
    void openOutbox()
    {
        m_outbox.reset();
        auto outbox = Outbox::open(m_dir->filePath(QStringLiteral("outbox.sqlite")), m_settings);
        QVERIFY(outbox.hasValue());
        m_outbox = std::move(outbox).value();
        QVERIFY(m_outbox->attachDestination(Destination, m_client.get(), m_journal.get()).hasValue());
    }

    ul::test::GeneratedImport generate(int count, const QString &prefix = QStringLiteral("row-"))
    {
        m_path = m_dir->filePath(QStringLiteral("events.jsonl"));
        return ul::test::writeJsonlImport(m_path, count, m_customer, m_when, prefix);
    }

    ul::ImportJobConfig config(const QString &group)
    {
        ul::ImportJobConfig c;
        c.path = m_path;
        c.destination = Destination;
        c.groupId = group;
        c.reason = QStringLiteral("import test");
        c.clock = [this] { return m_sandbox->now(); };
        return c;
    }

    static bool waitFinished(ImportJob &job)
    {
        return QTest::qWaitFor([&] {
            return job.state() == ImportJob::State::Finished || job.state() == ImportJob::State::Failed
                || job.state() == ImportJob::State::Cancelled;
        }, WaitMs);
    }

    static QList<qint64> badLines(const ImportJob &job)
    {
        QList<qint64> lines;
        for (const ul::BadRow &b : job.badRows())
            lines << b.line;
        return lines;
    }

    qint64 storedCount() { return ul::test::storedEventCount(*m_sandbox); }

    /// The server holds every good row once, and nothing else.
    void expectExactlyOnce(const ul::test::GeneratedImport &g)
    {
        ul::test::expectStoredExactlyOnce(*m_sandbox, g.goodKeys, 211);
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ul::OrbClient> m_client;
    std::unique_ptr<ul::Journal> m_journal;
    std::unique_ptr<Outbox> m_outbox;
    ul::OutboxSettings m_settings;
    QString m_customer;
    QString m_path;
    ul::Timestamp m_when;
};

QTEST_GUILESS_MAIN(TstImportJob)
#include "tst_import_job.moc"
