#pragma once

#include "model/Event.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QCoreApplication>
#include <QtWidgets/QStyledItemDelegate>

namespace ul::gui {

/// An event's properties as an editable table: key, type (text, number, boolean) and value.
/// Every row is checked as it is edited (empty or repeated key, a number that does not parse);
/// a problem shows in the row's tooltip and colour, and problems() lists them for the form.
class PropertyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, TypeColumn, ValueColumn, ColumnCount };
    enum class Type { Text, Number, Boolean };
    Q_ENUM(Type)
    enum Role {
        TypeRole = Qt::UserRole + 1, ///< TypeColumn: the row's Type as an int (edit with setData)
    };

    explicit PropertyTableModel(QObject *parent = nullptr);

    void setProperties(const Properties &properties);
    /// The properties of the rows without problems, in row order.
    [[nodiscard]] Properties properties() const;
    /// One sentence per problem, naming the row's key (or its number).
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] QString problemOf(int row) const;

    /// Appends an empty text property and returns its row.
    int addProperty();
    /// Sets a row's key, type and value text in one go (tests, paste).
    void setRow(int row, const QString &key, Type type, const QString &value);

    static QString typeName(Type type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    struct Row {
        QString key;
        Type type = Type::Text;
        QString text;             ///< Text and numbers as typed.
        bool boolean = false;
        std::optional<PropertyValue> original; ///< Kept when the text still says the same.
    };
    [[nodiscard]] std::optional<PropertyValue> valueOf(const Row &row) const;
    [[nodiscard]] QString rowProblem(int row) const;

    QList<Row> m_rows;
};

/// Edits PropertyTableModel's type column with a combo box.
class PropertyTypeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace ul::gui
