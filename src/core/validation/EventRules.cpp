#include "validation/EventRules.h"

#include <algorithm>

namespace ul {

namespace {

QString describeDuration(std::chrono::milliseconds d)
{
    using namespace std::chrono;
    auto count = [](qint64 n, const char *unit) {
        return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1StringView(unit)).arg(n == 1 ? QString() : QStringLiteral("s"));
    };
    if (d % days(1) == 0ms)
        return count(duration_cast<days>(d).count(), "day");
    if (d % hours(1) == 0ms)
        return count(duration_cast<hours>(d).count(), "hour");
    if (d % minutes(1) == 0ms)
        return count(duration_cast<minutes>(d).count(), "minute");
    return count(duration_cast<seconds>(d).count(), "second");
}

void checkName(const Event &event, const EventRuleLimits &limits, QStringList &problems)
{
    if (event.eventName.trimmed().isEmpty())
        problems << QStringLiteral("event_name: must not be empty");
    else if (event.eventName.size() > limits.maxKeyLength)
        problems << QStringLiteral("event_name: must be at most %1 characters").arg(limits.maxKeyLength);
}

void checkCustomerReference(const Event &event, QStringList &problems)
{
    const bool hasId = event.customerId.has_value();
    const bool hasExternal = event.externalCustomerId.has_value();
    if (hasId == hasExternal) {
        problems << (hasId ? QStringLiteral("customer_id: give either customer_id or external_customer_id, not both")
                           : QStringLiteral("customer_id: one of customer_id or external_customer_id is required"));
    } else if ((hasId && event.customerId->isEmpty()) || (hasExternal && event.externalCustomerId->isEmpty())) {
        problems << QStringLiteral("%1: must not be empty").arg(hasId ? QStringLiteral("customer_id") : QStringLiteral("external_customer_id"));
    }
}

QList<Properties::Entry> sortedEntries(const Properties &p)
{
    QList<Properties::Entry> entries = p.entries();
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return entries;
}

} // namespace

QStringList checkIngestEvent(const Event &event, Timestamp now, const EventRuleLimits &limits, bool inBackfill)
{
    QStringList problems;
    if (event.id.isEmpty())
        problems << QStringLiteral("idempotency_key: must not be empty");
    else if (event.id.size() > limits.maxKeyLength)
        problems << QStringLiteral("idempotency_key: must be at most %1 characters").arg(limits.maxKeyLength);
    checkName(event, limits, problems);
    checkCustomerReference(event, problems);
    if (event.timestamp > now + limits.maxFutureSkew) {
        problems << QStringLiteral("timestamp: %1 is more than %2 in the future")
                        .arg(event.timestamp.toIso8601(), describeDuration(limits.maxFutureSkew));
    } else if (!inBackfill && event.timestamp < now - limits.gracePeriod) {
        problems << QStringLiteral("timestamp: %1 is older than the grace period of %2; use a backfill for older events")
                        .arg(event.timestamp.toIso8601(), describeDuration(limits.gracePeriod));
    }
    return problems;
}

QStringList checkCorrectionWindow(const Event &current, Timestamp now, const EventRuleLimits &limits)
{
    if (current.timestamp < now - limits.correctionWindow) {
        return {QStringLiteral("timestamp: %1 is outside the correction window of %2; use a backfill instead")
                    .arg(current.timestamp.toIso8601(), describeDuration(limits.correctionWindow))};
    }
    return {};
}

QStringList checkAmendment(const Event &current, const Event &amended, Timestamp now, const EventRuleLimits &limits)
{
    QStringList problems;
    checkName(amended, limits, problems);
    checkCustomerReference(amended, problems);
    if (amended.timestamp != current.timestamp) {
        problems << QStringLiteral("timestamp: must stay %1; an amendment cannot move an event in time")
                        .arg(current.timestamp.toIso8601());
    }
    if (problems.isEmpty()) {
        const bool sameCustomer = amended.customerId ? amended.customerId == current.customerId
                                                     : amended.externalCustomerId == current.externalCustomerId;
        if (!sameCustomer) {
            problems << (amended.customerId
                             ? QStringLiteral("customer_id: must stay %1; an amendment cannot change the customer")
                                   .arg(current.customerId.value_or(QStringLiteral("unset")))
                             : QStringLiteral("external_customer_id: must stay %1; an amendment cannot change the customer")
                                   .arg(current.externalCustomerId.value_or(QStringLiteral("unset"))));
        }
    }
    problems << checkCorrectionWindow(current, now, limits);
    return problems;
}

bool sameContent(const Event &a, const Event &b)
{
    return a.id == b.id && a.eventName == b.eventName && a.timestamp == b.timestamp && a.customerId == b.customerId
        && a.externalCustomerId == b.externalCustomerId && sortedEntries(a.properties) == sortedEntries(b.properties);
}

} // namespace ul
