#include "backfills/BackfillsView.h"

#include "TimeDisplay.h"
#include "api/BackfillApi.h"
#include "backfills/BackfillActions.h"
#include "backfills/BackfillTableModel.h"
#include "backfills/CreateBackfillWizard.h"
#include "backfills/UnfinishedImportsBar.h"
#include "corrections/CorrectionsHub.h"
#include "journal/JournalTypes.h"
#include "settings/ProductionConfirmDialog.h"
#include "volume/VolumeView.h"

#include "ui_BackfillsView.h"

#include <QtCore/QEvent>
#include <QtCore/QTimer>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMessageBox>

namespace ul::gui {

BackfillsView::BackfillsView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BackfillsView>())
    , m_model(new BackfillTableModel(this))
    , m_actions(new BackfillActions(nullptr, this))
    , m_volume(new VolumeView(this))
    , m_importsBar(new UnfinishedImportsBar(this))
    , m_autoRefresh(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->volumeGroupLayout->addWidget(m_volume);
    m_ui->backfillsLayout->insertWidget(0, m_importsBar);
    connect(m_importsBar, &UnfinishedImportsBar::importEnded, this, [this](ImportJob::State, const QString &message) {
        setStatus(message);
        refresh();
    });
    m_ui->backfillsSplitter->setStretchFactor(0, 1);
    m_ui->backfillsSplitter->setStretchFactor(1, 1);

    QTableView *view = m_ui->backfillsTableView;
    view->setModel(m_model);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const QList<QPair<int, int>> widths{{BackfillTableModel::IdColumn, 170}, {BackfillTableModel::StatusColumn, 90},
                                        {BackfillTableModel::TimeframeStartColumn, 150}, {BackfillTableModel::TimeframeEndColumn, 150},
                                        {BackfillTableModel::CustomerColumn, 170}, {BackfillTableModel::ModeColumn, 70},
                                        {BackfillTableModel::DeprecationFilterColumn, 160}, {BackfillTableModel::EventsIngestedColumn, 70},
                                        {BackfillTableModel::CreatedColumn, 150}, {BackfillTableModel::CloseTimeColumn, 150}};
    for (const auto &[column, width] : widths)
        view->setColumnWidth(column, width);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateActions();
    });
    connect(view, &QTableView::doubleClicked, this, &BackfillsView::showVolumeOfSelected);
    connect(m_model, &BackfillTableModel::modelReset, this, [this] {
        showDetails();
        updateActions();
    });
    connect(m_model, &BackfillTableModel::dataChanged, this, [this] {
        showDetails();
        updateActions();
    });
    connect(m_model, &BackfillTableModel::pageLoaded, this, [this](int rows) {
        setStatus(tr("%n backfill(s) shown", nullptr, rows) + (m_model->hasMore() ? tr("; scroll down for more.") : tr(".")));
        updateAutoRefresh();
    });
    connect(m_model, &BackfillTableModel::loadFailed, this, [this](const QString &message) {
        setStatus(tr("Could not load the backfills: %1").arg(message));
        updateAutoRefresh();
    });

    connect(m_ui->refreshButton, &QPushButton::clicked, this, &BackfillsView::refresh);
    auto *refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshShortcut, &QShortcut::activated, this, &BackfillsView::refresh);
    connect(m_ui->newBackfillButton, &QPushButton::clicked, this, &BackfillsView::openCreateWizard);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &BackfillsView::closeSelected);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &BackfillsView::revertSelected);
    connect(m_ui->showVolumeButton, &QPushButton::clicked, this, &BackfillsView::showVolumeOfSelected);

    m_autoRefresh->setInterval(std::chrono::seconds(5));
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (!m_model->isLoading())
            m_model->reload();
    });

    connect(m_actions, &BackfillActions::succeeded, this, [this](qint64, const QString &action, const Backfill &backfill) {
        m_model->updateBackfill(backfill);
        if (action == JournalAction::BackfillClose)
            setStatus(tr("Backfill %1 is closed: its events count now.").arg(backfill.id));
        else if (action == JournalAction::BackfillRevert)
            setStatus(tr("Backfill %1 is %2.").arg(backfill.id, BackfillTableModel::statusText(backfill.status).toLower()));
        // What it changed shows in the volume at once.
        if (!m_volume->isLoading())
            m_volume->refresh();
        updateAutoRefresh();
        updateActions();
        Q_EMIT actionFinished(action, true, backfill.id);
    });
    connect(m_actions, &BackfillActions::failed, this, [this](qint64, const QString &action, const QString &message) {
        setStatus(tr("The server did not accept it: %1").arg(message));
        m_model->reload();
        updateActions();
        Q_EMIT actionFinished(action, false, QString());
    });
    updateActions();
}

