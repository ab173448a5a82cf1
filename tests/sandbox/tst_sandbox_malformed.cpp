// Bad input (issue 9): 1,000 malformed requests over raw TCP — garbage request lines, bad headers,
// Content-Lengths beyond the 32 MiB limit, truncated bodies, invalid JSON, invalid UTF-8, deeply
// nested JSON, wrong types. Each must get a 4xx in Orb's envelope or a closed connection (never a
// hang, a 2xx or a 5xx); the process's memory must stay within a small bound; and an ordinary
// ingest and search must still work afterwards.
#include "RawHttp.h"
#include "SandboxFixture.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

#include <functional>

using namespace std::chrono_literals;
using ul::test::RawAnswer;
using ul::test::rawExchange;
using ul::test::SandboxFixture;

#ifdef __has_include
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#endif
#endif

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UL_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define UL_ASAN 1
#endif

/// The memory this process (the sandbox runs in it, on its own thread) holds, in KiB: its
/// resident set, or under AddressSanitizer, whose quarantine keeps freed blocks resident, the
/// heap bytes still allocated.
qint64 residentKiB()
{
#ifdef UL_ASAN
    return qint64(__sanitizer_get_current_allocated_bytes() / 1024);
#endif
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Case {
    QByteArray name;
    QByteArray bytes;
    bool halfClose = false; ///< The client stops sending (shutdown) after these bytes.
};

QByteArray auth()
{
    return "Authorization: Bearer " + SandboxFixture::token().toUtf8() + "\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &method = "POST")
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray nested(int depth, const QByteArray &open, const QByteArray &close)
{
    return open.repeated(depth) + close.repeated(depth);
}

/// Case `i` of 1,000: ~40 kinds of malformation, with variants (random bytes from a fixed seed).
Case makeCase(int i, QRandomGenerator &random)
{
    const auto garbage = [&random](int size) {
        QByteArray b(size, '\0');
        for (char &c : b)
            c = char(random.bounded(256));
        return b;
    };
    const QByteArray ingestPath = "/v1/ingest";
    const QByteArray event = R"({"idempotency_key":"k","event_name":"e","timestamp":"2026-01-01T00:00:00Z","customer_id":"c","properties":{}})";
    const std::vector<std::function<Case()>> kinds{
        // Request lines that are not HTTP.
        [&] { return Case{"random bytes", garbage(1 + random.bounded(400)) + "\r\n\r\n"}; },
        [&] { return Case{"random bytes, no end", garbage(1 + random.bounded(2000)), true}; },
        [&] { return Case{"no path", "GET\r\n\r\n"}; },
        [&] { return Case{"words", "HELLO WORLD\r\n\r\n"}; },
        [&] { return Case{"bad version", "GET /v1/customers HTTP/9.9\r\nHost: x\r\n" + auth() + "\r\n"}; },
        [&] { return Case{"nul bytes in the line", QByteArray("GET /v1/cus\0tomers HTTP/1.1\r\n\r\n", 32)}; },
        [&] { return Case{"unknown method", "BREW /v1/customers HTTP/1.1\r\nHost: x\r\n" + auth() + "Connection: close\r\n\r\n"}; },
        [&] { return Case{"space in the path", "GET /v1/cus tomers/x y HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n"}; },
        // Headers.
        [&] { return Case{"header without colon", "GET /v1/customers HTTP/1.1\r\nHost x\r\nBroken header line\r\n\r\n"}; },
        [&] { return Case{"header with control bytes", "GET /v1/customers HTTP/1.1\r\nHost: x\r\nX-A: \x01\x02\x7f\r\n" + auth() + "Connection: close\r\nAuthorization: \x01\r\n\r\n"}; },
        [&] { return Case{"70 KiB header", "GET /v1/customers HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n"}; },
        [&] { return Case{"5000 headers", "GET /v1/customers HTTP/1.1\r\n" + QByteArray("X-H: v\r\n").repeated(5000) + "\r\n"}; },
        [&] { return Case{"invalid UTF-8 token", "GET /v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \xff\xfe\xc3\r\nConnection: close\r\n\r\n"}; },
        [&] { return Case{"no token", "GET /v1/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}; },
        // Sizes.
        [&] { return Case{"Content-Length over 32 MiB", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: " + QByteArray::number(33LL * 1024 * 1024 + random.bounded(1 << 30)) + "\r\n\r\n{"}; },
        [&] { return Case{"Content-Length 10^18", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: 1000000000000000000\r\n\r\n"}; },
        [&] { return Case{"Content-Length beyond 64 bits", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: 99999999999999999999999\r\n\r\n", true}; },
        [&] { return Case{"negative Content-Length", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: -5\r\n\r\n{}", true}; },
        [&] { return Case{"Content-Length not a number", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: lots\r\n\r\n{}", true}; },
        [&] { return Case{"two Content-Lengths", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: 2\r\nContent-Length: 40000000000\r\n\r\n{}", true}; },
        [&] { return Case{"truncated body", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: " + QByteArray::number(500 + random.bounded(1 << 20)) + "\r\n\r\n{\"events\":[", true}; },
        [&] { return Case{"truncated head", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Le", true}; },
        [&] { return Case{"bad chunk size", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", true}; },
        [&] { return Case{"truncated chunks", "POST /v1/ingest HTTP/1.1\r\nHost: x\r\n" + auth() + "Transfer-Encoding: chunked\r\n\r\n400\r\n{\"ev", true}; },
        // Bodies.
        [&] { return Case{"invalid JSON", post(ingestPath, garbage(1 + random.bounded(300)))}; },
        [&] { return Case{"unterminated JSON", post(ingestPath, "{\"events\": [" + event)}; },
        [&] { return Case{"trailing garbage", post("/v1/events/search", R"({"event_ids":["a"]} trailing)")}; },
        [&] { return Case{"empty body", post("/v1/customers", {})}; },
        [&] { return Case{"JSON array body", post("/v1/customers", "[1,2,3]")}; },
        [&] { return Case{"invalid UTF-8 in JSON", post(ingestPath, "{\"events\":[{\"idempotency_key\":\"\xff\xfe\xfd\",\"event_name\":\"\xc3\x28\"}]}")}; },
        [&] { return Case{"overlong UTF-8", post("/v1/customers", "{\"name\":\"\xc0\xaf\",\"email\":\"a@b.c\"}")}; },
        [&] { return Case{"lone surrogate escape", post("/v1/customers", R"({"name":"\ud800","email":"a@b.c"})")}; },
        [&] { return Case{"deeply nested arrays", post(ingestPath, nested(20'000 + random.bounded(80'000), "[", "]"))}; },
        [&] {
            const int depth = 200 + int(random.bounded(2000));
            return Case{"deeply nested properties",
                        post(ingestPath, R"({"events":[{"idempotency_key":"n","event_name":"e","timestamp":"2026-01-01T00:00:00Z",)"
                                         R"("customer_id":"c","properties":)" + nested(depth, "{\"a\":", "") + "1"
                                             + QByteArray("}").repeated(depth) + "}]}")};
        },
        // Wrong types.
        [&] { return Case{"events is a string", post(ingestPath, R"({"events":"all of them"})")}; },
        [&] { return Case{"events of numbers", post(ingestPath, R"({"events":[1,2,3]})")}; },
        [&] { return Case{"timestamp a number", post(ingestPath, R"({"events":[{"idempotency_key":"k","event_name":"e","timestamp":1700000000,"customer_id":"c","properties":{}}]})")}; },
        [&] { return Case{"event_ids a number", post("/v1/events/search", R"({"event_ids":5})")}; },
        [&] { return Case{"customer name an object", post("/v1/customers", R"({"name":{"first":"a"},"email":3})")}; },
        [&] { return Case{"amend with nulls", post("/v1/events/some-id", R"({"event_name":null,"timestamp":[],"properties":"x"})", "PUT")}; },
        [&] { return Case{"limit not a number", "GET /v1/customers?limit=%ff%00abc HTTP/1.1\r\nHost: x\r\n" + auth() + "Connection: close\r\n\r\n"}; },
        [&] { return Case{"invalid UTF-8 in the path", "GET /v1/customers/%ff%fe%c3 HTTP/1.1\r\nHost: x\r\n" + auth() + "Connection: close\r\n\r\n"}; },
        [&] { return Case{"faults script of wrong types", post("/x-sandbox/faults", R"({"faults":[{"status":"503","count":-1}]})")}; },
        [&] { return Case{"annotation with wrong types", post("/api/v2/events/ingest", R"({"eventType":7,"title":[]})")}; },
    };
    return kinds[size_t(i) % kinds.size()]();
}

} // namespace

/// What is wrong with the answer to a malformed request; empty when it is right.
QByteArray judge(const Case &c, const RawAnswer &a)
{
    if (!a.connected)
        return "could not connect";
    if (a.timedOut)
        return "neither answered nor closed";
    if (!a.answered)
        return {}; // closed: fine
    if (a.status < 400 || a.status >= 500)
        return "not a 4xx";
    if (a.header("content-type") != "application/json")
        return "not JSON";
    const QJsonObject body = a.json();
    if (c.name.startsWith("annotation")) // the Dynatrace-style sink answers in Dynatrace's envelope
        return body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toInt() == a.status
            ? QByteArray()
            : QByteArray("not Dynatrace's error envelope");
    if (!body.value(QLatin1StringView("type")).toString().startsWith(QLatin1StringView(ul::OrbErrorType::Prefix))
        || body.value(QLatin1StringView("status")).toInt() != a.status || body.value(QLatin1StringView("title")).toString().isEmpty())
        return "not Orb's error envelope";
    return {};
}

class TstSandboxMalformed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thousandMalformedRequestsAreRefusedWithoutGrowingMemory()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const quint16 port = quint16(sandbox.baseUrl().port());
        QRandomGenerator random(20261123);
        constexpr int Total = 1000;
        constexpr int WarmUp = 100; // the allocator's and Qt's one-time growth happens here
        qint64 baselineKiB = 0;
        QMap<QByteArray, int> outcomes;
        QByteArrayList problems;
        for (int i = 0; i < Total; ++i) {
            if (i == WarmUp)
                baselineKiB = residentKiB();
            const Case c = makeCase(i, random);
            const RawAnswer a = rawExchange(port, c.bytes, 5s, c.halfClose);
            const QByteArray where = "case " + QByteArray::number(i) + " (" + c.name + "): " + a.describe();
            if (const QByteArray problem = judge(c, a); !problem.isEmpty())
                problems << where + ": " + problem;
            ++outcomes[a.answered ? QByteArray::number(a.status) : QByteArray("closed")];
        }
        QVERIFY2(problems.isEmpty(),
                 QByteArray(QByteArray::number(problems.size()) + " wrong answers:\n" + problems.mid(0, 20).join('\n')).constData());
        const qint64 afterKiB = residentKiB();
        QVERIFY(baselineKiB > 0 && afterKiB > 0);
        qInfo("outcomes: %s; RSS %lld KiB after the warm-up, %lld KiB after %d requests",
              [&] {
                  QByteArray text;
                  for (auto it = outcomes.begin(); it != outcomes.end(); ++it)
                      text += it.key() + "×" + QByteArray::number(it.value()) + ' ';
                  return text;
              }().constData(),
              baselineKiB, afterKiB, Total);
        // 900 requests, several of them megabytes of nesting or claims of gigabytes: a little heap
        // noise is fine, keeping what they sent is not.
        QVERIFY2(afterKiB - baselineKiB < 8 * 1024,
                 qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(afterKiB - baselineKiB)));
        QVERIFY(outcomes.value("400") > 0 && outcomes.value("401") > 0 && outcomes.value("413") > 0);

        // Still a working server.
        const QString customer = sandbox.newCustomer(u"cus_after_malformed");
        QVERIFY(!customer.isEmpty());
        QJsonArray events;
        QStringList ids;
        for (int i = 0; i < 10; ++i) {
            ids << QStringLiteral("after-malformed-%1").arg(i);
            events.append(QJsonObject{{QStringLiteral("idempotency_key"), ids.last()},
                                      {QStringLiteral("event_name"), QStringLiteral("api_request")},
                                      {QStringLiteral("timestamp"), (sandbox.now() - 1h).toIso8601()},
                                      {QStringLiteral("customer_id"), customer},
                                      {QStringLiteral("properties"), QJsonObject{{QStringLiteral("n"), i}}}});
        }
        const auto ingested = sandbox.ingest(events);
        UL_COMPARE_STATUS(ingested, 200);
        QCOMPARE(ingested.array(u"validation_failed").size(), 0);
        const auto found = sandbox.searchIds(ids);
        UL_COMPARE_STATUS(found, 200);
        QCOMPARE(found.array(u"data").size(), 10);
        for (const QJsonValue &v : found.array(u"data"))
            QVERIFY(ids.contains(v.toObject().value(QLatin1StringView("id")).toString()));
    }
};

QTEST_GUILESS_MAIN(TstSandboxMalformed)
#include "tst_sandbox_malformed.moc"
