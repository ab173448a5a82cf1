#include "MainWindow.h"

#include "ConnectionStatusLabel.h"
#include "EmbeddedSandbox.h"
#include "ServerConnection.h"
#include "Version.h"
#include "api/OrbClient.h"
#include "attempts/AttemptTableModel.h"
#include "attempts/AttemptsView.h"
#include "backfills/BackfillsView.h"
#include "corrections/CorrectionActions.h"
#include "corrections/CorrectionsHub.h"
#include "corrections/CorrectionsView.h"
#include "events/EventTableModel.h"
#include "events/EventsView.h"
#include "workspace/WorkspaceModel.h"
#include "workspace/WorkspaceService.h"
#include "workspace/WorkspaceView.h"
#include "settings/ProductionBanner.h"
#include "settings/ProfileSession.h"
#include "settings/ProfileStore.h"
#include "settings/ProfileSwitcher.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"

#include "ui_MainWindow.h"

#include <QtCore/QSettings>
#include <QtGui/QActionGroup>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>

namespace ul::gui {

namespace {

namespace SettingsKey {
constexpr QLatin1StringView Geometry("MainWindow/geometry");
constexpr QLatin1StringView State("MainWindow/state");
constexpr QLatin1StringView View("MainWindow/view");
} // namespace SettingsKey

constexpr QLatin1StringView LicenseName("MIT License");

/// The shortcuts for Quit: the platform's, or Ctrl+Q where the platform has none (Windows).
QList<QKeySequence> quitShortcuts()
{
    QList<QKeySequence> shortcuts = QKeySequence::keyBindings(QKeySequence::Quit);
    if (shortcuts.isEmpty())
        shortcuts.append(QKeySequence(Qt::CTRL | Qt::Key_Q));
    return shortcuts;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_connectionStatus(new ConnectionStatusLabel(this))
{
    m_ui->setupUi(this);
    // A widget rather than showMessage(): a status tip covers it only while the tip shows.
    statusBar()->addWidget(m_connectionStatus, 1);

    m_ui->quitAction->setShortcuts(quitShortcuts());
    m_ui->quitAction->setMenuRole(QAction::QuitRole);
    connect(m_ui->quitAction, &QAction::triggered, qApp, &QApplication::closeAllWindows);
    m_ui->settingsAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                           ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Comma)}
                                           : QKeySequence::keyBindings(QKeySequence::Preferences));
    m_ui->settingsAction->setMenuRole(QAction::PreferencesRole);
    m_ui->settingsAction->setEnabled(false); // until there are profiles to edit (attachSession)
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    setUpViewMenu();
    setUpHelpMenu();
    setUpVolumeAction();
    styleEmptyStates();
    connect(m_ui->viewTabWidget, &QTabWidget::currentChanged, this, &MainWindow::ensureViewOf);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::follow(EmbeddedSandbox &sandbox)
{
    m_connectionStatus->showStarting();
    connect(&sandbox, &EmbeddedSandbox::started, m_connectionStatus, &ConnectionStatusLabel::showConnected);
    connect(&sandbox, &EmbeddedSandbox::failed, m_connectionStatus, &ConnectionStatusLabel::showStartFailure);
    connect(&sandbox, &EmbeddedSandbox::started, this, [this](const ServerConnection &connection) {
        m_sandboxUrl = connection.baseUrl;
        m_sandboxToken = connection.token;
        if (m_session)
            m_session->setSandboxConnection(connection.baseUrl, connection.token);
        else
            connectTo(connection);
    });
}

void MainWindow::connectTo(const ServerConnection &connection)
{
    ClientSettings settings;
    settings.baseUrl = connection.baseUrl;
    QString path = settings.baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    settings.baseUrl.setPath(path + QStringLiteral("/v1"));
    auto *client = new OrbClient(settings, this);
    client->setToken(connection.token);
    useClient(client);
    m_ownsClient = true;
}

AttemptsView &MainWindow::attemptsView()
{
    if (m_attemptsView)
        return *m_attemptsView;
    m_attemptsView = new AttemptsView(m_client, m_ui->webhookAttemptsTab);
    m_ui->webhookAttemptsLayout->addWidget(m_attemptsView);
    if (m_settings)
        m_attemptsView->model().setPageSize(m_settings->attemptsPageSize());
    // "Show event": look the attempt's usage event up in the Events view, whatever its age.
    connect(m_attemptsView, &AttemptsView::showEventRequested, this, [this](const QString &eventId) {
        showView(View::Events);
        EventsView &events = eventsView();
        events.setIdsText(eventId);
        events.setTimeframe(EventsView::Timeframe::AllTime);
        events.run();
    });
    return *m_attemptsView;
}

BackfillsView &MainWindow::backfillsView()
{
    if (m_backfillsView)
        return *m_backfillsView;
    // The view replaces the tab's empty state (kept, hidden: retranslateUi sets its texts).
    m_ui->backfillsEmptyTitleLabel->hide();
    m_ui->backfillsEmptyTextLabel->hide();
    for (QSpacerItem *spacer : {m_ui->backfillsTopSpacer, m_ui->backfillsBottomSpacer})
        spacer->changeSize(0, 0, QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_backfillsView = new BackfillsView(m_ui->backfillsTab);
    m_ui->backfillsEmptyLayout->addWidget(m_backfillsView);
    if (m_client)
        m_backfillsView->setClient(m_client);
    if (m_hub)
        m_backfillsView->setHub(m_hub); // backfill close, revert and create go through the same outbox
    return *m_backfillsView;
}

void MainWindow::ensureViewOf(int index)
{
    switch (static_cast<View>(index)) {
    case View::Backfills: backfillsView(); break;
    case View::WebhookAttempts: attemptsView(); break;
    case View::Events:
    case View::Corrections: break;
    }
}

void MainWindow::setUpVolumeAction()
{
    // View › Event volume: the chart below the backfills.
    m_ui->viewMenu->addSeparator();
    m_volumeAction = m_ui->viewMenu->addAction(QString());
    connect(m_volumeAction, &QAction::triggered, this, [this] {
        showView(View::Backfills);
        backfillsView().showVolume();
    });
    retranslate();
}

void MainWindow::useClient(OrbClient *client)
{
    m_ui->eventsView->setClient(client);
    if (m_attemptsView)
        m_attemptsView->setClient(client);
    if (m_backfillsView)
        m_backfillsView->setClient(client);
    if (m_ownsClient)
        delete m_client; // after the views have let go of it
    m_client = client;
    m_ownsClient = false;
}

void MainWindow::attachSession(Settings &settings, ProfileStore &profiles, ProfileSession &session)
{
    m_settings = &settings;
    m_profiles = &profiles;
    m_session = &session;

    // Which profile every view works on, and a banner no view can hide when it is production.
    m_productionBanner = new ProductionBanner(this);
    m_ui->centralLayout->insertWidget(0, m_productionBanner);
    m_profileSwitcher = new ProfileSwitcher(profiles, this);
    m_profileBar = addToolBar(QString());
    m_profileBar->setObjectName(QStringLiteral("profileToolBar"));
    m_profileBar->setMovable(false);
    m_profileLabel = new QLabel(m_profileBar);
    m_profileBar->addWidget(m_profileLabel);
    m_profileBar->addWidget(m_profileSwitcher);
    m_profileBar->addAction(m_ui->settingsAction);
    retranslate();
    m_ui->settingsAction->setEnabled(true);

    connect(m_profileSwitcher, &ProfileSwitcher::profileChosen, &session, [&session](const QString &id) { session.activate(id); });
    connect(&session, &ProfileSession::profileChanged, this, [this](const ConnectionProfile &profile) {
        m_productionBanner->setProfile(profile);
        m_profileSwitcher->setCurrentProfileId(profile.id);
    });
    connect(&session, &ProfileSession::clientChanged, this, &MainWindow::useClient);
    connect(&session, &ProfileSession::tokenUnavailable, this, [this](const QString &message) {
        statusBar()->showMessage(tr("%1 Open Settings to enter the API token.").arg(message), 15000);
    });
    // Page sizes from Settings, now and whenever they change.
    auto applyPageSizes = [this] {
        eventsView().setIdsPerSearch(m_settings->eventsPageSize());
        if (m_attemptsView)
            m_attemptsView->model().setPageSize(m_settings->attemptsPageSize());
    };
    applyPageSizes();
    connect(&settings, &Settings::changed, this, [applyPageSizes](Settings::Key key) {
        if (key == Settings::Key::EventsPageSize || key == Settings::Key::AttemptsPageSize)
            applyPageSizes();
    });
    if (session.isActive()) {
        m_productionBanner->setProfile(session.profile());
        m_profileSwitcher->setCurrentProfileId(session.profile().id);
    }
    if (session.client())
        useClient(session.client());
}

void MainWindow::attachWorkspace(workspace::WorkspaceService &workspace)
{
    EventsView &events = eventsView();
    m_workspaceView = new WorkspaceView(&workspace, events.sourceTabWidget());
    events.sourceTabWidget()->addTab(m_workspaceView, QString());
    retranslate();
    connect(&events, &EventsView::eventsFetched, &workspace, &workspace::WorkspaceService::storeFetchedEvents);
    connect(m_workspaceView, &WorkspaceView::currentEventChanged, &events, &EventsView::showEventDetails);
}

void MainWindow::attachCorrections(CorrectionsHub &hub, workspace::WorkspaceService *workspace)
{
    // The journal view replaces the tab's empty state (kept, hidden: retranslateUi sets its texts).
    m_ui->correctionsEmptyTitleLabel->hide();
    m_ui->correctionsEmptyTextLabel->hide();
    for (QSpacerItem *spacer : {m_ui->correctionsTopSpacer, m_ui->correctionsBottomSpacer})
        spacer->changeSize(0, 0, QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_correctionsView = new CorrectionsView(hub, m_ui->correctionsTab);
    m_ui->correctionsEmptyLayout->addWidget(m_correctionsView);
    m_hub = &hub;
    if (m_backfillsView)
        m_backfillsView->setHub(&hub); // backfill close, revert and create go through the same outbox
    // Work left queued by an earlier session: show where the analyst decides about it.
    connect(&hub, &CorrectionsHub::queuedWorkFound, this, [this] { showView(View::Corrections); });
    if (hub.queuedFromEarlier() > 0)
        showView(View::Corrections);

    EventsView &events = eventsView();
    QList<CorrectionActions *> actions{new CorrectionActions(hub, events.resultsTable(), [&events] { return events.selectedEvents(); }, this)};
    if (m_workspaceView) {
        QTableView *table = m_workspaceView->table();
        actions << new CorrectionActions(hub, table, [table] {
            return CorrectionActions::selectedEvents(table, WorkspaceModel::EventRole);
        }, this);
    }
    for (CorrectionActions *a : std::as_const(actions))
        connect(a, &CorrectionActions::notice, this, [this](const QString &message) { statusBar()->showMessage(message, 8000); });

    // The server's version of corrected events replaces the rows shown and the workspace copy.
    connect(&hub, &CorrectionsHub::eventsRefreshed, this, [&events, workspace](const QList<Event> &refreshed) {
        QList<Event> shown;
        for (const Event &e : refreshed) {
            if (events.model().rowOf(e.id))
                shown << e;
        }
        if (!shown.isEmpty())
            events.model().addEvents(shown);
        if (workspace)
            workspace->storeFetchedEvents(refreshed);
    });
    connect(&hub, &CorrectionsHub::correctionGroupFinished, this,
            [this](const QString &, const QString &action, const CorrectionCounts &counts) {
                statusBar()->showMessage(counts.failed == 0
                                             ? tr("%1: %n event(s) done.", nullptr, static_cast<int>(counts.succeeded)).arg(action)
                                             : tr("%1: %2 done, %3 failed (see Corrections).").arg(action).arg(counts.succeeded).arg(counts.failed),
                                         15000);
            });
    connect(&hub, &CorrectionsHub::problem, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
}

void MainWindow::openSettings()
{
    if (!m_settings || !m_profiles)
        return;
    auto *dialog = new SettingsDialog(*m_settings, *m_profiles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_sandboxUrl.isEmpty())
        dialog->setSandboxConnection(m_sandboxUrl, m_sandboxToken);
    if (m_session && m_session->isActive())
        dialog->selectProfile(m_session->profile().id);
    connect(dialog, &SettingsDialog::notice, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    dialog->open();
}

EventsView &MainWindow::eventsView() const
{
    return *m_ui->eventsView;
}

void MainWindow::showView(View view)
{
    m_ui->viewTabWidget->setCurrentIndex(static_cast<int>(view));
}

MainWindow::View MainWindow::currentView() const
{
    return static_cast<View>(m_ui->viewTabWidget->currentIndex());
}

QString MainWindow::aboutText()
{
    return tr("<h3>UsageLens %1</h3>"
              "<p>Inspect and correct usage events in an Orb-compatible usage-billing API.</p>"
              "<p>Built with Qt %2, running on Qt %3.</p>"
              "<p>Licensed under the %4.</p>")
        .arg(QLatin1StringView(ul::version::Version), QLatin1StringView(QT_VERSION_STR), QLatin1StringView(qVersion()),
             LicenseName);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_volumeAction->setText(tr("Event &volume"));
    if (m_profileBar) {
        m_profileBar->setWindowTitle(tr("Profile"));
        m_profileLabel->setText(tr("Profile:"));
    }
    if (m_workspaceView) {
        QTabWidget *sources = eventsView().sourceTabWidget();
        sources->setTabText(sources->indexOf(m_workspaceView), tr("Local workspace"));
    }
}

void MainWindow::setUpViewMenu()
{
    // One action per tab, in tab order; the checked one follows the current tab.
    const QList<QAction *> viewActions{m_ui->showEventsAction, m_ui->showCorrectionsAction, m_ui->showBackfillsAction,
                                       m_ui->showWebhookAttemptsAction};
    Q_ASSERT(viewActions.size() == m_ui->viewTabWidget->count());
    auto *group = new QActionGroup(this);
    for (qsizetype index = 0; index < viewActions.size(); ++index) {
        QAction *action = viewActions.at(index);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, index] { m_ui->viewTabWidget->setCurrentIndex(static_cast<int>(index)); });
    }
    auto checkCurrent = [viewActions](int index) {
        if (index >= 0 && index < viewActions.size())
            viewActions.at(index)->setChecked(true);
    };
    connect(m_ui->viewTabWidget, &QTabWidget::currentChanged, this, checkCurrent);
    checkCurrent(m_ui->viewTabWidget->currentIndex());
}

void MainWindow::setUpHelpMenu()
{
    m_ui->aboutAction->setMenuRole(QAction::AboutRole);
    m_ui->aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::styleEmptyStates()
{
    // Sizes relative to the user's font, which a fixed size in the form could not be.
    // The Events view styles its own empty state.
    const QList<QLabel *> titles{m_ui->correctionsEmptyTitleLabel, m_ui->backfillsEmptyTitleLabel};
    for (QLabel *title : titles) {
        QFont font = title->font();
        font.setPointSizeF(font.pointSizeF() * 1.5);
        font.setBold(true);
        title->setFont(font);
    }
    const QList<QLabel *> explanations{m_ui->correctionsEmptyTextLabel, m_ui->backfillsEmptyTextLabel};
    for (QLabel *explanation : explanations)
        explanation->setForegroundRole(QPalette::PlaceholderText);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(SettingsKey::Geometry).toByteArray());
    restoreState(settings.value(SettingsKey::State).toByteArray());
    const int view = settings.value(SettingsKey::View, 0).toInt();
    if (view >= 0 && view < m_ui->viewTabWidget->count())
        m_ui->viewTabWidget->setCurrentIndex(view);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(SettingsKey::Geometry, saveGeometry());
    settings.setValue(SettingsKey::State, saveState());
    settings.setValue(SettingsKey::View, m_ui->viewTabWidget->currentIndex());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About UsageLens"), aboutText());
}

} // namespace ul::gui