BackfillsView::~BackfillsView() = default;

QTableView *BackfillsView::table() const
{
    return m_ui->backfillsTableView;
}

void BackfillsView::setClient(OrbClient *client)
{
    m_client = client;
    m_model->setApi(BackfillApi(client));
    m_volume->setClient(client);
    if (client)
        refresh();
    else
        m_model->clear();
    updateActions();
}

void BackfillsView::setHub(CorrectionsHub *hub)
{
    m_hub = hub;
    m_actions->setHub(hub);
    m_importsBar->setHub(hub);
    if (hub)
        connect(hub, &CorrectionsHub::readyChanged, this, &BackfillsView::updateActions, Qt::UniqueConnection);
    updateActions();
}

void BackfillsView::refresh()
{
    if (!m_client) {
        setStatus(tr("Not connected to a server."));
        return;
    }
    m_model->reload();
}

std::optional<Backfill> BackfillsView::currentBackfill() const
{
    const QModelIndex current = m_ui->backfillsTableView->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->backfillAt(current.row());
}

bool BackfillsView::selectBackfill(const QString &backfillId)
{
    const auto row = m_model->rowOf(backfillId);
    if (!row)
        return false;
    m_ui->backfillsTableView->selectRow(*row);
    m_ui->backfillsTableView->setCurrentIndex(m_model->index(*row, 0));
    return true;
}

