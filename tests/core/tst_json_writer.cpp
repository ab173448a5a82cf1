// ul::JsonWriter: valid JSON for any text, commas in the right places, numbers that keep their kind.
#include "json/JsonWriter.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

#include <limits>

using ul::JsonWriter;

class TstJsonWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void escapesStrings_data();
    void escapesStrings();
    void escapesUtf16Text_data() { escapesStrings_data(); }
    void escapesUtf16Text();
    void escapedTextReadsBackUnchanged();
    void writesTimestamps_data();
    void writesTimestamps();
    void placesCommasInNestedStructures();
    void writesNumbers_data();
    void writesNumbers();
    void writesOptionalsAndNull();
    void insertsRawJson();
};

void TstJsonWriter::escapesStrings_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("region") << QByteArray(R"("region")");
    QTest::newRow("empty") << QByteArray("") << QByteArray(R"("")");
    QTest::newRow("quote") << QByteArray(R"(say "hi")") << QByteArray(R"("say \"hi\"")");
    QTest::newRow("backslash") << QByteArray(R"(C:\temp)") << QByteArray(R"("C:\\temp")");
    QTest::newRow("newline, return, tab") << QByteArray("a\nb\rc\td") << QByteArray(R"("a\nb\rc\td")");
    QTest::newRow("backspace, form feed") << QByteArray("\b\f") << QByteArray(R"("\b\f")");
    QTest::newRow("other control characters") << QByteArray("\x01\x1f", 2) << QByteArray(R"("\u0001\u001f")");
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray(R"("a\u0000b")");
    QTest::newRow("DEL is not a control character in JSON") << QByteArray("\x7f") << QByteArray("\"\x7f\"");
    QTest::newRow("slash stays") << QByteArray("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("UTF-8 passes through") << QByteArray("ünï 🚀") << QByteArray("\"ünï 🚀\"");
    QTest::newRow("escape at both ends") << QByteArray("\"x\"") << QByteArray(R"("\"x\"")");
}

void TstJsonWriter::escapesStrings()
{
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, expected);
    JsonWriter out;
    out.value(std::string_view(utf8.constData(), size_t(utf8.size())));
    QCOMPARE(out.data(), expected);
}

void TstJsonWriter::escapesUtf16Text()
{
    // The QString path (ASCII narrowed in place, anything else through UTF-8) writes the same bytes.
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, expected);
    const QString text = QString::fromUtf8(utf8);
    JsonWriter out;
    out.beginArray().value(text).value(QStringView(text)).endArray();
    QCOMPARE(out.data(), "[" + expected + "," + expected + "]");
    JsonWriter keys;
    keys.beginObject().key(QStringView(text)).value(qint64(1)).endObject();
    QCOMPARE(keys.data(), "{" + expected + ":1}");
}

void TstJsonWriter::writesTimestamps_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::newRow("whole seconds") << qint64(1714566896000);
    QTest::newRow("milliseconds") << qint64(1714566896007);
    QTest::newRow("before the epoch") << qint64(-1);
    QTest::newRow("year 9999") << qint64(253402300799999);
    QTest::newRow("year 10000: spelt by Qt") << qint64(253402300800000);
}

void TstJsonWriter::writesTimestamps()
{
    // value(Timestamp) writes exactly what toIso8601() spells, quoted, without a QString.
    QFETCH(qint64, ms);
    const ul::Timestamp when = ul::Timestamp::fromMsecs(ms);
    JsonWriter out;
    out.beginObject().key("t").value(when).endObject();
    QCOMPARE(out.data(), R"({"t":")" + when.toIso8601().toUtf8() + R"("})");
    char buffer[32];
    const qsizetype length = when.writeIso8601(buffer);
    if (QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().year() > 9999)
        QCOMPARE(length, qsizetype(0));
    else
        QCOMPARE(QString::fromLatin1(buffer, length), when.toIso8601());
}

