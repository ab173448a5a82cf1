#include "corrections/CorrectionChecks.h"

#include "journal/Journal.h"
#include "json/EventCodec.h"

#include <cmath>

namespace ul::gui {

QString CorrectionChecks::notConnectedText()
{
    return tr("Not connected yet: corrections can be sent once the profile's server is connected.");
}

QString CorrectionChecks::describeValue(const PropertyValue &value)
{
    if (const auto *text = std::get_if<QString>(&value))
        return u'"' + *text + u'"';
    return propertyValueToString(value);
}

QString CorrectionChecks::customerText(const Event &event)
{
    if (event.customerId)
        return QStringLiteral("customer_id %1").arg(*event.customerId);
    if (event.externalCustomerId)
        return QStringLiteral("external_customer_id %1").arg(*event.externalCustomerId);
    return tr("no customer");
}

Event CorrectionChecks::withOneCustomerReference(Event event)
{
    if (event.customerId && event.externalCustomerId)
        event.externalCustomerId.reset();
    return event;
}

QString CorrectionChecks::customerKey(const Event &event)
{
    return event.customerId ? *event.customerId : QStringLiteral("external:") + event.externalCustomerId.value_or(QString());
}

QList<DiffLine> CorrectionChecks::diff(const Event &before, const Event &after)
{
    QList<DiffLine> lines;
    auto line = [&lines](const QString &field, const QString &a, const QString &b) {
        lines << DiffLine{field, a, b, a == b ? DiffLine::Change::Same : DiffLine::Change::Changed};
    };
    line(QStringLiteral("event_name"), before.eventName, after.eventName);
    line(before.customerId || after.customerId ? QStringLiteral("customer_id") : QStringLiteral("external_customer_id"),
         before.customerId.value_or(before.externalCustomerId.value_or(QString())),
         after.customerId.value_or(after.externalCustomerId.value_or(QString())));
    line(QStringLiteral("timestamp"), before.timestamp.toIso8601(), after.timestamp.toIso8601());
    for (const auto &[key, value] : before.properties.entries()) {
        const QString field = QStringLiteral("properties.") + key;
        if (const PropertyValue *now = after.properties.find(key))
            lines << DiffLine{field, describeValue(value), describeValue(*now),
                              *now == value ? DiffLine::Change::Same : DiffLine::Change::Changed};
        else
            lines << DiffLine{field, describeValue(value), QString(), DiffLine::Change::Removed};
    }
    for (const auto &[key, value] : after.properties.entries()) {
        if (!before.properties.contains(key))
            lines << DiffLine{QStringLiteral("properties.") + key, QString(), describeValue(value), DiffLine::Change::Added};
    }
    return lines;
}

QString CorrectionChecks::summary(const Event &before, const Event &after)
{
    QStringList parts;
    for (const DiffLine &line : diff(before, after)) {
        const QString field = line.field.startsWith(QLatin1StringView("properties."))
            ? line.field.mid(11) : line.field;
        switch (line.change) {
        case DiffLine::Change::Same: break;
        case DiffLine::Change::Changed: parts << tr("%1: %2 → %3").arg(field, line.before, line.after); break;
        case DiffLine::Change::Added: parts << tr("%1: + %2").arg(field, line.after); break;
        case DiffLine::Change::Removed: parts << tr("%1 removed").arg(field); break;
        }
    }
    return parts.isEmpty() ? tr("no change") : parts.join(QStringLiteral("; "));
}

QString CorrectionChecks::progressText(qint64 done, qint64 total, double perSecond)
{
    QString text = tr("%1 of %2").arg(done).arg(total);
    if (perSecond > 0) {
        const qint64 seconds = static_cast<qint64>(std::ceil(static_cast<double>(total - done) / perSecond));
        const QString eta = seconds >= 120 ? tr("about %n min left", nullptr, static_cast<int>((seconds + 59) / 60))
                                           : tr("about %n s left", nullptr, static_cast<int>(seconds));
        text += tr(" · %1/s · %2").arg(perSecond, 0, 'f', 1).arg(eta);
    }
    return text;
}

QHash<QString, QString> CorrectionChecks::flag(const QList<Event> &events, const QString &action, const Journal *journal,
                                               Timestamp now, const EventRuleLimits &limits)
{
    QHash<QString, QString> flagged;
    QHash<QString, int> perCustomer;
    if (journal) {
        JournalFilter filter;
        filter.actions = {action};
        filter.outcomes = {JournalOutcome::Succeeded, JournalOutcome::Pending};
        filter.from = now - limits.correctionLimitPeriod;
        if (auto entries = journal->query(filter)) {
            for (const JournalEntry &entry : *entries) {
                if (auto before = json::decodeEventObject(entry.beforeJson, json::EventShape::Stored))
                    ++perCustomer[customerKey(before->event)];
            }
        }
    }
    for (const Event &event : events) {
        if (event.deprecated) {
            flagged.insert(event.id, tr("Already deprecated: a deprecated event cannot be corrected."));
            continue;
        }
        if (const QStringList window = checkCorrectionWindow(event, now, limits); !window.isEmpty()) {
            flagged.insert(event.id, window.join(u' '));
            continue;
        }
        int &count = perCustomer[customerKey(event)];
        if (count >= limits.correctionLimit) {
            const int days = int(std::chrono::duration_cast<std::chrono::hours>(limits.correctionLimitPeriod).count() / 24);
            const QString limit = action == QString(JournalAction::Deprecate)
                ? tr("Over the limit of %n deprecation(s) per customer", nullptr, limits.correctionLimit)
                : tr("Over the limit of %n amendment(s) per customer", nullptr, limits.correctionLimit);
            flagged.insert(event.id, tr("%1 in %n day(s) for %2; use a backfill instead.", nullptr, days)
                                         .arg(limit, customerText(event)));
            continue;
        }
        ++count;
    }
    return flagged;
}

} // namespace ul::gui
