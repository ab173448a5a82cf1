#include "corrections/PropertyTableModel.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>
#include <QtWidgets/QComboBox>

#include <cmath>

namespace ul::gui {

namespace {

constexpr int ProblemColour = 0xc0392b;

std::optional<PropertyValue> parseNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    const qint64 integer = trimmed.toLongLong(&ok);
    if (ok)
        return PropertyValue(integer);
    const double number = trimmed.toDouble(&ok);
    if (ok && std::isfinite(number))
        return PropertyValue(number);
    return std::nullopt;
}

} // namespace

PropertyTableModel::PropertyTableModel(QObject *parent) : QAbstractTableModel(parent) {}

QString PropertyTableModel::typeName(Type type)
{
    switch (type) {
    case Type::Text: return tr("text");
    case Type::Number: return tr("number");
    case Type::Boolean: return tr("boolean");
    }
    return {};
}

void PropertyTableModel::setProperties(const Properties &properties)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &[key, value] : properties.entries()) {
        Row row;
        row.key = key;
        row.original = value;
        if (const auto *text = std::get_if<QString>(&value)) {
            row.type = Type::Text;
            row.text = *text;
        } else if (const auto *flag = std::get_if<bool>(&value)) {
            row.type = Type::Boolean;
            row.boolean = *flag;
        } else {
            row.type = Type::Number;
            row.text = propertyValueToString(value);
        }
        m_rows << row;
    }
    endResetModel();
}

std::optional<PropertyValue> PropertyTableModel::valueOf(const Row &row) const
{
    switch (row.type) {
    case Type::Text:
        return PropertyValue(row.text);
    case Type::Boolean:
        return PropertyValue(row.boolean);
    case Type::Number:
        // The stored value when the text still reads the same: 1.50 stays a double 1.5, 100 an integer.
        if (row.original && !std::holds_alternative<QString>(*row.original) && !std::holds_alternative<bool>(*row.original)
            && propertyValueToString(*row.original) == row.text.trimmed())
            return row.original;
        return parseNumber(row.text);
    }
    return std::nullopt;
}

Properties PropertyTableModel::properties() const
{
    Properties result;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!rowProblem(i).isEmpty())
            continue;
        if (auto value = valueOf(m_rows.at(i)))
            result.set(m_rows.at(i).key.trimmed(), *value);
    }
    return result;
}

QString PropertyTableModel::rowProblem(int row) const
{
    const Row &r = m_rows.at(row);
    const QString key = r.key.trimmed();
    if (key.isEmpty())
        return tr("Row %1: the key must not be empty.").arg(row + 1);
    if (key != r.key)
        return tr("“%1”: the key must not start or end with spaces.").arg(r.key);
    for (int other = 0; other < row; ++other) {
        if (m_rows.at(other).key.trimmed() == key)
            return tr("“%1”: the key is used twice.").arg(key);
    }
    if (r.type == Type::Number && !valueOf(r))
        return tr("“%1”: “%2” is not a number.").arg(key, r.text);
    return {};
}

QString PropertyTableModel::problemOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? rowProblem(row) : QString();
}

QStringList PropertyTableModel::problems() const
{
    QStringList result;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (QString problem = rowProblem(i); !problem.isEmpty())
            result << problem;
    }
    return result;
}

int PropertyTableModel::addProperty()
{
    const int row = static_cast<int>(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows << Row{};
    endInsertRows();
    return row;
}

void PropertyTableModel::setRow(int row, const QString &key, Type type, const QString &value)
{
    if (row < 0 || row >= m_rows.size())
        return;
    setData(index(row, KeyColumn), key);
    setData(index(row, TypeColumn), static_cast<int>(type), TypeRole);
    if (type == Type::Boolean)
        setData(index(row, ValueColumn), value == QLatin1StringView("true") ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
    else
        setData(index(row, ValueColumn), value);
}

int PropertyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PropertyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PropertyTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case KeyColumn: return row.key;
        case TypeColumn: return typeName(row.type);
        case ValueColumn:
            if (row.type == Type::Boolean)
                return role == Qt::DisplayRole ? QVariant(row.boolean ? QStringLiteral("true") : QStringLiteral("false")) : QVariant();
            return row.text;
        }
        break;
    case TypeRole:
        return index.column() == TypeColumn ? QVariant(static_cast<int>(row.type)) : QVariant();
    case Qt::CheckStateRole:
        if (index.column() == ValueColumn && row.type == Type::Boolean)
            return row.boolean ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole: {
        const QString problem = rowProblem(index.row());
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    }
    case Qt::ForegroundRole:
        if (!rowProblem(index.row()).isEmpty())
            return QBrush(QColor(QRgb(ProblemColour)));
        break;
    default:
        break;
    }
    return {};
}

bool PropertyTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    if (index.column() == KeyColumn && role == Qt::EditRole) {
        row.key = value.toString();
    } else if (index.column() == TypeColumn && (role == TypeRole || role == Qt::EditRole)) {
        bool ok = false;
        const int type = value.toInt(&ok);
        if (!ok || type < 0 || type > static_cast<int>(Type::Boolean))
            return false;
        const Type newType = static_cast<Type>(type);
        if (newType == Type::Boolean && row.type != Type::Boolean)
            row.boolean = row.text.trimmed() == QLatin1StringView("true");
        else if (newType != Type::Boolean && row.type == Type::Boolean)
            row.text = row.boolean ? QStringLiteral("true") : QStringLiteral("false");
        row.type = newType;
    } else if (index.column() == ValueColumn && role == Qt::CheckStateRole && row.type == Type::Boolean) {
        row.boolean = value.value<Qt::CheckState>() == Qt::Checked || value.toInt() == Qt::Checked;
    } else if (index.column() == ValueColumn && role == Qt::EditRole && row.type != Type::Boolean) {
        row.text = value.toString();
    } else {
        return false;
    }
    // A key or type change can fix or break the problems of every row (repeated keys).
    Q_EMIT dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
    return true;
}

QVariant PropertyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn: return tr("Property");
    case TypeColumn: return tr("Type");
    case ValueColumn: return tr("Value");
    }
    return {};
}

Qt::ItemFlags PropertyTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ValueColumn && m_rows.at(index.row()).type == Type::Boolean)
        return result | Qt::ItemIsUserCheckable;
    return result | Qt::ItemIsEditable;
}

bool PropertyTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return true;
}

QWidget *PropertyTypeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != PropertyTableModel::TypeColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    for (auto type : {PropertyTableModel::Type::Text, PropertyTableModel::Type::Number, PropertyTableModel::Type::Boolean})
        combo->addItem(PropertyTableModel::typeName(type), static_cast<int>(type));
    return combo;
}

void PropertyTypeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor); combo && index.column() == PropertyTableModel::TypeColumn) {
        combo->setCurrentIndex(combo->findData(index.data(PropertyTableModel::TypeRole)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void PropertyTypeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor); combo && index.column() == PropertyTableModel::TypeColumn) {
        model->setData(index, combo->currentData(), PropertyTableModel::TypeRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace ul::gui
