#pragma once

#include "api/OrbClient.h"

#include <QtCore/QObject>
#include <QtCore/QSet>
#include <QtCore/QStringList>

#include <optional>

namespace ul {

/// What a lookup of many ids found: the events in the order their ids were given, the ids the
/// server does not know (in that timeframe), and the ids whose batch failed, with why.
struct EventLookupResult {
    QList<Event> found;
    QStringList notFound;
    struct FailedBatch {
        QStringList ids;
        RequestError error;
    };
    QList<FailedBatch> failed;
    QStringList unanswered; ///< Ids whose search had not answered when the lookup was cancelled.
    bool cancelled = false;

    [[nodiscard]] qsizetype failedIdCount() const;
};

/// Finds any number of events by id: splits the ids into searches of at most 500 (Orb's limit),
/// runs a bounded number at once, reports progress, and merges the answers. No id is dropped
/// silently: each one ends up found, not found, in a failed batch, or (after cancel) unanswered.
class EventLookup : public QObject {
    Q_OBJECT
public:
    static constexpr int MaxIdsPerSearch = 500;

    explicit EventLookup(OrbClient *client, QObject *parent = nullptr);

    /// Splits pasted text into ids: newlines, commas, semicolons, spaces and tabs separate them;
    /// surrounding quotes are dropped; duplicates are kept once, in first-seen order.
    static QStringList parseIds(QStringView text);

    void setConcurrency(int searchesAtOnce) { m_concurrency = qMax(1, searchesAtOnce); }
    void setBatchSize(int idsPerSearch) { m_batchSize = qBound(1, idsPerSearch, MaxIdsPerSearch); }

    /// Starts a lookup; a lookup still running is cancelled first.
    void start(const QStringList &ids, std::optional<Timestamp> timeframeStart = std::nullopt,
               std::optional<Timestamp> timeframeEnd = std::nullopt);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// After every finished search: ids answered so far (found, not found or failed) out of all.
    void progress(qsizetype idsDone, qsizetype idsTotal);
    /// The events of one finished search, as they arrive.
    void eventsArrived(const QList<ul::Event> &events);
    void finished(const ul::EventLookupResult &result);

private:
    void launchMore();
    void onBatchDone(qsizetype batch, Expected<QList<Event>, RequestError> result);
    void finish();

    OrbClient *m_client;
    int m_concurrency = 4;
    int m_batchSize = MaxIdsPerSearch;
    QStringList m_ids;
    std::optional<Timestamp> m_start, m_end;
    QList<QStringList> m_batches;
    qsizetype m_nextBatch = 0;
    int m_inFlight = 0;
    qsizetype m_idsDone = 0;
    QHash<QString, Event> m_found;
    QSet<qsizetype> m_answeredBatches;
    QSet<qsizetype> m_failedBatches;
    EventLookupResult m_result;
    QList<CallHandle> m_calls;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::EventLookupResult)
