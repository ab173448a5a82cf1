#pragma once

#include "model/VolumeBucket.h"
#include "util/Expected.h"

#include <QtCore/QAbstractTableModel>

class QIODevice;

namespace ul::gui {

/// Writes `bytes` to `path` atomically (QSaveFile): the whole file or nothing. The error names
/// the file and why.
Expected<Done, QString> saveFileAtomically(const QString &path, const QByteArray &bytes);

/// Hourly event counts (`GET /events/volume`) as a table: one row per hour, oldest first.
class VolumeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { HourStartColumn, HourEndColumn, CountColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        HourStartMsRole = Qt::UserRole + 1, ///< The hour's start, ms since the epoch.
        CountRole,                          ///< The count, as a qint64.
    };

    explicit VolumeModel(QObject *parent = nullptr);

    void setBuckets(const QList<VolumeBucket> &buckets);
    [[nodiscard]] const QList<VolumeBucket> &buckets() const { return m_buckets; }
    /// The sum of every hour.
    [[nodiscard]] qint64 total() const;
    /// The count of the hour starting at `hourStart`, if shown.
    [[nodiscard]] std::optional<qint64> countAt(Timestamp hourStart) const;

    /// `timeframe_start,timeframe_end,count` and one line per hour, times in ISO 8601 UTC.
    [[nodiscard]] QByteArray toCsv() const;
    /// Writes toCsv() to a file; the error says why it could not.
    Expected<Done, QString> exportCsv(const QString &path) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VolumeBucket> m_buckets;
};

} // namespace ul::gui
