// GET /events/volume over HTTP (Orb contract §2.5): hourly UTC buckets by event timestamp, and
// which events count: not deprecated, amended ones once, backfill events only while their
// backfill is reflected, and not the events a reflected backfill replaced.
#include "BackfillTestSupport.h"

#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;
using ul::test::EventJson;
using ul::test::HttpResult;
using ul::test::SandboxFixture;
using ul::test::longMemoryOptions;
using ul::test::volume;
using ul::test::volumeCounts;

class TstSandboxVolume : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bucketsAreUtcHoursByEventTimestamp();
    void boundsIncludeTheHoursTheyFallIn();
    void endDefaultsToNow();
    void offsetsAreConvertedToUtc();
    void rejectsInvalidQueries_data();
    void rejectsInvalidQueries();
    void pagesWithACursor();
    void deprecatedEventsDoNotCount();
    void amendedEventsCountOnce();
    void backfillEventsCountOnlyWhileReflected();
    void replacedEventsDoNotCountUntilTheRevert();
    void deprecationFilterDecidesWhichEventsStopCounting();
    void scopedBackfillReplacesOnlyItsCustomer();
    void duplicatesCountOnce();
};

namespace {

Timestamp hoursAgo(SandboxFixture &sandbox, int hours)
{
    return ul::test::hourStartBefore(sandbox, std::chrono::hours(hours));
}

/// Counts of `hours` buckets from `start` (one page).
QList<qint64> countsFrom(SandboxFixture &sandbox, Timestamp start, int hours)
{
    const HttpResult result = volume(sandbox, {{QStringLiteral("timeframe_start"), start.toIso8601()},
                                               {QStringLiteral("timeframe_end"), (start + std::chrono::hours(hours)).toIso8601()},
                                               {QStringLiteral("limit"), QStringLiteral("100")}});
    if (result.status != 200)
        qWarning().noquote() << "volume failed:" << result.describe();
    return volumeCounts(result);
}

qint64 countAt(SandboxFixture &sandbox, Timestamp hour)
{
    const QList<qint64> counts = countsFrom(sandbox, hour, 1);
    return counts.size() == 1 ? counts.first() : -1;
}

} // namespace

void TstSandboxVolume::bucketsAreUtcHoursByEventTimestamp()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp base = hoursAgo(sandbox, 6);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"a", base).forExternalCustomer(u"acme"),
                                      EventJson(u"b", base + 59min + 59s + 999ms).forExternalCustomer(u"acme"),
                                      EventJson(u"c", base + 1h).forExternalCustomer(u"acme"),
                                      EventJson(u"d", base + 3h + 30min).forExternalCustomer(u"globex")}),
                      200);
    sandbox.advance(5h); // late arrivals count in their own hour, not the hour they arrived in
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"late", base + 2h + 1min).forExternalCustomer(u"acme")}), 200);
    const HttpResult result = volume(sandbox, {{QStringLiteral("timeframe_start"), base.toIso8601()},
                                               {QStringLiteral("timeframe_end"), (base + 5h).toIso8601()}});
    UL_COMPARE_STATUS(result, 200);
    QCOMPARE(volumeCounts(result), (QList<qint64>{2, 1, 1, 1, 0})); // ascending, empty hours listed
    const QJsonArray data = result.array(u"data");
    for (int i = 0; i < data.size(); ++i) {
        const QJsonObject bucket = data[i].toObject();
        QCOMPARE(bucket.value(u"timeframe_start").toString(), (base + std::chrono::hours(i)).toIso8601());
        QCOMPARE(bucket.value(u"timeframe_end").toString(), (base + std::chrono::hours(i + 1)).toIso8601());
    }
    const QJsonObject meta = result.object(u"pagination_metadata");
    QCOMPARE(meta.value(u"has_more").toBool(), false);
    QVERIFY(meta.value(u"next_cursor").isNull());
}

