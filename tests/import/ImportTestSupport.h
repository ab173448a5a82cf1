#pragma once
// Shared by the import suites and the import kill helper: generated import files whose good and
// bad rows are known, so a test can check exactly what reaches the server.

#include "import/ImportReader.h"

#include <QtCore/QFile>
#include <QtCore/QList>
#include <QtCore/QStringList>

namespace ul::test {

/// What a generated file holds.
struct GeneratedImport {
    QStringList goodKeys;    ///< Idempotency keys of the good rows, in file order.
    QList<qint64> badLines;  ///< Lines of the bad rows.
    qint64 rows = 0;
};

/// Writes `count` JSONL rows for `customer` at `when` + i seconds (wrapping every hour):
/// every 97th row is not JSON, every 89th lacks its timestamp, every 61st has a property that
/// is an object, every 53rd repeats the key of the row before it (a duplicate), and every 41st
/// has no idempotency key (it gets one derived from the file and its line). A blank line follows
/// row 10 (not a row). The rest are good.
inline GeneratedImport writeJsonlImport(const QString &path, int count, const QString &customer, Timestamp when,
                                        const QString &keyPrefix = QStringLiteral("row-"))
{
    GeneratedImport g;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return g;
    QList<qint64> derivedLines;
    qint64 line = 0;
    for (int i = 1; i <= count; ++i) {
        ++line;
        const QString key = keyPrefix + QString::number(i);
        const QString ts = when.addSecs(i % 3600).toIso8601();
        QByteArray row;
        if (i % 97 == 0) {
            row = R"({"event_name": "api_request", "timestamp": )";
            g.badLines << line;
        } else if (i % 89 == 0) {
            row = QStringLiteral(R"({"event_name":"api_request","idempotency_key":"%1","customer_id":"%2","properties":{}})")
                      .arg(key, customer).toUtf8();
            g.badLines << line;
        } else if (i % 61 == 0) {
            row = QStringLiteral(R"({"event_name":"api_request","timestamp":"%1","idempotency_key":"%2","customer_id":"%3","properties":{"nested":{"a":1}}})")
                      .arg(ts, key, customer).toUtf8();
            g.badLines << line;
        } else if (i % 53 == 0) {
            const QString previous = keyPrefix + QString::number(i - 1);
            row = QStringLiteral(R"({"event_name":"api_request","timestamp":"%1","idempotency_key":"%2","customer_id":"%3","properties":{"n":%4}})")
                      .arg(ts, previous, customer).arg(i).toUtf8();
            // The row before is good unless it was bad itself; then this one is the first use.
            if (!g.goodKeys.isEmpty() && g.goodKeys.last() == previous)
                g.badLines << line;
            else
                g.goodKeys << previous;
        } else if (i % 41 == 0) {
            row = QStringLiteral(R"({"event_name":"api_request","timestamp":"%1","customer_id":"%2","properties":{"region":"eu","n":%3}})")
                      .arg(ts, customer).arg(i).toUtf8();
            g.goodKeys << QString(); // filled in below, once the file's identity is known
            derivedLines << line;
        } else {
            row = QStringLiteral(R"({"event_name":"api_request","timestamp":"%1","idempotency_key":"%2","customer_id":"%3","properties":{"region":"eu","n":%4,"ok":true}})")
                      .arg(ts, key, customer).arg(i).toUtf8();
            g.goodKeys << key;
        }
        file.write(row + '\n');
        if (i == 10) {
            file.write("   \n");
            ++line;
        }
    }
    file.close();
    g.rows = count;
    if (!file.open(QIODevice::ReadOnly))
        return g;
    const QString prefix = importKeyPrefix(importFileIdentity(file).valueOr(QString()));
    qsizetype d = 0;
    for (QString &k : g.goodKeys) {
        if (k.isEmpty())
            k = prefix + QString::number(derivedLines[d++]);
    }
    return g;
}

} // namespace ul::test
