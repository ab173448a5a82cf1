#include "outbox/Outbox.h"

#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"
#include "outbox/OutboxStore.h"

#include <QtCore/QDateTime>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSignalBlocker>
#include <QtCore/QTimer>
#include <QtCore/QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ul {

using detail::OutboxStore;
using detail::StoredOperation;

struct Outbox::Operation {
    StoredOperation stored;
    bool inFlight = false;
    bool answered = false; ///< A final answer came and is not recorded yet: neither resend nor cancel it.
    CallHandle call;
};

struct Outbox::Destination {
    QString name;
    QPointer<OrbClient> client;
    QPointer<Journal> journal;
    bool authPaused = false;
    bool userPaused = false;
    QString pauseReason;
    QList<QMetaObject::Connection> connections;
};

struct Outbox::Answer {
    enum class Kind { Succeeded, Failed, Retry };
    qint64 id = 0;
    Kind kind = Kind::Succeeded;
    int status = 0;
    QByteArray body;
    QString message;
};

struct Outbox::RoomWaiter {
    qint64 events = 0;
    QPointer<const QObject> context;
    bool hasContext = false;
    std::function<void()> ready;
};

namespace {

constexpr qint64 NoWake = std::numeric_limits<qint64>::max();
constexpr qint64 RateWindowMs = 5000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A time-ordered id (UUID version 7 layout: 48 bits of milliseconds, then random bits), so
/// that whoever indexes it (the server's Idempotency-Key records) appends instead of scattering.
QString newOperationKey()
{
    std::array<uchar, 16> bytes{};
    const quint64 ms = quint64(nowMs());
    for (int i = 0; i < 6; ++i)
        bytes[size_t(i)] = uchar((ms >> (8 * (5 - i))) & 0xFF);
    QRandomGenerator *random = QRandomGenerator::global();
    for (size_t i = 6; i < bytes.size(); ++i)
        bytes[i] = uchar(random->bounded(256));
    bytes[6] = uchar((bytes[6] & 0x0F) | 0x70);
    bytes[8] = uchar((bytes[8] & 0x3F) | 0x80);
    const QUuid uuid = QUuid::fromRfc4122(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    return QStringLiteral("usagelens-") + uuid.toString(QUuid::WithoutBraces);
}

QByteArray eventJson(const Event &event)
{
    JsonWriter out(256);
    json::writeEvent(out, event);
    return out.take();
}

/// A queued write to one event and its journal entry: the shape amend, deprecate and undo share.
/// Writes to one event go out one at a time, in order (its ordering key, exclusive).
struct EventWrite {
    StoredOperation op;
    NewJournalEntry entry;
};

EventWrite eventWrite(OperationKind kind, QLatin1StringView action, const QString &path, const Event &before,
                      const Event &after, const CorrectionOptions &options)
{
    EventWrite w;
    w.op.kind = kind;
    w.op.orderingKey = QStringLiteral("event:") + after.id;
    w.op.exclusive = true;
    w.op.groupId = options.groupId;
    w.op.action = action;
    w.op.reason = options.reason;
    w.op.eventIds = {after.id};
    w.op.eventCount = 1;
    w.op.method = "PUT";
    w.op.path = path;
    w.entry.action = action;
    w.entry.eventIds = w.op.eventIds;
    w.entry.beforeJson = eventJson(before);
    w.entry.afterJson = eventJson(after);
    w.entry.reason = options.reason;
    w.entry.operationId = options.groupId;
    return w;
}

QByteArray ingestSummary(const std::optional<QString> &backfillId, qint64 events)
{
    JsonWriter out(96);
    out.beginObject();
    out.key("backfill_id").value(backfillId);
    out.key("event_count").value(events);
    out.endObject();
    return out.take();
}

QByteArray idsJson(const QList<Event> &events, qsizetype from, qsizetype count)
{
    JsonWriter out(count * 40 + 2);
    out.beginArray();
    for (qsizetype i = from; i < from + count; ++i)
        out.value(events[i].id);
    out.endArray();
    return out.take();
}

/// The events as `/ingest` items joined by commas, without the surrounding array.
QByteArray ingestItems(const QList<Event> &events, qsizetype from, qsizetype count)
{
    return json::encodeIngestItems(std::span<const Event>(events.constData() + from, size_t(count)));
}

OutboxError error(OutboxError::Kind kind, const QString &message, qint64 room = 0)
{
    return OutboxError{kind, message, room};
}

bool isTransient(const RequestError &e)
{
    switch (e.kind) {
    case RequestError::Kind::Network:
    case RequestError::Kind::Timeout:
        return true;
    case RequestError::Kind::Http: {
        const int status = e.httpStatus();
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }
    case RequestError::Kind::Tls:
    case RequestError::Kind::Decode:
    case RequestError::Kind::Cancelled:
        break;
    }
    return false;
}

} // namespace

// ---------------------------------------------------------------------------------------------

Outbox::Outbox(std::unique_ptr<OutboxStore> store, const OutboxSettings &settings, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_settings(settings)
{
    m_settings.batchSize = std::clamp(m_settings.batchSize, 1, 500);
    m_settings.maxInFlight = std::max(1, m_settings.maxInFlight);
    m_settings.capacity = std::max<qint64>(1, m_settings.capacity);
    m_wakeTimer = new QTimer(this);
    m_wakeTimer->setSingleShot(true);
    connect(m_wakeTimer, &QTimer::timeout, this, &Outbox::schedule);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setSingleShot(true);
    connect(m_progressTimer, &QTimer::timeout, this, &Outbox::emitProgress);
    m_closeTimer = new QTimer(this);
    m_closeTimer->setSingleShot(true);
    connect(m_closeTimer, &QTimer::timeout, this, &Outbox::finishClose);
}

Outbox::~Outbox()
{
    // Whoever listens may be half destroyed already (e.g. the parent): no signals from here on.
    const QSignalBlocker quiet(this);
    if (!m_closed)
        close(CloseMode::Persist);
}

Expected<std::unique_ptr<Outbox>, QString> Outbox::open(const QString &path, const OutboxSettings &settings,
                                                        QObject *parent)
{
    auto store = OutboxStore::open(path);
    if (!store)
        return Unexpected{store.error()};
    auto unfinished = (*store)->loadUnfinished();
    if (!unfinished)
        return Unexpected{unfinished.error()};
    auto failed = (*store)->failedTotals();
    if (!failed)
        return Unexpected{failed.error()};
    std::unique_ptr<Outbox> outbox(new Outbox(std::move(store).value(), settings, parent));
    for (const StoredOperation &op : *unfinished)
        outbox->adopt(op);
    outbox->m_failedOperations = failed->first;
    outbox->m_failedEvents = failed->second;
    return outbox;
}

QString Outbox::instanceId() const
{
    return m_store->instanceId();
}

QString Outbox::newGroupId()
{
    return newOperationKey().replace(QStringLiteral("usagelens-"), QStringLiteral("group-"));
}

QString Outbox::backfillOrderingKey(const QString &backfillId)
{
    return QStringLiteral("backfill:") + backfillId;
}

QString Outbox::queueKey(const QString &destination, const std::optional<QString> &backfillId,
                         const QString &groupId) const
{
    return destination + u'\x1f' + backfillId.value_or(QString()) + u'\x1f' + groupId;
}

void Outbox::adopt(const StoredOperation &stored)
{
    auto op = std::make_unique<Operation>();
    op->stored = stored;
    m_remainingEvents += stored.eventCount;
    if (stored.state == OperationState::Open)
        m_openBatches.insert(queueKey(stored.destination, stored.backfillId, stored.groupId), stored.id);
    m_ops.emplace(stored.id, std::move(op));
}

// ---- destinations ---------------------------------------------------------------------------

Expected<Done, QString> Outbox::attachDestination(const QString &destination, OrbClient *client, Journal *journal)
{
    if (destination.isEmpty() || client == nullptr || journal == nullptr)
        return Unexpected{QStringLiteral("a destination needs a name, a client and a journal")};
    if (m_destinations.contains(destination))
        return Unexpected{QStringLiteral("destination %1 is already attached").arg(destination)};

    // Reconcile what a crash may have left between the journal and the outbox (two files).
    auto keys = m_store->keysOf(destination);
    if (!keys)
        return Unexpected{keys.error()};
    QHash<QString, StoredOperation> byKey;
    for (const StoredOperation &op : *keys)
        byKey.insert(op.key, op);
    auto pending = journal->pendingEntries(m_store->instanceId(), destination);
    if (!pending)
        return Unexpected{pending.error()};
    QList<std::pair<qint64, JournalAnswer>> cancelled;
    for (const JournalEntry &entry : *pending) {
        auto found = byKey.constFind(entry.outboxKey);
        if (found == byKey.constEnd()) {
            cancelled.append({entry.id, JournalAnswer{JournalOutcome::Cancelled, 0, {},
                tr("Not sent: the write was not in the outbox (UsageLens stopped before it was queued).")}});
            continue;
        }
        if (found->journalId == 0 && found->state == OperationState::Open) {
            // Stopped while sealing this batch (or while queuing more events into it): the entry
            // may list events that never reached the outbox. The batch was never sent; it gets a
            // new entry, with exactly its events, when it is sealed again.
            cancelled.append({entry.id, JournalAnswer{JournalOutcome::Cancelled, 0, {},
                tr("Not sent: UsageLens stopped while queuing this batch; its events are recorded in a later entry.")}});
        } else if (found->journalId != entry.id) {
            cancelled.append({entry.id, JournalAnswer{JournalOutcome::Cancelled, 0, {},
                tr("Not sent: superseded by journal entry %1 for the same operation.").arg(found->journalId)}});
        }
    }
    if (auto ok = journal->completeMany(cancelled); !ok)
        return Unexpected{ok.error()};

    // Operations whose journal entry is already complete were answered just before a crash.
    QList<qint64> journalIds;
    for (const auto &[id, op] : m_ops) {
        if (op->stored.destination == destination && op->stored.journalId > 0)
            journalIds << op->stored.journalId;
    }
    auto outcomes = journal->outcomes(journalIds);
    if (!outcomes)
        return Unexpected{outcomes.error()};
    {
        sqlite::Transaction tx(m_store->db());
        QList<qint64> settled;
        for (const auto &[id, op] : m_ops) {
            if (op->stored.destination != destination || op->stored.journalId == 0)
                continue;
            const JournalOutcome outcome = outcomes->value(op->stored.journalId, JournalOutcome::Pending);
            if (outcome == JournalOutcome::Pending)
                continue;
            auto ok = outcome == JournalOutcome::Failed
                ? m_store->markFailed(id, op->stored.attempts, op->stored.lastStatus, op->stored.lastError)
                : m_store->remove(id);
            if (!ok)
                return Unexpected{ok.error()};
            if (outcome == JournalOutcome::Failed) {
                ++m_failedOperations;
                m_failedEvents += op->stored.eventCount;
            }
            settled << id;
        }
        if (auto ok = tx.commit(); !ok)
            return Unexpected{ok.error()};
        for (qint64 id : settled) {
            m_remainingEvents -= m_ops.at(id)->stored.eventCount;
            m_ops.erase(id);
        }
    }

    auto d = std::make_shared<Destination>();
    d->name = destination;
    d->client = client;
    d->journal = journal;
    auto detach = [this, destination] {
        auto it = m_destinations.find(destination);
        if (it == m_destinations.end())
            return;
        const std::shared_ptr<Destination> gone = it.value();
        for (const QMetaObject::Connection &c : gone->connections)
            disconnect(c);
        m_destinations.erase(it);
        // Requests of a destroyed client never answer: their operations stay queued for next time.
        for (auto &[id, op] : m_ops) {
            if (op->stored.destination == destination && op->inFlight) {
                op->inFlight = false;
                op->call = CallHandle();
                --m_inFlight;
            }
        }
        requestSchedule();
        finishCloseIfDone();
    };
    d->connections << connect(client, &QObject::destroyed, this, detach);
    d->connections << connect(journal, &QObject::destroyed, this, detach);
    m_destinations.insert(destination, d);
    noteProgress();
    requestSchedule();
    return Done{};
}

// ---- enqueue --------------------------------------------------------------------------------

qint64 Outbox::room() const
{
    return std::max<qint64>(0, m_settings.capacity - m_remainingEvents);
}

Expected<Done, OutboxError> Outbox::checkCanEnqueue(const QString &destination, qint64 events) const
{
    if (m_closing || m_closed)
        return Unexpected{error(OutboxError::Kind::Closed, tr("The outbox is closing; nothing more can be queued."))};
    if (m_broken)
        return Unexpected{error(OutboxError::Kind::Storage, tr("The outbox stopped after a storage error."))};
    if (!m_destinations.contains(destination))
        return Unexpected{error(OutboxError::Kind::UnknownDestination,
                                tr("No connection is attached for profile %1.").arg(destination))};
    const qint64 free = room();
    if (events > free && m_remainingEvents > 0)
        return Unexpected{error(OutboxError::Kind::Full,
                                tr("The outbox is full: %1 events fit now, %2 were given. Wait for room.")
                                    .arg(free)
                                    .arg(events),
                                free)};
    return Done{};
}

Expected<QList<OperationTicket>, OutboxError> Outbox::enqueueOperations(const QString &destination,
                                                                        QList<StoredOperation> ops,
                                                                        const QList<QByteArray> &bodies,
                                                                        QList<NewJournalEntry> entries)
{
    Journal *journal = m_destinations.value(destination)->journal.data();
    if (journal == nullptr)
        return Unexpected{error(OutboxError::Kind::UnknownDestination, tr("The journal of %1 is gone.").arg(destination))};
    const qint64 now = nowMs();
    for (qsizetype i = 0; i < ops.size(); ++i) {
        ops[i].key = newOperationKey();
        ops[i].destination = destination;
        ops[i].createdMs = now;
        ops[i].state = OperationState::Queued;
        entries[i].profile = destination;
        entries[i].outboxKey = ops[i].key;
        entries[i].outboxSource = m_store->instanceId();
    }
    auto journalIds = journal->beginMany(entries);
    if (!journalIds)
        return Unexpected{error(OutboxError::Kind::Storage, tr("The journal refused the entries: %1").arg(journalIds.error()))};

    QString failure;
    {
        sqlite::Transaction tx(m_store->db());
        if (!tx.isActive())
            failure = m_store->db().lastError();
        for (qsizetype i = 0; failure.isEmpty() && i < ops.size(); ++i) {
            ops[i].journalId = journalIds->at(i);
            auto id = m_store->insert(ops[i], bodies[i]);
            if (!id)
                failure = id.error();
            else
                ops[i].id = *id;
        }
        if (failure.isEmpty()) {
            if (auto ok = tx.commit(); !ok)
                failure = ok.error();
        }
    }
    if (!failure.isEmpty()) {
        QList<std::pair<qint64, JournalAnswer>> cancelled;
        for (qint64 id : *journalIds)
            cancelled.append({id, JournalAnswer{JournalOutcome::Cancelled, 0, {},
                                                tr("Not queued: the outbox could not store it (%1). Nothing was sent.").arg(failure)}});
        journal->completeMany(cancelled);
        return Unexpected{error(OutboxError::Kind::Storage, tr("The outbox could not store the operations: %1").arg(failure))};
    }
    QList<OperationTicket> tickets;
    tickets.reserve(ops.size());
    for (const StoredOperation &op : ops) {
        adopt(op);
        tickets.append(OperationTicket{op.id, op.journalId, op.key});
    }
    noteProgress();
    requestSchedule();
    return tickets;
}

Expected<QList<OperationTicket>, OutboxError> Outbox::enqueueAmendments(const QString &destination,
                                                                        const QList<AmendItem> &items,
                                                                        const CorrectionOptions &options)
{
    if (auto ok = checkCanEnqueue(destination, items.size()); !ok)
        return Unexpected{ok.error()};
    QList<StoredOperation> ops;
    QList<QByteArray> bodies;
    QList<NewJournalEntry> entries;
    ops.reserve(items.size());
    bodies.reserve(items.size());
    entries.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const AmendItem &item = items[i];
        if (item.after.id.isEmpty() || item.after.id != item.before.id)
            return Unexpected{error(OutboxError::Kind::Invalid,
                                    tr("Amendment %1 has no event id, or its before and after ids differ.").arg(i + 1))};
        EventWrite w = eventWrite(OperationKind::Amend, JournalAction::Amend, QStringLiteral("events/") + item.after.id,
                                  item.before, item.after, options);
        ops << std::move(w.op);
        bodies << json::encodeAmendBody(item.after);
        entries << std::move(w.entry);
    }
    return enqueueOperations(destination, std::move(ops), bodies, std::move(entries));
}

Expected<OperationTicket, OutboxError> Outbox::enqueueAmend(const QString &destination, const Event &before,
                                                            const Event &after, const CorrectionOptions &options)
{
    auto tickets = enqueueAmendments(destination, {AmendItem{before, after}}, options);
    if (!tickets)
        return Unexpected{tickets.error()};
    return tickets->first();
}

Expected<QList<OperationTicket>, OutboxError> Outbox::enqueueDeprecations(const QString &destination,
                                                                          const QList<Event> &current,
                                                                          const CorrectionOptions &options)
{
    if (auto ok = checkCanEnqueue(destination, current.size()); !ok)
        return Unexpected{ok.error()};
    QList<StoredOperation> ops;
    QList<QByteArray> bodies;
    QList<NewJournalEntry> entries;
    for (qsizetype i = 0; i < current.size(); ++i) {
        const Event &event = current[i];
        if (event.id.isEmpty())
            return Unexpected{error(OutboxError::Kind::Invalid, tr("Deprecation %1 has no event id.").arg(i + 1))};
        Event after = event;
        after.deprecated = true;
        EventWrite w = eventWrite(OperationKind::Deprecate, JournalAction::Deprecate,
                                  QStringLiteral("events/%1/deprecate").arg(event.id), event, after, options);
        w.entry.final = true;
        ops << std::move(w.op);
        bodies << QByteArray();
        entries << std::move(w.entry);
    }
    return enqueueOperations(destination, std::move(ops), bodies, std::move(entries));
}

Expected<OperationTicket, OutboxError> Outbox::enqueueDeprecate(const QString &destination, const Event &current,
                                                                const CorrectionOptions &options)
{
    auto tickets = enqueueDeprecations(destination, {current}, options);
    if (!tickets)
        return Unexpected{tickets.error()};
    return tickets->first();
}

Expected<OperationTicket, OutboxError> Outbox::enqueueUndo(const QString &destination, qint64 entryId,
                                                           const CorrectionOptions &options)
{
    if (auto ok = checkCanEnqueue(destination, 1); !ok)
        return Unexpected{ok.error()};
    Journal *journal = m_destinations.value(destination)->journal.data();
    if (journal == nullptr)
        return Unexpected{error(OutboxError::Kind::UnknownDestination, tr("The journal of %1 is gone.").arg(destination))};
    auto plan = journal->undoPlan(entryId);
    if (!plan)
        return Unexpected{error(OutboxError::Kind::Invalid, plan.error())};
    const Event &after = plan->restore;
    EventWrite w = eventWrite(OperationKind::Amend, JournalAction::Amend, QStringLiteral("events/") + after.id,
                              plan->expectedCurrent, after, options);
    w.entry.undoOf = entryId;
    auto tickets = enqueueOperations(destination, {w.op}, {json::encodeAmendBody(after)}, {w.entry});
    if (!tickets)
        return Unexpected{tickets.error()};
    return tickets->first();
}

Expected<OperationTicket, OutboxError> Outbox::enqueueRequest(const QString &destination, const OutboxRequest &request,
                                                              const CorrectionOptions &options)
{
    if (auto ok = checkCanEnqueue(destination, 1); !ok)
        return Unexpected{ok.error()};
    if (request.path.isEmpty() || request.method.isEmpty() || request.method == "GET" || request.action.isEmpty())
        return Unexpected{error(OutboxError::Kind::Invalid, tr("A queued request needs an action, a write method and a path."))};
    StoredOperation op;
    op.kind = OperationKind::Request;
    op.orderingKey = request.orderingKey;
    op.exclusive = true;
    op.groupId = options.groupId;
    op.action = request.action;
    op.reason = options.reason;
    op.eventIds = request.eventIds;
    op.eventCount = 1;
    op.method = request.method;
    op.path = request.path;
    op.query = request.query.toString(QUrl::FullyEncoded);
    NewJournalEntry entry;
    entry.action = request.action;
    entry.eventIds = request.eventIds;
    entry.beforeJson = request.beforeJson;
    entry.afterJson = request.afterJson;
    entry.reason = options.reason;
    entry.operationId = options.groupId;
    entry.final = request.final;
    auto tickets = enqueueOperations(destination, {op}, {request.body.isEmpty() ? QByteArray() : request.body}, {entry});
    if (!tickets)
        return Unexpected{tickets.error()};
    return tickets->first();
}

Expected<IngestReceipt, OutboxError> Outbox::enqueueIngest(const QString &destination, const QList<Event> &events,
                                                           const IngestEnqueueOptions &options)
{
    IngestReceipt receipt;
    if (events.isEmpty() && !options.groupCursor)
        return receipt;
    if (auto ok = checkCanEnqueue(destination, events.size()); !ok)
        return Unexpected{ok.error()};
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].id.isEmpty())
            return Unexpected{error(OutboxError::Kind::Invalid, tr("Event %1 has no id (idempotency key).").arg(i + 1))};
    }
    Journal *journal = m_destinations.value(destination)->journal.data();
    if (journal == nullptr)
        return Unexpected{error(OutboxError::Kind::UnknownDestination, tr("The journal of %1 is gone.").arg(destination))};

    const QString action = !options.action.isEmpty() ? options.action
        : options.backfillId                         ? QString(JournalAction::BackfillImport)
                                                     : QString(JournalAction::Ingest);
    const QString queue = queueKey(destination, options.backfillId, options.groupId);
    const qint64 batchSize = m_settings.batchSize;
    const qint64 now = nowMs();

    // Plan: top up the open batch of this queue, then new batches; full ones are sealed now.
    struct Slice {
        qint64 opId = 0; ///< 0: a new operation
        qsizetype from = 0;
        qsizetype count = 0;
        qint64 totalAfter = 0;
        bool seals = false;
        StoredOperation op; ///< For new operations.
        QByteArray items;
        QByteArray ids;
        qsizetype journalIndex = -1;
    };
    QList<Slice> slices;
    qsizetype pos = 0;
    Operation *open = nullptr;
    if (auto it = m_openBatches.constFind(queue); it != m_openBatches.constEnd()) {
        auto found = m_ops.find(it.value());
        if (found != m_ops.end())
            open = found->second.get();
    }
    if (open && !events.isEmpty()) {
        const qsizetype take = qsizetype(std::min<qint64>(batchSize - open->stored.eventCount, events.size()));
        if (take > 0) {
            Slice s;
            s.opId = open->stored.id;
            s.count = take;
            s.totalAfter = open->stored.eventCount + take;
            s.seals = s.totalAfter >= batchSize;
            slices << s;
            pos = take;
        }
    }
    while (pos < events.size()) {
        Slice s;
        s.from = pos;
        s.count = qsizetype(std::min<qint64>(batchSize, events.size() - pos));
        s.totalAfter = s.count;
        s.seals = s.count >= batchSize;
        StoredOperation &op = s.op;
        op.key = newOperationKey();
        op.destination = destination;
        op.kind = OperationKind::Ingest;
        op.state = s.seals ? OperationState::Queued : OperationState::Open;
        op.orderingKey = options.backfillId ? backfillOrderingKey(*options.backfillId) : QString();
        op.exclusive = false;
        op.groupId = options.groupId;
        op.backfillId = options.backfillId;
        op.action = action;
        op.reason = options.reason;
        op.eventCount = s.count;
        op.createdMs = now;
        op.method = "POST";
        op.path = QStringLiteral("ingest");
        if (options.backfillId) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("backfill_id"), *options.backfillId);
            op.query = query.toString(QUrl::FullyEncoded);
        }
        slices << s;
        pos += s.count;
    }

    // Serialize, and write the journal entries of the batches this call seals.
    QList<NewJournalEntry> entries;
    for (Slice &s : slices) {
        s.items = ingestItems(events, s.from, s.count);
        s.ids = idsJson(events, s.from, s.count);
        if (!s.seals)
            continue;
        QStringList ids;
        if (s.opId != 0) {
            auto earlier = m_store->chunkIds(s.opId);
            if (!earlier)
                return Unexpected{error(OutboxError::Kind::Storage, earlier.error())};
            ids = std::move(earlier).value();
        }
        for (qsizetype i = s.from; i < s.from + s.count; ++i)
            ids << events[i].id;
        NewJournalEntry entry;
        entry.profile = destination;
        entry.action = action;
        entry.eventIds = ids;
        entry.afterJson = ingestSummary(options.backfillId, ids.size());
        entry.reason = options.reason;
        entry.operationId = options.groupId;
        entry.outboxKey = s.opId != 0 ? open->stored.key : s.op.key;
        entry.outboxSource = m_store->instanceId();
        s.journalIndex = entries.size();
        entries << entry;
    }
    QList<qint64> journalIds;
    if (!entries.isEmpty()) {
        auto written = journal->beginMany(entries);
        if (!written)
            return Unexpected{error(OutboxError::Kind::Storage, tr("The journal refused the entries: %1").arg(written.error()))};
        journalIds = std::move(written).value();
    }

    QString failure;
    {
        sqlite::Transaction tx(m_store->db());
        if (!tx.isActive())
            failure = m_store->db().lastError();
        for (Slice &s : slices) {
            if (!failure.isEmpty())
                break;
            const qint64 journalId = s.journalIndex >= 0 ? journalIds[s.journalIndex] : 0;
            if (s.opId == 0) {
                s.op.journalId = journalId;
                auto id = m_store->insert(s.op, QByteArray());
                if (!id) {
                    failure = id.error();
                    break;
                }
                s.op.id = *id;
                s.opId = *id;
                if (auto ok = m_store->insertChunk(s.opId, s.count, s.ids, s.items); !ok)
                    failure = ok.error();
            } else {
                if (auto ok = m_store->insertChunk(s.opId, s.count, s.ids, s.items); !ok)
                    failure = ok.error();
                else if (auto set = m_store->setCountAndState(s.opId, s.totalAfter,
                                                              s.seals ? OperationState::Queued : OperationState::Open,
                                                              journalId); !set)
                    failure = set.error();
            }
        }
        if (failure.isEmpty() && options.groupCursor && !options.groupId.isEmpty()) {
            if (auto ok = m_store->setGroupCursor(options.groupId, *options.groupCursor); !ok)
                failure = ok.error();
        }
        if (failure.isEmpty()) {
            if (auto ok = tx.commit(); !ok)
                failure = ok.error();
        }
    }
    if (!failure.isEmpty()) {
        QList<std::pair<qint64, JournalAnswer>> cancelled;
        for (qint64 id : journalIds)
            cancelled.append({id, JournalAnswer{JournalOutcome::Cancelled, 0, {},
                                                tr("Not queued: the outbox could not store it (%1). Nothing was sent.").arg(failure)}});
        journal->completeMany(cancelled);
        return Unexpected{error(OutboxError::Kind::Storage, tr("The outbox could not store the events: %1").arg(failure))};
    }

    for (const Slice &s : slices) {
        const qint64 journalId = s.journalIndex >= 0 ? journalIds[s.journalIndex] : 0;
        if (open && s.opId == open->stored.id) {
            open->stored.eventCount = s.totalAfter;
            m_remainingEvents += s.count;
            if (s.seals) {
                open->stored.state = OperationState::Queued;
                open->stored.journalId = journalId;
                m_openBatches.remove(queue);
            }
        } else {
            adopt(s.op);
        }
        receipt.operations << s.opId;
    }
    receipt.events = events.size();
    noteProgress();
    requestSchedule();
    return receipt;
}