void TstSandboxVolume::boundsIncludeTheHoursTheyFallIn()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp base = hoursAgo(sandbox, 6);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"a", base + 5min).forExternalCustomer(u"acme"),
                                      EventJson(u"b", base + 2h + 50min).forExternalCustomer(u"acme")}),
                      200);
    auto starts = [](const HttpResult &r) {
        QStringList s;
        for (const QJsonValue &b : r.array(u"data"))
            s << b.toObject().value(u"timeframe_start").toString();
        return s;
    };
    // Not hour-aligned: the hours containing both bounds are included.
    const HttpResult ragged = volume(sandbox, {{QStringLiteral("timeframe_start"), (base + 30min).toIso8601()},
                                               {QStringLiteral("timeframe_end"), (base + 2h + 10min).toIso8601()}});
    UL_COMPARE_STATUS(ragged, 200);
    QCOMPARE(starts(ragged), (QStringList{base.toIso8601(), (base + 1h).toIso8601(), (base + 2h).toIso8601()}));
    QCOMPARE(volumeCounts(ragged), (QList<qint64>{1, 0, 1})); // whole hours are counted
    // Hour-aligned: the end is exclusive.
    const HttpResult aligned = volume(sandbox, {{QStringLiteral("timeframe_start"), base.toIso8601()},
                                                {QStringLiteral("timeframe_end"), (base + 2h).toIso8601()}});
    QCOMPARE(starts(aligned), (QStringList{base.toIso8601(), (base + 1h).toIso8601()}));
}

void TstSandboxVolume::endDefaultsToNow()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.setNow(sandbox.now().floorToHour() + 20min);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"now", sandbox.now() - 1min).forExternalCustomer(u"acme")}), 200);
    const HttpResult result = volume(sandbox, {{QStringLiteral("timeframe_start"), hoursAgo(sandbox, 2).toIso8601()}});
    UL_COMPARE_STATUS(result, 200);
    QCOMPARE(volumeCounts(result), (QList<qint64>{0, 0, 1})); // up to and including the current hour
}

void TstSandboxVolume::offsetsAreConvertedToUtc()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp base = hoursAgo(sandbox, 6);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"a", base + 1h).forExternalCustomer(u"acme")}), 200);
    // base + 1h written as local time two hours ahead of UTC.
    const QString local = (base + 3h).toIso8601().replace(QStringLiteral("Z"), QStringLiteral("+02:00"));
    const HttpResult result = volume(sandbox, {{QStringLiteral("timeframe_start"), local},
                                               {QStringLiteral("timeframe_end"), (base + 2h).toIso8601()}});
    UL_COMPARE_STATUS(result, 200);
    QCOMPARE(result.array(u"data").first().toObject().value(u"timeframe_start").toString(), (base + 1h).toIso8601());
    QCOMPARE(volumeCounts(result), QList<qint64>{1});
}

void TstSandboxVolume::rejectsInvalidQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no start") << "timeframe_end=2024-05-01T00:00:00Z" << "timeframe_start";
    QTest::newRow("empty start") << "timeframe_start=" << "timeframe_start";
    QTest::newRow("malformed start") << "timeframe_start=yesterday" << "timeframe_start";
    QTest::newRow("malformed end") << "timeframe_start=2024-05-01T00:00:00Z&timeframe_end=soon" << "timeframe_end";
    QTest::newRow("end before start") << "timeframe_start=2024-05-02T00:00:00Z&timeframe_end=2024-05-01T00:00:00Z" << "timeframe_end";
    QTest::newRow("end equals start") << "timeframe_start=2024-05-01T00:00:00Z&timeframe_end=2024-05-01T00:00:00Z" << "timeframe_end";
    QTest::newRow("limit 0") << "timeframe_start=2024-05-01T00:00:00Z&timeframe_end=2024-05-02T00:00:00Z&limit=0" << "limit";
    QTest::newRow("limit 101") << "timeframe_start=2024-05-01T00:00:00Z&timeframe_end=2024-05-02T00:00:00Z&limit=101" << "limit";
    QTest::newRow("foreign cursor") << "timeframe_start=2024-05-01T00:00:00Z&timeframe_end=2024-05-02T00:00:00Z&cursor=abc" << "cursor";
}

void TstSandboxVolume::rejectsInvalidQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, problem);
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const HttpResult result = sandbox.http().get(QStringLiteral("/v1/events/volume?") + query);
    UL_COMPARE_STATUS(result, 400);
    QCOMPARE(result.errorType(), QStringLiteral("400-request-validation-errors"));
    QVERIFY2(result.array(u"validation_errors").first().toString().startsWith(problem), result.body.constData());
}

