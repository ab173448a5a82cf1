#pragma once

#include "model/Customer.h"
#include "model/Event.h"
#include "storage/Sqlite.h"
#include "util/Expected.h"

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
    /// Appends first versions for new events, all in one transaction.
    Expected<Done, QString> insertEvents(const QList<Event> &events, Timestamp recordedAt,
                                         const std::optional<QString> &backfillId = std::nullopt);
    /// Appends a new version of an existing event (amended or deprecated) and counts the
    /// correction against `customerKey`.
    Expected<Done, QString> appendVersion(const Event &event, EventChange change, Timestamp recordedAt,
                                          const QString &customerKey);
    /// Corrections of one kind recorded for a customer since `since`.
    [[nodiscard]] int correctionsSince(const QString &customerKey, EventChange change, Timestamp since) const;
    [[nodiscard]] qint64 eventCount() const { return qint64(m_index.size() + m_collisions.size()); }

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
};

QString eventChangeName(EventChange change);

} // namespace ul::sandbox
