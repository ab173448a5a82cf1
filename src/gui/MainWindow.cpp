#include "MainWindow.h"

#include "ConnectionStatusLabel.h"
#include "EmbeddedSandbox.h"
#include "Version.h"

#include "ui_MainWindow.h"

#include <QtCore/QSettings>
#include <QtGui/QActionGroup>
#include <QtGui/QCloseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

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
    setUpViewMenu();
    setUpHelpMenu();
    styleEmptyStates();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::follow(EmbeddedSandbox &sandbox)
{
    m_connectionStatus->showStarting();
    connect(&sandbox, &EmbeddedSandbox::started, m_connectionStatus, &ConnectionStatusLabel::showConnected);
    connect(&sandbox, &EmbeddedSandbox::failed, m_connectionStatus, &ConnectionStatusLabel::showStartFailure);
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
    const QList<QLabel *> titles{m_ui->eventsEmptyTitleLabel, m_ui->correctionsEmptyTitleLabel,
                                 m_ui->backfillsEmptyTitleLabel, m_ui->webhookAttemptsEmptyTitleLabel};
    for (QLabel *title : titles) {
        QFont font = title->font();
        font.setPointSizeF(font.pointSizeF() * 1.5);
        font.setBold(true);
        title->setFont(font);
    }
    const QList<QLabel *> explanations{m_ui->eventsEmptyTextLabel, m_ui->correctionsEmptyTextLabel,
                                       m_ui->backfillsEmptyTextLabel, m_ui->webhookAttemptsEmptyTextLabel};
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