Expected<Done, QString> Outbox::seal(Operation &op)
{
    auto d = m_destinations.value(op.stored.destination);
    Journal *journal = d ? d->journal.data() : nullptr;
    if (journal == nullptr)
        return Unexpected{QStringLiteral("no journal for %1").arg(op.stored.destination)};
    auto ids = m_store->chunkIds(op.stored.id);
    if (!ids)
        return Unexpected{ids.error()};
    NewJournalEntry entry;
    entry.profile = op.stored.destination;
    entry.action = op.stored.action;
    entry.eventIds = *ids;
    entry.afterJson = ingestSummary(op.stored.backfillId, ids->size());
    entry.reason = op.stored.reason;
    entry.operationId = op.stored.groupId;
    entry.outboxKey = op.stored.key;
    entry.outboxSource = m_store->instanceId();
    auto journalId = journal->begin(entry);
    if (!journalId)
        return Unexpected{journalId.error()};
    if (auto ok = m_store->setCountAndState(op.stored.id, op.stored.eventCount, OperationState::Queued, *journalId); !ok) {
        journal->complete(*journalId, JournalAnswer{JournalOutcome::Cancelled, 0, {},
                                                    tr("Not sent: the outbox could not seal the batch (%1).").arg(ok.error())});
        return ok;
    }
    op.stored.state = OperationState::Queued;
    op.stored.journalId = *journalId;
    m_openBatches.remove(queueKey(op.stored.destination, op.stored.backfillId, op.stored.groupId));
    return Done{};
}

