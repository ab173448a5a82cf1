#pragma once

#include "api/OrbClient.h"
#include "model/Backfill.h"
#include "model/VolumeBucket.h"

#include <QtCore/QPointer>

#include <optional>

namespace ul {

/// `GET /events/volume` parameters. Bounds that are not hour-aligned include the hours they
/// fall in; no end means now.
struct VolumeQuery {
    Timestamp timeframeStart;
    std::optional<Timestamp> timeframeEnd;
    int limit = 20; ///< 1–100.
    std::optional<QString> cursor;

    friend bool operator==(const VolumeQuery &, const VolumeQuery &) = default;
};

/// Typed calls for Orb's backfill and event-volume routes, built on OrbClient::send: the same
/// base URL, token, retries, Idempotency-Key handling and error values as every other call.
/// Ingesting into a backfill is OrbClient::ingest with IngestOptions::backfillId.
/// Cheap to copy; holds no state but the client.
///
/// Pages: Page::items is the answer's `data`, Page::nextCursor its
/// `pagination_metadata.next_cursor` (set exactly when `has_more` is true).
class BackfillApi {
public:
    template <class T>
    using Callback = OrbClient::Callback<T>;

    explicit BackfillApi(OrbClient *client = nullptr) : m_client(client) {}
    [[nodiscard]] OrbClient *client() const { return m_client; }

    /// `idempotencyKey`: empty makes a new one (kept across this call's retries); pass the
    /// outbox operation's key to make a replayed create return the same backfill.
    CallHandle createBackfill(const NewBackfill &backfill, const QObject *context, Callback<Backfill> done,
                              const QString &idempotencyKey = {}) const;
    /// Newest first; `limit` 1–100.
    CallHandle listBackfills(int limit, const std::optional<QString> &cursor, const QObject *context,
                             Callback<Page<Backfill>> done) const;
    CallHandle fetchBackfill(const QString &id, const QObject *context, Callback<Backfill> done) const;
    /// Makes a pending backfill's events count (status becomes `reflected`).
    CallHandle closeBackfill(const QString &id, const QObject *context, Callback<Backfill> done,
                             const QString &idempotencyKey = {}) const;
    /// Undoes a backfill: a pending one goes straight to `reverted`, a reflected one through
    /// `pending_revert`.
    CallHandle revertBackfill(const QString &id, const QObject *context, Callback<Backfill> done,
                              const QString &idempotencyKey = {}) const;
    /// Hourly counts of the events that currently count, oldest hour first.
    CallHandle eventVolume(const VolumeQuery &query, const QObject *context, Callback<Page<VolumeBucket>> done) const;

    // The requests themselves, e.g. to queue a close or revert in the outbox.
    static ApiRequest createRequest(const NewBackfill &backfill);
    static ApiRequest listRequest(int limit, const std::optional<QString> &cursor);
    static ApiRequest fetchRequest(const QString &id);
    static ApiRequest closeRequest(const QString &id);
    static ApiRequest revertRequest(const QString &id);
    static ApiRequest volumeRequest(const VolumeQuery &query);

private:
    template <class T>
    CallHandle call(ApiRequest request, const QObject *context, Callback<T> done,
                    Expected<T, QString> (*decode)(const QByteArray &)) const;

    QPointer<OrbClient> m_client;
};

} // namespace ul
