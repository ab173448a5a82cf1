#pragma once

#include "api/OrbClient.h"
#include "outbox/OutboxTypes.h"
#include "util/Expected.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace ul {

class Journal;
struct JournalAnswer;
struct NewJournalEntry;

namespace detail {
class OutboxStore;
struct StoredOperation;
} // namespace detail

/// The one way UsageLens writes to an Orb-compatible server: LaunchDarkly Relay's event
/// publisher (queues per destination metadata, a capacity, a flush interval, flush(),
/// replaceCredential(), close()) made durable.
///
/// - Every operation lives in SQLite from enqueue until the server has answered it, and gets
///   one id (its Idempotency-Key) that is kept across retries and restarts. Operations left
///   unanswered by a crash are sent again with the same id at the next start.
/// - Each is recorded in the destination's Journal before it is sent and completed with the
///   server's answer (status and body).
/// - A full outbox refuses new work with OutboxError::Kind::Full (whenRoom()/roomAvailable() say
///   when to try again); nothing is ever dropped.
/// - 2xx → done (deleted; the journal keeps the answer). 4xx other than 401/403/408/409/429 →
///   failed for good, kept for retryFailed()/cancel(). Connection errors, timeouts, 408, 409,
///   429 and 5xx → sent again later with backoff, after OrbClient's own retries; never lost.
///   401/403 (and TLS refusals) pause the destination until replaceCredential() or credentialsChanged().
/// - Ingest events are coalesced into batches of up to `batchSize` per (destination, backfill,
///   group); a batch is sealed (its membership and body fixed, its journal entry written) when
///   it is full, when `flushInterval` has passed, on flush() and on close().
/// - Amend/deprecate operations of the same event run one at a time, in the order queued.
///
/// Lives on one thread with the OrbClients given to it (the GUI thread is fine: writes are
/// batched, a commit costs microseconds with WAL and synchronous=NORMAL).
class Outbox : public QObject {
    Q_OBJECT
public:
    enum class CloseMode {
        Drain,   ///< Keep sending until nothing is left (or the timeout), then persist the rest.
        Persist, ///< Stop now: cancel requests in flight; everything stays queued for next time.
    };

    static Expected<std::unique_ptr<Outbox>, QString> open(const QString &path, const OutboxSettings &settings = {},
                                                           QObject *parent = nullptr);
    ~Outbox() override;

    [[nodiscard]] const OutboxSettings &settings() const { return m_settings; }
    /// This outbox's id, written into its journal entries.
    [[nodiscard]] QString instanceId() const;

    /// Sends the operations queued for `destination` (a profile name) with `client`, recording
    /// them in `journal`; reconciles what a crash left half done. Until a destination is
    /// attached its operations wait (see operations() to offer finishing them).
    Expected<Done, QString> attachDestination(const QString &destination, OrbClient *client, Journal *journal);
    [[nodiscard]] bool isAttached(const QString &destination) const { return m_destinations.contains(destination); }

    // ---- enqueue (each is one transaction; journal entries are written first) ----------------
    Expected<QList<OperationTicket>, OutboxError> enqueueAmendments(const QString &destination,
                                                                    const QList<AmendItem> &items,
                                                                    const CorrectionOptions &options = {});
    Expected<OperationTicket, OutboxError> enqueueAmend(const QString &destination, const Event &before,
                                                        const Event &after, const CorrectionOptions &options = {});
    Expected<QList<OperationTicket>, OutboxError> enqueueDeprecations(const QString &destination,
                                                                      const QList<Event> &current,
                                                                      const CorrectionOptions &options = {});
    Expected<OperationTicket, OutboxError> enqueueDeprecate(const QString &destination, const Event &current,
                                                            const CorrectionOptions &options = {});
    /// Re-amends an event to the payload saved before journal entry `entryId` (see Journal::undoPlan).
    Expected<OperationTicket, OutboxError> enqueueUndo(const QString &destination, qint64 entryId,
                                                       const CorrectionOptions &options = {});
    /// Events must have ids (their idempotency keys); they are sent in batches of `batchSize`.
    Expected<IngestReceipt, OutboxError> enqueueIngest(const QString &destination, const QList<Event> &events,
                                                       const IngestEnqueueOptions &options = {});
    Expected<OperationTicket, OutboxError> enqueueRequest(const QString &destination, const OutboxRequest &request,
                                                          const CorrectionOptions &options = {});

    // ---- back-pressure ---------------------------------------------------------------------
    /// Events that can be enqueued now.
    [[nodiscard]] qint64 room() const;
    /// Calls `ready` (on this thread) once `events` fit — at once if they already do. Requests
    /// larger than the capacity are ready when the outbox is empty. Dropped with `context`.
    void whenRoom(qint64 events, const QObject *context, std::function<void()> ready);

