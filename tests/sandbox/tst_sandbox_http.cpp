// What every route shares (Orb contract §1): bearer authentication, the error envelope for
// unknown URLs, the /v1 and root prefixes, the Idempotency-Key header, the body size cap, and
// surviving whatever a client sends.
#include "OrbJson.h"
#include "SandboxFixture.h"

#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpClient;
using ul::test::HttpResult;
using ul::test::RawHeaders;
using ul::test::SandboxFixture;

class TstSandboxHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusesAMissingOrWrongToken_data();
    void refusesAMissingOrWrongToken();
    void acceptsTheBearerSchemeInAnyCase();
    void answersUnknownUrlsWithUrlNotFound_data();
    void answersUnknownUrlsWithUrlNotFound();
    void servesEveryRouteAtV1AndAtTheRoot_data();
    void servesEveryRouteAtV1AndAtTheRoot();
    void ignoresTheHeadersTheSdksAdd();
    void idempotencyKeyReplaysTheFirstAnswer();
    void idempotencyKeyWithAnotherRequestIsAConflict();
    void idempotencyKeyMatchesTheSameRouteWithOrWithoutV1();
    void idempotencyKeyIsAtMost64Characters();
    void idempotencyKeyIsIgnoredOnPut();
    void idempotencyKeyIsIgnoredOnGet();
    void idempotencyKeyIsForgottenAfter48Hours();
    void refusesABodyOverTheCap();
    void acceptsABodyJustUnderTheCap();
    void acceptsAChunkedBodyUnderTheCap();
    void refusesAChunkedBodyOverTheCapAsItArrives();
    void refusesHeadersOver64KiB();
    void judgesTheSizeOfHeadersThatArriveInPieces_data();
    void judgesTheSizeOfHeadersThatArriveInPieces();
    void survivesMalformedBodies_data();
    void survivesMalformedBodies();
    void survivesBytesThatAreNotHttp_data();
    void survivesBytesThatAreNotHttp();

private:
    static RawHeaders key(const QByteArray &value) { return {{QByteArray("Idempotency-Key"), value}}; }
};

namespace {

QJsonObject customerBody(const QString &name)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("email"), QStringLiteral("billing@example.com")}};
}

int customerCount(SandboxFixture &sandbox)
{
    return int(sandbox.http().get(QStringLiteral("/v1/customers?limit=100")).array(u"data").size());
}

/// Checks Orb's error envelope: type URL, status, title and detail.
void verifyEnvelope(const HttpResult &result, const QString &typeSuffix)
{
    QCOMPARE(result.header("content-type"), QByteArray("application/json"));
    QCOMPARE(result.json.value(u"type").toString(), QStringLiteral("https://docs.withorb.com/reference/error-responses#") + typeSuffix);
    QCOMPARE(result.json.value(u"status").toInt(), result.status);
    QVERIFY(result.json.value(u"title").isString());
    QVERIFY(result.json.value(u"detail").isString());
}

