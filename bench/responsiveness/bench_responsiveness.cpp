// bench_responsiveness: the longest GUI-thread stall while a bulk import goes through the
// Outbox and 500-id searches run, with the real MainWindow shown (offscreen).
//
//   bench_responsiveness [--events N]
//
// Set-up as in the app: the sandbox on a thread of its own (file database), the MainWindow
// connected to it with a local workspace (fetched events are stored in it), an Outbox and a
// Journal on the GUI thread sending with their own OrbClient. The load is the app's own import:
// an ImportJob reads a JSONL file of N events (random UUIDv4 keys, written before the clock
// starts) on its worker thread, checks every row and queues the good ones through the Outbox
// with back-pressure, as the backfill wizard's import does. Once the first events are answered,
// the Events view looks up 500 of them (ids box, Run) again and again until the import is done.
// A QTimer on the GUI thread ticks every 5 ms and records the gap between ticks: a gap is how
// long the window could not react. Prints p50/p99/max of the gaps, idle (before) and under load,
// in ms. Target (docs/performance.md): longest stall < 50 ms. Benchmarks print figures; they
// never assert.
#include "BenchSupport.h"
#include "FirstExposureWatcher.h"
#include "MainWindow.h"
#include "SandboxHost.h"
#include "SandboxOptions.h"
#include "ServerConnection.h"
#include "events/EventsView.h"
#include "import/ImportJob.h"
#include "json/EventCodec.h"
#include "journal/Journal.h"
#include "outbox/Outbox.h"
#include "workspace/WorkspaceService.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUuid>
#include <QtWidgets/QApplication>

#include <functional>

using namespace ul;
using namespace ul::bench;

