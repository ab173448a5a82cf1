#pragma once

#include "util/Expected.h"
#include "util/Timestamp.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace ul {

/// One event for a Dynatrace-style events ingest (`POST /api/v2/events/ingest`, Events API v2).
struct Annotation {
    QString eventType = QStringLiteral("CUSTOM_ANNOTATION");
    QString title;
    std::optional<Timestamp> startTime; ///< Unset: the sink's now.
    std::optional<Timestamp> endTime;   ///< Unset: start plus timeout.
    int timeoutMinutes = 0;             ///< 0: not sent (the sink's default, 15).
    QString entitySelector;             ///< Empty: not sent (the environment entity).
    QMap<QString, QString> properties;  ///< Values are always strings, as the API demands.

    /// The EventIngest body.
    [[nodiscard]] QByteArray toJson() const;
};

/// One report the sink created, as `eventIngestResults[]` lists it.
struct AnnotationReport {
    QString correlationId;
    QString status; ///< OK, INVALID_ENTITY_TYPE, INVALID_METADATA, INVALID_TIMESTAMPS, …
    [[nodiscard]] bool ok() const { return status == QLatin1StringView("OK"); }
};

/// What the sink answered: 201 with every report's status OK.
struct AnnotationReceipt {
    QList<AnnotationReport> reports;
    [[nodiscard]] QStringList correlationIds() const;
};

/// Why an annotation was not (wholly) created. `message` is for the analyst and never contains
/// the token.
struct AnnotationError {
    enum class Kind {
        NotConfigured, ///< No sink URL or no token.
        Network,       ///< No HTTP answer (refused, reset, TLS, …).
        Timeout,       ///< No complete answer in time.
        Http,          ///< An HTTP status other than 201 (401: the token was refused).
        Status,        ///< 201, but a report's status is not OK (or no report was created).
        BadResponse,   ///< 201 with a body that is not EventIngestResults.
    };
    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message;
    QList<AnnotationReport> reports; ///< For Status: every report, OK ones included.
};

/// Posts annotations to a Dynatrace-style events ingest with its own QNetworkAccessManager and
/// its own `Api-Token` (not the Orb token). Every `eventIngestResults[].status` is checked: a 201
/// whose reports are not all OK is an error that names the statuses. The token is sent only in
/// the Authorization header and appears in no message or log.
class AnnotationSink : public QObject {
    Q_OBJECT
public:
    using Result = Expected<AnnotationReceipt, AnnotationError>;
    using Callback = std::function<void(Result)>;

    static constexpr std::chrono::milliseconds DefaultTimeout{30'000};

    explicit AnnotationSink(QObject *parent = nullptr);
    ~AnnotationSink() override;

    /// Dynatrace's event types (EventIngest.eventType).
    static const QStringList &eventTypes();
    /// The ingest URL for a sink URL as typed: `https://env.live.dynatrace.com` (or `…/e/ENV`)
    /// gets `/api/v2/events/ingest` appended; a URL that already ends so is kept.
    static QUrl ingestUrl(const QUrl &sinkUrl);

    void setUrl(const QUrl &sinkUrl) { m_url = ingestUrl(sinkUrl); }
    [[nodiscard]] QUrl url() const { return m_url; }
    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] bool hasToken() const { return !m_token.isEmpty(); }
    /// The whole exchange must be done within this time.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Posts one annotation; `done` is called once, on this thread, through the event loop
    /// (dropped when `context` is destroyed first).
    void post(const Annotation &annotation, const QObject *context, Callback done);

private:
    [[nodiscard]] Result interpret(int httpStatus, const QByteArray &body) const;
    void deliver(const QObject *context, Callback done, Result result);

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_url;
    QString m_token;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
};

} // namespace ul
