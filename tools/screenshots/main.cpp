// usagelens-screenshots: takes the user guide's pictures from the real app on demo data.
//
// Starts the app as main.cpp does (settings, the sandbox profile, the embedded sandbox with its
// demo data, the local workspace), in a language of choice, then walks the list of views below,
// brings each on screen and saves QWidget::grab() of it as <out>/<name>.png. Runs offscreen
// (QT_QPA_PLATFORM=offscreen) or under xvfb-run; scripts/screenshots.sh is the way in.
//
// To picture a new view, add one entry to views(): its file name, what it shows, and how to get
// there (a function that prepares the app and returns the widget to grab).
#include "AppIdentity.h"
#include "ConnectionStatusLabel.h"
#include "EmbeddedSandbox.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "attempts/AttemptTableModel.h"
#include "attempts/AttemptsView.h"
#include "corrections/CorrectionsHub.h"
#include "events/EventsView.h"
#include "settings/ConnectionProfile.h"
#include "settings/ProductionConfirmDialog.h"
#include "settings/ProfileSession.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/TokenStore.h"
#include "store/SandboxStore.h"
#include "workspace/WorkspaceService.h"
#include "workspace/WorkspaceView.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/qtestsupport_core.h>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDialog>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include <cstdio>
#include <functional>

namespace {

using namespace ul;
using namespace ul::gui;
using namespace std::chrono_literals;

/// Everything a view's preparation may need.
struct App {
    MainWindow &window;
    EmbeddedSandbox &sandbox;
    QStringList eventIds; ///< Demo events, amended ones first.
};

struct View {
    QString name;        ///< The picture's file name, without .png.
    QString description; ///< For --list and the log.
    std::function<QWidget *(App &)> prepare;
};

bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout = 60s)
{
    return QTest::qWaitFor(done, int(timeout.count()));
}

/// Waits until nothing has happened for a moment, so the picture shows a settled screen.
void settle()
{
    QTest::qWait(400);
}

QDialog *openDialog(QWidget *owner)
{
    QDialog *dialog = nullptr;
    waitFor([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<QDialog *>(w); d && d->isVisible() && d->parentWidget() && owner->isAncestorOf(d->parentWidget()))
                dialog = d;
            else if (d && d->isVisible() && d->parentWidget() == owner)
                dialog = d;
        }
        return dialog != nullptr;
    }, 10s);
    return dialog;
}

QWidget *lookedUpEvents(App &app)
{
    app.window.showView(MainWindow::View::Events);
    EventsView &events = app.window.eventsView();
    events.sourceTabWidget()->setCurrentIndex(0);
    events.setIdsText(app.eventIds.join(u'\n'));
    events.setTimeframe(EventsView::Timeframe::AllTime);
    events.run();
    auto *table = events.findChild<QTableView *>(QStringLiteral("resultsTable"));
    waitFor([&] { return table && table->model()->rowCount() >= app.eventIds.size() / 2; });
    if (table && table->model()->rowCount() > 0) {
        table->setFocus();
        table->selectRow(0); // an amended event: the detail pane shows its history
    }
    settle();
    return &app.window;
}

QWidget *localWorkspace(App &app)
{
    app.window.showView(MainWindow::View::Events);
    WorkspaceView *workspace = app.window.workspaceView();
    QTabWidget *tabs = app.window.eventsView().sourceTabWidget();
    tabs->setCurrentWidget(workspace);
    workspace->applyFilters();
    waitFor([&] { return workspace->table()->model()->rowCount() > 0; }, 20s);
    workspace->table()->selectRow(0);
    settle();
    return &app.window;
}

QWidget *mainView(App &app, MainWindow::View view)
{
    app.window.eventsView().sourceTabWidget()->setCurrentIndex(0);
    app.window.showView(view);
    settle();
    return &app.window;
}

QWidget *webhookAttempts(App &app)
{
    app.window.showView(MainWindow::View::WebhookAttempts);
    AttemptsView &attempts = app.window.attemptsView();
    // The demo webhooks' first tries fail at once (404) or after a timeout: wait for some.
    waitFor([&] {
        attempts.refresh();
        QTest::qWait(1000);
        return attempts.model().rowCount() >= 2;
    }, 90s);
    if (auto *table = attempts.findChild<QTableView *>(QStringLiteral("attemptsTableView")); table && table->model()->rowCount() > 0)
        table->selectRow(0);
    settle();
    return &app.window;
}

QWidget *webhooksDialog(App &app)
{
    app.window.showView(MainWindow::View::WebhookAttempts);
    app.window.attemptsView().openWebhooksDialog();
    QDialog *dialog = openDialog(&app.window.attemptsView());
    if (dialog) {
        dialog->resize(820, 560);
        QTest::qWait(1500); // the webhook list loads from the server
    }
    return dialog;
}

QWidget *settingsDialog(App &app)
{
    app.window.openSettings();
    QDialog *dialog = openDialog(&app.window);
    if (dialog) {
        dialog->resize(900, 640);
        settle();
    }
    return dialog;
}

QWidget *productionConfirmation(App &app)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Billing EU");
    profile.production = true;
    auto *dialog = new ProductionConfirmDialog(profile, QString(), &app.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    settle();
    return dialog;
}

QWidget *aboutBox(App &app)
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, MainWindow::tr("About UsageLens"), MainWindow::aboutText(), QMessageBox::Ok, &app.window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    box->show();
    settle();
    return box;
}

