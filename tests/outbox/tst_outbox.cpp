// ul::Outbox against a real sandbox: corrections land once and are journaled, refusals are kept
// for retry, a full outbox pushes back, a refused token pauses, close drains or persists.
#include "LossyProxy.h"
#include "OutboxTestSupport.h"
#include "OrbJson.h"
#include "SandboxFixture.h"
#include "store/SandboxStore.h"

#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "outbox/Outbox.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Event;
using ul::Journal;
using ul::JournalEntry;
using ul::JournalFilter;
using ul::JournalOutcome;
using ul::OperationState;
using ul::Outbox;
using ul::OutboxError;
using ul::test::makeEvent;
using ul::test::withRegion;

namespace {

const QString Destination = QStringLiteral("sandbox");
constexpr int WaitMs = 60'000;

QString regionOf(const QJsonObject &event)
{
    return event.value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("region")).toString();
}

template <class T>
QByteArray why(const ul::Expected<T, OutboxError> &r)
{
    return r.hasValue() ? QByteArray() : r.error().message.toUtf8();
}

QByteArray fileBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class TstOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.rules.correctionLimit = 100'000;
        m_sandbox = std::make_unique<ul::test::SandboxFixture>(options);
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_outbox");
        QVERIFY(!m_customer.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        m_client = std::make_unique<ul::OrbClient>(ul::test::fastClientSettings(ul::test::v1Url(m_sandbox->baseUrl())));
        m_client->setToken(ul::test::SandboxFixture::token());
        auto journal = Journal::open(m_dir->filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.hasValue());
        m_journal = std::move(journal).value();
        openOutbox(ul::test::fastOutboxSettings());
    }
    void cleanup()
    {
        m_outbox.reset();
        m_journal.reset();
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void amendmentsLandOnceAndAreJournaled()
    {
        QList<Event> events;
        QList<ul::AmendItem> items;
        for (int i = 0; i < 20; ++i) {
            events << makeEvent(QStringLiteral("amend-%1").arg(i), m_customer, m_sandbox->now() - 1h);
            items << ul::AmendItem{events.last(), withRegion(events.last(), QStringLiteral("us-east-%1").arg(i))};
        }
        ingest(events);
        QSignalSpy finished(m_outbox.get(), &Outbox::operationFinished);
        const QString group = Outbox::newGroupId();
        auto tickets = m_outbox->enqueueAmendments(Destination, items, {QStringLiteral("ticket 4711"), group});
        QVERIFY2(tickets.hasValue(), why(tickets).constData());
        QCOMPARE(tickets->size(), 20);
        for (const ul::OperationTicket &t : *tickets) // written before anything is sent
            QCOMPARE(m_journal->entry(t.journalId)->outcome, JournalOutcome::Pending);

        QVERIFY(waitIdle());
        QCOMPARE(finished.count(), 20);
        for (const QList<QVariant> &signal : finished)
            QVERIFY(signal.first().value<ul::OperationResult>().succeeded);
        for (int i = 0; i < 20; ++i) {
            const QString id = events[i].id;
            QCOMPARE(regionOf(*m_sandbox->findEvent(id)), QStringLiteral("us-east-%1").arg(i));
            QCOMPARE(ul::test::historyChanges(m_sandbox->history(id)),
                     (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
        }
        JournalFilter filter;
        filter.operationId = group;
        const QList<JournalEntry> entries = *m_journal->query(filter);
        QCOMPARE(entries.size(), 20);
        for (const JournalEntry &e : entries) {
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
            QCOMPARE(e.action, QString(ul::JournalAction::Amend));
            QCOMPARE(e.profile, Destination);
            QCOMPARE(e.httpStatus, 200);
            QVERIFY2(e.responseBody.contains(e.eventIds.first().toUtf8()), e.responseBody.constData());
            QVERIFY(e.beforeJson.contains("eu-west-1"));
            QVERIFY(e.afterJson.contains("us-east-"));
            QCOMPARE(e.reason, QStringLiteral("ticket 4711"));
            QVERIFY(e.completed.has_value());
            QVERIFY(e.isUndoable());
        }
        const ul::OutboxProgress p = m_outbox->progress();
        QCOMPARE(p.doneOperations, 20);
        QCOMPARE(p.failedOperations, 0);
        QCOMPARE(p.remainingOperations, 0);
        QVERIFY(m_outbox->operations()->isEmpty()); // done operations leave the outbox
    }

    void correctionsOfOneEventRunInOrderAndUndoRestores()
    {
        const Event original = makeEvent(QStringLiteral("order-1"), m_customer, m_sandbox->now() - 2h);
        ingest({original});
        const Event a = withRegion(original, QStringLiteral("region-a"));
        const Event b = withRegion(original, QStringLiteral("region-b"));
        auto tickets = m_outbox->enqueueAmendments(Destination, {{original, a}, {a, b}});
        QVERIFY2(tickets.hasValue(), why(tickets).constData());
        QVERIFY(waitIdle());
        QCOMPARE(regionOf(*m_sandbox->findEvent(original.id)), QStringLiteral("region-b"));
        QCOMPARE(ul::test::historyChanges(m_sandbox->history(original.id)),
                 (QStringList{QStringLiteral("ingested"), QStringLiteral("amended"), QStringLiteral("amended")}));

        // Undo the newer amendment: back to region-a, journaled as an undo.
        QVERIFY(!m_outbox->enqueueUndo(Destination, tickets->first().journalId).hasValue()); // undo the newer one first
        auto undo = m_outbox->enqueueUndo(Destination, tickets->last().journalId, {QStringLiteral("wrong region"), {}});
        QVERIFY2(undo.hasValue(), why(undo).constData());
        QVERIFY(waitIdle());
        QCOMPARE(regionOf(*m_sandbox->findEvent(original.id)), QStringLiteral("region-a"));
        const JournalEntry undoEntry = *m_journal->entry(undo->journalId);
        QCOMPARE(undoEntry.outcome, JournalOutcome::Succeeded);
        QCOMPARE(undoEntry.undoOf, std::optional<qint64>(tickets->last().journalId));
        QCOMPARE(m_journal->entry(tickets->last().journalId)->undoneBy, std::optional<qint64>(undo->journalId));
        QVERIFY(!m_outbox->enqueueUndo(Destination, tickets->last().journalId).hasValue()); // already undone

        // A deprecation is final and blocks undoing earlier amendments.
        auto deprecation = m_outbox->enqueueDeprecate(Destination, a, {QStringLiteral("test traffic"), {}});
        QVERIFY2(deprecation.hasValue(), why(deprecation).constData());
        QVERIFY(waitIdle());
        QVERIFY(m_sandbox->findEvent(original.id)->value(QLatin1StringView("deprecated")).toBool());
        const JournalEntry deprecated = *m_journal->entry(deprecation->journalId);
        QCOMPARE(deprecated.outcome, JournalOutcome::Succeeded);
        QVERIFY(deprecated.final);
        QVERIFY(deprecated.afterJson.contains("\"deprecated\":true"));
        QVERIFY(!m_journal->undoPlan(deprecation->journalId).hasValue());
        auto blocked = m_outbox->enqueueUndo(Destination, tickets->first().journalId);
        QVERIFY(!blocked.hasValue());
        QCOMPARE(blocked.error().kind, OutboxError::Kind::Invalid);
    }

    void aRefusedRowFailsForGoodAndOnlyItIsRetriedAfterTheFix()
    {
        QList<ul::AmendItem> items;
        QList<Event> events;
        for (int i = 0; i < 5; ++i)
            events << makeEvent(QStringLiteral("row-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        Event late = makeEvent(QStringLiteral("row-late"), QString(), m_sandbox->now() - 1h);
        late.customerId.reset();
        late.externalCustomerId = QStringLiteral("cus_not_yet");
        events << late; // its customer does not exist yet: the amendment is refused (400)
        ingest(events);
        for (const Event &e : events)
            items << ul::AmendItem{e, withRegion(e, QStringLiteral("ap-south-1"))};
        QSignalSpy finished(m_outbox.get(), &Outbox::operationFinished);
        auto tickets = m_outbox->enqueueAmendments(Destination, items, {{}, Outbox::newGroupId()});
        QVERIFY2(tickets.hasValue(), why(tickets).constData());
        QVERIFY(waitIdle());

        QCOMPARE(finished.count(), 6);
        int failures = 0;
        for (const QList<QVariant> &signal : finished) {
            const auto r = signal.first().value<ul::OperationResult>();
            if (r.succeeded)
                continue;
            ++failures;
            QCOMPARE(r.eventIds, QStringList{late.id});
            QCOMPARE(r.httpStatus, 400);
            QVERIFY2(r.message.contains(QStringLiteral("does not exist")), qPrintable(r.message));
        }
        QCOMPARE(failures, 1);
        const qint64 failedId = tickets->last().id;
        auto failed = m_outbox->operations({{}, {}, OperationState::Failed, -1});
        QCOMPARE(failed->size(), 1);
        QCOMPARE(failed->first().id, failedId);
        QCOMPARE(failed->first().lastStatus, 400);
        QCOMPARE(m_outbox->progress().failedOperations, 1);
        const JournalEntry refused = *m_journal->entry(tickets->last().journalId);
        QCOMPARE(refused.outcome, JournalOutcome::Failed);
        QCOMPARE(refused.httpStatus, 400);
        QVERIFY2(refused.responseBody.contains("does not exist"), refused.responseBody.constData());
        QVERIFY(!refused.error.isEmpty());
        QCOMPARE(ul::test::historyChanges(m_sandbox->history(late.id)), QStringList{QStringLiteral("ingested")});

        // Fix the cause, then retry only the failed row.
        QVERIFY(!m_sandbox->newCustomer(u"cus_not_yet").isEmpty());
        finished.clear();
        auto retried = m_outbox->retryFailed({failedId, tickets->first().id});
        QVERIFY2(retried.hasValue(), why(retried).constData());
        QCOMPARE(*retried, 1); // the succeeded row is not touched
        QVERIFY(waitIdle());
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<ul::OperationResult>().succeeded);
        QCOMPARE(regionOf(*m_sandbox->findEvent(late.id)), QStringLiteral("ap-south-1"));
        QCOMPARE(m_outbox->progress().failedOperations, 0);
        QVERIFY(m_outbox->operations()->isEmpty());
        JournalFilter byEvent;
        byEvent.eventId = late.id;
        const QList<JournalEntry> history = *m_journal->query(byEvent);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().outcome, JournalOutcome::Succeeded); // newest first
        QCOMPARE(history.first().retryOf, std::optional<qint64>(refused.id));
        QCOMPARE(history.last().outcome, JournalOutcome::Failed); // the refusal stays on record
        for (const Event &e : events)
            QCOMPARE(ul::test::historyChanges(m_sandbox->history(e.id)).count(QStringLiteral("amended")), 1);
    }

    void aFullOutboxPushesBackAndLosesNothing()
    {
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.capacity = 10;
        settings.batchSize = 5;
        settings.maxInFlight = 1;
        openOutbox(settings);
        QList<Event> events;
        for (int i = 0; i < 60; ++i)
            events << makeEvent(QStringLiteral("bp-%1").arg(i), m_customer, m_sandbox->now() - 30min);

        qsizetype position = 0;
        QList<OutboxError> refusals;
        std::function<void()> produce = [&] {
            while (position < events.size()) {
                auto queued = m_outbox->enqueueIngest(Destination, events.mid(position, 4), {{}, QStringLiteral("bp"), {}, {}, {}});
                if (!queued) {
                    refusals << queued.error();
                    m_outbox->whenRoom(4, this, produce); // wait, then go on: never drop
                    return;
                }
                position += 4;
            }
        };
        produce();
        QVERIFY(!refusals.isEmpty()); // the third call already does not fit
        QVERIFY(QTest::qWaitFor([&] { return position == events.size() && m_outbox->progress().remainingOperations == 0; }, WaitMs));
        for (const OutboxError &e : refusals) {
            QCOMPARE(e.kind, OutboxError::Kind::Full);
            QVERIFY(e.room < 4);
            QVERIFY(!e.message.isEmpty());
        }
        QCOMPARE(m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), 60);
        JournalFilter ingests;
        ingests.actions = {QString(ul::JournalAction::Ingest)};
        qint64 journaled = 0;
        QSet<QString> ids;
        const QList<JournalEntry> entries = *m_journal->query(ingests);
        for (const JournalEntry &e : entries) {
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
            QVERIFY(e.eventCount <= 5);
            journaled += e.eventCount;
            for (const QString &id : e.eventIds)
                ids.insert(id);
        }
        QCOMPARE(journaled, 60);
        QCOMPARE(ids.size(), 60);
    }

    void aRefusedTokenPausesTheQueueUntilANewOne()
    {
        const QString wrongToken = QStringLiteral("wrong-token-4c1d");
        m_client->setToken(wrongToken);
        QList<ul::AmendItem> items;
        QList<Event> events;
        for (int i = 0; i < 5; ++i) {
            events << makeEvent(QStringLiteral("auth-%1").arg(i), m_customer, m_sandbox->now() - 1h);
            items << ul::AmendItem{events.last(), withRegion(events.last(), QStringLiteral("sa-east-1"))};
        }
        ingest(events);
        QSignalSpy paused(m_outbox.get(), &Outbox::destinationPaused);
        QSignalSpy resumed(m_outbox.get(), &Outbox::destinationResumed);
        QSignalSpy finished(m_outbox.get(), &Outbox::operationFinished);
        auto tickets = m_outbox->enqueueAmendments(Destination, items);
        QVERIFY2(tickets.hasValue(), why(tickets).constData());
        QVERIFY(paused.wait(WaitMs));
        QCOMPARE(paused.first().at(0).toString(), Destination);
        QVERIFY2(paused.first().at(1).toString().contains(QStringLiteral("401")), qPrintable(paused.first().at(1).toString()));
        QVERIFY(QTest::qWaitFor([&] { return m_outbox->progress().inFlight == 0; }, WaitMs));
        QVERIFY(m_outbox->isPaused(Destination));
        const ul::OutboxProgress p = m_outbox->progress();
        QCOMPARE(p.failedOperations, 0); // not one row failed
        QCOMPARE(p.remainingOperations, 5);
        QCOMPARE(p.pausedDestinations, QStringList{Destination});
        QCOMPARE(finished.count(), 0);
        for (const ul::OperationTicket &t : *tickets)
            QCOMPARE(m_journal->entry(t.journalId)->outcome, JournalOutcome::Pending);

        m_outbox->replaceCredential(Destination, ul::test::SandboxFixture::token());
        QCOMPARE(resumed.count(), 1);
        QVERIFY(waitIdle());
        QCOMPARE(finished.count(), 5);
        for (const Event &e : events)
            QCOMPARE(regionOf(*m_sandbox->findEvent(e.id)), QStringLiteral("sa-east-1"));
        for (const ul::OperationTicket &t : *tickets)
            QCOMPARE(m_journal->entry(t.journalId)->outcome, JournalOutcome::Succeeded);
        QCOMPARE(paused.count(), 1);

        // Neither token is ever written to the journal or the outbox.
        const QByteArray stored = fileBytes(m_journal->path()) + fileBytes(m_outboxPath);
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(wrongToken.toUtf8()));
        QVERIFY(!stored.contains(ul::test::SandboxFixture::token().toUtf8()));
    }

    void transientFailuresAreRetriedAndNeverFail()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        QUrl dead(QStringLiteral("http://127.0.0.1/v1"));
        dead.setPort(probe.serverPort());
        probe.close(); // connections are refused from now on
        ul::OrbClient client(ul::test::fastClientSettings(dead));
        client.setToken(ul::test::SandboxFixture::token());
        QVERIFY(m_outbox->attachDestination(QStringLiteral("flaky"), &client, m_journal.get()).hasValue());
        QList<ul::AmendItem> items;
        for (int i = 0; i < 3; ++i) {
            const Event e = makeEvent(QStringLiteral("flaky-%1").arg(i), m_customer, m_sandbox->now() - 1h);
            ingest({e});
            items << ul::AmendItem{e, withRegion(e, QStringLiteral("me-south-1"))};
        }
        auto tickets = m_outbox->enqueueAmendments(QStringLiteral("flaky"), items);
        QVERIFY2(tickets.hasValue(), why(tickets).constData());
        QVERIFY(QTest::qWaitFor([&] {
            const auto ops = m_outbox->operations();
            return ops && ops->size() == 3
                && std::all_of(ops->begin(), ops->end(), [](const ul::OperationInfo &o) { return o.attempts >= 2; });
        }, WaitMs));
        QCOMPARE(m_outbox->progress().failedOperations, 0);
        for (const ul::OperationTicket &t : *tickets)
            QCOMPARE(m_journal->entry(t.journalId)->outcome, JournalOutcome::Pending);
        const auto waiting = m_outbox->operations();
        QVERIFY2(!waiting->first().lastError.isEmpty(), "the last error is kept for the analyst");

        client.setSettings(ul::test::fastClientSettings(ul::test::v1Url(m_sandbox->baseUrl()))); // the network is back
        m_outbox->flush();
        QVERIFY(waitIdle());
        for (const ul::AmendItem &item : items)
            QCOMPARE(regionOf(*m_sandbox->findEvent(item.after.id)), QStringLiteral("me-south-1"));
        for (const ul::OperationTicket &t : *tickets)
            QCOMPARE(m_journal->entry(t.journalId)->outcome, JournalOutcome::Succeeded);
        m_outbox.reset(); // before the client goes
    }

    void answersLostAfterTheServerActedAreResentAndActOnce()
    {
        // Every third answer is lost after the server did the work: the same operation is sent
        // again under the same id, and the server must not do it twice.
        ul::test::LossyProxy proxy(quint16(m_sandbox->baseUrl().port()), 3);
        QUrl url(QStringLiteral("http://127.0.0.1/v1"));
        url.setPort(proxy.port());
        ul::OrbClient lossy(ul::test::fastClientSettings(url));
        lossy.setToken(ul::test::SandboxFixture::token());
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.batchSize = 100;
        openOutbox(settings, /*attach=*/false);
        QVERIFY(m_outbox->attachDestination(Destination, &lossy, m_journal.get()).hasValue());

        QList<Event> events;
        for (int i = 0; i < 1000; ++i)
            events << makeEvent(QStringLiteral("lossy-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        QVERIFY(m_outbox->enqueueIngest(Destination, events).hasValue());
        QVERIFY(waitIdle());
        QVERIFY2(proxy.dropped() > 0 && proxy.replayed() > 0, "an ingest answer was lost and its resend replayed");
        QCOMPARE(m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), 1000);

        QList<ul::AmendItem> items;
        for (int i = 0; i < 30; ++i)
            items << ul::AmendItem{events[i], withRegion(events[i], QStringLiteral("lossy-region"))};
        const int droppedBefore = proxy.dropped();
        QVERIFY(m_outbox->enqueueAmendments(Destination, items).hasValue());
        QVERIFY(waitIdle());
        QVERIFY(proxy.dropped() > droppedBefore);
        for (const ul::AmendItem &item : items)
            QCOMPARE(ul::test::historyChanges(m_sandbox->history(item.after.id)),
                     (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
        const QList<JournalEntry> entries = *m_journal->query({});
        QCOMPARE(entries.size(), 10 + 30);
        for (const JournalEntry &e : entries)
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
        QCOMPARE(m_outbox->progress().failedOperations, 0);
        qInfo("%d answers, %d lost after the server acted, %d replayed from the server's Idempotency-Key records",
              proxy.responses(), proxy.dropped(), proxy.replayed());
        m_outbox.reset(); // before its client
    }

    void ingestEventsAreCoalescedIntoSealedBatches()
    {
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.batchSize = 5;
        settings.flushInterval = 300ms;
        openOutbox(settings);
        m_outbox->pause(Destination); // look at the batches before anything is sent
        QList<Event> events;
        for (int i = 0; i < 12; ++i) {
            events << makeEvent(QStringLiteral("co-%1").arg(i), m_customer, m_sandbox->now() - 10min);
            ul::IngestEnqueueOptions options;
            options.groupId = QStringLiteral("import-1");
            options.groupCursor = QByteArray::number(i + 1);
            auto queued = m_outbox->enqueueIngest(Destination, {events.last()}, options);
            QVERIFY2(queued.hasValue(), why(queued).constData());
        }
        const auto ops = *m_outbox->operations();
        QCOMPARE(ops.size(), 3);
        QCOMPARE(ops[0].eventCount, 5);
        QCOMPARE(ops[0].state, OperationState::Queued); // full: sealed at once, journaled
        QVERIFY(ops[0].journalId > 0);
        QCOMPARE(ops[1].eventCount, 5);
        QCOMPARE(ops[2].eventCount, 2);
        QCOMPARE(ops[2].state, OperationState::Open);   // sealed when the flush interval passes
        QCOMPARE(ops[2].journalId, 0);
        QCOMPARE(m_outbox->groupCursor(QStringLiteral("import-1"))->value_or(QByteArray()), QByteArray("12"));

        m_outbox->resume(Destination);
        QVERIFY(waitIdle());
        QCOMPARE(m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), 12);
        JournalFilter filter;
        filter.operationId = QStringLiteral("import-1");
        filter.newestFirst = false;
        const QList<JournalEntry> entries = *m_journal->query(filter);
        QCOMPARE(entries.size(), 3);
        QStringList journaledIds;
        for (const JournalEntry &e : entries) {
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
            QCOMPARE(e.action, QString(ul::JournalAction::Ingest));
            journaledIds << e.eventIds;
        }
        QCOMPARE(entries[2].eventCount, 2);
        QStringList sentIds;
        for (const Event &e : events)
            sentIds << e.id;
        QCOMPARE(journaledIds, sentIds);
    }

    void closeDrainsWhatIsQueued()
    {
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.flushInterval = 1h; // only close() sends this batch
        openOutbox(settings);
        QList<Event> events;
        for (int i = 0; i < 7; ++i)
            events << makeEvent(QStringLiteral("drain-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        QVERIFY(m_outbox->enqueueIngest(Destination, events).hasValue());
        QSignalSpy closed(m_outbox.get(), &Outbox::closed);
        m_outbox->close(Outbox::CloseMode::Drain, 60s);
        QVERIFY(closed.wait(WaitMs));
        QCOMPARE(closed.first().first().toLongLong(), 0);
        QCOMPARE(m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), 7);
        auto refused = m_outbox->enqueueIngest(Destination, {makeEvent(QStringLiteral("late"), m_customer, m_sandbox->now())});
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().kind, OutboxError::Kind::Closed);
        const QList<JournalEntry> entries = *m_journal->query({});
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().eventCount, 7);
        QCOMPARE(entries.first().outcome, JournalOutcome::Succeeded);
    }

    void closePersistsAndTheNextOutboxFinishesExactlyOnce()
    {
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.flushInterval = 1h;
        openOutbox(settings);
        m_outbox->pause(Destination);
        QList<ul::AmendItem> items;
        QList<Event> events;
        for (int i = 0; i < 4; ++i) {
            events << makeEvent(QStringLiteral("persist-%1").arg(i), m_customer, m_sandbox->now() - 1h);
            items << ul::AmendItem{events.last(), withRegion(events.last(), QStringLiteral("af-south-1"))};
        }
        ingest(events);
        QVERIFY(m_outbox->enqueueAmendments(Destination, items).hasValue());
        QList<Event> fresh;
        for (int i = 0; i < 3; ++i)
            fresh << makeEvent(QStringLiteral("persist-new-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        QVERIFY(m_outbox->enqueueIngest(Destination, fresh).hasValue());

        QSignalSpy closed(m_outbox.get(), &Outbox::closed);
        m_outbox->close(Outbox::CloseMode::Drain, 60s); // paused: nothing can drain, the rest persists
        QVERIFY(closed.count() == 1 || closed.wait(WaitMs));
        QCOMPARE(closed.first().first().toLongLong(), 5);
        QCOMPARE(ul::test::historyChanges(m_sandbox->history(events.first().id)), QStringList{QStringLiteral("ingested")});
        m_outbox.reset();

        openOutbox(settings, /*attach=*/false);
        const auto waiting = *m_outbox->operations();
        QCOMPARE(waiting.size(), 5); // what a GUI offers to finish at start
        QCOMPARE(m_outbox->progress().remainingEvents, 7);
        QVERIFY(m_outbox->attachDestination(Destination, m_client.get(), m_journal.get()).hasValue());
        m_outbox->flush();
        QVERIFY(waitIdle());
        for (const Event &e : events) {
            QCOMPARE(regionOf(*m_sandbox->findEvent(e.id)), QStringLiteral("af-south-1"));
            QCOMPARE(ul::test::historyChanges(m_sandbox->history(e.id)),
                     (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
        }
        QCOMPARE(m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), 7);
        const QList<JournalEntry> entries = *m_journal->query({});
        QCOMPARE(entries.size(), 5); // one entry per operation, however many sessions it took
        for (const JournalEntry &e : entries)
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
    }

    void reconcilesWhatACrashLeftBetweenJournalAndOutbox()
    {
        // The journal and the outbox are two files; a crash can leave one a step ahead. Make
        // those states by hand and check what the next attach makes of them.
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.flushInterval = 1h;
        openOutbox(settings);
        m_outbox->pause(Destination);
        QList<Event> events;
        for (int i = 0; i < 3; ++i)
            events << makeEvent(QStringLiteral("rec-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        QVERIFY(m_outbox->enqueueIngest(Destination, events).hasValue()); // an open batch
        const Event amended = makeEvent(QStringLiteral("rec-amend"), m_customer, m_sandbox->now() - 1h);
        ingest({amended});
        auto amend = m_outbox->enqueueAmend(Destination, amended, withRegion(amended, QStringLiteral("x")));
        QVERIFY(amend.hasValue());
        const auto ops = *m_outbox->operations();
        QCOMPARE(ops.size(), 2);
        const QString source = m_outbox->instanceId();
        m_outbox.reset(); // "crash"

        // 1. Stopped while sealing the open batch with two more events that never got queued.
        ul::NewJournalEntry sealing;
        sealing.profile = Destination;
        sealing.action = ul::JournalAction::Ingest;
        sealing.eventIds = {events[0].id, events[1].id, events[2].id, QStringLiteral("phantom-1"), QStringLiteral("phantom-2")};
        sealing.outboxKey = ops[0].key;
        sealing.outboxSource = source;
        // 2. Stopped after the journal entry of an operation that never reached the outbox.
        ul::NewJournalEntry lost = sealing;
        lost.eventIds = {QStringLiteral("never-queued")};
        lost.outboxKey = QStringLiteral("usagelens-not-in-the-outbox");
        auto written = m_journal->beginMany({sealing, lost});
        QVERIFY(written.hasValue());
        // 3. Stopped after the amendment's answer was journaled but before the outbox heard of it.
        QVERIFY(m_journal->complete(amend->journalId, {JournalOutcome::Succeeded, 200, "{\"amended\":\"rec-amend\"}", {}}).hasValue());

        openOutbox(settings);
        QCOMPARE(m_journal->entry(written->at(0))->outcome, JournalOutcome::Cancelled);
        QCOMPARE(m_journal->entry(written->at(1))->outcome, JournalOutcome::Cancelled);
        const auto left = *m_outbox->operations();
        QCOMPARE(left.size(), 1); // the answered amendment is settled, not sent again
        QCOMPARE(left.first().kind, ul::OperationKind::Ingest);
        m_outbox->flush();
        QVERIFY(waitIdle());
        JournalFilter succeeded;
        succeeded.outcomes = {JournalOutcome::Succeeded};
        succeeded.actions = {QString(ul::JournalAction::Ingest)};
        const QList<JournalEntry> entries = *m_journal->query(succeeded);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().eventIds, (QStringList{events[0].id, events[1].id, events[2].id}));
        QCOMPARE(m_sandbox->onServerThread([](ul::sandbox::SandboxServer &s) { return s.store().eventCount(); }), 4);
    }

    void aBackfillActionWaitsForTheBatchesQueuedBeforeIt()
    {
        // A request with the backfill's ordering key is sent only after that backfill's batches.
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.batchSize = 2;
        openOutbox(settings);
        m_outbox->pause(Destination);
        QList<Event> events;
        for (int i = 0; i < 4; ++i)
            events << makeEvent(QStringLiteral("bf-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        ul::IngestEnqueueOptions options;
        options.backfillId = QStringLiteral("bf_nonexistent");
        QVERIFY(m_outbox->enqueueIngest(Destination, events, options).hasValue());
        ul::OutboxRequest close;
        close.action = ul::JournalAction::BackfillClose;
        close.path = QStringLiteral("events/backfills/bf_nonexistent/close");
        close.orderingKey = Outbox::backfillOrderingKey(QStringLiteral("bf_nonexistent"));
        auto closeTicket = m_outbox->enqueueRequest(Destination, close);
        QVERIFY2(closeTicket.hasValue(), why(closeTicket).constData());
        QSignalSpy finished(m_outbox.get(), &Outbox::operationFinished);
        m_outbox->resume(Destination);
        QVERIFY(waitIdle());
        QCOMPARE(finished.count(), 3);
        // The sandbox knows no such backfill: all three are refused, the close last.
        QCOMPARE(finished.last().first().value<ul::OperationResult>().id, closeTicket->id);
        QCOMPARE(finished.last().first().value<ul::OperationResult>().kind, ul::OperationKind::Request);
    }

    void enqueueThroughput()
    {
        // A figure for the report, not an assertion: 100k ingest events and 10k amendments
        // queued (paused destination, so nothing is sent while measuring).
        ul::OutboxSettings settings = ul::test::fastOutboxSettings();
        settings.capacity = 1'000'000;
        openOutbox(settings);
        m_outbox->pause(Destination);
        QList<Event> batch;
        for (int i = 0; i < 500; ++i)
            batch << makeEvent(QString(), m_customer, m_sandbox->now() - 1h);
        QElapsedTimer timer;
        timer.start();
        for (int call = 0; call < 200; ++call) {
            for (int i = 0; i < 500; ++i)
                batch[i].id = QStringLiteral("tp-%1-%2").arg(call).arg(i);
            QVERIFY(m_outbox->enqueueIngest(Destination, batch).hasValue());
        }
        const qint64 ingestMs = std::max<qint64>(1, timer.elapsed());
        QList<ul::AmendItem> items;
        for (int i = 0; i < 10'000; ++i) {
            const Event e = makeEvent(QStringLiteral("tpa-%1").arg(i), m_customer, m_sandbox->now() - 1h);
            items << ul::AmendItem{e, withRegion(e, QStringLiteral("x"))};
        }
        timer.restart();
        QVERIFY(m_outbox->enqueueAmendments(Destination, items).hasValue());
        const qint64 amendMs = std::max<qint64>(1, timer.elapsed());
        qInfo("enqueue: 100000 ingest events in %lld ms (%lld events/s); 10000 amendments (journal + outbox) in %lld ms (%lld/s)",
              ingestMs, 100'000'000 / ingestMs, amendMs, 10'000'000 / amendMs);
        QCOMPARE(m_outbox->progress().remainingEvents, 110'000);
    }

private:
    void openOutbox(const ul::OutboxSettings &settings, bool attach = true)
    {
        m_outbox.reset();
        m_outboxPath = m_dir->filePath(QStringLiteral("outbox.sqlite"));
        auto outbox = Outbox::open(m_outboxPath, settings);
        QVERIFY2(outbox.hasValue(), outbox.hasValue() ? "" : qPrintable(outbox.error()));
        m_outbox = std::move(outbox).value();
        if (attach)
            QVERIFY(m_outbox->attachDestination(Destination, m_client.get(), m_journal.get()).hasValue());
    }

    void ingest(const QList<Event> &events)
    {
        const ul::test::HttpResult r = m_sandbox->http().post(QStringLiteral("/v1/ingest"), ul::json::encodeIngestBody(events));
        UL_COMPARE_STATUS(r, 200);
    }

    bool waitIdle()
    {
        return QTest::qWaitFor([this] {
            const ul::OutboxProgress p = m_outbox->progress();
            return p.remainingOperations == 0 && p.inFlight == 0;
        }, WaitMs);
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ul::OrbClient> m_client;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Outbox> m_outbox;
    QString m_outboxPath;
    QString m_customer;
};

QTEST_GUILESS_MAIN(TstOutbox)
#include "tst_outbox.moc"
