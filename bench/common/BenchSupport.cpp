#include "BenchSupport.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <unistd.h>

#ifndef USAGELENS_BENCH_SDK_SCRIPT
#define USAGELENS_BENCH_SDK_SCRIPT ""
#endif
#ifndef USAGELENS_BENCH_NODE
#define USAGELENS_BENCH_NODE ""
#endif

namespace ul::bench {

void out(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString thousands(double value)
{
    QString digits = QString::number(qint64(std::llround(value)));
    for (qsizetype i = digits.size() - 3; i > 0 && digits.at(i - 1).isDigit(); i -= 3)
        digits.insert(i, u',');
    return digits;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double processCpuSeconds(qint64 pid)
{
    // /proc/PID/stat: fields 14 and 15 are utime and stime in clock ticks; the command name
    // (field 2) is in parentheses and may hold spaces, so count from the last ')'.
    QFile stat(pid == 0 ? QStringLiteral("/proc/self/stat") : QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QList<Event> benchEvents(qint64 count, const QStringList &customerIds, const QStringList &externalIds)
{
    static constexpr std::array Regions{"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"};
    static constexpr std::array Endpoints{"/v2/orders", "/v2/search", "/v2/users", "/v2/reports", "/v2/export"};
    QRandomGenerator *rng = QRandomGenerator::global();
    const Timestamp now = Timestamp::now();
    QList<Event> events;
    events.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        Event e;
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces); // random UUIDv4, as clients send them
        e.eventName = QStringLiteral("api_request");
        e.timestamp = now - std::chrono::milliseconds(rng->bounded(3'600'000));
        if (i % 2 == 0 && !customerIds.isEmpty())
            e.customerId = customerIds.at(qsizetype(i % customerIds.size()));
        else
            e.externalCustomerId = externalIds.at(qsizetype(i % externalIds.size()));
        e.properties = {{QStringLiteral("region"), QString::fromLatin1(Regions[size_t(i % qint64(Regions.size()))])},
                        {QStringLiteral("endpoint"), QString::fromLatin1(Endpoints[size_t((i >> 3) % qint64(Endpoints.size()))])},
                        {QStringLiteral("ms"), qint64(5 + i % 900)},
                        {QStringLiteral("success"), i % 50 != 0}};
        events.append(std::move(e));
    }
    return events;
}

SdkOutcome runSdk(const SdkRun &run)
{
    SdkOutcome outcome;
    QProcess process;
    process.setProgram(run.node);
    process.setArguments(QStringList{run.script} + run.arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ORB_BASE_URL"), run.baseUrl);
    env.insert(QStringLiteral("ORB_API_KEY"), run.token);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForStarted()) {
        outcome.error = QStringLiteral("cannot start %1: %2").arg(run.node, process.errorString());
        return outcome;
    }
    if (!process.waitForFinished(15 * 60 * 1000)) {
        process.kill();
        process.waitForFinished();
        outcome.error = QStringLiteral("the SDK run did not finish in 15 minutes");
        return outcome;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    outcome.figures = QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last()).object();
    if (process.exitCode() != 0 || outcome.figures.isEmpty()) {
        outcome.error = QStringLiteral("node exited with %1: %2").arg(process.exitCode()).arg(QString::fromUtf8(lines.join('\n').left(500)));
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

QString defaultNode()
{
    const QString compiled = QStringLiteral(USAGELENS_BENCH_NODE);
    return compiled.isEmpty() ? QStringLiteral("node") : compiled;
}

QString defaultSdkScript()
{
    return QStringLiteral(USAGELENS_BENCH_SDK_SCRIPT);
}

} // namespace ul::bench
