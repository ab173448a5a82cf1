#pragma once

#include "journal/JournalTypes.h"
#include "storage/Sqlite.h"
#include "util/Expected.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <memory>
#include <utility>

class QIODevice;

namespace ul {

/// The correction journal of one profile: an audit trail in its own SQLite file. Every write is
/// recorded here before it is sent (outcome `pending`) and completed with the server's answer.
/// Entries are never deleted; completing one only fills in the answer. Tokens are never given to
/// it and never stored: it records payloads and answers, not requests' headers.
///
/// Not thread-safe: use it from the thread that opened it (the outbox's).
class Journal : public QObject {
    Q_OBJECT
public:
    /// Response bodies longer than this are cut (and marked truncated).
    static constexpr qsizetype MaxStoredBody = 16 * 1024;

    static Expected<std::unique_ptr<Journal>, QString> open(const QString &path, QObject *parent = nullptr);
    ~Journal() override;

    [[nodiscard]] QString path() const { return m_path; }

    /// Writes entries as pending, in one transaction; their ids in the same order.
    Expected<QList<qint64>, QString> beginMany(const QList<NewJournalEntry> &entries);
    Expected<qint64, QString> begin(const NewJournalEntry &entry);
    /// Completes entries with the server's answers, in one transaction.
    Expected<Done, QString> completeMany(const QList<std::pair<qint64, JournalAnswer>> &answers);
    Expected<Done, QString> complete(qint64 id, const JournalAnswer &answer);
    /// Records the ops annotation that reported these entries.
    Expected<Done, QString> setAnnotationCorrelationId(const QList<qint64> &ids, const QString &correlationId);

    Expected<JournalEntry, QString> entry(qint64 id) const;
    Expected<QList<JournalEntry>, QString> query(const JournalFilter &filter) const;
    Expected<qint64, QString> count(const JournalFilter &filter) const;
    /// The outcome of each of these entries that exists.
    Expected<QHash<qint64, JournalOutcome>, QString> outcomes(const QList<qint64> &ids) const;
    /// Pending entries written for an outbox (`source`) and profile: what a restart reconciles.
    Expected<QList<JournalEntry>, QString> pendingEntries(const QString &source, const QString &profile) const;

    /// Writes the filtered entries as CSV (RFC 4180, UTF-8, header row; times in UTC ISO 8601).
    /// Text cells that a spreadsheet would run as a formula get a leading apostrophe.
    /// Returns the number of entries written.
    Expected<qint64, QString> exportCsv(const JournalFilter &filter, QIODevice &out) const;

    /// What undoing this entry sends, or why it cannot be undone (not an amendment, not
    /// succeeded, already undone, the event deprecated since, a deprecation is final).
    Expected<UndoPlan, QString> undoPlan(qint64 id) const;

Q_SIGNALS:
    void entriesAdded(const QList<qint64> &ids);
    void entriesCompleted(const QList<qint64> &ids);

private:
    Journal(QString path, sqlite::Database db, QObject *parent);
    Expected<Done, QString> createSchema();

    QString m_path;
    mutable sqlite::Database m_db;
};

} // namespace ul
