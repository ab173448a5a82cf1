#include "api/EventLookup.h"

#include <QtCore/QSet>

namespace ul {

qsizetype EventLookupResult::failedIdCount() const
{
    qsizetype n = 0;
    for (const FailedBatch &b : failed)
        n += b.ids.size();
    return n;
}

EventLookup::EventLookup(OrbClient *client, QObject *parent) : QObject(parent), m_client(client) {}

QStringList EventLookup::parseIds(QStringView text)
{
    QStringList ids;
    QSet<QString> seen;
    qsizetype start = -1;
    auto take = [&](qsizetype end) {
        QStringView id = text.mid(start, end - start);
        while (!id.isEmpty() && (id.front() == u'"' || id.front() == u'\''))
            id = id.mid(1);
        while (!id.isEmpty() && (id.back() == u'"' || id.back() == u'\''))
            id.chop(1);
        if (!id.isEmpty()) {
            QString copy = id.toString();
            if (!seen.contains(copy)) {
                seen.insert(copy);
                ids.append(std::move(copy));
            }
        }
        start = -1;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool separator = c.isSpace() || c == u',' || c == u';';
        if (separator) {
            if (start >= 0)
                take(i);
        } else if (start < 0) {
            start = i;
        }
    }
    if (start >= 0)
        take(text.size());
    return ids;
}

void EventLookup::start(const QStringList &ids, std::optional<Timestamp> timeframeStart, std::optional<Timestamp> timeframeEnd)
{
    if (m_running)
        cancel();
    ++m_generation;
    m_ids = ids;
    m_start = timeframeStart;
    m_end = timeframeEnd;
    m_batches.clear();
    for (qsizetype i = 0; i < ids.size(); i += m_batchSize)
        m_batches.append(ids.mid(i, m_batchSize));
    m_nextBatch = 0;
    m_inFlight = 0;
    m_idsDone = 0;
    m_found.clear();
    m_answeredBatches.clear();
    m_failedBatches.clear();
    m_result = {};
    m_calls.clear();
    m_running = true;
    Q_EMIT progress(0, m_ids.size());
    if (m_batches.isEmpty()) {
        finish();
        return;
    }
    launchMore();
}

void EventLookup::launchMore()
{
    while (m_running && m_inFlight < m_concurrency && m_nextBatch < m_batches.size()) {
        const qsizetype batch = m_nextBatch++;
        ++m_inFlight;
        const quint64 generation = m_generation;
        m_calls.append(m_client->searchEvents(SearchQuery{m_batches[batch], m_start, m_end}, this,
            [this, batch, generation](Expected<QList<Event>, RequestError> result) {
                if (generation == m_generation)
                    onBatchDone(batch, std::move(result));
            }));
    }
}

void EventLookup::onBatchDone(qsizetype batch, Expected<QList<Event>, RequestError> result)
{
    --m_inFlight;
    const QStringList &ids = m_batches[batch];
    m_answeredBatches.insert(batch);
    if (result) {
        for (const Event &e : *result)
            m_found.insert(e.id, e);
        Q_EMIT eventsArrived(*result);
    } else {
        m_failedBatches.insert(batch);
        m_result.failed.append(EventLookupResult::FailedBatch{ids, result.error()});
    }
    m_idsDone += ids.size();
    Q_EMIT progress(m_idsDone, m_ids.size());
    if (m_nextBatch < m_batches.size())
        launchMore();
    else if (m_inFlight == 0)
        finish();
}

void EventLookup::cancel()
{
    if (!m_running)
        return;
    m_result.cancelled = true;
    ++m_generation; // answers still on their way are ignored
    for (CallHandle &call : m_calls)
        call.cancel();
    finish();
}

void EventLookup::finish()
{
    // Every id lands in exactly one list: found, not found, failed (with its batch), or unanswered.
    m_result.found.clear();
    m_result.notFound.clear();
    m_result.unanswered.clear();
    for (qsizetype b = 0; b < m_batches.size(); ++b) {
        if (!m_answeredBatches.contains(b)) {
            m_result.unanswered += m_batches[b];
            continue;
        }
        if (m_failedBatches.contains(b))
            continue;
        for (const QString &id : std::as_const(m_batches[b])) {
            if (auto it = m_found.constFind(id); it != m_found.constEnd())
                m_result.found.append(*it);
            else
                m_result.notFound.append(id);
        }
    }
    m_running = false;
    m_calls.clear();
    Q_EMIT finished(m_result);
}

} // namespace ul
