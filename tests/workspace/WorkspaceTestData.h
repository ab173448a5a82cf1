#pragma once

// Deterministic events for the workspace suites, and a reference implementation of a workspace
// query over a plain list (filter with Expression::matches, sort as SQLite orders values), to
// check the store's answers against.

#include "workspace/WorkspaceTypes.h"

#include <QtCore/QList>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>

#include <algorithm>
#include <string>

namespace ul::test {

inline const Timestamp &workspaceEpoch()
{
    static const Timestamp t = Timestamp::fromMsecs(1'714'521'600'000); // 2024-05-01T00:00:00Z
    return t;
}

/// `count` events: 7 customers (the last two known only by external id), 4 event names,
/// timestamps over 10 days (with deliberate ties), properties region/ms/cost/billable with gaps
/// and a few values of an unexpected type.
inline QList<Event> makeWorkspaceEvents(int count, quint32 seed = 7, const QString &idPrefix = QStringLiteral("evt"))
{
    QRandomGenerator random(seed);
    const QStringList names{QStringLiteral("api_call"), QStringLiteral("storage_gb"), QStringLiteral("login"),
                            QStringLiteral("export")};
    const QStringList regions{QStringLiteral("eu"), QStringLiteral("us"), QStringLiteral("apac")};
    QList<Event> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        Event e;
        e.id = idPrefix + QStringLiteral("-%1-%2").arg(random.generate(), 8, 16, QLatin1Char('0')).arg(i);
        e.eventName = names[int(random.bounded(quint32(names.size())))];
        const int customer = int(random.bounded(7u));
        if (customer < 5)
            e.customerId = QStringLiteral("cus_%1").arg(customer);
        e.externalCustomerId = QStringLiteral("ext_%1").arg(customer);
        // Whole minutes, so that many events share a timestamp and the tie-break by seq matters.
        e.timestamp = workspaceEpoch().addSecs(qint64(random.bounded(10u * 24u * 60u)) * 60);
        e.deprecated = random.bounded(10u) == 0;
        if (random.bounded(10u) != 0)
            e.properties.set(QStringLiteral("region"), regions[int(random.bounded(quint32(regions.size())))]);
        if (random.bounded(20u) == 0)
            e.properties.set(QStringLiteral("ms"), QString::number(random.bounded(1000u))); // a string, by mistake
        else if (random.bounded(10u) != 0)
            e.properties.set(QStringLiteral("ms"), qint64(random.bounded(1000u)));
        if (random.bounded(3u) == 0)
            e.properties.set(QStringLiteral("cost"), double(random.bounded(10000u)) / 100.0);
        if (random.bounded(2u) == 0)
            e.properties.set(QStringLiteral("billable"), random.bounded(2u) == 0);
        events << e;
    }
    return events;
}

/// A sort key as SQLite orders values: NULL < numbers < text < blobs (booleans).
struct ReferenceKey {
    int cls = 0;
    double number = 0;
    qint64 integer = 0;
    bool isInteger = false;
    std::string bytes;

    static ReferenceKey of(const std::optional<QString> &text)
    {
        ReferenceKey k;
        if (text) {
            k.cls = 2;
            k.bytes = text->toStdString();
        }
        return k;
    }
    static ReferenceKey of(const PropertyValue *value)
    {
        ReferenceKey k;
        if (!value)
            return k;
        if (const auto *s = std::get_if<QString>(value)) {
            k.cls = 2;
            k.bytes = s->toStdString();
        } else if (const auto *n = std::get_if<qint64>(value)) {
            k.cls = 1;
            k.isInteger = true;
            k.integer = *n;
            k.number = double(*n);
        } else if (const auto *d = std::get_if<double>(value)) {
            k.cls = 1;
            k.number = *d;
        } else {
            k.cls = 3;
            k.bytes = std::string(1, std::get<bool>(*value) ? '\1' : '\0');
        }
        return k;
    }
    static ReferenceKey of(qint64 n)
    {
        ReferenceKey k;
        k.cls = 1;
        k.isInteger = true;
        k.integer = n;
        k.number = double(n);
        return k;
    }
    friend int compare(const ReferenceKey &a, const ReferenceKey &b)
    {
        if (a.cls != b.cls)
            return a.cls < b.cls ? -1 : 1;
        if (a.cls == 1) {
            if (a.isInteger && b.isInteger)
                return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
            return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
        }
        const int c = a.bytes.compare(b.bytes);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
};

/// A stored event with the seq and source the store should have given it.
struct ReferenceRow {
    qint64 seq = 0;
    Event event;
    QString source;
};

inline ReferenceKey referenceKey(const ReferenceRow &row, const workspace::WorkspaceQuery &q)
{
    using workspace::SortColumn;
    const Event &e = row.event;
    switch (q.sort) {
    case SortColumn::Timestamp: return ReferenceKey::of(e.timestamp.msecs());
    case SortColumn::Id: return ReferenceKey::of(std::optional<QString>(e.id));
    case SortColumn::EventName: return ReferenceKey::of(std::optional<QString>(e.eventName));
    case SortColumn::CustomerId: return ReferenceKey::of(e.customerId);
    case SortColumn::ExternalCustomerId: return ReferenceKey::of(e.externalCustomerId);
    case SortColumn::Deprecated: return ReferenceKey::of(qint64(e.deprecated ? 1 : 0));
    case SortColumn::Source: return ReferenceKey::of(std::optional<QString>(row.source));
    case SortColumn::FetchedAt: return ReferenceKey::of(qint64(0));
    case SortColumn::Property: return ReferenceKey::of(e.properties.find(q.sortProperty));
    }
    return {};
}

inline bool referenceMatches(const Event &e, const workspace::WorkspaceQuery &q)
{
    if (!q.customer.isEmpty() && e.customerId != q.customer && e.externalCustomerId != q.customer)
        return false;
    if (!q.eventName.isEmpty() && e.eventName != q.eventName)
        return false;
    if (q.from && e.timestamp < *q.from)
        return false;
    if (q.to && !(e.timestamp < *q.to))
        return false;
    return !q.properties || q.properties->matches(e.properties);
}

/// The seqs a query should give, in order.
inline QList<qint64> referenceSelect(const QList<ReferenceRow> &rows, const workspace::WorkspaceQuery &q)
{
    QList<ReferenceRow> matching;
    for (const ReferenceRow &row : rows) {
        if (referenceMatches(row.event, q))
            matching << row;
    }
    std::sort(matching.begin(), matching.end(), [&q](const ReferenceRow &a, const ReferenceRow &b) {
        const int c = compare(referenceKey(a, q), referenceKey(b, q));
        return c != 0 ? c < 0 : a.seq < b.seq;
    });
    QList<qint64> seqs;
    for (const ReferenceRow &row : matching)
        seqs << row.seq;
    if (q.descending)
        std::reverse(seqs.begin(), seqs.end());
    return seqs;
}

} // namespace ul::test
