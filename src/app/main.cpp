// usagelens: the desktop app, connected to the embedded sandbox.
#include "AppCommandLine.h"
#include "AppIdentity.h"
#include "ColdStartReport.h"
#include "EmbeddedSandbox.h"
#include "FirstExposureWatcher.h"
#include "MainWindow.h"

#include <QtCore/QElapsedTimer>
#include <QtWidgets/QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart; // first thing: --quit-after-shown reports the time from here
    sinceStart.start();

    // Answered before QApplication exists, so --help and --version need no display.
    const auto commandLine = ul::gui::AppCommandLine::parse(ul::gui::AppCommandLine::argumentsOf(argc, argv));
    if (commandLine.exitNow) {
        std::fputs(commandLine.message.toLocal8Bit().constData(), commandLine.exitCode == 0 ? stdout : stderr);
        return commandLine.exitCode;
    }

    QApplication app(argc, argv);
    ul::gui::applyAppIdentity();

    ul::gui::MainWindow window;
    ul::gui::EmbeddedSandbox sandbox; // destroyed first: stops the server before the window goes
    window.follow(sandbox);
    window.show();
    if (commandLine.options.quitAfterShown) {
        ul::gui::FirstExposureWatcher::watch(window, [&sinceStart] {
            ul::gui::printColdStartReport(sinceStart);
            QCoreApplication::quit();
        });
    }
    sandbox.start(commandLine.dataDir()); // in the background: the window is already on its way
    return QApplication::exec();
}
