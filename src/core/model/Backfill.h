#pragma once

#include "util/Timestamp.h"

#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>

namespace ul {

/// Where a backfill stands (Orb's `BackfillStatus`):
///
///     pending ──close──▶ reflected ──revert──▶ pending_revert ──▶ reverted
///        └──────────────revert (before close)────────────────────▲
enum class BackfillStatus { Pending, Reflected, PendingRevert, Reverted };

/// `pending`, `reflected`, `pending_revert`, `reverted`.
QString backfillStatusName(BackfillStatus status);
/// The inverse of backfillStatusName; nullopt for anything else.
std::optional<BackfillStatus> backfillStatusFromName(QStringView name);

/// An update of historical usage in one timeframe (Orb's Backfill object): events ingested with
/// its id are added to, or replace, the events of `[timeframeStart, timeframeEnd)` once it is
/// closed and reflected.
struct Backfill {
    QString id;
    BackfillStatus status = BackfillStatus::Pending;
    Timestamp createdAt;
    Timestamp timeframeStart; ///< Inclusive.
    Timestamp timeframeEnd;   ///< Exclusive.
    /// In the future: when it closes by itself; in the past: when it was closed.
    std::optional<Timestamp> closeTime;
    std::optional<Timestamp> revertedAt;
    /// The customer it is scoped to; nullopt: all customers.
    std::optional<QString> customerId;
    /// Not in Orb's object (an alias given at creation is resolved to customerId); kept when a
    /// server sends it.
    std::optional<QString> externalCustomerId;
    qint64 eventsIngested = 0;
    bool replaceExistingEvents = true;
    /// A filter expression (`ms > 100 AND region = 'eu'`): which existing events are replaced.
    std::optional<QString> deprecationFilter;

    /// Events can still be ingested into it (and it can be closed).
    [[nodiscard]] bool isPending() const { return status == BackfillStatus::Pending; }
    /// Its events count for billing.
    [[nodiscard]] bool isReflected() const { return status == BackfillStatus::Reflected; }
    [[nodiscard]] bool isScopedToCustomer() const { return customerId.has_value() || externalCustomerId.has_value(); }

    friend bool operator==(const Backfill &, const Backfill &) = default;
};

/// What `POST /events/backfills` takes.
struct NewBackfill {
    Timestamp timeframeStart;
    Timestamp timeframeEnd;
    std::optional<Timestamp> closeTime; ///< nullopt: the server's default (one day after creation).
    /// At most one of the two.
    std::optional<QString> customerId;
    std::optional<QString> externalCustomerId;
    bool replaceExistingEvents = true;
    std::optional<QString> deprecationFilter;

    friend bool operator==(const NewBackfill &, const NewBackfill &) = default;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::Backfill)
