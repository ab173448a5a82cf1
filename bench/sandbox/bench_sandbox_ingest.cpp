// bench_sandbox_ingest: how fast the sandbox ingests, searches and seeds, and how the app's way of
// sending (QNetworkAccessManager with bodies serialized by ul::json::encodeIngestBody) compares with
// the official Orb TypeScript SDK sending the same events to the same kind of sandbox.
//
// Every ingest phase gets a fresh sandbox (SandboxHost: its own thread, a file database in WAL mode
// in a temporary directory, a random token, port 0) and N events (default 1,000,000) with random
// UUIDv4 idempotency keys in batches of 500, timestamps spread over the last hour. The 500-id
// searches then run on the last app-client sandbox (N events stored), first from the app's side,
// then from the SDK's (bench/sdk-ingest.mjs --searches), against the same server in the same run. Printed per phase: events/s (wall
// clock) and the sandbox thread's CPU time per event, which is what bounds the server on 2 cores.
// Benchmarks print figures; they never assert (bench/run.sh runs this in the release build).
#include "BenchSupport.h"
#include "DemoData.h"
#include "SandboxHost.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"
#include "store/SandboxStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QEventLoop>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUuid>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace ul;
using namespace ul::bench;
using namespace ul::sandbox;

namespace {

constexpr int CustomerCount = 20;

struct HttpResult {
    int status = 0;
    QByteArray body;
    QString error;
};

/// One request, waited for in a local event loop (setup and search only; ingest pipelines).
HttpResult blockingRequest(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const QString &token,
                           const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8());
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), {}};
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.error = reply->errorString();
    reply->deleteLater();
    return result;
}

/// A fresh sandbox on its own thread, with a file database and a few customers.
class BenchSandbox {
public:
    static std::unique_ptr<BenchSandbox> start(QNetworkAccessManager &nam, QString &error)
    {
        auto sandbox = std::unique_ptr<BenchSandbox>(new BenchSandbox);
        if (!sandbox->m_dir.isValid()) {
            error = QStringLiteral("cannot create a temporary directory");
            return nullptr;
        }
        SandboxOptions options;
        options.port = 0;
        options.databasePath = sandbox->m_dir.filePath(QStringLiteral("bench.db"));
        options.token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        sandbox->m_token = options.token;
        auto url = sandbox->m_host.startAndWait(options);
        if (!url) {
            error = url.error();
            return nullptr;
        }
        sandbox->m_url = *url;
        for (int i = 0; i < CustomerCount; ++i) {
            const QString external = QStringLiteral("bench-customer-%1").arg(i);
            JsonWriter body;
            body.beginObject()
                .key("name").value(QStringLiteral("Bench customer %1").arg(i))
                .key("email").value(QStringLiteral("bench%1@bench.example").arg(i))
                .key("external_customer_id").value(external)
                .endObject();
            const HttpResult created = blockingRequest(nam, "POST", sandbox->url(u"/v1/customers"), options.token, body.data());
            if (created.status != 201) {
                error = QStringLiteral("cannot create a customer: HTTP %1 %2").arg(created.status).arg(QString::fromUtf8(created.body));
                return nullptr;
            }
            sandbox->m_customerIds << QJsonDocument::fromJson(created.body).object().value(QLatin1StringView("id")).toString();
            sandbox->m_externalIds << external;
        }
        return sandbox;
    }

    [[nodiscard]] QUrl url(QStringView path) const
    {
        QUrl u = m_url;
        u.setPath(path.toString());
        return u;
    }
    [[nodiscard]] QString rootUrl() const { return m_url.toString(QUrl::StripTrailingSlash); }
    [[nodiscard]] const QString &token() const { return m_token; }
    [[nodiscard]] const QStringList &customerIds() const { return m_customerIds; }
    [[nodiscard]] const QStringList &externalIds() const { return m_externalIds; }

