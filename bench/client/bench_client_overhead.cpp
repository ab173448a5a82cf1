// bench_client_overhead: the client's own cost. The app's OrbClient and the official Orb
// TypeScript SDK (bench/sdk-ingest.mjs) send the same batches, and run the same 500-id searches,
// against an InstantServer that answers with canned bytes and does no work, so the figures are
// the clients' (serialization, HTTP, answer decoding), not a server's. Prints events/s and
// searches/s for both and the ratios. Target (docs/performance.md): OrbClient ≥ 2× the SDK.
//
//   bench_client_overhead [--events N] [--batch N] [--searches N] [--no-sdk]
//
// Benchmarks print figures; they never assert (bench/run.sh runs this in the release build).
#include "BenchSupport.h"
#include "InstantServer.h"
#include "api/OrbClient.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>

#include <functional>

using namespace ul;
using namespace ul::bench;

namespace {

const QStringList &customerIds()
{
    static const QStringList ids = [] {
        QStringList list;
        for (int i = 0; i < 20; ++i)
            list << QStringLiteral("cus_bench%1").arg(i, 4, 10, QLatin1Char('0'));
        return list;
    }();
    return ids;
}
const QStringList &externalIds()
{
    static const QStringList ids{QStringLiteral("bench-ext-1"), QStringLiteral("bench-ext-2"), QStringLiteral("bench-ext-3")};
    return ids;
}

struct ClientFigures {
    double seconds = 0;
    double clientCpu = 0; ///< CPU of this (the client's) thread
    double serverCpu = 0;
    int failures = 0;
    QString firstFailure;
};

ClientFigures ingestWithOrbClient(OrbClient &client, InstantServer &server, const QList<QList<Event>> &batches, int concurrency)
{
    ClientFigures figures;
    QEventLoop loop;
    QObject context;
    qsizetype next = 0;
    int inFlight = 0;
    std::function<void()> sendNext = [&] {
        if (next >= batches.size()) {
            if (inFlight == 0)
                loop.quit();
            return;
        }
        ++inFlight;
        client.ingest(batches.at(next++), {}, &context, [&](Expected<IngestResult, RequestError> result) {
            --inFlight;
            if (!result && figures.failures++ == 0)
                figures.firstFailure = result.error().detail;
            sendNext();
        });
    };
    const double serverBefore = server.cpuSeconds();
    const double cpuBefore = threadCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < concurrency; ++i)
        sendNext();
    if (inFlight > 0)
        loop.exec();
    figures.seconds = double(timer.nsecsElapsed()) / 1e9;
    figures.clientCpu = threadCpuSeconds() - cpuBefore;
    figures.serverCpu = server.cpuSeconds() - serverBefore;
    return figures;
}

ClientFigures searchWithOrbClient(OrbClient &client, InstantServer &server, const QStringList &ids, int searches,
                                  QList<double> &latencyMs, qsizetype &decoded)
{
    ClientFigures figures;
    QObject context;
    const double serverBefore = server.cpuSeconds();
    const double cpuBefore = threadCpuSeconds();
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < searches; ++i) {
        QEventLoop loop;
        QElapsedTimer timer;
        timer.start();
        client.searchEvents(SearchQuery{ids, std::nullopt, std::nullopt}, &context, [&](Expected<QList<Event>, RequestError> result) {
            if (result)
                decoded += result->size();
            else if (figures.failures++ == 0)
                figures.firstFailure = result.error().detail;
            loop.quit();
        });
        loop.exec();
        latencyMs << double(timer.nsecsElapsed()) / 1e6;
    }
    figures.seconds = double(total.nsecsElapsed()) / 1e9;
    figures.clientCpu = threadCpuSeconds() - cpuBefore;
    figures.serverCpu = server.cpuSeconds() - serverBefore;
    return figures;
}

