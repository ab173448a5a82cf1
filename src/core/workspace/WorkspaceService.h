#pragma once

#include "util/Expected.h"
#include "workspace/WorkspaceTypes.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace ul::workspace {

/// The answer to a query: how many events match, and the first rows.
struct QueryAnswer {
    quint64 generation = 0;
    qint64 count = 0;          ///< matching events
    qint64 total = 0;          ///< events in the workspace
    QStringList propertyKeys;  ///< every key seen, in the order first seen
    QList<WorkspaceRow> firstRows;
    double workerMs = 0;       ///< time the worker spent on it
};

/// Rows `offset` .. `offset + rows.size() - 1` of a query's result.
struct PageAnswer {
    quint64 generation = 0;
    qint64 offset = 0;
    QList<WorkspaceRow> rows;
};

/// Owns a WorkspaceStore on a worker thread, so that the GUI thread never waits on SQLite.
///
/// Writes (store, clear) and reads (query, page) are queued to the worker in the order they are
/// made. Queued stores are written together in one transaction (up to 50,000 events), which is
/// what makes a stream of small fetches cheap to keep.
///
/// Reads go through views: a view is one live result (one model, say). `query()` on a view
/// supersedes its previous query: the worker stops a superseded query where it is, and answers
/// for an old generation are never delivered. `page()` reads rows of the current result by
/// offset. Answers are delivered on the thread of the `context` object, and not at all once
/// `context` is gone.
class WorkspaceService : public QObject {
    Q_OBJECT
public:
    using ViewId = int;
    template <class T>
    using Callback = std::function<void(const Expected<T, QString> &)>;

    explicit WorkspaceService(QObject *parent = nullptr);
    /// Finishes queued stores (other queued work is dropped), then stops the worker.
    ~WorkspaceService() override;

    /// Opens or creates the workspace file (one per connection profile); answers with opened()
    /// or failed(). Requests made before it answers wait for it.
    void open(const QString &path);
    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] QString path() const { return m_path; }

    /// Keeps events in the workspace (upsert by id, the newest fetch wins).
    void store(const QList<Event> &events, const QString &source);
    /// store(events, "search"): connect a search view's eventsFetched(QList<ul::Event>) here.
    void storeFetchedEvents(const QList<Event> &events) { store(events, source::search()); }
    /// Removes every event from the workspace.
    void clear();

    ViewId createView();
    void releaseView(ViewId view);

    /// Runs `query` for `view`, superseding the view's previous query. `done` gets the count
    /// and the first `firstRows` rows. Returns the query's generation, which pages name.
    quint64 query(ViewId view, const WorkspaceQuery &query, int firstRows, QObject *context,
                  Callback<QueryAnswer> done);
    /// Rows [offset, offset + count) of the view's result of `generation`. Dropped when the view
    /// has moved on to another query.
    void page(ViewId view, quint64 generation, qint64 offset, int count, QObject *context, Callback<PageAnswer> done);
    /// Every property key in the workspace.
    void propertyKeys(QObject *context, Callback<QStringList> done);
    /// Calls `done` once every request made before this one has been handled.
    void whenIdle(QObject *context, std::function<void()> done);

Q_SIGNALS:
    void opened(qint64 events);
    void failed(const QString &message);
    /// After queued stores were written (one summary for each transaction).
    void stored(const ul::workspace::StoreSummary &summary);
    void cleared();
    /// The workspace's content changed (stored or cleared): results may differ now.
    void changed();

private:
    struct Worker;
    struct ViewState {
        std::atomic<quint64> generation{0};
        std::atomic<bool> released{false};
    };
    struct PendingStore {
        QList<Event> events;
        QString source;
        Timestamp fetchedAt;
    };

    void post(std::function<void()> task);
    /// Runs `fn` on this object's thread if `context` still exists by then.
    void deliver(const QPointer<QObject> &context, std::function<void()> fn);
    void drainStores(); // worker thread

    QThread *m_thread = nullptr;
    QObject *m_workerObject = nullptr;
    std::unique_ptr<Worker> m_worker; ///< touched on the worker thread only
    QHash<ViewId, std::shared_ptr<ViewState>> m_views;
    ViewId m_nextView = 1;
    bool m_open = false;
    QString m_path;
    std::atomic<bool> m_stopping{false};

    QMutex m_pendingMutex;
    QList<PendingStore> m_pending; ///< guarded by m_pendingMutex
    bool m_drainPosted = false;    ///< guarded by m_pendingMutex
};

} // namespace ul::workspace