// ---- sending --------------------------------------------------------------------------------

void Outbox::requestSchedule()
{
    if (m_scheduleQueued)
        return;
    m_scheduleQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_scheduleQueued = false;
        schedule();
    }, Qt::QueuedConnection);
}

void Outbox::schedule()
{
    if (m_closed || m_broken)
        return;
    const qint64 now = nowMs();
    qint64 wake = NoWake;
    bool stoppedEarly = false;
    QHash<QString, bool> held; // ordering key → held by an exclusive operation
    for (auto &[id, holder] : m_ops) {
        if (m_inFlight >= m_settings.maxInFlight) {
            stoppedEarly = true;
            break;
        }
        Operation &op = *holder;
        StoredOperation &s = op.stored;
        const auto dit = m_destinations.constFind(s.destination);
        Destination *d = dit != m_destinations.constEnd() && dit.value()->client ? dit.value().get() : nullptr;
        bool eligible = d != nullptr && !d->authPaused && !d->userPaused && !op.inFlight && !op.answered;
        if (s.state == OperationState::Open) {
            const qint64 due = s.createdMs + m_settings.flushInterval.count();
            if (d != nullptr && (s.eventCount >= m_settings.batchSize || now >= due || m_closing)) {
                if (auto ok = seal(op); !ok) {
                    fail(ok.error());
                    return;
                }
            } else {
                if (d != nullptr)
                    wake = std::min(wake, due);
                eligible = false;
            }
        }
        if (s.nextAttemptMs > now) {
            if (eligible)
                wake = std::min(wake, s.nextAttemptMs);
            eligible = false;
        }
        if (!s.orderingKey.isEmpty()) {
            const QString key = s.destination + u'\x1f' + s.orderingKey;
            auto it = held.find(key);
            if (it == held.end()) {
                held.insert(key, s.exclusive);
            } else {
                if (s.exclusive || it.value())
                    eligible = false;
                if (s.exclusive)
                    it.value() = true;
            }
        }
        if (!eligible)
            continue;
        if (m_settings.maxRequestsPerSecond > 0 && now < m_nextSendMs) {
            wake = std::min(wake, m_nextSendMs);
            stoppedEarly = true;
            break;
        }
        dispatch(op, *d);
        if (m_settings.maxRequestsPerSecond > 0)
            m_nextSendMs = std::max(now, m_nextSendMs) + qint64(std::ceil(1000.0 / m_settings.maxRequestsPerSecond));
    }
    if (wake != NoWake)
        m_wakeTimer->start(int(std::clamp<qint64>(wake - now, 0, std::numeric_limits<int>::max())));
    else if (!stoppedEarly)
        m_wakeTimer->stop();
}

