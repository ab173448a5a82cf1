// The real main window: its views, menus and shortcuts, the geometry it remembers, and the
// status bar following a real embedded sandbox (started on port 0 in a temporary data folder)
// until it shows the customer count the sandbox's store holds.
#include "AppIdentity.h"
#include "ConnectionStatusLabel.h"
#include "EmbeddedSandbox.h"
#include "FirstExposureWatcher.h"
#include "attempts/AttemptTableModel.h"
#include "attempts/AttemptsView.h"
#include "backfills/BackfillsView.h"
#include "events/EventsView.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "Version.h"
#include "settings/ProductionBanner.h"
#include "settings/ProfileListModel.h"
#include "settings/ProfileSession.h"
#include "settings/ProfileStore.h"
#include "settings/ProfileSwitcher.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "settings/TokenStore.h"
#include "store/SandboxStore.h"
#include "workspace/WorkspaceService.h"
#include "workspace/WorkspaceView.h"

#include <QtCore/QDir>
#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QIcon>
#include <QtGui/QWindow>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QTabWidget>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using ul::gui::ConnectionStatusLabel;
using ul::gui::EmbeddedSandbox;
using ul::gui::MainWindow;
using State = ConnectionStatusLabel::State;

namespace {

constexpr int StartTimeoutMs = 120'000; // the first start seeds 60,000 demo events

bool isSettled(State state)
{
    return state != State::Idle && state != State::Starting && state != State::Counting;
}

/// Asks the sandbox's own store, on the sandbox's thread, how many customers it holds.
qint64 customersInStore(EmbeddedSandbox &sandbox)
{
    ul::sandbox::SandboxServer *server = sandbox.host().server();
    qint64 customers = -1;
    QMetaObject::invokeMethod(server, [&] { customers = server->store().customerCount(); }, Qt::BlockingQueuedConnection);
    return customers;
}

/// The id of some event the sandbox's store holds.
QString someEventId(EmbeddedSandbox &sandbox)
{
    ul::sandbox::SandboxServer *server = sandbox.host().server();
    QString id;
    QMetaObject::invokeMethod(server, [&] {
        auto q = server->store().database().prepare("SELECT event_id FROM event_versions ORDER BY seq LIMIT 1");
        if (q && q->step())
            id = q->text(0);
    }, Qt::BlockingQueuedConnection);
    return id;
}

QString sandboxToken(EmbeddedSandbox &sandbox)
{
    ul::sandbox::SandboxServer *server = sandbox.host().server();
    QString token;
    QMetaObject::invokeMethod(server, [&] { token = server->options().token; }, Qt::BlockingQueuedConnection);
    return token;
}

QStringList tabTitles(const QTabWidget &tabs)
{
    QStringList titles;
    for (int i = 0; i < tabs.count(); ++i)
        titles << tabs.tabText(i);
    return titles;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Settings and data go to throw-away test locations, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("UsageLensTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_main_window"));
    }

    void init() { QSettings().clear(); }

    void showsTheFourViews()
    {
        MainWindow window;
        const auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabWidget"));
        QVERIFY(tabs);
        QCOMPARE(tabTitles(*tabs), (QStringList{QStringLiteral("Events"), QStringLiteral("Corrections"),
                                                QStringLiteral("Backfills"), QStringLiteral("Webhook attempts")}));
        // The Events, Backfills and Webhook attempts tabs host their views; Corrections is an
        // empty state until attachCorrections(). The hidden tabs' views are made when their tab
        // is first shown, so the window comes up without their cost.
        QVERIFY(tabs->widget(0)->findChild<ul::gui::EventsView *>());
        QVERIFY(!tabs->widget(2)->findChild<ul::gui::BackfillsView *>());
        QVERIFY(!tabs->widget(3)->findChild<ul::gui::AttemptsView *>());
        window.showView(MainWindow::View::Backfills);
        const auto *backfills = tabs->widget(2)->findChild<ul::gui::BackfillsView *>();
        QVERIFY(backfills);
        QCOMPARE(backfills, &window.backfillsView());
        QVERIFY(!tabs->widget(3)->findChild<ul::gui::AttemptsView *>());
        window.showView(MainWindow::View::WebhookAttempts);
        const auto *attempts = tabs->widget(3)->findChild<ul::gui::AttemptsView *>();
        QVERIFY(attempts);
        QCOMPARE(attempts, &window.attemptsView());
        window.showView(MainWindow::View::Events);
        const QList<QLabel *> labels = tabs->widget(1)->findChildren<QLabel *>();
        QCOMPARE(labels.size(), 2); // a title and a one-line explanation
        for (const QLabel *label : labels)
            QVERIFY2(!label->text().trimmed().isEmpty(), qPrintable(label->objectName()));
        QCOMPARE(window.currentView(), MainWindow::View::Events);
    }

    void hasFileViewAndHelpMenus()
    {
        MainWindow window;
        QStringList titles;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (const QAction *menu : menus)
            titles << menu->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        const auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
        QVERIFY(quit);
        QVERIFY(quit->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
    }

    void controlAndADigitSwitchesViews()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::View::Corrections);
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::View::WebhookAttempts);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::View::Backfills);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentView(), MainWindow::View::Events);

        // The View menu's check mark follows the tab, however it was changed.
        window.showView(MainWindow::View::Backfills);
        const auto *backfills = window.findChild<QAction *>(QStringLiteral("showBackfillsAction"));
        QVERIFY(backfills && backfills->isChecked());
    }

    void remembersGeometryAndViewAcrossRuns()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(910, 630);
            window.showView(MainWindow::View::Backfills);
            window.close();
        }
        MainWindow window;
        QCOMPARE(window.currentView(), MainWindow::View::Backfills);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(910, 630));
    }

    void aboutNamesVersionQtAndLicense()
    {
        const QString text = MainWindow::aboutText();
        QVERIFY(text.contains(QLatin1StringView(ul::version::Version)));
        QVERIFY(text.contains(QLatin1StringView(qVersion())));
        QVERIFY(text.contains(QLatin1StringView("License")));
    }

    void hasTheApplicationIcon()
    {
        const QIcon icon = ul::gui::applicationIcon();
        QCOMPARE(icon.availableSizes().size(), 6);
        for (const int side : {16, 24, 32, 256, 512}) {
            const QPixmap pixmap = icon.pixmap(QSize(side, side));
            QCOMPARE(pixmap.size(), QSize(side, side));
            QVERIFY(pixmap.toImage().pixelColor(side / 2, side / 2).alpha() > 0); // drawn, not blank
        }
    }

    void callsBackOnceTheWindowIsOnScreen()
    {
        MainWindow window;
        window.show();
        int calls = 0;
        bool exposedThen = false;
        ul::gui::FirstExposureWatcher::watch(window, [&] {
            ++calls;
            exposedThen = window.windowHandle()->isExposed();
        });
        QVERIFY(QTest::qWaitFor([&] { return calls > 0; }));
        QVERIFY(exposedThen);
        window.hide();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
        QCOMPARE(calls, 1);
    }

    void showsTheEmbeddedSandboxAndItsCustomerCount()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        MainWindow window;
        EmbeddedSandbox sandbox;
        window.follow(sandbox);
        window.show();
        const ConnectionStatusLabel &status = window.connectionStatus();
        QCOMPARE(status.text(), QStringLiteral("Starting the local sandbox…"));

        sandbox.start(dataDir.path());
        QVERIFY(QTest::qWaitFor([&] { return isSettled(status.state()); }, StartTimeoutMs));
        QVERIFY2(status.state() == State::Connected, qPrintable(status.text()));

        const QUrl baseUrl = sandbox.host().baseUrl();
        QCOMPARE(baseUrl.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(baseUrl.port() > 0);
        const qint64 customers = customersInStore(sandbox);
        QVERIFY(customers > 1); // the demo data was seeded
        QCOMPARE(status.text(), QStringLiteral("Local sandbox · http://127.0.0.1:%1 · %2 customers")
                                    .arg(QString::number(baseUrl.port()), QString::number(customers)));
        QVERIFY(QFileInfo::exists(EmbeddedSandbox::databasePath(dataDir.path())));

        // The token is strong, random and never shown.
        const QString token = sandboxToken(sandbox);
        static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{43,}$"));
        QVERIFY(base64url.match(token).hasMatch());
        QVERIFY(!status.text().contains(token));

        sandbox.stop();
        QVERIFY(!sandbox.host().isRunning());
    }

    void profilesDriveTheClientTheSwitcherAndTheProductionBanner()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto settings = ul::Settings::openFiles(dir.filePath(QStringLiteral("roaming.ini")), dir.filePath(QStringLiteral("local.ini")));
        ul::TokenStore tokens(ul::TokenStore::Backend::None);
        ul::ProfileStore profiles(*settings, tokens);
        profiles.ensureDefaultProfile(); // the local sandbox
        ul::ConnectionProfile production;
        production.id = ul::ConnectionProfile::newId();
        production.name = QStringLiteral("Prod EU");
        production.kind = ul::ConnectionProfile::Kind::OrbServer;
        production.baseUrl = QUrl(QStringLiteral("https://billing.example.com/v1"));
        production.production = true;
        QVERIFY(profiles.add(production).hasValue());
        settings->setValue(ul::Settings::Key::AttemptsPageSize, 25);
        ul::ProfileSession session(profiles);
        ul::workspace::WorkspaceService workspace;
        workspace.open(dir.filePath(QStringLiteral("workspace.sqlite")));

        MainWindow window;
        window.attachSession(*settings, profiles, session);
        window.attachWorkspace(workspace);
        EmbeddedSandbox sandbox;
        window.follow(sandbox);
        window.show();
        QVERIFY(session.activate());
        sandbox.start(dir.filePath(QStringLiteral("data")));
        // The local sandbox profile gets its client once the sandbox listens; the views use it.
        QVERIFY(QTest::qWaitFor([&] { return session.client() != nullptr; }, StartTimeoutMs));
        QCOMPARE(window.client(), session.client());
        QCOMPARE(window.attemptsView().client(), session.client());
        QCOMPARE(window.attemptsView().model().pageSize(), 25); // page sizes come from Settings
        settings->setValue(ul::Settings::Key::AttemptsPageSize, 40);
        QCOMPARE(window.attemptsView().model().pageSize(), 40);

        // Events fetched by the server lookup are kept in the local workspace, its own page
        // beside the lookup.
        QVERIFY(window.workspaceView());
        QCOMPARE(window.eventsView().sourceTabWidget()->indexOf(window.workspaceView()), 1);
        QSignalSpy stored(&workspace, &ul::workspace::WorkspaceService::stored);
        const QString eventId = someEventId(sandbox);
        QVERIFY(!eventId.isEmpty());
        window.eventsView().setIdsText(eventId);
        window.eventsView().setTimeframe(ul::gui::EventsView::Timeframe::AllTime);
        window.eventsView().run();
        QVERIFY(stored.wait(30000));
        QCOMPARE(stored.first().first().value<ul::workspace::StoreSummary>().total(), 1);
        auto *banner = window.findChild<ul::gui::ProductionBanner *>();
        QVERIFY(banner);
        QVERIFY(!banner->isVisibleTo(&window));

        // Switching to the production profile: a new client, and a banner above every view.
        auto *switcher = window.findChild<ul::gui::ProfileSwitcher *>();
        QVERIFY(switcher);
        const int row = switcher->findData(production.id, ul::gui::ProfileListModel::IdRole);
        QVERIFY(row >= 0);
        switcher->setCurrentIndex(row);
        Q_EMIT switcher->activated(row);
        QVERIFY(QTest::qWaitFor([&] { return session.profile().id == production.id; }, 5000));
        QVERIFY(banner->isVisibleTo(&window));
        QVERIFY2(banner->text().contains(QStringLiteral("Prod EU")), qPrintable(banner->text()));
        QCOMPARE(window.client(), session.client());
        for (int view = 0; view < 4; ++view) { // the banner sits above the tabs, so every view shows it
            window.showView(static_cast<MainWindow::View>(view));
            QVERIFY(banner->isVisibleTo(&window));
        }

        // Settings opens on the current profile.
        auto *settingsAction = window.findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(settingsAction && settingsAction->isEnabled());
        settingsAction->trigger();
        auto *dialog = window.findChild<ul::gui::SettingsDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->selectedProfileId(), production.id);
        dialog->reject();
        sandbox.stop();
    }

    void explainsWhyTheSandboxDidNotStart()
    {
        // A folder cannot be made inside a plain file, not even by root.
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString blocker = scratch.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString dataDir = QDir(blocker).filePath(QStringLiteral("data"));

        MainWindow window;
        EmbeddedSandbox sandbox;
        window.follow(sandbox);
        window.show();
        sandbox.start(dataDir);
        const ConnectionStatusLabel &status = window.connectionStatus();
        QVERIFY(QTest::qWaitFor([&] { return isSettled(status.state()); }, StartTimeoutMs));
        QCOMPARE(status.state(), State::Failed);
        QCOMPARE(status.text(), QStringLiteral("The local sandbox did not start: cannot create the folder %1")
                                    .arg(QDir::toNativeSeparators(dataDir)));
        QVERIFY(!sandbox.host().isRunning());
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_gui_main_window.moc"
