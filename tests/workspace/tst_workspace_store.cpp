// The workspace store on a few thousand events: upsert by id (the newest fetch wins, the row keeps
// its seq), every filter and sort against a reference implementation, counts, paging, typed
// property columns and the JSON fallback past MaxTypedKeys, cancellation, clearing, reopening.
#include "WorkspaceTestData.h"
#include "workspace/WorkspaceStore.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace ul;
using namespace ul::workspace;
using ul::test::ReferenceRow;

namespace {

constexpr int EventCount = 3000;

std::unique_ptr<WorkspaceStore> openStore(const QString &path = QStringLiteral(":memory:"))
{
    auto store = WorkspaceStore::open(path);
    if (!store)
        qFatal("cannot open a workspace: %s", qPrintable(store.error()));
    return std::move(store).value();
}

filter::Expression expr(const char *text)
{
    auto e = filter::Expression::parse(QString::fromUtf8(text));
    if (!e)
        qFatal("bad expression %s: %s", text, qPrintable(e.error().toString()));
    return std::move(e).value();
}

QList<qint64> toList(const std::vector<qint64> &v)
{
    return QList<qint64>(v.begin(), v.end());
}

} // namespace

class TstWorkspaceStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<WorkspaceStore> m_store;
    QList<ReferenceRow> m_reference;

