#pragma once

#include "model/Event.h"

namespace ul {

/// One stored version of an event: what an audit trail shows (the sandbox's
/// `GET /events/{id}/history` extension).
struct EventRevision {
    int version = 1;
    QString change; ///< ingested, amended or deprecated.
    Timestamp recordedAt;
    Event event;
};

} // namespace ul
