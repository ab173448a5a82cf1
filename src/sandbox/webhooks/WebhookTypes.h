#pragma once

#include "util/Timestamp.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <array>
#include <optional>

namespace ul::sandbox {

/// What a webhook can subscribe to (Stark Infra calls these subscriptions).
inline constexpr std::array<QLatin1StringView, 5> WebhookSubscriptions{
    QLatin1StringView("event.ingested"), QLatin1StringView("event.amended"), QLatin1StringView("event.deprecated"),
    QLatin1StringView("backfill.closed"), QLatin1StringView("backfill.reverted")};

/// A registered receiver. Deleting one keeps its row (attempts still name it) with `deleted` set.
struct StoredWebhook {
    qint64 seq = 0;
    QString id;
    QString url;
    QStringList subscriptions;
    QString secret; ///< The HMAC key deliveries are signed with; shown once, at creation.
    Timestamp created;
    std::optional<Timestamp> deleted;
    /// For the demo webhooks: the demo receiver behaviour they point at (`ok`, `missing`, `slow`).
    std::optional<QString> demo;

    [[nodiscard]] bool subscribesTo(QLatin1StringView subscription) const { return subscriptions.contains(subscription); }
};

/// Where a delivery (one change of one usage event, to one webhook) stands.
namespace DeliveryStatus {
inline constexpr QLatin1StringView Pending{"pending"};     ///< A try is due or scheduled (or in flight).
inline constexpr QLatin1StringView Delivered{"delivered"}; ///< A try got a 2xx answer.
inline constexpr QLatin1StringView Failed{"failed"};       ///< Every scheduled try failed; only a resend tries again.
inline constexpr QLatin1StringView Handled{"handled"};     ///< Marked handled by an operator; no more scheduled tries.
inline constexpr QLatin1StringView Cancelled{"cancelled"}; ///< Its webhook was deleted before it was delivered.
} // namespace DeliveryStatus

struct StoredDelivery {
    qint64 seq = 0;
    QString id;
    QString notificationId; ///< The `event.id` of the payload; the same for every webhook told about this change.
    QString eventId;        ///< The usage event's id (or the backfill's, for backfill subscriptions).
    QString webhookId;
    QString subscription;
    QByteArray payload;
    Timestamp created;
    QString status = DeliveryStatus::Pending;
    int tries = 0;          ///< Every try, scheduled or manual.
    int scheduledTries = 0; ///< Tries made by the schedule; picks the next delay.
    std::optional<Timestamp> nextTry; ///< Null while a try is in flight and once nothing is scheduled.
    std::optional<Timestamp> delivered; ///< When a try last got a 2xx answer.
    std::optional<Timestamp> handled;
    /// The attempt the latest try recorded; null when that try delivered (or none was made).
    std::optional<QString> lastAttemptId;
};

/// One failed try, in Stark Infra's `Event.Attempt` shape plus what operators need.
struct StoredAttempt {
    qint64 seq = 0;
    QString id;
    QString deliveryId;
    QString eventId;
    QString webhookId;
    QString code;    ///< badHttpStatus, badConnection or timeout.
    QString message; ///< e.g. "HTTP POST request returned status 404".
    std::optional<int> httpStatus;
    QByteArray responseExcerpt; ///< The first bytes of the answer (at most 1 KiB).
    qint64 durationMs = 0;
    QString trigger; ///< scheduled or manual.
    Timestamp created;
    std::optional<Timestamp> handled;

    // Read with the attempt, from its delivery and webhook.
    QString webhookUrl;
    QString subscription;
    QString deliveryStatus;
    std::optional<Timestamp> delivered;
    std::optional<Timestamp> nextTry;
};

namespace AttemptCode {
inline constexpr QLatin1StringView BadHttpStatus{"badHttpStatus"};
inline constexpr QLatin1StringView BadConnection{"badConnection"};
inline constexpr QLatin1StringView Timeout{"timeout"};
} // namespace AttemptCode

struct AttemptFilter {
    std::optional<Timestamp> createdFrom;  ///< Inclusive.
    std::optional<Timestamp> createdUntil; ///< Exclusive.
    QStringList eventIds;
    QStringList webhookIds;
    QStringList codes;
};

struct DeliveryFilter {
    QStringList eventIds;
    QStringList webhookIds;
    QStringList statuses;
};

template <class T>
struct StoredPage {
    QList<T> items;
    std::optional<QString> nextCursor;
};

} // namespace ul::sandbox