private Q_SLOTS:
    void initTestCase()
    {
        m_store = openStore();
        const QList<Event> events = test::makeWorkspaceEvents(EventCount);
        // In batches, as fetches arrive.
        for (qsizetype i = 0; i < events.size(); i += 700) {
            auto summary = m_store->upsert(events.mid(i, 700), source::search());
            QVERIFY2(summary, summary ? "" : qPrintable(summary.error()));
            QCOMPARE(summary->updated, 0);
        }
        for (qsizetype i = 0; i < events.size(); ++i)
            m_reference << ReferenceRow{i + 1, events[i], source::search()};
    }

    void countsEverything()
    {
        QCOMPARE(m_store->totalCount().valueOr(-1), qint64(EventCount));
        QCOMPARE(m_store->count(WorkspaceQuery{}).valueOr(-1), qint64(EventCount));
        QStringList keys = m_store->propertyKeys();
        keys.sort();
        QCOMPARE(keys, QStringList({QStringLiteral("billable"), QStringLiteral("cost"), QStringLiteral("ms"), QStringLiteral("region")}));
    }

    void readsRowsBack()
    {
        for (const int i : {0, 1, 1234, EventCount - 1}) {
            const ReferenceRow &expected = m_reference[i];
            auto found = m_store->find(expected.event.id);
            QVERIFY(found);
            QVERIFY(found->has_value());
            QCOMPARE((*found)->seq, expected.seq);
            QCOMPARE((*found)->event, expected.event);
            QCOMPARE((*found)->source, source::search());
        }
        auto missing = m_store->find(QStringLiteral("no-such-event"));
        QVERIFY(missing);
        QVERIFY(!missing->has_value());
    }

    void queriesMatchTheReference_data()
    {
        QTest::addColumn<WorkspaceQuery>("query");
        auto q = [](auto &&configure) {
            WorkspaceQuery query;
            configure(query);
            return query;
        };
        QTest::newRow("everything") << WorkspaceQuery{};
        QTest::newRow("everything, newest first") << q([](WorkspaceQuery &w) { w.descending = true; });
        QTest::newRow("customer id") << q([](WorkspaceQuery &w) { w.customer = QStringLiteral("cus_2"); });
        QTest::newRow("external customer id") << q([](WorkspaceQuery &w) { w.customer = QStringLiteral("ext_2"); });
        QTest::newRow("external id only") << q([](WorkspaceQuery &w) { w.customer = QStringLiteral("ext_6"); });
        QTest::newRow("unknown customer") << q([](WorkspaceQuery &w) { w.customer = QStringLiteral("cus_99"); });
        QTest::newRow("event name") << q([](WorkspaceQuery &w) { w.eventName = QStringLiteral("login"); });
        QTest::newRow("from") << q([](WorkspaceQuery &w) { w.from = test::workspaceEpoch().addSecs(5 * 86400); });
        QTest::newRow("to") << q([](WorkspaceQuery &w) { w.to = test::workspaceEpoch().addSecs(2 * 86400); });
        QTest::newRow("from, to") << q([](WorkspaceQuery &w) {
            w.from = test::workspaceEpoch().addSecs(86400);
            w.to = test::workspaceEpoch().addSecs(86400 + 3 * 3600);
        });
        QTest::newRow("string property") << q([](WorkspaceQuery &w) { w.properties = expr("region = eu"); });
        QTest::newRow("number property") << q([](WorkspaceQuery &w) { w.properties = expr("ms > 500"); });
        QTest::newRow("decimal property") << q([](WorkspaceQuery &w) { w.properties = expr("cost <= 12.5"); });
        QTest::newRow("boolean property") << q([](WorkspaceQuery &w) { w.properties = expr("billable = true"); });
        QTest::newRow("not equal keeps types") << q([](WorkspaceQuery &w) { w.properties = expr("ms != 3"); });
        QTest::newRow("not") << q([](WorkspaceQuery &w) { w.properties = expr("NOT region = eu"); });
        QTest::newRow("or, and") << q([](WorkspaceQuery &w) {
            w.properties = expr("(region = apac OR billable = false) AND ms >= 100 AND ms < 900");
        });
        QTest::newRow("unknown property") << q([](WorkspaceQuery &w) { w.properties = expr("absent = 1"); });
        QTest::newRow("not unknown property") << q([](WorkspaceQuery &w) { w.properties = expr("NOT absent = 1"); });
        QTest::newRow("everything at once") << q([](WorkspaceQuery &w) {
            w.customer = QStringLiteral("ext_1");
            w.eventName = QStringLiteral("api_call");
            w.from = test::workspaceEpoch().addSecs(86400);
            w.to = test::workspaceEpoch().addSecs(8 * 86400);
            w.properties = expr("region != us");
        });
        const std::pair<const char *, SortColumn> sorts[] = {
            {"id", SortColumn::Id},
            {"event name", SortColumn::EventName},
            {"customer", SortColumn::CustomerId},
            {"external customer", SortColumn::ExternalCustomerId},
            {"deprecated", SortColumn::Deprecated},
            {"source", SortColumn::Source},
        };
        for (const auto &[name, column] : sorts) {
            const SortColumn c = column;
            QTest::newRow((std::string("sorted by ") + name).c_str()) << q([c](WorkspaceQuery &w) { w.sort = c; });
            QTest::newRow((std::string("sorted by ") + name + ", descending, filtered").c_str())
                << q([c](WorkspaceQuery &w) {
                       w.sort = c;
                       w.descending = true;
                       w.customer = QStringLiteral("cus_1");
                   });
        }
        for (const char *key : {"region", "ms", "cost", "billable", "absent"}) {
            const QString k = QString::fromUtf8(key);
            QTest::newRow((std::string("sorted by property ") + key).c_str()) << q([k](WorkspaceQuery &w) {
                w.sort = SortColumn::Property;
                w.sortProperty = k;
            });
            QTest::newRow((std::string("sorted by property ") + key + ", descending, filtered").c_str())
                << q([k](WorkspaceQuery &w) {
                       w.sort = SortColumn::Property;
                       w.sortProperty = k;
                       w.descending = true;
                       w.properties = expr("ms > 200");
                   });
        }
    }
    void queriesMatchTheReference()
    {
        QFETCH(WorkspaceQuery, query);
        const QList<qint64> expected = test::referenceSelect(m_reference, query);
        // Each case selects something but not everything, except where it says so.
        const QByteArray tag = QTest::currentDataTag();
        if (tag.contains("unknown"))
            QVERIFY(expected.isEmpty() || expected.size() == EventCount);
        else
            QVERIFY2(!expected.isEmpty(), "the case selects nothing: it tests little");
        auto selected = m_store->select(query);
        QVERIFY2(selected, selected ? "" : qPrintable(selected.error()));
        QCOMPARE(toList(*selected), expected);
        QCOMPARE(m_store->count(query).valueOr(-1), qint64(expected.size()));

        // Pages are slices of the result.
        for (const qint64 offset : {qint64(0), qint64(7), std::max<qint64>(0, expected.size() - 5)}) {
            auto page = m_store->page(query, offset, 10);
            QVERIFY(page);
            const QList<qint64> slice = expected.mid(offset, 10);
            QCOMPARE(page->size(), slice.size());
            for (qsizetype i = 0; i < slice.size(); ++i)
                QCOMPARE(page->at(i).seq, slice[i]);
        }
        // The direct first rows agree with the result's first page.
        if (WorkspaceStore::canAnswerFirstRowsDirectly(query)) {
            auto first = m_store->firstRows(query, 25);
            QVERIFY(first);
            QList<qint64> seqs;
            for (const WorkspaceRow &row : *first)
                seqs << row.seq;
            QCOMPARE(seqs, expected.mid(0, 25));
        }
    }

    void upsertReplacesByIdAndKeepsTheSeq()
    {
        auto store = openStore();
        QList<Event> events = test::makeWorkspaceEvents(50, 11);
        QVERIFY(store->upsert(events, source::search(), Timestamp::fromMsecs(1000)));
        auto before = store->find(events[10].id);
        QVERIFY(before && before->has_value());

        Event changed = events[10];
        changed.eventName = QStringLiteral("renamed");
        changed.customerId = std::nullopt;
        changed.externalCustomerId = QStringLiteral("ext_new");
        changed.timestamp = changed.timestamp.addSecs(-3600);
        changed.deprecated = !changed.deprecated;
        changed.properties = Properties{{QStringLiteral("region"), QStringLiteral("mars")}};
        Event added = test::makeWorkspaceEvents(1, 12, QStringLiteral("new")).constFirst();
        auto summary = store->upsert({changed, added}, source::import(), Timestamp::fromMsecs(2000));
        QVERIFY(summary);
        QCOMPARE(summary->inserted, 1);
        QCOMPARE(summary->updated, 1);
        QCOMPARE(store->totalCount().valueOr(-1), qint64(51));

        auto after = store->find(changed.id);
        QVERIFY(after && after->has_value());
        QCOMPARE((*after)->seq, (*before)->seq);
        QCOMPARE((*after)->event, changed);
        QCOMPARE((*after)->source, source::import());
        QCOMPARE((*after)->fetchedAt, Timestamp::fromMsecs(2000));
        // The replaced properties are gone from the typed columns too.
        WorkspaceQuery ms;
        ms.properties = expr("ms >= 0 OR region = mars");
        auto matching = store->select(ms);
        QVERIFY(matching);
        QVERIFY(std::find(matching->begin(), matching->end(), (*after)->seq) != matching->end());
        ms.properties = expr("ms >= 0");
        matching = store->select(ms);
        QVERIFY(std::find(matching->begin(), matching->end(), (*after)->seq) == matching->end());
        WorkspaceQuery byName;
        byName.eventName = QStringLiteral("renamed");
        QCOMPARE(store->count(byName).valueOr(-1), qint64(1));
    }

    void laterDuplicatesInOneBatchWin()
    {
        auto store = openStore();
        Event first = test::makeWorkspaceEvents(1, 3).constFirst();
        Event second = first;
        second.eventName = QStringLiteral("second");
        auto summary = store->upsert({first, second}, source::search());
        QVERIFY(summary);
        QCOMPARE(summary->inserted, 1);
        QCOMPARE(summary->updated, 1);
        QCOMPARE(store->totalCount().valueOr(-1), qint64(1));
        QCOMPARE(store->find(first.id)->value().event.eventName, QStringLiteral("second"));
    }

    void reportsNewPropertyKeysOnce()
    {
        auto store = openStore();
        Event e = test::makeWorkspaceEvents(1, 5).constFirst();
        e.properties = Properties{{QStringLiteral("a"), qint64(1)}, {QStringLiteral("b"), qint64(2)}};
        auto summary = store->upsert({e}, source::search());
        QCOMPARE(summary->newPropertyKeys, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        e.properties.set(QStringLiteral("c"), true);
        summary = store->upsert({e}, source::search());
        QCOMPARE(summary->newPropertyKeys, QStringList({QStringLiteral("c")}));
        summary = store->upsert({e}, source::search());
        QCOMPARE(summary->newPropertyKeys, QStringList());
        QCOMPARE(store->propertyKeys(), QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void keysPastTheTypedColumnsStillFilterAndSort()
    {
        auto store = openStore();
        QList<Event> events;
        const int keys = WorkspaceStore::MaxTypedKeys + 5;
        for (int i = 0; i < 40; ++i) {
            Event e;
            e.id = QStringLiteral("wide-%1").arg(i);
            e.eventName = QStringLiteral("wide");
            e.customerId = QStringLiteral("cus_wide");
            e.timestamp = test::workspaceEpoch().addSecs(i);
            // Each event carries a spread of keys; together they exceed the typed columns.
            for (int k = i; k < keys; k += 40)
                e.properties.set(QStringLiteral("k%1").arg(k), qint64(i));
            e.properties.set(QStringLiteral("k%1").arg(keys - 1), i % 2 == 0 ? PropertyValue(QStringLiteral("even")) : PropertyValue(i % 4 == 1));
            events << e;
        }
        QVERIFY(store->upsert(events, source::search()));
        QCOMPARE(store->propertyKeys().size(), keys);
        QList<ReferenceRow> reference;
        for (qsizetype i = 0; i < events.size(); ++i)
            reference << ReferenceRow{i + 1, events[i], source::search()};
        const QString last = QStringLiteral("k%1").arg(keys - 1);
        const QStringList expressions{last + QStringLiteral(" = even"), last + QStringLiteral(" = true"),
                                      QStringLiteral("NOT ") + last + QStringLiteral(" = false"),
                                      QStringLiteral("k%1 > 10").arg(keys - 3)};
        for (const QString &text : expressions) {
            WorkspaceQuery q;
            q.properties = filter::Expression::parse(text).value();
            q.sort = SortColumn::Property;
            q.sortProperty = last;
            auto selected = store->select(q);
            QVERIFY2(selected, selected ? "" : qPrintable(selected.error()));
            QCOMPARE(toList(*selected), test::referenceSelect(reference, q));
        }
    }

    void cancels()
    {
        WorkspaceQuery q;
        q.properties = expr("ms > 0");
        auto selected = m_store->select(q, [] { return true; });
        QVERIFY(!selected);
        QCOMPARE(selected.error(), QStringLiteral("cancelled"));
        // The store is fine afterwards.
        QCOMPARE(m_store->count(q).valueOr(-1), qint64(test::referenceSelect(m_reference, q).size()));
    }

    void clears()
    {
        auto store = openStore();
        QVERIFY(store->upsert(test::makeWorkspaceEvents(100, 9), source::search()));
        QVERIFY(store->clear());
        QCOMPARE(store->totalCount().valueOr(-1), qint64(0));
        QCOMPARE(store->propertyKeys(), QStringList());
        auto selected = store->select(WorkspaceQuery{});
        QVERIFY(selected && selected->empty());
        // And takes events again.
        QVERIFY(store->upsert(test::makeWorkspaceEvents(10, 9), source::search()));
        QCOMPARE(store->totalCount().valueOr(-1), qint64(10));
        QCOMPARE(store->propertyKeys().size(), 4);
    }

    void persistsAcrossReopening()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("workspace.sqlite"));
        const QList<Event> events = test::makeWorkspaceEvents(200, 21);
        {
            auto store = openStore(path);
            QVERIFY(store->upsert(events, source::search()));
        }
        auto store = openStore(path);
        QCOMPARE(store->totalCount().valueOr(-1), qint64(200));
        QCOMPARE(store->propertyKeys().size(), 4);
        // Ids are found again (the persisted hash), so a new fetch replaces rather than duplicates.
        auto summary = store->upsert(events.mid(0, 50), source::search());
        QCOMPARE(summary->updated, 50);
        QCOMPARE(store->totalCount().valueOr(-1), qint64(200));
        WorkspaceQuery q;
        q.properties = expr("region = eu");
        QList<ReferenceRow> reference;
        for (qsizetype i = 0; i < events.size(); ++i)
            reference << ReferenceRow{i + 1, events[i], source::search()};
        QCOMPARE(toList(store->select(q).value()), test::referenceSelect(reference, q));
    }

    void idHashIsStable()
    {
        // Persisted in every workspace file: it must never change.
        QCOMPARE(workspaceIdHash(u"evt_1"), workspaceIdHash(QStringLiteral("evt_1")));
        QCOMPARE(workspaceIdHash(u""), Q_INT64_C(-1166397803181037274));
        QCOMPARE(workspaceIdHash(u"evt_1"), Q_INT64_C(-1347663576228724402));
        QCOMPARE(workspaceIdHash(u"2b7e1516-28ae-d2a6-abf7-158809cf4f3c"), Q_INT64_C(2991447615893055035));
        QVERIFY(workspaceIdHash(u"evt_1") != workspaceIdHash(u"evt_2"));
    }
};

QTEST_GUILESS_MAIN(TstWorkspaceStore)
#include "tst_workspace_store.moc"
