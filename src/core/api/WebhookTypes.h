#pragma once

#include "util/Timestamp.h"

#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace ul {

/// The changes a webhook can subscribe to.
inline QStringList webhookSubscriptions()
{
    return {QStringLiteral("event.ingested"), QStringLiteral("event.amended"), QStringLiteral("event.deprecated"),
            QStringLiteral("backfill.closed"), QStringLiteral("backfill.reverted")};
}

/// A registered webhook (sandbox extension `/webhook`, Stark Infra's shape).
struct Webhook {
    QString id;
    QString url;
    QStringList subscriptions;
    Timestamp created;
    int recentFailureCount = 0;    ///< Failed tries in the last 24 hours.
    std::optional<QString> secret; ///< Only in the answer to its creation.
};

struct NewWebhook {
    QString url;
    QStringList subscriptions;
};

/// One failed delivery try (Stark Infra's `Event.Attempt` plus what operators need).
struct Attempt {
    QString id;
    QString code;    ///< badHttpStatus, badConnection or timeout.
    QString message; ///< e.g. "HTTP POST request returned status 404".
    QString eventId;
    QString webhookId;
    Timestamp created;
    std::optional<int> httpStatus;
    QString responseExcerpt;
    qint64 durationMs = 0;
    QString trigger; ///< scheduled or manual.
    std::optional<Timestamp> handled;
    // The delivery the attempt belongs to, as it stands now.
    QString deliveryId;
    QString webhookUrl;
    QString subscription;
    QString deliveryStatus; ///< pending, delivered, failed, handled or cancelled.
    bool sending = false;   ///< A try of the delivery is in flight.
    std::optional<Timestamp> delivered;
    std::optional<Timestamp> nextTry;

    [[nodiscard]] bool isManual() const { return trigger == QLatin1StringView("manual"); }
};

/// One change of one usage event, to one webhook, and where its delivery stands.
struct Delivery {
    QString id;
    QString eventId;
    QString webhookId;
    QString subscription;
    QString notificationId;
    QString status; ///< pending, delivered, failed, handled or cancelled.
    bool sending = false;
    int tries = 0;
    Timestamp created;
    std::optional<Timestamp> nextTry;
    std::optional<Timestamp> delivered; ///< When a try last got a 2xx answer.
    std::optional<Timestamp> handled;
    /// The attempt the latest try recorded; empty when that try delivered (or none was made yet).
    std::optional<QString> lastAttemptId;

    [[nodiscard]] bool isDelivered() const { return status == QLatin1StringView("delivered"); }
};

/// A page of `GET /event/attempt`. Bounds are date-times: `after` inclusive, `before` exclusive.
struct AttemptQuery {
    std::optional<Timestamp> after;
    std::optional<Timestamp> before;
    QStringList eventIds;
    QStringList webhookIds;
    QStringList codes;
    int limit = 50; ///< 1–100.
    std::optional<QString> cursor;

    friend bool operator==(const AttemptQuery &, const AttemptQuery &) = default;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::Attempt)
Q_DECLARE_METATYPE(ul::Webhook)
