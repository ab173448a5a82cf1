// The events table model and its sort/filter proxy under QAbstractItemModelTester, and the
// CSV/JSONL/JSON writers the Events view exports and copies with.
#include "events/EventExport.h"
#include "events/EventFilterProxyModel.h"
#include "events/EventTableModel.h"
#include "json/EventCodec.h"

#include <QtCore/QBuffer>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtGui/QFont>
#include "TimeDisplay.h"

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using ul::Event;
using ul::Properties;
using ul::Timestamp;
using ul::gui::EventFilterProxyModel;
using ul::gui::EventTableModel;
using Tester = QAbstractItemModelTester;

namespace {

const Timestamp Base = Timestamp::parseIso8601(QStringView(u"2026-11-23T10:15:00Z")).value();

Event makeEvent(const QString &id, Properties properties, qint64 secondsAfterBase = 0)
{
    Event e;
    e.id = id;
    e.eventName = QStringLiteral("api_request");
    e.customerId = QStringLiteral("cus_%1").arg(id);
    e.timestamp = Base.addSecs(secondsAfterBase);
    e.properties = std::move(properties);
    return e;
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList names;
    for (int c = 0; c < model.columnCount(); ++c)
        names << model.headerData(c, Qt::Horizontal).toString();
    return names;
}

QStringList columnValues(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int r = 0; r < model.rowCount(); ++r)
        values << model.index(r, column).data().toString();
    return values;
}

const QStringList FixedHeaders{QStringLiteral("Id"),          QStringLiteral("Event name"),
                               QStringLiteral("Customer id"), QStringLiteral("External customer id"),
                               QStringLiteral("Timestamp (UTC)"), QStringLiteral("Deprecated")};

} // namespace

class EventTableModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void propertyColumnsAppearSortedByKey()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(EventTableModel::FixedColumnCount));
        QCOMPARE(headers(model), FixedHeaders);

        QSignalSpy columnsInserted(&model, &QAbstractItemModel::columnsInserted);
        model.addEvents({makeEvent(QStringLiteral("a"), {{QStringLiteral("region"), QStringLiteral("eu")}})});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(headers(model), FixedHeaders + QStringList{QStringLiteral("region")});

        model.addEvents({makeEvent(QStringLiteral("b"), {{QStringLiteral("zone"), QStringLiteral("z1")},
                                                         {QStringLiteral("ms"), qint64(12)},
                                                         {QStringLiteral("region"), QStringLiteral("us")}})});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(headers(model), FixedHeaders + QStringList({QStringLiteral("ms"), QStringLiteral("region"), QStringLiteral("zone")}));
        QCOMPARE(columnsInserted.size(), 3); // region, then ms and zone, one at a time in their place
        QCOMPARE(model.propertyKeys(), (QStringList{QStringLiteral("ms"), QStringLiteral("region"), QStringLiteral("zone")}));

        // Keys name the columns stably, whatever their position.
        const int ms = model.columnOfKey(u"properties.ms");
        QCOMPARE(ms, int(EventTableModel::FixedColumnCount));
        QCOMPARE(model.headerData(ms, Qt::Horizontal, EventTableModel::ColumnKeyRole).toString(), QStringLiteral("properties.ms"));
        QCOMPARE(model.columnKey(EventTableModel::TimestampColumn), QStringLiteral("timestamp"));
        QCOMPARE(model.columnOfKey(u"timestamp"), int(EventTableModel::TimestampColumn));
        QCOMPARE(model.columnOfKey(u"properties.nope"), -1);
        QCOMPARE(model.propertyKeyOf(ms), std::optional<QString>(QStringLiteral("ms")));
        QVERIFY(!model.propertyKeyOf(EventTableModel::IdColumn));

        // A missing property is an empty cell.
        const int zone = model.columnOfKey(u"properties.zone");
        QCOMPARE(model.index(0, zone).data(), QVariant());
        QCOMPARE(model.index(1, zone).data().toString(), QStringLiteral("z1"));
        QCOMPARE(model.index(1, ms).data().toString(), QStringLiteral("12"));
    }

    void displaysFieldsAndUtcTimestamps()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        Event e = makeEvent(QStringLiteral("evt-1"), {{QStringLiteral("ratio"), 0.25}}, 0);
        e.externalCustomerId = QStringLiteral("acme");
        Event f = makeEvent(QStringLiteral("evt-2"), {}, 1);
        f.timestamp = f.timestamp.addMsecs(123);
        f.customerId.reset();
        model.setEvents({e, f});
        QCOMPARE(model.index(0, EventTableModel::IdColumn).data().toString(), QStringLiteral("evt-1"));
        QCOMPARE(model.index(0, EventTableModel::EventNameColumn).data().toString(), QStringLiteral("api_request"));
        QCOMPARE(model.index(0, EventTableModel::CustomerIdColumn).data().toString(), QStringLiteral("cus_evt-1"));
        QCOMPARE(model.index(0, EventTableModel::ExternalCustomerIdColumn).data().toString(), QStringLiteral("acme"));
        QCOMPARE(model.index(0, EventTableModel::TimestampColumn).data().toString(), QStringLiteral("2026-11-23 10:15:00"));
        QCOMPARE(model.index(1, EventTableModel::TimestampColumn).data().toString(), QStringLiteral("2026-11-23 10:15:01.123"));
        QCOMPARE(model.index(1, EventTableModel::CustomerIdColumn).data(), QVariant());
        QCOMPARE(model.index(1, EventTableModel::ExternalCustomerIdColumn).data(), QVariant());
        QCOMPARE(model.index(0, EventTableModel::IdColumn).data(EventTableModel::EventIdRole).toString(), QStringLiteral("evt-1"));
        // Numbers are right-aligned, text is not.
        const int ratio = model.columnOfKey(u"properties.ratio");
        QCOMPARE(model.index(0, ratio).data(Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(model.index(0, EventTableModel::IdColumn).data(Qt::TextAlignmentRole), QVariant());
    }

    void timesFollowTheAppsTimeDisplayChoice()
    {
        qputenv("TZ", "Asia/Kolkata"); // UTC+05:30 all year, so the expected text is fixed
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setEvents({makeEvent(QStringLiteral("evt-1"), {}, 0)});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy titles(&model, &QAbstractItemModel::headerDataChanged);
        ul::gui::TimeDisplay::instance().setLocal(true);
        QCOMPARE(model.index(0, EventTableModel::TimestampColumn).data().toString(), QStringLiteral("2026-11-23 15:45:00"));
        QVERIFY(!model.headerData(EventTableModel::TimestampColumn, Qt::Horizontal).toString().contains(QStringLiteral("UTC")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(titles.size(), 1);
        ul::gui::TimeDisplay::instance().setLocal(false);
        QCOMPARE(model.index(0, EventTableModel::TimestampColumn).data().toString(), QStringLiteral("2026-11-23 10:15:00"));
        QCOMPARE(model.headerData(EventTableModel::TimestampColumn, Qt::Horizontal).toString(), QStringLiteral("Timestamp (UTC)"));
        qunsetenv("TZ");
    }

    void sortRoleGivesRawValues()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setEvents({makeEvent(QStringLiteral("x"), {{QStringLiteral("ms"), qint64(100)},
                                                         {QStringLiteral("ratio"), 0.5},
                                                         {QStringLiteral("ok"), true},
                                                         {QStringLiteral("region"), QStringLiteral("eu")}}, 5),
                         makeEvent(QStringLiteral("y"), {}, 6)});
        auto sortValue = [&](int row, QStringView key) {
            return model.index(row, model.columnOfKey(key)).data(EventTableModel::SortRole);
        };
        QCOMPARE(sortValue(0, u"timestamp"), QVariant(Base.addSecs(5).msecs()));
        QCOMPARE(sortValue(0, u"timestamp").typeId(), QMetaType::LongLong);
        QCOMPARE(sortValue(0, u"properties.ms").typeId(), QMetaType::LongLong);
        QCOMPARE(sortValue(0, u"properties.ms").toLongLong(), 100);
        QCOMPARE(sortValue(0, u"properties.ratio").typeId(), QMetaType::Double);
        QCOMPARE(sortValue(0, u"properties.ok").typeId(), QMetaType::Bool);
        QCOMPARE(sortValue(0, u"properties.region").toString(), QStringLiteral("eu"));
        QCOMPARE(sortValue(0, u"deprecated"), QVariant(false));
        QVERIFY(!sortValue(1, u"properties.ms").isValid());
    }

    void proxySortsNumbersNumericallyAndTimestampsByTime()
    {
        EventTableModel model;
        EventFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        Tester modelTester(&model, Tester::FailureReportingMode::QtTest);
        Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
        model.setEvents({makeEvent(QStringLiteral("a"), {{QStringLiteral("ms"), qint64(100)}}, 30),
                         makeEvent(QStringLiteral("b"), {{QStringLiteral("ms"), qint64(9)}}, 10),
                         makeEvent(QStringLiteral("c"), {{QStringLiteral("ms"), 20.5}}, 20),
                         makeEvent(QStringLiteral("d"), {}, -3600 * 24 * 400)});
        const int ms = model.columnOfKey(u"properties.ms");
        proxy.sort(ms, Qt::AscendingOrder);
        // As text "100" < "20.5" < "9"; as numbers 9 < 20.5 < 100; missing values first.
        QCOMPARE(columnValues(proxy, EventTableModel::IdColumn),
                 (QStringList{QStringLiteral("d"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));
        proxy.sort(EventTableModel::TimestampColumn, Qt::DescendingOrder);
        QCOMPARE(columnValues(proxy, EventTableModel::IdColumn),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("d")}));

        // Rows added later take their sorted place.
        model.addEvents({makeEvent(QStringLiteral("e"), {{QStringLiteral("ms"), qint64(15)}}, 15)});
        QCOMPARE(columnValues(proxy, EventTableModel::IdColumn),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("e"), QStringLiteral("b"), QStringLiteral("d")}));
    }

    void mixedValuesSortInAFixedOrder()
    {
        using V = QVariant;
        QVERIFY(EventFilterProxyModel::valueLessThan(V(), V(false)));
        QVERIFY(EventFilterProxyModel::valueLessThan(V(false), V(true)));
        QVERIFY(EventFilterProxyModel::valueLessThan(V(true), V(qint64(-5))));
        QVERIFY(EventFilterProxyModel::valueLessThan(V(qint64(2)), V(2.5)));
        QVERIFY(EventFilterProxyModel::valueLessThan(V(2.5), V(qint64(3))));
        QVERIFY(EventFilterProxyModel::valueLessThan(V(qint64(1000)), V(QStringLiteral("1"))));
        QVERIFY(EventFilterProxyModel::valueLessThan(V(QStringLiteral("apple")), V(QStringLiteral("Banana"))));
        QVERIFY(!EventFilterProxyModel::valueLessThan(V(), V()));
        // Large integers compare exactly, not through doubles.
        QVERIFY(EventFilterProxyModel::valueLessThan(V(qint64(9007199254740992)), V(qint64(9007199254740993))));
    }

    void deprecatedRowsAreGreyItalicAndTagged()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        Event active = makeEvent(QStringLiteral("active"), {});
        Event gone = makeEvent(QStringLiteral("gone"), {});
        gone.deprecated = true;
        model.setEvents({active, gone});
        for (int column = 0; column < model.columnCount(); ++column) {
            QVERIFY(!model.index(0, column).data(Qt::ForegroundRole).isValid());
            QVERIFY(!model.index(0, column).data(Qt::FontRole).isValid());
            QVERIFY(model.index(1, column).data(Qt::ForegroundRole).canConvert<QColor>());
            QVERIFY(model.index(1, column).data(Qt::FontRole).value<QFont>().italic());
            QVERIFY(!model.index(1, column).data(Qt::ToolTipRole).toString().isEmpty());
        }
        QCOMPARE(model.index(0, EventTableModel::DeprecatedColumn).data().toString(), QString());
        QCOMPARE(model.index(1, EventTableModel::DeprecatedColumn).data().toString(), QStringLiteral("deprecated"));
    }

    void addingAKnownIdUpdatesItsRow()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.addEvents({makeEvent(QStringLiteral("a"), {{QStringLiteral("region"), QStringLiteral("eu")}}),
                         makeEvent(QStringLiteral("b"), {})});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        Event amended = makeEvent(QStringLiteral("a"), {{QStringLiteral("region"), QStringLiteral("us")}});
        amended.deprecated = true;
        model.addEvents({amended, makeEvent(QStringLiteral("c"), {}), makeEvent(QStringLiteral("c"), {{QStringLiteral("n"), qint64(1)}})});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.eventAt(0), amended);
        QCOMPARE(model.rowOf(QStringLiteral("c")), std::optional<int>(2));
        QCOMPARE(model.eventAt(2).properties.size(), 1); // the later duplicate in one batch wins
        QVERIFY(!model.rowOf(QStringLiteral("zzz")));
    }

    void setEventsReplacesRowsAndColumns()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.addEvents({makeEvent(QStringLiteral("a"), {{QStringLiteral("region"), QStringLiteral("eu")}})});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEvents({makeEvent(QStringLiteral("b"), {{QStringLiteral("ms"), qint64(3)}}),
                         makeEvent(QStringLiteral("c"), {}), makeEvent(QStringLiteral("b"), {{QStringLiteral("ms"), qint64(4)}})});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.propertyKeys(), QStringList{QStringLiteral("ms")});
        QCOMPARE(model.index(0, model.columnOfKey(u"properties.ms")).data().toString(), QStringLiteral("4"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(EventTableModel::FixedColumnCount));
    }

    void orderByIdsKeepsSelectionsOnTheirRows()
    {
        EventTableModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setEvents({makeEvent(QStringLiteral("c"), {}), makeEvent(QStringLiteral("a"), {}),
                         makeEvent(QStringLiteral("x"), {}), makeEvent(QStringLiteral("b"), {})});
        const QPersistentModelIndex onA = model.index(1, EventTableModel::EventNameColumn);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        model.orderByIds({QStringLiteral("a"), QStringLiteral("missing"), QStringLiteral("b"), QStringLiteral("c")});
        QCOMPARE(layout.size(), 1);
        QCOMPARE(columnValues(model, EventTableModel::IdColumn),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("x")}));
        QCOMPARE(onA.row(), 0);
        QCOMPARE(onA.column(), int(EventTableModel::EventNameColumn));
        QCOMPARE(model.rowOf(QStringLiteral("x")), std::optional<int>(3));
        model.orderByIds({QStringLiteral("a")}); // already in that order: no layout change
        QCOMPARE(layout.size(), 1);
    }

    void quickFilterMatchesIdsNamesCustomersAndPropertyValues()
    {
        EventTableModel model;
        EventFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
        Event a = makeEvent(QStringLiteral("evt-alpha"), {{QStringLiteral("region"), QStringLiteral("eu-west-1")},
                                                          {QStringLiteral("ms"), qint64(512)}});
        a.externalCustomerId = QStringLiteral("Acme-Corp");
        Event b = makeEvent(QStringLiteral("evt-beta"), {{QStringLiteral("region"), QStringLiteral("us-east-1")},
                                                         {QStringLiteral("ok"), true}});
        b.eventName = QStringLiteral("compute_minutes");
        Event c = makeEvent(QStringLiteral("evt-gamma"), {{QStringLiteral("ratio"), 0.125}});
        model.setEvents({a, b, c});
        QCOMPARE(proxy.rowCount(), 3);

        auto shown = [&](const QString &filter) {
            proxy.setQuickFilter(filter);
            return columnValues(proxy, EventTableModel::IdColumn);
        };
        QCOMPARE(shown(QStringLiteral("BETA")), QStringList{QStringLiteral("evt-beta")});              // id, any case
        QCOMPARE(shown(QStringLiteral("compute")), QStringList{QStringLiteral("evt-beta")});           // event name
        QCOMPARE(shown(QStringLiteral("cus_evt-g")), QStringList{QStringLiteral("evt-gamma")});        // customer id
        QCOMPARE(shown(QStringLiteral("acme")), QStringList{QStringLiteral("evt-alpha")});             // external id
        QCOMPARE(shown(QStringLiteral("east")), QStringList{QStringLiteral("evt-beta")});              // text property
        QCOMPARE(shown(QStringLiteral("512")), QStringList{QStringLiteral("evt-alpha")});              // number property
        QCOMPARE(shown(QStringLiteral("0.125")), QStringList{QStringLiteral("evt-gamma")});
        QCOMPARE(shown(QStringLiteral("true")), QStringList{QStringLiteral("evt-beta")});              // boolean property
        QCOMPARE(shown(QStringLiteral("  evt  west ")), QStringList{QStringLiteral("evt-alpha")});     // every word
        QCOMPARE(shown(QStringLiteral("west east")), QStringList());
        // key=value asks one property (or field) for the value.
        QCOMPARE(shown(QStringLiteral("region=EU")), QStringList{QStringLiteral("evt-alpha")});
        QCOMPARE(shown(QStringLiteral("ok=true")), QStringList{QStringLiteral("evt-beta")});
        QCOMPARE(shown(QStringLiteral("ms=51")), QStringList{QStringLiteral("evt-alpha")});
        QCOMPARE(shown(QStringLiteral("region=")).size(), 2); // has the property at all
        QCOMPARE(shown(QStringLiteral("event_name=compute")), QStringList{QStringLiteral("evt-beta")});
        QCOMPARE(shown(QStringLiteral("external_customer_id=acme")), QStringList{QStringLiteral("evt-alpha")});
        QCOMPARE(shown(QStringLiteral("region=eu ms=512")), QStringList{QStringLiteral("evt-alpha")});
        QCOMPARE(shown(QStringLiteral("nokey=x")), QStringList());
        QCOMPARE(shown(QStringLiteral("=west")), QStringList()); // no key: the text "=west" itself
        QCOMPARE(shown(QString()).size(), 3);
        QCOMPARE(proxy.quickFilter(), QString());

        // Rows that arrive while a filter is set are filtered too.
        proxy.setQuickFilter(QStringLiteral("delta"));
        model.addEvents({makeEvent(QStringLiteral("evt-delta"), {}), makeEvent(QStringLiteral("evt-epsilon"), {})});
        QCOMPARE(columnValues(proxy, EventTableModel::IdColumn), QStringList{QStringLiteral("evt-delta")});
    }

    void csvFieldsAreQuotedAsRfc4180Asks()
    {
        QCOMPARE(ul::gui::csvField(u"plain"), QByteArray("plain"));
        QCOMPARE(ul::gui::csvField(u""), QByteArray(""));
        QCOMPARE(ul::gui::csvField(u"a,b"), QByteArray("\"a,b\""));
        QCOMPARE(ul::gui::csvField(u"say \"hi\""), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(ul::gui::csvField(u"two\nlines"), QByteArray("\"two\nlines\""));
        QCOMPARE(ul::gui::csvField(u" padded"), QByteArray("\" padded\""));
        QCOMPARE(ul::gui::csvField(u"Zürich"), QByteArray("Z\xc3\xbcrich"));
    }

    void csvHasAHeaderAndOneColumnPerChosenColumn()
    {
        EventTableModel model;
        Event e = makeEvent(QStringLiteral("e,1"), {{QStringLiteral("id"), QStringLiteral("inner")},
                                                    {QStringLiteral("ms"), qint64(7)},
                                                    {QStringLiteral("note"), QStringLiteral("say \"hi\"")}});
        e.deprecated = true;
        Event f = makeEvent(QStringLiteral("e2"), {{QStringLiteral("ms"), 2.0}});
        model.setEvents({e, f});
        const QList<int> columns{EventTableModel::TimestampColumn, EventTableModel::IdColumn, model.columnOfKey(u"properties.id"),
                                 model.columnOfKey(u"properties.ms"), model.columnOfKey(u"properties.note"),
                                 EventTableModel::DeprecatedColumn, EventTableModel::ExternalCustomerIdColumn};
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        const auto written = ul::gui::writeCsv(out, model.events(), ul::gui::exportColumns(model, columns));
        QVERIFY(written.hasValue());
        QCOMPARE(*written, 2);
        QCOMPARE(out.data(), QByteArray("timestamp,id,properties.id,ms,note,deprecated,external_customer_id\r\n"
                                        "2026-11-23T10:15:00Z,\"e,1\",inner,7,\"say \"\"hi\"\"\",true,\r\n"
                                        "2026-11-23T10:15:00Z,e2,,2,,false,\r\n"));
    }

    void jsonlHasOneOrbEventPerLine()
    {
        Event e = makeEvent(QStringLiteral("j1"), {{QStringLiteral("ms"), qint64(7)}, {QStringLiteral("ratio"), 2.0},
                                                   {QStringLiteral("ok"), false}, {QStringLiteral("s"), QStringLiteral("a\nb")}});
        e.externalCustomerId = QStringLiteral("ext");
        Event f = makeEvent(QStringLiteral("j2"), {});
        f.deprecated = true;
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(ul::gui::writeJsonl(out, {e, f}).hasValue());
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty());
        const auto first = ul::json::decodeEventObject(lines[0], ul::json::EventShape::Stored);
        QVERIFY(first.hasValue());
        QVERIFY2(first->problems.isEmpty(), qPrintable(first->problems.join(u'\n')));
        QCOMPARE(first->event, e);
        const auto second = ul::json::decodeEventObject(lines[1], ul::json::EventShape::Stored);
        QVERIFY(second.hasValue());
        QCOMPARE(second->event, f);
    }

    void jsonArrayIsIndentedInOrbFieldOrder()
    {
        const Event e = makeEvent(QStringLiteral("p1"), {{QStringLiteral("b"), QStringLiteral("{[,:]}\"")}, {QStringLiteral("a"), qint64(1)}});
        const QByteArray json = ul::gui::eventsToJsonArray({e});
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.array().size(), 1);
        QCOMPARE(document.array().first().toObject().value(u"properties").toObject().value(u"b").toString(),
                 QStringLiteral("{[,:]}\""));
        QVERIFY(json.startsWith("[\n  {\n    \"id\": \"p1\",\n    \"customer_id\": \"cus_p1\","));
        // Keys keep their order (b before a), which QJsonDocument would sort.
        QVERIFY(json.indexOf("\"b\"") < json.indexOf("\"a\""));
        QCOMPARE(ul::gui::prettyJson("{\"a\":[],\"b\":{}}"), QByteArray("{\n  \"a\": [],\n  \"b\": {}\n}"));
        QCOMPARE(ul::gui::eventsToJsonArray({}), QByteArray("[]"));
    }
};

QTEST_MAIN(EventTableModelTest)
#include "tst_gui_event_table_model.moc"