    /// CPU seconds the sandbox thread has used so far.
    double serverCpuSeconds()
    {
        double seconds = 0;
        QMetaObject::invokeMethod(m_host.server(), [] { return threadCpuSeconds(); }, Qt::BlockingQueuedConnection, &seconds);
        return seconds;
    }
    qint64 eventCount()
    {
        qint64 count = 0;
        SandboxServer *server = m_host.server();
        QMetaObject::invokeMethod(server, [server] { return server->store().eventCount(); }, Qt::BlockingQueuedConnection, &count);
        return count;
    }

private:
    BenchSandbox() = default;
    QTemporaryDir m_dir;
    SandboxHost m_host;
    QUrl m_url;
    QString m_token;
    QStringList m_customerIds, m_externalIds;
};

/// The events of one phase, serialized the way the app's sender does it: one body per batch.
struct Workload {
    QList<QByteArray> bodies;
    QStringList ids;
    qint64 events = 0;
    qint64 bytes = 0;
    double encodeSeconds = 0; ///< Time spent in json::encodeIngestBody (not part of any send figure).
};

Workload buildWorkload(qint64 events, int batch, const QStringList &customerIds, const QStringList &externalIds)
{
    Workload w;
    w.events = events;
    w.ids.reserve(events);
    QElapsedTimer timer;
    for (qint64 done = 0; done < events; done += batch) { // one batch at a time: only the bodies stay
        const QList<Event> chunk = benchEvents(std::min<qint64>(batch, events - done), customerIds, externalIds);
        for (const Event &e : chunk)
            w.ids << e.id;
        timer.start();
        w.bodies << json::encodeIngestBody(chunk);
        w.encodeSeconds += double(timer.nsecsElapsed()) / 1e9;
        w.bytes += w.bodies.last().size();
    }
    return w;
}

struct PhaseResult {
    double seconds = 0;
    double serverCpu = 0;
    qint64 stored = 0;
    int failures = 0;
    QString firstFailure;
};

/// Posts every body to /v1/ingest with `concurrency` requests in flight (QNAM opens one
/// connection per request in flight, up to 6 per host).
PhaseResult sendWithQnam(QNetworkAccessManager &nam, BenchSandbox &sandbox, const Workload &w, int concurrency,
                         bool requestKeys)
{
    QNetworkRequest request(sandbox.url(u"/v1/ingest"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + sandbox.token().toUtf8());
    PhaseResult result;
    QEventLoop loop;
    qsizetype next = 0;
    int inFlight = 0;
    std::function<void()> sendNext = [&] {
        if (next >= w.bodies.size()) {
            if (inFlight == 0)
                loop.quit();
            return;
        }
        QNetworkRequest r = request;
        if (requestKeys) // what the official SDKs do on every POST
            r.setRawHeader(QByteArrayLiteral("Idempotency-Key"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        QNetworkReply *reply = nam.post(r, w.bodies.at(next++));
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            --inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status != 200) {
                if (result.failures++ == 0)
                    result.firstFailure = QStringLiteral("HTTP %1 %2 %3").arg(status).arg(reply->errorString(), QString::fromUtf8(body.left(300)));
            }
            reply->deleteLater();
            sendNext();
        });
    };
    const double cpuBefore = sandbox.serverCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < concurrency; ++i)
        sendNext();
    if (inFlight > 0)
        loop.exec();
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.serverCpu = sandbox.serverCpuSeconds() - cpuBefore;
    result.stored = sandbox.eventCount();
    return result;
}

struct SdkResult {
    SdkOutcome outcome;
    double serverCpu = 0;
    qint64 stored = 0;
};

