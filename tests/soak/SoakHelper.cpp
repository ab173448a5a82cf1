// A test program (not the app): runs the soak workload (SoakPlan.h) through the app's core —
// OrbClient, Outbox and Journal — against the server given on the command line, until nothing is
// left. tst_soak runs it once through a faulty proxy, and again killing it with SIGKILL at random
// points and starting it anew on the same outbox and journal files.
//
//   soak_helper --base URL --outbox FILE --journal FILE --customer ID --time-ms MS
//               --amend N --deprecate N --import N [--chunk EVENTS]
// The token comes from the environment (UL_TEST_TOKEN), never from the command line.
// stdout lines: `resumed OPS`, `queued amend A deprecate D import-from I`, `done OPS failed F`.
//
// What it queues survives a kill: amendments and deprecations are journaled before they are
// queued, so on a new start the events named by a pending or succeeded journal entry are not
// queued again (entries a kill left without their operation are cancelled by the outbox when the
// destination is attached); the import continues from the group cursor stored with its rows.
#include "SoakPlan.h"

#include "journal/Journal.h"
#include "outbox/Outbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <cstdio>
#include <functional>

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

/// The events of `action` a pending or succeeded journal entry already names.
QSet<QString> alreadyQueued(const ul::Journal &journal, QLatin1StringView action)
{
    ul::JournalFilter filter;
    filter.actions = {QString(action)};
    filter.outcomes = {ul::JournalOutcome::Pending, ul::JournalOutcome::Succeeded};
    QSet<QString> ids;
    if (auto entries = journal.query(filter)) {
        for (const ul::JournalEntry &e : *entries) {
            for (const QString &id : e.eventIds)
                ids.insert(id);
        }
    }
    return ids;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    for (const char *name : {"base", "outbox", "journal", "customer", "time-ms", "amend", "deprecate", "import", "chunk"})
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(name), QStringLiteral("value")));
    parser.process(app);
    const QString customer = parser.value(QStringLiteral("customer"));
    const ul::Timestamp when = ul::Timestamp::fromMsecs(parser.value(QStringLiteral("time-ms")).toLongLong());
    ul::test::soak::Plan plan;
    plan.amend = parser.value(QStringLiteral("amend")).toInt();
    plan.deprecate = parser.value(QStringLiteral("deprecate")).toInt();
    plan.imported = parser.value(QStringLiteral("import")).toInt();
    const int chunk = parser.isSet(QStringLiteral("chunk")) ? parser.value(QStringLiteral("chunk")).toInt() : 2000;
    const QString destination = QStringLiteral("sandbox");

    ul::OrbClient client(ul::test::fastClientSettings(QUrl(parser.value(QStringLiteral("base")))));
    client.setToken(qEnvironmentVariable("UL_TEST_TOKEN"));
    auto journal = ul::Journal::open(parser.value(QStringLiteral("journal")));
    if (!journal) {
        say(QStringLiteral("error ") + journal.error());
        return 2;
    }
    ul::OutboxSettings settings = ul::test::fastOutboxSettings();
    settings.capacity = 20'000; // back-pressure is part of the soak: the import waits for room
    settings.maxInFlight = 6;   // as many as Qt opens connections to one host
    auto outbox = ul::Outbox::open(parser.value(QStringLiteral("outbox")), settings);
    if (!outbox) {
        say(QStringLiteral("error ") + outbox.error());
        return 2;
    }
    ul::Outbox &box = **outbox;
    say(QStringLiteral("resumed %1").arg(box.progress().remainingOperations));
    if (auto ok = box.attachDestination(destination, &client, journal->get()); !ok) {
        say(QStringLiteral("error ") + ok.error());
        return 2;
    }
    QObject::connect(&box, &ul::Outbox::storageFailed, &app, [&](const QString &message) {
        say(QStringLiteral("error ") + message);
        app.exit(3);
    });

    // What is left to queue.
    QList<ul::AmendItem> amendments;
    const QSet<QString> amended = alreadyQueued(**journal, ul::JournalAction::Amend);
    for (int i = 0; i < plan.amend; ++i) {
        const QString id = ul::test::soak::amendId(i);
        if (amended.contains(id))
            continue;
        const ul::Event before = ul::test::makeEvent(id, customer, when);
        amendments << ul::AmendItem{before, ul::test::withRegion(before, ul::test::soak::amendedRegion(id))};
    }
    QList<ul::Event> deprecations;
    const QSet<QString> deprecated = alreadyQueued(**journal, ul::JournalAction::Deprecate);
    for (int i = 0; i < plan.deprecate; ++i) {
        const QString id = ul::test::soak::deprecateId(i);
        if (!deprecated.contains(id))
            deprecations << ul::test::makeEvent(id, customer, when);
    }
    auto cursor = box.groupCursor(ul::test::soak::importGroup());
    qsizetype imported = cursor && *cursor ? (*cursor)->toLongLong() : 0;
    say(QStringLiteral("queued amend %1 deprecate %2 import-from %3")
            .arg(plan.amend - amendments.size()).arg(plan.deprecate - deprecations.size()).arg(imported));

    // One producer for all three parts, in chunks, waiting for room when the outbox is full.
    bool failed = false;
    std::function<void()> produce = [&] {
        auto refused = [&](const ul::OutboxError &error, qint64 events) {
            if (error.kind != ul::OutboxError::Kind::Full) {
                say(QStringLiteral("error ") + error.message);
                failed = true;
                app.exit(2);
                return;
            }
            box.whenRoom(events, &app, produce);
        };
        while (!amendments.isEmpty()) {
            const QList<ul::AmendItem> items = amendments.first(std::min<qsizetype>(chunk, amendments.size()));
            auto queued = box.enqueueAmendments(destination, items, {QStringLiteral("soak"), ul::test::soak::amendGroup()});
            if (!queued)
                return refused(queued.error(), items.size());
            amendments.remove(0, items.size());
        }
        while (!deprecations.isEmpty()) {
            const QList<ul::Event> items = deprecations.first(std::min<qsizetype>(chunk, deprecations.size()));
            auto queued = box.enqueueDeprecations(destination, items, {QStringLiteral("soak"), ul::test::soak::deprecateGroup()});
            if (!queued)
                return refused(queued.error(), items.size());
            deprecations.remove(0, items.size());
        }
        while (imported < plan.imported) {
            const qsizetype end = std::min<qsizetype>(plan.imported, imported + chunk);
            QList<ul::Event> events;
            for (qsizetype i = imported; i < end; ++i)
                events << ul::test::makeEvent(ul::test::soak::importId(int(i)), customer, when);
            ul::IngestEnqueueOptions options;
            options.groupId = ul::test::soak::importGroup();
            options.reason = QStringLiteral("soak import");
            options.groupCursor = QByteArray::number(end);
            auto queued = box.enqueueIngest(destination, events, options);
            if (!queued)
                return refused(queued.error(), events.size());
            imported = end;
        }
        box.flush();
    };
    produce();

    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        const ul::OutboxProgress p = box.progress();
        if (!failed && amendments.isEmpty() && deprecations.isEmpty() && imported >= plan.imported
            && p.remainingOperations == 0 && p.inFlight == 0) {
            say(QStringLiteral("done %1 failed %2").arg(p.doneOperations).arg(p.failedOperations));
            app.exit(p.failedOperations == 0 ? 0 : 1);
        }
    });
    poll.start(20);
    return app.exec();
}
