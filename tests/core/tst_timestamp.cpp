// ul::Timestamp: the strict ISO 8601 reading Orb's API needs, and the text it writes back.
#include "util/Timestamp.h"

#include <QtCore/QTimeZone>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Timestamp;

class TstTimestamp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesUtcForms_data();
    void parsesUtcForms();
    void rejectsWhatIsNotAnIsoDateTime_data();
    void rejectsWhatIsNotAnIsoDateTime();
    void rejectsImpossibleDates_data();
    void rejectsImpossibleDates();
    void requiresUtcUnlessToldOtherwise_data();
    void requiresUtcUnlessToldOtherwise();
    void explainsWhatIsWrong();
    void readsUtf8AsWellAsUtf16();
    void formatsAsIsoUtc_data();
    void formatsAsIsoUtc();
    void formattedTextParsesBackToTheSameInstant();
    void convertsToAndFromQDateTime();
    void floorsToTheHour();
    void doesArithmeticWithDurations();
};

namespace {

/// Milliseconds since the epoch of a UTC date and time, computed by Qt (an independent reference).
qint64 utcMs(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

void TstTimestamp::parsesUtcForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("Z") << QStringLiteral("2024-05-01T12:34:56Z") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("lowercase t and z") << QStringLiteral("2024-05-01t12:34:56z") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("+00:00") << QStringLiteral("2024-05-01T12:34:56+00:00") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("-00:00") << QStringLiteral("2024-05-01T12:34:56-00:00") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("+0000") << QStringLiteral("2024-05-01T12:34:56+0000") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("no seconds") << QStringLiteral("2024-05-01T12:34Z") << utcMs(2024, 5, 1, 12, 34);
    QTest::newRow("space separator") << QStringLiteral("2024-05-01 12:34:56Z") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("milliseconds") << QStringLiteral("2024-05-01T12:34:56.789Z") << utcMs(2024, 5, 1, 12, 34, 56, 789);
    QTest::newRow("tenths") << QStringLiteral("2024-05-01T12:34:56.5Z") << utcMs(2024, 5, 1, 12, 34, 56, 500);
    QTest::newRow("microseconds are truncated") << QStringLiteral("2024-05-01T12:34:56.123999Z") << utcMs(2024, 5, 1, 12, 34, 56, 123);
    QTest::newRow("nanoseconds") << QStringLiteral("2024-05-01T12:34:56.000000001Z") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("comma fraction") << QStringLiteral("2024-05-01T12:34:56,25Z") << utcMs(2024, 5, 1, 12, 34, 56, 250);
    QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << qint64(0);
    QTest::newRow("before the epoch") << QStringLiteral("1969-12-31T23:59:59.999Z") << qint64(-1);
    QTest::newRow("leap day 2024") << QStringLiteral("2024-02-29T00:00:00Z") << utcMs(2024, 2, 29);
    QTest::newRow("leap day 2000 (divisible by 400)") << QStringLiteral("2000-02-29T00:00:00Z") << utcMs(2000, 2, 29);
    QTest::newRow("last second of a year") << QStringLiteral("2023-12-31T23:59:59Z") << utcMs(2023, 12, 31, 23, 59, 59);
    QTest::newRow("leap second reads as :59") << QStringLiteral("2016-12-31T23:59:60Z") << utcMs(2016, 12, 31, 23, 59, 59);
    QTest::newRow("far future") << QStringLiteral("9999-12-31T23:59:59Z") << utcMs(9999, 12, 31, 23, 59, 59);
}

void TstTimestamp::parsesUtcForms()
{
    QFETCH(QString, text);
    QFETCH(qint64, expectedMs);
    const auto parsed = Timestamp::parseIso8601(QStringView(text));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error()));
    QCOMPARE(parsed->msecs(), expectedMs);
}

