// conformance_orb_sdk: drives a real sandbox with the official Orb TypeScript SDK (orb-billing,
// pinned in package.json beside this file).
//
// Starts the sandbox in-process on its own thread (SandboxHost) on a free port, with a database
// in a temporary directory, a random token and a small demo data set, then runs
// `node --test <script>` once per base URL the SDK may be given: `http://host:port/v1` (what
// the desktop app and a user would configure) and `http://host:port` (what the SDK's own test
// suites use). node's output is forwarded; the exit code is node's (the first failing run's).
//
// Usage: SdkConformanceRunner <node executable> <test script (.mjs)>
#include "SandboxHost.h"
#include "SandboxOptions.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>

#include <cstdio>

namespace {

constexpr int NodeTimeoutMs = 120'000;

void say(const QString &text)
{
    std::fprintf(stderr, "conformance: %s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

QString randomToken()
{
    QString token = QStringLiteral("ul_conformance_");
    for (int i = 0; i < 4; ++i)
        token += QString::number(QRandomGenerator::system()->generate64(), 16);
    return token;
}

/// Runs the script once against `baseUrl`; node's exit code, or 1 if node could not run or hung.
int runNode(const QString &node, const QString &script, const QString &baseUrl, const QString &token)
{
    QProcess process;
    process.setProgram(node);
    process.setArguments({QStringLiteral("--test"), QStringLiteral("--test-reporter=spec"), script});
    process.setWorkingDirectory(QFileInfo(script).absolutePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ORB_BASE_URL"), baseUrl);
    env.insert(QStringLiteral("ORB_API_KEY"), token);
    env.remove(QStringLiteral("ORB_CUSTOM_HEADERS"));
    env.remove(QStringLiteral("ORB_WEBHOOK_SECRET"));
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    say(QStringLiteral("running %1 with ORB_BASE_URL=%2").arg(QFileInfo(script).fileName(), baseUrl));
    process.start();
    if (!process.waitForStarted()) {
        say(QStringLiteral("cannot start %1: %2").arg(node, process.errorString()));
        return 1;
    }
    // The sandbox lives on its own thread, so blocking this one does not stall it.
    if (!process.waitForFinished(NodeTimeoutMs)) {
        say(QStringLiteral("node did not finish within %1 s; killing it").arg(NodeTimeoutMs / 1000));
        process.kill();
        process.waitForFinished();
        return 1;
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        say(QStringLiteral("node crashed"));
        return 1;
    }
    return process.exitCode();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        say(QStringLiteral("usage: SdkConformanceRunner <node> <script.mjs>"));
        return 2;
    }
    const QString node = args.at(1);
    const QString script = QFileInfo(args.at(2)).absoluteFilePath();
    if (!QFileInfo::exists(script)) {
        say(QStringLiteral("the test script %1 does not exist").arg(script));
        return 1;
    }
    // A missing SDK is a failure, not a skip: the conformance claim would otherwise go untested.
    const QDir scriptDir = QFileInfo(script).absoluteDir();
    if (!QFileInfo::exists(scriptDir.filePath(QStringLiteral("node_modules/orb-billing/package.json")))) {
        say(QStringLiteral("FAILED: the Orb SDK is not installed (%1 is missing).\n"
                           "  Install it with:  npm ci --prefix %2")
                .arg(scriptDir.filePath(QStringLiteral("node_modules/orb-billing")), QDir::toNativeSeparators(scriptDir.path())));
        return 1;
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        say(QStringLiteral("cannot create a temporary directory: %1").arg(dir.errorString()));
        return 1;
    }
    ul::sandbox::SandboxOptions options;
    options.port = 0;
    options.databasePath = dir.filePath(QStringLiteral("sandbox.db"));
    options.token = randomToken();
    options.seedDemo = true; // a few dozen customers, so listing pages through more than the test's own
    options.demoEvents = 300;
    ul::sandbox::SandboxHost host;
    const auto url = host.startAndWait(options);
    if (!url) {
        say(QStringLiteral("the sandbox did not start: %1").arg(url.error()));
        return 1;
    }
    const QString root = url->toString(QUrl::StripTrailingSlash);
    say(QStringLiteral("sandbox listening on %1").arg(root));

    int exitCode = 0;
    const QStringList bases{QString(root + QStringLiteral("/v1")), root};
    for (const QString &base : bases) {
        const int code = runNode(node, script, base, options.token);
        if (code != 0) {
            say(QStringLiteral("FAILED with ORB_BASE_URL=%1 (node exit code %2)").arg(base).arg(code));
            if (exitCode == 0)
                exitCode = code;
        }
    }
    host.stop();
    if (exitCode == 0)
        say(QStringLiteral("the Orb SDK passed against both base URLs"));
    return exitCode;
}
