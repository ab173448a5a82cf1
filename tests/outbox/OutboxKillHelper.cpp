// A test program (not the app): queues a bulk amend or an import through the outbox against a
// sandbox given on the command line, and sends until nothing is left. tst_outbox_kill runs it,
// kills it with SIGKILL part way, and runs it again on the same outbox and journal files.
//
//   outbox_kill_helper --mode amend|resume|ingest --base URL --outbox FILE --journal FILE
//                      --customer ID --time-ms MS --count N --prefix P --group G
//                      [--rate REQUESTS_PER_S] [--capacity EVENTS] [--chunk EVENTS]
// The token comes from the environment (UL_TEST_TOKEN), never from the command line.
// stdout lines: `queued N`, `resumed N` (operations found at start), `done D failed F`.
#include "OutboxTestSupport.h"

#include "journal/Journal.h"
#include "outbox/Outbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QStringList names{QStringLiteral("mode"), QStringLiteral("base"), QStringLiteral("outbox"),
                            QStringLiteral("journal"), QStringLiteral("customer"), QStringLiteral("time-ms"),
                            QStringLiteral("count"), QStringLiteral("prefix"), QStringLiteral("group"),
                            QStringLiteral("rate"), QStringLiteral("capacity"), QStringLiteral("chunk")};
    for (const QString &name : names)
        parser.addOption(QCommandLineOption(name, name, name));
    parser.process(app);
    const QString mode = parser.value(QStringLiteral("mode"));
    const QString customer = parser.value(QStringLiteral("customer"));
    const ul::Timestamp when = ul::Timestamp::fromMsecs(parser.value(QStringLiteral("time-ms")).toLongLong());
    const int count = parser.value(QStringLiteral("count")).toInt();
    const QString prefix = parser.value(QStringLiteral("prefix"));
    const QString group = parser.value(QStringLiteral("group"));
    const QString destination = QStringLiteral("sandbox");

    ul::OrbClient client(ul::test::fastClientSettings(QUrl(parser.value(QStringLiteral("base")))));
    client.setToken(qEnvironmentVariable("UL_TEST_TOKEN"));
    auto journal = ul::Journal::open(parser.value(QStringLiteral("journal")));
    if (!journal) {
        say(QStringLiteral("error ") + journal.error());
        return 2;
    }
    ul::OutboxSettings settings = ul::test::fastOutboxSettings();
    if (parser.isSet(QStringLiteral("rate")))
        settings.maxRequestsPerSecond = parser.value(QStringLiteral("rate")).toDouble();
    if (parser.isSet(QStringLiteral("capacity")))
        settings.capacity = parser.value(QStringLiteral("capacity")).toLongLong();
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

    qsizetype position = count; // events still to queue: none, unless importing
    if (mode == QLatin1StringView("amend")) {
        QList<ul::AmendItem> items;
        for (int i = 0; i < count; ++i) {
            const ul::Event before = ul::test::makeEvent(prefix + QString::number(i), customer, when);
            items << ul::AmendItem{before, ul::test::withRegion(before, QStringLiteral("v-") + before.id)};
        }
        auto queued = box.enqueueAmendments(destination, items, {QStringLiteral("kill test"), group});
        if (!queued) {
            say(QStringLiteral("error ") + queued.error().message);
            return 2;
        }
        say(QStringLiteral("queued %1").arg(queued->size()));
    } else if (mode == QLatin1StringView("ingest")) {
        // An importer: continues after the rows it had queued, as the group cursor says.
        auto cursor = box.groupCursor(group);
        position = cursor && *cursor ? (*cursor)->toLongLong() : 0;
        say(QStringLiteral("from %1").arg(position));
    }

    const qsizetype chunk = parser.isSet(QStringLiteral("chunk")) ? parser.value(QStringLiteral("chunk")).toLongLong() : 250;
    std::function<void()> produce = [&] {
        while (position < count) {
            QList<ul::Event> events;
            const qsizetype end = std::min<qsizetype>(count, position + chunk);
            for (qsizetype i = position; i < end; ++i)
                events << ul::test::makeEvent(prefix + QString::number(i), customer, when);
            ul::IngestEnqueueOptions options;
            options.groupId = group;
            options.groupCursor = QByteArray::number(end);
            auto queued = box.enqueueIngest(destination, events, options);
            if (!queued) {
                if (queued.error().kind != ul::OutboxError::Kind::Full) {
                    say(QStringLiteral("error ") + queued.error().message);
                    app.exit(2);
                    return;
                }
                box.whenRoom(events.size(), &app, produce);
                return;
            }
            position = end;
        }
    };
    produce();

    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        const ul::OutboxProgress p = box.progress();
        if (position >= count && p.remainingOperations == 0 && p.inFlight == 0) {
            say(QStringLiteral("done %1 failed %2").arg(p.doneOperations).arg(p.failedOperations));
            app.exit(p.failedOperations == 0 ? 0 : 1);
        }
    });
    poll.start(20);
    return app.exec();
}
