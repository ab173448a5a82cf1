#include "attempts/AttemptsView.h"

#include "attempts/AttemptTableModel.h"
#include "webhooks/WebhooksDialog.h"

#include "ui_AttemptsView.h"

#include <QtCore/QEvent>
#include <QtCore/QMap>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>

namespace ul::gui {

namespace {

QStringList splitIds(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QStringList ids;
    for (const QString &id : text.split(separators, Qt::SkipEmptyParts)) {
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

std::optional<std::chrono::milliseconds> rangeSpan(AttemptsView::TimeRange range)
{
    switch (range) {
    case AttemptsView::TimeRange::LastHour: return std::chrono::hours(1);
    case AttemptsView::TimeRange::LastDay: return std::chrono::hours(24);
    case AttemptsView::TimeRange::LastWeek: return std::chrono::hours(24 * 7);
    default: return std::nullopt;
    }
}

} // namespace

AttemptsView::AttemptsView(OrbClient *client, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AttemptsView>())
    , m_model(new AttemptTableModel(this))
    , m_autoRefreshTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setUpFilters();
    setUpTable();
    setUpActions();
    setClient(client);
}

AttemptsView::~AttemptsView() = default;

QTableView *AttemptsView::table() const
{
    return m_ui->attemptsTableView;
}

void AttemptsView::setClient(OrbClient *client)
{
    m_client = client;
    m_api = WebhookApi(client);
    m_model->setApi(m_api);
    m_actionsRunning = 0; // answers to the previous client's calls will not come
    if (client) {
        applyFilters();
        loadWebhookPicker();
    } else {
        m_model->clear();
    }
    updateActions();
    updateStatus();
}

void AttemptsView::setUpFilters()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_ui->fromDateTimeEdit->setDateTime(now.addDays(-1));
    m_ui->toDateTimeEdit->setDateTime(now.addSecs(3600));
    connect(m_ui->timeRangeComboBox, &QComboBox::currentIndexChanged, this, &AttemptsView::updateCustomRangeEdits);
    updateCustomRangeEdits();
    connect(m_ui->applyButton, &QPushButton::clicked, this, &AttemptsView::applyFilters);
    connect(m_ui->eventIdsLineEdit, &QLineEdit::returnPressed, this, &AttemptsView::applyFilters);
    connect(m_ui->webhookIdsLineEdit, &QLineEdit::returnPressed, this, &AttemptsView::applyFilters);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AttemptsView::refresh);
    auto *refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshShortcut, &QShortcut::activated, this, &AttemptsView::refresh);

    auto *picker = new QMenu(m_ui->webhookPickerButton);
    m_ui->webhookPickerButton->setMenu(picker);
    connect(picker, &QMenu::aboutToShow, this, &AttemptsView::loadWebhookPicker);

    m_autoRefreshTimer->setInterval(std::chrono::seconds(15));
    connect(m_autoRefreshTimer, &QTimer::timeout, this, [this] {
        if (!m_model->isLoading() && m_actionsRunning == 0)
            refresh();
    });
    connect(m_ui->autoRefreshCheckBox, &QCheckBox::toggled, this, &AttemptsView::setAutoRefresh);
}