void Outbox::dispatch(Operation &op, Destination &destination)
{
    auto body = m_store->body(op.stored.id, op.stored.kind);
    if (!body) {
        fail(body.error());
        return;
    }
    ApiRequest request;
    request.method = op.stored.method;
    request.path = op.stored.path;
    request.query = QUrlQuery(op.stored.query);
    request.body = std::move(body).value();
    request.idempotencyKey = op.stored.key;
    op.inFlight = true;
    ++m_inFlight;
    ++op.stored.attempts;
    const qint64 id = op.stored.id;
    op.call = destination.client->send(std::move(request), this, [this, id](Expected<RawResponse, RequestError> result) {
        onAnswer(id, result);
    });
}

void Outbox::onAnswer(qint64 id, const Expected<RawResponse, RequestError> &result)
{
    auto it = m_ops.find(id);
    if (it == m_ops.end())
        return;
    Operation &op = *it->second;
    if (!op.inFlight)
        return;
    op.inFlight = false;
    op.call = CallHandle();
    --m_inFlight;

    Answer answer;
    answer.id = id;
    if (result) {
        answer.kind = Answer::Kind::Succeeded;
        answer.status = result->status;
        answer.body = result->body;
    } else {
        const RequestError &e = result.error();
        if (e.kind == RequestError::Kind::Cancelled) { // close(): stays queued for next time
            requestSchedule();
            finishCloseIfDone();
            return;
        }
        const int status = e.httpStatus();
        if (e.kind == RequestError::Kind::Tls || status == 401 || status == 403) {
            // A credential or trust problem fails every row alike: pause instead of failing them.
            pauseForAuth(op.stored.destination, e.humanMessage());
            requestSchedule();
            return;
        }
        answer.status = status;
        answer.body = e.api ? e.api->toJson() : QByteArray();
        answer.message = e.humanMessage();
        if (isTransient(e)) {
            answer.kind = Answer::Kind::Retry;
            op.stored.nextAttemptMs = nowMs() + backoff(op.stored.attempts).count();
            op.stored.lastStatus = status;
            op.stored.lastError = answer.message;
        } else {
            answer.kind = Answer::Kind::Failed;
        }
    }
    if (answer.kind != Answer::Kind::Retry)
        op.answered = true;
    m_answers << answer;
    if (!m_recordQueued) {
        m_recordQueued = true;
        QMetaObject::invokeMethod(this, &Outbox::recordAnswers, Qt::QueuedConnection);
    }
    if (answer.kind == Answer::Kind::Retry)
        requestSchedule();
}

