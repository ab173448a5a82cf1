#include "events/EventTableModel.h"

#include "DeprecatedStyle.h"
#include "LanguageManager.h"
#include "TimeDisplay.h"

#include <QtCore/QDateTime>
#include <QtCore/QSet>
#include <QtGui/QFont>
#include <QtGui/QGuiApplication>
#include <QtGui/QPalette>

#include <algorithm>
#include <array>

namespace ul::gui {

namespace {

constexpr std::array<QLatin1StringView, EventTableModel::FixedColumnCount> FixedColumnKeys{
    QLatin1StringView("id"),          QLatin1StringView("event_name"), QLatin1StringView("customer_id"),
    QLatin1StringView("external_customer_id"), QLatin1StringView("timestamp"), QLatin1StringView("deprecated"),
};

QVariant optionalText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant();
}

bool isNumber(const PropertyValue &value)
{
    return std::holds_alternative<qint64>(value) || std::holds_alternative<double>(value);
}

} // namespace

QVariant propertyValueToVariant(const PropertyValue &value)
{
    return std::visit([](const auto &v) { return QVariant::fromValue(v); }, value);
}

EventTableModel::EventTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    TimeDisplay::refreshOnChange(this);
    retranslateOnLanguageChange(this);
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + int(m_propertyKeys.size());
}

QString EventTableModel::displayTimestamp(const Timestamp &timestamp)
{
    return TimeDisplay::format(timestamp);
}

QVariant EventTableModel::displayValue(const Event &event, int column) const
{
    switch (column) {
    case IdColumn: return event.id;
    case EventNameColumn: return event.eventName;
    case CustomerIdColumn: return optionalText(event.customerId);
    case ExternalCustomerIdColumn: return optionalText(event.externalCustomerId);
    case TimestampColumn: return displayTimestamp(event.timestamp);
    case DeprecatedColumn: return event.deprecated ? tr("deprecated") : QString();
    default: break;
    }
    const PropertyValue *value = event.properties.find(m_propertyKeys.at(column - FixedColumnCount));
    return value ? QVariant(propertyValueToString(*value)) : QVariant();
}

QVariant EventTableModel::sortValue(const Event &event, int column) const
{
    switch (column) {
    case IdColumn: return event.id;
    case EventNameColumn: return event.eventName;
    case CustomerIdColumn: return optionalText(event.customerId);
    case ExternalCustomerIdColumn: return optionalText(event.externalCustomerId);
    case TimestampColumn: return event.timestamp.msecs();
    case DeprecatedColumn: return event.deprecated;
    default: break;
    }
    const PropertyValue *value = event.properties.find(m_propertyKeys.at(column - FixedColumnCount));
    return value ? propertyValueToVariant(*value) : QVariant();
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayValue(event, column);
    case SortRole: return sortValue(event, column);
    case EventIdRole: return event.id;
    case Qt::ForegroundRole:
    case Qt::FontRole:
        return event.deprecated ? DeprecatedStyle::data(role) : QVariant();
    case Qt::ToolTipRole:
        return event.deprecated ? QVariant(DeprecatedStyle::explanation()) : QVariant();
    case Qt::TextAlignmentRole:
        if (column >= FixedColumnCount) {
            const PropertyValue *value = event.properties.find(m_propertyKeys.at(column - FixedColumnCount));
            if (value && isNumber(*value))
                return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    default: return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ColumnKeyRole)
        return columnKey(section);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn: return tr("Id");
        case EventNameColumn: return tr("Event name");
        case CustomerIdColumn: return tr("Customer id");
        case ExternalCustomerIdColumn: return tr("External customer id");
        case TimestampColumn: return tr("Timestamp (%1)").arg(TimeDisplay::zoneLabel());
        case DeprecatedColumn: return tr("Deprecated");
        default: return m_propertyKeys.at(section - FixedColumnCount);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (section >= FixedColumnCount)
            return tr("Property “%1”. Right-click the header to show or hide columns.")
                .arg(m_propertyKeys.at(section - FixedColumnCount));
        return tr("Right-click the header to show or hide columns.");
    }
    return {};
}

QString EventTableModel::columnKey(int column) const
{
    if (column >= 0 && column < FixedColumnCount)
        return FixedColumnKeys[size_t(column)];
    if (column >= FixedColumnCount && column < columnCount())
        return propertyColumnPrefix() + m_propertyKeys.at(column - FixedColumnCount);
    return {};
}

int EventTableModel::columnOfKey(QStringView key) const
{
    for (int column = 0; column < FixedColumnCount; ++column) {
        if (key == FixedColumnKeys[size_t(column)])
            return column;
    }
    if (key.startsWith(propertyColumnPrefix())) {
        const QStringView property = key.mid(propertyColumnPrefix().size());
        const auto it = std::lower_bound(m_propertyKeys.cbegin(), m_propertyKeys.cend(), property,
                                         [](const QString &a, QStringView b) { return QStringView(a) < b; });
        if (it != m_propertyKeys.cend() && *it == property)
            return FixedColumnCount + int(it - m_propertyKeys.cbegin());
    }
    return -1;
}

