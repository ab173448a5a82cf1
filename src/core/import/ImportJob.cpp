#include "import/ImportJob.h"

#include "import/ImportReader.h"
#include "outbox/Outbox.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QThread>

namespace ul {

namespace {

constexpr qint64 ReplayRowsPerChunk = 50'000;
constexpr qint64 RowsPerChunk = 5'000;
constexpr qint64 ProgressIntervalMs = 200;
constexpr qint64 RateWindowMs = 5'000;

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

template <class Enum, class NameFn>
std::optional<Enum> enumFromName(const QString &name, NameFn nameOf, std::initializer_list<Enum> values)
{
    for (Enum v : values) {
        if (nameOf(v) == name)
            return v;
    }
    return std::nullopt;
}

void putOptional(QJsonObject &o, const char *key, const std::optional<QString> &v)
{
    if (v)
        o.insert(str(key), *v);
}

void putOptional(QJsonObject &o, const char *key, const std::optional<Timestamp> &v)
{
    if (v)
        o.insert(str(key), QString::number(v->msecs()));
}

std::optional<QString> optionalString(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(str(key));
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

std::optional<Timestamp> optionalTime(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(str(key));
    return v.isString() ? std::optional<Timestamp>(Timestamp::fromMsecs(v.toString().toLongLong())) : std::nullopt;
}

} // namespace

// ---- checkpoint -----------------------------------------------------------------------------

QByteArray encodeImportCheckpoint(const ImportJobConfig &config, const ImportCheckpoint &checkpoint)
{
    QJsonObject o;
    o.insert(str("v"), 1);
    o.insert(str("identity"), checkpoint.identity);
    o.insert(str("offset"), QString::number(checkpoint.offset));
    o.insert(str("line"), QString::number(checkpoint.line));
    o.insert(str("checkedAt"), QString::number(checkpoint.checkedAtMs));
    o.insert(str("path"), config.path);
    o.insert(str("format"), config.spec.format == ImportFormat::Csv ? str("csv") : str("jsonl"));
    QJsonArray columns;
    for (const CsvColumn &c : config.spec.csv.columns) {
        columns.append(QJsonObject{{str("header"), c.header},
                                   {str("role"), QString(columnRoleName(c.role))},
                                   {str("type"), QString(columnTypeName(c.type))}});
    }
    o.insert(str("columns"), columns);
    o.insert(str("keyPrefix"), config.spec.keyPrefix);
    putOptional(o, "backfillId", config.target.backfillId);
    putOptional(o, "timeframeStart", config.target.timeframeStart);
    putOptional(o, "timeframeEnd", config.target.timeframeEnd);
    putOptional(o, "customerId", config.target.customerId);
    putOptional(o, "externalCustomerId", config.target.externalCustomerId);
    o.insert(str("destination"), config.destination);
    o.insert(str("groupId"), config.groupId);
    o.insert(str("reason"), config.reason);
    o.insert(str("chunkEvents"), config.chunkEvents);
    o.insert(str("pauseSending"), config.pauseSending);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Expected<std::pair<ImportJobConfig, ImportCheckpoint>, QString> decodeImportCheckpoint(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(str("v")).toInt() != 1)
        return Unexpected{ImportJob::tr("The saved import position is not one this version understands.")};
    ImportJobConfig config;
    ImportCheckpoint checkpoint;
    checkpoint.identity = o.value(str("identity")).toString();
    checkpoint.offset = o.value(str("offset")).toString().toLongLong();
    checkpoint.line = o.value(str("line")).toString().toLongLong();
    checkpoint.checkedAtMs = o.value(str("checkedAt")).toString().toLongLong();
    config.path = o.value(str("path")).toString();
    config.spec.format = o.value(str("format")).toString() == QLatin1StringView("csv") ? ImportFormat::Csv : ImportFormat::Jsonl;
    const QJsonArray columns = o.value(str("columns")).toArray();
    for (const QJsonValue &v : columns) {
        const QJsonObject c = v.toObject();
        CsvColumn column;
        column.header = c.value(str("header")).toString();
        const auto role = enumFromName(c.value(str("role")).toString(), columnRoleName,
                                       {ColumnRole::Property, ColumnRole::EventName, ColumnRole::Timestamp, ColumnRole::CustomerId,
                                        ColumnRole::ExternalCustomerId, ColumnRole::IdempotencyKey, ColumnRole::Ignore});
        const auto type = enumFromName(c.value(str("type")).toString(), columnTypeName,
                                       {ColumnType::String, ColumnType::Number, ColumnType::Boolean});
        if (!role || !type)
            return Unexpected{ImportJob::tr("The saved import position has a column mapping this version does not know.")};
        column.role = *role;
        column.type = *type;
        config.spec.csv.columns << column;
    }
    config.spec.keyPrefix = o.value(str("keyPrefix")).toString();
    config.target.backfillId = optionalString(o, "backfillId");
    config.target.timeframeStart = optionalTime(o, "timeframeStart");
    config.target.timeframeEnd = optionalTime(o, "timeframeEnd");
    config.target.customerId = optionalString(o, "customerId");
    config.target.externalCustomerId = optionalString(o, "externalCustomerId");
    config.destination = o.value(str("destination")).toString();
    config.groupId = o.value(str("groupId")).toString();
    config.reason = o.value(str("reason")).toString();
    config.chunkEvents = o.value(str("chunkEvents")).toInt(500);
    config.pauseSending = o.value(str("pauseSending")).toBool(true);
    return std::pair{config, checkpoint};
}

// ---- the reader thread ----------------------------------------------------------------------

/// What the reader thread hands over: consecutive rows of the file.
struct ImportJob::Chunk {
    QList<Event> events;
    QList<BadRow> bad;
    qint64 rows = 0;
    qint64 endOffset = 0;  ///< After the last row read (0: none read).
    qint64 endLine = 0;
    qint64 bytesRead = 0;
    qint64 replayedGood = 0; ///< Good rows before the start checkpoint (not in `events`).
    qint64 checkedAtMs = 0;
    QString identity;
    bool atEnd = false;
    QString error;
};

/// The reader's state; used on the reader thread only (after construction).
struct ImportJob::Reader {
    QString path;
    ImportSpec spec;
    ImportScreen screen;
    std::function<Timestamp()> clock;
    int chunkEvents = 500;
    ImportCheckpoint resumeFrom;    ///< offset 0: a fresh start
    std::unique_ptr<QFile> file;
    std::unique_ptr<ImportReader> reader;
    QString identity;
    std::atomic_bool stop{false};