/// Opens a plain TCP connection to the sandbox, for bytes QNetworkAccessManager would not send.
bool connectRaw(QTcpSocket &socket, const QUrl &baseUrl)
{
    socket.connectToHost(baseUrl.host(), quint16(baseUrl.port()));
    return socket.waitForConnected(30'000);
}

/// The head of an authorized POST whose body follows in chunks.
QByteArray chunkedHead(const QByteArray &path)
{
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SandboxFixture::token().toUtf8()
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
}

/// `data` in HTTP/1.1 chunks of `size` bytes, without the last (empty) chunk.
QByteArray chunked(const QByteArray &data, qsizetype size)
{
    QByteArray out;
    for (qsizetype at = 0; at < data.size(); at += size) {
        const QByteArray piece = data.mid(at, size);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out;
}

/// Reads one HTTP response with a Content-Length from a raw connection (or what came before it closed).
QByteArray readResponse(QTcpSocket &socket)
{
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(30'000)) {
        received += socket.readAll();
        const qsizetype headerEnd = received.indexOf("\r\n\r\n");
        const qsizetype lengthAt = received.toLower().indexOf("content-length:");
        if (headerEnd < 0 || lengthAt < 0 || lengthAt > headerEnd)
            continue;
        const qsizetype lineEnd = received.indexOf("\r\n", lengthAt);
        const qsizetype length = received.mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toLongLong();
        if (received.size() >= headerEnd + 4 + length)
            break;
    }
    return received + socket.readAll();
}

} // namespace

void TstSandboxHttp::refusesAMissingOrWrongToken_data()
{
    QTest::addColumn<QByteArray>("authorization"); // null: no header at all
    QTest::newRow("no header") << QByteArray();
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("wrong token") << QByteArray("Bearer wrong-token");
    QTest::newRow("the token with a suffix") << QByteArray("Bearer " + SandboxFixture::token().toUtf8() + 'x');
    QTest::newRow("the token cut short") << QByteArray("Bearer " + SandboxFixture::token().toUtf8().chopped(1));
    QTest::newRow("another scheme") << QByteArray("Basic " + SandboxFixture::token().toUtf8());
    QTest::newRow("the bare token") << SandboxFixture::token().toUtf8();
    QTest::newRow("scheme only") << QByteArray("Bearer ");
}

void TstSandboxHttp::refusesAMissingOrWrongToken()
{
    QFETCH(QByteArray, authorization);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    HttpClient anonymous(sandbox.baseUrl());
    const RawHeaders headers = authorization.isNull() ? RawHeaders{} : RawHeaders{{QByteArray("Authorization"), authorization}};

    const HttpResult list = anonymous.get(QStringLiteral("/v1/customers"), headers);
    UL_COMPARE_STATUS(list, 401);
    verifyEnvelope(list, QStringLiteral("401-authentication-error"));
    // Refused before anything happens, on every route and even for unknown paths.
    UL_COMPARE_STATUS(anonymous.post(QStringLiteral("/v1/customers"), customerBody(QStringLiteral("A")), headers), 401);
    UL_COMPARE_STATUS(anonymous.get(QStringLiteral("/_stainless_unknown_path"), headers), 401);
    QCOMPARE(customerCount(sandbox), 0);
}

void TstSandboxHttp::acceptsTheBearerSchemeInAnyCase()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    HttpClient anonymous(sandbox.baseUrl());
    for (const char *scheme : {"bearer ", "BEARER ", "Bearer  "}) {
        const HttpResult list = anonymous.get(QStringLiteral("/v1/customers"),
                                              {{QByteArray("Authorization"), QByteArray(scheme) + SandboxFixture::token().toUtf8()}});
        UL_COMPARE_STATUS(list, 200);
    }
    // The token itself is compared exactly.
    UL_COMPARE_STATUS(anonymous.get(QStringLiteral("/v1/customers"),
                                    {{QByteArray("Authorization"), "Bearer " + SandboxFixture::token().toUpper().toUtf8()}}),
                      401);
    // A refused request still echoes its Idempotency-Key.
    const HttpResult refused = anonymous.post(QStringLiteral("/v1/customers"), customerBody(QStringLiteral("A")), key("k-401"));
    UL_COMPARE_STATUS(refused, 401);
    QCOMPARE(refused.header("idempotency-key"), QByteArray("k-401"));
}

void TstSandboxHttp::answersUnknownUrlsWithUrlNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("SDK probe") << QByteArray("GET") << QStringLiteral("/_stainless_unknown_path");
    QTest::newRow("SDK probe under /v1") << QByteArray("POST") << QStringLiteral("/v1/_stainless_unknown_path");
    QTest::newRow("/v1 twice") << QByteArray("GET") << QStringLiteral("/v1/v1/customers");
    QTest::newRow("the root") << QByteArray("GET") << QStringLiteral("/");
    QTest::newRow("wrong method") << QByteArray("GET") << QStringLiteral("/v1/ingest");
    QTest::newRow("DELETE") << QByteArray("DELETE") << QStringLiteral("/v1/customers");
    QTest::newRow("too deep") << QByteArray("PUT") << QStringLiteral("/v1/events/a/b/c");
}

