// usagelens-sandbox: the embedded sandbox as a standalone server.
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "store/SandboxStore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("usagelens-sandbox"));
    const ul::sandbox::SandboxCommandLine commandLine = ul::sandbox::parseSandboxCommandLine(QCoreApplication::arguments());
    if (commandLine.exitNow) {
        std::fputs(commandLine.message.toLocal8Bit().constData(), commandLine.exitCode == 0 ? stdout : stderr);
        return commandLine.exitCode;
    }
    const ul::sandbox::SandboxOptions &options = commandLine.options;
    if (!options.host.isLoopback()) {
        std::fprintf(stderr, "warning: listening on %s, which is reachable from other machines; anyone with the token can "
                             "read and change this sandbox's data\n",
                     options.host.toString().toLocal8Bit().constData());
    }
    QElapsedTimer timer;
    timer.start();
    auto server = ul::sandbox::SandboxServer::create(options);
    if (!server) {
        std::fprintf(stderr, "usagelens-sandbox: %s\n", server.error().toLocal8Bit().constData());
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    auto port = (*server)->start();
    if (!port) {
        std::fprintf(stderr, "usagelens-sandbox: %s\n", port.error().toLocal8Bit().constData());
        return 1;
    }
    // The first stdout line is a contract: tools wait for it to learn the port.
    const QUrl url = (*server)->baseUrl(); // QUrl puts an IPv6 host in brackets
    std::printf("listening on %s\n", url.toString(QUrl::FullyEncoded).toLatin1().constData());
    std::fflush(stdout);
    std::fprintf(stderr, "database %s: %lld events, %lld customers (opened in %lld ms)\n",
                 options.databasePath.toLocal8Bit().constData(), static_cast<long long>((*server)->store().eventCount()),
                 static_cast<long long>((*server)->store().customerCount()), static_cast<long long>(openMs));
    if (!options.faults.isEmpty()) {
        std::fprintf(stderr, "injecting random faults: %s (change them with PUT /x-sandbox/faults/rates)\n",
                     ul::sandbox::formatFaultRates(options.faults).toLocal8Bit().constData());
    }
    // SIGINT/SIGTERM end the process: every answered write is already committed to the WAL.
    return QCoreApplication::exec();
}
