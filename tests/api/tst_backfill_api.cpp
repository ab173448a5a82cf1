// BackfillApi against a real sandbox: every call, its pages and its errors, and the
// Idempotency-Key that makes a repeated create or close safe.
#include "SandboxFixture.h"

#include "api/BackfillApi.h"
#include "json/BackfillCodec.h"
#include "validation/BackfillRules.h"

#include <QtTest/QTest>

#include <optional>

using namespace std::chrono_literals;
using ul::Backfill;
using ul::BackfillApi;
using ul::BackfillStatus;
using ul::RequestError;
using ul::Timestamp;

namespace {

template <class T>
class Await {
public:
    std::function<void(ul::Expected<T, RequestError>)> callback()
    {
        return [this](ul::Expected<T, RequestError> r) { m_result.emplace(std::move(r)); };
    }
    bool wait() { return QTest::qWaitFor([this] { return m_result.has_value(); }, 30'000); }
    ul::Expected<T, RequestError> &result() { return *m_result; }

private:
    std::optional<ul::Expected<T, RequestError>> m_result;
};

template <class T>
QByteArray why(const ul::Expected<T, RequestError> &result)
{
    return result.hasValue() ? QByteArray() : result.error().humanMessage().toUtf8();
}

ul::Event usageEvent(const QString &id, const QString &customerId, Timestamp when)
{
    ul::Event e;
    e.id = id;
    e.eventName = QStringLiteral("api_request");
    e.customerId = customerId;
    e.timestamp = when;
    e.properties = {{QStringLiteral("ms"), qint64(120)}};
    return e;
}

} // namespace

class TstBackfillApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createFetchCloseRevert();
    void listPagesNewestFirst();
    void volumeCountsAndPages();
    void errorsComeBackAsApiErrors();
    void repeatedCreateWithOneKeyCreatesOnce();
    void codecRoundTrips();
    void withoutAClientEveryCallFails();

private:
    template <class T, class Call>
    ul::Expected<T, RequestError> run(Call call)
    {
        Await<T> await;
        call(await.callback());
        if (!await.wait())
            return ul::Unexpected{RequestError{RequestError::Kind::Timeout, std::nullopt, QStringLiteral("no answer"), 1, {}}};
        return std::move(await.result());
    }
    Backfill create(const ul::NewBackfill &b, const QString &key = {})
    {
        auto created = run<Backfill>([&](auto done) { m_api.createBackfill(b, this, done, key); });
        if (!created) {
            qWarning().noquote() << "create failed:" << why(created);
            return {};
        }
        return *created;
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<ul::OrbClient> m_client;
    BackfillApi m_api;
    QString m_customer;
};

void TstBackfillApi::init()
{
    auto options = ul::test::SandboxFixture::defaultOptions();
    options.rules.gracePeriod = std::chrono::days(30);
    m_sandbox = std::make_unique<ul::test::SandboxFixture>(options);
    QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
    ul::ClientSettings settings;
    QUrl base = m_sandbox->baseUrl();
    base.setPath(QStringLiteral("/v1"));
    settings.baseUrl = base;
    settings.retry.initialDelay = 10ms;
    m_client = std::make_unique<ul::OrbClient>(settings);
    m_client->setToken(ul::test::SandboxFixture::token());
    m_api = BackfillApi(m_client.get());
    m_customer = m_sandbox->newCustomer(u"cus_backfill");
    QVERIFY(!m_customer.isEmpty());
}

void TstBackfillApi::cleanup()
{
    m_api = BackfillApi();
    m_client.reset();
    m_sandbox.reset();
}

void TstBackfillApi::createFetchCloseRevert()
{
    const Timestamp start = (m_sandbox->now() - std::chrono::days(10)).floorToHour();
    // An existing event the backfill will replace.
    auto existing = run<ul::IngestResult>([&](auto done) {
        m_client->ingest({usageEvent(QStringLiteral("old"), m_customer, start + 1h)}, {}, this, done);
    });
    QVERIFY2(existing.hasValue(), why(existing).constData());

    ul::NewBackfill asked;
    asked.timeframeStart = start;
    asked.timeframeEnd = start + 24h;
    asked.externalCustomerId = QStringLiteral("cus_backfill");
    asked.deprecationFilter = QStringLiteral("ms > 100");
    const Backfill created = create(asked);
    QVERIFY(!created.id.isEmpty());
    QCOMPARE(created.status, BackfillStatus::Pending);
    QCOMPARE(created.customerId, std::optional(m_customer));
    QCOMPARE(created.timeframeStart, start);
    QCOMPARE(created.timeframeEnd, start + 24h);
    QCOMPARE(created.closeTime, std::optional(m_sandbox->now() + std::chrono::days(1)));
    QCOMPARE(created.deprecationFilter, std::optional(QStringLiteral("ms > 100")));
    QVERIFY(created.replaceExistingEvents);
    QVERIFY(!created.revertedAt);

    ul::IngestOptions into;
    into.backfillId = created.id;
    auto ingested = run<ul::IngestResult>([&](auto done) {
        m_client->ingest({usageEvent(QStringLiteral("new-1"), m_customer, start + 2h), usageEvent(QStringLiteral("new-2"), m_customer, start + 3h)},
                         into, this, done);
    });
    QVERIFY2(ingested.hasValue(), why(ingested).constData());

    auto fetched = run<Backfill>([&](auto done) { m_api.fetchBackfill(created.id, this, done); });
    QVERIFY2(fetched.hasValue(), why(fetched).constData());
    QCOMPARE(fetched->eventsIngested, 2);
    Backfill expected = created;
    expected.eventsIngested = 2;
    QCOMPARE(*fetched, expected);

    m_sandbox->advance(1min);
    auto closed = run<Backfill>([&](auto done) { m_api.closeBackfill(created.id, this, done); });
    QVERIFY2(closed.hasValue(), why(closed).constData());
    QCOMPARE(closed->status, BackfillStatus::Reflected);
    QCOMPARE(closed->closeTime, std::optional(m_sandbox->now()));
    QVERIFY(m_sandbox->findEvent(QStringLiteral("old"))->value(u"deprecated").toBool()); // replaced

    auto reverted = run<Backfill>([&](auto done) { m_api.revertBackfill(created.id, this, done); });
    QVERIFY2(reverted.hasValue(), why(reverted).constData());
    QCOMPARE(reverted->status, BackfillStatus::PendingRevert);
    QCOMPARE(reverted->revertedAt, std::optional(m_sandbox->now()));
    m_sandbox->advance(1s);
    auto done = run<Backfill>([&](auto cb) { m_api.fetchBackfill(created.id, this, cb); });
    QVERIFY2(done.hasValue(), why(done).constData());
    QCOMPARE(done->status, BackfillStatus::Reverted);
    QVERIFY(!m_sandbox->findEvent(QStringLiteral("old"))->value(u"deprecated").toBool());
}

void TstBackfillApi::listPagesNewestFirst()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ul::NewBackfill b;
        b.timeframeStart = (m_sandbox->now() - std::chrono::days(20 - 2 * i)).floorToHour();
        b.timeframeEnd = b.timeframeStart + 24h;
        ids.prepend(create(b).id);
    }
    QStringList seen;
    std::optional<QString> cursor;
    int pages = 0;
    do {
        auto page = run<ul::Page<Backfill>>([&](auto done) { m_api.listBackfills(2, cursor, this, done); });
        QVERIFY2(page.hasValue(), why(page).constData());
        for (const Backfill &b : page->items)
            seen << b.id;
        cursor = page->nextCursor;
        ++pages;
    } while (cursor && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, ids);
}

