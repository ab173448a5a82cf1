#include "attempts/AttemptTableModel.h"

#include "LanguageManager.h"
#include "TimeDisplay.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>
#include <QtGui/QFont>

namespace ul::gui {

AttemptTableModel::AttemptTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    TimeDisplay::refreshOnChange(this);
    retranslateOnLanguageChange(this);
}

int AttemptTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttemptTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AttemptTableModel::displayTime(const Timestamp &time) const
{
    return TimeDisplay::format(time) + u' ' + TimeDisplay::zoneLabel();
}

QString AttemptTableModel::deliveryStatusText(const QString &status, bool sending)
{
    if (sending)
        return tr("Sending…");
    if (status == QLatin1StringView("pending"))
        return tr("Retrying");
    if (status == QLatin1StringView("delivered"))
        return tr("Delivered");
    if (status == QLatin1StringView("failed"))
        return tr("Failed");
    if (status == QLatin1StringView("handled"))
        return tr("Handled");
    if (status == QLatin1StringView("cancelled"))
        return tr("Cancelled");
    return status;
}

QVariant AttemptTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Attempt &a = m_rows.at(index.row());
    switch (role) {
    case AttemptIdRole: return a.id;
    case EventIdRole: return a.eventId;
    case WebhookIdRole: return a.webhookId;
    case ResultKindRole: return int(resultKind(a.id));
    default: break;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: return displayTime(a.created);
        case CodeColumn: return a.code;
        case HttpStatusColumn: return a.httpStatus ? QVariant(*a.httpStatus) : QVariant(QStringLiteral("—"));
        case MessageColumn: return a.message;
        case EventIdColumn: return a.eventId;
        case WebhookColumn: return a.webhookUrl.isEmpty() ? a.webhookId : a.webhookUrl;
        case DurationColumn: return tr("%1 ms").arg(a.durationMs);
        case TriggerColumn: return a.isManual() ? tr("Manual") : tr("Scheduled");
        case DeliveryColumn: {
            QString text = deliveryStatusText(a.deliveryStatus, a.sending);
            if (a.handled && a.deliveryStatus != QLatin1StringView("handled"))
                text += tr(" (handled)");
            return text;
        }
        case ResultColumn: return resultText(a.id);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case MessageColumn: return a.message;
        case WebhookColumn: return tr("Webhook %1\n%2").arg(a.webhookId, a.webhookUrl);
        case DeliveryColumn:
            if (a.nextTry && a.deliveryStatus == QLatin1StringView("pending"))
                return tr("Next try at %1").arg(displayTime(*a.nextTry));
            if (a.delivered)
                return tr("Delivered at %1").arg(displayTime(*a.delivered));
            return {};
        case ResultColumn: return resultText(a.id);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == HttpStatusColumn || index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == ResultColumn) {
            switch (resultKind(a.id)) {
            case ResultKind::Success: return QBrush(QColor(0x1b, 0x7f, 0x3b));
            case ResultKind::Failure: return QBrush(QColor(0xb0, 0x1c, 0x1c));
            default: return {};
            }
        }
        if (index.column() == DeliveryColumn && a.deliveryStatus == QLatin1StringView("delivered"))
            return QBrush(QColor(0x1b, 0x7f, 0x3b));
        return {};
    }
    if (role == Qt::FontRole && a.handled) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    return {};
}

QVariant AttemptTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case CodeColumn: return tr("Code");
    case HttpStatusColumn: return tr("HTTP status");
    case MessageColumn: return tr("Message");
    case EventIdColumn: return tr("Event id");
    case WebhookColumn: return tr("Webhook URL");
    case DurationColumn: return tr("Duration");
    case TriggerColumn: return tr("Trigger");
    case DeliveryColumn: return tr("Delivery");
    case ResultColumn: return tr("Result");
    default: return {};
    }
}

bool AttemptTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextCursor.has_value() && !m_loading && m_lastError.isEmpty();
}

void AttemptTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    load(false);
}

void AttemptTableModel::reload(const AttemptQuery &query)
{
    m_query = query;
    m_query.cursor.reset();
    ++m_generation; // an earlier page still on its way is not wanted any more (even its cancellation)
    m_call.cancel();
    load(true);
}

void AttemptTableModel::clear()
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

void AttemptTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void AttemptTableModel::load(bool first)
{
    AttemptQuery page = m_query;
    page.limit = m_pageSize;
    page.cursor = first ? std::nullopt : m_nextCursor;
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_call = m_api.listAttempts(page, this, [this, generation, first](Expected<Page<Attempt>, RequestError> result) {
        if (generation != m_generation)
            return; // a newer reload (or a clear) replaced this request
        if (!result) {
            m_lastError = result.error().humanMessage();
            setLoading(false);
            Q_EMIT loadFailed(m_lastError);
            return;
        }
        m_lastError.clear();
        Page<Attempt> &answer = *result;
        if (first) {
            beginResetModel();
            m_rows = std::move(answer.items);
            m_nextCursor = answer.nextCursor;
            endResetModel();
        } else if (!answer.items.isEmpty()) {
            // Rows that arrived meanwhile through another page are not shown twice.
            QList<Attempt> fresh;
            for (Attempt &a : answer.items) {
                if (!rowOf(a.id))
                    fresh.append(std::move(a));
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
                m_rows.append(fresh);
                endInsertRows();
            }
            m_nextCursor = answer.nextCursor;
        } else {
            m_nextCursor = answer.nextCursor;
        }
        setLoading(false);
        Q_EMIT pageLoaded(int(m_rows.size()), first);
    });
}

std::optional<int> AttemptTableModel::rowOf(const QString &attemptId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == attemptId)
            return i;
    }
    return std::nullopt;
}

void AttemptTableModel::updateAttempt(const Attempt &attempt)
{
    const auto row = rowOf(attempt.id);
    if (!row)
        return;
    m_rows[*row] = attempt;
    Q_EMIT dataChanged(index(*row, 0), index(*row, ColumnCount - 1));
}

void AttemptTableModel::setDeliveryState(const QString &eventId, const QString &webhookId, const QString &status, bool sending,
                                         const std::optional<Timestamp> &delivered)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Attempt &a = m_rows[i];
        if (a.eventId != eventId || a.webhookId != webhookId)
            continue;
        a.deliveryStatus = status;
        a.sending = sending;
        a.delivered = delivered;
        if (status != QLatin1StringView("pending"))
            a.nextTry.reset();
        Q_EMIT dataChanged(index(i, DeliveryColumn), index(i, DeliveryColumn));
    }
}

void AttemptTableModel::setResult(const QString &attemptId, ResultKind kind, const QString &text)
{
    m_results.insert(attemptId, Result{kind, text});
    if (const auto row = rowOf(attemptId))
        Q_EMIT dataChanged(index(*row, 0), index(*row, ColumnCount - 1));
}

AttemptTableModel::ResultKind AttemptTableModel::resultKind(const QString &attemptId) const
{
    return m_results.value(attemptId).kind;
}

QString AttemptTableModel::resultText(const QString &attemptId) const
{
    return m_results.value(attemptId).text;
}

} // namespace ul::gui
