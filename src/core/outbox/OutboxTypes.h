#pragma once

#include "model/Event.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>

#include <chrono>
#include <optional>

namespace ul {

/// How an outbox behaves; the defaults suit the app. Tests shorten the delays.
struct OutboxSettings {
    /// Events that may wait unanswered (queued, open or in flight; an amendment is one event).
    /// Enqueuing beyond it is refused with OutboxError::Kind::Full: back-pressure, never a drop.
    qint64 capacity = 100'000;
    /// Events per `POST /ingest` request (Orb accepts at most 500).
    int batchSize = 500;
    /// An ingest batch that is not full is sent this long after it was opened.
    std::chrono::milliseconds flushInterval{1000};
    /// Requests in flight at once, over all destinations.
    int maxInFlight = 4;
    /// Requests started per second, over all destinations; 0: no limit.
    double maxRequestsPerSecond = 0;
    /// The outbox's own backoff for an operation whose request failed transiently (after
    /// OrbClient's retries): doubles from `retryInitialDelay` up to `retryMaxDelay`, with jitter.
    std::chrono::milliseconds retryInitialDelay{1000};
    std::chrono::milliseconds retryMaxDelay{60'000};
    /// The `progress` signal comes at most this often.
    std::chrono::milliseconds progressInterval{250};
};

enum class OperationKind {
    Amend,     ///< PUT /events/{id}
    Deprecate, ///< PUT /events/{id}/deprecate
    Ingest,    ///< POST /ingest[?backfill_id=…], events coalesced into batches
    Request,   ///< any other write (backfill close/revert, …), given as method, path, query and body
};

QLatin1StringView operationKindName(OperationKind kind);

/// Where an operation stands.
enum class OperationState {
    Open,     ///< An ingest batch still taking events; not sent yet.
    Queued,   ///< Waiting to be sent (or sent again: after a crash, a transient failure or a pause).
    InFlight, ///< A request is out.
    Failed,   ///< The server refused it for good; kept until retried or cancelled.
};

/// Options shared by every enqueue call.
struct CorrectionOptions {
    QString reason;  ///< The analyst's reason, written to the journal.
    QString groupId; ///< Groups the operations of one bulk action (the journal's operation id).
};

struct AmendItem {
    Event before; ///< The event as the server has it now (the journal keeps it for undo).
    Event after;  ///< The amended event; same id, timestamp and customer.
};

struct IngestEnqueueOptions {
    std::optional<QString> backfillId;
    QString groupId;
    QString reason;
    /// The journal action; empty: `backfill_import` with a backfill id, else `ingest`.
    QString action;
    /// Stored with the events in the same transaction, so an importer that restarts knows
    /// exactly how far it had queued (e.g. the file offset after these rows). See groupCursor().
    std::optional<QByteArray> groupCursor;
};

/// Any other write, e.g. closing a backfill. POSTs carry the operation's id as Idempotency-Key.
struct OutboxRequest {
    QString action;       ///< The journal action, e.g. JournalAction::BackfillClose.
    QByteArray method = "POST";
    QString path;         ///< Relative to the base URL, e.g. `events/backfills/ID/close`.
    QUrlQuery query;
    QByteArray body;
    QStringList eventIds;
    QByteArray beforeJson;
    QByteArray afterJson;
    bool final = false;   ///< Cannot be undone (e.g. a revert).
    /// Operations with the same key run in the order they were queued. Ingest batches into a
    /// backfill use Outbox::backfillOrderingKey(id), so a close queued after them waits for them.
    QString orderingKey;
};

/// What an accepted operation is called.
struct OperationTicket {
    qint64 id = 0;        ///< The outbox's handle, for retryFailed()/cancel().
    qint64 journalId = 0; ///< 0 for an ingest batch that is still open (it gets one when sealed).
    QString key;          ///< The operation's id on the wire (its Idempotency-Key).
};

struct IngestReceipt {
    qint64 events = 0;             ///< Events accepted (all of them).
    QList<qint64> operations;      ///< The batches they went into (full ones are sealed at once).
};

struct OutboxError {
    enum class Kind {
        Full,                ///< Not enough room: wait (whenRoom/roomAvailable) and enqueue again.
        Closed,              ///< close() was called.
        UnknownDestination,  ///< attachDestination() was not called for it.
        Invalid,             ///< The operation is malformed (e.g. an event without an id).
        NotFound,            ///< No such operation (retryFailed/cancel).
        Storage,             ///< SQLite refused a write; nothing was queued.
    };
    Kind kind = Kind::Invalid;
    QString message;
    qint64 room = 0; ///< For Full: how many events fit now.
};

/// The final answer for one operation (signal Outbox::operationFinished).
struct OperationResult {
    qint64 id = 0;
    qint64 journalId = 0;
    QString destination;
    QString groupId;
    OperationKind kind = OperationKind::Amend;
    QStringList eventIds; ///< For amend/deprecate/request; ingest batches: see the journal entry.
    qint64 eventCount = 0;
    bool succeeded = false;
    int httpStatus = 0;
    QString message;      ///< Why it failed, for the analyst.
    int attempts = 0;     ///< Requests the outbox started for it (each may include OrbClient retries).
};

/// One row of Outbox::operations(), for per-row views and "finish what is queued?" at start.
struct OperationInfo {
    qint64 id = 0;
    QString key;
    QString destination;
    OperationKind kind = OperationKind::Amend;
    QString action;
    OperationState state = OperationState::Queued;
    QString groupId;
    std::optional<QString> backfillId;
    QStringList eventIds;  ///< Amend/deprecate/request only.
    qint64 eventCount = 0;
    int attempts = 0;
    int lastStatus = 0;
    QString lastError;
    qint64 journalId = 0;
    qint64 createdMs = 0;
};

struct OperationFilter {
    QString destination;
    QString groupId;
    std::optional<OperationState> state;
    qsizetype limit = -1;
};

struct OutboxProgress {
    qint64 doneOperations = 0;   ///< Answered 2xx since the outbox was opened.
    qint64 doneEvents = 0;
    qint64 failedOperations = 0; ///< Refused for good and kept for retry/cancel (all sessions).
    qint64 failedEvents = 0;
    qint64 remainingOperations = 0; ///< Open, queued or in flight.
    qint64 remainingEvents = 0;
    int inFlight = 0;
    double eventsPerSecond = 0;  ///< Events answered 2xx per second over the last seconds.
    QStringList pausedDestinations;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::OperationResult)
Q_DECLARE_METATYPE(ul::OutboxProgress)
