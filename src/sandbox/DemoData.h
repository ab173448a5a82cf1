#pragma once

#include "util/Expected.h"
#include "util/Timestamp.h"

namespace ul::sandbox {

class SandboxStore;

struct DemoDataSpec {
    int events = 60'000;
    int customers = 36;
    int days = 30;
    quint32 seed = 20261123; ///< Same seed, same data set.
};

/// What seeding created, for the log line and the tests.
struct DemoDataSummary {
    int customers = 0;
    int events = 0;
    int amended = 0;
    int deprecated = 0;
};

/// Fills an empty store with a realistic data set: customers (most with an external id), usage
/// events over the last `days` days with several event names and typed properties, and a few
/// amended and deprecated events with their history.
Expected<DemoDataSummary, QString> seedDemoData(SandboxStore &store, const DemoDataSpec &spec, Timestamp now);

} // namespace ul::sandbox
