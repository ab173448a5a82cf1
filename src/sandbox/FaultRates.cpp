#include "FaultRates.h"

#include <QtCore/QSet>
#include <QtCore/QStringList>

#include <cmath>

namespace ul::sandbox {

namespace {

constexpr qint64 MaxDurationMs = 10 * 60 * 1000;

/// `0.05` or `5%`.
std::optional<double> parseRate(const QString &text)
{
    bool ok = false;
    const bool percent = text.endsWith(u'%');
    double value = (percent ? text.chopped(1) : text).trimmed().toDouble(&ok);
    if (!ok || std::isnan(value))
        return std::nullopt;
    if (percent)
        value /= 100.0;
    if (value < 0 || value > 1)
        return std::nullopt;
    return value;
}

/// A fault's duration: a bare number is milliseconds; at most 10 minutes.
std::optional<std::chrono::milliseconds> parseFaultDuration(const QString &text)
{
    return parseDuration(text, std::chrono::milliseconds(1), std::chrono::milliseconds(MaxDurationMs));
}

QString formatDuration(std::chrono::milliseconds d)
{
    const qint64 ms = d.count();
    if (ms != 0 && ms % 60'000 == 0)
        return QStringLiteral("%1m").arg(ms / 60'000);
    if (ms != 0 && ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

QString formatRate(double rate)
{
    return QString::number(rate, 'g', 6);
}

} // namespace

std::optional<std::chrono::milliseconds> parseDuration(const QString &text, std::chrono::milliseconds bareUnit,
                                                       std::chrono::milliseconds max)
{
    const QString item = text.trimmed();
    qsizetype digits = 0;
    while (digits < item.size() && (item[digits].isDigit() || item[digits] == u'.'))
        ++digits;
    bool ok = false;
    const double number = item.left(digits).toDouble(&ok);
    const QString unit = item.mid(digits).trimmed();
    double factor = 0;
    if (unit.isEmpty())
        factor = double(bareUnit.count());
    else if (unit == QLatin1StringView("ms"))
        factor = 1;
    else if (unit == QLatin1StringView("s"))
        factor = 1000;
    else if (unit == QLatin1StringView("m") || unit == QLatin1StringView("min"))
        factor = 60'000;
    else if (unit == QLatin1StringView("h"))
        factor = 3'600'000;
    if (!ok || digits == 0 || factor == 0 || number < 0 || number * factor > double(max.count()))
        return std::nullopt;
    return std::chrono::milliseconds(qint64(std::llround(number * factor)));
}

bool FaultRates::isEmpty() const
{
    return totalRate() == 0 && latencyMax.count() == 0;
}

double FaultRates::totalRate() const
{
    double sum = drop + dropAfter + slowBody;
    for (const StatusRate &s : statuses)
        sum += s.rate;
    return sum;
}

Expected<FaultRates, QString> parseFaultRates(const QString &spec)
{
    FaultRates rates;
    const QString trimmed = spec.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1StringView("none"))
        return rates;
    QSet<QString> seen;
    for (const QString &part : trimmed.split(u',')) {
        const QString item = part.trimmed();
        QStringList pieces = item.split(u':');
        const QString head = pieces.takeFirst().trimmed();
        const qsizetype equals = head.indexOf(u'=');
        if (item.isEmpty() || equals <= 0) {
            return Unexpected{QStringLiteral("\"%1\" is not a fault; write NAME=VALUE, e.g. 503=0.1 or latency=20ms").arg(item)};
        }
        const QString name = head.left(equals).trimmed();
        const QString value = head.mid(equals + 1).trimmed();
        if (seen.contains(name))
            return Unexpected{QStringLiteral("\"%1\" is given twice").arg(name)};
        seen.insert(name);
        // Parameters after ':' (only some faults take one).
        std::optional<int> retryAfter;
        std::optional<std::chrono::milliseconds> duration;
        for (const QString &param : std::as_const(pieces)) {
            const QString p = param.trimmed();
            const qsizetype eq = p.indexOf(u'=');
            const QString key = eq < 0 ? p : p.left(eq).trimmed();
            const QString arg = eq < 0 ? QString() : p.mid(eq + 1).trimmed();
            bool ok = false;
            if (key == QLatin1StringView("retry-after") && name.size() == 3 && name[0].isDigit()) {
                const int seconds = arg.toInt(&ok);
                if (!ok || seconds < 0 || seconds > 3600)
                    return Unexpected{QStringLiteral("\"%1\": retry-after wants whole seconds from 0 to 3600").arg(item)};
                retryAfter = seconds;
            } else if (key == QLatin1StringView("duration") && name == QLatin1StringView("slow-body")) {
                duration = parseFaultDuration(arg);
                if (!duration)
                    return Unexpected{QStringLiteral("\"%1\": duration wants a time such as 500ms, 2s or 1m (at most 10 minutes)").arg(item)};
            } else {
                return Unexpected{QStringLiteral("\"%1\": %2 takes no parameter \"%3\" (a status takes retry-after=SECONDS, "
                                                 "slow-body takes duration=TIME)")
                                      .arg(item, name, key)};
            }
        }
        const auto rateOf = [&]() -> Expected<double, QString> {
            if (auto r = parseRate(value))
                return *r;
            return Unexpected{QStringLiteral("\"%1\": the rate must be a probability from 0 to 1 (e.g. 0.05) or a percentage (e.g. 5%)").arg(item)};
        };
        bool isStatus = false;
        const int status = name.toInt(&isStatus);
        if (isStatus) {
            if (status < 400 || status > 599)
                return Unexpected{QStringLiteral("\"%1\": an injected status must be from 400 to 599").arg(item)};
            auto rate = rateOf();
            if (!rate)
                return Unexpected{rate.error()};
            rates.statuses.append({status, *rate, retryAfter ? retryAfter : (status == 429 ? std::optional<int>(1) : std::nullopt)});
        } else if (name == QLatin1StringView("drop") || name == QLatin1StringView("drop-after")
                   || name == QLatin1StringView("slow-body")) {
            auto rate = rateOf();
            if (!rate)
                return Unexpected{rate.error()};
            (name == QLatin1StringView("drop") ? rates.drop : name == QLatin1StringView("drop-after") ? rates.dropAfter : rates.slowBody) = *rate;
            if (duration)
                rates.slowBodyDuration = *duration;
        } else if (name == QLatin1StringView("latency")) {
            const qsizetype dash = value.indexOf(u'-');
            const auto low = parseFaultDuration(dash < 0 ? value : value.left(dash).trimmed());
            const auto high = dash < 0 ? low : parseFaultDuration(value.mid(dash + 1).trimmed());
            if (!low || !high || *high < *low)
                return Unexpected{QStringLiteral("\"%1\": latency wants a time such as 20ms or a range such as 10ms-200ms (at most 10 minutes)").arg(item)};
            rates.latencyMin = *low;
            rates.latencyMax = *high;
        } else if (name == QLatin1StringView("seed")) {
            bool ok = false;
            const quint64 seed = value.toULongLong(&ok);
            if (!ok)
                return Unexpected{QStringLiteral("\"%1\": the seed must be a whole number").arg(item)};
            rates.seed = seed;
        } else {
            return Unexpected{QStringLiteral("\"%1\": unknown fault \"%2\"; use a status (500, 503, 429, …), drop, drop-after, "
                                             "slow-body, latency or seed")
                                  .arg(item, name)};
        }
    }
    if (const double total = rates.totalRate(); total > 1.0 + 1e-9)
        return Unexpected{QStringLiteral("the rates add up to %1, more than 1").arg(formatRate(total))};
    return rates;
}

QString formatFaultRates(const FaultRates &rates)
{
    QStringList parts;
    for (const FaultRates::StatusRate &s : rates.statuses) {
        QString part = QStringLiteral("%1=%2").arg(s.status).arg(formatRate(s.rate));
        if (s.retryAfterSeconds)
            part += QStringLiteral(":retry-after=%1").arg(*s.retryAfterSeconds);
        parts << part;
    }
    if (rates.drop > 0)
        parts << QStringLiteral("drop=%1").arg(formatRate(rates.drop));
    if (rates.dropAfter > 0)
        parts << QStringLiteral("drop-after=%1").arg(formatRate(rates.dropAfter));
    if (rates.slowBody > 0)
        parts << QStringLiteral("slow-body=%1:duration=%2").arg(formatRate(rates.slowBody), formatDuration(rates.slowBodyDuration));
    if (rates.latencyMax.count() > 0) {
        parts << (rates.latencyMin == rates.latencyMax
                      ? QStringLiteral("latency=%1").arg(formatDuration(rates.latencyMin))
                      : QStringLiteral("latency=%1-%2").arg(formatDuration(rates.latencyMin), formatDuration(rates.latencyMax)));
    }
    if (rates.seed)
        parts << QStringLiteral("seed=%1").arg(*rates.seed);
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(u',');
}

} // namespace ul::sandbox