QString failureNote(const ClientFigures &f)
{
    return f.failures ? QStringLiteral("  %1 FAILED, first: %2").arg(f.failures).arg(f.firstFailure) : QString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_client_overhead"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OrbClient vs the official Orb SDK against a server that answers at once."));
    parser.addHelpOption();
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Events to send per phase."), QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Events per request."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption searchesOpt(QStringLiteral("searches"), QStringLiteral("500-id searches per client."), QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption noSdkOpt(QStringLiteral("no-sdk"), QStringLiteral("Skip the Orb SDK phases."));
    parser.addOptions({eventsOpt, batchOpt, searchesOpt, noSdkOpt});
    parser.process(app);
    const qint64 events = parser.value(eventsOpt).toLongLong();
    const int batch = parser.value(batchOpt).toInt();
    const int searches = parser.value(searchesOpt).toInt();
    if (events < 1 || batch < 1 || searches < 1) {
        std::fputs("bench_client_overhead: --events, --batch and --searches must be positive\n", stderr);
        return 2;
    }

    // The canned search answer: 500 stored events, as the sandbox writes them.
    const QList<Event> found = benchEvents(500, customerIds(), externalIds());
    JsonWriter searchBody;
    searchBody.beginObject().key("data").beginArray();
    for (const Event &e : found)
        json::writeEvent(searchBody, e);
    searchBody.endArray().endObject();
    QStringList searchIds;
    for (const Event &e : found)
        searchIds << e.id;

    InstantServer server(searchBody.data());
    const QUrl root = server.start();
    if (root.isEmpty()) {
        out(QStringLiteral("cannot start the instant server"));
        return 1;
    }
    const QString baseUrl = root.toString() + QStringLiteral("/v1");

    QList<QList<Event>> batches;
    {
        const QList<Event> all = benchEvents(events, customerIds(), externalIds());
        for (qsizetype start = 0; start < all.size(); start += batch)
            batches << all.mid(start, batch);
    }
    out(QStringLiteral("bench_client_overhead: Qt %1, %2 events in batches of %3 and %4 searches of 500 ids per phase,"
                       " against a server that answers at once (canned bytes, its own thread; search answer %5 KiB)")
            .arg(QString::fromLatin1(qVersion()))
            .arg(thousands(double(events)))
            .arg(batch)
            .arg(searches)
            .arg(searchBody.data().size() / 1024));

    ClientSettings settings;
    settings.baseUrl = QUrl(baseUrl);
    OrbClient client(settings);
    client.setToken(QStringLiteral("bench-token"));

    out(QStringLiteral("app client (ul::OrbClient: encodeIngestBody, QNetworkAccessManager, answer decoded):"));
    double appRate[2] = {0, 0};
    for (int slot = 0; slot < 2; ++slot) {
        const int concurrency = slot == 0 ? 1 : 4;
        const ClientFigures f = ingestWithOrbClient(client, server, batches, concurrency);
        appRate[slot] = double(events) / f.seconds;
        out(QStringLiteral("  ingest, concurrency %1: %2 events/s   (%3 s; client thread CPU %4 us/event; server %5 us/event)%6")
                .arg(concurrency)
                .arg(thousands(appRate[slot]), 10)
                .arg(f.seconds, 0, 'f', 2)
                .arg(f.clientCpu * 1e6 / double(events), 0, 'f', 2)
                .arg(f.serverCpu * 1e6 / double(events), 0, 'f', 2)
                .arg(failureNote(f)));
    }
    QList<double> latency;
    qsizetype decoded = 0;
    const ClientFigures sf = searchWithOrbClient(client, server, searchIds, searches, latency, decoded);
    const double appSearches = double(searches) / sf.seconds;
    out(QStringLiteral("  search 500 ids (500 events answered): %1 searches/s, median %2 ms, p99 %3 ms (client CPU %4 ms per search; %5 events decoded per search)%6")
            .arg(appSearches, 0, 'f', 1)
            .arg(median(latency), 0, 'f', 2)
            .arg(percentile(latency, 99), 0, 'f', 2)
            .arg(sf.clientCpu * 1e3 / searches, 0, 'f', 2)
            .arg(decoded / searches)
            .arg(failureNote(sf)));

    // The same client against a server that leaves Linux's delayed ACK on, as most do: Qt 6.4's
    // QNetworkAccessManager leaves Nagle on (no TCP_NODELAY), node sets TCP_NODELAY.
    {
        InstantServer plain(searchBody.data(), false);
        const QUrl plainRoot = plain.start();
        ClientSettings plainSettings;
        plainSettings.baseUrl = QUrl(plainRoot.toString() + QStringLiteral("/v1"));
        OrbClient plainClient(plainSettings);
        plainClient.setToken(QStringLiteral("bench-token"));
        const QList<QList<Event>> few = batches.mid(0, std::min<qsizetype>(batches.size(), 40));
        qint64 fewEvents = 0;
        for (const QList<Event> &b : few)
            fewEvents += b.size();
        for (const int concurrency : {1, 4}) {
            const ClientFigures f = ingestWithOrbClient(plainClient, plain, few, concurrency);
            out(QStringLiteral("  ingest, concurrency %1, server WITHOUT TCP_QUICKACK (delayed ACK on; %2 events): %3 events/s (%4 ms per request)%5")
                    .arg(concurrency)
                    .arg(thousands(double(fewEvents)))
                    .arg(thousands(double(fewEvents) / f.seconds))
                    .arg(f.seconds * 1e3 / double(few.size()) * concurrency, 0, 'f', 1)
                    .arg(failureNote(f)));
        }
    }

    if (parser.isSet(noSdkOpt))
        return 0;
    const QString script = defaultSdkScript();
    out(QStringLiteral("official Orb TypeScript SDK (bench/sdk-ingest.mjs, node %1), same server, same batches:").arg(defaultNode()));
    QTemporaryDir scratch;
    const QString idsFile = scratch.filePath(QStringLiteral("search-ids.txt"));
    {
        QFile file(idsFile);
        if (file.open(QIODevice::WriteOnly))
            file.write(searchIds.join(u'\n').toUtf8());
    }
    double sdk[2] = {0, 0};
    for (int slot = 0; slot < 2; ++slot) {
        const int concurrency = slot == 0 ? 1 : 4;
        const double serverBefore = server.cpuSeconds();
        const SdkOutcome r = runSdk({defaultNode(), script, baseUrl, QStringLiteral("bench-token"),
                                     {QStringLiteral("--events"), QString::number(events), QStringLiteral("--batch"), QString::number(batch),
                                      QStringLiteral("--concurrency"), QString::number(concurrency), QStringLiteral("--customers"),
                                      customerIds().join(u','), QStringLiteral("--external"), externalIds().join(u',')}});
        if (!r.ok) {
            out(QStringLiteral("  ingest, concurrency %1: FAILED: %2").arg(concurrency).arg(r.error));
            continue;
        }
        sdk[slot] = r.figures.value(QLatin1StringView("eventsPerSecond")).toDouble();
        out(QStringLiteral("  orb-billing %1, ingest, concurrency %2: %3 events/s   (%4 s; server %5 us/event)")
                .arg(r.figures.value(QLatin1StringView("sdkVersion")).toString())
                .arg(concurrency)
                .arg(thousands(sdk[slot]), 10)
                .arg(r.figures.value(QLatin1StringView("seconds")).toDouble(), 0, 'f', 2)
                .arg((server.cpuSeconds() - serverBefore) * 1e6 / double(events), 0, 'f', 2));
    }
    double sdkSearches = 0;
    const SdkOutcome s = runSdk({defaultNode(), script, baseUrl, QStringLiteral("bench-token"),
                                 {QStringLiteral("--events"), QStringLiteral("0"), QStringLiteral("--searches"), QString::number(searches),
                                  QStringLiteral("--search-ids-file"), idsFile}});
    if (s.ok) {
        sdkSearches = s.figures.value(QLatin1StringView("searchesPerSecond")).toDouble();
        out(QStringLiteral("  search 500 ids (500 events answered): %1 searches/s, median %2 ms, p99 %3 ms")
                .arg(sdkSearches, 0, 'f', 1)
                .arg(s.figures.value(QLatin1StringView("searchMedianMs")).toDouble(), 0, 'f', 2)
                .arg(s.figures.value(QLatin1StringView("searchP99Ms")).toDouble(), 0, 'f', 2));
    } else {
        out(QStringLiteral("  search: FAILED: %1").arg(s.error));
    }
    out(QStringLiteral("client overhead, app client / SDK (target >= 2x):"));
    if (sdk[0] > 0)
        out(QStringLiteral("  ingest, sequential:   %1x").arg(appRate[0] / sdk[0], 0, 'f', 2));
    if (sdk[1] > 0)
        out(QStringLiteral("  ingest, 4 concurrent: %1x").arg(appRate[1] / sdk[1], 0, 'f', 2));
    if (sdkSearches > 0)
        out(QStringLiteral("  search 500 ids:       %1x").arg(appSearches / sdkSearches, 0, 'f', 2));
    return 0;
}
