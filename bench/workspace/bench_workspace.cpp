// bench_workspace: the local workspace at 1,000,000 events. Prints figures, asserts nothing.
//
//   bench_workspace [--events N] [--db PATH] [--reuse] [--repeat R]
//
// 1. Writes N events (random UUIDv4 ids, 90 customers, 20 event names, 30 days of timestamps,
//    5 property keys) into a workspace file: most straight into WorkspaceStore in transactions of
//    50,000, the last 10 % through WorkspaceService in batches of 500 (as search fetches arrive;
//    the service groups queued batches into one transaction). Prints events/s for both.
// 2. In a new process (so that its peak memory is its own), opens the file through
//    WorkspaceService + WorkspaceModel + an (offscreen) QTableView, as the app does, and times what
//    the analyst waits for: from the call to the answer in the model and the table repainted. Each
//    figure is the median of R runs. Then times WorkspaceStore alone for the same queries (the
//    worker's share). BENCH_WORKSPACE_TRACE=1 prints the worker/model/paint split of every step.
#include "BenchSupport.h"
#include "workspace/WorkspaceModel.h"
#include "workspace/WorkspaceService.h"
#include "workspace/WorkspaceStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUuid>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace ul;
using namespace ul::workspace;
using ul::gui::WorkspaceModel;
using ul::bench::median;
using ul::bench::statusKb;