/// The guide's pictures, in the guide's order.
QList<View> views()
{
    return {
        {QStringLiteral("events"), QStringLiteral("Events view: a server lookup by id, with the detail pane"), lookedUpEvents},
        {QStringLiteral("workspace"), QStringLiteral("Events view: the local workspace with its filters"), localWorkspace},
        {QStringLiteral("corrections"), QStringLiteral("Corrections journal"),
         [](App &app) { return mainView(app, MainWindow::View::Corrections); }},
        {QStringLiteral("backfills"), QStringLiteral("Backfills"), [](App &app) { return mainView(app, MainWindow::View::Backfills); }},
        {QStringLiteral("webhook-attempts"), QStringLiteral("Webhook attempts, with a failed delivery selected"), webhookAttempts},
        {QStringLiteral("webhooks"), QStringLiteral("Webhooks dialog"), webhooksDialog},
        {QStringLiteral("settings"), QStringLiteral("Settings dialog: connection profiles"), settingsDialog},
        {QStringLiteral("production-confirm"), QStringLiteral("Confirmation of a write to a production profile"), productionConfirmation},
        {QStringLiteral("about"), QStringLiteral("About box"), aboutBox},
    };
}

/// Some demo event ids, amended and deprecated ones first, read from the sandbox's own store.
QStringList demoEventIds(EmbeddedSandbox &sandbox, int count)
{
    sandbox::SandboxServer *server = sandbox.host().server();
    QStringList ids;
    QMetaObject::invokeMethod(server, [&] {
        auto query = server->store().database().prepare(
            "SELECT event_id FROM event_versions GROUP BY event_id ORDER BY COUNT(*) DESC, MIN(seq) LIMIT ?1");
        if (!query)
            return;
        query->bind(1, qint64(count));
        while (query->step())
            ids << query->text(0);
    }, Qt::BlockingQueuedConnection);
    return ids;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ul::gui::applyAppIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("usagelens-screenshots"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Takes the user guide's screenshots from the app on demo data."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder for the pictures."), QStringLiteral("DIR"),
                                       QStringLiteral("docs/images"));
    const QCommandLineOption languageOption(QStringLiteral("lang"), QStringLiteral("Language: en or ru."), QStringLiteral("CODE"),
                                            QStringLiteral("en"));
    const QCommandLineOption suffixOption(QStringLiteral("suffix"), QStringLiteral("Appended to each file name (e.g. -ru)."),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Only these views (comma list)."), QStringLiteral("NAMES"));
    const QCommandLineOption listOption(QStringLiteral("list"), QStringLiteral("List the views and exit."));
    parser.addOptions({outOption, languageOption, suffixOption, onlyOption, listOption});
    parser.process(app);

    const QList<View> all = views();
    if (parser.isSet(listOption)) {
        for (const View &view : all)
            std::printf("%-20s %s\n", qPrintable(view.name), qPrintable(view.description));
        return 0;
    }
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
    const QDir out(parser.value(outOption));
    if (!out.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(out.path()));
        return 1;
    }

    // Nothing of the user's: settings and data in a throwaway place.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir data;
    LanguageManager language;
    language.apply(parser.value(languageOption));

    const std::unique_ptr<Settings> settings = Settings::openDefault();
    TokenStore tokens;
    ProfileStore profiles(*settings, tokens);
    profiles.ensureDefaultProfile();
    ProfileSession session(profiles);
    workspace::WorkspaceService workspace;
    workspace.open(data.filePath(QStringLiteral("workspace.sqlite")));

    auto corrections = CorrectionsHub::open(data.path());
    if (!corrections) {
        std::fprintf(stderr, "corrections are unavailable: %s\n", qPrintable(corrections.error()));
        return 1;
    }
    (*corrections)->attachSession(session);

    MainWindow window;
    window.attachSession(*settings, profiles, session);
    window.attachWorkspace(workspace);
    window.attachCorrections(**corrections, &workspace);
    EmbeddedSandbox sandbox;
    window.follow(sandbox);
    session.activate();
    window.resize(1360, 860);
    window.show();
    sandbox.start(data.path());

    const auto settled = [&] {
        const auto state = window.connectionStatus().state();
        return state == ConnectionStatusLabel::State::Connected || state == ConnectionStatusLabel::State::Failed ||
               state == ConnectionStatusLabel::State::Unreachable;
    };
    if (!waitFor(settled, 300s) || window.connectionStatus().state() != ConnectionStatusLabel::State::Connected) {
        std::fprintf(stderr, "the sandbox did not come up: %s\n", qPrintable(window.connectionStatus().text()));
        return 1;
    }
    App context{window, sandbox, demoEventIds(sandbox, 24)};

    int failures = 0;
    for (const View &view : all) {
        if (!only.isEmpty() && !only.contains(view.name))
            continue;
        QWidget *shown = view.prepare(context);
        const QString path = out.filePath(view.name + parser.value(suffixOption) + QStringLiteral(".png"));
        if (!shown || !shown->grab().save(path)) {
            std::fprintf(stderr, "FAILED %s (%s)\n", qPrintable(view.name), qPrintable(view.description));
            ++failures;
        } else {
            std::printf("%s: %s\n", qPrintable(path), qPrintable(view.description));
        }
        if (shown && shown != &window)
            shown->close();
        std::fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