std::chrono::milliseconds Outbox::backoff(int attempts) const
{
    const double base = double(m_settings.retryInitialDelay.count()) * std::pow(2.0, std::max(0, attempts - 1));
    const double capped = std::min(base, double(m_settings.retryMaxDelay.count()));
    const double jitter = 1.0 - 0.25 * QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(qint64(capped * jitter));
}

void Outbox::pauseForAuth(const QString &destination, const QString &reason)
{
    auto d = m_destinations.value(destination);
    if (!d)
        return;
    const bool wasPaused = d->authPaused || d->userPaused;
    d->authPaused = true;
    d->pauseReason = reason;
    if (!wasPaused)
        Q_EMIT destinationPaused(destination, reason);
    noteProgress();
    finishCloseIfDone();
}

void Outbox::recordAnswers()
{
    m_recordQueued = false;
    if (m_answers.isEmpty() || m_broken)
        return;
    QList<Answer> answers;
    for (Answer &a : std::exchange(m_answers, {})) {
        if (m_ops.find(a.id) != m_ops.end()) // a retry answer's operation may have been cancelled since
            answers << std::move(a);
    }

    // The journal first: an answer recorded there but not in the outbox is settled at the next
    // start (attachDestination), the other way round it would be lost.
    QHash<Journal *, QList<std::pair<qint64, JournalAnswer>>> byJournal;
    for (const Answer &a : answers) {
        if (a.kind == Answer::Kind::Retry)
            continue;
        const Operation &op = *m_ops.at(a.id);
        auto d = m_destinations.value(op.stored.destination);
        Journal *journal = d ? d->journal.data() : nullptr;
        if (journal == nullptr || op.stored.journalId == 0)
            continue;
        byJournal[journal].append({op.stored.journalId,
                                   JournalAnswer{a.kind == Answer::Kind::Succeeded ? JournalOutcome::Succeeded
                                                                                   : JournalOutcome::Failed,
                                                 a.status, a.body, a.message}});
    }
    for (auto it = byJournal.begin(); it != byJournal.end(); ++it) {
        if (auto ok = it.key()->completeMany(it.value()); !ok) {
            fail(tr("The journal could not record the server's answers: %1").arg(ok.error()));
            return;
        }
    }
    {
        sqlite::Transaction tx(m_store->db());
        QString failure = tx.isActive() ? QString() : m_store->db().lastError();
        for (const Answer &a : answers) {
            if (!failure.isEmpty())
                break;
            const StoredOperation &s = m_ops.at(a.id)->stored;
            Expected<Done, QString> ok = Done{};
            switch (a.kind) {
            case Answer::Kind::Succeeded:
                ok = m_store->remove(a.id);
                break;
            case Answer::Kind::Failed:
                ok = m_store->markFailed(a.id, s.attempts, a.status, a.message);
                break;
            case Answer::Kind::Retry:
                ok = m_store->markRetry(a.id, s.attempts, s.nextAttemptMs, a.status, a.message);
                break;
            }
            if (!ok)
                failure = ok.error();
        }
        if (failure.isEmpty()) {
            if (auto ok = tx.commit(); !ok)
                failure = ok.error();
        }
        if (!failure.isEmpty()) {
            fail(tr("The outbox could not record the server's answers: %1").arg(failure));
            return;
        }
    }

    QList<OperationResult> finished;
    const qint64 now = nowMs();
    for (const Answer &a : answers) {
        if (a.kind == Answer::Kind::Retry)
            continue;
        auto it = m_ops.find(a.id);
        const StoredOperation &s = it->second->stored;
        OperationResult r;
        r.id = s.id;
        r.journalId = s.journalId;
        r.destination = s.destination;
        r.groupId = s.groupId;
        r.kind = s.kind;
        r.eventIds = s.eventIds;
        r.eventCount = s.eventCount;
        r.succeeded = a.kind == Answer::Kind::Succeeded;
        r.httpStatus = a.status;
        r.message = a.message;
        r.attempts = s.attempts;
        m_remainingEvents -= s.eventCount;
        if (r.succeeded) {
            ++m_doneOperations;
            m_doneEvents += s.eventCount;
            m_doneWindow.emplace_back(now, s.eventCount);
        } else {
            ++m_failedOperations;
            m_failedEvents += s.eventCount;
        }
        m_ops.erase(it);
        finished << r;
    }
    for (const OperationResult &r : finished)
        Q_EMIT operationFinished(r);
    noteProgress();
    if (!finished.isEmpty())
        wakeRoomWaiters();
    if (m_ops.empty() && !finished.isEmpty()) {
        emitProgress();
        Q_EMIT idle();
    }
    finishCloseIfDone();
    schedule();
}

