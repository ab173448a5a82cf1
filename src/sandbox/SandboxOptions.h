#pragma once

#include "FaultRates.h"
#include "util/Expected.h"
#include "validation/EventRules.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>

#include <chrono>

namespace ul::sandbox {

/// Everything the sandbox server can be told, from its command line or by the app that embeds it.
struct SandboxOptions {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8484;          ///< 0 picks a free port.
    bool allowRemote = false;     ///< Binding beyond loopback must be asked for explicitly.
    QString databasePath = QStringLiteral(":memory:");
    QString token;                ///< The bearer token every request must carry. Required.
    /// The `Api-Token` the annotation sink (`POST /api/v2/events/ingest`) demands; empty: `token`.
    QString annotationToken;
    bool seedDemo = false;        ///< Create the demo data set when the database is empty.
    int demoEvents = 60'000;
    EventRuleLimits rules;
    qint64 maxBodyBytes = 32LL * 1024 * 1024; ///< Larger request bodies get 413.
    FaultRates faults;            ///< Random faults (`--faults`); changeable at run time.

    // Webhook delivery (see docs/sandbox-api.md, "Webhooks and delivery attempts").
    /// A try that has no complete answer after this long is aborted and recorded as `timeout`.
    std::chrono::milliseconds webhookTimeout{10'000};
    /// Delays before the retries of a failed delivery, measured from the failed try. The first
    /// try is at once; a delivery that fails them all is given up (`failed`).
    QList<std::chrono::milliseconds> webhookRetrySchedule{
        std::chrono::seconds(0), std::chrono::seconds(30), std::chrono::minutes(5), std::chrono::minutes(30),
        std::chrono::hours(2)};
    /// How many tries may be in flight at once (over all webhooks).
    int webhookConcurrency = 8;

    /// The problem that prevents starting with these options, if any.
    [[nodiscard]] QString problem() const;
};

/// The outcome of reading a command line: options to start with, or text to print and an exit code
/// (for --help, --version and errors).
struct SandboxCommandLine {
    SandboxOptions options;
    bool exitNow = false;
    int exitCode = 0;
    QString message; ///< What to print before exiting (help, version or the error).
};

/// Reads a retry schedule such as `0s,30s,5m,30m,2h` (units ms, s, m, h; a bare number is seconds).
Expected<QList<std::chrono::milliseconds>, QString> parseRetrySchedule(const QString &text);
/// The schedule as parseRetrySchedule reads it, in the largest whole unit of each delay.
QString formatRetrySchedule(const QList<std::chrono::milliseconds> &schedule);

/// Parses `usagelens-sandbox` arguments (argv[0] first).
SandboxCommandLine parseSandboxCommandLine(const QStringList &arguments);

} // namespace ul::sandbox
