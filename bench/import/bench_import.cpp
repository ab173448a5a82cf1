// bench_import: imports a generated 1,000,000-event JSONL file into a backfill on a local sandbox
// through ImportJob and the outbox (as the app does), and sends the same file with the official
// Orb TypeScript SDK in batches of 500 into a second backfill of the same sandbox, in the same run.
// Prints events/s and peak memory of each and the ratio.
//
//   bench_import [--events N] [--in-flight N] [--no-sdk]
//
// The sandbox is the real usagelens-sandbox executable, as a child process with a file database,
// so the peak RSS printed for the import is the importer's alone (VmHWM of this process: the file
// reader, the outbox and the client, never the server). Events: keys `bench-<i>`, timestamps spread
// over 20 days ending two days ago (so only a backfill accepts them), three external customers.
#include "BenchSupport.h"

#include "api/BackfillApi.h"
#include "import/ImportJob.h"
#include "journal/Journal.h"
#include "model/Backfill.h"
#include "outbox/Outbox.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>

#include <chrono>
#include <optional>

using namespace std::chrono_literals;
using ul::bench::out;
using ul::bench::thousands;

namespace {

const QString Token = QStringLiteral("bench-import-token");

/// Writes `count` JSONL events; returns the bytes written.
qint64 writeFile(const QString &path, qint64 count, ul::Timestamp from, ul::Timestamp to)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    const char *regions[] = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"};
    const qint64 span = to.msecs() - from.msecs();
    QByteArray chunk;
    for (qint64 i = 0; i < count; ++i) {
        const ul::Timestamp when = from.addMsecs((i * 7919 * 1000) % span);
        chunk += "{\"idempotency_key\":\"bench-" + QByteArray::number(i) + "\",\"event_name\":\"api_request\",\"timestamp\":\""
            + when.toIso8601().toLatin1() + "\",\"external_customer_id\":\"bench-ext-" + QByteArray::number(i % 3)
            + "\",\"properties\":{\"region\":\"" + regions[i % 5] + "\",\"ms\":" + QByteArray::number(5 + i % 900)
            + ",\"success\":" + (i % 50 ? "true" : "false") + "}}\n";
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return file.size();
}

/// Starts usagelens-sandbox on a free port; returns its base URL (with /v1).
std::optional<QUrl> startSandbox(QProcess &sandbox, const QString &db)
{
    const QString exe = QStringLiteral(USAGELENS_BENCH_SANDBOX_EXE);
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(exe, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), db,
                        QStringLiteral("--token"), Token});
    if (!sandbox.waitForStarted(30'000)) {
        out(QStringLiteral("cannot start %1: %2").arg(exe, sandbox.errorString()));
        return std::nullopt;
    }
    QElapsedTimer waited;
    waited.start();
    while (!sandbox.canReadLine() && waited.elapsed() < 30'000)
        sandbox.waitForReadyRead(1000);
    const QString line = QString::fromUtf8(sandbox.readLine()).trimmed();
    const QString prefix = QStringLiteral("listening on ");
    if (!line.startsWith(prefix)) {
        out(QStringLiteral("the sandbox did not start: %1").arg(line));
        return std::nullopt;
    }
    QUrl url(line.mid(prefix.size()));
    url.setPath(QStringLiteral("/v1"));
    return url;
}

/// Calls an async API and waits for its answer.
template <class T, class Call>
ul::Expected<T, QString> await(Call call)
{
    QEventLoop loop;
    std::optional<ul::Expected<T, QString>> result;
    call([&](const auto &answer) {
        if (answer)
            result.emplace(*answer);
        else
            result.emplace(ul::Unexpected{answer.error().humanMessage()});
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

ul::Expected<QString, QString> newBackfill(const ul::BackfillApi &api, QObject *context, ul::Timestamp start, ul::Timestamp end)
{
    ul::NewBackfill b;
    b.timeframeStart = start;
    b.timeframeEnd = end;
    b.replaceExistingEvents = false;
    auto created = await<ul::Backfill>([&](auto done) { api.createBackfill(b, context, done); });
    if (!created)
        return ul::Unexpected{created.error()};
    return created->id;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events in the file."), QStringLiteral("N"),
                                          QStringLiteral("1000000"));
    const QCommandLineOption inFlight(QStringLiteral("in-flight"), QStringLiteral("Outbox requests in flight at once."),
                                      QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption noSdk(QStringLiteral("no-sdk"), QStringLiteral("Skip the Orb SDK run."));
    parser.addOptions({eventsOption, inFlight, noSdk});
    parser.addHelpOption();
    parser.process(app);
    const qint64 count = parser.value(eventsOption).toLongLong();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    const ul::Timestamp now = ul::Timestamp::now();
    const ul::Timestamp start = (now - std::chrono::days(22)).floorToHour();
    const ul::Timestamp end = (now - std::chrono::days(2)).floorToHour();
    QElapsedTimer timer;
    timer.start();
    const qint64 bytes = writeFile(path, count, start, end);
    out(QStringLiteral("file: %1 events, %2 MiB of JSONL, written in %3 s")
            .arg(thousands(double(count)))
            .arg(double(bytes) / (1 << 20), 0, 'f', 1)
            .arg(double(timer.elapsed()) / 1000, 0, 'f', 1));

    QProcess sandbox;
    const auto base = startSandbox(sandbox, dir.filePath(QStringLiteral("sandbox.db")));
    if (!base)
        return 1;
    ul::ClientSettings clientSettings;
    clientSettings.baseUrl = *base;
    ul::OrbClient client(clientSettings);
    client.setToken(Token);
    const ul::BackfillApi backfills(&client);

    auto backfill = newBackfill(backfills, &app, start, end);
    if (!backfill) {
        out(QStringLiteral("creating a backfill failed: %1").arg(backfill.error()));
        return 1;
    }
    auto journal = ul::Journal::open(dir.filePath(QStringLiteral("journal.sqlite")));
    ul::OutboxSettings outboxSettings;
    outboxSettings.maxInFlight = std::max(1, parser.value(inFlight).toInt());
    auto outbox = ul::Outbox::open(dir.filePath(QStringLiteral("outbox.sqlite")), outboxSettings);
    if (!journal || !outbox) {
        out(QStringLiteral("cannot open the outbox or journal"));
        return 1;
    }
    const QString destination = QStringLiteral("bench");
    (void)(*outbox)->attachDestination(destination, &client, journal->get());

    ul::ImportJobConfig config;
    config.path = path;
    config.destination = destination;
    config.groupId = QStringLiteral("bench-import");
    config.reason = QStringLiteral("benchmark");
    config.target.backfillId = *backfill;
    config.target.timeframeStart = start;
    config.target.timeframeEnd = end;
    const qint64 rssBefore = ul::bench::statusKb("VmRSS");
    ul::ImportJob job(outbox->get(), config);
    QEventLoop loop;
    QObject::connect(&job, &ul::ImportJob::finished, &loop, &QEventLoop::quit);
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const ul::ImportProgress p = job.progress();
        out(QStringLiteral("  … %1 confirmed, %2 events/s, ETA %3 s")
                .arg(thousands(double(p.eventsConfirmed)), thousands(p.eventsPerSecond))
                .arg(p.etaMs < 0 ? QStringLiteral("?") : QString::number(p.etaMs / 1000)));
    });
    ticker.start(5000);
    const double cpuBefore = ul::bench::processCpuSeconds();
    const double serverCpuBefore = ul::bench::processCpuSeconds(sandbox.processId());
    timer.restart();
    job.start();
    loop.exec();
    ticker.stop();
    const double seconds = double(timer.elapsed()) / 1000;
    const ul::ImportProgress p = job.progress();
    const double appRate = double(p.eventsConfirmed) / seconds;
    const qint64 peakKb = ul::bench::statusKb("VmHWM");
    const double cpuPerEvent = (ul::bench::processCpuSeconds() - cpuBefore) * 1e6 / double(std::max<qint64>(1, p.eventsConfirmed));
    const double serverCpuPerEvent = (ul::bench::processCpuSeconds(sandbox.processId()) - serverCpuBefore) * 1e6
        / double(std::max<qint64>(1, p.eventsConfirmed));
    out(QStringLiteral("ImportJob + Outbox (batch %1, %2 in flight) into backfill %3: %4 of %5 events confirmed, %6 bad rows, in %7 s: "
                       "%8 events/s; peak RSS %9 MiB (%10 MiB before the import); CPU %11 us/event (the sandbox's: %12)")
            .arg(outboxSettings.batchSize)
            .arg(outboxSettings.maxInFlight)
            .arg(*backfill, thousands(double(p.eventsConfirmed)), thousands(double(count)))
            .arg(p.badRows)
            .arg(seconds, 0, 'f', 1)
            .arg(thousands(appRate))
            .arg(double(peakKb) / 1024, 0, 'f', 0)
            .arg(double(rssBefore) / 1024, 0, 'f', 0)
            .arg(cpuPerEvent, 0, 'f', 1)
            .arg(serverCpuPerEvent, 0, 'f', 1));
    if (job.state() != ul::ImportJob::State::Finished)
        out(QStringLiteral("the import did not finish: %1").arg(job.errorString()));

    if (!parser.isSet(noSdk)) {
        // The first backfill must stop being pending before another may cover the same hours.
        auto closed = await<ul::Backfill>([&](auto done) { backfills.closeBackfill(*backfill, &app, done); });
        auto second = closed ? newBackfill(backfills, &app, start, end) : ul::Expected<QString, QString>(ul::Unexpected{closed.error()});
        if (!second) {
            out(QStringLiteral("Orb SDK: skipped, no second backfill: %1").arg(second.error()));
        } else {
            ul::bench::SdkRun run;
            run.node = ul::bench::defaultNode();
            run.script = QStringLiteral(USAGELENS_BENCH_IMPORT_SDK_SCRIPT);
            run.baseUrl = base->toString();
            run.token = Token;
            run.arguments = {QStringLiteral("--file"), path, QStringLiteral("--batch"), QStringLiteral("500"),
                             QStringLiteral("--backfill"), *second, QStringLiteral("--key-suffix"), QStringLiteral("-sdk")};
            const double sdkServerCpuBefore = ul::bench::processCpuSeconds(sandbox.processId());
            const ul::bench::SdkOutcome sdk = ul::bench::runSdk(run);
            const double sdkServerCpu = ul::bench::processCpuSeconds(sandbox.processId()) - sdkServerCpuBefore;
            if (!sdk.ok) {
                out(QStringLiteral("Orb SDK: failed: %1").arg(sdk.error));
            } else {
                const double sdkRate = sdk.figures.value(QLatin1StringView("eventsPerSecond")).toDouble();
                out(QStringLiteral("Orb TypeScript SDK %1 (batches of 500, one at a time) into backfill %2: %3 events in %4 s: "
                                   "%5 events/s; peak RSS %6 MiB; the sandbox's CPU %7 us/event")
                        .arg(sdk.figures.value(QLatin1StringView("sdkVersion")).toString(), *second,
                             thousands(sdk.figures.value(QLatin1StringView("events")).toDouble()))
                        .arg(sdk.figures.value(QLatin1StringView("seconds")).toDouble(), 0, 'f', 1)
                        .arg(thousands(sdkRate))
                        .arg(sdk.figures.value(QLatin1StringView("peakRssMb")).toDouble(), 0, 'f', 0)
                        .arg(sdkServerCpu * 1e6 / std::max(1.0, sdk.figures.value(QLatin1StringView("events")).toDouble()), 0, 'f', 1));
                if (sdkRate > 0)
                    out(QStringLiteral("ratio ImportJob / SDK: %1x").arg(appRate / sdkRate, 0, 'f', 2));
            }
        }
    }
    (*outbox)->close(ul::Outbox::CloseMode::Persist);
    sandbox.terminate();
    if (!sandbox.waitForFinished(10'000))
        sandbox.kill();
    return job.state() == ul::ImportJob::State::Finished ? 0 : 1;
}
