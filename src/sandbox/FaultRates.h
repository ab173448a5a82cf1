#pragma once

#include "util/Expected.h"

#include <QtCore/QList>
#include <QtCore/QString>

#include <chrono>
#include <optional>

namespace ul::sandbox {

/// Random failures at given rates, for soak tests of clients: each request (except the
/// `/x-sandbox/...` controls and the demo receiver) draws once and gets at most one of the faults
/// below; the latency applies to every request. The specification, on the command line
/// (`--faults`) and at run time (`PUT /x-sandbox/faults/rates`), reads e.g.
///
///     500=0.1,503=0.1,429=0.05:retry-after=1,drop=0.05,drop-after=0.02,latency=20ms,slow-body=0.02:duration=3s,seed=42
///
/// - `STATUS=P` (400–599): answer with that status before doing anything; `:retry-after=S` adds
///   `Retry-After: S` (whole seconds; 429 gets 1 unless told otherwise).
/// - `drop=P`: close the connection without answering, before doing anything.
/// - `drop-after=P`: do the request, then close the connection without answering (the client
///   cannot tell whether it happened: what idempotency keys are for).
/// - `slow-body=P[:duration=D]`: answer normally but trickle the body over D (default 2s).
/// - `latency=D` or `latency=D1-D2`: wait D (or a uniform draw from D1 to D2) before answering.
/// - `seed=N`: the random generator's seed, so a run can be repeated; none: a random seed.
/// Rates are probabilities (0.05) or percentages (5%) and may add up to at most 1. Durations
/// take ms, s or m (a bare number is ms). `none` or an empty text: no faults.
struct FaultRates {
    struct StatusRate {
        int status = 503;
        double rate = 0;
        std::optional<int> retryAfterSeconds;
        friend bool operator==(const StatusRate &, const StatusRate &) = default;
    };
    QList<StatusRate> statuses;
    double drop = 0;
    double dropAfter = 0;
    double slowBody = 0;
    std::chrono::milliseconds slowBodyDuration{2000};
    std::chrono::milliseconds latencyMin{0};
    std::chrono::milliseconds latencyMax{0};
    std::optional<quint64> seed;

    /// No fault and no latency.
    [[nodiscard]] bool isEmpty() const;
    /// The sum of all rates (at most 1).
    [[nodiscard]] double totalRate() const;

    friend bool operator==(const FaultRates &, const FaultRates &) = default;
};

/// Reads a duration such as `500ms`, `1.5s`, `2m` or `2h` (a bare number is in `bareUnit`); nullopt
/// when it is not one or is negative or longer than `max`.
std::optional<std::chrono::milliseconds> parseDuration(const QString &text, std::chrono::milliseconds bareUnit,
                                                       std::chrono::milliseconds max);

/// Reads a specification as described at FaultRates; the error names the item and what would do.
Expected<FaultRates, QString> parseFaultRates(const QString &spec);
/// The specification parseFaultRates reads back into the same rates (`none` when empty).
QString formatFaultRates(const FaultRates &rates);

} // namespace ul::sandbox