namespace {

/// Records the gaps between the ticks of a 5 ms timer on the GUI thread.
class StallMonitor : public QObject {
public:
    explicit StallMonitor(QObject *parent = nullptr) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gapsMs << double(now - m_last) / 1e6;
            if (m_searching)
                m_searchGapsMs << double(now - m_last) / 1e6;
            m_last = now;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_searchGapsMs.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void setSearching(bool searching) { m_searching = searching; }
    [[nodiscard]] const QList<double> &gaps() const { return m_gapsMs; }
    [[nodiscard]] const QList<double> &searchGaps() const { return m_searchGapsMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    bool m_searching = false;
    QList<double> m_gapsMs, m_searchGapsMs;
};

QString gapLine(const QString &label, const QList<double> &gaps)
{
    return QStringLiteral("  %1 p50 %2 ms   p99 %3 ms   max %4 ms   (%5 ticks of 5 ms)")
        .arg(label, -42)
        .arg(percentile(gaps, 50), 6, 'f', 1)
        .arg(percentile(gaps, 99), 6, 'f', 1)
        .arg(gaps.isEmpty() ? 0.0 : *std::max_element(gaps.begin(), gaps.end()), 6, 'f', 1)
        .arg(gaps.size());
}

void waitFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir scratch;
    // The window's own settings (geometry, columns) go to the scratch folder, not the user's.
    qputenv("XDG_CONFIG_HOME", scratch.filePath(QStringLiteral("config")).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UsageLensBench"));
    QApplication::setApplicationName(QStringLiteral("bench_responsiveness"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Longest GUI-thread stall during a bulk ingest and searches."));
    parser.addHelpOption();
    const QCommandLineOption eventsOpt(QStringLiteral("events"), QStringLiteral("Events to import through the outbox."), QStringLiteral("N"), QStringLiteral("200000"));
    parser.addOptions({eventsOpt});
    parser.process(app);
    const qint64 total = std::max<qint64>(1, parser.value(eventsOpt).toLongLong());

    sandbox::SandboxOptions options;
    options.port = 0;
    options.databasePath = scratch.filePath(QStringLiteral("sandbox.sqlite"));
    options.token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sandbox::SandboxHost host;
    const auto root = host.startAndWait(options);
    if (!root) {
        out(QStringLiteral("cannot start the sandbox: %1").arg(root.error()));
        return 1;
    }

    workspace::WorkspaceService workspace;
    workspace.open(scratch.filePath(QStringLiteral("workspace.sqlite")));
    gui::MainWindow window;
    window.attachWorkspace(workspace);
    window.connectTo(gui::ServerConnection{*root, options.token});
    window.show();
    {
        QEventLoop exposed;
        gui::FirstExposureWatcher::watch(window, [&exposed] { exposed.quit(); });
        exposed.exec();
    }

    auto journal = Journal::open(scratch.filePath(QStringLiteral("journal.sqlite")));
    auto outbox = Outbox::open(scratch.filePath(QStringLiteral("outbox.sqlite")));
    if (!journal || !outbox) {
        out(QStringLiteral("cannot open the outbox or journal: %1").arg(!journal ? journal.error() : outbox.error()));
        return 1;
    }
    ClientSettings clientSettings;
    clientSettings.baseUrl = QUrl(root->toString() + QStringLiteral("/v1"));
    OrbClient sender(clientSettings);
    sender.setToken(options.token);
    const QString destination = QStringLiteral("bench");
    if (auto attached = (*outbox)->attachDestination(destination, &sender, journal->get()); !attached) {
        out(QStringLiteral("cannot attach the outbox: %1").arg(attached.error()));
        return 1;
    }

    // The import file: recent events (plain ingest takes them), one Orb ingest event per line.
    const QStringList externals{QStringLiteral("bench-ext-1"), QStringLiteral("bench-ext-2"), QStringLiteral("bench-ext-3")};
    const QString file = scratch.filePath(QStringLiteral("import.jsonl"));
    QStringList searchIds; // 500 ids spread over the first 5,000 rows: stored when the first search starts
    constexpr qint64 SearchSpan = 5000;
    {
        const QList<Event> events = benchEvents(total, {}, externals);
        QFile writer(file);
        if (!writer.open(QIODevice::WriteOnly)) {
            out(QStringLiteral("cannot write %1").arg(file));
            return 1;
        }
        for (qsizetype i = 0; i < events.size(); ++i) {
            writer.write(json::encodeIngestItems(std::span<const Event>(events.constData() + i, 1)));
            writer.write("\n");
            if (i < SearchSpan && i % std::max<qsizetype>(1, std::min<qsizetype>(SearchSpan, events.size()) / 500) == 0
                && searchIds.size() < 500)
                searchIds << events.at(i).id;
        }
    }

    out(QStringLiteral("bench_responsiveness: Qt %1, %2, MainWindow shown; an ImportJob imports %3 JSONL events through the Outbox"
                       " (batches of %4, %5 in flight); 500-id searches in the Events view meanwhile")
            .arg(QString::fromLatin1(qVersion()), QGuiApplication::platformName())
            .arg(thousands(double(total)))
            .arg((*outbox)->settings().batchSize)
            .arg((*outbox)->settings().maxInFlight));

    StallMonitor monitor;
    monitor.start();
    waitFor(1000);
    monitor.stop();
    out(QStringLiteral("GUI-thread gaps between 5 ms ticks:"));
    out(gapLine(QStringLiteral("idle, 1 s (the floor):"), monitor.gaps()));

    // The load: the import; searches start once its first 5,000 events are answered.
    gui::EventsView &view = window.eventsView();
    view.setTimeframe(gui::EventsView::Timeframe::AllTime);
    view.setIdsText(searchIds.join(u'\n'));
    QList<double> searchMs;
    qsizetype found = 0;
    QElapsedTimer searchClock;
    bool ingestDone = false;
    bool searching = false;
    QEventLoop loop;
    auto startSearch = [&] {
        searching = true;
        monitor.setSearching(true);
        searchClock.start();
        view.run();
    };
    QObject::connect(&view, &gui::EventsView::lookupFinished, &loop, [&](const EventLookupResult &result) {
        searchMs << double(searchClock.nsecsElapsed()) / 1e6;
        found += result.found.size();
        searching = false;
        monitor.setSearching(false);
        if (ingestDone)
            loop.quit();
        else
            QTimer::singleShot(100, &loop, startSearch); // the analyst runs it again
    });
    ImportJobConfig config;
    config.path = file;
    config.destination = destination;
    config.groupId = QStringLiteral("bench-responsiveness");
    config.reason = QStringLiteral("benchmark");
    ImportJob job(outbox->get(), config);
    QObject::connect(&job, &ImportJob::progressChanged, &loop, [&](const ImportProgress &progress) {
        if (searchMs.isEmpty() && !searching && progress.eventsConfirmed >= std::min<qint64>(SearchSpan, total))
            startSearch();
    });
    QString importError;
    QObject::connect(&job, &ImportJob::finished, &loop, [&](ImportJob::State state) {
        if (state != ImportJob::State::Finished)
            importError = job.errorString().isEmpty() ? QStringLiteral("stopped early") : job.errorString();
        ingestDone = true;
        if (!searching)
            loop.quit();
    });
    QElapsedTimer wall;
    wall.start();
    monitor.start();
    job.start();
    loop.exec();
    monitor.stop();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const ImportProgress progress = job.progress();
    out(gapLine(QStringLiteral("bulk import + searches:"), monitor.gaps()));
    out(gapLine(QStringLiteral("  while a search was in flight:"), monitor.searchGaps()));
    out(QStringLiteral("  import through the Outbox: %1 of %2 events confirmed in %3 s = %4 events/s; %5 failed, %6 bad rows%7")
            .arg(thousands(double(progress.eventsConfirmed)), thousands(double(total)))
            .arg(seconds, 0, 'f', 2)
            .arg(thousands(double(progress.eventsConfirmed) / seconds))
            .arg(progress.eventsFailed)
            .arg(progress.badRows)
            .arg(importError.isEmpty() ? QString() : QStringLiteral("; import FAILED: ") + importError));
    out(QStringLiteral("  %1 searches of 500 ids during the ingest: median %2 ms, max %3 ms, %4 events found per search")
            .arg(searchMs.size())
            .arg(median(searchMs), 0, 'f', 1)
            .arg(searchMs.isEmpty() ? 0.0 : *std::max_element(searchMs.begin(), searchMs.end()), 0, 'f', 1)
            .arg(searchMs.isEmpty() ? 0 : found / searchMs.size()));
    out(QStringLiteral("  longest GUI-thread stall: %1 ms (target < 50 ms)")
            .arg(monitor.gaps().isEmpty() ? 0.0 : *std::max_element(monitor.gaps().begin(), monitor.gaps().end()), 0, 'f', 1));
    (*outbox)->close(Outbox::CloseMode::Persist);
    return 0;
}
