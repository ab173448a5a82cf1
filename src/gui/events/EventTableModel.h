#pragma once

#include "model/Event.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QStringList>

#include <optional>

namespace ul::gui {

/// Usage events as a table: the fixed Orb fields, then one column per property key seen
/// (sorted by key). Rows are unique by event id; adding an event whose id is already shown
/// replaces that row.
///
/// Qt::UserRole (SortRole) gives raw values to sort on: strings, integers and doubles as they
/// are, timestamps as milliseconds since the epoch, booleans as booleans; a missing value is
/// an invalid QVariant. Deprecated rows are greyed and italic.
class EventTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        EventNameColumn,
        CustomerIdColumn,
        ExternalCustomerIdColumn,
        TimestampColumn,
        DeprecatedColumn,
        FixedColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole,
        /// headerData(): a stable name for the column (`id`, `event_name`, …, `properties.<key>`),
        /// used to remember column widths, order and visibility.
        ColumnKeyRole,
        /// data(): the event id of the row, whatever the column.
        EventIdRole,
    };

    explicit EventTableModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every row (a model reset). Later duplicates of an id win.
    void setEvents(const QList<Event> &events);
    /// Adds events: ids already shown are updated in place, new ones appended in the given order.
    void addEvents(const QList<Event> &events);
    void clear();
    /// Moves the rows whose ids are in `ids` to the front, in that order; other rows follow in
    /// their current order. A layout change: selections and persistent indexes follow their rows.
    void orderByIds(const QStringList &ids);

    [[nodiscard]] const QList<Event> &events() const { return m_events; }
    [[nodiscard]] const Event &eventAt(int row) const { return m_events.at(row); }
    [[nodiscard]] std::optional<int> rowOf(const QString &eventId) const;
    /// The property keys that have a column, sorted.
    [[nodiscard]] const QStringList &propertyKeys() const { return m_propertyKeys; }

    [[nodiscard]] QString columnKey(int column) const;
    [[nodiscard]] int columnOfKey(QStringView key) const;
    /// The property key shown in `column`, or nothing for a fixed column.
    [[nodiscard]] std::optional<QString> propertyKeyOf(int column) const;

    /// The column's key prefix for property columns (`properties.`).
    static QLatin1StringView propertyColumnPrefix() { return QLatin1StringView("properties."); }
    /// `2026-11-23 10:15:00`, with `.123` when the milliseconds are not zero; always UTC.
    static QString displayTimestamp(const Timestamp &timestamp);

private:
    [[nodiscard]] QVariant displayValue(const Event &event, int column) const;
    [[nodiscard]] QVariant sortValue(const Event &event, int column) const;
    void addPropertyColumns(const QList<Event> &events);
    void rebuildIndex();

    QList<Event> m_events;
    QHash<QString, int> m_rowOfId;
    QStringList m_propertyKeys;
};

/// A property value as a QVariant of its own type (QString, qint64, double or bool).
QVariant propertyValueToVariant(const PropertyValue &value);

} // namespace ul::gui
