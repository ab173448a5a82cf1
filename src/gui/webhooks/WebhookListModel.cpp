#include "webhooks/WebhookListModel.h"

#include "LanguageManager.h"

#include <QtGui/QBrush>
#include <QtGui/QColor>

namespace ul::gui {

WebhookListModel::WebhookListModel(QObject *parent) : QAbstractTableModel(parent)
{
    retranslateOnLanguageChange(this);
}

int WebhookListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WebhookListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Webhook &w = m_rows.at(index.row());
    if (role == WebhookIdRole)
        return w.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case UrlColumn: return w.url;
        case SubscriptionsColumn: return w.subscriptions.join(QStringLiteral(", "));
        case RecentFailuresColumn: return w.recentFailureCount;
        case CreatedColumn: return QString(w.created.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC"));
        case IdColumn: return w.id;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == RecentFailuresColumn)
        return tr("Failed delivery tries in the last 24 hours");
    if (role == Qt::TextAlignmentRole && index.column() == RecentFailuresColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == RecentFailuresColumn && w.recentFailureCount > 0)
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    return {};
}

QVariant WebhookListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UrlColumn: return tr("URL");
    case SubscriptionsColumn: return tr("Subscriptions");
    case RecentFailuresColumn: return tr("Failures (24 h)");
    case CreatedColumn: return tr("Created");
    case IdColumn: return tr("Id");
    default: return {};
    }
}

void WebhookListModel::setWebhooks(const QList<Webhook> &webhooks)
{
    beginResetModel();
    m_rows = webhooks;
    endResetModel();
}

void WebhookListModel::prepend(const Webhook &webhook)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(webhook);
    endInsertRows();
}

void WebhookListModel::remove(const QString &id)
{
    const auto row = rowOf(id);
    if (!row)
        return;
    beginRemoveRows({}, *row, *row);
    m_rows.removeAt(*row);
    endRemoveRows();
}

std::optional<int> WebhookListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return i;
    }
    return std::nullopt;
}

} // namespace ul::gui
