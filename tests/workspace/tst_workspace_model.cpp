// WorkspaceModel under QAbstractItemModelTester: the whole result's row count at once, rows loaded
// a page at a time as they are asked for (placeholders until then), sorting and filtering as store
// queries, a bounded page cache, refresh after the workspace changes, rows marked as local.
#include "WorkspaceTestData.h"
#include "workspace/WorkspaceModel.h"
#include "workspace/WorkspaceService.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace ul;
using namespace ul::workspace;
using ul::gui::WorkspaceModel;
using ul::test::ReferenceRow;

namespace {

constexpr int EventCount = 7000; // more rows than the page cache holds

} // namespace

class TstWorkspaceModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceService> m_service;
    QList<ReferenceRow> m_reference;

    /// A model with a tester, and its first answer.
    struct Fixture {
        std::unique_ptr<WorkspaceModel> model;
        std::unique_ptr<QAbstractItemModelTester> tester;
    };
    Fixture makeModel(const WorkspaceQuery &query = {})
    {
        Fixture f;
        f.model = std::make_unique<WorkspaceModel>(m_service.get());
        f.model->setAutoRefresh(false);
        f.tester = std::make_unique<QAbstractItemModelTester>(f.model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(f.model.get(), &WorkspaceModel::queryFinished);
        f.model->setQuery(query);
        if (!finished.wait(30'000))
            qWarning("no answer");
        return f;
    }

    static bool waitForRow(WorkspaceModel &model, int row)
    {
        model.loadRows(row, row);
        return QTest::qWaitFor([&] { return model.isRowLoaded(row); }, 30'000);
    }

    static qint64 seqAt(const WorkspaceModel &model, int row)
    {
        return model.data(model.index(row, 0), WorkspaceModel::SeqRole).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_service = std::make_unique<WorkspaceService>();
        QSignalSpy opened(m_service.get(), &WorkspaceService::opened);
        m_service->open(m_dir.filePath(QStringLiteral("model.sqlite")));
        const QList<Event> events = test::makeWorkspaceEvents(EventCount);
        m_service->store(events, source::search());
        QVERIFY(opened.wait(30'000));
        for (qsizetype i = 0; i < events.size(); ++i)
            m_reference << ReferenceRow{i + 1, events[i], source::search()};
        // The store is done once a query sees every event.
        auto f = makeModel();
        QCOMPARE(f.model->rowCount(), EventCount);
    }

    void countsEveryRowAndLoadsTheFirstPage()
    {
        auto f = makeModel();
        WorkspaceModel &model = *f.model;
        QCOMPARE(model.rowCount(), EventCount);
        QCOMPARE(model.matchingEvents(), qint64(EventCount));
        QCOMPARE(model.totalEvents(), qint64(EventCount));
        QCOMPARE(model.columnCount(), WorkspaceModel::FirstPropertyColumn + 4);
        QVERIFY(!model.isBusy());
        QVERIFY(model.isRowLoaded(0));
        QVERIFY(model.isRowLoaded(WorkspaceModel::PageSize - 1));
        QVERIFY(!model.isRowLoaded(WorkspaceModel::PageSize));
        QVERIFY(!model.canFetchMore({})); // the row count is whole from the start

        const QList<qint64> expected = test::referenceSelect(m_reference, WorkspaceQuery{});
        const ReferenceRow &first = m_reference[expected[0] - 1];
        QCOMPARE(seqAt(model, 0), first.seq);
        QCOMPARE(model.data(model.index(0, WorkspaceModel::IdColumn)).toString(), first.event.id);
        QCOMPARE(model.data(model.index(0, WorkspaceModel::EventNameColumn)).toString(), first.event.eventName);
        QCOMPARE(model.data(model.index(0, WorkspaceModel::TimestampColumn)).toString(),
                 first.event.timestamp.toDateTime().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(model.data(model.index(0, WorkspaceModel::SourceColumn)).toString(), QStringLiteral("local (search)"));
        QVERIFY(model.data(model.index(0, WorkspaceModel::IdColumn), Qt::ToolTipRole).toString().contains(QStringLiteral("Local copy")));
        QCOMPARE(model.data(model.index(0, 0), WorkspaceModel::EventRole).value<Event>(), first.event);
        QCOMPARE(model.headerData(WorkspaceModel::TimestampColumn, Qt::Horizontal).toString(), QStringLiteral("Timestamp (UTC)"));
        QVERIFY(model.propertyKeys().contains(model.headerData(WorkspaceModel::FirstPropertyColumn, Qt::Horizontal).toString()));
    }

    void loadsPagesOnDemand()
    {
        auto f = makeModel();
        WorkspaceModel &model = *f.model;
        const QList<qint64> expected = test::referenceSelect(m_reference, WorkspaceQuery{});
        const int row = 4321;
        // Not loaded: a placeholder, and the page is asked for.
        QSignalSpy loaded(&model, &WorkspaceModel::rowsLoaded);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.data(model.index(row, WorkspaceModel::IdColumn)).toString(), QStringLiteral("Loading…"));
        QCOMPARE(model.data(model.index(row, WorkspaceModel::IdColumn), WorkspaceModel::LoadedRole).toBool(), false);
        QVERIFY(!model.data(model.index(row, WorkspaceModel::EventNameColumn)).isValid());
        QVERIFY(loaded.wait(30'000));
        const int first = loaded.constFirst().at(0).toInt();
        const int last = loaded.constFirst().at(1).toInt();
        QCOMPARE(first, row / WorkspaceModel::PageSize * WorkspaceModel::PageSize);
        QCOMPARE(last, first + WorkspaceModel::PageSize - 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(0).value<QModelIndex>().row(), first);
        QCOMPARE(changed.constFirst().at(1).value<QModelIndex>().row(), last);
        for (int r = first; r <= last; ++r)
            QCOMPARE(seqAt(model, r), expected[r]);

        // The last, partial page.
        QVERIFY(waitForRow(model, EventCount - 1));
        QCOMPARE(seqAt(model, EventCount - 1), expected.constLast());
    }

    void keepsABoundedPageCache()
    {
        auto f = makeModel();
        WorkspaceModel &model = *f.model;
        const int pages = (EventCount + WorkspaceModel::PageSize - 1) / WorkspaceModel::PageSize;
        QVERIFY(pages > WorkspaceModel::MaxCachedPages);
        for (int page = 0; page < pages; ++page)
            QVERIFY(waitForRow(model, page * WorkspaceModel::PageSize));
        int cached = 0;
        for (int page = 0; page < pages; ++page)
            cached += model.isRowLoaded(page * WorkspaceModel::PageSize) ? 1 : 0;
        QCOMPARE(cached, WorkspaceModel::MaxCachedPages);
        QVERIFY(model.isRowLoaded(EventCount - 1)); // the most recent stay
        QVERIFY(!model.isRowLoaded(WorkspaceModel::PageSize)); // long unused went
    }

    void sortsThroughTheStore_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::newRow("timestamp, newest first") << int(WorkspaceModel::TimestampColumn) << true;
        QTest::newRow("id") << int(WorkspaceModel::IdColumn) << false;
        QTest::newRow("customer, descending") << int(WorkspaceModel::CustomerIdColumn) << true;
        QTest::newRow("external customer") << int(WorkspaceModel::ExternalCustomerIdColumn) << false;
        QTest::newRow("deprecated") << int(WorkspaceModel::DeprecatedColumn) << false;
        QTest::newRow("first property") << int(WorkspaceModel::FirstPropertyColumn) << false;
        QTest::newRow("last property, descending") << int(WorkspaceModel::FirstPropertyColumn + 3) << true;
    }
    void sortsThroughTheStore()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        auto f = makeModel();
        WorkspaceModel &model = *f.model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy finished(&model, &WorkspaceModel::queryFinished);
        model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY(model.isBusy());
        QVERIFY(finished.wait(30'000));
        QCOMPARE(reset.size(), 1);

        WorkspaceQuery reference;
        reference.descending = descending;
        const QList<SortColumn> columns{SortColumn::Id, SortColumn::EventName, SortColumn::CustomerId,
                                        SortColumn::ExternalCustomerId, SortColumn::Timestamp, SortColumn::Deprecated,
                                        SortColumn::Source, SortColumn::FetchedAt};
        if (column < WorkspaceModel::FirstPropertyColumn) {
            reference.sort = columns[column];
        } else {
            reference.sort = SortColumn::Property;
            reference.sortProperty = model.propertyKeys().at(column - WorkspaceModel::FirstPropertyColumn);
        }
        QCOMPARE(model.query().sort, reference.sort);
        const QList<qint64> expected = test::referenceSelect(m_reference, reference);
        for (const int row : {0, 1, 99, 2500, EventCount - 1}) {
            QVERIFY(waitForRow(model, row));
            QCOMPARE(seqAt(model, row), expected[row]);
        }
    }

    void filtersThroughTheStoreAndKeepsTheSort()
    {
        auto f = makeModel();
        WorkspaceModel &model = *f.model;
        QSignalSpy finished(&model, &WorkspaceModel::queryFinished);
        model.sort(WorkspaceModel::TimestampColumn, Qt::DescendingOrder);
        QVERIFY(finished.wait(30'000));

        WorkspaceQuery query;
        query.customer = QStringLiteral("ext_4");
        query.properties = filter::Expression::parse(u"region = eu OR ms < 100").value();
        model.setQuery(query);
        QVERIFY(finished.wait(30'000));
        query.descending = true;
        const QList<qint64> expected = test::referenceSelect(m_reference, query);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(finished.constLast().at(0).toLongLong(), qint64(expected.size()));
        QCOMPARE(finished.constLast().at(1).toLongLong(), qint64(EventCount));
        QVERIFY(model.query().descending);
        QVERIFY(waitForRow(model, int(expected.size()) - 1));
        QCOMPARE(seqAt(model, int(expected.size()) - 1), expected.constLast());

        // Nothing matches: an empty table, not an error.
        query.properties = filter::Expression::parse(u"region = 'nowhere'").value();
        model.setQuery(query);
        QVERIFY(finished.wait(30'000));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.lastError().isEmpty());
    }

    void reportsAFailedQuery()
    {
        WorkspaceService closed; // never opened
        WorkspaceModel model(&closed);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &WorkspaceModel::queryFailed);
        model.refresh();
        QVERIFY(failed.wait(30'000));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isBusy());
        QVERIFY2(model.lastError().contains(QStringLiteral("not open")), qPrintable(model.lastError()));
    }

    void refreshesWhenTheWorkspaceChanges()
    {
        auto f = makeModel();
        WorkspaceModel &model = *f.model;
        model.setAutoRefresh(true, 10);
        QSignalSpy finished(&model, &WorkspaceModel::queryFinished);
        QList<Event> more = test::makeWorkspaceEvents(30, 99, QStringLiteral("later"));
        m_service->store(more, source::import());
        QVERIFY(finished.wait(30'000));
        QCOMPARE(model.rowCount(), EventCount + 30);
        m_reference.reserve(m_reference.size() + more.size());
        for (qsizetype i = 0; i < more.size(); ++i)
            m_reference << ReferenceRow{EventCount + i + 1, more[i], source::import()};

        // The new rows say where they came from ("search" sorts after "import").
        model.setAutoRefresh(false);
        model.sort(WorkspaceModel::SourceColumn, Qt::DescendingOrder);
        QVERIFY(finished.wait(30'000));
        QVERIFY(waitForRow(model, 0));
        QCOMPARE(model.data(model.index(0, WorkspaceModel::SourceColumn)).toString(), QStringLiteral("local (search)"));
        QVERIFY(waitForRow(model, model.rowCount() - 1));
        QCOMPARE(model.data(model.index(model.rowCount() - 1, WorkspaceModel::SourceColumn)).toString(),
                 QStringLiteral("local (import)"));
    }
};

QTEST_MAIN(TstWorkspaceModel)
#include "tst_workspace_model.moc"
