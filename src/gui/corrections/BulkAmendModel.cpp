#include "corrections/BulkAmendModel.h"

#include "corrections/CorrectionChecks.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>

namespace ul::gui {

BulkAmendModel::BulkAmendModel(QObject *parent) : QAbstractTableModel(parent) {}

void BulkAmendModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_rowOfOperation.clear();
    endResetModel();
}

int BulkAmendModel::count(State state) const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [state](const Row &r) { return r.state == state; }));
}

QList<AmendItem> BulkAmendModel::items(State state) const
{
    QList<AmendItem> result;
    for (const Row &row : m_rows) {
        if (row.state == state)
            result << AmendItem{row.before, row.after};
    }
    return result;
}

QList<qint64> BulkAmendModel::operationIds(State state) const
{
    QList<qint64> result;
    for (const Row &row : m_rows) {
        if (row.state == state && row.operationId > 0)
            result << row.operationId;
    }
    return result;
}

void BulkAmendModel::markQueued(const QList<std::pair<QString, qint64>> &eventOperations)
{
    QHash<QString, qint64> byEvent;
    for (const auto &[eventId, operationId] : eventOperations)
        byEvent.insert(eventId, operationId);
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.state != State::Ready || !byEvent.contains(r.before.id))
            continue;
        r.operationId = byEvent.value(r.before.id);
        r.state = State::Queued;
        r.message.clear();
        m_rowOfOperation.insert(r.operationId, row);
        rowChanged(row);
    }
}

void BulkAmendModel::applyResult(const OperationResult &result)
{
    setState(result.id, result.succeeded ? State::Succeeded : State::Failed,
             result.succeeded ? tr("HTTP %1").arg(result.httpStatus) : result.message);
}

void BulkAmendModel::setState(qint64 operationId, State state, const QString &message)
{
    const auto it = m_rowOfOperation.constFind(operationId);
    if (it == m_rowOfOperation.constEnd())
        return;
    Row &r = m_rows[*it];
    r.state = state;
    r.message = message;
    rowChanged(*it);
}

void BulkAmendModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString BulkAmendModel::stateText(State state)
{
    switch (state) {
    case State::Unchanged: return tr("unchanged, not sent");
    case State::Flagged: return tr("left out");
    case State::Ready: return tr("ready");
    case State::Queued: return tr("queued");
    case State::Succeeded: return tr("amended");
    case State::Failed: return tr("failed");
    case State::Cancelled: return tr("cancelled");
    }
    return {};
}

int BulkAmendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BulkAmendModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkAmendModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case IdColumn: return r.before.id;
        case CustomerColumn: return CorrectionChecks::customerText(r.before);
        case ChangeColumn: return CorrectionChecks::summary(r.before, r.after);
        case ResultColumn:
            return r.message.isEmpty() ? stateText(r.state) : tr("%1: %2").arg(stateText(r.state), r.message);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && (r.state == State::Failed || r.state == State::Flagged))
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (r.state == State::Unchanged)
            return QBrush(QColor(Qt::gray));
        break;
    case StateRole:
        return static_cast<int>(r.state);
    default:
        break;
    }
    return {};
}

QVariant BulkAmendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Event id");
    case CustomerColumn: return tr("Customer");
    case ChangeColumn: return tr("Change");
    case ResultColumn: return tr("Result");
    }
    return {};
}

} // namespace ul::gui
