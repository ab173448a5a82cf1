#pragma once

#include "api/OrbClient.h"
#include "util/Expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <chrono>

namespace ul {

/// Where an analyst's requests go: one server, its limits, how it looks in the window, and
/// whether it is production. Tokens are not part of it: they live in the keychain (TokenStore),
/// keyed by `id`, so a rename never touches them and a profile is safe to write to settings.
struct ConnectionProfile {
    enum class Kind {
        LocalSandbox, ///< The embedded sandbox: its address and token are chosen when it starts.
        OrbServer,    ///< An Orb-compatible server at `baseUrl`.
    };

    QString id;   ///< Stable, never shown; the keychain key. Made by newId().
    QString name; ///< Unique among profiles, what the analyst types to confirm a production write.
    Kind kind = Kind::OrbServer;
    /// What the analyst entered, e.g. `https://api.withorb.com` or `https://api.withorb.com/v1`.
    QUrl baseUrl;
    std::chrono::milliseconds requestTimeout{60'000};
    int retryLimit = 2;
    /// Where "annotate corrections" posts (Dynatrace-style events ingest). Empty: no sink.
    QUrl annotationSinkUrl;
    /// The annotation's eventType (one of AnnotationSink::eventTypes()).
    QString annotationEventType = QStringLiteral("CUSTOM_ANNOTATION");
    /// Which entities the annotation is attached to (Dynatrace entity selector); empty: the environment.
    QString annotationEntitySelector;
    /// The annotation's `timeout` in minutes; 0: not sent (the sink's default, 15).
    int annotationTimeoutMinutes = 0;
    QString colour = QStringLiteral("#3465a4"); ///< `#rrggbb`.
    bool production = false;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;

    /// The API base the client calls: `baseUrl` with `/v1` appended unless it already ends so.
    /// For LocalSandbox profiles give the embedded sandbox's URL (known only at run time).
    [[nodiscard]] QUrl apiBaseUrl(const QUrl &sandboxUrl = {}) const;
    /// OrbClient settings for this profile (timeout, retries, API base).
    [[nodiscard]] ClientSettings clientSettings(const QUrl &sandboxUrl = {}) const;

    static QString newId();
    /// The profile the app starts with on a fresh machine: the embedded sandbox.
    static ConnectionProfile defaultSandbox();
};

/// One problem with one field of a profile, with a message for next to that field.
struct ProfileProblem {
    enum class Field { Name, BaseUrl, RequestTimeout, RetryLimit, AnnotationSinkUrl, Colour };
    Field field;
    QString message;
};

/// The rules a profile must satisfy before it is saved or used. Errors are values.
class ProfileRules {
    Q_DECLARE_TR_FUNCTIONS(ul::ProfileRules)

public:
    static constexpr std::chrono::milliseconds MinTimeout{1'000};
    static constexpr std::chrono::milliseconds MaxTimeout{600'000};
    static constexpr int MaxRetries = 10;

    /// A base URL as typed: it must parse, be http(s) with a host, carry no credentials, query or
    /// fragment; plain HTTP is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost).
    static Expected<QUrl, QString> parseServerUrl(const QString &text);
    /// Whether `host` is loopback: `localhost`, 127.0.0.0/8 or ::1.
    static bool isLoopbackHost(const QString &host);
    /// Every problem of `profile`; `others` are the other profiles (for unique names).
    static QList<ProfileProblem> check(const ConnectionProfile &profile, const QList<ConnectionProfile> &others = {});
};

} // namespace ul