bool BackfillsView::confirmAction(const QString &title, const QString &text, const QString &productionAction)
{
    if (auto ok = m_actions->ready(); !ok) {
        setStatus(ok.error());
        return false;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    QPushButton *go = box.addButton(title, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != go)
        return false;
    return confirmProductionWrite(this, m_hub->profile(), productionAction);
}

bool BackfillsView::closeSelected()
{
    const auto backfill = currentBackfill();
    if (!backfill || !backfill->isPending())
        return false;
    if (!confirmAction(tr("Close backfill"), BackfillActions::closeConfirmation(*backfill),
                       tr("Closing backfill %1").arg(backfill->id)))
        return false;
    auto queued = m_actions->close(*backfill);
    if (!queued) {
        setStatus(tr("Could not queue the close: %1").arg(queued.error()));
        return false;
    }
    setStatus(tr("Closing backfill %1…").arg(backfill->id));
    updateActions();
    return true;
}

bool BackfillsView::revertSelected()
{
    const auto backfill = currentBackfill();
    if (!backfill || !(backfill->isPending() || backfill->isReflected()))
        return false;
    if (!confirmAction(tr("Revert backfill"), BackfillActions::revertConfirmation(*backfill),
                       tr("Reverting backfill %1").arg(backfill->id)))
        return false;
    auto queued = m_actions->revert(*backfill);
    if (!queued) {
        setStatus(tr("Could not queue the revert: %1").arg(queued.error()));
        return false;
    }
    setStatus(tr("Reverting backfill %1…").arg(backfill->id));
    updateActions();
    return true;
}

void BackfillsView::showVolumeOfSelected()
{
    if (const auto backfill = currentBackfill())
        m_volume->setTimeframe(backfill->timeframeStart, backfill->timeframeEnd);
}

void BackfillsView::showVolume()
{
    QList<int> sizes = m_ui->backfillsSplitter->sizes();
    if (sizes.size() == 2 && sizes.at(1) == 0) { // collapsed by the analyst: open it again
        sizes = {sizes.at(0) / 2, sizes.at(0) - sizes.at(0) / 2};
        m_ui->backfillsSplitter->setSizes(sizes);
    }
    m_volume->setFocus();
    if (m_client && !m_volume->isLoading())
        m_volume->refresh();
}

CreateBackfillWizard *BackfillsView::openCreateWizard()
{
    auto *wizard = new CreateBackfillWizard(m_client, m_hub, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CreateBackfillWizard::backfillCreated, this, [this](const Backfill &backfill) {
        m_model->updateBackfill(backfill);
        selectBackfill(backfill.id);
        updateAutoRefresh();
    });
    connect(wizard, &CreateBackfillWizard::importEnded, this, [this](const QString &backfillId) {
        refresh();
        if (const auto row = m_model->rowOf(backfillId)) {
            const Backfill &b = m_model->backfillAt(*row);
            m_volume->setTimeframe(b.timeframeStart, b.timeframeEnd);
        }
    });
    wizard->show();
    return wizard;
}

void BackfillsView::setAutoRefreshInterval(std::chrono::milliseconds interval)
{
    m_autoRefresh->setInterval(interval);
}

bool BackfillsView::isAutoRefreshing() const
{
    return m_autoRefresh->isActive();
}

void BackfillsView::updateAutoRefresh()
{
    const bool needed = m_client && (m_model->hasUnsettled() || m_actions->isBusy());
    if (needed && !m_autoRefresh->isActive())
        m_autoRefresh->start();
    else if (!needed)
        m_autoRefresh->stop();
    m_ui->autoRefreshLabel->setText(needed ? tr("Refreshing every %n s while a backfill is pending", nullptr,
                                                int(std::max<qint64>(1, m_autoRefresh->interval() / 1000)))
                                           : QString());
}

void BackfillsView::updateActions()
{
    const auto backfill = currentBackfill();
    const bool writable = m_actions->ready().hasValue();
    m_ui->newBackfillButton->setEnabled(m_client && writable);
    m_ui->closeButton->setEnabled(writable && backfill && backfill->isPending());
    m_ui->revertButton->setEnabled(writable && backfill && (backfill->isPending() || backfill->isReflected()));
    m_ui->showVolumeButton->setEnabled(backfill.has_value());
    const QString why = writable ? QString() : m_actions->ready().error();
    m_ui->closeButton->setStatusTip(why);
    m_ui->revertButton->setStatusTip(why);
}

QString BackfillsView::detailText() const
{
    const auto b = currentBackfill();
    if (!b)
        return tr("Select a backfill to see what it changes.");
    QString text = tr("%1 — %2. %3").arg(b->id, BackfillTableModel::statusText(b->status), BackfillTableModel::statusExplanation(b->status));
    text += u' ';
    text += b->replaceExistingEvents ? tr("Replaces %1").arg(BackfillActions::affectedEvents(*b))
                                     : tr("Adds to %1").arg(BackfillActions::affectedEvents(*b));
    if (b->replaceExistingEvents && b->deprecationFilter && !b->deprecationFilter->isEmpty())
        text += tr(" that match “%1”").arg(*b->deprecationFilter);
    text += tr("; %n event(s) ingested.", nullptr, int(std::min<qint64>(b->eventsIngested, INT_MAX)));
    return text;
}

void BackfillsView::showDetails()
{
    m_ui->detailLabel->setText(detailText());
}

void BackfillsView::setStatus(const QString &text)
{
    m_status = text;
    m_ui->statusLabel->setText(text);
}

void BackfillsView::showEvent(QShowEvent *event)
{
    if (m_client && !m_model->isLoading() && !m_model->lastError().isEmpty())
        refresh();
    QWidget::showEvent(event);
}

void BackfillsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showDetails();
        updateAutoRefresh();
    }
    QWidget::changeEvent(event);
}

} // namespace ul::gui
