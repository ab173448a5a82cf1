// usagelens: the desktop app, connected to the embedded sandbox.
#include "AppCommandLine.h"
#include "AppIdentity.h"
#include "ColdStartReport.h"
#include "EmbeddedSandbox.h"
#include "FirstExposureWatcher.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "TimeDisplay.h"
#include "corrections/CorrectionsHub.h"
#include "settings/ProfileSession.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/ThemeApplier.h"
#include "settings/TokenStore.h"
#include "workspace/WorkspaceService.h"

#include <QtCore/QDir>

#include <QtCore/QElapsedTimer>
#include <QtWidgets/QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart; // first thing: --quit-after-shown reports the time from here
    sinceStart.start();
    // USAGELENS_STARTUP_TRACE=1: where the start-up time goes, one line per step on stderr.
    const bool traceStartup = qEnvironmentVariableIsSet("USAGELENS_STARTUP_TRACE");
    const auto mark = [&sinceStart, traceStartup](const char *step) {
        if (traceStartup)
            std::fprintf(stderr, "startup %8.2f ms  %s\n", double(sinceStart.nsecsElapsed()) / 1e6, step);
    };

    // Answered before QApplication exists, so --help and --version need no display.
    const auto commandLine = ul::gui::AppCommandLine::parse(ul::gui::AppCommandLine::argumentsOf(argc, argv));
    if (commandLine.exitNow) {
        std::fputs(commandLine.message.toLocal8Bit().constData(), commandLine.exitCode == 0 ? stdout : stderr);
        return commandLine.exitCode;
    }

    QApplication app(argc, argv);
    ul::gui::applyAppIdentity();
    mark("QApplication");

    // Settings and profiles; tokens live in the OS keychain, never in the settings.
    const std::unique_ptr<ul::Settings> settings = ul::Settings::openDefault();
    ul::gui::applyTheme(settings->theme());
    ul::gui::TimeDisplay::instance().setLocal(settings->timeDisplay() == ul::Settings::TimeDisplay::Local);
    ul::gui::LanguageManager language; // before any widget: the window comes up in its language
    language.follow(*settings);
    QObject::connect(settings.get(), &ul::Settings::changed, settings.get(), [&settings](ul::Settings::Key key) {
        if (key == ul::Settings::Key::Theme)
            ul::gui::applyTheme(settings->theme());
        else if (key == ul::Settings::Key::TimeDisplay)
            ul::gui::TimeDisplay::instance().setLocal(settings->timeDisplay() == ul::Settings::TimeDisplay::Local);
    });
    mark("settings, theme, language");
    ul::TokenStore tokens;
    tokens.setFileFallback(settings->tokenFileOptIn(), ul::TokenStore::defaultFilePath());
    ul::ProfileStore profiles(*settings, tokens);
    profiles.ensureDefaultProfile();
    ul::ProfileSession session(profiles);
    mark("token store, profiles, session");

    // One local workspace per profile: every event fetched from that profile's server.
    ul::workspace::WorkspaceService workspace;
    const QDir workspaces(commandLine.dataDir() + QStringLiteral("/workspaces"));
    QObject::connect(&session, &ul::ProfileSession::profileChanged, &workspace, [&](const ul::ConnectionProfile &profile) {
        const QString path = workspaces.filePath(profile.id + QStringLiteral(".sqlite"));
        if (workspace.path() != path && workspaces.mkpath(QStringLiteral(".")))
            workspace.open(path);
    });

    // One durable outbox for every write, and a correction journal per profile.
    auto corrections = ul::gui::CorrectionsHub::open(commandLine.dataDir());
    if (corrections) {
        (*corrections)->useTokenStore(tokens);
        (*corrections)->attachSession(session);
        // What is still queued stays in the outbox; the next start offers to send it.
        QObject::connect(&app, &QCoreApplication::aboutToQuit, corrections->get(), &ul::gui::CorrectionsHub::close);
    } else {
        std::fprintf(stderr, "usagelens: corrections are unavailable: %s\n", qPrintable(corrections.error()));
    }
    mark("workspace service, outbox and journal opened");

    ul::gui::MainWindow window;
    mark("MainWindow constructed");
    window.attachSession(*settings, profiles, session);
    window.attachWorkspace(workspace);
    if (corrections)
        window.attachCorrections(**corrections, &workspace);
    mark("session and workspace attached");
    ul::gui::EmbeddedSandbox sandbox; // destroyed first: stops the server before the window goes
    window.follow(sandbox);
    session.activate();
    mark("session activated");
    window.show();
    mark("show() returned");
    if (commandLine.options.quitAfterShown) {
        ul::gui::FirstExposureWatcher::watch(window, [&sinceStart, &mark] {
            mark("window exposed and painted");
            ul::gui::printColdStartReport(sinceStart);
            QCoreApplication::quit();
        });
    }
    sandbox.start(commandLine.dataDir()); // in the background: the window is already on its way
    return QApplication::exec();
}
