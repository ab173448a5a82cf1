#include "events/EventFilterProxyModel.h"

#include "events/EventTableModel.h"

namespace ul::gui {

namespace {

/// Missing < boolean < number < text.
int rank(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType: return 0;
    case QMetaType::Bool: return 1;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Double: return 2;
    default: return 3;
    }
}

bool contains(QStringView haystack, QStringView term)
{
    return haystack.contains(term, Qt::CaseInsensitive);
}

bool eventContains(const Event &event, QStringView term)
{
    if (contains(event.id, term) || contains(event.eventName, term))
        return true;
    if (event.customerId && contains(*event.customerId, term))
        return true;
    if (event.externalCustomerId && contains(*event.externalCustomerId, term))
        return true;
    for (const Properties::Entry &entry : event.properties.entries()) {
        if (const auto *text = std::get_if<QString>(&entry.second)) {
            if (contains(*text, term))
                return true;
        } else if (contains(propertyValueToString(entry.second), term)) {
            return true;
        }
    }
    return false;
}

} // namespace

EventFilterProxyModel::EventFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EventTableModel::SortRole);
}

void EventFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_events = qobject_cast<EventTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void EventFilterProxyModel::setQuickFilter(const QString &text)
{
    QList<Term> terms;
    const QStringList words = text.simplified().split(QChar(u' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const qsizetype equals = word.indexOf(u'=');
        if (equals > 0)
            terms.append({word.left(equals), word.mid(equals + 1)});
        else
            terms.append({{}, word});
    }
    m_filterText = text;
    if (terms == m_terms)
        return;
    m_terms = terms;
    invalidateFilter();
}

bool EventFilterProxyModel::matches(const Event &event, const Term &term)
{
    if (term.key.isEmpty())
        return eventContains(event, term.text);
    auto is = [&term](QLatin1StringView field) { return term.key.compare(field, Qt::CaseInsensitive) == 0; };
    if (is(QLatin1StringView("id")))
        return contains(event.id, term.text);
    if (is(QLatin1StringView("event_name")))
        return contains(event.eventName, term.text);
    if (is(QLatin1StringView("customer_id")))
        return event.customerId && contains(*event.customerId, term.text);
    if (is(QLatin1StringView("external_customer_id")))
        return event.externalCustomerId && contains(*event.externalCustomerId, term.text);
    for (const Properties::Entry &entry : event.properties.entries()) {
        if (entry.first.compare(term.key, Qt::CaseInsensitive) == 0)
            return contains(propertyValueToString(entry.second), term.text);
    }
    return false;
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty() || sourceParent.isValid() || !m_events)
        return true;
    const Event &event = m_events->eventAt(sourceRow);
    for (const Term &term : m_terms) {
        if (!matches(event, term))
            return false;
    }
    return true;
}

bool EventFilterProxyModel::valueLessThan(const QVariant &left, const QVariant &right)
{
    const int leftRank = rank(left);
    const int rightRank = rank(right);
    if (leftRank != rightRank)
        return leftRank < rightRank;
    switch (leftRank) {
    case 0: return false;
    case 1: return !left.toBool() && right.toBool();
    case 2:
        if (left.typeId() != QMetaType::Double && right.typeId() != QMetaType::Double)
            return left.toLongLong() < right.toLongLong();
        return left.toDouble() < right.toDouble();
    default: {
        const QString a = left.toString();
        const QString b = right.toString();
        const int folded = a.compare(b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    }
    }
}

bool EventFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return valueLessThan(left.data(sortRole()), right.data(sortRole()));
}

} // namespace ul::gui
