#include "workspace/WorkspaceService.h"

#include "workspace/WorkspaceStore.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QThread>

#include <unordered_map>

namespace ul::workspace {

namespace {

/// Queued stores written in one transaction at most. Each commit writes every index page it
/// touched: into a million-event workspace, 500 events a transaction gave 11 k events/s, 50,000
/// gave 58 k/s.
constexpr qsizetype MaxEventsPerTransaction = 50'000;

QString notOpenMessage()
{
    return QCoreApplication::translate("ul::workspace::WorkspaceService", "The workspace is not open.");
}

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

struct WorkspaceService::Worker {
    struct Snapshot {
        quint64 generation = 0;
        bool ready = false;
        std::vector<qint64> seqs;
    };
    std::unique_ptr<WorkspaceStore> store;
    QString openError;
    std::unordered_map<ViewId, Snapshot> snapshots;
};

WorkspaceService::WorkspaceService(QObject *parent)
    : QObject(parent), m_thread(new QThread), m_workerObject(new QObject), m_worker(std::make_unique<Worker>())
{
    m_thread->setObjectName(QStringLiteral("UsageLens workspace"));
    m_workerObject->moveToThread(m_thread);
    m_thread->start();
}

WorkspaceService::~WorkspaceService()
{
    m_stopping = true; // stops a query under way; queued queries and pages return at once
    // Queued stores still get written: the workspace keeps every event fetched.
    QMetaObject::invokeMethod(m_workerObject, [this] {
        drainStores();
        m_worker->snapshots.clear();
        m_worker->store.reset();
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_workerObject;
    delete m_thread;
}

void WorkspaceService::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_workerObject, std::move(task), Qt::QueuedConnection);
}

void WorkspaceService::deliver(const QPointer<QObject> &context, std::function<void()> fn)
{
    // Always through this object (which outlives the worker thread), never straight to `context`,
    // which the GUI thread may be deleting while the worker posts.
    QMetaObject::invokeMethod(this, [context, fn = std::move(fn)] {
        if (context)
            fn();
    }, Qt::QueuedConnection);
}

void WorkspaceService::open(const QString &path)
{
    m_path = path;
    post([this, path] {
        m_worker->snapshots.clear();
        m_worker->store.reset();
        auto store = WorkspaceStore::open(path);
        if (!store) {
            m_worker->openError = store.error();
            QMetaObject::invokeMethod(this, [this, error = store.error()] {
                m_open = false;
                Q_EMIT failed(tr("Cannot open the local workspace: %1").arg(error));
            }, Qt::QueuedConnection);
            return;
        }
        m_worker->openError.clear();
        m_worker->store = std::move(store).value();
        const qint64 total = m_worker->store->totalCount().valueOr(0);
        QMetaObject::invokeMethod(this, [this, total] {
            m_open = true;
            Q_EMIT opened(total);
        }, Qt::QueuedConnection);
    });
}

void WorkspaceService::store(const QList<Event> &events, const QString &source)
{
    if (events.isEmpty())
        return;
    QMutexLocker lock(&m_pendingMutex);
    m_pending.append(PendingStore{events, source, Timestamp::now()});
    if (m_drainPosted)
        return;
    m_drainPosted = true;
    lock.unlock();
    post([this] { drainStores(); });
}

void WorkspaceService::drainStores()
{
    QList<PendingStore> pending;
    {
        QMutexLocker lock(&m_pendingMutex);
        pending.swap(m_pending);
        m_drainPosted = false;
    }
    if (pending.isEmpty())
        return;
    if (!m_worker->store) {
        const QString error = m_worker->openError.isEmpty() ? notOpenMessage() : m_worker->openError;
        QMetaObject::invokeMethod(this, [this, error] {
            Q_EMIT failed(tr("Events could not be kept in the local workspace: %1").arg(error));
        }, Qt::QueuedConnection);
        return;
    }
    // Consecutive stores from the same source become one transaction (up to the limit). The
    // fetch time of the last one stands for the group: they were queued moments apart.
    QList<StoreSummary> summaries;
    QStringList errors;
    qsizetype i = 0;
    while (i < pending.size()) {
        QList<Event> batch = pending[i].events;
        const QString source = pending[i].source;
        Timestamp fetchedAt = pending[i].fetchedAt;
        ++i;
        while (i < pending.size() && pending[i].source == source
               && batch.size() + pending[i].events.size() <= MaxEventsPerTransaction) {
            batch += pending[i].events;
            fetchedAt = pending[i].fetchedAt;
            ++i;
        }
        auto summary = m_worker->store->upsert(batch, source, fetchedAt);
        if (summary)
            summaries << *summary;
        else
            errors << summary.error();
    }
    QMetaObject::invokeMethod(this, [this, summaries, errors] {
        for (const StoreSummary &summary : summaries)
            Q_EMIT stored(summary);
        for (const QString &error : errors)
            Q_EMIT failed(tr("Events could not be kept in the local workspace: %1").arg(error));
        if (!summaries.isEmpty())
            Q_EMIT changed();
    }, Qt::QueuedConnection);
}

void WorkspaceService::clear()
{
    post([this] {
        m_worker->snapshots.clear();
        if (!m_worker->store)
            return;
        auto ok = m_worker->store->clear();
        QMetaObject::invokeMethod(this, [this, ok] {
            if (!ok) {
                Q_EMIT failed(ok.error());
                return;
            }
            Q_EMIT cleared();
            Q_EMIT changed();
        }, Qt::QueuedConnection);
    });
}

WorkspaceService::ViewId WorkspaceService::createView()
{
    const ViewId view = m_nextView++;
    m_views.insert(view, std::make_shared<ViewState>());
    return view;
}

void WorkspaceService::releaseView(ViewId view)
{
    const auto state = m_views.take(view);
    if (!state)
        return;
    state->released = true;
    post([this, view] { m_worker->snapshots.erase(view); });
}

quint64 WorkspaceService::query(ViewId view, const WorkspaceQuery &query, int firstRows, QObject *context,
                                Callback<QueryAnswer> done)
{
    const auto state = m_views.value(view);
    if (!state) {
        deliver(context, [done] { done(Unexpected{QStringLiteral("unknown workspace view")}); });
        return 0;
    }
    const quint64 generation = ++state->generation;
    const QPointer<QObject> ctx(context);
    // Delivered only while the view still wants this generation.
    auto answer = [this, ctx, state, generation, done](Expected<QueryAnswer, QString> result) {
        deliver(ctx, [state, generation, done, result = std::move(result)] {
            if (state->generation.load() == generation && !state->released)
                done(result);
        });
    };
    post([this, view, query, firstRows, state, generation, answer] {
        const std::function<bool()> superseded = [this, state, generation] {
            return m_stopping.load(std::memory_order_relaxed) || state->released.load(std::memory_order_relaxed)
                || state->generation.load(std::memory_order_relaxed) != generation;
        };
        if (superseded())
            return;
        WorkspaceStore *store = m_worker->store.get();
        if (!store) {
            answer(Unexpected{m_worker->openError.isEmpty() ? notOpenMessage() : m_worker->openError});
            return;
        }
        QElapsedTimer timer;
        timer.start();
        Worker::Snapshot &snapshot = m_worker->snapshots[view];
        snapshot = Worker::Snapshot{generation, false, {}}; // frees the previous result

        QueryAnswer result;
        result.generation = generation;
        result.propertyKeys = store->propertyKeys();
        auto total = store->totalCount();
        if (!total) {
            answer(Unexpected{total.error()});
            return;
        }
        result.total = *total;

        // When an index gives the first rows at once, answer with them before building the whole
        // result list: the table fills while the worker goes on to the rest.
        bool answered = false;
        if (WorkspaceStore::canAnswerFirstRowsDirectly(query)) {
            auto count = store->count(query);
            auto rows = count ? store->firstRows(query, firstRows) : Expected<QList<WorkspaceRow>, QString>(Unexpected{count.error()});
            if (!rows) {
                answer(Unexpected{rows.error()});
                return;
            }
            result.count = *count;
            result.firstRows = std::move(rows).value();
            result.workerMs = msSince(timer);
            answer(result);
            answered = true;
        }

        auto seqs = store->select(query, superseded);
        if (!seqs) {
            if (!superseded())
                answer(Unexpected{seqs.error()});
            return;
        }
        snapshot.seqs = std::move(seqs).value();
        snapshot.ready = true;
        if (answered)
            return;
        const size_t first = std::min(snapshot.seqs.size(), static_cast<size_t>(std::max(0, firstRows)));
        auto rows = store->rows(std::span<const qint64>(snapshot.seqs.data(), first));
        if (!rows) {
            answer(Unexpected{rows.error()});
            return;
        }
        result.count = static_cast<qint64>(snapshot.seqs.size());
        result.firstRows = std::move(rows).value();
        result.workerMs = msSince(timer);
        answer(result);
    });
    return generation;
}

void WorkspaceService::page(ViewId view, quint64 generation, qint64 offset, int count, QObject *context,
                            Callback<PageAnswer> done)
{
    const auto state = m_views.value(view);
    if (!state || state->generation.load() != generation)
        return;
    const QPointer<QObject> ctx(context);
    post([this, view, generation, offset, count, state, ctx, done] {
        if (m_stopping || state->released || state->generation.load() != generation)
            return;
        const auto it = m_worker->snapshots.find(view);
        if (it == m_worker->snapshots.end() || it->second.generation != generation || !it->second.ready)
            return; // the query failed or was superseded: nothing to page through
        const std::vector<qint64> &seqs = it->second.seqs;
        const auto size = static_cast<qint64>(seqs.size());
        const qint64 first = std::clamp<qint64>(offset, 0, size);
        const qint64 last = std::clamp<qint64>(first + std::max(0, count), first, size);
        auto rows = m_worker->store->rows(std::span<const qint64>(seqs.data() + first, size_t(last - first)));
        Expected<PageAnswer, QString> result = rows ? Expected<PageAnswer, QString>(PageAnswer{generation, first, std::move(rows).value()})
                                                    : Expected<PageAnswer, QString>(Unexpected{rows.error()});
        deliver(ctx, [state, generation, done, result = std::move(result)] {
            if (state->generation.load() == generation && !state->released)
                done(result);
        });
    });
}

void WorkspaceService::propertyKeys(QObject *context, Callback<QStringList> done)
{
    const QPointer<QObject> ctx(context);
    post([this, ctx, done] {
        Expected<QStringList, QString> keys = m_worker->store ? Expected<QStringList, QString>(m_worker->store->propertyKeys())
                                                              : Expected<QStringList, QString>(Unexpected{notOpenMessage()});
        deliver(ctx, [done, keys] { done(keys); });
    });
}

void WorkspaceService::whenIdle(QObject *context, std::function<void()> done)
{
    const QPointer<QObject> ctx(context);
    post([this, ctx, done] { deliver(ctx, done); });
}

} // namespace ul::workspace