    Reader(const ImportJobConfig &config, const ImportCheckpoint &from)
        : path(config.path), spec(config.spec), screen(config.target, config.limits), clock(config.clock),
          chunkEvents(std::max(1, config.chunkEvents)), resumeFrom(from)
    {
    }

    bool open(Chunk &c)
    {
        file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly)) {
            c.error = ImportJob::tr("The file %1 cannot be opened: %2").arg(path, file->errorString());
            return false;
        }
        auto id = importFileIdentity(*file);
        if (!id) {
            c.error = id.error();
            return false;
        }
        identity = *id;
        if (resumeFrom.offset > 0 && !resumeFrom.identity.isEmpty() && resumeFrom.identity != identity) {
            c.error = ImportJob::tr("The file %1 is not the one this import started with (its first 64 KiB changed); "
                                    "it cannot be continued.").arg(path);
            return false;
        }
        if (spec.keyPrefix.isEmpty())
            spec.keyPrefix = importKeyPrefix(identity);
        reader = std::make_unique<ImportReader>(file.get(), spec);
        return true;
    }

    std::shared_ptr<Chunk> read()
    {
        auto c = std::make_shared<Chunk>();
        if (!reader && !open(*c))
            return c;
        c->identity = identity;
        const Timestamp now = clock ? clock() : Timestamp::now();
        const Timestamp replayNow = Timestamp::fromMsecs(resumeFrom.checkedAtMs);
        c->checkedAtMs = now.msecs();
        while (!stop.load(std::memory_order_relaxed)) {
            auto row = reader->next();
            if (!row) {
                c->atEnd = true;
                c->error = reader->error();
                break;
            }
            ++c->rows;
            c->endOffset = row->endOffset;
            c->endLine = row->line;
            const bool replay = row->endOffset <= resumeFrom.offset;
            if (auto bad = screen.check(*row, replay ? replayNow : now))
                c->bad << *bad;
            else if (replay)
                ++c->replayedGood;
            else
                c->events << std::move(row->event);
            if (replay) {
                if (row->endOffset == resumeFrom.offset || c->rows >= ReplayRowsPerChunk)
                    break;
            } else if (c->events.size() >= chunkEvents || c->rows >= RowsPerChunk) {
                break;
            }
        }
        c->bytesRead = reader->position();
        if (c->atEnd) {
            reader.reset();
            file.reset();
        }
        return c;
    }
};

