#pragma once

#include "storage/Sqlite.h"
#include "util/Expected.h"
#include "webhooks/WebhookTypes.h"

#include <memory>
#include <optional>

namespace ul::sandbox {

/// Webhooks, deliveries and attempts, in the sandbox's database (tables of their own beside the
/// events). Lives on the sandbox's thread, like the SandboxStore whose connection it shares.
/// Active webhooks are cached in memory, so telling whether anyone listens to a change costs
/// nothing on the ingest path.
class WebhookStore {
public:
    static Expected<std::unique_ptr<WebhookStore>, QString> open(sqlite::Database &db);

    // Webhooks
    Expected<StoredWebhook, QString> insertWebhook(StoredWebhook webhook);
    /// A webhook by id; deleted ones only with `includeDeleted`.
    [[nodiscard]] std::optional<StoredWebhook> webhook(const QString &id, bool includeDeleted = false) const;
    /// Webhooks not deleted, newest first.
    Expected<StoredPage<StoredWebhook>, QString> listWebhooks(int limit, const std::optional<QString> &cursor) const;
    /// Marks the webhook deleted and cancels its deliveries that were not delivered yet.
    Expected<StoredWebhook, QString> deleteWebhook(const QString &id, Timestamp at);
    Expected<Done, QString> setWebhookUrl(const QString &id, const QString &url);
    [[nodiscard]] const QList<StoredWebhook> &activeWebhooks() const { return m_active; }
    /// Failed tries recorded for a webhook since `since`.
    [[nodiscard]] int failuresSince(const QString &webhookId, Timestamp since) const;

    // Deliveries
    /// Stores new deliveries (ids already set) in one transaction.
    Expected<Done, QString> insertDeliveries(const QList<StoredDelivery> &deliveries);
    [[nodiscard]] std::optional<StoredDelivery> delivery(const QString &id) const;
    /// The newest delivery of an event to a webhook.
    [[nodiscard]] std::optional<StoredDelivery> latestDelivery(const QString &eventId, const QString &webhookId) const;
    /// Pending deliveries whose next try is due at `now`, the most overdue first.
    [[nodiscard]] QList<StoredDelivery> dueDeliveries(Timestamp now, int limit) const;
    /// When the next scheduled try is due, if any is scheduled.
    [[nodiscard]] std::optional<Timestamp> nextDue() const;
    /// Saves status, tries, next try, delivered and handled.
    Expected<Done, QString> saveDeliveryState(const StoredDelivery &delivery);
    /// Pending deliveries left without a next try (their try was in flight when the sandbox
    /// stopped) are due again at `at`.
    Expected<Done, QString> rescheduleInterrupted(Timestamp at);
    Expected<StoredPage<StoredDelivery>, QString> listDeliveries(const DeliveryFilter &filter, int limit,
                                                                const std::optional<QString> &cursor) const;

    // Attempts
    /// Stores an attempt (id already set).
    Expected<Done, QString> insertAttempt(const StoredAttempt &attempt);
    /// An attempt with the fields read from its delivery and webhook.
    [[nodiscard]] std::optional<StoredAttempt> attempt(const QString &id) const;
    /// Newest first.
    Expected<StoredPage<StoredAttempt>, QString> listAttempts(const AttemptFilter &filter, int limit,
                                                              const std::optional<QString> &cursor) const;
    Expected<Done, QString> markAttemptHandled(const QString &id, Timestamp at);

    // Flags in the sandbox's `meta` table (e.g. "the demo webhooks were created").
    [[nodiscard]] bool flag(const QString &key) const;
    Expected<Done, QString> setFlag(const QString &key);

    /// A new id in Stark's style: 16 digits, not starting with 0.
    static QString newId();

private:
    explicit WebhookStore(sqlite::Database &db) : m_db(db) {}
    Expected<Done, QString> prepareSchema();
    Expected<Done, QString> loadActive();

    sqlite::Database &m_db;
    QList<StoredWebhook> m_active; ///< Oldest first.
};

} // namespace ul::sandbox