void TstSandboxVolume::pagesWithACursor()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp base = hoursAgo(sandbox, 30);
    QJsonArray events;
    for (int h = 0; h < 30; ++h) {
        for (int n = 0; n <= h % 3; ++n)
            events.append(EventJson(QStringLiteral("e-%1-%2").arg(h).arg(n), base + std::chrono::hours(h) + std::chrono::minutes(n)).forExternalCustomer(u"acme"));
    }
    UL_COMPARE_STATUS(sandbox.ingest(events), 200);
    QList<qint64> counts;
    QList<qsizetype> pages;
    QString cursor;
    for (int page = 0; page < 5; ++page) {
        QList<QPair<QString, QString>> query{{QStringLiteral("timeframe_start"), base.toIso8601()},
                                              {QStringLiteral("timeframe_end"), (base + 30h).toIso8601()}};
        if (!cursor.isEmpty())
            query.append({QStringLiteral("cursor"), cursor});
        const HttpResult result = volume(sandbox, query); // default limit: 20
        UL_COMPARE_STATUS(result, 200);
        counts << volumeCounts(result);
        pages << result.array(u"data").size();
        const QJsonObject meta = result.object(u"pagination_metadata");
        QCOMPARE(meta.value(u"has_more").toBool(), !meta.value(u"next_cursor").isNull());
        if (meta.value(u"next_cursor").isNull())
            break;
        cursor = meta.value(u"next_cursor").toString();
    }
    QCOMPARE(pages, (QList<qsizetype>{20, 10}));
    QList<qint64> expected;
    for (int h = 0; h < 30; ++h)
        expected << h % 3 + 1;
    QCOMPARE(counts, expected);
    // A small limit pages the same way.
    const HttpResult small = volume(sandbox, {{QStringLiteral("timeframe_start"), base.toIso8601()},
                                              {QStringLiteral("timeframe_end"), (base + 30h).toIso8601()},
                                              {QStringLiteral("limit"), QStringLiteral("7")}});
    QCOMPARE(volumeCounts(small), expected.mid(0, 7));
}

void TstSandboxVolume::deprecatedEventsDoNotCount()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const Timestamp hour = hoursAgo(sandbox, 3);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"a", hour + 1min).forExternalCustomer(u"acme"),
                                      EventJson(u"b", hour + 2min).forExternalCustomer(u"acme")}),
                      200);
    QCOMPARE(countAt(sandbox, hour), 2);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("a")), 200);
    QCOMPARE(countAt(sandbox, hour), 1);
}

void TstSandboxVolume::amendedEventsCountOnce()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    sandbox.newCustomer(u"acme");
    const Timestamp hour = hoursAgo(sandbox, 3);
    const EventJson event = EventJson(u"a", hour + 1min).forExternalCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({event}), 200);
    for (int i = 0; i < 3; ++i)
        UL_COMPARE_STATUS(sandbox.amend(QStringLiteral("a"), EventJson(event).withProperty(u"ms", i).toAmendBody()), 200);
    QCOMPARE(countAt(sandbox, hour), 1);
    UL_COMPARE_STATUS(sandbox.deprecate(QStringLiteral("a")), 200); // and not at all once deprecated
    QCOMPARE(countAt(sandbox, hour), 0);
}

void TstSandboxVolume::backfillEventsCountOnlyWhileReflected()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = hoursAgo(sandbox, 72);
    const QString id = ul::test::newBackfill(sandbox, start, start + 2h, {{QStringLiteral("replace_existing_events"), false}});
    UL_COMPARE_STATUS(ul::test::ingestInto(sandbox, id, {EventJson(u"a", start + 1min).forExternalCustomer(u"acme"),
                                                         EventJson(u"b", start + 1h).forExternalCustomer(u"acme")}),
                      200);
    QCOMPARE(countsFrom(sandbox, start, 2), (QList<qint64>{0, 0})); // pending: not yet
    UL_COMPARE_STATUS(ul::test::closeBackfill(sandbox, id), 200);
    QCOMPARE(countsFrom(sandbox, start, 2), (QList<qint64>{1, 1})); // reflected
    UL_COMPARE_STATUS(ul::test::revertBackfill(sandbox, id), 200);
    QCOMPARE(countsFrom(sandbox, start, 2), (QList<qint64>{0, 0})); // pending_revert: undone already
    sandbox.advance(1s);
    QCOMPARE(ul::test::fetchBackfill(sandbox, id).string(u"status"), QStringLiteral("reverted"));
    QCOMPARE(countsFrom(sandbox, start, 2), (QList<qint64>{0, 0}));

    // Reverted before it was closed: never counted.
    const QString never = ul::test::newBackfill(sandbox, start + 2h, start + 3h);
    UL_COMPARE_STATUS(ul::test::ingestInto(sandbox, never, {EventJson(u"c", start + 2h).forExternalCustomer(u"acme")}), 200);
    UL_COMPARE_STATUS(ul::test::revertBackfill(sandbox, never), 200);
    sandbox.advance(std::chrono::days(2)); // and its close_time passing changes nothing
    QCOMPARE(countAt(sandbox, start + 2h), 0);
}