// ---- ImportJob ------------------------------------------------------------------------------

ImportJob::ImportJob(Outbox *outbox, ImportJobConfig config, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_config(std::move(config))
{
    qRegisterMetaType<ul::ImportProgress>();
    qRegisterMetaType<ul::ImportJob::State>();
    m_clock.start();
}

ImportJob::~ImportJob()
{
    stopReader();
}

void ImportJob::stopReader()
{
    if (m_reader)
        m_reader->stop = true;
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_readerContext;
        delete m_thread;
        m_thread = nullptr;
        m_readerContext = nullptr;
    }
    m_reader.reset();
    m_ready.clear();
    m_requested = false;
}

Expected<std::optional<ImportJobConfig>, QString> ImportJob::savedConfig(const Outbox &outbox, const QString &groupId)
{
    auto cursor = outbox.groupCursor(groupId);
    if (!cursor)
        return Unexpected{cursor.error()};
    if (!*cursor)
        return std::optional<ImportJobConfig>();
    auto decoded = decodeImportCheckpoint(**cursor);
    if (!decoded)
        return Unexpected{decoded.error()};
    return std::optional<ImportJobConfig>(decoded->first);
}

Expected<QList<std::pair<ImportJobConfig, ImportCheckpoint>>, QString>
ImportJob::unfinishedImports(const Outbox &outbox, const QString &destination)
{
    auto groups = outbox.groupsWithCursor();
    if (!groups)
        return Unexpected{groups.error()};
    QList<std::pair<ImportJobConfig, ImportCheckpoint>> imports;
    for (const QString &group : *groups) {
        auto cursor = outbox.groupCursor(group);
        if (!cursor)
            return Unexpected{cursor.error()};
        if (!*cursor)
            continue;
        auto decoded = decodeImportCheckpoint(**cursor);
        if (!decoded || decoded->first.destination != destination)
            continue; // another kind of group cursor, or another profile's import
        decoded->first.groupId = group;
        imports << std::move(decoded).value();
    }
    return imports;
}

void ImportJob::start()
{
    if (m_state != State::Idle)
        return;
    if (m_config.groupId.isEmpty())
        m_config.groupId = Outbox::newGroupId();
    QFile probe(m_config.path);
    m_totalBytes = probe.size();

    auto cursor = m_outbox->groupCursor(m_config.groupId);
    if (!cursor) {
        fail(cursor.error());
        return;
    }
    if (*cursor) {
        auto decoded = decodeImportCheckpoint(**cursor);
        if (!decoded) {
            fail(decoded.error());
            return;
        }
        m_checkpoint = decoded->second;
        m_resumed = m_checkpoint.offset > 0;
    }
    auto left = groupOperations();
    if (!left) {
        fail(left.error());
        return;
    }
    for (const OperationInfo &op : *left)
        (op.state == OperationState::Failed ? m_failedAtStart : m_pendingAtStart) += op.eventCount;
    connect(m_outbox, &Outbox::operationFinished, this, &ImportJob::onOperationFinished);
    connect(m_outbox, &Outbox::idle, this, &ImportJob::checkDone);

    m_reader = std::make_shared<Reader>(m_config, m_checkpoint);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("import reader"));
    m_readerContext = new QObject;
    m_readerContext->moveToThread(m_thread);
    m_thread->start();
    setState(State::Running);
    requestChunk();
}

