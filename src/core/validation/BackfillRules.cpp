#include "validation/BackfillRules.h"

#include "filter/FilterExpression.h"

namespace ul {

QStringList checkNewBackfill(const NewBackfill &b, Timestamp now, const BackfillRuleLimits &limits)
{
    QStringList problems;
    if (b.timeframeEnd <= b.timeframeStart) {
        problems << QStringLiteral("timeframe_end: must be after timeframe_start");
    } else if (b.timeframeEnd.msecs() - b.timeframeStart.msecs() > limits.maxDuration.count()) {
        const qint64 days = std::chrono::duration_cast<std::chrono::days>(limits.maxDuration).count();
        problems << QStringLiteral("timeframe_end: a backfill may span at most %1 days").arg(days);
    }
    if (b.customerId && b.externalCustomerId)
        problems << QStringLiteral("customer_id: give either customer_id or external_customer_id, not both");
    else if (b.customerId && b.customerId->isEmpty())
        problems << QStringLiteral("customer_id: must not be empty");
    else if (b.externalCustomerId && b.externalCustomerId->isEmpty())
        problems << QStringLiteral("external_customer_id: must not be empty");
    if (b.closeTime && *b.closeTime <= now)
        problems << QStringLiteral("close_time: must be in the future");
    if (b.deprecationFilter && !b.deprecationFilter->trimmed().isEmpty()) {
        if (!b.replaceExistingEvents) {
            problems << QStringLiteral("deprecation_filter: only applies when replace_existing_events is true");
        } else if (auto parsed = filter::Expression::parse(*b.deprecationFilter); !parsed) {
            problems << QStringLiteral("deprecation_filter: %1").arg(parsed.error().toString());
        }
    }
    return problems;
}

} // namespace ul
