#include "SandboxFixture.h"

#include "OrbJson.h"

#include <QtCore/QDebug>

namespace ul::test {

namespace {

// Wide enough for any event a test makes, so findEvent() ignores the default one-week timeframe.
constexpr QLatin1StringView AllTimeStart{"1970-01-01T00:00:00Z"};
constexpr QLatin1StringView AllTimeEnd{"9999-01-01T00:00:00Z"};

QString eventPath(const QString &id)
{
    return QStringLiteral("/v1/events/") + HttpClient::pathSegment(id);
}

} // namespace

sandbox::SandboxOptions SandboxFixture::defaultOptions()
{
    sandbox::SandboxOptions options;
    options.port = 0;
    options.databasePath = QStringLiteral(":memory:");
    options.token = token();
    return options;
}

SandboxFixture::SandboxFixture(const sandbox::SandboxOptions &options)
{
    const auto started = m_host.startAndWait(options);
    if (!started) {
        m_error = "the sandbox did not start: " + started.error().toUtf8();
        return;
    }
    // Whole seconds, so timestamps derived from it print without a fraction.
    const qint64 nowMs = Timestamp::now().msecs();
    setNow(Timestamp::fromMsecs(nowMs - nowMs % 1000));
    onServerThread([clock = m_clockMs](sandbox::SandboxServer &server) {
        server.setClock([clock] { return Timestamp::fromMsecs(clock->load()); });
    });
    m_http = std::make_unique<HttpClient>(*started, options.token);
}

SandboxFixture::~SandboxFixture()
{
    m_http.reset(); // its connections go before the server does
    m_host.stop();
}

HttpResult SandboxFixture::ingest(const QJsonArray &events, const QString &query)
{
    return m_http->post(QStringLiteral("/v1/ingest") + query, QJsonObject{{QStringLiteral("events"), events}});
}

HttpResult SandboxFixture::search(const QJsonObject &body)
{
    return m_http->post(QStringLiteral("/v1/events/search"), body);
}

HttpResult SandboxFixture::searchIds(const QStringList &ids)
{
    return search(QJsonObject{{QStringLiteral("event_ids"), QJsonArray::fromStringList(ids)}});
}

std::optional<QJsonObject> SandboxFixture::findEvent(const QString &id)
{
    const HttpResult result = search(QJsonObject{{QStringLiteral("event_ids"), QJsonArray{id}},
                                                 {QStringLiteral("timeframe_start"), AllTimeStart},
                                                 {QStringLiteral("timeframe_end"), AllTimeEnd}});
    if (result.status != 200)
        qWarning().noquote() << "search for" << id << "failed:" << result.describe();
    const QJsonArray data = result.array(u"data");
    if (data.isEmpty())
        return std::nullopt;
    return data.first().toObject();
}

HttpResult SandboxFixture::amend(const QString &id, const QJsonObject &body, const RawHeaders &headers)
{
    return m_http->put(eventPath(id), body, headers);
}

HttpResult SandboxFixture::deprecate(const QString &id)
{
    return m_http->put(eventPath(id) + QStringLiteral("/deprecate"), QByteArray());
}

HttpResult SandboxFixture::history(const QString &id)
{
    return m_http->get(eventPath(id) + QStringLiteral("/history"));
}

HttpResult SandboxFixture::createCustomer(const QJsonObject &body, const RawHeaders &headers)
{
    return m_http->post(QStringLiteral("/v1/customers"), body, headers);
}

QString SandboxFixture::newCustomer(QAnyStringView externalCustomerId)
{
    static int serial = 0;
    ++serial;
    QJsonObject body{{QStringLiteral("name"), QStringLiteral("Customer %1").arg(serial)},
                     {QStringLiteral("email"), QStringLiteral("billing+%1@example.com").arg(serial)}};
    if (!externalCustomerId.isEmpty())
        body.insert(QStringLiteral("external_customer_id"), externalCustomerId.toString());
    const HttpResult created = createCustomer(body);
    if (created.status != 201) {
        qWarning().noquote() << "creating a customer failed:" << created.describe();
        return {};
    }
    return created.string(u"id");
}

} // namespace ul::test