void TstSandboxHttp::answersUnknownUrlsWithUrlNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().send(method, path, QByteArray());
    UL_COMPARE_STATUS(result, 404);
    verifyEnvelope(result, QStringLiteral("404-url-not-found"));
}

void TstSandboxHttp::servesEveryRouteAtV1AndAtTheRoot_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::newRow("/v1") << QStringLiteral("/v1");
    QTest::newRow("root") << QString();
}

void TstSandboxHttp::servesEveryRouteAtV1AndAtTheRoot()
{
    QFETCH(QString, prefix);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    HttpClient &http = sandbox.http();
    const HttpResult created = http.post(prefix + QStringLiteral("/customers"),
                                         QJsonObject{{QStringLiteral("name"), QStringLiteral("A")},
                                                     {QStringLiteral("email"), QStringLiteral("a@example.com")},
                                                     {QStringLiteral("external_customer_id"), QStringLiteral("ext")}});
    UL_COMPARE_STATUS(created, 201);
    const QString id = created.string(u"id");
    UL_COMPARE_STATUS(http.get(prefix + QStringLiteral("/customers")), 200);
    UL_COMPARE_STATUS(http.get(prefix + QStringLiteral("/customers/") + id), 200);
    UL_COMPARE_STATUS(http.get(prefix + QStringLiteral("/customers/external_customer_id/ext")), 200);
    const Timestamp at = sandbox.now() - 1h;
    UL_COMPARE_STATUS(http.post(prefix + QStringLiteral("/ingest"),
                                QJsonObject{{QStringLiteral("events"), QJsonArray{EventJson(u"evt-1", at).forCustomer(id)}}}),
                      200);
    const HttpResult found = http.post(prefix + QStringLiteral("/events/search"),
                                       QJsonObject{{QStringLiteral("event_ids"), QJsonArray{QStringLiteral("evt-1")}}});
    UL_COMPARE_STATUS(found, 200);
    QCOMPARE(ul::test::dataIds(found), QStringList{QStringLiteral("evt-1")});
    UL_COMPARE_STATUS(http.put(prefix + QStringLiteral("/events/evt-1"), EventJson(u"evt-1", at).forCustomer(id).toAmendBody()), 200);
    UL_COMPARE_STATUS(http.get(prefix + QStringLiteral("/events/evt-1/history")), 200);
    UL_COMPARE_STATUS(http.put(prefix + QStringLiteral("/events/evt-1/deprecate"), QByteArray()), 200);
}

void TstSandboxHttp::ignoresTheHeadersTheSdksAdd()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const RawHeaders sdkHeaders{{"User-Agent", "Orb/JS 6.11.0"},          {"X-Stainless-Retry-Count", "0"},
                                {"X-Stainless-Lang", "js"},               {"X-Stainless-Package-Version", "6.11.0"},
                                {"X-Stainless-OS", "Linux"},              {"X-Stainless-Arch", "x64"},
                                {"X-Stainless-Runtime", "node"},          {"X-Stainless-Runtime-Version", "v20.11.0"},
                                {"X-Stainless-Timeout", "60"},            {"Accept", "application/json"}};
    UL_COMPARE_STATUS(sandbox.http().post(QStringLiteral("/v1/customers"), customerBody(QStringLiteral("A")), sdkHeaders), 201);
}

