#pragma once

#include "FaultRates.h"
#include "http/HttpMessage.h"
#include "util/Expected.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>

#include <QtCore/QMap>

#include <optional>
#include <random>

namespace ul::sandbox {

/// Scripted failures, so clients can be tested against the real server: "answer the next two
/// searches with 503", "answer the next ingest with 429 and retry-after-ms: 50". A fault answers
/// a request before it does anything, exactly as a transient server failure would. Every answer
/// it served is remembered with the request's Idempotency-Key, so tests can see what retried how.
/// Sandbox extension: `POST|GET|DELETE /x-sandbox/faults` (docs/sandbox-api.md).
///
/// It also injects faults at random, at the rates of a FaultRates (`--faults`,
/// `GET|PUT|DELETE /x-sandbox/faults/rates`): see roll().
class FaultInjector {
public:
    /// What the rates decided for one request.
    struct Roll {
        enum class Action {
            None,      ///< Answer normally.
            Status,    ///< Answer `answer` without doing anything.
            Drop,      ///< Close the connection without doing anything.
            DropAfter, ///< Do the request, then close the connection without answering.
            SlowBody,  ///< Do the request, then trickle the answer's body over `slowBodyDuration`.
        };
        Action action = Action::None;
        std::optional<HttpResponse> answer;
        std::chrono::milliseconds latency{0};
        std::chrono::milliseconds slowBodyDuration{0};
    };

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

    /// Replaces the rates (and restarts the generator from their seed, or a random one) and
    /// zeroes the counts.
    void setRates(const FaultRates &rates);
    [[nodiscard]] const FaultRates &rates() const { return m_rates; }
    /// One draw for one request; the controls (`x-sandbox/...`) are never faulted.
    Roll roll(const HttpRequest &request);
    /// `{"spec", "seed", "rates": {...}, "counts": {"requests": N, "503": n, "drop": n, ...}}`.
    [[nodiscard]] QByteArray ratesJson() const;

private:
    QList<Fault> m_faults;
    QList<Served> m_served;
    FaultRates m_rates;
    quint64 m_seed = 0;
    std::mt19937_64 m_random;
    QMap<QString, qint64> m_counts; ///< Requests rolled, and faults injected by kind.
};

} // namespace ul::sandbox
