// OrbClient against a real sandbox over HTTP, and against sockets that refuse or never answer.
#include "SandboxFixture.h"

#include "api/OrbClient.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <optional>

using namespace std::chrono_literals;
using ul::Event;
using ul::RequestError;
using ul::Timestamp;

namespace {

/// Waits for a callback-style call to deliver its result.
template <class T>
class Await {
public:
    std::function<void(ul::Expected<T, RequestError>)> callback()
    {
        return [this](ul::Expected<T, RequestError> r) { m_result.emplace(std::move(r)); };
    }
    bool wait(std::chrono::milliseconds timeout = 30s)
    {
        return QTest::qWaitFor([this] { return m_result.has_value(); }, int(timeout.count()));
    }
    ul::Expected<T, RequestError> &result() { return *m_result; }
    [[nodiscard]] bool delivered() const { return m_result.has_value(); }

private:
    std::optional<ul::Expected<T, RequestError>> m_result;
};

Event makeEvent(const QString &id, const QString &customerId, Timestamp when)
{
    Event e;
    e.id = id;
    e.eventName = QStringLiteral("api_request");
    e.customerId = customerId;
    e.timestamp = when;
    e.properties = {{QStringLiteral("region"), QStringLiteral("eu-west-1")},
                    {QStringLiteral("ms"), qint64(120)},
                    {QStringLiteral("ratio"), 0.25},
                    {QStringLiteral("success"), true}};
    return e;
}

/// The error's message, or nothing when there is none (QVERIFY2 evaluates its message eagerly).
template <class T>
QByteArray why(const ul::Expected<T, RequestError> &result)
{
    return result.hasValue() ? QByteArray() : result.error().humanMessage().toUtf8();
}

ul::ClientSettings fastRetries(const QUrl &base)
{
    ul::ClientSettings settings;
    settings.baseUrl = base;
    settings.retry.initialDelay = 10ms;
    settings.retry.maxBackoff = 40ms;
    settings.transferTimeout = 10s;
    return settings;
}

QUrl v1(const QUrl &base)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/v1"));
    return url;
}

} // namespace

class TestOrbClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<ul::test::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_client = std::make_unique<ul::OrbClient>(fastRetries(v1(m_sandbox->baseUrl())));
        m_client->setToken(ul::test::SandboxFixture::token());
        m_customer = m_sandbox->newCustomer(u"cus_client");
        QVERIFY(!m_customer.isEmpty());
    }
    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void ingestThenSearchRoundTripsTypedProperties()
    {
        const Timestamp when = m_sandbox->now() - 1h;
        const Event sent = makeEvent(QStringLiteral("client-1"), m_customer, when);
        Await<ul::IngestResult> ingest;
        m_client->ingest({sent}, ul::IngestOptions{std::nullopt, true, {}}, this, ingest.callback());
        QVERIFY(ingest.wait());
        QVERIFY2(ingest.result().hasValue(), why(ingest.result()).constData());
        QCOMPARE(ingest.result()->ingested, QStringList{sent.id});

        Await<ul::IngestResult> again;
        m_client->ingest({sent}, ul::IngestOptions{std::nullopt, true, {}}, this, again.callback());
        QVERIFY(again.wait());
        QVERIFY2(again.result().hasValue(), why(again.result()).constData());
        QCOMPARE(again.result()->duplicates, QStringList{sent.id});

        Await<QList<Event>> search;
        m_client->searchEvents(ul::SearchQuery{{sent.id, QStringLiteral("missing")}, {}, {}}, this, search.callback());
        QVERIFY(search.wait());
        QVERIFY2(search.result().hasValue(), why(search.result()).constData());
        QCOMPARE(search.result()->size(), 1);
        const Event &found = search.result()->first();
        QCOMPARE(found.id, sent.id);
        QCOMPARE(found.timestamp, when);
        QCOMPARE(found.properties, sent.properties); // integers stay integers, doubles doubles
        QCOMPARE(found.externalCustomerId, std::optional<QString>(QStringLiteral("cus_client")));
    }

    void amendDeprecateAndHistory()
    {
        const Event original = makeEvent(QStringLiteral("client-2"), m_customer, m_sandbox->now() - 2h);
        Await<ul::IngestResult> ingest;
        m_client->ingest({original}, {}, this, ingest.callback());
        QVERIFY(ingest.wait() && ingest.result().hasValue());

        Event amended = original;
        amended.properties.set(QStringLiteral("region"), QStringLiteral("us-east-1"));
        Await<ul::Done> amend;
        m_client->amendEvent(amended, this, amend.callback());
        QVERIFY(amend.wait());
        QVERIFY2(amend.result().hasValue(), why(amend.result()).constData());

        Await<ul::Done> deprecate;
        m_client->deprecateEvent(original.id, this, deprecate.callback());
        QVERIFY(deprecate.wait() && deprecate.result().hasValue());

        Await<QList<ul::EventRevision>> history;
        m_client->eventHistory(original.id, this, history.callback());
        QVERIFY(history.wait());
        QVERIFY2(history.result().hasValue(), why(history.result()).constData());
        const QList<ul::EventRevision> &revisions = *history.result();
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions[0].change, QStringLiteral("ingested"));
        QCOMPARE(*revisions[0].event.properties.find(u"region"), ul::PropertyValue(QStringLiteral("eu-west-1")));
        QCOMPARE(revisions[1].change, QStringLiteral("amended"));
        QCOMPARE(*revisions[1].event.properties.find(u"region"), ul::PropertyValue(QStringLiteral("us-east-1")));
        QCOMPARE(revisions[2].change, QStringLiteral("deprecated"));
        QVERIFY(revisions[2].event.deprecated);
    }

    void idsWithReservedCharactersStayOnePathSegment()
    {
        const QString id = QStringLiteral("a/b?c#d e%");
        Event original = makeEvent(id, m_customer, m_sandbox->now() - 1h);
        Await<ul::IngestResult> ingest;
        m_client->ingest({original}, {}, this, ingest.callback());
        QVERIFY(ingest.wait() && ingest.result().hasValue());
        Event amended = original;
        amended.properties.set(QStringLiteral("region"), QStringLiteral("ap-southeast-1"));
        Await<ul::Done> amend;
        m_client->amendEvent(amended, this, amend.callback());
        QVERIFY(amend.wait());
        QVERIFY2(amend.result().hasValue(), why(amend.result()).constData());
        Await<QList<ul::EventRevision>> history;
        m_client->eventHistory(id, this, history.callback());
        QVERIFY(history.wait());
        QVERIFY2(history.result().hasValue(), why(history.result()).constData());
        QCOMPARE(history.result()->size(), 2);
        QCOMPARE(history.result()->at(1).event.id, id);
        // Property order survives the round trip (region, ms, ratio, success as sent).
        QCOMPARE(history.result()->at(0).event.properties, original.properties);
        Await<ul::Done> deprecate;
        m_client->deprecateEvent(id, this, deprecate.callback());
        QVERIFY(deprecate.wait());
        QVERIFY2(deprecate.result().hasValue(), why(deprecate.result()).constData());
    }

    void validationErrorsComeBackTypedAndReadable()
    {
        Event bad = makeEvent(QStringLiteral("client-old"), m_customer, m_sandbox->now() - 48h);
        Await<ul::IngestResult> ingest;
        m_client->ingest({bad}, {}, this, ingest.callback());
        QVERIFY(ingest.wait());
        QVERIFY(!ingest.result().hasValue());
        const RequestError &error = ingest.result().error();
        QCOMPARE(error.kind, RequestError::Kind::Http);
        QCOMPARE(error.httpStatus(), 400);
        QCOMPARE(error.attempts, 1); // a 400 is never retried
        QVERIFY(error.api->type.endsWith(QStringLiteral("#400-request-validation-errors")));
        QVERIFY2(error.humanMessage().contains(QStringLiteral("client-old")), qPrintable(error.humanMessage()));
        QVERIFY2(error.humanMessage().contains(QStringLiteral("grace period")), qPrintable(error.humanMessage()));
    }

    void wrongTokenIsAnAuthenticationErrorAndNotRetried()
    {
        m_client->setToken(QStringLiteral("not-the-token"));
        Await<ul::Page<ul::Customer>> list;
        m_client->listCustomers(10, std::nullopt, this, list.callback());
        QVERIFY(list.wait());
        QVERIFY(!list.result().hasValue());
        QCOMPARE(list.result().error().httpStatus(), 401);
        QCOMPARE(list.result().error().attempts, 1);
        const QString message = list.result().error().humanMessage();
        QVERIFY2(message.contains(QStringLiteral("token")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("not-the-token")), "the token must never appear in a message");
    }

    void aNewTokenAppliesToTheNextRequest()
    {
        m_client->setToken(QStringLiteral("old-token"));
        Await<ul::Customer> refused;
        m_client->fetchCustomer(m_customer, this, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.result().error().httpStatus(), 401);

        m_client->setToken(ul::test::SandboxFixture::token());
        Await<ul::Customer> accepted;
        m_client->fetchCustomer(m_customer, this, accepted.callback());
        QVERIFY(accepted.wait());
        QVERIFY2(accepted.result().hasValue(), why(accepted.result()).constData());
        QCOMPARE(accepted.result()->id, m_customer);
    }

    void customersPageThroughTheCursor()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_sandbox->newCustomer(QStringLiteral("cus_page_%1").arg(i)).isEmpty());
        QStringList seen;
        std::optional<QString> cursor;
        int pages = 0;
        do {
            Await<ul::Page<ul::Customer>> page;
            m_client->listCustomers(2, cursor, this, page.callback());
            QVERIFY(page.wait() && page.result().hasValue());
            for (const ul::Customer &c : page.result()->items)
                seen << c.id;
            cursor = page.result()->nextCursor;
            ++pages;
        } while (cursor && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 5);
        QCOMPARE(seen.last(), m_customer); // oldest last
    }

    void retriesWhatTheSdksRetryWithOneKey_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("503") << 503;
        QTest::newRow("408") << 408;
        QTest::newRow("409") << 409;
        QTest::newRow("429") << 429;
    }
    void retriesWhatTheSdksRetryWithOneKey()
    {
        QFETCH(int, status);
        scriptFaults({{QStringLiteral("status"), status}, {QStringLiteral("count"), 2}, {QStringLiteral("path"), QStringLiteral("ingest")}});
        const Event event = makeEvent(QStringLiteral("retry-%1").arg(status), m_customer, m_sandbox->now() - 1h);
        Await<ul::IngestResult> ingest;
        m_client->ingest({event}, ul::IngestOptions{std::nullopt, true, {}}, this, ingest.callback());
        QVERIFY(ingest.wait());
        QVERIFY2(ingest.result().hasValue(), why(ingest.result()).constData());
        QCOMPARE(ingest.result()->ingested, QStringList{event.id}); // stored once, by the third try
        // Both failed tries carried the key the final one did.
        const QJsonArray served = faultState().value(u"served").toArray();
        QCOMPARE(served.size(), 2);
        for (const QJsonValue &v : served) {
            QCOMPARE(v.toObject().value(u"status").toInt(), status);
            QVERIFY(v.toObject().value(u"idempotency_key").toString().startsWith(QStringLiteral("usagelens-")));
            QCOMPARE(v.toObject().value(u"idempotency_key"), served.first().toObject().value(u"idempotency_key"));
        }
    }

    void givesUpAfterTheRetryLimitWithTheServersError()
    {
        scriptFaults({{QStringLiteral("status"), 503}, {QStringLiteral("count"), 5}, {QStringLiteral("path"), QStringLiteral("events/search")}});
        Await<QList<Event>> search;
        m_client->searchEvents(ul::SearchQuery{{QStringLiteral("x")}, {}, {}}, this, search.callback());
        QVERIFY(search.wait());
        QVERIFY(!search.result().hasValue());
        QCOMPARE(search.result().error().attempts, 3);
        QCOMPARE(search.result().error().httpStatus(), 503);
        QVERIFY(search.result().error().humanMessage().contains(QStringLiteral("tried 3 times")));
        QCOMPARE(faultState().value(u"served").toArray().size(), 3);
    }

    void honoursRetryAfterAndTheServersNoRetry()
    {
        // retry-after-ms far above the client's own backoff (10–40 ms here): the wait is the server's.
        scriptFaults({{QStringLiteral("status"), 429}, {QStringLiteral("count"), 1}, {QStringLiteral("path"), QStringLiteral("customers")},
                      {QStringLiteral("headers"), QJsonObject{{QStringLiteral("retry-after-ms"), QStringLiteral("400")}}}});
        QElapsedTimer timer;
        timer.start();
        Await<ul::Customer> fetch;
        m_client->fetchCustomer(m_customer, this, fetch.callback());
        QVERIFY(fetch.wait());
        QVERIFY2(fetch.result().hasValue(), why(fetch.result()).constData());
        QVERIFY2(timer.elapsed() >= 400, qPrintable(QString::number(timer.elapsed())));

        // x-should-retry: false overrides the status.
        scriptFaults({{QStringLiteral("status"), 503}, {QStringLiteral("count"), 3}, {QStringLiteral("path"), QStringLiteral("customers")},
                      {QStringLiteral("headers"), QJsonObject{{QStringLiteral("x-should-retry"), QStringLiteral("false")}}}});
        Await<ul::Customer> refused;
        m_client->fetchCustomer(m_customer, this, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.result().error().attempts, 1);
    }

    void theTokenAppearsInNoLogLineOrMessage()
    {
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) {
            logged << message;
        });
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        scriptFaults({{QStringLiteral("status"), 503}, {QStringLiteral("count"), 5}});
        Await<ul::Customer> failed;
        m_client->fetchCustomer(m_customer, this, failed.callback());
        QVERIFY(failed.wait());
        m_client->setToken(QStringLiteral("wrong-token-0000"));
        Await<ul::Customer> refused;
        m_client->fetchCustomer(m_customer, this, refused.callback());
        QVERIFY(refused.wait());
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(previous);
        const QString token = ul::test::SandboxFixture::token();
        for (const QString &line : std::as_const(logged))
            QVERIFY2(!line.contains(token) && !line.contains(QStringLiteral("wrong-token-0000")), qPrintable(line));
        for (const RequestError &e : {failed.result().error(), refused.result().error()}) {
            QVERIFY(!e.humanMessage().contains(token) && !e.detail.contains(token) && !e.url.contains(token));
            QVERIFY(!e.humanMessage().contains(QStringLiteral("wrong-token-0000")));
        }
    }

    void connectionRefusedIsRetriedThenReported()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        QUrl url(QStringLiteral("http://127.0.0.1/v1"));
        url.setPort(port);
        ul::OrbClient client(fastRetries(url));
        client.setToken(QStringLiteral("secret-token"));
        Await<ul::Customer> call;
        client.fetchCustomer(QStringLiteral("abc"), this, call.callback());
        QVERIFY(call.wait());
        const RequestError &error = call.result().error();
        QCOMPARE(error.kind, RequestError::Kind::Network);
        QCOMPARE(error.attempts, 3); // the first try and two retries
        QVERIFY(!error.humanMessage().contains(QStringLiteral("secret-token")));
    }

    void aServerThatNeverAnswersTimesOutWithTheSameKeyOnEveryTry()
    {
        // A peer that reads requests and never answers: each attempt hits the transfer timeout.
        QTcpServer silent;
        QList<QByteArray> requests;
        QList<QTcpSocket *> sockets;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                sockets << socket;
                connect(socket, &QTcpSocket::readyRead, this, [&requests, socket] { requests << socket->readAll(); });
            }
        });
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QUrl url(QStringLiteral("http://127.0.0.1/v1"));
        url.setPort(silent.serverPort());
        ul::ClientSettings settings = fastRetries(url);
        settings.transferTimeout = 200ms;
        settings.retry.maxRetries = 1;
        ul::OrbClient client(settings);
        client.setToken(QStringLiteral("t"));
        Await<ul::Done> call;
        client.deprecateEvent(QStringLiteral("some-event"), this, call.callback());
        QVERIFY(call.wait(10s));
        QCOMPARE(call.result().error().kind, RequestError::Kind::Timeout);
        QCOMPARE(call.result().error().attempts, 2);
        QCOMPARE(requests.size(), 2);
        auto keyOf = [](const QByteArray &raw) {
            for (const QByteArray &line : raw.split('\n')) {
                if (line.toLower().startsWith("idempotency-key:"))
                    return line.mid(16).trimmed();
            }
            return QByteArray();
        };
        QVERIFY(!keyOf(requests[0]).isEmpty());
        QCOMPARE(keyOf(requests[1]), keyOf(requests[0]));
        qDeleteAll(sockets);
    }

    void cancellingDeliversCancelledOnce()
    {
        QTcpServer silent; // never answers, so the call is still in flight when cancelled
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QUrl url(QStringLiteral("http://127.0.0.1/v1"));
        url.setPort(silent.serverPort());
        ul::OrbClient client(fastRetries(url));
        int deliveries = 0;
        std::optional<RequestError> error;
        ul::CallHandle handle = client.fetchCustomer(QStringLiteral("x"), this, [&](ul::Expected<ul::Customer, RequestError> r) {
            ++deliveries;
            error = r.error();
        });
        QTest::qWait(50);
        QVERIFY(!handle.isFinished());
        handle.cancel();
        QCOMPARE(deliveries, 1);
        QCOMPARE(error->kind, RequestError::Kind::Cancelled);
        QTest::qWait(50);
        QCOMPARE(deliveries, 1);
        QVERIFY(handle.isFinished());
    }

    void callbacksAreDroppedWhenTheirContextIsGone()
    {
        auto context = std::make_unique<QObject>();
        bool called = false;
        m_client->fetchCustomer(m_customer, context.get(), [&called](ul::Expected<ul::Customer, RequestError>) { called = true; });
        context.reset();
        // Let the request complete: a second call on a living context proves the first has had its time.
        Await<ul::Customer> later;
        m_client->fetchCustomer(m_customer, this, later.callback());
        QVERIFY(later.wait());
        QTest::qWait(20);
        QVERIFY(!called);
    }

    void largeAnswersDecodeOffTheCallingThreadCorrectly()
    {
        // 500 events with long properties make a search answer well over 256 KiB.
        QList<Event> events;
        QStringList ids;
        for (int i = 0; i < 500; ++i) {
            Event e = makeEvent(QStringLiteral("bulk-%1").arg(i), m_customer, m_sandbox->now() - 30min);
            e.properties.set(QStringLiteral("note"), QString(600, QLatin1Char('x')) + QString::number(i));
            events << e;
            ids << e.id;
        }
        Await<ul::IngestResult> ingest;
        m_client->ingest(events, {}, this, ingest.callback());
        QVERIFY(ingest.wait() && ingest.result().hasValue());
        Await<QList<Event>> search;
        m_client->searchEvents(ul::SearchQuery{ids, {}, {}}, this, search.callback());
        QVERIFY(search.wait());
        QVERIFY2(search.result().hasValue(), why(search.result()).constData());
        QCOMPARE(search.result()->size(), 500);
        QCOMPARE(*search.result()->at(499).properties.find(u"note"), ul::PropertyValue(QString(600, QLatin1Char('x')) + QStringLiteral("499")));
    }

private:
    /// Scripts one fault in the sandbox (POST /x-sandbox/faults).
    void scriptFaults(const QJsonObject &fault)
    {
        const auto result = m_sandbox->http().post(QStringLiteral("/v1/x-sandbox/faults"),
                                                   QJsonObject{{QStringLiteral("faults"), QJsonArray{fault}}});
        QCOMPARE(result.status, 200);
    }
    QJsonObject faultState() { return m_sandbox->http().get(QStringLiteral("/v1/x-sandbox/faults")).json; }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<ul::OrbClient> m_client;
    QString m_customer;
};

QTEST_GUILESS_MAIN(TestOrbClient)
#include "tst_orb_client.moc"
