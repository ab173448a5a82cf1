// The property filter expressions (`region = 'eu' AND ms > 100`): parsing, errors with their
// column, evaluation against properties, the canonical spelling, and the SQL translation giving
// exactly what the evaluator gives on every storage class.
#include "filter/FilterExpression.h"
#include "filter/FilterSql.h"
#include "storage/Sqlite.h"

#include <QtTest/QTest>

using ul::Properties;
using ul::PropertyValue;
using ul::filter::CompareOp;
using ul::filter::Expression;
using ul::filter::Node;

namespace {

Expression parsed(const QString &text)
{
    auto e = Expression::parse(text);
    if (!e)
        qFatal("%s does not parse: %s", qPrintable(text), qPrintable(e.error().toString()));
    return std::move(e).value();
}

Properties sample()
{
    return Properties{{QStringLiteral("region"), QStringLiteral("eu")},
                      {QStringLiteral("ms"), qint64(150)},
                      {QStringLiteral("cost"), 2.5},
                      {QStringLiteral("billable"), true},
                      {QStringLiteral("zone"), QStringLiteral("eu-west-1")},
                      {QStringLiteral("note"), QStringLiteral("it's")},
                      {QStringLiteral("key with spaces"), QStringLiteral("x")}};
}

} // namespace

class TstFilterExpression : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAComparison()
    {
        const Expression e = parsed(QStringLiteral("region = 'eu'"));
        const Node &root = e.root();
        QCOMPARE(root.kind, Node::Kind::Comparison);
        QCOMPARE(root.key, QStringLiteral("region"));
        QCOMPARE(root.op, CompareOp::Equal);
        QCOMPARE(root.value, PropertyValue(QStringLiteral("eu")));
    }

    void parsesLiterals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("bare word") << "region = eu" << "region = 'eu'";
        QTest::newRow("bare word with dashes") << "zone=eu-west-1" << "zone = 'eu-west-1'";
        QTest::newRow("integer") << "ms > 100" << "ms > 100";
        QTest::newRow("negative") << "ms>-5" << "ms > -5";
        QTest::newRow("decimal") << "cost <= 2.50" << "cost <= 2.5";
        QTest::newRow("whole decimal") << "cost >= 2.0" << "cost >= 2.0";
        QTest::newRow("exponent") << "cost < 1e3" << "cost < 1000.0";
        QTest::newRow("huge integer") << "n = 99999999999999999999" << "n = 1e+20";
        QTest::newRow("true") << "billable = TRUE" << "billable = true";
        QTest::newRow("false") << "billable != false" << "billable != false";
        QTest::newRow("doubled quote") << "note = 'it''s'" << "note = 'it''s'";
        QTest::newRow("backslash quote") << "note = 'it\\'s'" << "note = 'it''s'";
        QTest::newRow("backslash kept") << "path = 'C:\\dir'" << "path = 'C:\\dir'";
        QTest::newRow("quoted key") << "\"key with spaces\" = x" << "\"key with spaces\" = 'x'";
        QTest::newRow("keyword as key") << "\"and\" = 1" << "\"and\" = 1";
        QTest::newRow("operators") << "a == 1 AND b <> 2 AND c != 3 AND d < 4 AND e <= 5 AND f > 6 AND g >= 7"
                                   << "a = 1 AND b != 2 AND c != 3 AND d < 4 AND e <= 5 AND f > 6 AND g >= 7";
        QTest::newRow("unicode") << "city = Zürich" << "city = 'Zürich'";
        QTest::newRow("empty string") << "region = ''" << "region = ''";
    }
    void parsesLiterals()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QCOMPARE(parsed(text).toString(), canonical);
        // The canonical spelling reads back to itself.
        QCOMPARE(parsed(canonical).toString(), canonical);
    }

    void keywordsAndPrecedence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("and, any case") << "a = 1 and b = 2 AnD c = 3" << "a = 1 AND b = 2 AND c = 3";
        QTest::newRow("and binds tighter") << "a = 1 OR b = 2 AND c = 3" << "a = 1 OR b = 2 AND c = 3";
        QTest::newRow("parentheses") << "(a = 1 OR b = 2) AND c = 3" << "(a = 1 OR b = 2) AND c = 3";
        QTest::newRow("redundant parentheses") << "((a = 1)) AND (b = 2 AND c = 3)" << "a = 1 AND b = 2 AND c = 3";
        QTest::newRow("not") << "NOT a = 1 AND b = 2" << "NOT a = 1 AND b = 2";
        QTest::newRow("not group") << "not (a = 1 or b = 2)" << "NOT (a = 1 OR b = 2)";
        QTest::newRow("double not") << "NOT NOT a = 1" << "NOT NOT a = 1";
    }
    void keywordsAndPrecedence()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QCOMPARE(parsed(text).toString(), canonical);
        QCOMPARE(parsed(canonical).toString(), canonical);
    }

    void listsKeys()
    {
        QCOMPARE(parsed(QStringLiteral("b = 1 AND (a = 2 OR b = 3) AND NOT c = x")).keys(),
                 QStringList({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
    }

    void reportsErrorsWithTheirColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty") << "   " << 1 << "empty";
        QTest::newRow("missing value") << "region = 'eu' AND ms >" << 23 << "expected a value after '>'";
        QTest::newRow("missing operator") << "region 'eu'" << 8 << "expected a comparison";
        QTest::newRow("unterminated string") << "region = 'eu" << 10 << "unterminated string";
        QTest::newRow("unterminated name") << "\"region = 1" << 1 << "unterminated name";
        QTest::newRow("two words") << "region = eu west" << 13 << "quote values that contain spaces";
        QTest::newRow("stray character") << "region = e#u" << 11 << "unexpected character '#'";
        QTest::newRow("bad number") << "ms > 12ab" << 6 << "'12ab' is not a number";
        QTest::newRow("two points") << "ms > 1.2.3" << 6 << "not a number";
        QTest::newRow("bang alone") << "ms ! 3" << 4 << "'!' must be followed by '='";
        QTest::newRow("dangling and") << "a = 1 AND" << 10 << "at the end";
        QTest::newRow("keyword as key") << "AND = 1" << 1 << "found the keyword 'AND'";
        QTest::newRow("keyword as value") << "a = or" << 5 << "found the keyword 'or'";
        QTest::newRow("unclosed parenthesis") << "(a = 1 AND b = 2" << 1 << "never closed";
        QTest::newRow("extra parenthesis") << "a = 1)" << 6 << "')' has no matching '('";
        QTest::newRow("quoted name as value") << "a = \"x\"" << 5 << "single quotes";
        QTest::newRow("operator as value") << "a = = 1" << 5 << "expected a value after '='";
        QTest::newRow("value first") << "'eu' = region" << 1 << "expected a property name";
        QTest::newRow("empty name") << "\"\" = 1" << 1 << "cannot be empty";
        QTest::newRow("missing and") << "a = 1 b = 2" << 7 << "expected AND, OR";
    }
    void reportsErrorsWithTheirColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, words);
        const auto result = Expression::parse(text);
        QVERIFY2(!result, qPrintable(text));
        QCOMPARE(result.error().column(), column);
        QVERIFY2(result.error().message.contains(words), qPrintable(result.error().message));
        QVERIFY(result.error().length >= 1);
        QVERIFY(result.error().toString().startsWith(QStringLiteral("column %1: ").arg(column)));
    }

    void refusesDeepNesting()
    {
        const QString text = QString(200, QLatin1Char('(')) + QStringLiteral("a = 1") + QString(200, QLatin1Char(')'));
        const auto result = Expression::parse(text);
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(QStringLiteral("nested too deeply")));
    }

    void evaluates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("string equal") << "region = 'eu'" << true;
        QTest::newRow("bare word") << "region = eu" << true;
        QTest::newRow("string differs") << "region = us" << false;
        QTest::newRow("string not equal") << "region != us" << true;
        QTest::newRow("string order") << "region < f" << true;
        QTest::newRow("integer greater") << "ms > 100" << true;
        QTest::newRow("integer equal as decimal") << "ms = 150.0" << true;
        QTest::newRow("integer bound") << "ms >= 150 AND ms <= 150" << true;
        QTest::newRow("decimal") << "cost > 2" << true;
        QTest::newRow("decimal equal") << "cost = 2.5" << true;
        QTest::newRow("boolean") << "billable = true" << true;
        QTest::newRow("boolean false") << "billable = false" << false;
        QTest::newRow("boolean not equal") << "billable != false" << true;
        QTest::newRow("and") << "region = eu AND ms > 100" << true;
        QTest::newRow("and fails") << "region = eu AND ms > 200" << false;
        QTest::newRow("or") << "region = us OR ms > 100" << true;
        QTest::newRow("not") << "NOT region = us" << true;
        QTest::newRow("escaped quote") << "note = 'it''s'" << true;
        QTest::newRow("quoted key") << "\"key with spaces\" = x" << true;
        QTest::newRow("dashes") << "zone = eu-west-1" << true;
        // Type and presence rules: a comparison of another type, or of a missing key, is false.
        QTest::newRow("number against string") << "region = 1" << false;
        QTest::newRow("string against number") << "ms = '150'" << false;
        QTest::newRow("string against number, not equal") << "ms != 'x'" << false;
        QTest::newRow("number against boolean") << "billable = 1" << false;
        QTest::newRow("missing") << "absent = 1" << false;
        QTest::newRow("missing, not equal") << "absent != 1" << false;
        QTest::newRow("not missing") << "NOT absent = 1" << true;
        QTest::newRow("keys are case sensitive") << "Region = eu" << false;
        QTest::newRow("values are case sensitive") << "region = EU" << false;
    }
    void evaluates()
    {
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(parsed(text).matches(sample()), matches);
    }

    void comparesCodePoints()
    {
        // U+FF21 (one UTF-16 unit) sorts before U+1F600 (a surrogate pair), as in UTF-8 bytes.
        const Properties p{{QStringLiteral("s"), QString(QChar(0xFF21))}};
        QVERIFY(parsed(QStringLiteral("s < '") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("'")).matches(p));
    }

    /// The SQL translation selects exactly what the evaluator selects, for every storage class.
    void sqlAgreesWithTheEvaluator_data()
    {
        QTest::addColumn<QString>("text");
        const char *expressions[] = {
            "v = 'eu'", "v != 'eu'", "v < 'm'", "v >= 'eu'", "v = 150", "v != 150", "v > 100", "v <= 2.5",
            "v < 0", "v = true", "v != true", "v = false", "v < true", "NOT v = 'eu'", "NOT v > 100",
            "v = 'eu' OR v > 100", "NOT (v = true OR v < 10)", "w = 1 OR v = 'us'", "NOT w = 1",
            "v > 'a'", "v <= 'us'", "v != ''", "v >= 150", "v <= 150", "v > -100", "v != 2.5", "v > false",
            "v >= false", "v <= true", "NOT (v != 'eu' AND w = 1)", "NOT NOT v < 'z'", "v = 150.0",
        };
        for (const char *e : expressions)
            QTest::newRow(e) << QString::fromUtf8(e);
    }
    void sqlAgreesWithTheEvaluator()
    {
        QFETCH(QString, text);
        const Expression e = parsed(text);
        auto db = ul::sqlite::Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE t (n INTEGER PRIMARY KEY, v, w)"));
        // Values as the workspace stores them: text, integers, reals, booleans as one-byte blobs, NULL.
        const QList<Properties> rows{
            Properties{{QStringLiteral("v"), QStringLiteral("eu")}},
            Properties{{QStringLiteral("v"), QStringLiteral("us")}},
            Properties{{QStringLiteral("v"), QStringLiteral("")}},
            Properties{{QStringLiteral("v"), qint64(150)}},
            Properties{{QStringLiteral("v"), qint64(-3)}},
            Properties{{QStringLiteral("v"), 2.5}},
            Properties{{QStringLiteral("v"), 150.0}},
            Properties{{QStringLiteral("v"), true}},
            Properties{{QStringLiteral("v"), false}},
            Properties{},
            Properties{{QStringLiteral("w"), qint64(1)}},
        };
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QByteArray value = "NULL";
            if (const PropertyValue *v = rows[i].find(u"v")) {
                if (const auto *s = std::get_if<QString>(v))
                    value = "'" + s->toUtf8() + "'";
                else if (const auto *n = std::get_if<qint64>(v))
                    value = QByteArray::number(*n);
                else if (const auto *d = std::get_if<double>(v))
                    value = "CAST(" + QByteArray::number(*d, 'f', 3) + " AS REAL)";
                else
                    value = ul::filter::sqlBoolean(std::get<bool>(*v));
            }
            const QByteArray w = rows[i].contains(u"w") ? "1" : "NULL";
            const QByteArray insert = "INSERT INTO t VALUES (" + QByteArray::number(i) + ", " + value + ", " + w + ")";
            QVERIFY(db->exec(insert.toStdString()));
        }
        const auto condition = ul::filter::toSql(e, [](const QString &key) { return key.toUtf8(); });
        const QByteArray select = "SELECT n, " + condition.sql + " FROM t ORDER BY n";
        auto stmt = db->prepare(select.toStdString());
        QVERIFY2(stmt, stmt ? "" : qPrintable(stmt.error()));
        for (qsizetype i = 0; i < condition.parameters.size(); ++i) {
            const PropertyValue &p = condition.parameters[i];
            const int index = int(i + 1);
            if (const auto *s = std::get_if<QString>(&p))
                stmt->bind(index, *s);
            else if (const auto *n = std::get_if<qint64>(&p))
                stmt->bind(index, *n);
            else
                stmt->bind(index, std::get<double>(p));
        }
        int checked = 0;
        while (stmt->step()) {
            const qint64 n = stmt->int64(0);
            QVERIFY2(!stmt->isNull(1), "the condition must never be NULL");
            const bool sql = stmt->int64(1) != 0;
            QVERIFY2(sql == e.matches(rows[n]), qPrintable(QStringLiteral("row %1: SQL says %2").arg(n).arg(sql)));
            ++checked;
        }
        QCOMPARE(checked, rows.size());
    }

    void sqlNumbersParametersFromTheFirstGiven()
    {
        const auto condition = ul::filter::toSql(parsed(QStringLiteral("a = 'x' AND b > 2 AND c = true")),
                                                 [](const QString &key) { return key.toUtf8(); }, 5);
        QVERIFY(condition.sql.contains("?5"));
        QVERIFY(condition.sql.contains("?6"));
        QVERIFY(!condition.sql.contains("?7"));
        QVERIFY(condition.sql.contains("x'01'"));
        QCOMPARE(condition.parameters.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TstFilterExpression)
#include "tst_filter_expression.moc"