void TstSandboxHttp::idempotencyKeyReplaysTheFirstAnswer()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QByteArray k = "stainless-node-retry-0b7e3c0e-1d2f-4a43-9a53-2f1d0c9e8b7a";
    const HttpResult first = sandbox.createCustomer(customerBody(QStringLiteral("A")), key(k));
    UL_COMPARE_STATUS(first, 201);
    QCOMPARE(first.header("idempotency-key"), k);
    QVERIFY(!first.hasHeader("idempotent-replayed"));

    sandbox.advance(1h);
    const HttpResult replay = sandbox.createCustomer(customerBody(QStringLiteral("A")), key(k));
    UL_COMPARE_STATUS(replay, 201);
    QCOMPARE(replay.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(replay.header("idempotency-key"), k);
    QCOMPARE(replay.header("content-type"), QByteArray("application/json"));
    QCOMPARE(replay.body, first.body);
    QCOMPARE(customerCount(sandbox), 1);

    // A refused request is remembered just the same: the replay says what the first answer said.
    const HttpResult refused = sandbox.createCustomer(QJsonObject{{QStringLiteral("name"), QStringLiteral("B")}}, key("k-refused"));
    UL_COMPARE_STATUS(refused, 400);
    const HttpResult refusedAgain = sandbox.createCustomer(QJsonObject{{QStringLiteral("name"), QStringLiteral("B")}}, key("k-refused"));
    UL_COMPARE_STATUS(refusedAgain, 400);
    QCOMPARE(refusedAgain.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(refusedAgain.body, refused.body);
}

void TstSandboxHttp::idempotencyKeyMatchesTheSameRouteWithOrWithoutV1()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult first = sandbox.http().post(QStringLiteral("/v1/customers"), customerBody(QStringLiteral("A")), key("k-v1"));
    UL_COMPARE_STATUS(first, 201);
    // /customers and /v1/customers are one route: the same request, replayed, not a conflict.
    const HttpResult again = sandbox.http().post(QStringLiteral("/customers"), customerBody(QStringLiteral("A")), key("k-v1"));
    UL_COMPARE_STATUS(again, 201);
    QCOMPARE(again.header("idempotent-replayed"), QByteArray("true"));
    QCOMPARE(customerCount(sandbox), 1);
}

void TstSandboxHttp::idempotencyKeyWithAnotherRequestIsAConflict()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult first = sandbox.createCustomer(customerBody(QStringLiteral("A")), key("k-1"));
    UL_COMPARE_STATUS(first, 201);

    const HttpResult otherBody = sandbox.createCustomer(customerBody(QStringLiteral("B")), key("k-1"));
    UL_COMPARE_STATUS(otherBody, 409);
    verifyEnvelope(otherBody, QStringLiteral("409-resource-conflict"));
    QCOMPARE(otherBody.header("idempotency-key"), QByteArray("k-1"));
    const HttpResult otherPath = sandbox.http().post(QStringLiteral("/v1/events/search"),
                                                     QJsonObject{{QStringLiteral("event_ids"), QJsonArray{QStringLiteral("x")}}}, key("k-1"));
    UL_COMPARE_STATUS(otherPath, 409);
    QCOMPARE(customerCount(sandbox), 1);

    // The conflict changed nothing: the first request still replays.
    const HttpResult replay = sandbox.createCustomer(customerBody(QStringLiteral("A")), key("k-1"));
    UL_COMPARE_STATUS(replay, 201);
    QCOMPARE(replay.body, first.body);
}

void TstSandboxHttp::idempotencyKeyIsAtMost64Characters()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult tooLong = sandbox.createCustomer(customerBody(QStringLiteral("A")), key(QByteArray(65, 'k')));
    UL_COMPARE_STATUS(tooLong, 400);
    QCOMPARE(tooLong.errorType(), QStringLiteral("400-request-validation-errors"));
    QVERIFY(tooLong.array(u"validation_errors").first().toString().startsWith(QStringLiteral("Idempotency-Key")));
    QCOMPARE(customerCount(sandbox), 0);
    UL_COMPARE_STATUS(sandbox.createCustomer(customerBody(QStringLiteral("A")), key(QByteArray(64, 'k'))), 201);
}