void TstJsonWriter::escapedTextReadsBackUnchanged()
{
    // Every character from U+0000 to U+00FF, plus some beyond, as a key and as a value.
    QString text;
    for (char16_t c = 0; c < 0x100; ++c)
        text += QChar(c);
    text += QStringLiteral("€ 日本 🚀");
    JsonWriter out;
    const QByteArray key = text.toUtf8();
    out.beginObject().key(std::string_view(key.constData(), size_t(key.size()))).value(text).endObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.data(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(text).toString(), text);
}

void TstJsonWriter::placesCommasInNestedStructures()
{
    JsonWriter out;
    out.beginObject();
    out.key("a").beginArray().value(1).value(2).beginObject().endObject().beginArray().endArray().endArray();
    out.key("b").beginObject().key("c").value(true).key("d").null().endObject();
    out.key("e").beginArray().endArray();
    out.endObject();
    QCOMPARE(out.data(), QByteArray(R"({"a":[1,2,{},[]],"b":{"c":true,"d":null},"e":[]})"));
    QVERIFY(QJsonDocument::fromJson(out.data()).isObject());

    // Values written one after another at the top level are separated too (a JSON sequence).
    JsonWriter sequence;
    sequence.value(1).value("x");
    QCOMPARE(sequence.data(), QByteArray(R"(1,"x")"));
}

void TstJsonWriter::writesNumbers_data()
{
    QTest::addColumn<QVariant>("number");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("zero") << QVariant(qint64(0)) << QByteArray("0");
    QTest::newRow("int") << QVariant(int(-12)) << QByteArray("-12");
    QTest::newRow("largest qint64") << QVariant(std::numeric_limits<qint64>::max()) << QByteArray("9223372036854775807");
    QTest::newRow("smallest qint64") << QVariant(std::numeric_limits<qint64>::min()) << QByteArray("-9223372036854775808");
    QTest::newRow("decimal") << QVariant(1.5) << QByteArray("1.5");
    QTest::newRow("whole decimal keeps a point") << QVariant(2.0) << QByteArray("2.0");
    QTest::newRow("negative whole decimal") << QVariant(-300.0) << QByteArray("-300.0");
    QTest::newRow("zero decimal") << QVariant(0.0) << QByteArray("0.0");
    QTest::newRow("negative zero") << QVariant(-0.0) << QByteArray("-0.0");
    QTest::newRow("shortest round trip") << QVariant(0.1) << QByteArray("0.1");
    QTest::newRow("large exponent") << QVariant(1e300) << QByteArray("1e+300");
    QTest::newRow("small exponent") << QVariant(-2.5e-10) << QByteArray("-2.5e-10");
    QTest::newRow("largest double") << QVariant(std::numeric_limits<double>::max()) << QByteArray("1.7976931348623157e+308");
    QTest::newRow("NaN is null") << QVariant(std::numeric_limits<double>::quiet_NaN()) << QByteArray("null");
    QTest::newRow("infinity is null") << QVariant(std::numeric_limits<double>::infinity()) << QByteArray("null");
}

void TstJsonWriter::writesNumbers()
{
    QFETCH(QVariant, number);
    QFETCH(QByteArray, expected);
    JsonWriter out;
    out.beginArray();
    if (number.typeId() == QMetaType::Double)
        out.value(number.toDouble());
    else if (number.typeId() == QMetaType::Int)
        out.value(number.toInt());
    else
        out.value(number.toLongLong());
    out.endArray();
    QCOMPARE(out.data(), '[' + expected + ']');
    QVERIFY(QJsonDocument::fromJson(out.data()).isArray());
}

void TstJsonWriter::writesOptionalsAndNull()
{
    JsonWriter out;
    out.beginArray().value(std::optional<QString>()).value(std::optional(QStringLiteral("x"))).null().value(false).endArray();
    QCOMPARE(out.data(), QByteArray(R"([null,"x",null,false])"));
}

void TstJsonWriter::insertsRawJson()
{
    JsonWriter out(4);
    out.beginObject().key("properties").raw(R"({"a":1})").key("n").value(2).endObject();
    QCOMPARE(out.take(), QByteArray(R"({"properties":{"a":1},"n":2})"));
}

QTEST_GUILESS_MAIN(TstJsonWriter)
#include "tst_json_writer.moc"