void AttemptsView::setUpTable()
{
    QTableView *view = m_ui->attemptsTableView;
    view->setModel(m_model);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QList<QPair<int, int>> widths{{AttemptTableModel::TimeColumn, 170}, {AttemptTableModel::CodeColumn, 110},
                                        {AttemptTableModel::HttpStatusColumn, 100}, {AttemptTableModel::MessageColumn, 280},
                                        {AttemptTableModel::EventIdColumn, 220}, {AttemptTableModel::WebhookColumn, 240},
                                        {AttemptTableModel::DurationColumn, 80}, {AttemptTableModel::TriggerColumn, 90},
                                        {AttemptTableModel::DeliveryColumn, 100}};
    for (const auto &[column, width] : widths)
        view->setColumnWidth(column, width);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AttemptsView::showCurrentDetails);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttemptsView::updateActions);
    connect(view, &QTableView::doubleClicked, this, &AttemptsView::showCurrentEvent);
    connect(m_model, &AttemptTableModel::modelReset, this, [this] {
        showCurrentDetails();
        updateActions();
    });
    connect(m_model, &AttemptTableModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        const QModelIndex current = m_ui->attemptsTableView->currentIndex();
        if (current.isValid() && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
            showCurrentDetails();
    });
    connect(m_model, &AttemptTableModel::loadingChanged, this, &AttemptsView::updateStatus);
    connect(m_model, &AttemptTableModel::pageLoaded, this, &AttemptsView::updateStatus);
    connect(m_model, &AttemptTableModel::loadFailed, this, &AttemptsView::updateStatus);
}

void AttemptsView::setUpActions()
{
    connect(m_ui->resendButton, &QPushButton::clicked, this, &AttemptsView::resendSelected);
    connect(m_ui->markHandledButton, &QPushButton::clicked, this, &AttemptsView::markSelectedHandled);
    connect(m_ui->showEventButton, &QPushButton::clicked, this, &AttemptsView::showCurrentEvent);
    connect(m_ui->webhooksButton, &QPushButton::clicked, this, &AttemptsView::openWebhooksDialog);
    updateActions();
}

void AttemptsView::showEvent(QShowEvent *event)
{
    // Shown after a load that failed (e.g. made before the server was up): try again.
    if (m_client && !m_model->isLoading() && !m_model->lastError().isEmpty())
        refresh();
    QWidget::showEvent(event);
}

void AttemptsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateStatus();
        showCurrentDetails();
    }
    QWidget::changeEvent(event);
}

void AttemptsView::updateCustomRangeEdits()
{
    const bool custom = timeRange() == TimeRange::Custom;
    m_ui->fromDateTimeEdit->setEnabled(custom);
    m_ui->toDateTimeEdit->setEnabled(custom);
}

void AttemptsView::setTimeRange(TimeRange range)
{
    m_ui->timeRangeComboBox->setCurrentIndex(static_cast<int>(range));
}

void AttemptsView::setCustomRange(const Timestamp &from, const Timestamp &until)
{
    m_ui->fromDateTimeEdit->setDateTime(from.toDateTime());
    m_ui->toDateTimeEdit->setDateTime(until.toDateTime());
    setTimeRange(TimeRange::Custom);
}

AttemptsView::TimeRange AttemptsView::timeRange() const
{
    return static_cast<TimeRange>(m_ui->timeRangeComboBox->currentIndex());
}

void AttemptsView::setEventIdsFilter(const QStringList &ids)
{
    m_ui->eventIdsLineEdit->setText(ids.join(QStringLiteral(", ")));
}

void AttemptsView::setWebhookIdsFilter(const QStringList &ids)
{
    m_ui->webhookIdsLineEdit->setText(ids.join(QStringLiteral(", ")));
}

void AttemptsView::setCodeFilter(const QString &code)
{
    const int index = code.isEmpty() ? 0 : m_ui->codeComboBox->findText(code);
    m_ui->codeComboBox->setCurrentIndex(std::max(index, 0));
}

AttemptQuery AttemptsView::currentQuery() const
{
    AttemptQuery query;
    const TimeRange range = timeRange();
    if (const auto span = rangeSpan(range)) {
        query.after = Timestamp::now() - *span;
    } else if (range == TimeRange::Custom) {
        query.after = Timestamp::fromDateTime(m_ui->fromDateTimeEdit->dateTime());
        query.before = Timestamp::fromDateTime(m_ui->toDateTimeEdit->dateTime());
    }
    query.eventIds = splitIds(m_ui->eventIdsLineEdit->text());
    query.webhookIds = splitIds(m_ui->webhookIdsLineEdit->text());
    if (m_ui->codeComboBox->currentIndex() > 0)
        query.codes = QStringList{m_ui->codeComboBox->currentText()};
    query.limit = m_model->pageSize();
    return query;
}

