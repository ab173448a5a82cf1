#pragma once

#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStringList>

#include "model/Event.h"

namespace ul::gui {

class EventTableModel;

/// Sorts an EventTableModel by its raw values and filters it with a quick text filter.
///
/// The filter is split at white space; a row is kept when every term occurs, case-insensitively,
/// in its id, event name, customer id, external customer id or one of its property values.
/// A `key=value` term asks for that property (or field: `event_name`, `customer_id`, …) to
/// contain the value: `region=eu`, `success=false`.
/// Sorting puts missing values first, then booleans, numbers (numerically) and text.
class EventFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setQuickFilter(const QString &text);
    [[nodiscard]] QString quickFilter() const { return m_filterText; }

    /// The order rows sort in, for any two SortRole values.
    static bool valueLessThan(const QVariant &left, const QVariant &right);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Term {
        QString key;  ///< Empty: any field.
        QString text;
        friend bool operator==(const Term &, const Term &) = default;
    };
    static bool matches(const Event &event, const Term &term);

    EventTableModel *m_events = nullptr;
    QString m_filterText;
    QList<Term> m_terms;
};

} // namespace ul::gui