namespace {

constexpr qint64 Epoch = 1'714'521'600'000; // 2024-05-01T00:00:00Z
constexpr int Customers = 90;

QList<Event> generate(QRandomGenerator &random, int count)
{
    static const QStringList regions{QStringLiteral("eu"), QStringLiteral("us"), QStringLiteral("apac"),
                                     QStringLiteral("latam"), QStringLiteral("mea")};
    static const QStringList tiers{QStringLiteral("free"), QStringLiteral("pro"), QStringLiteral("enterprise")};
    QList<Event> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        Event e;
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.eventName = QStringLiteral("event_%1").arg(random.bounded(20u));
        const quint32 customer = random.bounded(quint32(Customers));
        e.customerId = QStringLiteral("cus_%1").arg(customer, 4, 10, QLatin1Char('0'));
        e.externalCustomerId = QStringLiteral("ext_%1").arg(customer, 4, 10, QLatin1Char('0'));
        e.timestamp = Timestamp::fromMsecs(Epoch + qint64(random.bounded(30u * 86'400'000u)));
        e.deprecated = random.bounded(50u) == 0;
        e.properties.set(QStringLiteral("region"), regions[int(random.bounded(5u))]);
        e.properties.set(QStringLiteral("ms"), qint64(random.bounded(1000u)));
        e.properties.set(QStringLiteral("cost"), double(random.bounded(100000u)) / 100.0);
        e.properties.set(QStringLiteral("billable"), random.bounded(2u) == 0);
        e.properties.set(QStringLiteral("tier"), tiers[int(random.bounded(3u))]);
        events << e;
    }
    return events;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// Runs the event loop until `done()`; sleeps while nothing happens (a busy loop here would take a
/// core from the worker thread on a 2-core machine).
template <class Predicate>
bool waitFor(Predicate done, int timeoutMs = 120'000)
{
    QElapsedTimer t;
    t.start();
    QTimer tick; // wakes the loop to check the timeout
    tick.start(50);
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

struct Figure {
    QString name;
    double value = 0;
    QString unit;
    QString target;
};

void print(const QList<Figure> &figures)
{
    std::printf("\n%-58s %12s   %s\n", "figure", "measured", "target");
    for (const Figure &f : figures) {
        std::printf("%-58s %9.1f %-3s  %s\n", qPrintable(f.name), f.value, qPrintable(f.unit), qPrintable(f.target));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Events to write (default 1000000)."),
                                    QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Workspace file (default: a temporary one)."),
                                QStringLiteral("path"));
    QCommandLineOption reuseOption(QStringLiteral("reuse"), QStringLiteral("Use the events already in --db; write none."));
    QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs per figure (median; default 5)."),
                                    QStringLiteral("r"), QStringLiteral("5"));
    parser.addOptions({eventsOption, dbOption, reuseOption, repeatOption});
    parser.process(app);
    const int total = parser.value(eventsOption).toInt();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    QTemporaryDir dir;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("workspace.sqlite"));
    QList<Figure> figures;

    if (!parser.isSet(reuseOption)) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        QRandomGenerator random(20240501);
        const int viaService = total / 10;
        const int direct = total - viaService;
        std::printf("writing %d events to %s\n", total, qPrintable(path));
        std::fflush(stdout);
        {
            auto store = WorkspaceStore::open(path);
            if (!store) {
                std::fprintf(stderr, "%s\n", qPrintable(store.error()));
                return 1;
            }
            double writing = 0;
            for (int written = 0; written < direct;) {
                const int n = std::min(50'000, direct - written);
                const QList<Event> batch = generate(random, n);
                QElapsedTimer t;
                t.start();
                auto summary = (*store)->upsert(batch, source::import());
                writing += ms(t);
                if (!summary) {
                    std::fprintf(stderr, "%s\n", qPrintable(summary.error()));
                    return 1;
                }
                written += n;
            }
            figures << Figure{QStringLiteral("write, WorkspaceStore, 50,000 per transaction (%1 events)").arg(direct),
                              direct / (writing / 1000.0) / 1000.0, QStringLiteral("k/s"), QStringLiteral("\"not minutes\"")};
        }
        {
            WorkspaceService service;
            service.open(path);
            QList<QList<Event>> batches;
            for (int written = 0; written < viaService; written += 500)
                batches << generate(random, std::min(500, viaService - written));
            qint64 stored = 0;
            int transactions = 0;
            QObject::connect(&service, &WorkspaceService::stored, [&](const StoreSummary &s) {
                stored += s.total();
                ++transactions;
            });
            QElapsedTimer t;
            t.start();
            for (const QList<Event> &batch : batches) {
                service.store(batch, source::search());
                QCoreApplication::processEvents(); // fetches arrive between event loop turns
            }
            waitFor([&] { return stored >= viaService; });
            std::printf("service: %lld batches of 500 written in %d transactions\n", qlonglong(batches.size()), transactions);
            figures << Figure{QStringLiteral("write, WorkspaceService, batches of 500 (%1 events)").arg(viaService),
                              viaService / (ms(t) / 1000.0) / 1000.0, QStringLiteral("k/s"), QString()};
        }
        std::printf("workspace file: %.0f MB\n", double(QFileInfo(path).size()) / 1e6);
        figures << Figure{QStringLiteral("peak RSS, write phase"), double(statusKb("VmHWM")) / 1024.0, QStringLiteral("MB"), QString()};
        print(figures);
        // The read side in a fresh process, so that its peak memory is its own.
        std::printf("\nreading it back in a new process\n");
        std::fflush(stdout);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--reuse"), QStringLiteral("--db"), path, QStringLiteral("--repeat"), QString::number(repeat)});
        if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit)
            return 1;
        return child.exitCode();
    }

    // The read side, as the app does it.
    WorkspaceService service;
    WorkspaceModel model(&service);
    model.setAutoRefresh(false);
    QTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.resize(1400, 900);
    view.show();
    QCoreApplication::processEvents();

