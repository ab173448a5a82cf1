#pragma once

#include "util/Expected.h"
#include "validation/EventRules.h"

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtNetwork/QHostAddress>

namespace ul::sandbox {

/// Everything the sandbox server can be told, from its command line or by the app that embeds it.
struct SandboxOptions {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8484;          ///< 0 picks a free port.
    bool allowRemote = false;     ///< Binding beyond loopback must be asked for explicitly.
    QString databasePath = QStringLiteral(":memory:");
    QString token;                ///< The bearer token every request must carry. Required.
    bool seedDemo = false;        ///< Create the demo data set when the database is empty.
    int demoEvents = 60'000;
    EventRuleLimits rules;
    qint64 maxBodyBytes = 32LL * 1024 * 1024; ///< Larger request bodies get 413.

    /// The problem that prevents starting with these options, if any.
    [[nodiscard]] QString problem() const;
};

/// The outcome of reading a command line: options to start with, or text to print and an exit code
/// (for --help, --version and errors).
struct SandboxCommandLine {
    SandboxOptions options;
    bool exitNow = false;
    int exitCode = 0;
    QString message; ///< What to print before exiting (help, version or the error).
};

/// Parses `usagelens-sandbox` arguments (argv[0] first).
SandboxCommandLine parseSandboxCommandLine(const QStringList &arguments);

} // namespace ul::sandbox
