// ul::Journal: the correction journal's file, queries, CSV export and undo rules (no server).
#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"

#include <QtCore/QBuffer>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using ul::Journal;
using ul::JournalAnswer;
using ul::JournalEntry;
using ul::JournalFilter;
using ul::JournalOutcome;
using ul::NewJournalEntry;

namespace {

ul::Event sample(const QString &id, const QString &region)
{
    ul::Event e;
    e.id = id;
    e.eventName = QStringLiteral("api_request");
    e.customerId = QStringLiteral("cus_1");
    e.timestamp = ul::Timestamp::fromMsecs(1'700'000'000'000);
    e.properties = {{QStringLiteral("region"), region}, {QStringLiteral("ms"), qint64(12)}};
    return e;
}

QByteArray json(const ul::Event &e)
{
    ul::JsonWriter out;
    ul::json::writeEvent(out, e);
    return out.take();
}

NewJournalEntry amendment(const QString &id, const QString &from, const QString &to, const QString &reason = {})
{
    NewJournalEntry n;
    n.profile = QStringLiteral("sandbox");
    n.action = ul::JournalAction::Amend;
    n.eventIds = {id};
    n.beforeJson = json(sample(id, from));
    n.afterJson = json(sample(id, to));
    n.reason = reason;
    return n;
}

JournalAnswer ok(const QByteArray &body = "{}")
{
    return JournalAnswer{JournalOutcome::Succeeded, 200, body, {}};
}

} // namespace

