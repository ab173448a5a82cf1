#pragma once

#include "http/Router.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

#include <optional>

namespace ul::sandbox {

struct SandboxContext;

/// The annotation sink: a Dynatrace-style `POST /api/v2/events/ingest` (Events API v2), so the
/// app's "annotate corrections" can be tested end to end. It authenticates with
/// `Authorization: Api-Token <token>` (SandboxOptions::annotationToken, else the sandbox token),
/// answers Dynatrace's shapes (`201 {reportCount, eventIngestResults}`, errors as
/// `{"error": {code, message, constraintViolations}}`) and keeps what it received for
/// `GET /x-sandbox/annotations` (docs/sandbox-api.md, "Annotation sink").
///
/// Statuses other than OK come from the body, as Dynatrace decides them: an entity type the
/// sandbox does not know (`type(NO_SUCH_TYPE)`) gives INVALID_ENTITY_TYPE, a reserved `dt.`
/// property key gives INVALID_METADATA, an end before the start gives INVALID_TIMESTAMPS.
/// `entityId(A,B,…)` selects that many entities: one report (and result) each.
class AnnotationRoutes {
public:
    /// Received annotations kept for inspection; older ones are forgotten first.
    static constexpr qsizetype MaxKept = 1000;

    explicit AnnotationRoutes(SandboxContext &context);

    /// Whether the (already `/v1`-less) path is the ingest route, which has its own authentication.
    [[nodiscard]] static bool isIngestPath(const QStringList &segments);
    /// A 401 in Dynatrace's shape unless the request carries the annotation token.
    [[nodiscard]] std::optional<HttpResponse> checkAuthorization(const HttpRequest &request) const;
    /// Validates and records one event; the request must be authorized already.
    HttpResponse ingest(const HttpRequest &request);
    /// `GET` and `DELETE /x-sandbox/annotations` (these need the sandbox's bearer token).
    void addInspectionRoutes(Router &router);

private:
    struct Received {
        QJsonObject event; ///< The body with Dynatrace's defaults filled in.
        QJsonArray results;
        qint64 receivedMs = 0;
    };

    SandboxContext &m_context;
    QList<Received> m_received;
};

} // namespace ul::sandbox