void TstSandboxVolume::replacedEventsDoNotCountUntilTheRevert()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = hoursAgo(sandbox, 72);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"a", start + 1min).forExternalCustomer(u"acme"),
                                      EventJson(u"b", start + 2min).forExternalCustomer(u"acme"),
                                      EventJson(u"c", start + 1h).forExternalCustomer(u"acme"),
                                      EventJson(u"outside", start + 2h).forExternalCustomer(u"acme")}),
                      200);
    const QList<qint64> before{2, 1, 1};
    QCOMPARE(countsFrom(sandbox, start, 3), before);
    const QString id = ul::test::newBackfill(sandbox, start, start + 2h);
    UL_COMPARE_STATUS(ul::test::ingestInto(sandbox, id, {EventJson(u"new", start + 30min).forExternalCustomer(u"acme")}), 200);
    QCOMPARE(countsFrom(sandbox, start, 3), before);
    UL_COMPARE_STATUS(ul::test::closeBackfill(sandbox, id), 200);
    QCOMPARE(countsFrom(sandbox, start, 3), (QList<qint64>{1, 0, 1}));
    UL_COMPARE_STATUS(ul::test::revertBackfill(sandbox, id), 200);
    QCOMPARE(countsFrom(sandbox, start, 3), before);
    sandbox.advance(1s);
    QCOMPARE(countsFrom(sandbox, start, 3), before); // exactly the previous state
}

void TstSandboxVolume::deprecationFilterDecidesWhichEventsStopCounting()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp start = hoursAgo(sandbox, 72);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"eu", start + 1min).forExternalCustomer(u"acme").withProperty(u"region", QStringLiteral("eu")),
                                      EventJson(u"us", start + 2min).forExternalCustomer(u"acme").withProperty(u"region", QStringLiteral("us")),
                                      EventJson(u"eu-2", start + 3min).forExternalCustomer(u"acme").withProperty(u"region", QStringLiteral("eu"))}),
                      200);
    const QString id = ul::test::newBackfill(sandbox, start, start + 1h, {{QStringLiteral("deprecation_filter"), QStringLiteral("region = 'eu'")}});
    UL_COMPARE_STATUS(ul::test::closeBackfill(sandbox, id), 200);
    QCOMPARE(countAt(sandbox, start), 1);
}

void TstSandboxVolume::scopedBackfillReplacesOnlyItsCustomer()
{
    SandboxFixture sandbox(longMemoryOptions());
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const QString acme = sandbox.newCustomer(u"acme");
    const Timestamp start = hoursAgo(sandbox, 72);
    UL_COMPARE_STATUS(sandbox.ingest({EventJson(u"acme", start + 1min).forCustomer(acme),
                                      EventJson(u"globex", start + 2min).forExternalCustomer(u"globex")}),
                      200);
    const QString id = ul::test::newBackfill(sandbox, start, start + 1h, {{QStringLiteral("customer_id"), acme}});
    UL_COMPARE_STATUS(ul::test::ingestInto(sandbox, id, {EventJson(u"acme-new-1", start + 5min).forCustomer(acme),
                                                         EventJson(u"acme-new-2", start + 6min).forCustomer(acme)}),
                      200);
    UL_COMPARE_STATUS(ul::test::closeBackfill(sandbox, id), 200);
    QCOMPARE(countAt(sandbox, start), 3); // globex + the two new ones
}

void TstSandboxVolume::duplicatesCountOnce()
{
    SandboxFixture sandbox;
    QVERIFY2(sandbox.isReady(), sandbox.startError());
    const Timestamp hour = hoursAgo(sandbox, 2);
    const EventJson event = EventJson(u"a", hour + 1min).forExternalCustomer(u"acme");
    UL_COMPARE_STATUS(sandbox.ingest({event, event}), 200);
    UL_COMPARE_STATUS(sandbox.ingest({event}), 200);
    QCOMPARE(countAt(sandbox, hour), 1);
}

QTEST_MAIN(TstSandboxVolume)
#include "tst_sandbox_volume.moc"
