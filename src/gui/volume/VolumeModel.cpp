#include "volume/VolumeModel.h"

#include "LanguageManager.h"
#include "TimeDisplay.h"

#include <QtCore/QSaveFile>

#include <numeric>

namespace ul::gui {

VolumeModel::VolumeModel(QObject *parent) : QAbstractTableModel(parent)
{
    TimeDisplay::refreshOnChange(this);
    retranslateOnLanguageChange(this);
}

void VolumeModel::setBuckets(const QList<VolumeBucket> &buckets)
{
    beginResetModel();
    m_buckets = buckets;
    endResetModel();
}

qint64 VolumeModel::total() const
{
    return std::accumulate(m_buckets.cbegin(), m_buckets.cend(), qint64(0),
                           [](qint64 sum, const VolumeBucket &b) { return sum + b.count; });
}

std::optional<qint64> VolumeModel::countAt(Timestamp hourStart) const
{
    for (const VolumeBucket &b : m_buckets) {
        if (b.timeframeStart == hourStart)
            return b.count;
    }
    return std::nullopt;
}

QByteArray VolumeModel::toCsv() const
{
    QByteArray csv("timeframe_start,timeframe_end,count\n");
    csv.reserve(csv.size() + m_buckets.size() * 52);
    for (const VolumeBucket &b : m_buckets) {
        csv += b.timeframeStart.toIso8601().toLatin1();
        csv += ',';
        csv += b.timeframeEnd.toIso8601().toLatin1();
        csv += ',';
        csv += QByteArray::number(b.count);
        csv += '\n';
    }
    return csv;
}

Expected<Done, QString> saveFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return Done{};
    return Unexpected{VolumeModel::tr("Cannot write %1: %2").arg(path, file.errorString())};
}

Expected<Done, QString> VolumeModel::exportCsv(const QString &path) const
{
    return saveFileAtomically(path, toCsv());
}

int VolumeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int VolumeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolumeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VolumeBucket &b = m_buckets.at(index.row());
    switch (role) {
    case HourStartMsRole: return b.timeframeStart.msecs();
    case CountRole: return b.count;
    case Qt::DisplayRole:
        switch (index.column()) {
        case HourStartColumn: return TimeDisplay::format(b.timeframeStart);
        case HourEndColumn: return TimeDisplay::format(b.timeframeEnd);
        case CountColumn: return b.count;
        default: return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default: return {};
    }
}

QVariant VolumeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HourStartColumn: return tr("Hour from (%1)").arg(TimeDisplay::zoneLabel());
    case HourEndColumn: return tr("Until (%1)").arg(TimeDisplay::zoneLabel());
    case CountColumn: return tr("Events");
    default: return {};
    }
}

} // namespace ul::gui
