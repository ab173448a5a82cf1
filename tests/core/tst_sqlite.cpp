// ul::sqlite: the thin RAII layer over SQLite's C API that the stores use.
#include "storage/Sqlite.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace sqlite = ul::sqlite;

class TstSqlite : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bindsAndReadsEveryType();
    void reportsErrorsAsValues();
    void stepsThroughRows();
    void reusesAStatementAfterReset();
    void transactionCommits();
    void transactionRollsBackWhenNotCommitted();
    void fileDatabasesUseWalAndPersist();
    void movesOwnership();
};

namespace {

sqlite::Database openMemory()
{
    auto db = sqlite::Database::open(QStringLiteral(":memory:"));
    if (!db)
        qFatal("cannot open an in-memory database: %s", qPrintable(db.error()));
    return std::move(db).value();
}

qint64 countRows(sqlite::Database &db, std::string_view table)
{
    auto q = db.prepare("SELECT COUNT(*) FROM " + std::string(table));
    return q && q->step() ? q->int64(0) : -1;
}

} // namespace

void TstSqlite::bindsAndReadsEveryType()
{
    sqlite::Database db = openMemory();
    QVERIFY(db.isOpen());
    QVERIFY(db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, u TEXT, n TEXT, o TEXT, b BLOB)"));
    auto insert = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    QVERIFY2(insert, insert ? "" : qPrintable(insert.error()));
    const QString unicode = QStringLiteral("ünï 日本 🚀");
    insert->bind(1, std::numeric_limits<qint64>::min())
        .bind(2, 0.1)
        .bind(3, unicode)
        .bind(4, std::string_view("utf-8 text"))
        .bind(5, std::optional<QString>())
        .bind(6, std::optional(QStringLiteral("present")))
        .bind(7, QByteArray("a\0b", 3));
    QVERIFY(insert->exec());
    QCOMPARE(db.changes(), 1);
    QCOMPARE(db.lastInsertRowId(), qint64(1));

    auto select = db.prepare("SELECT i, r, s, u, n, o, b FROM t");
    QVERIFY(select);
    QVERIFY(select->step());
    QCOMPARE(select->int64(0), std::numeric_limits<qint64>::min());
    QCOMPARE(select->real(1), 0.1);
    QCOMPARE(select->text(2), unicode);
    QCOMPARE(select->utf8(3), std::string_view("utf-8 text"));
    QVERIFY(select->isNull(4));
    QCOMPARE(select->optionalText(4), std::optional<QString>());
    QCOMPARE(select->text(4), QString());
    QCOMPARE(select->optionalText(5), std::optional(QStringLiteral("present")));
    QCOMPARE(select->utf8(6), std::string_view("a\0b", 3));
    QVERIFY(!select->step());
    QCOMPARE(select->error(), QString());
}

void TstSqlite::reportsErrorsAsValues()
{
    sqlite::Database db = openMemory();
    const auto badSql = db.exec("SELEC 1");
    QVERIFY(!badSql);
    QVERIFY2(badSql.error().contains(QStringLiteral("syntax error")), qPrintable(badSql.error()));

    const auto badPrepare = db.prepare("SELECT * FROM missing_table");
    QVERIFY(!badPrepare);
    QVERIFY2(badPrepare.error().contains(QStringLiteral("no such table")), qPrintable(badPrepare.error()));
    QVERIFY2(badPrepare.error().contains(QStringLiteral("SELECT * FROM missing_table")), qPrintable(badPrepare.error()));

    QVERIFY(db.exec("CREATE TABLE u (k TEXT PRIMARY KEY)"));
    auto insert = db.prepare("INSERT INTO u VALUES (?1)");
    QVERIFY(insert);
    QVERIFY(insert->bind(1, QStringLiteral("a")).exec());
    const auto duplicate = insert->bind(1, QStringLiteral("a")).exec();
    QVERIFY(!duplicate);
    QVERIFY2(duplicate.error().contains(QStringLiteral("UNIQUE")), qPrintable(duplicate.error()));
    // The statement is usable again after a failure.
    QVERIFY(insert->bind(1, QStringLiteral("b")).exec());
    QCOMPARE(countRows(db, "u"), qint64(2));

    const auto unopenable = sqlite::Database::open(QStringLiteral("/nonexistent-directory/x.sqlite"));
    QVERIFY(!unopenable);
    QVERIFY(unopenable.error().contains(QStringLiteral("/nonexistent-directory/x.sqlite")));
}