SdkResult sendWithSdk(BenchSandbox &sandbox, const QString &node, const QString &script, const QStringList &arguments)
{
    SdkResult result;
    const double cpuBefore = sandbox.serverCpuSeconds();
    result.outcome = runSdk({node, script, sandbox.rootUrl() + QStringLiteral("/v1"), sandbox.token(),
                             arguments + QStringList{QStringLiteral("--customers"), sandbox.customerIds().join(u','),
                                                     QStringLiteral("--external"), sandbox.externalIds().join(u',')}});
    result.serverCpu = sandbox.serverCpuSeconds() - cpuBefore;
    result.stored = sandbox.eventCount();
    return result;
}

double figure(const SdkOutcome &outcome, const char *name)
{
    return outcome.figures.value(QLatin1StringView(name)).toDouble();
}

QString phaseLine(const QString &label, qint64 events, double seconds, double serverCpu, qint64 stored)
{
    return QStringLiteral("  %1 %2 events/s   (%3 s; sandbox thread CPU %4 us/event = %5 events/s per core; stored %6)")
        .arg(label, -44)
        .arg(thousands(double(events) / seconds), 9)
        .arg(seconds, 0, 'f', 2)
        .arg(serverCpu * 1e6 / double(events), 0, 'f', 2)
        .arg(thousands(double(events) / serverCpu))
        .arg(stored);
}

