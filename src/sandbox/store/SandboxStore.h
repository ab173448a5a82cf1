#pragma once

#include "model/Backfill.h"
#include "model/Customer.h"
#include "model/Event.h"
#include "model/VolumeBucket.h"
#include "storage/Sqlite.h"
#include "util/Expected.h"
#include "validation/BackfillRules.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ul::sandbox {

/// What changed an event: every change is a new stored version; nothing is overwritten.
enum class EventChange { Ingested, Amended, Deprecated };

struct EventVersion {
    int version = 1;
    EventChange change = EventChange::Ingested;
    Timestamp recordedAt;
    Event event;
};

/// A customer with the Orb fields the sandbox keeps beyond `Customer`.
struct StoredCustomer {
    Customer customer;
    QJsonObject details; ///< metadata, addresses, payment provider and other accepted fields.
    qint64 seq = 0;
};

struct CustomerPage {
    QList<StoredCustomer> customers;
    std::optional<QString> nextCursor;
};

struct BackfillPage {
    QList<Backfill> backfills;
    std::optional<QString> nextCursor;
};

/// How an event stands for billing now, given the backfills around it.
enum class EventStanding {
    Counts,   ///< Not deprecated, not replaced, and not in a backfill that is not reflected.
    Inactive, ///< Deprecated, or replaced by a reflected backfill: shown with `deprecated: true`.
    Hidden,   ///< In a backfill that is pending, pending a revert, or reverted: not shown at all.
};

/// A stored answer to a request made with an `Idempotency-Key` header.
struct IdempotencyRecord {
    QByteArray fingerprint; ///< method, path and body hash of the first request.
    int status = 0;
    QByteArray body;
    Timestamp createdAt;
};

/// The sandbox's SQLite database. Events are append-only versions in insertion order;
/// the index from event id (a client's random idempotency key) to its current version lives
/// in memory, so ingest appends rows instead of updating a random-key B-tree.
class SandboxStore {
public:
    static Expected<std::unique_ptr<SandboxStore>, QString> open(const QString &path);
    ~SandboxStore();

    // Customers
    Expected<StoredCustomer, QString> insertCustomer(const Customer &customer, const QJsonObject &details);
    [[nodiscard]] std::optional<StoredCustomer> customer(const QString &id) const;
    [[nodiscard]] std::optional<StoredCustomer> customerByExternalId(const QString &externalId) const;
    [[nodiscard]] qsizetype customerCount() const { return m_customers.size(); }
    struct CustomerFilter {
        std::optional<Timestamp> createdGte, createdGt, createdLt, createdLte;
    };
    /// Newest first. `cursor` is a value from a previous page's nextCursor.
    Expected<CustomerPage, QString> listCustomers(int limit, const std::optional<QString> &cursor,
                                                  const CustomerFilter &filter) const;

    // Events
    /// The current version of an event, with its customer reference as stored.
    [[nodiscard]] std::optional<Event> currentEvent(const QString &id) const;
    /// Fills in customer_id / external_customer_id from the customer the event belongs to,
    /// including customers created after the event with its external id.
    [[nodiscard]] Event resolveCustomer(Event event) const;
    /// Every version of an event, oldest first.
    [[nodiscard]] QList<EventVersion> history(const QString &id) const;
    /// Appends first versions for new events, all in one transaction. With `backfillId` the
    /// events belong to that (pending) backfill and count towards its events_ingested.
    Expected<Done, QString> insertEvents(const QList<Event> &events, Timestamp recordedAt,
                                         const std::optional<QString> &backfillId = std::nullopt);
    /// Appends a new version of an existing event (amended or deprecated) and counts the
    /// correction against `customerKey`.
    Expected<Done, QString> appendVersion(const Event &event, EventChange change, Timestamp recordedAt,
                                          const QString &customerKey);
    /// Corrections of one kind recorded for a customer since `since`.
    [[nodiscard]] int correctionsSince(const QString &customerKey, EventChange change, Timestamp since) const;
    [[nodiscard]] qint64 eventCount() const { return qint64(m_index.size() + m_collisions.size()); }

    /// The current version as search shows it: nullopt when hidden (in a backfill that is not
    /// reflected), `deprecated: true` when replaced by a reflected backfill.
    [[nodiscard]] std::optional<Event> visibleEvent(const QString &id) const;

    // Backfills (see docs/sandbox-api.md, "Backfills"). Each backfill's events and the events its
    // closing replaced are kept apart in memory, so whether an event counts is known without a
    // query, and volume counts hours without reading rows.
    Expected<Done, QString> insertBackfill(const Backfill &backfill);
    [[nodiscard]] std::optional<Backfill> backfill(const QString &id) const;
    /// Every backfill, oldest first.
    [[nodiscard]] QList<Backfill> backfills() const;
    /// Newest first.
    Expected<BackfillPage, QString> listBackfills(int limit, const std::optional<QString> &cursor) const;
    /// pending → reflected at `closedAt`: the backfill's events start to count and, with
    /// replace_existing_events, the events it replaces (in its timeframe and scope, matching its
    /// deprecation filter, not its own) stop counting. The replaced ids are stored.
    Expected<Backfill, QString> reflectBackfill(const QString &id, Timestamp closedAt);
    /// pending → reverted, or reflected → pending_revert, at `at`: its events stop counting and the
    /// events it replaced count again.
    Expected<Backfill, QString> revertBackfill(const QString &id, Timestamp at);
    /// pending_revert → reverted.
    Expected<Backfill, QString> finishRevert(const QString &id);
    /// Moves backfills on as time has passed: pending_revert → reverted once revertDuration has
    /// passed since the revert, and pending ones whose close_time is ≤ `now` → reflected (closed
    /// at their close_time). Every request starts with it.
    void settleBackfills(Timestamp now);
    [[nodiscard]] const BackfillRuleLimits &backfillRules() const { return m_backfillRules; }
    void setBackfillRules(const BackfillRuleLimits &rules) { m_backfillRules = rules; }
    /// Backfills whose automatic close is due at `now` (pending, close_time ≤ now), earliest first.
    [[nodiscard]] QStringList backfillsDueToClose(Timestamp now) const;
    /// The ids of the events a backfill's closing replaced (whatever its status now).
    [[nodiscard]] QStringList replacedBy(const QString &backfillId) const;

