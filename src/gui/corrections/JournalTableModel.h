#pragma once

#include "journal/JournalTypes.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QPointer>

namespace ul {
class Journal;
}

namespace ul::gui {

/// The correction journal as a table: the entries Journal::query returns for a filter, newest
/// first, up to `limit` rows (totalCount() says how many match).
class JournalTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ActionColumn,
        OutcomeColumn,
        EventsColumn,
        StatusColumn,
        ReasonColumn,
        MessageColumn,
        EntryColumn,
        ColumnCount,
    };
    enum Role {
        EntryIdRole = Qt::UserRole + 1, ///< qint64
        OutcomeRole,                    ///< the JournalOutcome as an int
    };
    static constexpr qsizetype DefaultLimit = 5000;

    explicit JournalTableModel(QObject *parent = nullptr);

    void setJournal(Journal *journal);
    [[nodiscard]] Journal *journal() const { return m_journal; }
    void setFilter(const JournalFilter &filter);
    [[nodiscard]] const JournalFilter &filter() const { return m_filter; }
    /// Reads the entries again (after the journal changed).
    void refresh();
    [[nodiscard]] qint64 totalCount() const { return m_total; }
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] const JournalEntry &entryAt(int row) const { return m_entries.at(row); }
    [[nodiscard]] std::optional<int> rowOf(qint64 entryId) const;

    static QString outcomeText(JournalOutcome outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();

private:
    QPointer<Journal> m_journal;
    JournalFilter m_filter;
    QList<JournalEntry> m_entries;
    qint64 m_total = 0;
    QString m_error;
};

} // namespace ul::gui
