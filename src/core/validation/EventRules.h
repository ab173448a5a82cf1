#pragma once

#include "model/Event.h"

#include <QtCore/QStringList>

#include <chrono>

namespace ul {

/// The limits of Orb's event rules that an account (or the sandbox) can configure.
struct EventRuleLimits {
    /// How far in the past an ingested timestamp may lie (Orb's default grace period: 12 h).
    std::chrono::milliseconds gracePeriod = std::chrono::hours(12);
    /// How far in the future an ingested timestamp may lie.
    std::chrono::milliseconds maxFutureSkew = std::chrono::minutes(5);
    /// How old an event may be and still be amended or deprecated. Orb allows the current billing
    /// period and the grace period of the previous one; without subscriptions, a fixed window.
    std::chrono::milliseconds correctionWindow = std::chrono::days(35);
    /// Amendments (and, separately, deprecations) allowed per customer in `correctionLimitPeriod`.
    int correctionLimit = 100;
    std::chrono::milliseconds correctionLimitPeriod = std::chrono::days(100);
    /// Longest accepted idempotency key / event name, in characters.
    int maxKeyLength = 256;
};

/// The rules Orb applies to each ingested event that need no server state, so the app can
/// check a form as the analyst types and the sandbox enforces exactly the same. Each problem is
/// a sentence that starts with the field it is about. `inBackfill` skips the grace period,
/// which a backfill replaces with its own timeframe.
QStringList checkIngestEvent(const Event &event, Timestamp now, const EventRuleLimits &limits, bool inBackfill = false);

/// The rules for replacing `current` by `amended` (PUT /events/{id}): same timestamp, same
/// customer reference, a valid name, and the event young enough to be corrected.
QStringList checkAmendment(const Event &current, const Event &amended, Timestamp now, const EventRuleLimits &limits);

/// Whether an existing event may still be corrected (amended or deprecated) at `now`.
QStringList checkCorrectionWindow(const Event &current, Timestamp now, const EventRuleLimits &limits);

/// Two events with the same content: same name, timestamp, customer reference and property
/// values, whatever the order of the properties.
bool sameContent(const Event &a, const Event &b);

} // namespace ul