    // ---- control ---------------------------------------------------------------------------
    /// Seals open ingest batches and sends everything now, skipping backoff waits.
    void flush();
    /// The token for the next request (and OrbClient retry) of `destination`; resumes a
    /// destination paused by a 401/403.
    void replaceCredential(const QString &destination, const QString &token);
    /// The destination's client already sends a new token (ProfileSession::tokenApplied):
    /// resumes a destination the server's 401 had paused, and sends on.
    void credentialsChanged(const QString &destination);
    /// The analyst's pause (e.g. of an import); requests in flight finish.
    void pause(const QString &destination);
    void resume(const QString &destination);
    [[nodiscard]] bool isPaused(const QString &destination) const;
    /// Queues failed operations again (a new journal entry each, `retry_of` the failed one).
    /// POST operations get a new Idempotency-Key: the server stored its 4xx answer under the old
    /// one. Returns how many were queued.
    Expected<int, OutboxError> retryFailed(const QList<qint64> &ids);
    /// Withdraws queued (not in flight) or failed operations; their journal entries become
    /// cancelled (failed ones keep their failure). Returns how many were withdrawn.
    Expected<int, OutboxError> cancel(const QList<qint64> &ids);
    /// Stops taking work; Drain keeps sending until empty or `timeout`, then persists the rest.
    /// Emits closed() when done (possibly before returning, for Persist).
    void close(CloseMode mode = CloseMode::Drain, std::chrono::milliseconds timeout = std::chrono::seconds(30));
    [[nodiscard]] bool isClosing() const { return m_closing; }
    [[nodiscard]] bool isClosed() const { return m_closed; }

    // ---- inspection ------------------------------------------------------------------------
    [[nodiscard]] OutboxProgress progress() const;
    Expected<QList<OperationInfo>, QString> operations(const OperationFilter &filter = {}) const;
    /// The cursor last stored with IngestEnqueueOptions::groupCursor for this group.
    Expected<std::optional<QByteArray>, QString> groupCursor(const QString &groupId) const;
    Expected<Done, QString> forgetGroupCursor(const QString &groupId);
    /// The groups that have a stored cursor (e.g. imports to continue), oldest first.
    Expected<QStringList, QString> groupsWithCursor() const;

    /// A new id for a bulk action (CorrectionOptions::groupId).
    static QString newGroupId();
    /// The ordering key that makes a backfill action wait for the ingest batches queued before it.
    static QString backfillOrderingKey(const QString &backfillId);

Q_SIGNALS:
    /// One operation got its final answer (2xx, or a permanent refusal).
    void operationFinished(const ul::OperationResult &result);
    void progressChanged(const ul::OutboxProgress &progress);
    /// Room was freed; waiting producers may enqueue again.
    void roomAvailable(qint64 room);
    /// Nothing is left to send (failed operations aside).
    void idle();
    void destinationPaused(const QString &destination, const QString &reason);
    void destinationResumed(const QString &destination);
    /// SQLite refused a write while recording an answer; sending stops (what is unrecorded is
    /// sent again at the next start, which is safe).
    void storageFailed(const QString &message);
    /// close() finished; `remaining` operations stay persisted.
    void closed(qint64 remaining);

private:
    struct Operation;
    struct Destination;
    struct Answer;
    struct RoomWaiter;

    Outbox(std::unique_ptr<detail::OutboxStore> store, const OutboxSettings &settings, QObject *parent);

    Expected<Done, OutboxError> checkCanEnqueue(const QString &destination, qint64 events) const;
    /// Writes journal entries, then the operations, in one transaction each.
    Expected<QList<OperationTicket>, OutboxError> enqueueOperations(const QString &destination,
                                                                    QList<detail::StoredOperation> ops,
                                                                    const QList<QByteArray> &bodies,
                                                                    QList<NewJournalEntry> entries);
    void adopt(const detail::StoredOperation &stored);
    Expected<Done, QString> seal(Operation &op);
    void requestSchedule();
    void schedule();
    void dispatch(Operation &op, Destination &destination);
    void onAnswer(qint64 id, const Expected<RawResponse, RequestError> &result);
    void pauseForAuth(const QString &destination, const QString &reason);
    void recordAnswers();
    void fail(const QString &message);
    void noteProgress();
    void emitProgress();
    void wakeRoomWaiters();
    void finishCloseIfDone();
    void finishClose();
    [[nodiscard]] std::chrono::milliseconds backoff(int attempts) const;
    [[nodiscard]] QString queueKey(const QString &destination, const std::optional<QString> &backfillId,
                                   const QString &groupId) const;

    std::unique_ptr<detail::OutboxStore> m_store;
    OutboxSettings m_settings;
    std::map<qint64, std::unique_ptr<Operation>> m_ops; ///< Open, queued and in flight, by id.
    QHash<QString, qint64> m_openBatches;               ///< queueKey → open ingest operation.
    QHash<QString, std::shared_ptr<Destination>> m_destinations;
    QList<Answer> m_answers;                            ///< Answers not yet recorded.
    mutable std::deque<std::pair<qint64, qint64>> m_doneWindow; ///< (ms, events) answered 2xx, for the rate.
    QList<RoomWaiter> m_roomWaiters;

    qint64 m_remainingEvents = 0;
    int m_inFlight = 0;
    qint64 m_doneOperations = 0;
    qint64 m_doneEvents = 0;
    qint64 m_failedOperations = 0;
    qint64 m_failedEvents = 0;
    qint64 m_nextSendMs = 0;
    bool m_scheduleQueued = false;
    bool m_recordQueued = false;
    bool m_progressDirty = false;
    bool m_broken = false;
    bool m_closing = false;
    bool m_closed = false;
    QTimer *m_wakeTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    QTimer *m_closeTimer = nullptr;
};

} // namespace ul