void AttemptsView::applyFilters()
{
    if (!m_client)
        return;
    m_model->reload(currentQuery());
    updateStatus();
}

void AttemptsView::refresh()
{
    if (!m_client)
        return;
    AttemptQuery query = m_model->query();
    // A relative range ("last hour") moves with the clock.
    if (const auto span = rangeSpan(timeRange()); span && query.after && !query.before)
        query.after = Timestamp::now() - *span;
    m_model->reload(query);
    updateStatus();
}

void AttemptsView::setAutoRefresh(bool on)
{
    if (m_ui->autoRefreshCheckBox->isChecked() != on)
        m_ui->autoRefreshCheckBox->setChecked(on); // comes back here through toggled()
    if (on)
        m_autoRefreshTimer->start();
    else
        m_autoRefreshTimer->stop();
}

void AttemptsView::setAutoRefreshInterval(std::chrono::milliseconds interval)
{
    m_autoRefreshTimer->setInterval(interval);
}

bool AttemptsView::autoRefresh() const
{
    return m_autoRefreshTimer->isActive();
}

void AttemptsView::setResendPolling(std::chrono::milliseconds interval, int maxPolls)
{
    m_pollInterval = interval;
    m_maxPolls = std::max(1, maxPolls);
}

QList<Attempt> AttemptsView::selectedAttempts() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_ui->attemptsTableView->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_ui->attemptsTableView->currentIndex().isValid())
        rows << m_ui->attemptsTableView->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    QList<Attempt> attempts;
    for (int row : std::as_const(rows))
        attempts << m_model->attemptAt(row);
    return attempts;
}

void AttemptsView::updateActions()
{
    const bool connected = m_client != nullptr;
    const bool any = !selectedAttempts().isEmpty();
    m_ui->resendButton->setEnabled(connected && any);
    m_ui->markHandledButton->setEnabled(connected && any);
    m_ui->showEventButton->setEnabled(m_ui->attemptsTableView->currentIndex().isValid());
    m_ui->webhooksButton->setEnabled(connected);
    m_ui->applyButton->setEnabled(connected);
    m_ui->refreshButton->setEnabled(connected);
}

void AttemptsView::updateStatus()
{
    QString text;
    if (!m_client) {
        text = tr("Not connected to a server.");
    } else if (!m_model->lastError().isEmpty()) {
        text = tr("Loading attempts failed: %1").arg(m_model->lastError());
    } else if (m_model->isLoading() && m_model->rowCount() == 0) {
        text = tr("Loading attempts…");
    } else if (m_model->rowCount() == 0) {
        text = tr("No failed deliveries match the filter.");
    } else if (m_model->hasMore()) {
        text = tr("%n attempt(s) shown; more load as you scroll.", nullptr, m_model->rowCount());
    } else {
        text = tr("%n attempt(s).", nullptr, m_model->rowCount());
    }
    m_ui->statusLabel->setText(text);
}

QString AttemptsView::statusText() const
{
    return m_ui->statusLabel->text();
}

QString AttemptsView::detailText() const
{
    return m_ui->detailPlainTextEdit->toPlainText();
}

