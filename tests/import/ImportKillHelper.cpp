// A test program (not the app): imports a JSONL file through ImportJob and the outbox into a
// sandbox given on the command line, until the import is finished. tst_import_kill runs it,
// kills it with SIGKILL part way, and runs it again on the same outbox and journal files.
//
//   import_kill_helper --base URL --outbox FILE --journal FILE --file JSONL --group G
//                      --now-ms MS [--rate REQUESTS_PER_S] [--capacity EVENTS] [--batch EVENTS]
// The token comes from the environment (UL_TEST_TOKEN), never from the command line.
// stdout lines: `resumed 0|1`, then `done CONFIRMED QUEUED BAD FAILED` or `error MESSAGE`.
#include "OutboxTestSupport.h"

#include "import/ImportJob.h"
#include "journal/Journal.h"
#include "outbox/Outbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

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
    for (const char *name : {"base", "outbox", "journal", "file", "group", "now-ms", "rate", "capacity", "batch"}) {
        const QString n = QString::fromLatin1(name);
        parser.addOption(QCommandLineOption(n, n, n));
    }
    parser.process(app);
    auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };

    ul::OrbClient client(ul::test::fastClientSettings(QUrl(value("base"))));
    client.setToken(qEnvironmentVariable("UL_TEST_TOKEN"));
    auto journal = ul::Journal::open(value("journal"));
    if (!journal) {
        say(QStringLiteral("error ") + journal.error());
        return 2;
    }
    ul::OutboxSettings settings = ul::test::fastOutboxSettings();
    if (parser.isSet(QStringLiteral("rate")))
        settings.maxRequestsPerSecond = value("rate").toDouble();
    if (parser.isSet(QStringLiteral("capacity")))
        settings.capacity = value("capacity").toLongLong();
    if (parser.isSet(QStringLiteral("batch")))
        settings.batchSize = value("batch").toInt();
    auto outbox = ul::Outbox::open(value("outbox"), settings);
    if (!outbox) {
        say(QStringLiteral("error ") + outbox.error());
        return 2;
    }
    const QString destination = QStringLiteral("sandbox");
    if (auto ok = (*outbox)->attachDestination(destination, &client, journal->get()); !ok) {
        say(QStringLiteral("error ") + ok.error());
        return 2;
    }

    ul::ImportJobConfig config;
    config.path = value("file");
    config.destination = destination;
    config.groupId = value("group");
    config.reason = QStringLiteral("kill test");
    const ul::Timestamp now = ul::Timestamp::fromMsecs(value("now-ms").toLongLong());
    config.clock = [now] { return now; };
    ul::ImportJob job(outbox->get(), config);
    QObject::connect(&job, &ul::ImportJob::finished, &app, [&](ul::ImportJob::State state) {
        const ul::ImportProgress p = job.progress();
        if (state != ul::ImportJob::State::Finished) {
            say(QStringLiteral("error ") + job.errorString());
            app.exit(2);
            return;
        }
        say(QStringLiteral("done %1 %2 %3 %4").arg(p.eventsConfirmed).arg(p.eventsQueued).arg(p.badRows).arg(p.eventsFailed));
        app.exit(p.eventsFailed == 0 ? 0 : 1);
    });
    job.start();
    say(QStringLiteral("resumed %1").arg(job.progress().resumed ? 1 : 0));
    return app.exec();
}