/// The sandbox's request handling without HTTP: SandboxServer::dispatch on this thread.
void dispatchOnly(qint64 events, int batch)
{
    QTemporaryDir dir;
    SandboxOptions options;
    options.databasePath = dir.filePath(QStringLiteral("dispatch.db"));
    options.token = QStringLiteral("bench");
    auto server = SandboxServer::create(options);
    if (!server) {
        out(QStringLiteral("  in-process dispatch: cannot create the server: %1").arg(server.error()));
        return;
    }
    // Customers through the same dispatch path.
    QStringList ids, externals;
    for (int i = 0; i < CustomerCount; ++i) {
        HttpRequest r;
        r.method = "POST";
        r.segments = {QStringLiteral("v1"), QStringLiteral("customers")};
        r.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer bench")}};
        r.body = "{\"name\":\"c\",\"email\":\"c" + QByteArray::number(i) + "@x.example\",\"external_customer_id\":\"ext-"
            + QByteArray::number(i) + "\"}";
        const HttpResponse created = (*server)->dispatch(r);
        ids << QJsonDocument::fromJson(created.body).object().value(QLatin1StringView("id")).toString();
        externals << QStringLiteral("ext-%1").arg(i);
    }
    const Workload w = buildWorkload(events, batch, ids, externals);
    HttpRequest r;
    r.method = "POST";
    r.segments = {QStringLiteral("v1"), QStringLiteral("ingest")};
    r.headers = {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer bench")}};
    int failures = 0;
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = threadCpuSeconds();
    for (const QByteArray &body : w.bodies) {
        r.body = body;
        if ((*server)->dispatch(r).status != 200)
            ++failures;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = threadCpuSeconds() - cpuBefore;
    out(phaseLine(QStringLiteral("sandbox dispatch() alone, no HTTP:"), events, seconds, cpu, (*server)->store().eventCount())
        + (failures ? QStringLiteral("  %1 FAILED batches").arg(failures) : QString()));
}

double searchLatency(QNetworkAccessManager &nam, BenchSandbox &sandbox, const QStringList &ids, int runs)
{
    QList<double> ms;
    qsizetype found = 0;
    QString failure;
    for (int run = 0; run < runs; ++run) {
        JsonWriter body(500 * 40 + 32);
        body.beginObject().key("event_ids").beginArray();
        for (int k = 0; k < 500; ++k)
            body.value(ids.at(qsizetype(QRandomGenerator::global()->bounded(quint32(ids.size())))));
        body.endArray().endObject();
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = blockingRequest(nam, "POST", sandbox.url(u"/v1/events/search"), sandbox.token(), body.data());
        ms << double(timer.nsecsElapsed()) / 1e6;
        if (r.status != 200) {
            failure = QStringLiteral("HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
            break;
        }
        if (auto events = json::decodeEventList(r.body))
            found += events->size();
    }
    std::sort(ms.begin(), ms.end());
    out(QStringLiteral("  search 500 ids (random among %1 events): median %2 ms, min %3 ms, max %4 ms over %5 searches"
                       " (%6 events returned per search on average)%7")
            .arg(sandbox.eventCount())
            .arg(median(ms), 0, 'f', 2)
            .arg(ms.isEmpty() ? 0.0 : ms.first(), 0, 'f', 2)
            .arg(ms.isEmpty() ? 0.0 : ms.last(), 0, 'f', 2)
            .arg(ms.size())
            .arg(ms.isEmpty() ? 0 : found / ms.size())
            .arg(failure.isEmpty() ? QString() : QStringLiteral("  FAILED: ") + failure));
    return failure.isEmpty() ? median(ms) : 0;
}

/// The SDK's 500-id searches on the same sandbox; the ids come from a sample of `ids` in a file.
void sdkSearchLatency(BenchSandbox &sandbox, const QString &node, const QString &script, const QStringList &ids, int runs,
                      double appMedianMs)
{
    QTemporaryDir scratch;
    const QString idsFile = scratch.filePath(QStringLiteral("ids.txt"));
    QFile file(idsFile);
    if (!file.open(QIODevice::WriteOnly)) {
        out(QStringLiteral("  SDK search: cannot write %1").arg(idsFile));
        return;
    }
    for (int i = 0; i < 50'000; ++i)
        file.write(ids.at(qsizetype(QRandomGenerator::global()->bounded(quint32(ids.size())))).toUtf8() + '\n');
    file.close();
    const SdkResult r = sendWithSdk(sandbox, node, script,
                                    {QStringLiteral("--events"), QStringLiteral("0"), QStringLiteral("--searches"),
                                     QString::number(runs), QStringLiteral("--search-ids-file"), idsFile});
    if (!r.outcome.ok) {
        out(QStringLiteral("  SDK search FAILED: %1").arg(r.outcome.error));
        return;
    }
    const double sdkMedian = figure(r.outcome, "searchMedianMs");
    out(QStringLiteral("  orb-billing %1, search 500 ids (same sandbox, %2 events): median %3 ms, min %4 ms, max %5 ms over %6 searches"
                       " (%7 events returned per search on average)")
            .arg(r.outcome.figures.value(QLatin1StringView("sdkVersion")).toString())
            .arg(r.stored)
            .arg(sdkMedian, 0, 'f', 2)
            .arg(figure(r.outcome, "searchMinMs"), 0, 'f', 2)
            .arg(figure(r.outcome, "searchMaxMs"), 0, 'f', 2)
            .arg(runs)
            .arg(qint64(figure(r.outcome, "eventsPerSearch"))));
    if (appMedianMs > 0 && sdkMedian > 0)
        out(QStringLiteral("  ratio search latency SDK / app client: %1x (above 1: the app client is faster)").arg(sdkMedian / appMedianMs, 0, 'f', 2));
}

void seedTiming(int events, int runs)
{
    QList<double> seconds;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir;
        auto store = SandboxStore::open(dir.filePath(QStringLiteral("demo.db")));
        if (!store) {
            out(QStringLiteral("  demo seed: cannot open the store: %1").arg(store.error()));
            return;
        }
        QElapsedTimer timer;
        timer.start();
        DemoDataSpec spec;
        spec.events = events;
        auto seeded = seedDemoData(**store, spec, Timestamp::now());
        seconds << double(timer.nsecsElapsed()) / 1e9;
        if (!seeded) {
            out(QStringLiteral("  demo seed FAILED: %1").arg(seeded.error()));
            return;
        }
    }
    out(QStringLiteral("  demo seed, %1 events into a fresh file database: median %2 s over %3 runs (%4 events/s)")
            .arg(thousands(events))
            .arg(median(seconds), 0, 'f', 3)
            .arg(seconds.size())
            .arg(thousands(double(events) / median(seconds))));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_sandbox_ingest"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sandbox ingest, search and seeding benchmark; the app client vs the Orb SDK."));
    parser.addHelpOption();
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Events per ingest phase."), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption batchOpt(QStringLiteral("batch"), QStringLiteral("Events per request."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption searchRunsOpt(QStringLiteral("search-runs"), QStringLiteral("Searches to take the median of."), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption seedEventsOpt(QStringLiteral("seed-events"), QStringLiteral("Demo events to seed."), QStringLiteral("N"), QStringLiteral("60000"));
    const QCommandLineOption seedRunsOpt(QStringLiteral("seed-runs"), QStringLiteral("Seeding runs to take the median of."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption nodeOpt(QStringLiteral("node"), QStringLiteral("Node.js executable for the SDK phases."), QStringLiteral("PATH"), defaultNode());
    const QCommandLineOption scriptOpt(QStringLiteral("sdk-script"), QStringLiteral("bench/sdk-ingest.mjs."), QStringLiteral("PATH"), defaultSdkScript());
    const QCommandLineOption noSdkOpt(QStringLiteral("no-sdk"), QStringLiteral("Skip the Orb SDK phases."));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Run only these parts (comma list of ingest, dispatch, sdk, search, seed)."), QStringLiteral("PARTS"));
    const QCommandLineOption keysOpt(QStringLiteral("request-keys"), QStringLiteral("Also send an Idempotency-Key header per request (as the SDKs do) in the app-client phases."));
    parser.addOptions({eventsOpt, batchOpt, searchRunsOpt, seedEventsOpt, seedRunsOpt, nodeOpt, scriptOpt, noSdkOpt, only, keysOpt});
    parser.process(app);
    const qint64 events = parser.value(eventsOpt).toLongLong();
    const int batch = parser.value(batchOpt).toInt();
    if (events < 1 || batch < 1) {
        std::fputs("bench_sandbox_ingest: --events and --batch must be positive\n", stderr);
        return 2;
    }
    const QStringList parts = parser.isSet(only) ? parser.value(only).split(u',')
                                                 : QStringList{QStringLiteral("ingest"), QStringLiteral("dispatch"), QStringLiteral("sdk"),
                                                               QStringLiteral("search"), QStringLiteral("seed")};
    auto wants = [&parts](const char *part) { return parts.contains(QLatin1StringView(part)); };
    const bool requestKeys = parser.isSet(keysOpt);

    out(QStringLiteral("bench_sandbox_ingest: Qt %1, %2 events per phase in batches of %3, random UUIDv4 keys, file database (WAL)")
            .arg(QString::fromLatin1(qVersion()))
            .arg(thousands(double(events)))
            .arg(batch));
    QNetworkAccessManager nam;
    QString error;
    std::unique_ptr<BenchSandbox> lastSandbox;
    QStringList lastIds;
    double app1 = 0, app4 = 0, encodeUs = 0, encodeMBs = 0;

    if (wants("ingest") || wants("search")) {
        out(QStringLiteral("ingest, app client (QNetworkAccessManager, bodies pre-serialized with json::encodeIngestBody%1):")
                .arg(requestKeys ? QStringLiteral(", Idempotency-Key per request") : QString()));
        const QList<int> levels = wants("ingest") ? QList<int>{1, 4} : QList<int>{4};
        for (int concurrency : levels) {
            auto sandbox = BenchSandbox::start(nam, error);
            if (!sandbox) {
                out(QStringLiteral("  cannot start the sandbox: %1").arg(error));
                return 1;
            }
            const Workload w = buildWorkload(events, batch, sandbox->customerIds(), sandbox->externalIds());
            const PhaseResult r = sendWithQnam(nam, *sandbox, w, concurrency, requestKeys);
            const double rate = double(events) / r.seconds;
            (concurrency == 1 ? app1 : app4) = rate;
            out(phaseLine(QStringLiteral("concurrency %1 (%2 KiB per request):").arg(concurrency).arg(w.bytes / w.bodies.size() / 1024),
                          events, r.seconds, r.serverCpu, r.stored)
                + (r.failures ? QStringLiteral("\n  %1 FAILED requests, first: %2").arg(r.failures).arg(r.firstFailure) : QString()));
            lastSandbox = std::move(sandbox);
            lastIds = w.ids;
            encodeUs = w.encodeSeconds * 1e6 / double(w.events);
            encodeMBs = double(w.bytes) / w.encodeSeconds / 1e6;
        }
        out(QStringLiteral("  (building the bodies with json::encodeIngestBody, not timed above: %1 us/event, %2 MB/s)")
                .arg(encodeUs, 0, 'f', 2)
                .arg(encodeMBs, 0, 'f', 0));
    }
    const QString node = parser.value(nodeOpt).isEmpty() ? QStringLiteral("node") : parser.value(nodeOpt);
    const QString script = parser.value(scriptOpt);
    const bool sdkAvailable = !parser.isSet(noSdkOpt) && !script.isEmpty() && QFileInfo::exists(script);
    if (wants("search") && lastSandbox) {
        out(QStringLiteral("search on that data set, app client, then the official Orb SDK:"));
        const int runs = parser.value(searchRunsOpt).toInt();
        const double appMedian = searchLatency(nam, *lastSandbox, lastIds, runs);
        if (sdkAvailable)
            sdkSearchLatency(*lastSandbox, node, script, lastIds, runs, appMedian);
    }
    lastSandbox.reset();
    lastIds.clear();

    if (wants("dispatch")) {
        out(QStringLiteral("sandbox handler cost without HTTP:"));
        dispatchOnly(events, batch);
    }

    if (wants("sdk") && !parser.isSet(noSdkOpt)) {
        out(QStringLiteral("ingest, official Orb TypeScript SDK (client.events.ingest, node %1):").arg(node));
        if (!sdkAvailable) {
            out(QStringLiteral("  skipped: bench/sdk-ingest.mjs not found (pass --sdk-script)"));
        } else {
            double sdk[2] = {0, 0};
            int slot = 0;
            for (int concurrency : {1, 4}) {
                auto sandbox = BenchSandbox::start(nam, error);
                if (!sandbox) {
                    out(QStringLiteral("  cannot start the sandbox: %1").arg(error));
                    return 1;
                }
                const SdkResult r = sendWithSdk(*sandbox, node, script,
                                                {QStringLiteral("--events"), QString::number(events), QStringLiteral("--batch"),
                                                 QString::number(batch), QStringLiteral("--concurrency"), QString::number(concurrency)});
                if (!r.outcome.ok) {
                    out(QStringLiteral("  concurrency %1: FAILED: %2").arg(concurrency).arg(r.outcome.error));
                    ++slot;
                    continue;
                }
                sdk[slot++] = figure(r.outcome, "eventsPerSecond");
                out(phaseLine(QStringLiteral("orb-billing %1, concurrency %2:").arg(r.outcome.figures.value(QLatin1StringView("sdkVersion")).toString()).arg(concurrency),
                              events, figure(r.outcome, "seconds"), r.serverCpu, r.stored));
            }
            if (app1 > 0 && sdk[0] > 0)
                out(QStringLiteral("  ratio app client / SDK, sequential:   %1x").arg(app1 / sdk[0], 0, 'f', 2));
            if (app4 > 0 && sdk[1] > 0)
                out(QStringLiteral("  ratio app client / SDK, 4 concurrent: %1x").arg(app4 / sdk[1], 0, 'f', 2));
        }
    }

    if (wants("seed")) {
        out(QStringLiteral("demo data:"));
        seedTiming(parser.value(seedEventsOpt).toInt(), parser.value(seedRunsOpt).toInt());
    }
    return 0;
}