    /// Whether the current version of an event counts now.
    [[nodiscard]] EventStanding standing(const QString &id) const;
    /// Counts the events that count, per UTC hour from `firstHour` (hour-aligned), `hours` buckets.
    [[nodiscard]] QList<VolumeBucket> volume(Timestamp firstHour, int hours) const;

    /// Told about every status change of a backfill (after the commit, on the store's thread).
    using BackfillChangedListener = std::function<void(const Backfill &backfill)>;
    void addBackfillChangedListener(BackfillChangedListener listener) { m_backfillListeners.push_back(std::move(listener)); }

    /// Told about every change insertEvents() and appendVersion() committed, right after the
    /// commit and on the store's thread: `events` now have `version` (1 for ingested events).
    /// The webhook deliverer listens here; a store nobody listens to pays nothing.
    using EventsStoredListener = std::function<void(EventChange change, const QList<Event> &events, int version,
                                                    Timestamp recordedAt, const std::optional<QString> &backfillId)>;
    void addEventsStoredListener(EventsStoredListener listener) { m_listeners.push_back(std::move(listener)); }

    // Idempotency-Key records (48 h)
    [[nodiscard]] std::optional<IdempotencyRecord> idempotencyRecord(const QString &key) const;
    Expected<Done, QString> saveIdempotencyRecord(const QString &key, const IdempotencyRecord &record);
    void purgeIdempotencyRecords(Timestamp olderThan);

    [[nodiscard]] sqlite::Database &database() { return m_db; }

private:
    explicit SandboxStore(sqlite::Database db);
    Expected<Done, QString> prepareSchema();
    Expected<Done, QString> loadIndexes();
    [[nodiscard]] std::optional<qint64> currentSeq(const QString &id) const;
    /// The seq and event of an id's current version, in one read.
    [[nodiscard]] std::optional<std::pair<qint64, Event>> currentVersion(const QString &id) const;
    [[nodiscard]] EventStanding standingAt(qint64 seq) const;
    void indexVersion(const QString &id, quint64 hash, qint64 seq);
    struct VersionRow {
        Event event;
        int version = 1;
        EventChange change = EventChange::Ingested;
        Timestamp recordedAt;
        std::optional<qint64> previousSeq;
    };
    [[nodiscard]] std::optional<VersionRow> rowAt(qint64 seq) const;
    [[nodiscard]] QString eventIdAt(qint64 seq) const;
    Expected<Done, QString> loadBackfills();
    /// Records the in-memory facts of a new version row.
    void noteVersion(qint64 seq, Timestamp timestamp, bool deprecated, qint32 backfill, std::optional<qint64> previousSeq);
    /// noteVersion() for a batch of first versions, with one resize and few hour lookups.
    void noteIngested(const QList<Event> &events, const QList<qint64> &seqs, qint32 backfill);
    [[nodiscard]] bool counts(qint64 seq) const;
    [[nodiscard]] bool isReplaced(qint64 seq) const;
    [[nodiscard]] qint32 backfillIndex(const std::optional<QString> &id) const;
    Expected<Done, QString> saveBackfillState(const Backfill &backfill);
    void announce(const Backfill &backfill);

    /// What the store knows of one version row without reading it.
    struct RowFacts {
        qint32 backfill = -1; ///< Index into m_backfills of the backfill the event was ingested into.
        quint8 flags = 0;
    };
    enum RowFlag : quint8 { Superseded = 1, DeprecatedRow = 2, ReplacedRow = 4 };

    sqlite::Database m_db;
    mutable sqlite::Statement m_insertVersion;
    mutable sqlite::Statement m_selectVersion;
    mutable sqlite::Statement m_selectEventId;
    // event id hash → seq of its current version; ids whose hash collides live in m_collisions.
    std::unordered_map<quint64, qint64> m_index;
    QHash<QString, qint64> m_collisions;
    QHash<QString, StoredCustomer> m_customers;
    QHash<QString, QString> m_customerByExternalId;
    std::vector<EventsStoredListener> m_listeners;
    // Backfills, oldest first; an index is a backfill's position here.
    std::vector<Backfill> m_backfills;
    QHash<QString, qint32> m_backfillIndex;
    mutable sqlite::Statement m_updateBackfillCount;
    std::vector<RowFacts> m_rows;                                ///< By version seq.
    std::unordered_map<qint64, std::vector<qint64>> m_rowsByHour; ///< UTC hour number → version seqs.
    /// Current version seq → the backfills whose closing replaced that event.
    std::unordered_map<qint64, std::vector<qint32>> m_replacedBy;
    std::vector<BackfillChangedListener> m_backfillListeners;
    BackfillRuleLimits m_backfillRules;
};

QString eventChangeName(EventChange change);

} // namespace ul::sandbox
