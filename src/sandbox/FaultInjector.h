#pragma once

#include "http/HttpMessage.h"
#include "util/Expected.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>

#include <optional>

namespace ul::sandbox {

/// Scripted failures, so clients can be tested against the real server: "answer the next two
/// searches with 503", "answer the next ingest with 429 and retry-after-ms: 50". A fault answers
/// a request before it does anything, exactly as a transient server failure would. Every answer
/// it served is remembered with the request's Idempotency-Key, so tests can see what retried how.
/// Sandbox extension: `POST|GET|DELETE /x-sandbox/faults` (docs/sandbox-api.md).
class FaultInjector {
public:
    struct Fault {
        int status = 503;
        int count = 1;           ///< How many matching requests it answers.
        QString pathPrefix;      ///< Only requests whose route starts so (e.g. `events/search`); empty: any.
        HeaderList headers;      ///< Sent with the answer, e.g. retry-after-ms.
    };
    struct Served {
        QByteArray method;
        QString path;
        QByteArray idempotencyKey;
        int status = 0;
    };

    /// Replaces the script with the faults of a `{"faults": [...]}` body.
    Expected<Done, QString> script(const QJsonObject &body);
    void clear();
    /// The fault that answers this request, if one is scripted for it.
    std::optional<HttpResponse> answer(const HttpRequest &request);
    /// `{"faults": [what is left], "served": [what was answered]}`.
    [[nodiscard]] QByteArray stateJson() const;

private:
    QList<Fault> m_faults;
    QList<Served> m_served;
};

} // namespace ul::sandbox