void Outbox::fail(const QString &message)
{
    if (m_broken)
        return;
    m_broken = true;
    m_wakeTimer->stop();
    Q_EMIT storageFailed(message);
    finishCloseIfDone();
}

// ---- control --------------------------------------------------------------------------------

void Outbox::flush()
{
    if (m_closed || m_broken)
        return;
    for (auto &[id, op] : m_ops) {
        if (op->stored.state == OperationState::Open && m_destinations.contains(op->stored.destination)) {
            if (auto ok = seal(*op); !ok) {
                fail(ok.error());
                return;
            }
        }
        op->stored.nextAttemptMs = 0;
    }
    requestSchedule();
}

void Outbox::replaceCredential(const QString &destination, const QString &token)
{
    auto d = m_destinations.value(destination);
    if (!d || !d->client)
        return;
    d->client->setToken(token);
    credentialsChanged(destination);
}

void Outbox::credentialsChanged(const QString &destination)
{
    auto d = m_destinations.value(destination);
    if (!d)
        return;
    if (d->authPaused) {
        d->authPaused = false;
        d->pauseReason.clear();
        if (!d->userPaused)
            Q_EMIT destinationResumed(destination);
    }
    noteProgress();
    requestSchedule();
}

void Outbox::pause(const QString &destination)
{
    auto d = m_destinations.value(destination);
    if (!d || d->userPaused)
        return;
    const bool wasPaused = d->authPaused;
    d->userPaused = true;
    if (!wasPaused)
        Q_EMIT destinationPaused(destination, tr("Paused."));
    noteProgress();
    finishCloseIfDone();
}

