#pragma once

#include "http/Router.h"
#include "model/Backfill.h"
#include "util/Expected.h"

namespace ul {
struct Event;
}

namespace ul::sandbox {

struct SandboxContext;
class SandboxStore;
class WebhookDeliverer;

/// `POST /events/backfills`, `GET /events/backfills`, `GET /events/backfills/{id}`,
/// `POST /events/backfills/{id}/close`, `POST /events/backfills/{id}/revert` and
/// `GET /events/volume` (see docs/sandbox-api.md).
void addBackfillRoutes(Router &router, SandboxContext &context);

/// For `POST /ingest?backfill_id=…`: the backfill if events may be ingested into it now (it is
/// pending and its close_time has not passed), else the answer that refuses the request.
Expected<Backfill, HttpResponse> backfillOpenForIngest(const SandboxContext &context, const QString &backfillId);

/// The problems of one event ingested into `backfill`: its timestamp must lie in the backfill's
/// timeframe and, for a backfill scoped to a customer, it must belong to that customer.
QStringList backfillEventProblems(const SandboxStore &store, const Backfill &backfill, const Event &event);

/// Queues the `backfill.closed` (status reflected) or `backfill.reverted` (status reverted)
/// webhook deliveries for a backfill whose status just changed; other statuses notify nobody.
void notifyBackfillChange(WebhookDeliverer &deliverer, const Backfill &backfill, Timestamp at);

} // namespace ul::sandbox
