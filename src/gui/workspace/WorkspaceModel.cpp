#include "workspace/WorkspaceModel.h"

#include "DeprecatedStyle.h"
#include "LanguageManager.h"
#include "TimeDisplay.h"

#include <QtCore/QDateTime>
#include <QtGui/QFont>
#include <QtGui/QGuiApplication>
#include <QtGui/QPalette>

#include <algorithm>

namespace ul::gui {

using workspace::PageAnswer;
using workspace::QueryAnswer;
using workspace::SortColumn;
using workspace::WorkspaceQuery;
using workspace::WorkspaceRow;

namespace {

/// Pages asked for in one go at most; the view asks again for what it still shows.
constexpr int MaxPagesInFlight = 6;
/// Wanted pages remembered while others load; older wishes are forgotten (scrolled past).
constexpr int MaxWantedPages = 12;

QString displayTimestamp(Timestamp timestamp)
{
    return TimeDisplay::format(timestamp);
}

QVariant optionalText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant();
}

bool isNumber(const PropertyValue &value)
{
    return std::holds_alternative<qint64>(value) || std::holds_alternative<double>(value);
}

} // namespace

WorkspaceModel::WorkspaceModel(workspace::WorkspaceService *service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    TimeDisplay::refreshOnChange(this);
    retranslateOnLanguageChange(this);
    m_view = service->createView();
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(0);
    connect(&m_requestTimer, &QTimer::timeout, this, &WorkspaceModel::requestWanted);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(500);
    connect(&m_refreshTimer, &QTimer::timeout, this, &WorkspaceModel::refresh);
    connect(service, &workspace::WorkspaceService::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
}

WorkspaceModel::~WorkspaceModel()
{
    if (m_service)
        m_service->releaseView(m_view);
}

void WorkspaceModel::setAutoRefresh(bool enabled, int delayMs)
{
    m_refreshTimer.setInterval(delayMs);
    disconnect(m_service, &workspace::WorkspaceService::changed, &m_refreshTimer, nullptr);
    if (enabled)
        connect(m_service, &workspace::WorkspaceService::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
    else
        m_refreshTimer.stop();
}

void WorkspaceModel::setQuery(const WorkspaceQuery &query)
{
    const SortColumn sort = m_query.sort;
    const QString sortProperty = m_query.sortProperty;
    const bool descending = m_query.descending;
    m_query = query;
    m_query.sort = sort;
    m_query.sortProperty = sortProperty;
    m_query.descending = descending;
    run();
}

void WorkspaceModel::refresh()
{
    run(true);
}

void WorkspaceModel::run(bool refresh)
{
    if (!m_service)
        return;
    m_pendingIsRefresh = refresh;
    m_refreshTimer.stop();
    m_queryTimer.start();
    setBusy(true);
    m_pending = m_service->query(m_view, m_query, PageSize, this, [this](const Expected<QueryAnswer, QString> &answer) {
        if (!answer) {
            // The rows shown belonged to the superseded query and can no longer be paged in.
            beginResetModel();
            m_count = 0;
            m_pages.clear();
            m_wanted.clear();
            m_inFlight.clear();
            endResetModel();
            m_lastError = answer.error();
            setBusy(false);
            Q_EMIT queryFailed(m_lastError);
            return;
        }
        onAnswer(*answer);
    });
}

void WorkspaceModel::onAnswer(const QueryAnswer &answer)
{
    m_lastQueryMs = static_cast<double>(m_queryTimer.nsecsElapsed()) / 1e6;
    m_lastWorkerMs = answer.workerMs;
    m_lastError.clear();
    beginResetModel();
    m_shown = answer.generation;
    m_shownIsRefresh = m_pendingIsRefresh;
    // A QAbstractItemModel counts rows in int: a result past 2^31 rows shows its first 2^31.
    m_count = std::min<qint64>(answer.count, std::numeric_limits<int>::max());
    m_total = answer.total;
    m_keys = answer.propertyKeys;
    m_pages.clear();
    m_wanted.clear();
    m_inFlight.clear();
    m_useClock = 0;
    if (!answer.firstRows.isEmpty())
        m_pages.insert(0, Page{answer.firstRows, ++m_useClock});
    endResetModel();
    setBusy(false);
    Q_EMIT queryFinished(answer.count, answer.total, m_lastQueryMs);
    if (!answer.firstRows.isEmpty())
        Q_EMIT rowsLoaded(0, int(answer.firstRows.size()) - 1);
}

void WorkspaceModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

const WorkspaceRow *WorkspaceModel::loadedRow(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const qint64 page = row / PageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        // Ask for it (once the current event is handled, with whatever else the view asks for).
        if (!m_inFlight.contains(page)) {
            m_wanted.removeOne(page);
            m_wanted.append(page);
            if (!m_requestTimer.isActive())
                m_requestTimer.start();
        }
        return nullptr;
    }
    it->lastUse = ++m_useClock;
    const qsizetype inPage = row % PageSize;
    return inPage < it->rows.size() ? &it->rows[inPage] : nullptr;
}

void WorkspaceModel::loadRows(int first, int last)
{
    first = std::max(0, first);
    last = std::min<int>(last, int(m_count) - 1);
    for (int page = first / PageSize; first <= last && page <= last / PageSize; ++page)
        loadedRow(page * PageSize);
}

void WorkspaceModel::requestWanted()
{
    if (!m_service)
        return;
    while (m_wanted.size() > MaxWantedPages)
        m_wanted.removeFirst();
    // The most recent wishes first: that is where the view is now.
    while (!m_wanted.isEmpty() && m_inFlight.size() < MaxPagesInFlight) {
        const qint64 page = m_wanted.takeLast();
        if (m_pages.contains(page) || m_inFlight.contains(page))
            continue;
        m_inFlight.insert(page);
        const quint64 generation = m_shown;
        m_service->page(m_view, generation, page * PageSize, PageSize, this,
                        [this, page, generation](const Expected<PageAnswer, QString> &answer) {
                            if (generation != m_shown)
                                return;
                            m_inFlight.remove(page);
                            if (answer)
                                storePage(page, answer->rows);
                            if (!m_wanted.isEmpty())
                                requestWanted();
                        });
    }
}

void WorkspaceModel::storePage(qint64 page, QList<WorkspaceRow> rows)
{
    if (rows.isEmpty())
        return;
    while (m_pages.size() >= MaxCachedPages) {
        auto oldest = std::min_element(m_pages.begin(), m_pages.end(),
                                       [](const Page &a, const Page &b) { return a.lastUse < b.lastUse; });
        m_pages.erase(oldest);
    }
    const int first = int(page * PageSize);
    const int last = std::min(first + int(rows.size()), int(m_count)) - 1;
    m_pages.insert(page, Page{std::move(rows), ++m_useClock});
    if (last < first)
        return;
    Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    Q_EMIT rowsLoaded(first, last);
}

std::optional<WorkspaceRow> WorkspaceModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return std::nullopt;
    const auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.constEnd() || row % PageSize >= it->rows.size())
        return std::nullopt;
    return it->rows.at(row % PageSize);
}

