#include "TimeDisplay.h"

#include "LanguageManager.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QDateTime>
#include <QtCore/QTimeZone>

namespace ul::gui {

TimeDisplay &TimeDisplay::instance()
{
    static TimeDisplay display;
    return display;
}

void TimeDisplay::setLocal(bool local)
{
    if (m_local == local)
        return;
    m_local = local;
    Q_EMIT changed();
}

QString TimeDisplay::format(const Timestamp &timestamp)
{
    QDateTime time = timestamp.toDateTime();
    if (instance().m_local)
        time = time.toLocalTime();
    return time.toString(timestamp.msecs() % 1000 == 0 ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                       : QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

void TimeDisplay::refreshOnChange(QAbstractItemModel *model)
{
    connect(&instance(), &TimeDisplay::changed, model, [model] { announceTextsChanged(model); });
}

QString TimeDisplay::zoneLabel()
{
    if (!instance().m_local)
        return QStringLiteral("UTC");
    const QString abbreviation = QDateTime::currentDateTime().timeZoneAbbreviation();
    return abbreviation.isEmpty() ? tr("local time") : abbreviation;
}

} // namespace ul::gui