class TstJournal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto journal = Journal::open(m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_serial)));
        QVERIFY2(journal.hasValue(), journal.hasValue() ? "" : qPrintable(journal.error()));
        m_journal = std::move(journal).value();
    }
    void cleanup() { m_journal.reset(); }

    void entriesArePendingUntilCompletedAndSurviveReopening()
    {
        QSignalSpy added(m_journal.get(), &Journal::entriesAdded);
        QSignalSpy completed(m_journal.get(), &Journal::entriesCompleted);
        NewJournalEntry n = amendment(QStringLiteral("e-1"), QStringLiteral("eu"), QStringLiteral("us"), QStringLiteral("ticket 42"));
        n.operationId = QStringLiteral("bulk-1");
        auto id = m_journal->begin(n);
        QVERIFY(id.hasValue());
        QCOMPARE(added.count(), 1);
        auto pending = m_journal->entry(*id);
        QVERIFY(pending.hasValue());
        QCOMPARE(pending->outcome, JournalOutcome::Pending);
        QVERIFY(!pending->completed);
        QCOMPARE(pending->reason, QStringLiteral("ticket 42"));
        QCOMPARE(pending->operationId, QStringLiteral("bulk-1"));
        QCOMPARE(pending->eventIds, QStringList{QStringLiteral("e-1")});

        QVERIFY(m_journal->complete(*id, ok("{\"amended\":\"e-1\"}")).hasValue());
        QCOMPARE(completed.count(), 1);

        const QString path = m_journal->path();
        m_journal.reset();
        auto reopened = Journal::open(path);
        QVERIFY(reopened.hasValue());
        auto done = (*reopened)->entry(*id);
        QVERIFY(done.hasValue());
        QCOMPARE(done->outcome, JournalOutcome::Succeeded);
        QCOMPARE(done->httpStatus, 200);
        QCOMPARE(done->responseBody, QByteArray("{\"amended\":\"e-1\"}"));
        QVERIFY(done->completed);
        QVERIFY(done->completed->msecs() >= done->created.msecs());
        QVERIFY(done->isUndoable());
    }

    void responseBodiesAreBounded()
    {
        auto id = m_journal->begin(amendment(QStringLiteral("e-big"), QStringLiteral("a"), QStringLiteral("b")));
        QVERIFY(id.hasValue());
        const QByteArray huge(Journal::MaxStoredBody * 3, 'x');
        QVERIFY(m_journal->complete(*id, JournalAnswer{JournalOutcome::Failed, 400, huge, QStringLiteral("no")}).hasValue());
        auto e = m_journal->entry(*id);
        QCOMPARE(e->responseBody.size(), Journal::MaxStoredBody);
        QVERIFY(e->responseTruncated);
        QCOMPARE(e->error, QStringLiteral("no"));
    }

    void filtersByTimeActionOutcomeEventAndText()
    {
        QList<NewJournalEntry> batch;
        for (int i = 0; i < 6; ++i)
            batch << amendment(QStringLiteral("ev-%1").arg(i), QStringLiteral("eu"), QStringLiteral("region-%1").arg(i));
        NewJournalEntry deprecation;
        deprecation.profile = QStringLiteral("sandbox");
        deprecation.action = ul::JournalAction::Deprecate;
        deprecation.eventIds = {QStringLiteral("ev-9")};
        deprecation.final = true;
        deprecation.reason = QStringLiteral("Leaked TEST traffic");
        batch << deprecation;
        auto ids = m_journal->beginMany(batch);
        QVERIFY(ids.hasValue());
        QCOMPARE(ids->size(), 7);
        QVERIFY(m_journal->complete(ids->at(0), ok()).hasValue());
        QVERIFY(m_journal->complete(ids->at(1), JournalAnswer{JournalOutcome::Failed, 400, "{}", QStringLiteral("refused")}).hasValue());

        JournalFilter all;
        QCOMPARE(*m_journal->count(all), 7);
        QCOMPARE(m_journal->query(all)->first().id, ids->last()); // newest first

        JournalFilter deprecations;
        deprecations.actions = {QString(ul::JournalAction::Deprecate)};
        auto found = m_journal->query(deprecations);
        QCOMPARE(found->size(), 1);
        QVERIFY(found->first().final);
        QVERIFY(!found->first().isUndoable());

        JournalFilter failed;
        failed.outcomes = {JournalOutcome::Failed};
        QCOMPARE(m_journal->query(failed)->first().eventIds, QStringList{QStringLiteral("ev-1")});

        JournalFilter byEvent;
        byEvent.eventId = QStringLiteral("ev-3");
        QCOMPARE(*m_journal->count(byEvent), 1);
        byEvent.eventId = QStringLiteral("ev-"); // a prefix is not an id
        QCOMPARE(*m_journal->count(byEvent), 0);

        JournalFilter text;
        text.text = QStringLiteral("leaked test");
        QCOMPARE(*m_journal->count(text), 1);
        text.text = QStringLiteral("REGION-4");
        QCOMPARE(*m_journal->count(text), 1);

        JournalFilter window;
        const JournalEntry first = *m_journal->entry(ids->first());
        window.from = first.created;
        window.to = first.created.addMsecs(1);
        QCOMPARE(*m_journal->count(window), 7); // one transaction, one timestamp
        window.from = first.created.addMsecs(1);
        window.to.reset();
        QCOMPARE(*m_journal->count(window), 0);

        JournalFilter page;
        page.newestFirst = false;
        page.limit = 2;
        page.offset = 2;
        auto rows = m_journal->query(page);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->first().id, ids->at(2));
    }

    void exportsCsvWithQuotingAndFormulaGuard()
    {
        NewJournalEntry n = amendment(QStringLiteral("e,1"), QStringLiteral("eu"), QStringLiteral("us"),
                                      QStringLiteral("=HYPERLINK(\"x\")\nsecond line"));
        auto id = m_journal->begin(n);
        QVERIFY(id.hasValue());
        QVERIFY(m_journal->complete(*id, ok("{\"amended\":\"e,1\"}")).hasValue());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto rows = m_journal->exportCsv({}, buffer);
        QVERIFY(rows.hasValue());
        QCOMPARE(*rows, 1);
        const QByteArray csv = buffer.data();
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines.first().startsWith("id,created_utc,completed_utc,profile,action,outcome,event_count,event_ids,reason"));
        QVERIFY2(csv.contains("\"e,1\""), csv.constData());
        QVERIFY2(csv.contains("\"'=HYPERLINK(\"\"x\"\")\nsecond line\""), csv.constData()); // quoted, doubled quotes, guarded
        QVERIFY(csv.contains(",succeeded,1,"));
        QVERIFY(csv.contains(",200,"));
    }

    void undoRules()
    {
        auto first = m_journal->begin(amendment(QStringLiteral("u-1"), QStringLiteral("eu"), QStringLiteral("us")));
        QVERIFY(m_journal->complete(*first, ok()).hasValue());
        auto plan = m_journal->undoPlan(*first);
        QVERIFY2(plan.hasValue(), plan.hasValue() ? "" : qPrintable(plan.error()));
        QCOMPARE(plan->restore, sample(QStringLiteral("u-1"), QStringLiteral("eu")));
        QCOMPARE(plan->expectedCurrent, sample(QStringLiteral("u-1"), QStringLiteral("us")));

        // A later amendment must be undone first.
        auto second = m_journal->begin(amendment(QStringLiteral("u-1"), QStringLiteral("us"), QStringLiteral("ap")));
        QVERIFY(m_journal->complete(*second, ok()).hasValue());
        QVERIFY(!m_journal->undoPlan(*first).hasValue());
        QVERIFY(m_journal->undoPlan(*second).hasValue());
        NewJournalEntry undo = amendment(QStringLiteral("u-1"), QStringLiteral("ap"), QStringLiteral("us"));
        undo.undoOf = *second;
        auto undoId = m_journal->begin(undo);
        QVERIFY(m_journal->complete(*undoId, ok()).hasValue());
        QCOMPARE(m_journal->entry(*second)->undoneBy, std::optional<qint64>(*undoId));
        QVERIFY(!m_journal->undoPlan(*second).hasValue()); // already undone
        QVERIFY2(m_journal->undoPlan(*first).hasValue(), "the event is back to what the first amendment made");

        // Failed amendments have nothing to undo; deprecations are final and block earlier undos.
        auto failed = m_journal->begin(amendment(QStringLiteral("u-2"), QStringLiteral("eu"), QStringLiteral("us")));
        QVERIFY(m_journal->complete(*failed, JournalAnswer{JournalOutcome::Failed, 400, "{}", QStringLiteral("x")}).hasValue());
        QVERIFY(!m_journal->undoPlan(*failed).hasValue());
        NewJournalEntry deprecation;
        deprecation.profile = QStringLiteral("sandbox");
        deprecation.action = ul::JournalAction::Deprecate;
        deprecation.eventIds = {QStringLiteral("u-1")};
        deprecation.final = true;
        auto deprecated = m_journal->begin(deprecation);
        QVERIFY(m_journal->complete(*deprecated, ok()).hasValue());
        QVERIFY(!m_journal->undoPlan(*deprecated).hasValue());
        auto blocked = m_journal->undoPlan(*first);
        QVERIFY(!blocked.hasValue());
        QVERIFY2(blocked.error().contains(QStringLiteral("deprecated")), qPrintable(blocked.error()));
    }

    void pendingEntriesAreListedPerOutboxAndProfile()
    {
        NewJournalEntry a = amendment(QStringLiteral("p-1"), QStringLiteral("eu"), QStringLiteral("us"));
        a.outboxSource = QStringLiteral("outbox-A");
        a.outboxKey = QStringLiteral("key-1");
        NewJournalEntry b = a;
        b.outboxSource = QStringLiteral("outbox-B");
        auto ids = m_journal->beginMany({a, b});
        auto pending = m_journal->pendingEntries(QStringLiteral("outbox-A"), QStringLiteral("sandbox"));
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().outboxKey, QStringLiteral("key-1"));
        QVERIFY(m_journal->complete(ids->first(), ok()).hasValue());
        QVERIFY(m_journal->pendingEntries(QStringLiteral("outbox-A"), QStringLiteral("sandbox"))->isEmpty());
        auto outcomes = m_journal->outcomes(*ids);
        QCOMPARE(outcomes->value(ids->first()), JournalOutcome::Succeeded);
        QCOMPARE(outcomes->value(ids->last()), JournalOutcome::Pending);
    }

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    std::unique_ptr<Journal> m_journal;
};

QTEST_GUILESS_MAIN(TstJournal)
#include "tst_journal.moc"