void TstSandboxHttp::idempotencyKeyIsIgnoredOnPut()
{
    // PUT is idempotent by design, and the SDKs send a fresh key with it anyway.
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString customer = sandbox.newCustomer();
    const Timestamp at = sandbox.now() - 1h;
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", at).forCustomer(customer)}), 200);

    const HttpResult first = sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forCustomer(customer).withProperty(u"n", 1).toAmendBody(), key("k-put"));
    UL_COMPARE_STATUS(first, 200);
    QCOMPARE(first.header("idempotency-key"), QByteArray("k-put"));
    const HttpResult second = sandbox.amend(QStringLiteral("evt-1"), EventJson(u"evt-1", at).forCustomer(customer).withProperty(u"n", 2).toAmendBody(), key("k-put"));
    UL_COMPARE_STATUS(second, 200);
    QVERIFY(!second.hasHeader("idempotent-replayed"));
    QCOMPARE(sandbox.history(QStringLiteral("evt-1")).array(u"versions").size(), 3);
    QCOMPARE(sandbox.findEvent(QStringLiteral("evt-1"))->value(u"properties").toObject().value(u"n").toInt(), 2);
}

void TstSandboxHttp::idempotencyKeyIsIgnoredOnGet()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult before = sandbox.http().get(QStringLiteral("/v1/customers"), key("k-get"));
    UL_COMPARE_STATUS(before, 200);
    QCOMPARE(before.header("idempotency-key"), QByteArray("k-get"));
    sandbox.newCustomer();
    const HttpResult after = sandbox.http().get(QStringLiteral("/v1/customers"), key("k-get"));
    QVERIFY(!after.hasHeader("idempotent-replayed"));
    QCOMPARE(after.array(u"data").size(), 1);
}

void TstSandboxHttp::idempotencyKeyIsForgottenAfter48Hours()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    UL_COMPARE_STATUS(sandbox.createCustomer(customerBody(QStringLiteral("A")), key("k-old")), 201);
    sandbox.advance(48h - 1s);
    UL_COMPARE_STATUS(sandbox.createCustomer(customerBody(QStringLiteral("B")), key("k-old")), 409);
    sandbox.advance(2s);
    // After 48 h the key may run again, with any request.
    const HttpResult fresh = sandbox.createCustomer(customerBody(QStringLiteral("B")), key("k-old"));
    UL_COMPARE_STATUS(fresh, 201);
    QVERIFY(!fresh.hasHeader("idempotent-replayed"));
    QCOMPARE(customerCount(sandbox), 2);
}

void TstSandboxHttp::refusesABodyOverTheCap()
{
    auto options = SandboxFixture::defaultOptions();
    options.maxBodyBytes = 64 * 1024;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());

    QJsonArray events;
    for (int i = 0; i < 1000; ++i)
        events.append(EventJson(QStringLiteral("evt-%1").arg(i), sandbox.now() - 1min).forExternalCustomer(u"acme"));
    const QByteArray body = ul::test::compactJson(QJsonObject{{QStringLiteral("events"), events}});
    QVERIFY(body.size() > 2 * options.maxBodyBytes);

    const HttpResult result = sandbox.http().post(QStringLiteral("/v1/ingest"), body);
    UL_COMPARE_STATUS(result, 413);
    verifyEnvelope(result, QStringLiteral("413-request-too-large"));
    // Nothing was stored, and the server goes on answering.
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
    QCOMPARE(sandbox.searchIds({QStringLiteral("evt-0")}).array(u"data").size(), 0);
    UL_COMPARE_STATUS(sandbox.http().post(QStringLiteral("/v1/ingest"), body), 413);
    UL_COMPARE_STATUS(sandbox.ingest({events.first()}), 200);
}

void TstSandboxHttp::acceptsABodyJustUnderTheCap()
{
    auto options = SandboxFixture::defaultOptions();
    options.maxBodyBytes = 64 * 1024;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QJsonArray events;
    QByteArray body;
    for (int i = 0;; ++i) {
        QJsonArray more = events;
        more.append(EventJson(QStringLiteral("evt-%1").arg(i), sandbox.now() - 1min).forExternalCustomer(u"acme"));
        const QByteArray candidate = ul::test::compactJson(QJsonObject{{QStringLiteral("events"), more}});
        if (candidate.size() > options.maxBodyBytes)
            break;
        events = more;
        body = candidate;
    }
    QVERIFY(body.size() > options.maxBodyBytes - 200);
    UL_COMPARE_STATUS(sandbox.http().post(QStringLiteral("/v1/ingest"), body), 200);
    QCOMPARE(sandbox.searchIds({QStringLiteral("evt-0")}).array(u"data").size(), 1);
}

