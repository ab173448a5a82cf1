// The dry run: counts of a generated file (good rows, bad rows by kind, customers, hours,
// duplicate keys, derived keys), a backfill plan's timeframe and scope, progress and cancel on
// the worker thread.
#include "ImportTestSupport.h"

#include "import/ImportAnalysis.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::BadRowKind;

namespace {

const ul::Timestamp Now = *ul::Timestamp::parseIso8601(std::string_view("2026-03-10T12:00:00Z"));

ul::Expected<ul::ImportAnalysis, QString> analyzeFile(const QString &path, const ul::ImportTarget &target = {},
                                                     ul::Timestamp now = Now)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ul::Unexpected{file.errorString()};
    return ul::analyzeImport(file, {}, target, {}, now);
}

QByteArray eventLine(const QString &key, const QString &customer, ul::Timestamp when)
{
    return QStringLiteral(R"({"event_name":"api","timestamp":"%1","idempotency_key":"%2","customer_id":"%3","properties":{}})")
               .arg(when.toIso8601(), key, customer).toUtf8() + '\n';
}

} // namespace

class TstImportAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsOfAGeneratedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        constexpr int Count = 5000;
        const ul::test::GeneratedImport g = ul::test::writeJsonlImport(path, Count, QStringLiteral("cus_a"), Now - 2h);
        auto a = analyzeFile(path);
        QVERIFY2(a.hasValue(), qPrintable(a.hasValue() ? QString() : a.error()));

        qint64 unreadable = 0, malformed = 0, derived = 0;
        for (int i = 1; i <= Count; ++i) {
            if (i % 97 == 0)
                ++unreadable;
            else if (i % 89 == 0 || i % 61 == 0)
                ++malformed;
            else if (i % 53 != 0 && i % 41 == 0)
                ++derived;
        }
        QCOMPARE(a->rows, Count);
        QCOMPARE(a->events, g.goodKeys.size());
        QCOMPARE(a->badRowCount(), g.badLines.size());
        QCOMPARE(a->events + a->badRowCount(), qint64(Count));
        QCOMPARE(a->unreadable, unreadable);
        QCOMPARE(a->malformed, malformed);
        QCOMPARE(a->duplicateKeys, g.badLines.size() - unreadable - malformed);
        QVERIFY(a->duplicateKeys > 0);
        QCOMPARE(a->invalid, 0);
        QCOMPARE(a->derivedKeys, derived);
        QCOMPARE(a->distinctCustomers, 1);
        QCOMPARE(a->distinctEventNames, 1);
        QCOMPARE(a->hoursTouched(), 1);
        QCOMPARE(a->hourly.value((Now - 2h).msecs()), a->events);
        QList<qint64> lines;
        for (const ul::BadRow &b : a->badRows)
            lines << b.line;
        QCOMPARE(lines, g.badLines);
        QCOMPARE(a->bytes, QFileInfo(path).size());

        // An hour later the rows of the first hours are older than the grace period.
        auto later = analyzeFile(path, {}, Now + 11h);
        QVERIFY(later.hasValue());
        QCOMPARE(later->invalid + later->events + later->duplicateKeys, a->events + a->duplicateKeys);
        QVERIFY(later->invalid > 0);
    }

    void backfillPlanTimeframeAndScope()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("backfill.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const ul::Timestamp base = Now - 72h; // far older than the grace period: a backfill's business
        const QStringList customers{QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3")};
        int n = 0;
        for (int hour = 0; hour < 6; ++hour) {
            for (const QString &c : customers) {
                for (int i = 0; i < 10; ++i)
                    file.write(eventLine(QStringLiteral("e%1").arg(++n), c, base + std::chrono::hours(hour) + std::chrono::minutes(i * 5)));
            }
        }
        file.write(eventLine(QStringLiteral("e1"), QStringLiteral("c1"), base + 2h)); // duplicate key
        file.close();

        ul::ImportTarget target;
        target.timeframeStart = base + 1h;
        target.timeframeEnd = base + 5h;
        target.customerId = QStringLiteral("c1");
        auto a = analyzeFile(path, target);
        QVERIFY2(a.hasValue(), qPrintable(a.hasValue() ? QString() : a.error()));
        QCOMPARE(a->rows, 181);
        QCOMPARE(a->events, 41);
        QCOMPARE(a->outsideTimeframe, 60);
        QCOMPARE(a->outsideScope, 80);
        QCOMPARE(a->duplicateKeys, 0); // e1 was outside the timeframe, so this row is its first use
        QCOMPARE(a->invalid, 0);
        QCOMPARE(a->distinctCustomers, 1);
        QCOMPARE(a->hoursTouched(), 4);
        for (int hour = 1; hour < 5; ++hour)
            QCOMPARE(a->hourly.value((base + std::chrono::hours(hour)).msecs()), hour == 2 ? 11 : 10);
        QCOMPARE(*a->first, base + 1h);
        QCOMPARE(*a->last, base + 4h + 45min);

        // Without a plan the same rows are plain ingest: all older than the grace period.
        auto plain = analyzeFile(path);
        QVERIFY(plain.hasValue());
        QCOMPARE(plain->events, 0);
        QCOMPARE(plain->invalid, 181);
        QVERIFY(plain->badRows.first().reason.contains(QStringLiteral("use a backfill")));
    }

    void analyzerRunsOffThreadWithProgressAndCancel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        const ul::test::GeneratedImport g = ul::test::writeJsonlImport(path, 60'000, QStringLiteral("cus_a"), Now - 2h);

        ul::ImportAnalyzer analyzer;
        QSignalSpy progress(&analyzer, &ul::ImportAnalyzer::progress);
        QSignalSpy finished(&analyzer, &ul::ImportAnalyzer::finished);
        QThread *caller = QThread::currentThread();
        QThread *progressThread = nullptr;
        connect(&analyzer, &ul::ImportAnalyzer::progress, this, [&] { progressThread = QThread::currentThread(); });
        analyzer.start(path, {}, {}, {}, Now);
        QVERIFY(finished.wait(60'000));
        const auto a = finished.first().first().value<ul::ImportAnalysis>();
        QVERIFY(!a.cancelled);
        QCOMPARE(a.events, g.goodKeys.size());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progressThread, caller);
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(0).toLongLong(), QFileInfo(path).size());
        QCOMPARE(last.at(1).toLongLong(), a.bytes);
        QCOMPARE(last.at(2).toLongLong(), 60'000);

        finished.clear();
        analyzer.start(path, {}, {}, {}, Now);
        analyzer.cancel();
        QVERIFY(finished.wait(60'000));
        const auto cancelled = finished.first().first().value<ul::ImportAnalysis>();
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.rows < 60'000);

        QSignalSpy failed(&analyzer, &ul::ImportAnalyzer::failed);
        analyzer.start(dir.filePath(QStringLiteral("missing.jsonl")), {}, {}, {}, Now);
        QVERIFY(failed.wait(10'000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("missing.jsonl")));
    }
};

QTEST_GUILESS_MAIN(TstImportAnalysis)
#include "tst_import_analysis.moc"
