#pragma once
// Small helpers the benchmarks share: printing, medians and percentiles, CPU clocks, /proc figures,
// the events every client benchmark sends, and the Orb SDK runner (bench/sdk-ingest.mjs).

#include "model/Event.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace ul::bench {

/// Prints one line to stdout and flushes it.
void out(const QString &line);
/// 1234567.8 → "1,234,568".
QString thousands(double value);
double median(QList<double> values);
/// The p-th percentile (0–100) by nearest rank.
double percentile(QList<double> values, double p);
/// CPU seconds used by the calling thread so far.
double threadCpuSeconds();
/// CPU seconds (user + system, all threads) used so far by process `pid` (0: this process), or -1.
double processCpuSeconds(qint64 pid = 0);
/// A field of /proc/self/status in kB (VmRSS, VmHWM), or -1.
qint64 statusKb(const char *field);

/// `count` usage events shaped like the ones bench/sdk-ingest.mjs sends: random UUIDv4
/// idempotency keys, `api_request`, timestamps in the last hour, every other event for one of
/// `customerIds` (customer_id), the others for one of `externalIds`, four properties.
QList<Event> benchEvents(qint64 count, const QStringList &customerIds, const QStringList &externalIds);

/// The Orb TypeScript SDK sending events (and optionally searching) with bench/sdk-ingest.mjs.
struct SdkRun {
    QString node;   ///< node executable
    QString script; ///< bench/sdk-ingest.mjs
    QString baseUrl; ///< what ORB_BASE_URL gets, e.g. http://127.0.0.1:1234/v1
    QString token;
    QStringList arguments; ///< --events N --batch N --concurrency N ...
};
struct SdkOutcome {
    bool ok = false;
    QJsonObject figures; ///< the script's last output line
    QString error;
};
/// Runs the script as a child process and waits for it (up to 15 minutes); servers it talks to
/// must run on another thread.
SdkOutcome runSdk(const SdkRun &run);
/// The default node and script paths compiled in (USAGELENS_BENCH_NODE / _SDK_SCRIPT).
QString defaultNode();
QString defaultSdkScript();

} // namespace ul::bench