void TstSandboxHttp::acceptsAChunkedBodyUnderTheCap()
{
    auto options = SandboxFixture::defaultOptions();
    options.maxBodyBytes = 64 * 1024;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QJsonArray events;
    for (int i = 0; i < 300; ++i)
        events.append(EventJson(QStringLiteral("evt-%1").arg(i), sandbox.now() - 1min).forExternalCustomer(u"acme"));
    const QByteArray body = ul::test::compactJson(QJsonObject{{QStringLiteral("events"), events}});
    QVERIFY(body.size() > 40 * 1024 && body.size() < 60 * 1024);

    QTcpSocket raw;
    QVERIFY(connectRaw(raw, sandbox.baseUrl()));
    raw.write(chunkedHead(QByteArrayLiteral("/v1/ingest")) + chunked(body, 8 * 1024) + "0\r\n\r\n");
    const QByteArray answer = readResponse(raw);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    QCOMPARE(sandbox.searchIds({QStringLiteral("evt-299")}).array(u"data").size(), 1);
}

void TstSandboxHttp::refusesAChunkedBodyOverTheCapAsItArrives()
{
    // Without a Content-Length the size is only known as the body arrives: the sandbox must not
    // wait for all of it (it may never end) before refusing.
    auto options = SandboxFixture::defaultOptions();
    options.maxBodyBytes = 64 * 1024;
    SandboxFixture sandbox(options);
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QTcpSocket raw;
    QVERIFY(connectRaw(raw, sandbox.baseUrl()));
    raw.write(chunkedHead(QByteArrayLiteral("/v1/ingest")) + chunked(QByteArray(200 * 1024, ' '), 16 * 1024)); // and no last chunk
    const QByteArray answer = readResponse(raw);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains("413-request-too-large"));
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
}

void TstSandboxHttp::refusesHeadersOver64KiB()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().get(QStringLiteral("/v1/customers"), {{"X-Padding", QByteArray(70 * 1024, 'p')}});
    UL_COMPARE_STATUS(result, 413);
    verifyEnvelope(result, QStringLiteral("413-request-too-large"));
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
}

void TstSandboxHttp::judgesTheSizeOfHeadersThatArriveInPieces_data()
{
    // A request head sent in two writes, with a round trip in between so the server reads them apart.
    QTest::addColumn<QByteArray>("firstPiece");
    QTest::addColumn<QByteArray>("secondPiece");
    QTest::addColumn<QByteArray>("expectedStatusLine");
    const QByteArray requestLine = "POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SandboxFixture::token().toUtf8() + "\r\n";
    QTest::newRow("Content-Length in the first piece")
        << QByteArray(requestLine + "Content-Length: 999999999\r\n") << QByteArray("Content-Type: application/json\r\n\r\n")
        << QByteArray("HTTP/1.1 413");
    QTest::newRow("headers over 64 KiB in two pieces")
        << QByteArray(requestLine + "X-Padding-1: " + QByteArray(40 * 1024, 'p') + "\r\n")
        << QByteArray("X-Padding-2: " + QByteArray(40 * 1024, 'p') + "\r\nContent-Length: 2\r\n\r\n{}") << QByteArray("HTTP/1.1 413");
}

