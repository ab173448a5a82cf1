// The import readers without a server: RFC 4180 records (quotes, CRLF, BOM, embedded newlines,
// block boundaries, overlong records), JSONL lines, the CSV column mapping and its guesses,
// the screen shared by the dry run and the import, and the checkpoint's round trip.
#include "import/ImportJob.h"
#include "import/ImportReader.h"

#include <QtCore/QBuffer>
#include <QtTest/QTest>

using ul::BadRowKind;
using ul::ColumnRole;
using ul::ColumnType;
using ul::CsvColumn;
using ul::ImportReader;
using ul::ImportRow;
using ul::ImportSpec;

namespace {

const ul::Timestamp Now = *ul::Timestamp::parseIso8601(std::string_view("2026-03-10T12:00:00Z"));

struct Read {
    QList<ImportRow> rows;
    QString error;
};

Read readAll(const QByteArray &bytes, const ImportSpec &spec)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ImportReader reader(&buffer, spec);
    Read r;
    while (auto row = reader.next())
        r.rows << *row;
    r.error = reader.error();
    if (r.error.isEmpty() && reader.position() != bytes.size())
        r.error = QStringLiteral("stopped at %1 of %2 bytes").arg(reader.position()).arg(bytes.size());
    return r;
}

QList<ul::CsvRecord> records(const QByteArray &bytes, qsizetype max = 1 << 20)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ul::CsvRecordReader reader(&buffer, max);
    QList<ul::CsvRecord> out;
    while (auto r = reader.next())
        out << *r;
    return out;
}

ImportSpec csvSpec(const QList<CsvColumn> &columns)
{
    ImportSpec spec;
    spec.format = ul::ImportFormat::Csv;
    spec.csv.columns = columns;
    spec.keyPrefix = QStringLiteral("k-");
    return spec;
}

ImportSpec standardCsv()
{
    return csvSpec({{QStringLiteral("event_name"), ColumnRole::EventName, ColumnType::String},
                    {QStringLiteral("timestamp"), ColumnRole::Timestamp, ColumnType::String},
                    {QStringLiteral("customer_id"), ColumnRole::CustomerId, ColumnType::String},
                    {QStringLiteral("idempotency_key"), ColumnRole::IdempotencyKey, ColumnType::String},
                    {QStringLiteral("note"), ColumnRole::Property, ColumnType::String},
                    {QStringLiteral("ms"), ColumnRole::Property, ColumnType::Number},
                    {QStringLiteral("ok"), ColumnRole::Property, ColumnType::Boolean}});
}

ImportSpec jsonlSpec()
{
    ImportSpec spec;
    spec.keyPrefix = QStringLiteral("imp-x-");
    return spec;
}

QStringList fieldsOf(const ul::CsvRecord &r)
{
    QStringList out;
    for (const QByteArray &f : r.fields)
        out << QString::fromUtf8(f);
    return out;
}

} // namespace

class TstImportReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvQuotingCrlfAndEmbeddedNewlines()
    {
        const QByteArray csv = "a,b,c\r\n"
                               "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                               "2,\"two\r\nlines\nhere\",z\r\n"
                               "3,,\"\"\r\n"
                               "\r\n"
                               "4,last,\"no newline at end\"";
        const QList<ul::CsvRecord> r = records(csv);
        QCOMPARE(r.size(), 5);
        QCOMPARE(fieldsOf(r[0]), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(fieldsOf(r[1]), (QStringList{QStringLiteral("1"), QStringLiteral("x, y"), QStringLiteral("say \"hi\"")}));
        QCOMPARE(fieldsOf(r[2]), (QStringList{QStringLiteral("2"), QStringLiteral("two\r\nlines\nhere"), QStringLiteral("z")}));
        QCOMPARE(fieldsOf(r[3]), (QStringList{QStringLiteral("3"), QString(), QString()}));
        QCOMPARE(fieldsOf(r[4]), (QStringList{QStringLiteral("4"), QStringLiteral("last"), QStringLiteral("no newline at end")}));
        // Lines: the record with two embedded newlines starts on line 3 and the next on line 6;
        // the blank line 7 is skipped.
        QCOMPARE(r[0].line, 1);
        QCOMPARE(r[1].line, 2);
        QCOMPARE(r[2].line, 3);
        QCOMPARE(r[3].line, 6);
        QCOMPARE(r[4].line, 8);
        QCOMPARE(r[4].endOffset, csv.size());
        for (const auto &rec : r)
            QVERIFY2(rec.error.isEmpty(), qPrintable(rec.error));
    }

    void csvBomAndBadRecords()
    {
        const QByteArray csv = "\xEF\xBB\xBF" "a,b\n"
                               "\"ok\",1\n"
                               "\"bad\"x,2\n"
                               "3,\"never closed\n"
                               "4,5\n";
        const QList<ul::CsvRecord> r = records(csv);
        QCOMPARE(r.size(), 4);
        QCOMPARE(fieldsOf(r[0]), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(r[1].error.isEmpty());
        QCOMPARE(r[2].line, 3);
        QVERIFY2(r[2].error.contains(QStringLiteral("after its closing quote")), qPrintable(r[2].error));
        // The unclosed quote swallows the rest of the file and is reported at its first line.
        QCOMPARE(r[3].line, 4);
        QVERIFY2(r[3].error.contains(QStringLiteral("never closed")), qPrintable(r[3].error));
    }

    void csvOverlongRecordIsReportedAndSkipped()
    {
        QByteArray csv = "a,b\n1,\"open quote\n";
        csv += QByteArray(3000, 'x') + "\n";
        csv += "2,fine\n";
        const QList<ul::CsvRecord> r = records(csv, 1000);
        QCOMPARE(r.size(), 4);
        QCOMPARE(r[1].line, 2);
        QVERIFY2(r[1].error.contains(QStringLiteral("longer than 1000 bytes")), qPrintable(r[1].error));
        // Reading resumes at the line after the bad record's first line.
        QCOMPARE(r[2].line, 3); // the 3000 x's: one field (the mapper reports the width)
        QCOMPARE(r[2].fields.size(), 1);
        QCOMPARE(fieldsOf(r[3]), (QStringList{QStringLiteral("2"), QStringLiteral("fine")}));
        QCOMPARE(r[3].line, 4);
    }

    void csvRecordsAcrossBlockBoundaries()
    {
        // Enough rows to span several 256 KiB blocks, with quoted fields holding newlines,
        // quotes and commas; every record must come back intact with its line number.
        QByteArray csv = "id,text\n";
        qint64 line = 2;
        QList<qint64> lines;
        for (int i = 0; i < 20'000; ++i) {
            lines << line;
            csv += QByteArray::number(i) + ",\"row " + QByteArray::number(i) + " has \"\"quotes\"\", commas,\nand a newline\"\r\n";
            line += 2;
        }
        const QList<ul::CsvRecord> r = records(csv);
        QCOMPARE(r.size(), 20'001);
        for (int i = 0; i < 20'000; ++i) {
            const ul::CsvRecord &rec = r[i + 1];
            QVERIFY(rec.error.isEmpty());
            QCOMPARE(rec.line, lines[i]);
            QCOMPARE(rec.fields.value(1),
                     "row " + QByteArray::number(i) + " has \"quotes\", commas,\nand a newline");
        }
    }

    void csvRowsAreMappedWithTypes()
    {
        const QByteArray csv = "event_name,timestamp,customer_id,idempotency_key,note,ms,ok\n"
                               "api,2026-03-10T11:00:00Z,cus_1,key-1,\"a, b\",120,true\n"
                               "api,2026-03-10T11:00:01Z,cus_1,,,1.5,no\n"
                               "api,yesterday,cus_1,key-3,,12,true\n"
                               "api,2026-03-10T11:00:03Z,cus_1,key-4,,twelve,maybe\n"
                               "api,2026-03-10T11:00:04Z,cus_1,key-5\n";
        const Read r = readAll(csv, standardCsv());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 5);
        const ul::Event &e = r.rows[0].event;
        QVERIFY(!r.rows[0].bad);
        QCOMPARE(e.id, QStringLiteral("key-1"));
        QCOMPARE(e.customerId, QStringLiteral("cus_1"));
        QCOMPARE(e.timestamp, *ul::Timestamp::parseIso8601(std::string_view("2026-03-10T11:00:00Z")));
        QCOMPARE(e.properties, (ul::Properties{{QStringLiteral("note"), QStringLiteral("a, b")},
                                               {QStringLiteral("ms"), qint64(120)},
                                               {QStringLiteral("ok"), true}}));
        // An empty key is derived from the line; empty property cells are left out.
        QVERIFY(!r.rows[1].bad);
        QCOMPARE(r.rows[1].event.id, QStringLiteral("k-3"));
        QVERIFY(r.rows[1].keyDerived);
        QCOMPARE(r.rows[1].event.properties, (ul::Properties{{QStringLiteral("ms"), 1.5}, {QStringLiteral("ok"), false}}));
        QCOMPARE(r.rows[2].bad->line, 4);
        QCOMPARE(r.rows[2].bad->kind, BadRowKind::Malformed);
        QVERIFY2(r.rows[2].bad->reason.startsWith(QStringLiteral("timestamp: \"yesterday\"")), qPrintable(r.rows[2].bad->reason));
        QCOMPARE(r.rows[3].bad->line, 5);
        QCOMPARE(r.rows[3].bad->reason,
                 QStringLiteral("ms: \"twelve\" is not a number; ok: \"maybe\" is not a boolean (true or false)"));
        QCOMPARE(r.rows[4].bad->line, 6);
        QCOMPARE(r.rows[4].bad->kind, BadRowKind::Unreadable);
        QCOMPARE(r.rows[4].bad->reason, QStringLiteral("the row has 4 fields; the header has 7"));
    }

    void csvHeaderMustMatchTheMapping()
    {
        const Read r = readAll("event_name,time,customer_id\nx,2026-03-10T11:00:00Z,c\n", standardCsv());
        QVERIFY(r.rows.isEmpty());
        QVERIFY2(r.error.contains(QStringLiteral("does not match the column mapping")), qPrintable(r.error));
        const Read unusable = readAll("a\n1\n", csvSpec({{QStringLiteral("a"), ColumnRole::Property, ColumnType::String}}));
        QVERIFY(unusable.rows.isEmpty());
        QVERIFY2(unusable.error.contains(QStringLiteral("event_name")), qPrintable(unusable.error));
    }

    void previewGuessesRolesAndTypes()
    {
        QByteArray csv = "\xEF\xBB\xBF" "Event Name,Timestamp,External Customer ID,region,ms,cached,ratio,mixed,empty\n";
        for (int i = 0; i < 50; ++i) {
            csv += "api,2026-03-10T11:00:00Z,acme," + QByteArray(i % 2 ? "eu" : "us") + "," + QByteArray::number(i) + ","
                + QByteArray(i % 3 ? "true" : "FALSE") + "," + QByteArray::number(i / 3.0) + "," + QByteArray(i == 7 ? "x" : "1")
                + ",\n";
        }
        QBuffer buffer(&csv);
        buffer.open(QIODevice::ReadOnly);
        auto preview = ul::previewCsv(buffer, 1000, 5);
        QVERIFY2(preview.hasValue(), qPrintable(preview.hasValue() ? QString() : preview.error()));
        QCOMPARE(preview->sampledRows, 50);
        QCOMPARE(preview->rows.size(), 5);
        QCOMPARE(preview->header.first(), QStringLiteral("Event Name"));
        QList<std::pair<ColumnRole, ColumnType>> got;
        for (const CsvColumn &c : preview->mapping.columns)
            got.append({c.role, c.type});
        const QList<std::pair<ColumnRole, ColumnType>> expected{
            {ColumnRole::EventName, ColumnType::String},   {ColumnRole::Timestamp, ColumnType::String},
            {ColumnRole::ExternalCustomerId, ColumnType::String}, {ColumnRole::Property, ColumnType::String},
            {ColumnRole::Property, ColumnType::Number},    {ColumnRole::Property, ColumnType::Boolean},
            {ColumnRole::Property, ColumnType::Number},    {ColumnRole::Property, ColumnType::String},
            {ColumnRole::Property, ColumnType::String}};
        QCOMPARE(got, expected);
        QVERIFY(ul::checkCsvMapping(preview->mapping).isEmpty());

        // The guessed mapping reads the file; an override (ms as a string) changes the values.
        ImportSpec spec = csvSpec(preview->mapping.columns);
        spec.csv.columns[4].type = ColumnType::String;
        spec.csv.columns[8].role = ColumnRole::Ignore;
        const Read r = readAll(csv, spec);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 50);
        QVERIFY(!r.rows[3].bad);
        QCOMPARE(r.rows[3].event.externalCustomerId, QStringLiteral("acme"));
        QCOMPARE(*r.rows[3].event.properties.find(u"ms"), ul::PropertyValue(QStringLiteral("3")));
        QCOMPARE(*r.rows[3].event.properties.find(u"cached"), ul::PropertyValue(false));
        QCOMPARE(*r.rows[3].event.properties.find(u"ratio"), ul::PropertyValue(qint64(1)));
        QVERIFY(!r.rows[3].event.properties.contains(u"empty"));
    }

    void jsonlLines()
    {
        const QByteArray jsonl =
            "\xEF\xBB\xBF"
            R"({"event_name":"api","timestamp":"2026-03-10T11:00:00Z","customer_id":"c1","idempotency_key":"k1","properties":{"ms":5}})" "\r\n"
            "\n"
            R"({"event_name":"api","timestamp":"2026-03-10T11:00:00Z","customer_id":"c1","properties":{}})" "\n"
            R"({"event_name":"api","timestamp":)" "\n"
            R"({"timestamp":"2026-03-10T11:00:00Z","customer_id":"c1","idempotency_key":"k4","properties":{}})" "\n"
            R"({"event_name":"api","timestamp":"10/03/2026","customer_id":"c1","idempotency_key":"k5","properties":{}})" "\n"
            R"({"event_name":7,"timestamp":"2026-03-10T11:00:00Z","customer_id":"c1","idempotency_key":"k6","properties":[]})" "\n"
            R"([1,2,3])" "\n"
            R"({"event_name":"api","timestamp":"2026-03-10T11:00:00Z","external_customer_id":"acme","idempotency_key":"k9","properties":{"ok":true},"extra":1})" "\n"
            R"({"event_name":"api","timestamp":"2026-03-10T11:00:00Z","external_customer_id":"acme","idempotency_key":"k10","properties":{"s":"x"}})";
        const Read r = readAll(jsonl, jsonlSpec());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 9);
        QVERIFY(!r.rows[0].bad);
        QCOMPARE(r.rows[0].line, 1);
        QCOMPARE(r.rows[0].event.id, QStringLiteral("k1"));
        QCOMPARE(r.rows[0].event.properties, (ul::Properties{{QStringLiteral("ms"), qint64(5)}}));
        // Line 2 is blank; line 3 has no key and gets one from the file and its line.
        QVERIFY(!r.rows[1].bad);
        QCOMPARE(r.rows[1].line, 3);
        QCOMPARE(r.rows[1].event.id, QStringLiteral("imp-x-3"));
        QVERIFY(r.rows[1].keyDerived);
        auto expectBad = [&](qsizetype i, qint64 line, BadRowKind kind, const QString &reasonPart) {
            QVERIFY2(r.rows[i].bad.has_value(), qPrintable(QString::number(line)));
            QCOMPARE(r.rows[i].bad->line, line);
            QCOMPARE(r.rows[i].bad->kind, kind);
            QVERIFY2(r.rows[i].bad->reason.contains(reasonPart), qPrintable(r.rows[i].bad->reason));
        };
        expectBad(2, 4, BadRowKind::Unreadable, QStringLiteral("not valid JSON"));
        expectBad(3, 5, BadRowKind::Malformed, QStringLiteral("event_name: is required"));
        expectBad(4, 6, BadRowKind::Malformed, QStringLiteral("timestamp: \"10/03/2026\""));
        expectBad(5, 7, BadRowKind::Malformed, QStringLiteral("event_name: must be a string, not a number"));
        expectBad(5, 7, BadRowKind::Malformed, QStringLiteral("properties: must be an object, not an array"));
        expectBad(6, 8, BadRowKind::Unreadable, QStringLiteral("must be a JSON object, not an array"));
        expectBad(7, 9, BadRowKind::Malformed, QStringLiteral("extra: is not a recognised field"));
        QVERIFY(!r.rows[8].bad);
        QCOMPARE(r.rows[8].line, 10);
        QCOMPARE(r.rows[8].endOffset, jsonl.size());
    }

    void jsonlOverlongLine()
    {
        // (An ordinary literal: moc misreads a raw string that ends in a quote.)
        QByteArray jsonl = "{\"event_name\":\"a\",\"timestamp\":\"2026-03-10T11:00:00Z\",\"customer_id\":\"c\","
                           "\"idempotency_key\":\"k\",\"properties\":{\"s\":\"";
        jsonl += QByteArray(ImportReader::MaxRecordBytes * 2, 'x') + "\"}}\n";
        jsonl += R"({"event_name":"a","timestamp":"2026-03-10T11:00:00Z","customer_id":"c","idempotency_key":"k2","properties":{}})" "\n";
        const Read r = readAll(jsonl, jsonlSpec());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.rows.size(), 2);
        QCOMPARE(r.rows[0].bad->kind, BadRowKind::Unreadable);
        QVERIFY(r.rows[0].bad->reason.contains(QStringLiteral("longer than")));
        QCOMPARE(r.rows[1].line, 2);
        QCOMPARE(r.rows[1].event.id, QStringLiteral("k2"));
    }

    void screenChecksRulesScopeTimeframeAndDuplicates()
    {
        auto row = [](qint64 line, const QString &key, const QString &customer, ul::Timestamp when) {
            ImportRow r;
            r.line = line;
            r.event.id = key;
            r.event.eventName = QStringLiteral("api");
            r.event.customerId = customer;
            r.event.timestamp = when;
            return r;
        };
        ul::ImportScreen plain({}, {});
        QVERIFY(!plain.check(row(1, QStringLiteral("a"), QStringLiteral("c1"), Now - std::chrono::hours(1)), Now));
        auto old = plain.check(row(2, QStringLiteral("b"), QStringLiteral("c1"), Now - std::chrono::hours(13)), Now);
        QCOMPARE(old->kind, BadRowKind::Invalid);
        QVERIFY2(old->reason.contains(QStringLiteral("grace period")), qPrintable(old->reason));
        auto dup = plain.check(row(3, QStringLiteral("a"), QStringLiteral("c1"), Now - std::chrono::hours(1)), Now);
        QCOMPARE(dup->kind, BadRowKind::DuplicateKey);
        QCOMPARE(dup->reason, QStringLiteral("idempotency_key: a was already used on line 1; this row is skipped"));
        // A bad row does not take its key.
        QVERIFY(!plain.check(row(4, QStringLiteral("b"), QStringLiteral("c1"), Now - std::chrono::hours(2)), Now));

        ul::ImportTarget target;
        target.timeframeStart = Now - std::chrono::days(3);
        target.timeframeEnd = Now - std::chrono::days(2);
        target.customerId = QStringLiteral("c1");
        ul::ImportScreen backfill(target, {});
        QVERIFY(!backfill.check(row(1, QStringLiteral("a"), QStringLiteral("c1"), Now - std::chrono::hours(60)), Now));
        QCOMPARE(backfill.check(row(2, QStringLiteral("b"), QStringLiteral("c1"), Now - std::chrono::hours(1)), Now)->kind,
                 BadRowKind::OutsideTimeframe);
        QCOMPARE(backfill.check(row(3, QStringLiteral("c"), QStringLiteral("c1"), Now - std::chrono::days(2)), Now)->kind,
                 BadRowKind::OutsideTimeframe); // the end is exclusive
        QCOMPARE(backfill.check(row(4, QStringLiteral("d"), QStringLiteral("c2"), Now - std::chrono::hours(60)), Now)->kind,
                 BadRowKind::OutsideScope);
    }

    void checkpointRoundTrip()
    {
        ul::ImportJobConfig config;
        config.path = QStringLiteral("/tmp/x.csv");
        config.spec = standardCsv();
        config.target.backfillId = QStringLiteral("bf_1");
        config.target.timeframeStart = Now - std::chrono::days(2);
        config.target.timeframeEnd = Now;
        config.target.externalCustomerId = QStringLiteral("acme");
        config.destination = QStringLiteral("prod");
        config.groupId = QStringLiteral("g1");
        config.reason = QStringLiteral("outage replay");
        config.chunkEvents = 250;
        const ul::ImportCheckpoint checkpoint{QStringLiteral("abc"), 123456, 789, Now.msecs()};
        auto decoded = ul::decodeImportCheckpoint(ul::encodeImportCheckpoint(config, checkpoint));
        QVERIFY2(decoded.hasValue(), qPrintable(decoded.hasValue() ? QString() : decoded.error()));
        const auto &[c, p] = *decoded;
        QCOMPARE(c.path, config.path);
        QCOMPARE(c.spec.format, ul::ImportFormat::Csv);
        QCOMPARE(c.spec.csv, config.spec.csv);
        QCOMPARE(c.spec.keyPrefix, config.spec.keyPrefix);
        QCOMPARE(c.target.backfillId, config.target.backfillId);
        QCOMPARE(c.target.timeframeStart, config.target.timeframeStart);
        QCOMPARE(c.target.timeframeEnd, config.target.timeframeEnd);
        QCOMPARE(c.target.customerId, std::optional<QString>());
        QCOMPARE(c.target.externalCustomerId, config.target.externalCustomerId);
        QCOMPARE(c.destination, config.destination);
        QCOMPARE(c.groupId, config.groupId);
        QCOMPARE(c.reason, config.reason);
        QCOMPARE(c.chunkEvents, 250);
        QCOMPARE(p.identity, checkpoint.identity);
        QCOMPARE(p.offset, checkpoint.offset);
        QCOMPARE(p.line, checkpoint.line);
        QCOMPARE(p.checkedAtMs, checkpoint.checkedAtMs);
        QVERIFY(!ul::decodeImportCheckpoint("12345").hasValue());
    }
};

QTEST_GUILESS_MAIN(TstImportReader)
#include "tst_import_reader.moc"
