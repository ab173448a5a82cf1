#pragma once

#include "import/ImportTypes.h"
#include "util/Expected.h"
#include "validation/EventRules.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace ul {

class Outbox;
struct OperationInfo;
struct OperationResult;

/// Everything an import needs; stored with its checkpoint so a later session can finish it.
struct ImportJobConfig {
    QString path;
    ImportSpec spec;     ///< An empty keyPrefix is derived from the file (importFileIdentity).
    ImportTarget target; ///< backfillId: the events go to `POST /ingest?backfill_id=`.
    QString destination; ///< The outbox destination (profile name), attached by the caller.
    QString groupId;     ///< Names this import; a job with the same group id continues it.
    QString reason;      ///< For the journal.
    EventRuleLimits limits;
    /// The time the ingest rules are checked against; empty: the system clock.
    std::function<Timestamp()> clock;
    /// Good rows handed to the outbox at once.
    int chunkEvents = 500;
    /// pause() also pauses the destination's sending (requests in flight finish).
    bool pauseSending = true;
};

/// Where a stopped import continues: stored as the outbox's group cursor, in the same
/// transaction as the events queued up to it.
struct ImportCheckpoint {
    QString identity;     ///< importFileIdentity() of the file.
    qint64 offset = 0;    ///< Byte offset after the last row queued (or found bad).
    qint64 line = 0;      ///< That row's line.
    qint64 checkedAtMs = 0; ///< The rules' "now" when it was queued.
};

QByteArray encodeImportCheckpoint(const ImportJobConfig &config, const ImportCheckpoint &checkpoint);
/// The config (without its clock) and the position of a stored checkpoint.
Expected<std::pair<ImportJobConfig, ImportCheckpoint>, QString> decodeImportCheckpoint(const QByteArray &bytes);

/// Imports a JSONL or CSV file through the outbox: a worker thread reads, parses and checks the
/// rows (ImportReader + ImportScreen, the same as the dry run); this object, on the outbox's
/// thread, queues the good ones with Outbox::enqueueIngest, waiting for room when the outbox is
/// full. Each enqueue stores a checkpoint (the file position after the rows) with the events, so
/// a job started again with the same group id — after a crash or at the next app start —
/// continues exactly after the last row queued: it reads the file from the start again to
/// re-report bad rows and rebuild the set of keys, sending nothing until it passes the checkpoint.
/// Rows without a key get one derived from the file and their line, so no run duplicates them.
class ImportJob : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle,
        Running,
        Paused,
        Finishing, ///< Every row queued; waiting for the server's answers.
        Finished,  ///< Every batch answered (failed ones stay in the outbox for retry).
        Cancelled,
        Failed,    ///< See errorString().
    };
    Q_ENUM(State)

    /// Lives on `outbox`'s thread; the destination must be attached to the outbox.
    ImportJob(Outbox *outbox, ImportJobConfig config, QObject *parent = nullptr);
    /// Stops reading (what is queued stays queued and resumable) and waits for the reader thread.
    ~ImportJob() override;

    /// Starts, or continues the import its group's checkpoint describes.
    void start();
    /// Stops queueing (and, with pauseSending, sending); resume() goes on.
    void pause();
    void resume();
    /// Stops; withdraws this import's batches not yet sent and forgets its checkpoint. Events
    /// already sent stay on the server.
    void cancel();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] ImportProgress progress() const;
    /// Every bad row found so far, in file order (including those before a checkpoint).
    [[nodiscard]] const QList<BadRow> &badRows() const { return m_badRows; }
    [[nodiscard]] const QString &errorString() const { return m_error; }
    [[nodiscard]] const ImportJobConfig &config() const { return m_config; }

    /// The config of an unfinished import with this group id, if the outbox has its checkpoint
    /// (it is forgotten when the import finishes or is cancelled). The clock and the rule limits
    /// are not stored: set them again.
    static Expected<std::optional<ImportJobConfig>, QString> savedConfig(const Outbox &outbox, const QString &groupId);
    /// The unfinished imports of `destination` (stopped by a crash or by closing the app), with
    /// where each stopped, oldest first: what the app offers to continue at its next start.
    static Expected<QList<std::pair<ImportJobConfig, ImportCheckpoint>>, QString>
    unfinishedImports(const Outbox &outbox, const QString &destination);

Q_SIGNALS:
    void stateChanged(ul::ImportJob::State state);
    void progressChanged(const ul::ImportProgress &progress);
    void badRowsFound(const QList<ul::BadRow> &rows);
    /// Finished, Cancelled or Failed.
    void finished(ul::ImportJob::State state);

public:
    struct Chunk;
    struct Reader;

private:
    void requestChunk();
    void onChunk(std::shared_ptr<Chunk> chunk);
    void drain();
    void checkDone();
    /// This import's operations still in the outbox (queued, in flight or failed).
    [[nodiscard]] Expected<QList<OperationInfo>, QString> groupOperations() const;
    void onOperationFinished(const OperationResult &result);
    void setState(State state);
    void fail(const QString &message);
    void stopReader();
    void noteProgress(bool force = false);

    Outbox *m_outbox;
    ImportJobConfig m_config;
    State m_state = State::Idle;
    State m_pausedFrom = State::Running;
    QString m_error;

    QThread *m_thread = nullptr;
    QObject *m_readerContext = nullptr; ///< Lives on m_thread.
    std::shared_ptr<Reader> m_reader;
    std::deque<std::shared_ptr<Chunk>> m_ready;
    bool m_requested = false;
    bool m_waitingRoom = false;
    bool m_readerDone = false;

    ImportCheckpoint m_checkpoint; ///< The last one stored (or found at start).
    QList<BadRow> m_badRows;
    qint64 m_totalBytes = 0;
    qint64 m_bytesRead = 0;
    qint64 m_rowsRead = 0;
    qint64 m_replayedGood = 0;   ///< Good rows before the start checkpoint (queued by an earlier session).
    qint64 m_queued = 0;         ///< Good rows queued by this session.
    qint64 m_pendingAtStart = 0; ///< Events of this import still unanswered at start.
    qint64 m_failedAtStart = 0;
    qint64 m_confirmed = 0;      ///< Answered 2xx during this session.
    qint64 m_failed = 0;
    bool m_resumed = false;
    struct FinalCounts {
        qint64 confirmed = 0;
        qint64 failed = 0;
    };
    std::optional<FinalCounts> m_final; ///< Set once every batch is answered.
    QElapsedTimer m_clock;
    qint64 m_lastProgressMs = -1;
    std::deque<std::pair<qint64, qint64>> m_rateWindow; ///< (ms, confirmed)
};

} // namespace ul
