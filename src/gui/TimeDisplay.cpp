#include "TimeDisplay.h"

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
    connect(&instance(), &TimeDisplay::changed, model, [model] {
        const int columns = model->columnCount();
        if (columns == 0)
            return;
        Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (const int rows = model->rowCount(); rows > 0)
            Q_EMIT model->dataChanged(model->index(0, 0), model->index(rows - 1, columns - 1), {Qt::DisplayRole});
    });
}

QString TimeDisplay::zoneLabel()
{
    if (!instance().m_local)
        return QStringLiteral("UTC");
    const QString abbreviation = QDateTime::currentDateTime().timeZoneAbbreviation();
    return abbreviation.isEmpty() ? tr("local time") : abbreviation;
}

} // namespace ul::gui
