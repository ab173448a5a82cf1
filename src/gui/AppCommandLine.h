#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace ul::gui {

/// What the `usagelens` command line asks for.
struct AppOptions {
    /// Where the embedded sandbox keeps its database; empty means the platform's default
    /// (see AppCommandLine::defaultDataDir).
    QString dataDir;
    /// Show the window, report how long that took from the start of main(), then quit.
    /// The cold-start benchmark uses it.
    bool quitAfterShown = false;
};

/// The outcome of reading `usagelens`'s command line: options to start with, or text to print and
/// an exit code (for --help, --version and errors).
///
/// Parsing needs no QCoreApplication, so --help, --version and mistakes are answered before
/// QApplication is constructed, which is also what lets them work without a display. Qt's own GUI
/// options (-platform, -style, ...) are accepted and left for QApplication to consume.
struct AppCommandLine {
    Q_DECLARE_TR_FUNCTIONS(ul::gui::AppCommandLine)

public:
    AppOptions options;
    bool exitNow = false;
    int exitCode = 0;
    QString message; ///< What to print before exiting (help, version or the error).

    /// Parses `usagelens` arguments (argv[0] first).
    static AppCommandLine parse(const QStringList &arguments);
    /// argv as a QStringList, for parsing before any QCoreApplication exists.
    static QStringList argumentsOf(int argc, char *argv[]);
    /// The per-user data folder of the platform; needs the application's name to be set.
    static QString defaultDataDir();
    /// options.dataDir, or the platform's default when none was given.
    [[nodiscard]] QString dataDir() const;
};

} // namespace ul::gui