bool WorkspaceModel::isRowLoaded(int row) const
{
    return rowAt(row).has_value();
}

int WorkspaceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int WorkspaceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstPropertyColumn + int(m_keys.size());
}

QVariant WorkspaceModel::display(const WorkspaceRow &row, int column) const
{
    const Event &event = row.event;
    switch (column) {
    case IdColumn: return event.id;
    case EventNameColumn: return event.eventName;
    case CustomerIdColumn: return optionalText(event.customerId);
    case ExternalCustomerIdColumn: return optionalText(event.externalCustomerId);
    case TimestampColumn: return displayTimestamp(event.timestamp);
    case DeprecatedColumn: return event.deprecated ? tr("deprecated") : QString();
    case SourceColumn: return tr("local (%1)").arg(row.source);
    case FetchedAtColumn: return displayTimestamp(row.fetchedAt);
    default: break;
    }
    const PropertyValue *value = event.properties.find(m_keys.at(column - FirstPropertyColumn));
    return value ? QVariant(propertyValueToString(*value)) : QVariant();
}

QVariant WorkspaceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    const WorkspaceRow *row = loadedRow(index.row());
    if (!row) {
        switch (role) {
        case Qt::DisplayRole: return column == IdColumn ? QVariant(tr("Loading…")) : QVariant();
        case Qt::ForegroundRole: return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        case LoadedRole: return false;
        default: return {};
        }
    }
    const Event &event = row->event;
    switch (role) {
    case Qt::DisplayRole: return display(*row, column);
    case EventRole: return QVariant::fromValue(event);
    case SeqRole: return row->seq;
    case LoadedRole: return true;
    case Qt::ForegroundRole:
    case Qt::FontRole:
        return event.deprecated ? DeprecatedStyle::data(role) : QVariant();
    case Qt::ToolTipRole: {
        const QString local = tr("Local copy from the workspace, kept from %1 at %2 UTC.")
                                  .arg(row->source, displayTimestamp(row->fetchedAt));
        if (event.deprecated)
            return QString(local + QLatin1Char('\n') + DeprecatedStyle::explanation());
        return local;
    }
    case Qt::TextAlignmentRole:
        if (column >= FirstPropertyColumn) {
            const PropertyValue *value = event.properties.find(m_keys.at(column - FirstPropertyColumn));
            if (value && isNumber(*value))
                return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        }
        return {};
    default: return {};
    }
}

QVariant WorkspaceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn: return tr("Id");
        case EventNameColumn: return tr("Event name");
        case CustomerIdColumn: return tr("Customer id");
        case ExternalCustomerIdColumn: return tr("External customer id");
        case TimestampColumn: return tr("Timestamp (%1)").arg(TimeDisplay::zoneLabel());
        case DeprecatedColumn: return tr("Deprecated");
        case SourceColumn: return tr("Source");
        case FetchedAtColumn: return tr("Kept at (%1)").arg(TimeDisplay::zoneLabel());
        default: return m_keys.at(section - FirstPropertyColumn);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (section == SourceColumn)
            return tr("Every row here is a local copy from the workspace, and where it was fetched from.");
        if (section >= FirstPropertyColumn)
            return tr("Property “%1”").arg(m_keys.at(section - FirstPropertyColumn));
    }
    return {};
}

void WorkspaceModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    switch (column) {
    case IdColumn: m_query.sort = SortColumn::Id; break;
    case EventNameColumn: m_query.sort = SortColumn::EventName; break;
    case CustomerIdColumn: m_query.sort = SortColumn::CustomerId; break;
    case ExternalCustomerIdColumn: m_query.sort = SortColumn::ExternalCustomerId; break;
    case TimestampColumn: m_query.sort = SortColumn::Timestamp; break;
    case DeprecatedColumn: m_query.sort = SortColumn::Deprecated; break;
    case SourceColumn: m_query.sort = SortColumn::Source; break;
    case FetchedAtColumn: m_query.sort = SortColumn::FetchedAt; break;
    default:
        m_query.sort = SortColumn::Property;
        m_query.sortProperty = m_keys.at(column - FirstPropertyColumn);
        break;
    }
    if (column < FirstPropertyColumn)
        m_query.sortProperty.clear();
    m_query.descending = order == Qt::DescendingOrder;
    run();
}

} // namespace ul::gui