std::optional<QString> EventTableModel::propertyKeyOf(int column) const
{
    if (column >= FixedColumnCount && column < columnCount())
        return m_propertyKeys.at(column - FixedColumnCount);
    return std::nullopt;
}

std::optional<int> EventTableModel::rowOf(const QString &eventId) const
{
    const auto it = m_rowOfId.constFind(eventId);
    if (it == m_rowOfId.cend())
        return std::nullopt;
    return *it;
}

void EventTableModel::setEvents(const QList<Event> &events)
{
    beginResetModel();
    m_events.clear();
    m_rowOfId.clear();
    m_propertyKeys.clear();
    m_events.reserve(events.size());
    for (const Event &event : events) {
        const auto it = m_rowOfId.constFind(event.id);
        if (it != m_rowOfId.cend()) {
            m_events[*it] = event;
        } else {
            m_rowOfId.insert(event.id, int(m_events.size()));
            m_events.append(event);
        }
    }
    QSet<QString> keys;
    for (const Event &event : std::as_const(m_events)) {
        for (const Properties::Entry &entry : event.properties.entries())
            keys.insert(entry.first);
    }
    m_propertyKeys = QStringList(keys.cbegin(), keys.cend());
    std::sort(m_propertyKeys.begin(), m_propertyKeys.end());
    endResetModel();
}

void EventTableModel::addPropertyColumns(const QList<Event> &events)
{
    QSet<QString> fresh;
    for (const Event &event : events) {
        for (const Properties::Entry &entry : event.properties.entries()) {
            if (!fresh.contains(entry.first)
                && !std::binary_search(m_propertyKeys.cbegin(), m_propertyKeys.cend(), entry.first))
                fresh.insert(entry.first);
        }
    }
    QStringList sorted(fresh.cbegin(), fresh.cend());
    std::sort(sorted.begin(), sorted.end());
    for (const QString &key : std::as_const(sorted)) {
        const auto position = std::lower_bound(m_propertyKeys.begin(), m_propertyKeys.end(), key);
        const int column = FixedColumnCount + int(position - m_propertyKeys.begin());
        beginInsertColumns({}, column, column);
        m_propertyKeys.insert(position, key);
        endInsertColumns();
    }
}

void EventTableModel::addEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    addPropertyColumns(events);

    int firstChanged = -1;
    int lastChanged = -1;
    QList<Event> appended;
    QHash<QString, qsizetype> appendedIndex;
    for (const Event &event : events) {
        if (const auto row = m_rowOfId.constFind(event.id); row != m_rowOfId.cend()) {
            m_events[*row] = event;
            firstChanged = firstChanged < 0 ? *row : std::min(firstChanged, *row);
            lastChanged = std::max(lastChanged, *row);
        } else if (const auto pending = appendedIndex.constFind(event.id); pending != appendedIndex.cend()) {
            appended[*pending] = event;
        } else {
            appendedIndex.insert(event.id, appended.size());
            appended.append(event);
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, columnCount() - 1));
    if (!appended.isEmpty()) {
        const int first = int(m_events.size());
        beginInsertRows({}, first, first + int(appended.size()) - 1);
        for (Event &event : appended) {
            m_rowOfId.insert(event.id, int(m_events.size()));
            m_events.append(std::move(event));
        }
        endInsertRows();
    }
}

void EventTableModel::clear()
{
    setEvents({});
}

void EventTableModel::orderByIds(const QStringList &ids)
{
    if (m_events.size() < 2)
        return;
    // newRowOf[old row] = new row
    QList<int> newRowOf(m_events.size(), -1);
    int next = 0;
    for (const QString &id : ids) {
        const auto row = m_rowOfId.constFind(id);
        if (row != m_rowOfId.cend() && newRowOf[*row] < 0)
            newRowOf[*row] = next++;
    }
    for (int row = 0; row < int(m_events.size()); ++row) {
        if (newRowOf[row] < 0)
            newRowOf[row] = next++;
    }
    bool unchanged = true;
    for (int row = 0; row < int(newRowOf.size()) && unchanged; ++row)
        unchanged = newRowOf[row] == row;
    if (unchanged)
        return;

    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<Event> reordered(m_events.size());
    for (int row = 0; row < int(m_events.size()); ++row)
        reordered[newRowOf[row]] = std::move(m_events[row]);
    m_events = std::move(reordered);
    rebuildIndex();
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &old : from)
        to.append(index(newRowOf[old.row()], old.column()));
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void EventTableModel::rebuildIndex()
{
    m_rowOfId.clear();
    m_rowOfId.reserve(m_events.size());
    for (int row = 0; row < int(m_events.size()); ++row)
        m_rowOfId.insert(m_events[row].id, row);
}

} // namespace ul::gui