void ImportJob::requestChunk()
{
    // Read ahead by one chunk so parsing overlaps with queueing.
    if (m_requested || m_readerDone || !m_reader || m_ready.size() >= 2
        || (m_state != State::Running && m_state != State::Finishing))
        return;
    m_requested = true;
    std::shared_ptr<Reader> reader = m_reader;
    ImportJob *job = this; // alive until the reader thread has stopped (see stopReader)
    QMetaObject::invokeMethod(m_readerContext, [reader, job] {
        std::shared_ptr<Chunk> chunk = reader->read();
        QMetaObject::invokeMethod(job, [job, chunk] { job->onChunk(chunk); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void ImportJob::onChunk(std::shared_ptr<Chunk> chunk)
{
    m_requested = false;
    if (m_state == State::Cancelled || m_state == State::Failed || m_state == State::Finished || !m_reader)
        return;
    if (!chunk->error.isEmpty()) {
        fail(chunk->error);
        return;
    }
    m_rowsRead += chunk->rows;
    m_bytesRead = std::max(m_bytesRead, chunk->bytesRead);
    m_replayedGood += chunk->replayedGood;
    if (!chunk->bad.isEmpty()) {
        m_badRows << chunk->bad;
        Q_EMIT badRowsFound(chunk->bad);
    }
    if (chunk->atEnd)
        m_readerDone = true; // no more requests; the chunk itself is still queued below
    m_ready.push_back(std::move(chunk));
    drain();
    requestChunk();
}

void ImportJob::drain()
{
    while (m_state == State::Running && !m_waitingRoom && !m_ready.empty()) {
        const Chunk &c = *m_ready.front();
        if (!c.events.isEmpty() || c.endOffset > m_checkpoint.offset) {
            const ImportCheckpoint next{c.identity, c.endOffset, c.endLine, c.checkedAtMs};
            IngestEnqueueOptions options;
            options.backfillId = m_config.target.backfillId;
            options.groupId = m_config.groupId;
            options.reason = m_config.reason;
            options.groupCursor = encodeImportCheckpoint(m_config, next);
            auto queued = m_outbox->enqueueIngest(m_config.destination, c.events, options);
            if (!queued) {
                if (queued.error().kind == OutboxError::Kind::Full) {
                    m_waitingRoom = true;
                    m_outbox->whenRoom(c.events.size(), this, [this] {
                        m_waitingRoom = false;
                        drain();
                        requestChunk();
                    });
                    noteProgress();
                    return;
                }
                fail(queued.error().message);
                return;
            }
            m_queued += c.events.size();
            m_checkpoint = next;
        }
        const bool last = c.atEnd;
        m_ready.pop_front();
        if (last) {
            setState(State::Finishing);
            m_outbox->flush();
            checkDone();
            return;
        }
    }
    noteProgress();
}

Expected<QList<OperationInfo>, QString> ImportJob::groupOperations() const
{
    OperationFilter filter;
    filter.destination = m_config.destination;
    filter.groupId = m_config.groupId;
    return m_outbox->operations(filter);
}

void ImportJob::checkDone()
{
    if (m_state != State::Finishing)
        return;
    auto left = groupOperations();
    if (!left) {
        fail(left.error());
        return;
    }
    qint64 failed = 0;
    for (const OperationInfo &op : *left) {
        if (op.state != OperationState::Failed)
            return;
        failed += op.eventCount;
    }
    // Every batch is answered: the counts are exact now (the outbox may still be emitting
    // operationFinished for answers it recorded together with the last one).
    m_final = FinalCounts{m_replayedGood + m_queued - failed, failed};
    // Nothing is left to continue: savedConfig() no longer offers it.
    if (auto forgotten = m_outbox->forgetGroupCursor(m_config.groupId); !forgotten)
        qWarning("ImportJob: the checkpoint of %s stays: %s", qPrintable(m_config.groupId), qPrintable(forgotten.error()));
    stopReader();
    setState(State::Finished);
    noteProgress(true);
    Q_EMIT finished(m_state);
}

void ImportJob::onOperationFinished(const OperationResult &result)
{
    if (m_final || result.kind != OperationKind::Ingest || result.groupId != m_config.groupId
        || result.destination != m_config.destination)
        return;
    (result.succeeded ? m_confirmed : m_failed) += result.eventCount;
    noteProgress();
    checkDone();
}

void ImportJob::pause()
{
    if (m_state != State::Running && m_state != State::Finishing)
        return;
    m_pausedFrom = m_state;
    if (m_config.pauseSending)
        m_outbox->pause(m_config.destination);
    setState(State::Paused);
}

void ImportJob::resume()
{
    if (m_state != State::Paused)
        return;
    if (m_config.pauseSending)
        m_outbox->resume(m_config.destination);
    setState(m_pausedFrom);
    drain();
    requestChunk();
    checkDone();
}

void ImportJob::cancel()
{
    if (m_state == State::Finished || m_state == State::Cancelled || m_state == State::Failed)
        return;
    const bool wasPaused = m_state == State::Paused;
    stopReader();
    if (auto left = groupOperations()) {
        QList<qint64> ids;
        for (const OperationInfo &op : *left) {
            if (op.state == OperationState::Open || op.state == OperationState::Queued)
                ids << op.id;
        }
        if (!ids.isEmpty())
            m_outbox->cancel(ids);
    }
    m_outbox->forgetGroupCursor(m_config.groupId);
    if (wasPaused && m_config.pauseSending)
        m_outbox->resume(m_config.destination);
    setState(State::Cancelled);
    noteProgress(true);
    Q_EMIT finished(m_state);
}

void ImportJob::fail(const QString &message)
{
    m_error = message;
    if (m_state == State::Paused && m_config.pauseSending)
        m_outbox->resume(m_config.destination);
    stopReader();
    setState(State::Failed);
    noteProgress(true);
    Q_EMIT finished(m_state);
}

void ImportJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

ImportProgress ImportJob::progress() const
{
    ImportProgress p;
    p.totalBytes = std::max(m_totalBytes, m_bytesRead);
    p.bytesRead = m_bytesRead;
    p.rowsRead = m_rowsRead;
    p.eventsQueued = m_replayedGood + m_queued;
    p.eventsConfirmed = m_final ? m_final->confirmed
                                : std::max<qint64>(0, m_replayedGood - m_pendingAtStart - m_failedAtStart) + m_confirmed;
    p.eventsFailed = m_final ? m_final->failed : m_failedAtStart + m_failed;
    p.badRows = m_badRows.size();
    p.resumed = m_resumed;
    if (m_rateWindow.size() >= 2) {
        const auto &[t0, c0] = m_rateWindow.front();
        const auto &[t1, c1] = m_rateWindow.back();
        if (t1 > t0)
            p.eventsPerSecond = double(c1 - c0) * 1000.0 / double(t1 - t0);
    }
    if (m_state == State::Finished) {
        p.etaMs = 0;
    } else if (p.eventsPerSecond > 0 && p.bytesRead > 0) {
        // The good rows still to come, estimated from the share of the file read so far.
        const double expected = double(p.eventsQueued) * double(p.totalBytes) / double(p.bytesRead);
        p.etaMs = qint64(std::max(0.0, expected - double(p.eventsConfirmed)) * 1000.0 / p.eventsPerSecond);
    }
    return p;
}

void ImportJob::noteProgress(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && m_lastProgressMs >= 0 && now - m_lastProgressMs < ProgressIntervalMs)
        return;
    m_lastProgressMs = now;
    m_rateWindow.emplace_back(now, m_confirmed);
    while (m_rateWindow.size() > 2 && now - m_rateWindow.front().first > RateWindowMs)
        m_rateWindow.pop_front();
    Q_EMIT progressChanged(progress());
}

} // namespace ul
