#include "backfills/BadRowModel.h"

#include "LanguageManager.h"
#include "volume/VolumeModel.h"

namespace ul::gui {

namespace {

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r'))
        bytes = '"' + bytes.replace("\"", "\"\"") + '"';
    return bytes;
}

} // namespace

BadRowModel::BadRowModel(QObject *parent) : QAbstractTableModel(parent)
{
    retranslateOnLanguageChange(this);
}

void BadRowModel::setRows(const QList<BadRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void BadRowModel::append(const QList<BadRow> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
}

void BadRowModel::clear()
{
    setRows({});
}

QList<qint64> BadRowModel::lines() const
{
    QList<qint64> lines;
    lines.reserve(m_rows.size());
    for (const BadRow &row : m_rows)
        lines << row.line;
    return lines;
}

QString BadRowModel::kindText(BadRowKind kind)
{
    switch (kind) {
    case BadRowKind::Unreadable: return tr("Not readable");
    case BadRowKind::Malformed: return tr("Malformed");
    case BadRowKind::Invalid: return tr("Refused by the ingest rules");
    case BadRowKind::OutsideTimeframe: return tr("Outside the timeframe");
    case BadRowKind::OutsideScope: return tr("Another customer");
    case BadRowKind::DuplicateKey: return tr("Duplicate key");
    }
    return {};
}

QByteArray BadRowModel::toCsv() const
{
    QByteArray csv("line,kind,reason\n");
    for (const BadRow &row : m_rows) {
        csv += QByteArray::number(row.line) + ',' + QByteArray(badRowKindName(row.kind).data(), badRowKindName(row.kind).size())
            + ',' + csvField(row.reason) + '\n';
    }
    return csv;
}

Expected<Done, QString> BadRowModel::exportCsv(const QString &path) const
{
    return saveFileAtomically(path, toCsv());
}

int BadRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BadRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BadRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BadRow &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case LineColumn: return role == Qt::DisplayRole ? QVariant(row.line) : QVariant();
        case KindColumn: return kindText(row.kind);
        case ReasonColumn: return row.reason;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == LineColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant BadRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn: return tr("Line");
    case KindColumn: return tr("Problem");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

} // namespace ul::gui
