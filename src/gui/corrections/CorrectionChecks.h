#pragma once

#include "model/Event.h"
#include "validation/EventRules.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

namespace ul {
class Journal;
}

namespace ul::gui {

/// One line of the side-by-side diff of an event before and after a correction.
struct DiffLine {
    enum class Change { Same, Changed, Added, Removed };
    QString field;  ///< `event_name`, `customer_id`, `timestamp`, `properties.<key>`
    QString before; ///< Empty when added.
    QString after;  ///< Empty when removed.
    Change change = Change::Same;
};

/// What corrections are checked against before anything is sent, and how they are described.
class CorrectionChecks {
    Q_DECLARE_TR_FUNCTIONS(ul::gui::CorrectionChecks)
public:
    /// Why nothing can be sent now: the profile's server is not connected yet.
    static QString notConnectedText();
    /// A property value as JSON shows it: text in quotes, numbers and booleans bare.
    static QString describeValue(const PropertyValue &value);
    /// `customer_id cus_1` or `external_customer_id acme`.
    static QString customerText(const Event &event);
    /// `event` with one customer reference, as an amendment must spell it: the server's events
    /// carry both customer_id and external_customer_id; customer_id is kept when known.
    static Event withOneCustomerReference(Event event);
    /// The key that groups an event's corrections per customer.
    static QString customerKey(const Event &event);

    /// Every field of both events, in the order: name, customer, timestamp, properties
    /// (before's order, then the new ones).
    static QList<DiffLine> diff(const Event &before, const Event &after);
    /// A one-line summary of what changes: `region: "eu" → "us"; ms removed`.
    static QString summary(const Event &before, const Event &after);

    /// Rows that a known server rule would refuse, by event id, with the reason: already
    /// deprecated, outside the correction window, or over the per-customer limit of `action`
    /// (journal entries that succeeded in the limit's period count, then the batch in order).
    /// `120 of 300 · 42.0/s · about 5 s left` for work under way (no rate: no ETA).
    static QString progressText(qint64 done, qint64 total, double perSecond);

    static QHash<QString, QString> flag(const QList<Event> &events, const QString &action, const Journal *journal,
                                        Timestamp now, const EventRuleLimits &limits);
};

} // namespace ul::gui
