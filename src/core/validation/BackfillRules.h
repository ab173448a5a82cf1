#pragma once

#include "model/Backfill.h"

#include <QtCore/QStringList>

#include <chrono>

namespace ul {

/// The limits of Orb's backfill rules that an account (or the sandbox) can configure.
struct BackfillRuleLimits {
    /// Longest timeframe (Orb's default: 31 days).
    std::chrono::milliseconds maxDuration = std::chrono::days(31);
    /// When a backfill closes by itself if no close_time is given: this long after creation.
    std::chrono::milliseconds defaultCloseDelay = std::chrono::days(1);
    /// How long reverting a reflected backfill stays `pending_revert` before it is `reverted`
    /// (the sandbox undoes the effects at once; the status shows the step Orb takes time for).
    std::chrono::milliseconds revertDuration = std::chrono::seconds(1);
};

/// The rules for a new backfill that need no server state, so a form can be checked as the
/// analyst types and the sandbox enforces exactly the same: the timeframe ends after it starts
/// and lasts at most `maxDuration`, at most one customer reference (and not an empty one), a
/// close time after `now`, and a deprecation filter that parses (only with
/// replace_existing_events). Each problem is a sentence that starts with its field.
QStringList checkNewBackfill(const NewBackfill &backfill, Timestamp now, const BackfillRuleLimits &limits = {});

/// Whether two half-open timeframes `[start, end)` share an instant.
constexpr bool timeframesOverlap(Timestamp aStart, Timestamp aEnd, Timestamp bStart, Timestamp bEnd)
{
    return aStart < bEnd && bStart < aEnd;
}

/// Whether a backfill in this status still blocks an overlapping new one (pending or
/// pending_revert).
constexpr bool blocksOverlap(BackfillStatus status)
{
    return status == BackfillStatus::Pending || status == BackfillStatus::PendingRevert;
}

} // namespace ul
