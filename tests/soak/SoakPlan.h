#pragma once
// The soak workload, shared by the test and its helper process so both build the very same
// events: `amend` seeded events get a new region, `deprecate` seeded events are deprecated, and
// `imported` new events are ingested ("imported") in chunks — 100,000 events in all by default.

#include "OutboxTestSupport.h"

#include <QtCore/QString>

namespace ul::test::soak {

struct Plan {
    // Amendments and deprecations cost one request per event (PUT /events/{id}), imports one per
    // 500 events: 8,000 + 4,000 + 88,000 events make about 12,200 requests before faults.
    int amend = 8'000;
    int deprecate = 4'000;
    int imported = 88'000;
    [[nodiscard]] int total() const { return amend + deprecate + imported; }
};

inline QString amendId(int i) { return QStringLiteral("soak-a-") + QString::number(i); }
inline QString deprecateId(int i) { return QStringLiteral("soak-d-") + QString::number(i); }
inline QString importId(int i) { return QStringLiteral("soak-i-") + QString::number(i); }
/// The region an amended event ends up with.
inline QString amendedRegion(const QString &id) { return QStringLiteral("v-") + id; }

/// The group (and journal operation id) of each part of the workload.
inline QString amendGroup() { return QStringLiteral("soak-amend"); }
inline QString deprecateGroup() { return QStringLiteral("soak-deprecate"); }
inline QString importGroup() { return QStringLiteral("soak-import"); }

} // namespace ul::test::soak
