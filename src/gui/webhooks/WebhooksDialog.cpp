#include "webhooks/WebhooksDialog.h"

#include "webhooks/WebhookListModel.h"

#include "ui_WebhooksDialog.h"

#include <QtCore/QEvent>
#include <QtCore/QUrl>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMessageBox>

namespace ul::gui {

WebhooksDialog::WebhooksDialog(OrbClient *client, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::WebhooksDialog>()), m_client(client), m_api(client), m_model(new WebhookListModel(this))
{
    m_ui->setupUi(this);
    m_ui->webhooksTableView->setModel(m_model);
    m_ui->webhooksTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->webhooksTableView->setColumnWidth(WebhookListModel::UrlColumn, 300);
    m_ui->webhooksTableView->setColumnWidth(WebhookListModel::SubscriptionsColumn, 260);
    m_ui->webhooksTableView->setColumnWidth(WebhookListModel::CreatedColumn, 170);
    m_ui->secretLabel->setVisible(false);
    m_ui->secretLineEdit->setVisible(false);

    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &WebhooksDialog::reload);
    connect(m_ui->addButton, &QPushButton::clicked, this, &WebhooksDialog::addWebhook);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] { deleteSelected(true); });
    connect(m_ui->urlLineEdit, &QLineEdit::textChanged, this, &WebhooksDialog::updateButtons);
    for (QCheckBox *box : subscriptionBoxes())
        connect(box, &QCheckBox::toggled, this, &WebhooksDialog::updateButtons);
    connect(m_ui->webhooksTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WebhooksDialog::updateButtons);
    connect(m_model, &WebhookListModel::modelReset, this, &WebhooksDialog::updateButtons);
    updateButtons();
    reload();
}

WebhooksDialog::~WebhooksDialog() = default;

QTableView *WebhooksDialog::table() const
{
    return m_ui->webhooksTableView;
}

void WebhooksDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

QList<QCheckBox *> WebhooksDialog::subscriptionBoxes() const
{
    return {m_ui->ingestedCheckBox, m_ui->amendedCheckBox, m_ui->deprecatedCheckBox, m_ui->backfillClosedCheckBox,
            m_ui->backfillRevertedCheckBox};
}

QStringList WebhooksDialog::chosenSubscriptions() const
{
    QStringList chosen;
    for (const QCheckBox *box : subscriptionBoxes()) {
        if (box->isChecked())
            chosen << box->text();
    }
    return chosen;
}

void WebhooksDialog::setNewWebhook(const QString &url, const QStringList &subscriptions)
{
    m_ui->urlLineEdit->setText(url);
    for (QCheckBox *box : subscriptionBoxes())
        box->setChecked(subscriptions.contains(box->text()));
}

void WebhooksDialog::updateButtons()
{
    const bool connected = m_client != nullptr;
    m_ui->addButton->setEnabled(connected && !m_adding && !m_ui->urlLineEdit->text().trimmed().isEmpty()
                                && !chosenSubscriptions().isEmpty());
    m_ui->deleteButton->setEnabled(connected && m_ui->webhooksTableView->selectionModel()->hasSelection());
    m_ui->refreshButton->setEnabled(connected);
}

void WebhooksDialog::setStatus(const QString &text)
{
    m_ui->statusLabel->setText(text);
}

QString WebhooksDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

QString WebhooksDialog::shownSecret() const
{
    return m_ui->secretLineEdit->text();
}

void WebhooksDialog::reload()
{
    if (!m_client) {
        setStatus(tr("Not connected to a server."));
        return;
    }
    setStatus(tr("Loading webhooks…"));
    loadPage(std::nullopt, {}, ++m_generation);
}

void WebhooksDialog::loadPage(const std::optional<QString> &cursor, QList<Webhook> collected, quint64 generation)
{
    m_api.listWebhooks(100, cursor, this, [this, collected, generation](Expected<Page<Webhook>, RequestError> page) mutable {
        if (generation != m_generation)
            return;
        if (!page) {
            setStatus(tr("Loading webhooks failed: %1").arg(page.error().humanMessage()));
            Q_EMIT loaded();
            return;
        }
        collected += page->items;
        if (page->nextCursor) {
            loadPage(page->nextCursor, collected, generation);
            return;
        }
        m_model->setWebhooks(collected);
        setStatus(collected.isEmpty() ? tr("No webhooks yet.") : tr("%n webhook(s).", nullptr, int(collected.size())));
        Q_EMIT loaded();
    });
}

void WebhooksDialog::addWebhook()
{
    if (!m_client || m_adding)
        return;
    NewWebhook webhook{m_ui->urlLineEdit->text().trimmed(), chosenSubscriptions()};
    // The checks the server makes, made here first so the analyst sees them at once.
    const QUrl url(webhook.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))) {
        setStatus(tr("The URL must be an absolute http or https URL, such as https://billing.example.com/hooks."));
        Q_EMIT actionFailed(statusText());
        return;
    }
    if (webhook.subscriptions.isEmpty()) {
        setStatus(tr("Choose at least one subscription."));
        Q_EMIT actionFailed(statusText());
        return;
    }
    m_adding = true;
    updateButtons();
    setStatus(tr("Adding the webhook…"));
    m_api.createWebhook(webhook, this, [this](Expected<Webhook, RequestError> created) {
        m_adding = false;
        updateButtons();
        if (!created) {
            setStatus(tr("The webhook was not added: %1").arg(created.error().humanMessage()));
            Q_EMIT actionFailed(statusText());
            return;
        }
        m_model->prepend(*created);
        m_ui->secretLabel->setVisible(true);
        m_ui->secretLineEdit->setVisible(true);
        m_ui->secretLineEdit->setText(created->secret.value_or(QString()));
        m_ui->urlLineEdit->clear();
        setStatus(tr("Added %1. Copy its signing secret now: it is not shown again.").arg(created->url));
        Q_EMIT webhookAdded(*created);
    });
}

void WebhooksDialog::deleteSelected(bool confirm)
{
    if (!m_client)
        return;
    QList<Webhook> chosen;
    for (const QModelIndex &index : m_ui->webhooksTableView->selectionModel()->selectedRows())
        chosen << m_model->webhookAt(index.row());
    if (chosen.isEmpty())
        return;
    if (confirm) {
        QStringList urls;
        for (const Webhook &w : std::as_const(chosen))
            urls << w.url;
        const auto answer = QMessageBox::question(
            this, tr("Delete webhooks"),
            tr("Delete %n webhook(s)? Their pending deliveries are cancelled; their attempts stay listed.\n\n%1", nullptr,
               int(chosen.size()))
                .arg(urls.join(u'\n')));
        if (answer != QMessageBox::Yes)
            return;
    }
    for (const Webhook &w : std::as_const(chosen)) {
        const QString id = w.id;
        m_api.deleteWebhook(id, this, [this, id](Expected<Webhook, RequestError> deleted) {
            if (!deleted) {
                setStatus(tr("Webhook %1 was not deleted: %2").arg(id, deleted.error().humanMessage()));
                Q_EMIT actionFailed(statusText());
                return;
            }
            m_model->remove(id);
            setStatus(tr("Deleted %1.").arg(deleted->url));
            Q_EMIT webhookDeleted(id);
        });
    }
}

} // namespace ul::gui
