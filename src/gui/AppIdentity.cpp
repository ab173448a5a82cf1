#include "AppIdentity.h"

#include "LazyIconEngine.h"
#include "Version.h"

#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

namespace ul::gui {

QIcon applicationIcon()
{
    // Decoded size by size when drawn, not all at start-up (see LazyIconEngine).
    return QIcon(new LazyIconEngine(QStringLiteral(":/icons/usagelens-%1.png"), {16, 32, 48, 64, 128, 256}));
}

void applyAppIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("UsageLens"));
    QCoreApplication::setApplicationName(QStringLiteral("UsageLens"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(ul::version::Version));
    QGuiApplication::setDesktopFileName(QLatin1StringView(ul::version::AppId));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("UsageLens"));
    QApplication::setWindowIcon(applicationIcon());
}

} // namespace ul::gui
