#pragma once

#include "http/Router.h"

namespace ul::sandbox {

struct SandboxContext;
class WebhookDeliverer;

/// Webhooks and delivery attempts in Stark Infra's shape (sandbox extensions):
/// `POST /webhook`, `GET /webhook`, `GET` and `DELETE /webhook/{id}`,
/// `GET /event/attempt`, `GET /event/attempt/{id}`, `PATCH /event/attempt/{id}` (mark handled),
/// `POST /webhook/{webhook_id}/event/{event_id}/resend`, `GET /event/delivery`, `GET /event/delivery/{id}`.
void addWebhookRoutes(Router &router, SandboxContext &context, WebhookDeliverer &deliverer);

} // namespace ul::sandbox
