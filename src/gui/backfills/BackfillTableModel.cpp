#include "backfills/BackfillTableModel.h"

#include "LanguageManager.h"
#include "TimeDisplay.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>

namespace ul::gui {

namespace {

QString timeText(const std::optional<Timestamp> &time)
{
    return time ? TimeDisplay::format(*time) : QString();
}

} // namespace

BackfillTableModel::BackfillTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    TimeDisplay::refreshOnChange(this);
    retranslateOnLanguageChange(this);
}

int BackfillTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackfillTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BackfillTableModel::statusText(BackfillStatus status)
{
    switch (status) {
    case BackfillStatus::Pending: return tr("Pending");
    case BackfillStatus::Reflected: return tr("Reflected");
    case BackfillStatus::PendingRevert: return tr("Reverting");
    case BackfillStatus::Reverted: return tr("Reverted");
    }
    return {};
}

QString BackfillTableModel::statusExplanation(BackfillStatus status)
{
    switch (status) {
    case BackfillStatus::Pending:
        return tr("Open: events can be ingested into it. Nothing counts for billing until it is closed.");
    case BackfillStatus::Reflected:
        return tr("Closed: its events count for billing (and the events it replaces do not).");
    case BackfillStatus::PendingRevert:
        return tr("Being reverted: the state before it was closed is being restored.");
    case BackfillStatus::Reverted:
        return tr("Reverted: its events do not count; the events it had replaced count again.");
    }
    return {};
}

QColor BackfillTableModel::statusColor(BackfillStatus status)
{
    switch (status) {
    case BackfillStatus::Pending: return QColor(0xa0, 0x6a, 0x00);       // amber: waiting for the analyst
    case BackfillStatus::Reflected: return QColor(0x1b, 0x7f, 0x3b);     // green: counts
    case BackfillStatus::PendingRevert: return QColor(0x8a, 0x3f, 0xb0); // violet: on its way back
    case BackfillStatus::Reverted: return QColor(0x6b, 0x6b, 0x6b);      // grey: no effect
    }
    return {};
}

QString BackfillTableModel::scopeText(const Backfill &backfill)
{
    if (backfill.customerId)
        return tr("Customer %1").arg(*backfill.customerId);
    if (backfill.externalCustomerId)
        return tr("External id %1").arg(*backfill.externalCustomerId);
    return tr("All customers");
}

QVariant BackfillTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Backfill &b = m_rows.at(index.row());
    switch (role) {
    case BackfillIdRole: return b.id;
    case StatusRole: return int(b.status);
    default: break;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn: return b.id;
        case StatusColumn: return statusText(b.status);
        case TimeframeStartColumn: return TimeDisplay::format(b.timeframeStart);
        case TimeframeEndColumn: return TimeDisplay::format(b.timeframeEnd);
        case CustomerColumn: return scopeText(b);
        case ModeColumn: return b.replaceExistingEvents ? tr("Replace") : tr("Add");
        case DeprecationFilterColumn: return b.deprecationFilter.value_or(QString());
        case EventsIngestedColumn: return b.eventsIngested;
        case CreatedColumn: return TimeDisplay::format(b.createdAt);
        case CloseTimeColumn: return timeText(b.closeTime);
        case RevertedAtColumn: return timeText(b.revertedAt);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case StatusColumn: return statusExplanation(b.status);
        case ModeColumn:
            return b.replaceExistingEvents
                ? tr("Its events replace the existing events of the timeframe and scope (those matching the "
                     "deprecation filter, when there is one).")
                : tr("Its events are added to the existing events.");
        case CloseTimeColumn:
            return b.isPending() ? tr("It closes by itself at this time.") : tr("When it was closed.");
        case DeprecationFilterColumn: return b.deprecationFilter.value_or(QString());
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QBrush(statusColor(b.status));
    if (role == Qt::TextAlignmentRole && index.column() == EventsIngestedColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant BackfillTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString zone = TimeDisplay::zoneLabel();
    switch (section) {
    case IdColumn: return tr("Id");
    case StatusColumn: return tr("Status");
    case TimeframeStartColumn: return tr("From (%1)").arg(zone);
    case TimeframeEndColumn: return tr("Until (%1)").arg(zone);
    case CustomerColumn: return tr("Scope");
    case ModeColumn: return tr("Mode");
    case DeprecationFilterColumn: return tr("Deprecation filter");
    case EventsIngestedColumn: return tr("Events");
    case CreatedColumn: return tr("Created (%1)").arg(zone);
    case CloseTimeColumn: return tr("Close time (%1)").arg(zone);
    case RevertedAtColumn: return tr("Reverted (%1)").arg(zone);
    default: return {};
    }
}

bool BackfillTableModel::hasUnsettled() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Backfill &b) {
        return b.status == BackfillStatus::Pending || b.status == BackfillStatus::PendingRevert;
    });
}

bool BackfillTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextCursor.has_value() && !m_loading && m_lastError.isEmpty();
}

void BackfillTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(false);
}

void BackfillTableModel::reload()
{
    ++m_generation; // an earlier page still on its way is not wanted any more
    m_call.cancel();
    load(true);
}

void BackfillTableModel::clear()
{
    ++m_generation;
    m_call.cancel();
    setLoading(false);
    beginResetModel();
    m_rows.clear();
    m_nextCursor.reset();
    m_lastError.clear();
    endResetModel();
}

void BackfillTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void BackfillTableModel::load(bool first)
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_call = m_api.listBackfills(m_pageSize, first ? std::nullopt : m_nextCursor, this,
                                 [this, generation, first](Expected<Page<Backfill>, RequestError> result) {
        if (generation != m_generation)
            return; // a newer reload (or a clear) replaced this request
        if (!result) {
            m_lastError = result.error().humanMessage();
            setLoading(false);
            Q_EMIT loadFailed(m_lastError);
            return;
        }
        m_lastError.clear();
        Page<Backfill> &answer = *result;
        if (first) {
            beginResetModel();
            m_rows = std::move(answer.items);
            endResetModel();
        } else {
            // Rows that moved to this page because new ones came first are not shown twice.
            QList<Backfill> fresh;
            for (Backfill &b : answer.items) {
                if (const auto row = rowOf(b.id)) {
                    m_rows[*row] = b;
                    Q_EMIT dataChanged(index(*row, 0), index(*row, ColumnCount - 1));
                } else {
                    fresh.append(std::move(b));
                }
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
                m_rows.append(fresh);
                endInsertRows();
            }
        }
        m_nextCursor = answer.nextCursor;
        setLoading(false);
        Q_EMIT pageLoaded(int(m_rows.size()), first);
    });
}

std::optional<int> BackfillTableModel::rowOf(const QString &backfillId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == backfillId)
            return i;
    }
    return std::nullopt;
}

void BackfillTableModel::updateBackfill(const Backfill &backfill)
{
    if (const auto row = rowOf(backfill.id)) {
        m_rows[*row] = backfill;
        Q_EMIT dataChanged(index(*row, 0), index(*row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_rows.prepend(backfill);
    endInsertRows();
}

} // namespace ul::gui