void AttemptsView::showCurrentDetails()
{
    const QModelIndex current = m_ui->attemptsTableView->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_ui->detailPlainTextEdit->clear();
        updateActions();
        return;
    }
    const Attempt &a = m_model->attemptAt(current.row());
    const QString none = tr("—");
    QStringList lines;
    lines << tr("Attempt %1: %2, %3").arg(a.id, a.code, a.isManual() ? tr("manual resend") : tr("scheduled try"));
    lines << tr("Time: %1").arg(m_model->displayTime(a.created));
    lines << tr("Event: %1").arg(a.eventId);
    lines << tr("Webhook: %1 (%2)").arg(a.webhookUrl, a.webhookId);
    lines << tr("Subscription: %1").arg(a.subscription);
    lines << tr("HTTP status: %1").arg(a.httpStatus ? QString::number(*a.httpStatus) : none);
    lines << tr("Duration: %1 ms").arg(a.durationMs);
    QString delivery = AttemptTableModel::deliveryStatusText(a.deliveryStatus, a.sending);
    if (a.delivered)
        delivery += tr(" (last delivered at %1)").arg(m_model->displayTime(*a.delivered));
    else if (a.nextTry && a.deliveryStatus == QLatin1StringView("pending"))
        delivery += tr(" (next try at %1)").arg(m_model->displayTime(*a.nextTry));
    lines << tr("Delivery: %1").arg(delivery);
    lines << tr("Handled: %1").arg(a.handled ? m_model->displayTime(*a.handled) : none);
    if (const QString result = m_model->resultText(a.id); !result.isEmpty())
        lines << tr("Last action: %1").arg(result);
    lines << QString() << tr("Message:") << a.message;
    lines << QString() << tr("Response excerpt:") << (a.responseExcerpt.isEmpty() ? tr("(no response body)") : a.responseExcerpt);
    m_ui->detailPlainTextEdit->setPlainText(lines.join(u'\n'));
    updateActions();
}

void AttemptsView::showCurrentEvent()
{
    const QModelIndex current = m_ui->attemptsTableView->currentIndex();
    if (current.isValid())
        Q_EMIT showEventRequested(m_model->attemptAt(current.row()).eventId);
}

void AttemptsView::loadWebhookPicker()
{
    if (!m_client)
        return;
    m_api.listWebhooks(100, std::nullopt, this, [this](Expected<Page<Webhook>, RequestError> page) {
        if (!page)
            return; // the picker keeps what it had; the ids box still works
        QMenu *menu = m_ui->webhookPickerButton->menu();
        menu->clear();
        m_webhookUrls.clear();
        if (page->items.isEmpty()) {
            menu->addAction(tr("No webhooks"))->setEnabled(false);
            return;
        }
        const QStringList chosen = splitIds(m_ui->webhookIdsLineEdit->text());
        for (const Webhook &w : std::as_const(page->items)) {
            m_webhookUrls.insert(w.id, w.url);
            QAction *action = menu->addAction(w.url);
            action->setCheckable(true);
            action->setChecked(chosen.contains(w.id));
            action->setToolTip(w.id);
            connect(action, &QAction::toggled, this, [this, id = w.id](bool on) {
                QStringList ids = splitIds(m_ui->webhookIdsLineEdit->text());
                if (on && !ids.contains(id))
                    ids << id;
                else if (!on)
                    ids.removeAll(id);
                setWebhookIdsFilter(ids);
            });
        }
    });
}

void AttemptsView::openWebhooksDialog()
{
    if (!m_client)
        return;
    auto *dialog = new WebhooksDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this] {
        loadWebhookPicker();
        refresh();
    });
    dialog->open();
}

void AttemptsView::resendSelected()
{
    // One resend per event and webhook, however many of its attempts are selected.
    QMap<QPair<QString, QString>, QStringList> targets;
    for (const Attempt &a : selectedAttempts())
        targets[{a.eventId, a.webhookId}] << a.id;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
        const QString eventId = it.key().first;
        const QString webhookId = it.key().second;
        const QStringList ids = it.value();
        for (const QString &id : ids)
            m_model->setResult(id, AttemptTableModel::ResultKind::Working, tr("Resending…"));
        ++m_actionsRunning;
        m_api.resend(eventId, webhookId, this, [this, ids, eventId, webhookId](Expected<Delivery, RequestError> started) {
            if (!started) {
                --m_actionsRunning;
                for (const QString &id : ids) {
                    m_model->setResult(id, AttemptTableModel::ResultKind::Failure,
                                       tr("Resend failed: %1").arg(started.error().humanMessage()));
                    Q_EMIT resendFinished(id, false);
                }
                return;
            }
            m_model->setDeliveryState(eventId, webhookId, started->status, started->sending, started->delivered);
            if (started->sending) {
                pollDelivery(ids, started->id, eventId, webhookId, m_maxPolls);
            } else {
                finishResend(ids, eventId, webhookId, *started);
            }
        });
    }
}

