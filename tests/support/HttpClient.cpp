#include "HttpClient.h"

#include <QtCore/QEventLoop>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <memory>

namespace ul::test {

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResult::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.begin(), headers.end(),
                       [name](const auto &pair) { return pair.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QString HttpResult::errorType() const
{
    const QString type = json.value(u"type").toString();
    const qsizetype hash = type.lastIndexOf(u'#');
    return hash < 0 ? type : type.mid(hash + 1);
}

QByteArray HttpResult::describe() const
{
    if (status == 0)
        return "no HTTP answer (" + networkError.toUtf8() + ')';
    return "HTTP " + QByteArray::number(status) + ": " + body.left(2000);
}

HttpClient::HttpClient(QUrl baseUrl, QString token) : m_baseUrl(std::move(baseUrl)), m_token(std::move(token))
{
    // Every exchange in a test gets its own answer; nothing is cached or redirected.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpResult HttpClient::get(const QString &path, const RawHeaders &headers)
{
    return send("GET", path, {}, headers);
}

HttpResult HttpClient::post(const QString &path, const QByteArray &body, const RawHeaders &headers)
{
    return send("POST", path, body, headers);
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body, const RawHeaders &headers)
{
    return send("POST", path, compactJson(body), headers);
}

HttpResult HttpClient::put(const QString &path, const QByteArray &body, const RawHeaders &headers)
{
    return send("PUT", path, body, headers);
}

HttpResult HttpClient::put(const QString &path, const QJsonObject &body, const RawHeaders &headers)
{
    return send("PUT", path, compactJson(body), headers);
}

HttpResult HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                            const RawHeaders &headers)
{
    QNetworkRequest request(QUrl::fromEncoded(m_baseUrl.toEncoded() + path.toUtf8()));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(int(std::chrono::milliseconds(Timeout).count()));
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value); // a null value removes the header

    std::unique_ptr<QNetworkReply> reply(body.isEmpty() && method == "GET"
                                             ? m_network.get(request)
                                             : m_network.sendCustomRequest(request, method, body));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        deadline.start(Timeout + std::chrono::seconds(5));
        loop.exec();
    }

    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("no answer within %1 s").arg(Timeout.count());
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    if (result.status == 0)
        result.networkError = reply->errorString();
    const QJsonDocument document = QJsonDocument::fromJson(result.body);
    if (document.isObject())
        result.json = document.object();
    return result;
}

QString HttpClient::pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compactJson(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace ul::test
