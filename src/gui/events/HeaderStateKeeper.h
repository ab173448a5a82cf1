#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

class QHeaderView;
class QMenu;
class QWidget;

namespace ul::gui {

/// Keeps a horizontal header's column order, widths and hidden columns in QSettings, keyed by
/// the model's column keys (EventTableModel::ColumnKeyRole) rather than by position, so the
/// choice survives property columns coming and going between lookups. Settings live under
/// `<group>/columnOrder`, `<group>/columnWidths` and `<group>/hiddenColumns`.
///
/// The header's model must be set before the keeper is made; columns it adds later (and model
/// resets) get their remembered state at once.
class HeaderStateKeeper : public QObject {
    Q_OBJECT
public:
    HeaderStateKeeper(QHeaderView *header, const QString &settingsGroup, QObject *parent = nullptr);

    /// Columns that can never be hidden (e.g. the id).
    void setAlwaysVisible(const QStringList &keys) { m_alwaysVisible = keys; }
    void setDefaultWidths(const QHash<QString, int> &widths, int otherColumns);

    void setColumnHidden(const QString &key, bool hidden);
    [[nodiscard]] bool isColumnHidden(const QString &key) const { return m_hidden.contains(key); }
    /// Shows every column and forgets the remembered widths and order.
    void resetColumns();
    /// The logical indexes of the visible columns, in the order they are shown.
    [[nodiscard]] QList<int> visibleColumnsInOrder() const;

    /// A menu with one checkable entry per column, "Show all columns" and "Reset columns".
    /// The caller owns it.
    [[nodiscard]] QMenu *createColumnsMenu(QWidget *parent);

    /// Applies the remembered state to every column now.
    void applyAll();

private:
    [[nodiscard]] QString keyOf(int logical) const;
    void applyTo(int firstLogical, int lastLogical);
    void applyOrder();
    void rememberOrder();
    void rememberWidth(int logical, int width);
    void save() const;
    [[nodiscard]] int defaultWidth(const QString &key) const;

    QPointer<QHeaderView> m_header;
    QString m_group;
    QStringList m_order;
    QHash<QString, int> m_widths;
    QStringList m_hidden;
    QStringList m_alwaysVisible;
    QHash<QString, int> m_defaultWidths;
    int m_otherDefaultWidth = 110;
    bool m_applying = false;
};

} // namespace ul::gui
