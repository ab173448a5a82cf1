#pragma once

#include "api/WebhookApi.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDialog>

#include <memory>

namespace Ui {
class WebhooksDialog;
}

class QCheckBox;
class QTableView;

namespace ul {
class OrbClient;
}

namespace ul::gui {

class WebhookListModel;

/// Lists the server's webhooks with their failed tries of the last 24 hours, adds one (URL and
/// subscriptions; its signing secret is shown once, right after) and deletes the selected ones.
class WebhooksDialog : public QDialog {
    Q_OBJECT
public:
    /// `client` is not owned; the list loads at once.
    explicit WebhooksDialog(OrbClient *client, QWidget *parent = nullptr);
    ~WebhooksDialog() override;

    [[nodiscard]] WebhookListModel &model() const { return *m_model; }
    [[nodiscard]] QTableView *table() const;

    /// Loads every webhook again (all pages).
    void reload();
    /// Adds a webhook with what the form says.
    void addWebhook();
    /// Fills the form: the URL and exactly these subscriptions ticked.
    void setNewWebhook(const QString &url, const QStringList &subscriptions);
    /// Deletes the selected webhooks, after asking when `confirm`.
    void deleteSelected(bool confirm = true);

    [[nodiscard]] QString statusText() const;
    /// The secret of the webhook added last (empty before one is added).
    [[nodiscard]] QString shownSecret() const;

Q_SIGNALS:
    /// The list arrived (or failed; see statusText()).
    void loaded();
    /// A webhook was added (`added`) or deleted.
    void webhookAdded(const ul::Webhook &added);
    void webhookDeleted(const QString &id);
    /// An add or a delete failed; statusText() says why.
    void actionFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    [[nodiscard]] QList<QCheckBox *> subscriptionBoxes() const;
    [[nodiscard]] QStringList chosenSubscriptions() const;
    void loadPage(const std::optional<QString> &cursor, QList<Webhook> collected, quint64 generation);
    void updateButtons();
    void setStatus(const QString &text);

    std::unique_ptr<Ui::WebhooksDialog> m_ui;
    QPointer<OrbClient> m_client;
    WebhookApi m_api;
    WebhookListModel *m_model;
    quint64 m_generation = 0;
    bool m_adding = false;
};

} // namespace ul::gui
