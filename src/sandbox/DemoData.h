#pragma once

#include "util/Expected.h"
#include "util/Timestamp.h"

class QUrl;

namespace ul::sandbox {

class SandboxStore;
class WebhookDeliverer;

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
    int backfills = 0;
};

/// Fills an empty store with a realistic data set: customers (most with an external id), usage
/// events over the last `days` days with several event names and typed properties, and a few
/// amended and deprecated events with their history, and three backfills (reflected, reverted
/// and pending, each scoped to one customer, with their replayed events).
Expected<DemoDataSummary, QString> seedDemoData(SandboxStore &store, const DemoDataSpec &spec, Timestamp now);

/// The demo webhooks, so a new user sees delivery attempts at once: one that always fails (404),
/// one that times out and one that succeeds, all pointing at the sandbox's own demo receiver
/// (`/demo-receiver/missing`, `/slow`, `/ok` on `sandboxUrl`) and subscribed to corrections
/// (`event.amended`, `event.deprecated`; the succeeding one to the backfill changes too).
///
/// Created once per database, on the first start with --seed-demo; four of the demo corrections
/// (two amendments, two deprecations) are then delivered to them for real, so there are attempts
/// within moments and retries follow the schedule. The 60,000 demo events themselves are never
/// delivered: seeding happens before anyone listens. On later starts only the webhooks' URLs are
/// moved to where the sandbox listens now (the app's embedded sandbox picks a new port each time).
/// Returns how many webhooks were created.
Expected<int, QString> seedDemoWebhooks(SandboxStore &events, WebhookDeliverer &deliverer, const QUrl &sandboxUrl,
                                        Timestamp now, const DemoDataSpec &spec);

} // namespace ul::sandbox