void TstBackfillApi::volumeCountsAndPages()
{
    const Timestamp base = (m_sandbox->now() - 30h).floorToHour();
    QList<ul::Event> events;
    for (int h = 0; h < 25; ++h)
        events << usageEvent(QStringLiteral("v-%1").arg(h), m_customer, base + std::chrono::hours(h) + 10min);
    events << usageEvent(QStringLiteral("v-extra"), m_customer, base + 20min);
    auto ingested = run<ul::IngestResult>([&](auto done) { m_client->ingest(events, {}, this, done); });
    QVERIFY2(ingested.hasValue(), why(ingested).constData());

    ul::VolumeQuery query;
    query.timeframeStart = base + 5min; // the whole first hour is included
    query.timeframeEnd = base + 25h;
    query.limit = 10;
    QList<qint64> counts;
    QList<Timestamp> starts;
    int pages = 0;
    do {
        auto page = run<ul::Page<ul::VolumeBucket>>([&](auto done) { m_api.eventVolume(query, this, done); });
        QVERIFY2(page.hasValue(), why(page).constData());
        for (const ul::VolumeBucket &b : page->items) {
            counts << b.count;
            starts << b.timeframeStart;
            QCOMPARE(b.timeframeEnd, b.timeframeStart + 1h);
        }
        query.cursor = page->nextCursor;
        ++pages;
    } while (query.cursor && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(counts.size(), 25);
    QCOMPARE(counts.first(), 2);
    QCOMPARE(counts.mid(1), QList<qint64>(24, 1));
    QCOMPARE(starts.first(), base);
    QCOMPARE(starts.last(), base + 24h);
}

void TstBackfillApi::errorsComeBackAsApiErrors()
{
    auto missing = run<Backfill>([&](auto done) { m_api.fetchBackfill(QStringLiteral("no/such backfill"), this, done); });
    QVERIFY(!missing.hasValue());
    QCOMPARE(missing.error().kind, RequestError::Kind::Http);
    QCOMPARE(missing.error().httpStatus(), 404);
    QCOMPARE(missing.error().api->typeSuffix(), QStringLiteral("404-resource-not-found"));

    ul::NewBackfill tooLong;
    tooLong.timeframeStart = m_sandbox->now() - std::chrono::days(40);
    tooLong.timeframeEnd = m_sandbox->now();
    auto refused = run<Backfill>([&](auto done) { m_api.createBackfill(tooLong, this, done); });
    QVERIFY(!refused.hasValue());
    QCOMPARE(refused.error().httpStatus(), 400);
    QVERIFY(refused.error().api->validationErrors.first().toString().contains(QStringLiteral("31 days")));
    // The same rule, checked locally before anything is sent.
    QCOMPARE(ul::checkNewBackfill(tooLong, m_sandbox->now()).size(), 1);

    ul::VolumeQuery backwards;
    backwards.timeframeStart = m_sandbox->now();
    backwards.timeframeEnd = m_sandbox->now() - 1h;
    auto volume = run<ul::Page<ul::VolumeBucket>>([&](auto done) { m_api.eventVolume(backwards, this, done); });
    QVERIFY(!volume.hasValue());
    QCOMPARE(volume.error().httpStatus(), 400);
}

void TstBackfillApi::repeatedCreateWithOneKeyCreatesOnce()
{
    ul::NewBackfill b;
    b.timeframeStart = (m_sandbox->now() - std::chrono::days(3)).floorToHour();
    b.timeframeEnd = b.timeframeStart + 24h;
    const QString key = ul::OrbClient::newIdempotencyKey();
    const Backfill first = create(b, key);
    const Backfill again = create(b, key); // a retry after a lost answer
    QVERIFY(!first.id.isEmpty());
    QCOMPARE(again.id, first.id);
    auto page = run<ul::Page<Backfill>>([&](auto done) { m_api.listBackfills(20, std::nullopt, this, done); });
    QVERIFY2(page.hasValue(), why(page).constData());
    QCOMPARE(page->items.size(), 1);
    // Without a key each create is its own request: the second one overlaps the first.
    auto other = run<Backfill>([&](auto done) { m_api.createBackfill(b, this, done); });
    QVERIFY(!other.hasValue());
    QCOMPARE(other.error().api->typeSuffix(), QStringLiteral("400-constraint-violation"));
    // The requests as the outbox queues them: a POST, the id encoded as one path segment.
    QCOMPARE(BackfillApi::closeRequest(QStringLiteral("a/b")).path, QStringLiteral("events/backfills/a%2Fb/close"));
    // Sent without a key of its own, a close still carries one (the sandbox echoes it).
    auto raw = run<ul::RawResponse>([&](auto done) { m_client->send(BackfillApi::closeRequest(first.id), this, done); });
    QVERIFY2(raw.hasValue(), why(raw).constData());
    QVERIFY(raw->idempotencyKey.startsWith(QStringLiteral("usagelens-")));
    QCOMPARE(raw->header("Idempotency-Key"), raw->idempotencyKey.toUtf8());
    QCOMPARE(ul::json::decodeBackfill(raw->body)->status, BackfillStatus::Reflected);
}

void TstBackfillApi::codecRoundTrips()
{
    Backfill b;
    b.id = QStringLiteral("bf_1");
    b.status = BackfillStatus::PendingRevert;
    b.createdAt = Timestamp::fromMsecs(1'714'521'600'000);
    b.timeframeStart = b.createdAt - std::chrono::days(2);
    b.timeframeEnd = b.createdAt - std::chrono::days(1);
    b.closeTime = b.createdAt + 1h;
    b.revertedAt = b.createdAt + 2h;
    b.customerId = QStringLiteral("cus_1");
    b.eventsIngested = 42;
    b.replaceExistingEvents = false;
    b.deprecationFilter = QStringLiteral("region = 'eu'");
    auto decoded = ul::json::decodeBackfill(ul::json::encodeBackfill(b));
    QVERIFY2(decoded.hasValue(), qPrintable(decoded.hasValue() ? QString() : decoded.error()));
    QCOMPARE(*decoded, b);
    QVERIFY(!ul::json::decodeBackfill(QByteArrayLiteral(R"({"id":"x","status":"closing"})")).hasValue());

    ul::NewBackfill n;
    n.timeframeStart = b.timeframeStart;
    n.timeframeEnd = b.timeframeEnd;
    n.externalCustomerId = QStringLiteral("ext");
    n.deprecationFilter = QStringLiteral("ms > 1");
    auto parsed = ul::json::decodeNewBackfill(ul::json::encodeNewBackfill(n));
    QVERIFY(parsed.hasValue());
    QVERIFY(parsed->problems.isEmpty());
    QCOMPARE(parsed->backfill, n);
    for (BackfillStatus s : {BackfillStatus::Pending, BackfillStatus::Reflected, BackfillStatus::PendingRevert, BackfillStatus::Reverted})
        QCOMPARE(ul::backfillStatusFromName(ul::backfillStatusName(s)), std::optional(s));
}

void TstBackfillApi::withoutAClientEveryCallFails()
{
    const BackfillApi none;
    auto fetched = run<Backfill>([&](auto done) { none.fetchBackfill(QStringLiteral("x"), this, done); });
    QVERIFY(!fetched.hasValue());
    QCOMPARE(fetched.error().kind, RequestError::Kind::Network);
}

QTEST_MAIN(TstBackfillApi)
#include "tst_backfill_api.moc"