    quint64 answers = 0;
    QObject::connect(&model, &WorkspaceModel::queryFinished, [&answers] { ++answers; });
    QString failure;
    QObject::connect(&model, &WorkspaceModel::queryFailed, [&failure](const QString &m) { failure = m; });
    auto timed = [&](auto &&start) {
        const quint64 before = answers;
        QElapsedTimer t;
        t.start();
        start();
        if (!waitFor([&] { return answers > before || !failure.isEmpty(); })) {
            std::fprintf(stderr, "no answer\n");
            std::exit(1);
        }
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "query failed: %s\n", qPrintable(failure));
            std::exit(1);
        }
        const double answered = ms(t);
        view.viewport()->repaint(); // the first rows painted
        const double painted = ms(t);
        if (qEnvironmentVariableIsSet("BENCH_WORKSPACE_TRACE"))
            std::printf("  trace: worker %.1f ms, answer in the model %.1f ms, painted %.1f ms\n", model.lastWorkerMs(), answered, painted);
        return painted;
    };
    auto idle = [&] {
        bool done = false;
        QObject guard;
        service.whenIdle(&guard, [&done] { done = true; });
        waitFor([&] { return done; });
    };

    double openMs = 0;
    {
        bool opened = false;
        QObject::connect(&service, &WorkspaceService::opened, [&opened] { opened = true; });
        QElapsedTimer t;
        t.start();
        service.open(path);
        waitFor([&] { return opened; });
        openMs = ms(t);
    }
    const double firstRows = timed([&] { model.refresh(); });
    std::printf("opened in %.1f ms: %lld events, %lld property keys; first rows %.1f ms after that\n", openMs,
                model.totalEvents(), qlonglong(model.propertyKeys().size()), firstRows);
    {
        QElapsedTimer t;
        t.start();
        idle();
        std::printf("full result list ready %.1f ms later\n", ms(t));
    }

    WorkspaceQuery none;
    WorkspaceQuery customer;
    customer.customer = QStringLiteral("cus_0042");
    WorkspaceQuery property;
    property.properties = filter::Expression::parse(u"region = 'eu' AND ms > 500").value();
    WorkspaceQuery both = customer;
    both.properties = property.properties;
    WorkspaceQuery external;
    external.customer = QStringLiteral("ext_0007");
    external.eventName = QStringLiteral("event_3");

    QList<double> sortDesc, sortAsc, sortProperty, byCustomer, byExternal, byProperty, byBoth, cleared, scrolled, fullList;
    for (int run = 0; run < repeat; ++run) {
        model.setQuery(none);
        waitFor([&] { return !model.isBusy(); });
        idle();
        sortDesc << timed([&] { model.sort(WorkspaceModel::TimestampColumn, Qt::DescendingOrder); });
        idle();
        sortAsc << timed([&] { model.sort(WorkspaceModel::TimestampColumn, Qt::AscendingOrder); });
        idle();
        {
            // Far down the whole result: the page around row 600,000.
            const int target = std::min<int>(600'000, model.rowCount() - 1);
            QElapsedTimer t;
            t.start();
            view.scrollTo(model.index(target, 0), QAbstractItemView::PositionAtCenter);
            view.viewport()->repaint();
            waitFor([&] { return model.isRowLoaded(target); });
            view.viewport()->repaint();
            scrolled << ms(t);
            view.scrollToTop();
        }
        byCustomer << timed([&] { model.setQuery(customer); });
        idle();
        byExternal << timed([&] { model.setQuery(external); });
        idle();
        byProperty << timed([&] { model.setQuery(property); });
        idle();
        byBoth << timed([&] { model.setQuery(both); });
        idle();
        cleared << timed([&] { model.setQuery(none); });
        {
            QElapsedTimer t;
            t.start();
            idle();
            fullList << ms(t);
        }
        const int msColumn = WorkspaceModel::FirstPropertyColumn + int(model.propertyKeys().indexOf(QStringLiteral("ms")));
        sortProperty << timed([&] { model.sort(msColumn, Qt::AscendingOrder); });
        idle();
        model.sort(WorkspaceModel::TimestampColumn, Qt::AscendingOrder);
        waitFor([&] { return !model.isBusy(); });
        idle();
    }
    const qint64 events = model.totalEvents();
    model.setQuery(customer);
    waitFor([&] { return !model.isBusy(); });
    const qint64 customerRows = model.matchingEvents();
    model.setQuery(property);
    waitFor([&] { return !model.isBusy(); });
    const qint64 propertyRows = model.matchingEvents();

    const QString n = QLocale::c().toString(events);
    figures << Figure{QStringLiteral("open the workspace file (%1 events)").arg(n), openMs, QStringLiteral("ms"), QString()}
            << Figure{QStringLiteral("first rows shown (query after opening)"), firstRows, QStringLiteral("ms"), QStringLiteral("< 100 ms")}
            << Figure{QStringLiteral("sort by timestamp, descending"), median(sortDesc), QStringLiteral("ms"), QStringLiteral("< 1 s")}
            << Figure{QStringLiteral("sort by timestamp, ascending"), median(sortAsc), QStringLiteral("ms"), QStringLiteral("< 1 s")}
            << Figure{QStringLiteral("sort by a property (ms)"), median(sortProperty), QStringLiteral("ms"), QStringLiteral("(< 1 s)")}
            << Figure{QStringLiteral("scroll to row 600,000 (page loaded, painted)"), median(scrolled), QStringLiteral("ms"), QString()}
            << Figure{QStringLiteral("filter customer = cus_0042 (%1 rows)").arg(customerRows), median(byCustomer), QStringLiteral("ms"), QStringLiteral("< 300 ms")}
            << Figure{QStringLiteral("filter external id + event name"), median(byExternal), QStringLiteral("ms"), QStringLiteral("< 300 ms")}
            << Figure{QStringLiteral("filter region = 'eu' AND ms > 500 (%1 rows)").arg(propertyRows), median(byProperty), QStringLiteral("ms"), QStringLiteral("< 300 ms")}
            << Figure{QStringLiteral("filter customer + property expression"), median(byBoth), QStringLiteral("ms"), QStringLiteral("< 300 ms")}
            << Figure{QStringLiteral("clear filter"), median(cleared), QStringLiteral("ms"), QStringLiteral("< 300 ms")}
            << Figure{QStringLiteral("  then the whole result list ready on the worker"), median(fullList), QStringLiteral("ms"), QString()}
            << Figure{QStringLiteral("peak RSS (this process: app-side service, model, table)"),
                      double(statusKb("VmHWM")) / 1024.0, QStringLiteral("MB"), QStringLiteral("< 400 MB")};

    // The worker's share: WorkspaceStore alone, no threads or widgets (median of R runs each).
    QList<Figure> storeFigures;
    {
        auto opened = WorkspaceStore::open(path);
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
            return 1;
        }
        WorkspaceStore &store = **opened;
        WorkspaceQuery byMs;
        byMs.sort = SortColumn::Property;
        byMs.sortProperty = QStringLiteral("ms");
        WorkspaceQuery byCustomerColumn;
        byCustomerColumn.sort = SortColumn::CustomerId;
        WorkspaceQuery byId;
        byId.sort = SortColumn::Id;
        const std::pair<QString, std::function<void()>> steps[] = {
            {QStringLiteral("count, everything"), [&] { store.count(none); }},
            {QStringLiteral("first 100 rows by timestamp (index)"), [&] { store.firstRows(none, 100); }},
            {QStringLiteral("result list, everything by timestamp"), [&] { store.select(none); }},
            {QStringLiteral("result list, customer = cus_0042"), [&] { store.select(customer); }},
            {QStringLiteral("count, region = 'eu' AND ms > 500"), [&] { store.count(property); }},
            {QStringLiteral("result list, region = 'eu' AND ms > 500"), [&] { store.select(property); }},
            {QStringLiteral("result list, everything by customer"), [&] { store.select(byCustomerColumn); }},
            {QStringLiteral("result list, everything by property ms"), [&] { store.select(byMs); }},
            {QStringLiteral("result list, everything by id"), [&] { store.select(byId); }},
            {QStringLiteral("read 100 rows by seq"), [&] {
                 std::vector<qint64> seqs;
                 for (qint64 i = 0; i < 100; ++i)
                     seqs.push_back(1 + (i * 7919) % 900'000);
                 store.rows(seqs);
             }},
        };
        for (const auto &[name, step] : steps) {
            QList<double> times;
            for (int run = 0; run < repeat; ++run) {
                QElapsedTimer t;
                t.start();
                step();
                times << ms(t);
            }
            storeFigures << Figure{QStringLiteral("  store: ") + name, median(times), QStringLiteral("ms"), QString()};
        }
    }
    figures += storeFigures;
    std::printf("\n%d runs per figure (median); times from the call to the answer in the model and the table repainted;\n"
                "\"store:\" lines time WorkspaceStore alone (the worker's share)\n", repeat);
    print(figures);
    return 0;
}