void AttemptsView::pollDelivery(const QStringList &attemptIds, const QString &deliveryId, const QString &eventId,
                                const QString &webhookId, int pollsLeft)
{
    QTimer::singleShot(m_pollInterval, this, [=, this] {
        m_api.fetchDelivery(deliveryId, this, [=, this](Expected<Delivery, RequestError> delivery) {
            if (!delivery) {
                --m_actionsRunning;
                for (const QString &id : attemptIds) {
                    m_model->setResult(id, AttemptTableModel::ResultKind::Failure,
                                       tr("Resent, but its outcome could not be read: %1").arg(delivery.error().humanMessage()));
                    Q_EMIT resendFinished(id, false);
                }
                return;
            }
            if (delivery->sending && pollsLeft > 1) {
                pollDelivery(attemptIds, deliveryId, eventId, webhookId, pollsLeft - 1);
                return;
            }
            finishResend(attemptIds, eventId, webhookId, *delivery);
        });
    });
}

void AttemptsView::finishResend(const QStringList &attemptIds, const QString &eventId, const QString &webhookId,
                                const Delivery &delivery)
{
    --m_actionsRunning;
    m_model->setDeliveryState(eventId, webhookId, delivery.status, delivery.sending, delivery.delivered);
    if (delivery.sending) {
        for (const QString &id : attemptIds) {
            m_model->setResult(id, AttemptTableModel::ResultKind::Working, tr("Still sending; refresh to see how it ended"));
            Q_EMIT resendFinished(id, false);
        }
        return;
    }
    if (!delivery.lastAttemptId) {
        for (const QString &id : attemptIds) {
            m_model->setResult(id, AttemptTableModel::ResultKind::Success,
                               delivery.delivered ? tr("Delivered at %1").arg(m_model->displayTime(*delivery.delivered))
                                                  : tr("Delivered"));
            Q_EMIT resendFinished(id, true);
        }
        return;
    }
    // The resend failed too: say how, from the attempt it recorded.
    m_api.fetchAttempt(*delivery.lastAttemptId, this, [this, attemptIds](Expected<Attempt, RequestError> attempt) {
        const QString why = attempt ? attempt->message : attempt.error().humanMessage();
        for (const QString &id : attemptIds) {
            m_model->setResult(id, AttemptTableModel::ResultKind::Failure, tr("Failed again: %1").arg(why));
            Q_EMIT resendFinished(id, false);
        }
    });
}

void AttemptsView::markSelectedHandled()
{
    for (const Attempt &a : selectedAttempts()) {
        const QString id = a.id;
        m_model->setResult(id, AttemptTableModel::ResultKind::Working, tr("Marking handled…"));
        ++m_actionsRunning;
        m_api.markHandled(id, this, [this, id](Expected<Attempt, RequestError> handled) {
            --m_actionsRunning;
            if (!handled) {
                m_model->setResult(id, AttemptTableModel::ResultKind::Failure,
                                   tr("Not marked handled: %1").arg(handled.error().humanMessage()));
                Q_EMIT markHandledFinished(id, false);
                return;
            }
            m_model->updateAttempt(*handled);
            m_model->setDeliveryState(handled->eventId, handled->webhookId, handled->deliveryStatus, handled->sending,
                                      handled->delivered);
            m_model->setResult(id, AttemptTableModel::ResultKind::Success, tr("Marked handled"));
            Q_EMIT markHandledFinished(id, true);
        });
    }
}

} // namespace ul::gui