void Outbox::resume(const QString &destination)
{
    auto d = m_destinations.value(destination);
    if (!d || !d->userPaused)
        return;
    d->userPaused = false;
    if (!d->authPaused)
        Q_EMIT destinationResumed(destination);
    noteProgress();
    requestSchedule();
}

bool Outbox::isPaused(const QString &destination) const
{
    auto d = m_destinations.value(destination);
    return d && (d->authPaused || d->userPaused);
}

Expected<int, OutboxError> Outbox::retryFailed(const QList<qint64> &ids)
{
    if (m_closing || m_closed)
        return Unexpected{error(OutboxError::Kind::Closed, tr("The outbox is closing; nothing more can be queued."))};
    if (m_broken)
        return Unexpected{error(OutboxError::Kind::Storage, tr("The outbox stopped after a storage error."))};
    auto loaded = m_store->load(ids);
    if (!loaded)
        return Unexpected{error(OutboxError::Kind::Storage, loaded.error())};
    QHash<QString, QList<StoredOperation>> byDestination;
    for (const StoredOperation &op : *loaded) {
        if (op.state != OperationState::Failed)
            continue;
        if (!m_destinations.contains(op.destination))
            return Unexpected{error(OutboxError::Kind::UnknownDestination,
                                    tr("No connection is attached for profile %1.").arg(op.destination))};
        byDestination[op.destination] << op;
    }
    if (byDestination.isEmpty())
        return Unexpected{error(OutboxError::Kind::NotFound, tr("None of these operations has failed."))};

    int requeued = 0;
    for (auto it = byDestination.begin(); it != byDestination.end(); ++it) {
        Journal *journal = m_destinations.value(it.key())->journal.data();
        if (journal == nullptr)
            return Unexpected{error(OutboxError::Kind::UnknownDestination, tr("The journal of %1 is gone.").arg(it.key()))};
        QList<StoredOperation> &ops = it.value();
        QList<NewJournalEntry> entries;
        for (StoredOperation &op : ops) {
            // The server stored its 4xx answer under a POST's Idempotency-Key and would replay it.
            if (op.method == "POST")
                op.key = newOperationKey();
            NewJournalEntry entry;
            if (auto old = journal->entry(op.journalId)) {
                entry.action = old->action;
                entry.eventIds = old->eventIds;
                entry.beforeJson = old->beforeJson;
                entry.afterJson = old->afterJson;
                entry.reason = old->reason;
                entry.operationId = old->operationId;
                entry.undoOf = old->undoOf;
                entry.final = old->final;
                entry.retryOf = old->id;
            } else {
                entry.action = op.action;
                entry.eventIds = op.eventIds;
                entry.reason = op.reason;
                entry.operationId = op.groupId;
            }
            if (op.kind == OperationKind::Ingest && entry.eventIds.isEmpty()) {
                auto chunkIds = m_store->chunkIds(op.id);
                if (chunkIds)
                    entry.eventIds = *chunkIds;
            }
            entry.profile = op.destination;
            entry.outboxKey = op.key;
            entry.outboxSource = m_store->instanceId();
            entries << entry;
        }
        auto journalIds = journal->beginMany(entries);
        if (!journalIds)
            return Unexpected{error(OutboxError::Kind::Storage, journalIds.error())};
        QString failure;
        {
            sqlite::Transaction tx(m_store->db());
            for (qsizetype i = 0; i < ops.size() && failure.isEmpty(); ++i) {
                if (auto ok = m_store->requeue(ops[i].id, ops[i].key, journalIds->at(i)); !ok)
                    failure = ok.error();
            }
            if (failure.isEmpty()) {
                if (auto ok = tx.commit(); !ok)
                    failure = ok.error();
            }
        }
        if (!failure.isEmpty()) {
            QList<std::pair<qint64, JournalAnswer>> cancelled;
            for (qint64 id : *journalIds)
                cancelled.append({id, JournalAnswer{JournalOutcome::Cancelled, 0, {}, tr("Not queued again: %1").arg(failure)}});
            journal->completeMany(cancelled);
            return Unexpected{error(OutboxError::Kind::Storage, failure)};
        }
        for (qsizetype i = 0; i < ops.size(); ++i) {
            StoredOperation op = ops[i];
            op.state = OperationState::Queued;
            op.journalId = journalIds->at(i);
            op.attempts = 0;
            op.nextAttemptMs = 0;
            --m_failedOperations;
            m_failedEvents -= op.eventCount;
            adopt(op);
            ++requeued;
        }
    }
    noteProgress();
    requestSchedule();
    return requeued;
}

Expected<int, OutboxError> Outbox::cancel(const QList<qint64> &ids)
{
    QList<StoredOperation> withdrawn;
    QList<qint64> failedIds;
    for (qint64 id : ids) {
        auto it = m_ops.find(id);
        if (it != m_ops.end()) {
            if (!it->second->inFlight && !it->second->answered)
                withdrawn << it->second->stored;
        } else {
            failedIds << id;
        }
    }
    if (!failedIds.isEmpty()) {
        auto loaded = m_store->load(failedIds);
        if (!loaded)
            return Unexpected{error(OutboxError::Kind::Storage, loaded.error())};
        for (const StoredOperation &op : *loaded) {
            if (op.state == OperationState::Failed)
                withdrawn << op;
        }
    }
    if (withdrawn.isEmpty())
        return 0;

    // Journal entries of queued operations become cancelled; failed ones keep their answer.
    QHash<Journal *, QList<std::pair<qint64, JournalAnswer>>> byJournal;
    for (const StoredOperation &op : withdrawn) {
        if (op.state == OperationState::Failed || op.journalId == 0)
            continue;
        auto d = m_destinations.value(op.destination);
        if (!d || !d->journal)
            continue; // reconciled as cancelled when the destination is attached
        const QString message = op.attempts > 0
            ? tr("Cancelled after %1 attempts; the server may have applied it (last error: %2).").arg(op.attempts).arg(op.lastError)
            : tr("Cancelled before it was sent.");
        byJournal[d->journal.data()].append({op.journalId, JournalAnswer{JournalOutcome::Cancelled, op.lastStatus, {}, message}});
    }
    for (auto it = byJournal.begin(); it != byJournal.end(); ++it) {
        if (auto ok = it.key()->completeMany(it.value()); !ok)
            return Unexpected{error(OutboxError::Kind::Storage, ok.error())};
    }
    {
        sqlite::Transaction tx(m_store->db());
        for (const StoredOperation &op : withdrawn) {
            if (auto ok = m_store->remove(op.id); !ok)
                return Unexpected{error(OutboxError::Kind::Storage, ok.error())};
        }
        if (auto ok = tx.commit(); !ok)
            return Unexpected{error(OutboxError::Kind::Storage, ok.error())};
    }
    for (const StoredOperation &op : withdrawn) {
        if (op.state == OperationState::Failed) {
            --m_failedOperations;
            m_failedEvents -= op.eventCount;
            continue;
        }
        auto it = m_ops.find(op.id);
        if (it == m_ops.end())
            continue;
        if (it->second->stored.state == OperationState::Open)
            m_openBatches.remove(queueKey(op.destination, op.backfillId, op.groupId));
        m_remainingEvents -= it->second->stored.eventCount;
        m_ops.erase(it);
    }
    noteProgress();
    wakeRoomWaiters();
    if (m_ops.empty())
        Q_EMIT idle();
    finishCloseIfDone();
    return int(withdrawn.size());
}