void TstSqlite::stepsThroughRows()
{
    sqlite::Database db = openMemory();
    QVERIFY(db.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (3), (1), (2);"));
    auto q = db.prepare("SELECT v FROM n ORDER BY v");
    QVERIFY(q);
    QList<qint64> values;
    while (q->step())
        values << q->int64(0);
    QCOMPARE(values, (QList<qint64>{1, 2, 3}));
}

void TstSqlite::reusesAStatementAfterReset()
{
    sqlite::Database db = openMemory();
    QVERIFY(db.exec("CREATE TABLE kv (k TEXT, v INTEGER); INSERT INTO kv VALUES ('a', 1), ('b', 2);"));
    auto q = db.prepare("SELECT v FROM kv WHERE k = ?1");
    QVERIFY(q);
    for (const auto &[key, expected] : {std::pair{"a", 1}, std::pair{"b", 2}, std::pair{"a", 1}}) {
        q->bind(1, std::string_view(key));
        QVERIFY(q->step());
        QCOMPARE(q->int64(0), qint64(expected));
        q->reset();
    }
    // reset() clears the bindings too: an unbound parameter is NULL and matches nothing.
    QVERIFY(!q->step());
}

void TstSqlite::transactionCommits()
{
    sqlite::Database db = openMemory();
    QVERIFY(db.exec("CREATE TABLE t (v INTEGER)"));
    {
        sqlite::Transaction tx(db);
        QVERIFY(tx.isActive());
        QVERIFY(db.exec("INSERT INTO t VALUES (1)"));
        QVERIFY(tx.commit());
        QVERIFY(!tx.isActive());
        QVERIFY(!tx.commit()); // once only
    }
    QCOMPARE(countRows(db, "t"), qint64(1));
}

void TstSqlite::transactionRollsBackWhenNotCommitted()
{
    sqlite::Database db = openMemory();
    QVERIFY(db.exec("CREATE TABLE t (v INTEGER)"));
    {
        sqlite::Transaction tx(db);
        QVERIFY(db.exec("INSERT INTO t VALUES (1)"));
        QCOMPARE(countRows(db, "t"), qint64(1));
    }
    QCOMPARE(countRows(db, "t"), qint64(0));
    // A transaction inside another cannot begin, and says so instead of pretending.
    sqlite::Transaction outer(db);
    sqlite::Transaction inner(db);
    QVERIFY(outer.isActive());
    QVERIFY(!inner.isActive());
    QVERIFY(!inner.commit());
}

void TstSqlite::fileDatabasesUseWalAndPersist()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    {
        auto db = sqlite::Database::open(path);
        QVERIFY2(db, db ? "" : qPrintable(db.error()));
        auto mode = db->prepare("PRAGMA journal_mode");
        QVERIFY(mode && mode->step());
        QCOMPARE(mode->text(0), QStringLiteral("wal"));
        QVERIFY(db->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept');"));
    }
    auto reopened = sqlite::Database::open(path);
    QVERIFY(reopened);
    auto q = reopened->prepare("SELECT v FROM t");
    QVERIFY(q && q->step());
    QCOMPARE(q->text(0), QStringLiteral("kept"));

    auto memory = sqlite::Database::open(QStringLiteral(":memory:"));
    auto memoryMode = memory->prepare("PRAGMA journal_mode");
    QVERIFY(memoryMode && memoryMode->step());
    QCOMPARE(memoryMode->text(0), QStringLiteral("memory"));
}

void TstSqlite::movesOwnership()
{
    sqlite::Database first = openMemory();
    QVERIFY(first.exec("CREATE TABLE t (v INTEGER)"));
    sqlite::Database second = std::move(first);
    QVERIFY(!first.isOpen()); // NOLINT(bugprone-use-after-move): checking the moved-from state is the point
    QVERIFY(second.isOpen());
    QVERIFY(second.exec("INSERT INTO t VALUES (1)"));

    auto prepared = second.prepare("SELECT COUNT(*) FROM t");
    QVERIFY(prepared);
    sqlite::Statement statement = std::move(prepared).value();
    QVERIFY(statement.isValid());
    sqlite::Statement other;
    QVERIFY(!other.isValid());
    other = std::move(statement);
    QVERIFY(other.isValid());
    QVERIFY(other.step());
    QCOMPARE(other.int64(0), qint64(1));
}

QTEST_GUILESS_MAIN(TstSqlite)
#include "tst_sqlite.moc"
