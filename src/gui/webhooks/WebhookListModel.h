#pragma once

#include "api/WebhookTypes.h"

#include <QtCore/QAbstractTableModel>

#include <optional>

namespace ul::gui {

/// Webhooks as a table: URL, subscriptions, failed tries in the last 24 hours, created, id.
/// Newest first, as the server lists them.
class WebhookListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { UrlColumn, SubscriptionsColumn, RecentFailuresColumn, CreatedColumn, IdColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { WebhookIdRole = Qt::UserRole + 1 };

    explicit WebhookListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setWebhooks(const QList<Webhook> &webhooks);
    /// Adds a new webhook at the top.
    void prepend(const Webhook &webhook);
    void remove(const QString &id);
    [[nodiscard]] const QList<Webhook> &webhooks() const { return m_rows; }
    [[nodiscard]] const Webhook &webhookAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] std::optional<int> rowOf(const QString &id) const;

private:
    QList<Webhook> m_rows;
};

} // namespace ul::gui
