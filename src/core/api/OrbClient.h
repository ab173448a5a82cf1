#pragma once

#include "api/ApiTypes.h"
#include "api/RequestError.h"
#include "api/RetryPolicy.h"
#include "util/Expected.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace ul {

namespace detail {
class PendingRequest;
}

struct ClientSettings {
    /// Everything before the route, e.g. `https://api.withorb.com/v1` or `http://127.0.0.1:8484/v1`.
    QUrl baseUrl;
    /// Aborts an attempt when no bytes move for this long; the attempt then counts as timed out.
    std::chrono::milliseconds transferTimeout{60'000};
    RetryPolicy retry;
};

/// A handle on a call in flight: cancel it, or ask whether it is over. Copyable; harmless when
/// the call has already finished.
class CallHandle {
public:
    CallHandle() = default;
    explicit CallHandle(detail::PendingRequest *request);
    void cancel();
    [[nodiscard]] bool isFinished() const;

private:
    QPointer<detail::PendingRequest> m_request;
};

/// The client of one connection profile: one QNetworkAccessManager, typed asynchronous calls
/// for every route the sandbox serves, each answered with a value or a RequestError.
///
/// Retries follow RetryPolicy with the same Idempotency-Key on every attempt. The token is read
/// at each attempt, so setToken() applies to the next request (and retry) of work in flight.
/// Callbacks run on the client's thread and are dropped when their `context` is destroyed.
/// Answers over 256 KiB are decoded on the thread pool.
class OrbClient : public QObject {
    Q_OBJECT
public:
    template <class T>
    using Callback = std::function<void(Expected<T, RequestError>)>;

    explicit OrbClient(ClientSettings settings, QObject *parent = nullptr);
    ~OrbClient() override;

    void setToken(const QString &token);
    [[nodiscard]] bool hasToken() const { return !m_token.isEmpty(); }
    void setSettings(const ClientSettings &settings);
    [[nodiscard]] const ClientSettings &settings() const { return m_settings; }
    [[nodiscard]] QNetworkAccessManager *networkManager() const { return m_network; }

    /// Any route; 2xx answers come back raw, everything else as a RequestError.
    CallHandle send(ApiRequest request, const QObject *context, Callback<RawResponse> done);

    // Orb routes
    CallHandle ingest(const QList<Event> &events, const IngestOptions &options, const QObject *context,
                      Callback<IngestResult> done);
    CallHandle searchEvents(const SearchQuery &query, const QObject *context, Callback<QList<Event>> done);
    CallHandle amendEvent(const Event &amended, const QObject *context, Callback<Done> done);
    CallHandle deprecateEvent(const QString &eventId, const QObject *context, Callback<Done> done);
    CallHandle createCustomer(const NewCustomer &customer, const QObject *context, Callback<Customer> done);
    CallHandle listCustomers(int limit, const std::optional<QString> &cursor, const QObject *context,
                             Callback<Page<Customer>> done);
    CallHandle fetchCustomer(const QString &customerId, const QObject *context, Callback<Customer> done);
    CallHandle fetchCustomerByExternalId(const QString &externalId, const QObject *context, Callback<Customer> done);
    // Sandbox extension
    CallHandle eventHistory(const QString &eventId, const QObject *context, Callback<QList<EventRevision>> done);

    /// A new idempotency key (`usagelens-<uuid>`), below Orb's 64-character limit.
    static QString newIdempotencyKey();

private:
    friend class detail::PendingRequest;
    template <class T>
    CallHandle sendDecoded(ApiRequest request, const QObject *context, Callback<T> done,
                           std::function<Expected<T, QString>(const RawResponse &)> decode);

    ClientSettings m_settings;
    QString m_token;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace ul
