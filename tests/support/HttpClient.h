#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>

#include <chrono>

namespace ul::test {

using RawHeaders = QList<QPair<QByteArray, QByteArray>>;

/// One HTTP exchange as a test sees it: what came back, already parsed.
struct HttpResult {
    int status = 0;          ///< 0 when no HTTP answer arrived; see `networkError`.
    RawHeaders headers;
    QByteArray body;
    QJsonObject json;        ///< The body when it is a JSON object, else empty.
    QString networkError;

    /// The first value of a response header, case-insensitively; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    /// The part of Orb's error `type` URL after `#`, e.g. `400-request-validation-errors`.
    [[nodiscard]] QString errorType() const;
    /// `json[field]` as an array, an object or a string, for the common shapes.
    [[nodiscard]] QJsonArray array(QStringView field) const { return json.value(field).toArray(); }
    [[nodiscard]] QJsonObject object(QStringView field) const { return json.value(field).toObject(); }
    [[nodiscard]] QString string(QStringView field) const { return json.value(field).toString(); }
    /// `HTTP 400: {…}` (or the network error), for failure messages.
    [[nodiscard]] QByteArray describe() const;
};

/// A blocking JSON client on QNetworkAccessManager, for tests: each call spins the event loop
/// until the answer is in (or a generous timeout passes), so the server may live on any thread.
class HttpClient {
public:
    /// `token` is sent as `Authorization: Bearer <token>` unless it is empty.
    explicit HttpClient(QUrl baseUrl, QString token = {});

    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }

    /// `path` is appended to the base URL as given: percent-encode what must be (see `pathSegment`),
    /// and add the query string, e.g. `/v1/ingest?debug=true`. A header given in `headers`
    /// replaces the default one of that name (a null QByteArray removes it).
    HttpResult get(const QString &path, const RawHeaders &headers = {});
    HttpResult post(const QString &path, const QByteArray &body, const RawHeaders &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body, const RawHeaders &headers = {});
    HttpResult put(const QString &path, const QByteArray &body, const RawHeaders &headers = {});
    HttpResult put(const QString &path, const QJsonObject &body, const RawHeaders &headers = {});
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body, const RawHeaders &headers = {});

    /// One path segment percent-encoded as the SDKs do it (`a/b c` → `a%2Fb%20c`).
    static QString pathSegment(const QString &segment);

    static constexpr std::chrono::seconds Timeout{60};

private:
    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
};

/// Compact JSON text, for comparing and printing objects in test messages.
QByteArray compactJson(const QJsonObject &object);
QByteArray compactJson(const QJsonArray &array);

} // namespace ul::test

/// QCOMPARE for an HTTP status that also prints the response when it fails.
#define UL_COMPARE_STATUS(result, expectedStatus)                                                                      \
    do {                                                                                                               \
        const ::ul::test::HttpResult &ulResult_ = (result);                                                            \
        QVERIFY2(ulResult_.status == (expectedStatus),                                                                 \
                 QByteArray("expected HTTP " + QByteArray::number(expectedStatus) + ", got " + ulResult_.describe())   \
                     .constData());                                                                                    \
    } while (false)
