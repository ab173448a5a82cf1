#pragma once

#include "model/Event.h"
#include "outbox/OutboxTypes.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>

namespace ul::gui {

/// The rows of a bulk amendment: each selected event, what the change makes of it, whether a
/// known rule flags it, and, once applied, the server's answer for that row.
class BulkAmendModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, CustomerColumn, ChangeColumn, ResultColumn, ColumnCount };
    enum class State {
        Unchanged, ///< The change does nothing to this event: not sent.
        Flagged,   ///< A known rule would refuse it: not sent.
        Ready,     ///< Will be sent.
        Queued,    ///< In the outbox.
        Succeeded,
        Failed,
        Cancelled,
    };
    Q_ENUM(State)
    enum Role { StateRole = Qt::UserRole + 1 };

    struct Row {
        Event before;
        Event after;
        State state = State::Ready;
        QString message;       ///< Why flagged, or the server's answer.
        qint64 operationId = 0;
    };

    explicit BulkAmendModel(QObject *parent = nullptr);

    void setRows(QList<Row> rows);
    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }
    [[nodiscard]] int count(State state) const;
    /// Rows in `state`, as amend items.
    [[nodiscard]] QList<AmendItem> items(State state) const;
    /// Marks the rows of `eventIds` (in that order) queued with these operations.
    void markQueued(const QList<std::pair<QString, qint64>> &eventOperations);
    /// The final answer of one operation.
    void applyResult(const OperationResult &result);
    void setState(qint64 operationId, State state, const QString &message = {});
    [[nodiscard]] QList<qint64> operationIds(State state) const;

    static QString stateText(State state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rowChanged(int row);

    QList<Row> m_rows;
    QHash<qint64, int> m_rowOfOperation;
};

} // namespace ul::gui