void TstSandboxHttp::judgesTheSizeOfHeadersThatArriveInPieces()
{
    QFETCH(QByteArray, firstPiece);
    QFETCH(QByteArray, secondPiece);
    QFETCH(QByteArray, expectedStatusLine);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QTcpSocket raw;
    QVERIFY(connectRaw(raw, sandbox.baseUrl()));
    raw.write(firstPiece);
    QVERIFY(raw.waitForBytesWritten(30'000));
    // The server answers requests in order of arrival on its one thread: once this answer is in,
    // it has read the first piece.
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
    raw.write(secondPiece);
    // The answer comes from the head alone: no body is sent.
    const QByteArray answer = readResponse(raw);
    QVERIFY2(answer.startsWith(expectedStatusLine), answer.left(200).constData());
    QVERIFY(answer.contains("413-request-too-large"));
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
}

void TstSandboxHttp::survivesMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QList<QPair<QByteArray, QString>> routes{{"POST", QStringLiteral("/v1/ingest")},
                                                   {"POST", QStringLiteral("/v1/events/search")},
                                                   {"PUT", QStringLiteral("/v1/events/evt-1")},
                                                   {"PUT", QStringLiteral("/v1/events/evt-1/deprecate")},
                                                   {"POST", QStringLiteral("/v1/customers")}};
    const QList<QPair<const char *, QByteArray>> bodies{
        {"garbage", QByteArray("\x01\x02garbage{]")},
        {"invalid UTF-8", QByteArray("{\"events\":[{\"idempotency_key\":\"\xff\xfe\"}]}")},
        {"NUL bytes", QByteArray("{\"name\":\"a\0b\"}", 14)},
        {"null", QByteArray("null")},
        {"a number", QByteArray("1e99999")},
        {"a string", QByteArray("\"events\"")},
        {"nested 5000 deep", QByteArray(5000, '[') + QByteArray(5000, ']')},
        {"wrong types everywhere",
         QByteArray(R"({"events":[{"idempotency_key":[],"event_name":{},"timestamp":true,"properties":[],"customer_id":1}],)"
                    R"("event_ids":{},"timeframe_start":[],"name":[],"email":{},"external_customer_id":false})")},
        {"events of every type", QByteArray(R"({"events":[null,1,"x",[],true,{}]})")},
        {"a huge number", QByteArray(R"({"events":[{"properties":{"n":1e400}}],"event_ids":[1e400]})")},
    };
    for (const auto &[method, path] : routes) {
        for (const auto &[name, body] : bodies)
            QTest::addRow("%s %s, %s", method.constData(), qPrintable(path), name) << method << path << body;
    }
}

void TstSandboxHttp::survivesMalformedBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"evt-1", sandbox.now() - 1h).forExternalCustomer(u"acme")}), 200);

    const HttpResult result = sandbox.http().send(method, path, body);
    UL_COMPARE_STATUS(result, 400);
    verifyEnvelope(result, QStringLiteral("400-request-validation-errors"));
    QVERIFY(!result.array(u"validation_errors").isEmpty());
    // Nothing changed, and the server still answers.
    QCOMPARE(sandbox.history(QStringLiteral("evt-1")).array(u"versions").size(), 1);
    QCOMPARE(customerCount(sandbox), 1);
}

void TstSandboxHttp::survivesBytesThatAreNotHttp_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text") << QByteArray("HELLO SANDBOX\r\n\r\n");
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11); // a TLS ClientHello
    QTest::newRow("bad request line") << QByteArray("GET\r\n\r\n");
    QTest::newRow("negative content length") << QByteArray("POST /v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("content length beyond the body") << QByteArray("POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}");
    QTest::newRow("chunked garbage") << QByteArray("POST /v1/ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TstSandboxHttp::survivesBytesThatAreNotHttp()
{
    QFETCH(QByteArray, bytes);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    QTcpSocket junk;
    QVERIFY(connectRaw(junk, sandbox.baseUrl()));
    junk.write(bytes);
    QVERIFY(junk.waitForBytesWritten(30'000));

    // Whatever the junk connection gets (or waits for), others are served meanwhile and after.
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
    junk.abort();
    UL_COMPARE_STATUS(sandbox.http().get(QStringLiteral("/v1/customers")), 200);
    QTcpSocket raw;
    QVERIFY(connectRaw(raw, sandbox.baseUrl()));
    raw.write("GET /v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SandboxFixture::token().toUtf8() + "\r\n\r\n");
    const QByteArray answer = readResponse(raw);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
}

QTEST_GUILESS_MAIN(TstSandboxHttp)
#include "tst_sandbox_http.moc"
