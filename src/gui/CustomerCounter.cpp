#include "CustomerCounter.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>


namespace ul::gui {

namespace {

constexpr int PageSize = 100; // the most Orb's list routes give per page
constexpr int TransferTimeoutMs = 20'000;

bool isLoopback(const QUrl &url)
{
    return url.host() == QLatin1StringView("localhost") || QHostAddress(url.host()).isLoopback();
}

/// The most useful words in an Orb error body (`detail`, else `title`), or the HTTP status.
QString describeFailure(QNetworkReply *reply, const QJsonObject &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString detail = body.value(QLatin1StringView("detail")).toString();
    if (detail.isEmpty())
        detail = body.value(QLatin1StringView("title")).toString();
    if (status == 0)
        return reply->errorString();
    if (detail.isEmpty())
        return CustomerCounter::tr("the server answered HTTP %1").arg(status);
    return CustomerCounter::tr("the server answered HTTP %1: %2").arg(QString::number(status), detail);
}

} // namespace

CustomerCounter::CustomerCounter(QObject *parent) : QObject(parent) {}

CustomerCounter::~CustomerCounter()
{
    abandon();
}

void CustomerCounter::count(const ServerConnection &connection)
{
    abandon();
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_connection = connection;
    m_counted = 0;
    requestPage({});
}

void CustomerCounter::requestPage(const QString &cursor)
{
    QUrl url = m_connection.baseUrl;
    url.setPath(QStringLiteral("/v1/customers"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    url.setQuery(query);

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_connection.token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(TransferTimeoutMs);
    // A local server is reached directly, whatever proxy the environment names.
    m_network->setProxy(isLoopback(url) ? QNetworkProxy(QNetworkProxy::NoProxy) : QNetworkProxy());
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] { readPage(reply); });
}

void CustomerCounter::readPage(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // abandoned
    m_reply = nullptr;

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &parseError);
    const QJsonObject body = document.object();
    if (reply->error() != QNetworkReply::NoError) {
        Q_EMIT failed(describeFailure(reply, body));
        return;
    }
    const QJsonValue data = body.value(QLatin1StringView("data"));
    if (parseError.error != QJsonParseError::NoError || !data.isArray()) {
        Q_EMIT failed(tr("the server's answer is not a list of customers"));
        return;
    }
    m_counted += data.toArray().size();

    const QJsonObject pagination = body.value(QLatin1StringView("pagination_metadata")).toObject();
    const QString nextCursor = pagination.value(QLatin1StringView("next_cursor")).toString();
    if (pagination.value(QLatin1StringView("has_more")).toBool() && !nextCursor.isEmpty())
        requestPage(nextCursor);
    else
        Q_EMIT counted(m_counted);
}

void CustomerCounter::abandon()
{
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply = nullptr;
        reply->abort();
    }
}

} // namespace ul::gui
