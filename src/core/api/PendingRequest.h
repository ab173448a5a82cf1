#pragma once

#include "api/ApiTypes.h"
#include "api/RequestError.h"
#include "util/Expected.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

#include <functional>

class QNetworkReply;
class QTimer;

namespace ul {
class OrbClient;
}

namespace ul::detail {

/// One logical request and its attempts: sends, waits, retries with the same Idempotency-Key,
/// and finishes exactly once, with a RawResponse or a RequestError. Internal to OrbClient.
class PendingRequest : public QObject {
    Q_OBJECT
public:
    using Finished = std::function<void(Expected<RawResponse, RequestError>)>;

    PendingRequest(OrbClient *client, ApiRequest request, Finished finished);
    void start();
    void cancel();
    [[nodiscard]] bool isFinished() const { return m_finished; }

private:
    void sendAttempt();
    void onReplyFinished();
    void retryOrFinish(RequestError error, int status, bool transportRetryable, const QByteArray &retryAfterMs,
                       const QByteArray &retryAfter, const QByteArray &shouldRetry);
    void finish(Expected<RawResponse, RequestError> result);
    [[nodiscard]] QString safeUrl() const;

    OrbClient *m_client;
    ApiRequest m_request;
    Finished m_onFinished;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;
    QStringList m_tlsErrors;
    int m_attempts = 0;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace ul::detail
