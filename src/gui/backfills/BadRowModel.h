#pragma once

#include "import/ImportTypes.h"
#include "util/Expected.h"

#include <QtCore/QAbstractTableModel>

namespace ul::gui {

/// Rows of an import file that are not imported: line number, kind and reason, in file order.
class BadRowModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, KindColumn, ReasonColumn, ColumnCount };
    Q_ENUM(Column)

    explicit BadRowModel(QObject *parent = nullptr);

    void setRows(const QList<BadRow> &rows);
    /// Adds rows after those shown.
    void append(const QList<BadRow> &rows);
    void clear();
    [[nodiscard]] const QList<BadRow> &rows() const { return m_rows; }
    [[nodiscard]] QList<qint64> lines() const;

    /// A translated name for a kind ("Not readable", "Outside the timeframe", …).
    static QString kindText(BadRowKind kind);
    /// `line,kind,reason` and one line per row (RFC 4180 quoting).
    [[nodiscard]] QByteArray toCsv() const;
    Expected<Done, QString> exportCsv(const QString &path) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BadRow> m_rows;
};

} // namespace ul::gui
