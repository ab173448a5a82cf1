#include "AppCommandLine.h"

#include "Version.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>

namespace ul::gui {

namespace {

/// Options QGuiApplication and QApplication take from the command line themselves. The parser
/// accepts them without listing them in --help, so `usagelens -platform offscreen` works.
void acceptQtGuiOptions(QCommandLineParser &parser)
{
    static const QStringList valued{
        QStringLiteral("platform"), QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
        QStringLiteral("plugin"),   QStringLiteral("qmljsdebugger"),      QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"),    QStringLiteral("session"),
        QStringLiteral("style"),    QStringLiteral("stylesheet"),         QStringLiteral("display"),
        QStringLiteral("geometry"), QStringLiteral("title"),
    };
    static const QStringList flags{
        QStringLiteral("reverse"), QStringLiteral("widgetcount"), QStringLiteral("nograb"),
        QStringLiteral("dograb"),  QStringLiteral("sync"),
    };
    for (const QString &name : valued) {
        QCommandLineOption option(name, QString(), QStringLiteral("value"));
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    for (const QString &name : flags) {
        QCommandLineOption option(name);
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

QString programName(const QStringList &arguments)
{
    return arguments.isEmpty() ? QStringLiteral("usagelens") : QFileInfo(arguments.constFirst()).fileName();
}

} // namespace

AppCommandLine AppCommandLine::parse(const QStringList &arguments)
{
    AppCommandLine result;
    QCommandLineParser parser;
    // Qt's GUI options are spelled with one dash (-platform, -style); read them as long options.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(
        tr("Inspect and correct usage events in an Orb-compatible billing API. Without options it opens on a local "
           "sandbox server with demo data."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Folder for the local sandbox's database (default: %1).")
                                         .arg(tr("the per-user application data folder")),
                                     tr("DIR"));
    const QCommandLineOption quitAfterShown(
        QStringLiteral("quit-after-shown"),
        tr("Quit as soon as the window has been shown, after printing how long that took (for benchmarks)."));
    parser.addOptions({help, version, dataDir, quitAfterShown});
    acceptQtGuiOptions(parser);

    const QString program = programName(arguments);
    auto fail = [&](const QString &problem) {
        result.exitNow = true;
        result.exitCode = 2;
        result.message = tr("%1: %2\nTry --help.\n").arg(program, problem);
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.exitNow = true;
        // Without a QCoreApplication, QCommandLineParser cannot know the program's name.
        result.message = parser.helpText().replace(QStringLiteral("<executable_name>"), program);
        return result;
    }
    if (parser.isSet(version)) {
        result.exitNow = true;
        result.message = QStringLiteral("usagelens %1\n").arg(QLatin1StringView(ul::version::Version));
        return result;
    }
    if (const QStringList extra = parser.positionalArguments(); !extra.isEmpty())
        return fail(tr("unexpected argument \"%1\"").arg(extra.constFirst()));
    if (parser.isSet(dataDir) && parser.value(dataDir).isEmpty())
        return fail(tr("--data-dir wants a folder"));

    result.options.dataDir = parser.value(dataDir);
    result.options.quitAfterShown = parser.isSet(quitAfterShown);
    return result;
}

QStringList AppCommandLine::argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

QString AppCommandLine::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppCommandLine::dataDir() const
{
    return options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir;
}

} // namespace ul::gui
