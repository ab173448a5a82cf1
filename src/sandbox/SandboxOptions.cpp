#include "SandboxOptions.h"

#include "Version.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>

namespace ul::sandbox {

QString SandboxOptions::problem() const
{
    if (token.isEmpty())
        return QStringLiteral("a token is required (--token TOKEN): every request must carry it as a bearer token");
    if (!host.isLoopback() && !allowRemote)
        return QStringLiteral("%1 is not a loopback address; pass --allow-remote to listen on it").arg(host.toString());
    if (maxBodyBytes < 1024)
        return QStringLiteral("the request body limit must be at least 1 KiB");
    if (webhookTimeout.count() < 1)
        return QStringLiteral("the webhook delivery timeout must be at least 1 ms");
    if (webhookConcurrency < 1)
        return QStringLiteral("at least one webhook delivery must be allowed in flight");
    if (webhookRetrySchedule.size() > 20)
        return QStringLiteral("the webhook retry schedule may hold at most 20 retries");
    for (const auto delay : webhookRetrySchedule) {
        if (delay.count() < 0)
            return QStringLiteral("a webhook retry delay cannot be negative");
    }
    return {};
}

Expected<QList<std::chrono::milliseconds>, QString> parseRetrySchedule(const QString &text)
{
    QList<std::chrono::milliseconds> schedule;
    if (text.trimmed().isEmpty() || text.trimmed() == QLatin1StringView("none"))
        return schedule; // no retries at all
    for (const QString &part : text.split(u',')) {
        const QString item = part.trimmed();
        const auto delay = parseDuration(item, std::chrono::seconds(1), std::chrono::days(7));
        if (!delay)
            return Unexpected{QStringLiteral("\"%1\" is not a delay such as 0s, 500ms, 30s, 5m or 2h (at most 7 days)").arg(item)};
        schedule.append(*delay);
    }
    return schedule;
}

QString formatRetrySchedule(const QList<std::chrono::milliseconds> &schedule)
{
    QStringList parts;
    for (const auto delay : schedule) {
        const qint64 ms = delay.count();
        if (ms != 0 && ms % 3'600'000 == 0)
            parts << QStringLiteral("%1h").arg(ms / 3'600'000);
        else if (ms != 0 && ms % 60'000 == 0)
            parts << QStringLiteral("%1m").arg(ms / 60'000);
        else if (ms % 1000 == 0)
            parts << QStringLiteral("%1s").arg(ms / 1000);
        else
            parts << QStringLiteral("%1ms").arg(ms);
    }
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(u',');
}

SandboxCommandLine parseSandboxCommandLine(const QStringList &arguments)
{
    SandboxCommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("An Orb-compatible usage-billing API server backed by SQLite, for UsageLens and its tests."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on; port 0 picks a free one."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8484"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("SQLite database file, or :memory:."),
                                QStringLiteral("PATH"), QStringLiteral(":memory:"));
    const QCommandLineOption token(QStringLiteral("token"), QStringLiteral("Bearer token clients must send (required)."),
                                   QStringLiteral("TOKEN"));
    const QCommandLineOption seed(QStringLiteral("seed-demo"), QStringLiteral("Create demo customers and events in an empty database."));
    const QCommandLineOption demoEvents(QStringLiteral("demo-events"), QStringLiteral("How many demo events to create."),
                                        QStringLiteral("N"), QStringLiteral("60000"));
    const QCommandLineOption grace(QStringLiteral("grace-period"), QStringLiteral("Ingestion grace period in hours (default 12)."),
                                   QStringLiteral("HOURS"), QStringLiteral("12"));
    const QCommandLineOption window(QStringLiteral("correction-window"),
                                    QStringLiteral("How many days back events may be amended or deprecated (default 35)."),
                                    QStringLiteral("DAYS"), QStringLiteral("35"));
    const QCommandLineOption limit(QStringLiteral("correction-limit"),
                                   QStringLiteral("Amendments (and deprecations) per customer per 100 days (default 100)."),
                                   QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption maxBody(QStringLiteral("max-body-mib"), QStringLiteral("Largest request body in MiB (default 32)."),
                                     QStringLiteral("MIB"), QStringLiteral("32"));
    const QCommandLineOption remote(QStringLiteral("allow-remote"), QStringLiteral("Allow listening on a non-loopback address."));
    const QCommandLineOption webhookTimeout(QStringLiteral("webhook-timeout"),
                                            QStringLiteral("Seconds a webhook delivery may take before it counts as timed out (default 10)."),
                                            QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption webhookRetries(QStringLiteral("webhook-retries"),
                                            QStringLiteral("Delays before the retries of a failed webhook delivery, or none"
                                                           " (default 0s,30s,5m,30m,2h)."),
                                            QStringLiteral("DELAYS"), QStringLiteral("0s,30s,5m,30m,2h"));
    const QCommandLineOption webhookConcurrency(QStringLiteral("webhook-concurrency"),
                                                QStringLiteral("Webhook deliveries in flight at once (default 8)."),
                                                QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption annotationToken(QStringLiteral("annotation-token"),
                                             QStringLiteral("Api-Token the annotation sink (POST /api/v2/events/ingest) demands"
                                                            " (default: the --token)."),
                                             QStringLiteral("TOKEN"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    QStringLiteral("Random faults, e.g. \"500=0.1,503=0.1,429=0.05:retry-after=1,drop=0.05,"
                                                   "drop-after=0.02,latency=20ms,slow-body=0.02:duration=2s,seed=42\""
                                                   " (see docs/sandbox-api.md)."),
                                    QStringLiteral("SPEC"));
    parser.addOptions({help, version, listen, db, token, seed, demoEvents, grace, window, limit, maxBody, remote,
                       webhookTimeout, webhookRetries, webhookConcurrency, annotationToken, faults});

    auto fail = [&result](const QString &message) {
        result.exitNow = true;
        result.exitCode = 2;
        result.message = QStringLiteral("usagelens-sandbox: %1\nTry --help.\n").arg(message);
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.exitNow = true;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.exitNow = true;
        result.message = QStringLiteral("usagelens-sandbox %1\n").arg(QLatin1StringView(ul::version::Version));
        return result;
    }
    SandboxOptions &o = result.options;
    const QString listenValue = parser.value(listen);
    const qsizetype colon = listenValue.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon < 0 ? 0 : listenValue.mid(colon + 1).toUInt(&portOk);
    QString hostText = colon < 0 ? QString() : listenValue.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    if (hostText == QLatin1StringView("localhost"))
        hostText = QStringLiteral("127.0.0.1");
    if (!portOk || port > 65535 || !o.host.setAddress(hostText))
        return fail(QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:8484, not \"%1\"").arg(listenValue));
    o.port = static_cast<quint16>(port);
    o.allowRemote = parser.isSet(remote);
    o.databasePath = parser.value(db);
    o.token = parser.value(token);
    o.seedDemo = parser.isSet(seed);
    auto number = [&](const QCommandLineOption &option, int min, int &out) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min)
            return false;
        out = value;
        return true;
    };
    int hours = 0, days = 0, mib = 0;
    if (!number(demoEvents, 0, o.demoEvents))
        return fail(QStringLiteral("--demo-events wants a count"));
    if (!number(grace, 0, hours))
        return fail(QStringLiteral("--grace-period wants a number of hours"));
    if (!number(window, 1, days))
        return fail(QStringLiteral("--correction-window wants a number of days"));
    if (!number(limit, 0, o.rules.correctionLimit))
        return fail(QStringLiteral("--correction-limit wants a count"));
    if (!number(maxBody, 1, mib))
        return fail(QStringLiteral("--max-body-mib wants a number of MiB"));
    o.rules.gracePeriod = std::chrono::hours(hours);
    o.rules.correctionWindow = std::chrono::days(days);
    o.maxBodyBytes = qint64(mib) * 1024 * 1024;
    bool timeoutOk = false;
    const double timeoutSeconds = parser.value(webhookTimeout).toDouble(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 0.001 || timeoutSeconds > 3600)
        return fail(QStringLiteral("--webhook-timeout wants a number of seconds from 0.001 to 3600"));
    o.webhookTimeout = std::chrono::milliseconds(qint64(timeoutSeconds * 1000));
    auto schedule = parseRetrySchedule(parser.value(webhookRetries));
    if (!schedule)
        return fail(QStringLiteral("--webhook-retries: %1").arg(schedule.error()));
    o.webhookRetrySchedule = *schedule;
    if (!number(webhookConcurrency, 1, o.webhookConcurrency))
        return fail(QStringLiteral("--webhook-concurrency wants a count of at least 1"));
    o.annotationToken = parser.value(annotationToken);
    auto rates = parseFaultRates(parser.value(faults));
    if (!rates)
        return fail(QStringLiteral("--faults: %1").arg(rates.error()));
    o.faults = *rates;
    if (const QString problem = o.problem(); !problem.isEmpty())
        return fail(problem);
    return result;
}

} // namespace ul::sandbox