void TstTimestamp::rejectsWhatIsNotAnIsoDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("words") << QStringLiteral("yesterday");
    QTest::newRow("date only") << QStringLiteral("2024-05-01");
    QTest::newRow("no time zone") << QStringLiteral("2024-05-01T12:34:56");
    QTest::newRow("no time zone, fraction") << QStringLiteral("2024-05-01T12:34:56.123");
    QTest::newRow("epoch seconds") << QStringLiteral("1714566896");
    QTest::newRow("two-digit year") << QStringLiteral("24-05-01T12:34:56Z");
    QTest::newRow("one-digit month") << QStringLiteral("2024-5-01T12:34:56Z");
    QTest::newRow("slashes") << QStringLiteral("2024/05/01T12:34:56Z");
    QTest::newRow("basic format") << QStringLiteral("20240501T123456Z");
    QTest::newRow("hour only") << QStringLiteral("2024-05-01T12Z");
    QTest::newRow("dot without digits") << QStringLiteral("2024-05-01T12:34:56.Z");
    QTest::newRow("trailing text") << QStringLiteral("2024-05-01T12:34:56Zjunk");
    QTest::newRow("trailing space") << QStringLiteral("2024-05-01T12:34:56Z ");
    QTest::newRow("leading space") << QStringLiteral(" 2024-05-01T12:34:56Z");
    QTest::newRow("offset without minutes") << QStringLiteral("2024-05-01T12:34:56+00");
    QTest::newRow("offset hours out of range") << QStringLiteral("2024-05-01T12:34:56+24:00");
    QTest::newRow("RFC 2822") << QStringLiteral("Wed, 01 May 2024 12:34:56 GMT");
    QTest::newRow("non-ASCII digits") << QStringLiteral("٢٠٢٤-05-01T12:34:56Z");
}

void TstTimestamp::rejectsWhatIsNotAnIsoDateTime()
{
    QFETCH(QString, text);
    QVERIFY(!Timestamp::parseIso8601(QStringView(text)));
    QVERIFY(!Timestamp::parseIso8601(QStringView(text), false));
}

void TstTimestamp::rejectsImpossibleDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("February 29 in 2023") << QStringLiteral("2023-02-29T00:00:00Z");
    QTest::newRow("February 29 in 1900 (divisible by 100)") << QStringLiteral("1900-02-29T00:00:00Z");
    QTest::newRow("February 30") << QStringLiteral("2024-02-30T00:00:00Z");
    QTest::newRow("April 31") << QStringLiteral("2024-04-31T00:00:00Z");
    QTest::newRow("month 0") << QStringLiteral("2024-00-10T00:00:00Z");
    QTest::newRow("month 13") << QStringLiteral("2024-13-10T00:00:00Z");
    QTest::newRow("day 0") << QStringLiteral("2024-05-00T00:00:00Z");
    QTest::newRow("day 32") << QStringLiteral("2024-01-32T00:00:00Z");
    QTest::newRow("hour 24") << QStringLiteral("2024-05-01T24:00:00Z");
    QTest::newRow("minute 60") << QStringLiteral("2024-05-01T12:60:00Z");
    QTest::newRow("second 61") << QStringLiteral("2024-05-01T12:34:61Z");
}

void TstTimestamp::rejectsImpossibleDates()
{
    QFETCH(QString, text);
    const auto parsed = Timestamp::parseIso8601(QStringView(text));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), QStringLiteral("is not a valid calendar date and time"));
}

void TstTimestamp::requiresUtcUnlessToldOtherwise_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expectedMs"); // when offsets are allowed
    QTest::newRow("+02:00") << QStringLiteral("2024-05-01T14:34:56+02:00") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("-05:30") << QStringLiteral("2024-05-01T07:04:56-05:30") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("+0100") << QStringLiteral("2024-05-01T13:34:56+0100") << utcMs(2024, 5, 1, 12, 34, 56);
    QTest::newRow("crosses midnight") << QStringLiteral("2024-05-02T01:00:00+14:00") << utcMs(2024, 5, 1, 11);
    QTest::newRow("crosses a year") << QStringLiteral("2023-12-31T20:00:00-05:00") << utcMs(2024, 1, 1, 1);
}

void TstTimestamp::requiresUtcUnlessToldOtherwise()
{
    QFETCH(QString, text);
    QFETCH(qint64, expectedMs);
    const auto strict = Timestamp::parseIso8601(QStringView(text));
    QVERIFY(!strict);
    QCOMPARE(strict.error(), QStringLiteral("must be in UTC (end it with Z), not at a UTC offset"));
    const auto lenient = Timestamp::parseIso8601(QStringView(text), false);
    QVERIFY2(lenient, lenient ? "" : qPrintable(lenient.error()));
    QCOMPARE(lenient->msecs(), expectedMs);
}

void TstTimestamp::explainsWhatIsWrong()
{
    QCOMPARE(Timestamp::parseIso8601(QStringView(u"2024-05-01T12:34:56")).error(), QStringLiteral("has no time zone; add Z for UTC"));
    QVERIFY(Timestamp::parseIso8601(QStringView(u"soon")).error().contains(QStringLiteral("2024-05-01T12:00:00Z")));
}

