// Random fault injection (`--faults`, /x-sandbox/faults/rates): the specification and its
// errors, rates that hold over thousands of requests with a fixed seed, a change at run time, and
// each kind of fault as a client sees it on the wire (status, Retry-After, dropped connection,
// latency, slow body).
#include "FaultInjector.h"
#include "FaultRates.h"
#include "RawHttp.h"
#include "SandboxFixture.h"
#include "SandboxOptions.h"
#include "store/SandboxStore.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

#include <cmath>

using namespace std::chrono_literals;
using ul::sandbox::FaultInjector;
using ul::sandbox::FaultRates;
using ul::sandbox::formatFaultRates;
using ul::sandbox::parseFaultRates;
using ul::test::RawAnswer;
using ul::test::rawExchange;
using ul::test::rawRequest;
using ul::test::SandboxFixture;

namespace {

QByteArray token()
{
    return SandboxFixture::token().toUtf8();
}

/// Whether `count` of `n` is within four standard deviations of the rate `p`.
bool plausible(qint64 count, qint64 n, double p)
{
    const double mean = double(n) * p;
    const double sd = std::sqrt(double(n) * p * (1 - p));
    return std::abs(double(count) - mean) <= 4 * sd + 1;
}

} // namespace

class TstSandboxFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // ---- the specification ------------------------------------------------------------------

    void readsSpecifications()
    {
        auto rates = parseFaultRates(QStringLiteral(
            "500=0.1, 503=10%,429=0.05:retry-after=3,drop=0.05,drop-after=0.01,latency=5ms-20ms,slow-body=0.02:duration=1.5s,seed=42"));
        QVERIFY2(rates.hasValue(), rates.hasValue() ? "" : qPrintable(rates.error()));
        QCOMPARE(rates->statuses.size(), 3);
        QCOMPARE(rates->statuses[0].status, 500);
        QCOMPARE(rates->statuses[1].rate, 0.1);
        QCOMPARE(rates->statuses[2].retryAfterSeconds, std::optional<int>(3));
        QCOMPARE(rates->statuses[0].retryAfterSeconds, std::nullopt);
        QCOMPARE(rates->drop, 0.05);
        QCOMPARE(rates->dropAfter, 0.01);
        QCOMPARE(rates->slowBody, 0.02);
        QVERIFY(rates->slowBodyDuration == 1500ms);
        QVERIFY(rates->latencyMin == 5ms && rates->latencyMax == 20ms);
        QCOMPARE(rates->seed, std::optional<quint64>(42));
        QVERIFY(std::abs(rates->totalRate() - 0.33) < 1e-9);
        // What it prints reads back as the same rates.
        const QString text = formatFaultRates(*rates);
        QCOMPARE(text, QStringLiteral("500=0.1,503=0.1,429=0.05:retry-after=3,drop=0.05,drop-after=0.01,"
                                      "slow-body=0.02:duration=1500ms,latency=5ms-20ms,seed=42"));
        QCOMPARE(*parseFaultRates(text), *rates);
        // 429 says when to come back even unasked; latency alone is a specification too.
        QCOMPARE(parseFaultRates(QStringLiteral("429=1"))->statuses.first().retryAfterSeconds, std::optional<int>(1));
        QVERIFY(parseFaultRates(QStringLiteral("latency=2s"))->latencyMax == 2s);
        QVERIFY(!parseFaultRates(QStringLiteral("latency=2s"))->isEmpty());
        QVERIFY(parseFaultRates(QStringLiteral("none"))->isEmpty());
        QVERIFY(parseFaultRates(QString())->isEmpty());
        QCOMPARE(formatFaultRates(FaultRates{}), QStringLiteral("none"));
    }

    void rejectsBadSpecificationsWithHumanMessages_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("rate not a number") << QStringLiteral("500=abc") << QStringLiteral("\"500=abc\": the rate must be a probability from 0 to 1 (e.g. 0.05) or a percentage (e.g. 5%)");
        QTest::newRow("rate above 1") << QStringLiteral("503=1.5") << QStringLiteral("\"503=1.5\": the rate must be a probability");
        QTest::newRow("percentage above 100") << QStringLiteral("503=150%") << QStringLiteral("the rate must be a probability");
        QTest::newRow("unknown fault") << QStringLiteral("teapot=0.1") << QStringLiteral("\"teapot=0.1\": unknown fault \"teapot\"; use a status (500, 503, 429, …), drop, drop-after, slow-body, latency or seed");
        QTest::newRow("status out of range") << QStringLiteral("302=0.1") << QStringLiteral("\"302=0.1\": an injected status must be from 400 to 599");
        QTest::newRow("rates over 1") << QStringLiteral("500=0.6,503=0.5") << QStringLiteral("the rates add up to 1.1, more than 1");
        QTest::newRow("no value") << QStringLiteral("drop") << QStringLiteral("\"drop\" is not a fault; write NAME=VALUE, e.g. 503=0.1 or latency=20ms");
        QTest::newRow("unknown parameter") << QStringLiteral("429=0.1:retry=2") << QStringLiteral("\"429=0.1:retry=2\": 429 takes no parameter \"retry\"");
        QTest::newRow("parameter of another fault") << QStringLiteral("drop=0.1:retry-after=1") << QStringLiteral("drop takes no parameter \"retry-after\"");
        QTest::newRow("bad retry-after") << QStringLiteral("429=0.1:retry-after=soon") << QStringLiteral("retry-after wants whole seconds from 0 to 3600");
        QTest::newRow("bad latency") << QStringLiteral("latency=fast") << QStringLiteral("\"latency=fast\": latency wants a time such as 20ms or a range such as 10ms-200ms");
        QTest::newRow("latency range backwards") << QStringLiteral("latency=200ms-10ms") << QStringLiteral("latency wants a time");
        QTest::newRow("bad duration") << QStringLiteral("slow-body=0.1:duration=forever") << QStringLiteral("duration wants a time such as 500ms, 2s or 1m");
        QTest::newRow("bad seed") << QStringLiteral("seed=-3") << QStringLiteral("\"seed=-3\": the seed must be a whole number");
        QTest::newRow("twice") << QStringLiteral("drop=0.1,drop=0.2") << QStringLiteral("\"drop\" is given twice");
        QTest::newRow("empty item") << QStringLiteral("drop=0.1,,503=0.1") << QStringLiteral("\"\" is not a fault");
    }
    void rejectsBadSpecificationsWithHumanMessages()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        const auto rates = parseFaultRates(spec);
        QVERIFY(!rates.hasValue());
        QVERIFY2(rates.error().contains(message), qPrintable(rates.error()));
        // The same on the command line, where it stops the start.
        const auto line = ul::sandbox::parseSandboxCommandLine(
            {QStringLiteral("usagelens-sandbox"), QStringLiteral("--token"), QStringLiteral("t"), QStringLiteral("--faults"), spec});
        QVERIFY(line.exitNow);
        QCOMPARE(line.exitCode, 2);
        QVERIFY2(line.message.startsWith(QStringLiteral("usagelens-sandbox: --faults: ")), qPrintable(line.message));
        QVERIFY2(line.message.contains(message), qPrintable(line.message));
    }

    void commandLineTakesFaults()
    {
        const auto line = ul::sandbox::parseSandboxCommandLine({QStringLiteral("usagelens-sandbox"), QStringLiteral("--token"),
                                                                QStringLiteral("t"), QStringLiteral("--faults"),
                                                                QStringLiteral("503=0.2,latency=10ms,seed=7")});
        QVERIFY2(!line.exitNow, qPrintable(line.message));
        QCOMPARE(line.options.faults, *parseFaultRates(QStringLiteral("503=0.2,latency=10ms,seed=7")));
        const auto none = ul::sandbox::parseSandboxCommandLine({QStringLiteral("usagelens-sandbox"), QStringLiteral("--token"), QStringLiteral("t")});
        QVERIFY(none.options.faults.isEmpty());
    }

    // ---- the generator ----------------------------------------------------------------------

    void ratesHoldOverManyDrawsAndRepeatWithTheSeed()
    {
        FaultInjector a, b;
        const FaultRates rates = *parseFaultRates(QStringLiteral("500=0.1,503=0.1,429=0.05,drop=0.05,drop-after=0.03,slow-body=0.02,seed=99"));
        a.setRates(rates);
        b.setRates(rates);
        ul::sandbox::HttpRequest request;
        request.method = "GET";
        request.segments = QStringList{QStringLiteral("customers")};
        QMap<QString, qint64> counts;
        constexpr int N = 100'000;
        for (int i = 0; i < N; ++i) {
            const FaultInjector::Roll ra = a.roll(request);
            const FaultInjector::Roll rb = b.roll(request);
            QCOMPARE(int(ra.action), int(rb.action)); // the same seed, the same faults
            QString key = QString::number(int(ra.action));
            if (ra.action == FaultInjector::Roll::Action::Status)
                key = QString::number(ra.answer->status);
            ++counts[key];
        }
        QVERIFY(plausible(counts.value(QStringLiteral("500")), N, 0.1));
        QVERIFY(plausible(counts.value(QStringLiteral("503")), N, 0.1));
        QVERIFY(plausible(counts.value(QStringLiteral("429")), N, 0.05));
        QVERIFY(plausible(counts.value(QString::number(int(FaultInjector::Roll::Action::Drop))), N, 0.05));
        QVERIFY(plausible(counts.value(QString::number(int(FaultInjector::Roll::Action::DropAfter))), N, 0.03));
        QVERIFY(plausible(counts.value(QString::number(int(FaultInjector::Roll::Action::SlowBody))), N, 0.02));
        QVERIFY(plausible(counts.value(QString::number(int(FaultInjector::Roll::Action::None))), N, 0.65));
        // The controls are never faulted.
        request.segments = QStringList{QStringLiteral("x-sandbox"), QStringLiteral("faults")};
        for (int i = 0; i < 100; ++i)
            QVERIFY(a.roll(request).action == FaultInjector::Roll::Action::None);
    }

    // ---- over HTTP --------------------------------------------------------------------------

    void ratesHoldOverHttpWithAFixedSeed()
    {
        SandboxFixture sandbox(withFaults(QStringLiteral("500=0.1,503=0.1,429=0.05:retry-after=2,drop=0.05,seed=20261123")));
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const quint16 port = quint16(sandbox.baseUrl().port());
        constexpr int N = 2000;
        QMap<QString, qint64> seen;
        QStringList sequence;
        for (int i = 0; i < N; ++i) {
            const RawAnswer a = rawExchange(port, rawRequest("GET", "/v1/customers?limit=1", token()));
            QVERIFY2(a.answered || a.closed, a.describe().constData());
            const QString outcome = a.answered ? QString::number(a.status) : QStringLiteral("drop");
            ++seen[outcome];
            sequence << outcome;
            if (a.status == 429)
                QCOMPARE(a.header("retry-after"), QByteArray("2"));
            if (a.status == 200)
                QVERIFY(a.json().contains(QLatin1StringView("data")));
        }
        QVERIFY2(plausible(seen.value(QStringLiteral("500")), N, 0.1), qPrintable(QString::number(seen.value(QStringLiteral("500")))));
        QVERIFY(plausible(seen.value(QStringLiteral("503")), N, 0.1));
        QVERIFY(plausible(seen.value(QStringLiteral("429")), N, 0.05));
        QVERIFY(plausible(seen.value(QStringLiteral("drop")), N, 0.05));
        QVERIFY(plausible(seen.value(QStringLiteral("200")), N, 0.7));
        QCOMPARE(seen.size(), 5);
        // The server counted exactly what the client saw.
        const QJsonObject state = sandbox.http().get(QStringLiteral("/x-sandbox/faults/rates")).json;
        const QJsonObject counts = state.value(QLatin1StringView("counts")).toObject();
        QCOMPARE(counts.value(QLatin1StringView("requests")).toInteger(), qint64(N));
        for (const QString &kind : {QStringLiteral("500"), QStringLiteral("503"), QStringLiteral("429"), QStringLiteral("drop")})
            QCOMPARE(counts.value(kind).toInteger(), seen.value(kind));
        QCOMPARE(state.value(QLatin1StringView("seed")).toString(), QStringLiteral("20261123"));

        // The same seed again (set at run time) gives the same sequence.
        putRates(sandbox, QStringLiteral("500=0.1,503=0.1,429=0.05:retry-after=2,drop=0.05,seed=20261123"));
        for (int i = 0; i < 200; ++i) {
            const RawAnswer a = rawExchange(port, rawRequest("GET", "/v1/customers?limit=1", token()));
            QCOMPARE(a.answered ? QString::number(a.status) : QStringLiteral("drop"), sequence[i]);
        }
    }

    void ratesChangeAtRunTime()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        auto &http = sandbox.http();
        UL_COMPARE_STATUS(http.get(QStringLiteral("/v1/customers")), 200);
        QCOMPARE(http.get(QStringLiteral("/x-sandbox/faults/rates")).string(u"spec"), QStringLiteral("none"));

        const auto put = putRates(sandbox, QStringLiteral("503=100%"));
        UL_COMPARE_STATUS(put, 200);
        QCOMPARE(put.string(u"spec"), QStringLiteral("503=1"));
        for (int i = 0; i < 20; ++i) {
            const auto r = http.get(QStringLiteral("/v1/customers"));
            UL_COMPARE_STATUS(r, 503);
            QCOMPARE(r.errorType(), QStringLiteral("500-internal-server-error"));
            QCOMPARE(r.header("transient-error"), QByteArray("true"));
        }
        // The controls still answer; the counts say what happened.
        const auto state = http.get(QStringLiteral("/x-sandbox/faults/rates"));
        UL_COMPARE_STATUS(state, 200);
        QCOMPARE(state.object(u"counts").value(QLatin1StringView("503")).toInteger(), 20);

        // A bad specification is a 400 in Orb's envelope and changes nothing.
        const auto bad = putRates(sandbox, QStringLiteral("503=2"));
        UL_COMPARE_STATUS(bad, 400);
        QCOMPARE(bad.errorType(), QStringLiteral("400-request-validation-errors"));
        QVERIFY2(bad.body.contains("the rate must be a probability"), bad.body.constData());
        UL_COMPARE_STATUS(http.put(QStringLiteral("/x-sandbox/faults/rates"), QJsonObject{{QStringLiteral("rates"), 1}}), 400);
        UL_COMPARE_STATUS(http.get(QStringLiteral("/v1/customers")), 503);

        UL_COMPARE_STATUS(http.send("DELETE", QStringLiteral("/x-sandbox/faults/rates"), {}), 200);
        UL_COMPARE_STATUS(http.get(QStringLiteral("/v1/customers")), 200);
        // Scripted faults come first.
        putRates(sandbox, QStringLiteral("503=1"));
        UL_COMPARE_STATUS(http.post(QStringLiteral("/x-sandbox/faults"),
                                    QJsonObject{{QStringLiteral("faults"), QJsonArray{QJsonObject{{QStringLiteral("status"), 500}}}}}),
                          200);
        UL_COMPARE_STATUS(http.get(QStringLiteral("/v1/customers")), 500);
        UL_COMPARE_STATUS(http.get(QStringLiteral("/v1/customers")), 503);
    }

    void dropClosesTheConnectionBeforeOrAfterTheWork()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const quint16 port = quint16(sandbox.baseUrl().port());
        const QString customer = sandbox.newCustomer(u"cus_drop");
        const auto ingestBody = [&](const QString &id) {
            return QJsonDocument(QJsonObject{{QStringLiteral("events"),
                                              QJsonArray{QJsonObject{{QStringLiteral("idempotency_key"), id},
                                                                     {QStringLiteral("event_name"), QStringLiteral("api_request")},
                                                                     {QStringLiteral("timestamp"), sandbox.now().toIso8601()},
                                                                     {QStringLiteral("customer_id"), customer},
                                                                     {QStringLiteral("properties"), QJsonObject()}}}}})
                .toJson(QJsonDocument::Compact);
        };
        putRates(sandbox, QStringLiteral("drop=1"));
        RawAnswer a = rawExchange(port, rawRequest("POST", "/v1/ingest", token(), ingestBody(QStringLiteral("dropped-before"))));
        QVERIFY2(a.closed && !a.answered, a.describe().constData());
        QCOMPARE(a.firstByteMs, -1); // not one byte of an answer
        putRates(sandbox, QStringLiteral("drop-after=1"));
        a = rawExchange(port, rawRequest("POST", "/v1/ingest", token(), ingestBody(QStringLiteral("dropped-after"))));
        QVERIFY2(a.closed && !a.answered, a.describe().constData());
        QCOMPARE(a.firstByteMs, -1);
        UL_COMPARE_STATUS(sandbox.http().send("DELETE", QStringLiteral("/x-sandbox/faults/rates"), {}), 200);
        QVERIFY(!sandbox.findEvent(QStringLiteral("dropped-before")).has_value()); // never happened
        QVERIFY(sandbox.findEvent(QStringLiteral("dropped-after")).has_value());   // happened, answer lost
        // A client library sees a network error, not an answer.
        putRates(sandbox, QStringLiteral("drop=1"));
        const auto viaClient = sandbox.http().get(QStringLiteral("/v1/customers"));
        QCOMPARE(viaClient.status, 0);
        QVERIFY(!viaClient.networkError.isEmpty());
    }

    void tooManyRequestsCarriesRetryAfter()
    {
        SandboxFixture sandbox(withFaults(QStringLiteral("429=1")));
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        auto r = sandbox.http().get(QStringLiteral("/v1/customers"));
        UL_COMPARE_STATUS(r, 429);
        QCOMPARE(r.header("retry-after"), QByteArray("1"));
        QCOMPARE(r.errorType(), QStringLiteral("429-too-many-requests"));
        putRates(sandbox, QStringLiteral("429=1:retry-after=7"));
        r = sandbox.http().post(QStringLiteral("/v1/events/search"), QJsonObject{{QStringLiteral("event_ids"), QJsonArray{QStringLiteral("x")}}});
        UL_COMPARE_STATUS(r, 429);
        QCOMPARE(r.header("retry-after"), QByteArray("7"));
        QCOMPARE(r.json.value(QLatin1StringView("status")).toInt(), 429);
    }

    void latencyAndSlowBodiesDelayTheAnswer()
    {
        SandboxFixture sandbox(withFaults(QStringLiteral("latency=300ms")));
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const quint16 port = quint16(sandbox.baseUrl().port());
        RawAnswer a = rawExchange(port, rawRequest("GET", "/v1/customers", token()));
        QVERIFY2(a.answered && a.status == 200, a.describe().constData());
        QVERIFY2(a.firstByteMs >= 290, QByteArray::number(a.firstByteMs).constData());
        QVERIFY(a.json().contains(QLatin1StringView("data")));

        putRates(sandbox, QStringLiteral("slow-body=1:duration=800ms"));
        for (int i = 0; i < 5; ++i)
            sandbox.newCustomer(QStringLiteral("cus_slow_%1").arg(i));
        a = rawExchange(port, rawRequest("GET", "/v1/customers", token()));
        QVERIFY2(a.answered && a.status == 200, a.describe().constData());
        QVERIFY2(a.firstByteMs < a.doneMs - 300, QByteArray::number(a.firstByteMs).constData()); // the head first
        QVERIFY2(a.doneMs >= 700, QByteArray::number(a.doneMs).constData());          // the body trickles
        QCOMPARE(a.json().value(QLatin1StringView("data")).toArray().size(), 5);      // and is whole
        // A client with a short timeout gives up on it.
        a = rawExchange(port, rawRequest("GET", "/v1/customers", token()), 300ms);
        QVERIFY(a.timedOut);
    }

private:
    static ul::sandbox::SandboxOptions withFaults(const QString &spec)
    {
        ul::sandbox::SandboxOptions options = SandboxFixture::defaultOptions();
        options.faults = *parseFaultRates(spec);
        return options;
    }
    static ul::test::HttpResult putRates(SandboxFixture &sandbox, const QString &spec)
    {
        return sandbox.http().put(QStringLiteral("/x-sandbox/faults/rates"), QJsonObject{{QStringLiteral("spec"), spec}});
    }
};

QTEST_GUILESS_MAIN(TstSandboxFaults)
#include "tst_sandbox_faults.moc"
