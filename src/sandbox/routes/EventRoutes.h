#pragma once

#include "http/Router.h"

namespace ul::sandbox {

struct SandboxContext;

/// `POST /ingest`, `POST /events/search`, `PUT /events/{id}`, `PUT /events/{id}/deprecate`,
/// and the sandbox extension `GET /events/{id}/history`.
void addEventRoutes(Router &router, SandboxContext &context);

} // namespace ul::sandbox