void Outbox::close(CloseMode mode, std::chrono::milliseconds timeout)
{
    if (m_closed)
        return;
    m_closing = true;
    if (mode == CloseMode::Persist || m_broken) {
        finishClose();
        return;
    }
    flush();
    m_closeTimer->start(int(std::clamp<qint64>(timeout.count(), 0, std::numeric_limits<int>::max())));
    finishCloseIfDone();
}

void Outbox::finishCloseIfDone()
{
    if (!m_closing || m_closed)
        return;
    if (!m_answers.isEmpty() || m_recordQueued)
        return;
    if (!m_broken) {
        for (const auto &[id, op] : m_ops) {
            if (op->inFlight)
                return;
            auto d = m_destinations.value(op->stored.destination);
            if (d && d->client && !d->authPaused && !d->userPaused)
                return; // still drainable
        }
    }
    // Finish from the event loop, not from inside a callback of the caller.
    QMetaObject::invokeMethod(this, [this] {
        if (!m_closed)
            finishClose();
    }, Qt::QueuedConnection);
}

void Outbox::finishClose()
{
    if (m_closed)
        return;
    m_closing = true;
    m_closed = true;
    m_wakeTimer->stop();
    m_closeTimer->stop();
    // Requests in flight are abandoned; their operations stay queued and are sent again (same
    // id) at the next start. Cancelling answers at once, through onAnswer().
    for (auto &[id, op] : m_ops) {
        if (op->inFlight) {
            CallHandle call = op->call;
            call.cancel();
            if (op->inFlight) { // the client is gone or did not answer
                op->inFlight = false;
                --m_inFlight;
            }
        }
    }
    // Record what did come back.
    if (!m_answers.isEmpty())
        recordAnswers();
    emitProgress();
    Q_EMIT closed(qint64(m_ops.size()));
}

// ---- back-pressure and progress -------------------------------------------------------------

void Outbox::whenRoom(qint64 events, const QObject *context, std::function<void()> ready)
{
    m_roomWaiters.append(RoomWaiter{events, context, context != nullptr, std::move(ready)});
    QMetaObject::invokeMethod(this, &Outbox::wakeRoomWaiters, Qt::QueuedConnection);
}

void Outbox::wakeRoomWaiters()
{
    const qint64 free = room();
    if (free > 0)
        Q_EMIT roomAvailable(free);
    QList<std::function<void()>> ready;
    for (qsizetype i = 0; i < m_roomWaiters.size();) {
        RoomWaiter &w = m_roomWaiters[i];
        if (w.hasContext && !w.context) {
            m_roomWaiters.removeAt(i);
            continue;
        }
        if (w.events <= free || m_remainingEvents == 0) {
            ready << std::move(w.ready);
            m_roomWaiters.removeAt(i);
            continue;
        }
        ++i;
    }
    for (const auto &callback : ready)
        callback();
}

void Outbox::noteProgress()
{
    m_progressDirty = true;
    if (!m_progressTimer->isActive())
        m_progressTimer->start(int(m_settings.progressInterval.count()));
}

void Outbox::emitProgress()
{
    m_progressDirty = false;
    m_progressTimer->stop();
    Q_EMIT progressChanged(progress());
}

OutboxProgress Outbox::progress() const
{
    OutboxProgress p;
    p.doneOperations = m_doneOperations;
    p.doneEvents = m_doneEvents;
    p.failedOperations = m_failedOperations;
    p.failedEvents = m_failedEvents;
    p.remainingOperations = qint64(m_ops.size());
    p.remainingEvents = m_remainingEvents;
    p.inFlight = m_inFlight;
    const qint64 now = nowMs();
    auto &window = m_doneWindow;
    while (!window.empty() && window.front().first < now - RateWindowMs)
        window.pop_front();
    if (!window.empty()) {
        qint64 events = 0;
        for (const auto &entry : window)
            events += entry.second;
        const qint64 span = std::max<qint64>(1000, now - window.front().first);
        p.eventsPerSecond = double(events) * 1000.0 / double(span);
    }
    for (auto it = m_destinations.begin(); it != m_destinations.end(); ++it) {
        if (it.value()->authPaused || it.value()->userPaused)
            p.pausedDestinations << it.key();
    }
    return p;
}

Expected<QList<OperationInfo>, QString> Outbox::operations(const OperationFilter &filter) const
{
    QList<OperationInfo> result;
    auto stored = m_store->list(filter);
    if (!stored)
        return Unexpected{stored.error()};
    for (const StoredOperation &s : *stored) {
        OperationInfo info;
        info.id = s.id;
        info.key = s.key;
        info.destination = s.destination;
        info.kind = s.kind;
        info.action = s.action;
        info.state = s.state;
        info.groupId = s.groupId;
        info.backfillId = s.backfillId;
        info.eventIds = s.eventIds;
        info.eventCount = s.eventCount;
        info.attempts = s.attempts;
        info.lastStatus = s.lastStatus;
        info.lastError = s.lastError;
        info.journalId = s.journalId;
        info.createdMs = s.createdMs;
        if (auto it = m_ops.find(s.id); it != m_ops.end()) {
            info.state = it->second->inFlight ? OperationState::InFlight : it->second->stored.state;
            info.attempts = it->second->stored.attempts;
            info.journalId = it->second->stored.journalId;
        }
        if (filter.state == OperationState::InFlight && info.state != OperationState::InFlight)
            continue;
        result << info;
    }
    return result;
}

Expected<std::optional<QByteArray>, QString> Outbox::groupCursor(const QString &groupId) const
{
    return m_store->groupCursor(groupId);
}

Expected<QStringList, QString> Outbox::groupsWithCursor() const
{
    return m_store->groupsWithCursor();
}

Expected<Done, QString> Outbox::forgetGroupCursor(const QString &groupId)
{
    return m_store->removeGroupCursor(groupId);
}

} // namespace ul