void TstTimestamp::readsUtf8AsWellAsUtf16()
{
    const auto fromUtf8 = Timestamp::parseIso8601(std::string_view("2024-05-01T12:34:56.5Z"));
    QVERIFY(fromUtf8);
    QCOMPARE(fromUtf8->msecs(), utcMs(2024, 5, 1, 12, 34, 56, 500));
    QVERIFY(!Timestamp::parseIso8601(std::string_view("2024-05-01T14:34:56+02:00")));
    QVERIFY(Timestamp::parseIso8601(std::string_view("2024-05-01T14:34:56+02:00"), false));
    // A view that stops early is read only as far as it goes.
    const std::string_view longer("2024-05-01T12:34:56Zgarbage");
    QVERIFY(Timestamp::parseIso8601(longer.substr(0, 20)));
}

void TstTimestamp::formatsAsIsoUtc_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole seconds have no fraction") << utcMs(2024, 5, 1, 12, 34, 56) << QStringLiteral("2024-05-01T12:34:56Z");
    QTest::newRow("milliseconds") << utcMs(2024, 5, 1, 12, 34, 56, 7) << QStringLiteral("2024-05-01T12:34:56.007Z");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00Z");
    QTest::newRow("before the epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59.999Z");
}

void TstTimestamp::formatsAsIsoUtc()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(Timestamp::fromMsecs(ms).toIso8601(), expected);
}

void TstTimestamp::formattedTextParsesBackToTheSameInstant()
{
    const QList<qint64> samples{0, 1, -1, 999, utcMs(2024, 2, 29, 23, 59, 59, 999), utcMs(1999, 12, 31, 23, 59, 59),
                                utcMs(2038, 1, 19, 3, 14, 8), utcMs(2100, 3, 1), Timestamp::now().msecs()};
    for (qint64 ms : samples) {
        const Timestamp t = Timestamp::fromMsecs(ms);
        const auto back = Timestamp::parseIso8601(QStringView(t.toIso8601()));
        QVERIFY2(back, qPrintable(t.toIso8601()));
        QCOMPARE(back->msecs(), ms);
    }
}

void TstTimestamp::convertsToAndFromQDateTime()
{
    const Timestamp t = Timestamp::fromMsecs(utcMs(2024, 5, 1, 12, 34, 56, 789));
    const QDateTime dt = t.toDateTime();
    QCOMPARE(dt.timeZone(), QTimeZone::utc());
    QCOMPARE(dt.date(), QDate(2024, 5, 1));
    QCOMPARE(dt.time(), QTime(12, 34, 56, 789));
    QCOMPARE(Timestamp::fromDateTime(dt), t);
    // A local time names the same instant.
    QCOMPARE(Timestamp::fromDateTime(QDateTime(QDate(2024, 5, 1), QTime(14, 34, 56, 789), QTimeZone(7200))), t);
}

void TstTimestamp::floorsToTheHour()
{
    QCOMPARE(Timestamp::fromMsecs(utcMs(2024, 5, 1, 12, 34, 56, 789)).floorToHour(), Timestamp::fromMsecs(utcMs(2024, 5, 1, 12)));
    QCOMPARE(Timestamp::fromMsecs(utcMs(2024, 5, 1, 12)).floorToHour(), Timestamp::fromMsecs(utcMs(2024, 5, 1, 12)));
    // Before the epoch the hour still starts earlier, not later.
    QCOMPARE(Timestamp::fromMsecs(-1).floorToHour(), Timestamp::fromMsecs(-3'600'000));
    QCOMPARE(Timestamp::fromMsecs(-3'600'000).floorToHour(), Timestamp::fromMsecs(-3'600'000));
}

void TstTimestamp::doesArithmeticWithDurations()
{
    const Timestamp t = Timestamp::fromMsecs(utcMs(2024, 2, 28, 23));
    QCOMPARE((t + 2h).toIso8601(), QStringLiteral("2024-02-29T01:00:00Z"));
    QCOMPARE((t - std::chrono::days(1)).toIso8601(), QStringLiteral("2024-02-27T23:00:00Z"));
    QCOMPARE(t.addSecs(90).msecs(), t.msecs() + 90'000);
    QCOMPARE(t.addMsecs(-5).msecs(), t.msecs() - 5);
    QVERIFY(t < t + 1ms);
    QVERIFY(t - 1ms < t);
    QCOMPARE(t + 0s, t);
}

QTEST_GUILESS_MAIN(TstTimestamp)
#include "tst_timestamp.moc"
