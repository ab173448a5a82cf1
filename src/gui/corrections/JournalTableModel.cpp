#include "corrections/JournalTableModel.h"

#include "TimeDisplay.h"
#include "journal/Journal.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>

namespace ul::gui {

JournalTableModel::JournalTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_filter.limit = DefaultLimit;
    TimeDisplay::refreshOnChange(this);
}

void JournalTableModel::setJournal(Journal *journal)
{
    m_journal = journal;
    refresh();
}

void JournalTableModel::setFilter(const JournalFilter &filter)
{
    m_filter = filter;
    if (m_filter.limit < 0)
        m_filter.limit = DefaultLimit;
    refresh();
}

void JournalTableModel::refresh()
{
    QList<JournalEntry> entries;
    m_error.clear();
    m_total = 0;
    if (m_journal) {
        if (auto found = m_journal->query(m_filter)) {
            entries = std::move(found).value();
            JournalFilter all = m_filter;
            all.limit = -1;
            all.offset = 0;
            m_total = m_journal->count(all).valueOr(qint64(entries.size()));
        } else {
            m_error = found.error();
        }
    }
    // The same entries (by id, in order): update in place so selections stay.
    bool sameRows = entries.size() == m_entries.size();
    for (qsizetype i = 0; sameRows && i < entries.size(); ++i)
        sameRows = entries.at(i).id == m_entries.at(i).id;
    if (sameRows) {
        m_entries = std::move(entries);
        if (!m_entries.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_entries = std::move(entries);
        endResetModel();
    }
    Q_EMIT refreshed();
}

std::optional<int> JournalTableModel::rowOf(qint64 entryId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == entryId)
            return row;
    }
    return std::nullopt;
}

QString JournalTableModel::outcomeText(JournalOutcome outcome)
{
    switch (outcome) {
    case JournalOutcome::Pending: return tr("pending");
    case JournalOutcome::Succeeded: return tr("succeeded");
    case JournalOutcome::Failed: return tr("failed");
    case JournalOutcome::Cancelled: return tr("cancelled");
    }
    return {};
}

int JournalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int JournalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return TimeDisplay::format(e.created);
        case ActionColumn: {
            QString text = e.action;
            if (e.undoOf)
                text = tr("%1 (undo of #%2)").arg(text).arg(*e.undoOf);
            else if (e.retryOf)
                text = tr("%1 (retry of #%2)").arg(text).arg(*e.retryOf);
            return text;
        }
        case OutcomeColumn: {
            QString text = outcomeText(e.outcome);
            if (e.undoneBy)
                text = tr("%1, undone by #%2").arg(text).arg(*e.undoneBy);
            else if (e.final && e.outcome == JournalOutcome::Succeeded)
                text = tr("%1, final").arg(text);
            return text;
        }
        case EventsColumn:
            return e.eventIds.size() <= 3 ? e.eventIds.join(QStringLiteral(", "))
                                          : tr("%1, … (%n event(s))", nullptr, static_cast<int>(e.eventCount))
                                                .arg(e.eventIds.mid(0, 2).join(QStringLiteral(", ")));
        case StatusColumn: return e.httpStatus > 0 ? QVariant(e.httpStatus) : QVariant();
        case ReasonColumn: return e.reason;
        case MessageColumn: return e.error;
        case EntryColumn: return e.id;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == EventsColumn)
            return e.eventIds.join(u'\n');
        if (index.column() == MessageColumn && !e.error.isEmpty())
            return e.error;
        break;
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && e.outcome == JournalOutcome::Failed)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        break;
    case EntryIdRole:
        return e.id;
    case OutcomeRole:
        return static_cast<int>(e.outcome);
    default:
        break;
    }
    return {};
}

QVariant JournalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time (%1)").arg(TimeDisplay::zoneLabel());
    case ActionColumn: return tr("Action");
    case OutcomeColumn: return tr("Outcome");
    case EventsColumn: return tr("Events");
    case StatusColumn: return tr("HTTP status");
    case ReasonColumn: return tr("Reason");
    case MessageColumn: return tr("Message");
    case EntryColumn: return tr("Entry");
    }
    return {};
}

} // namespace ul::gui
