// WorkspaceService across threads: answers arrive on the caller's thread, in request order after
// the stores made before them; superseded queries and their pages are never delivered; answers to
// a destroyed context are dropped; queued stores survive the service's destruction.
#include "WorkspaceTestData.h"
#include "workspace/WorkspaceService.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace ul;
using namespace ul::workspace;
using ul::test::ReferenceRow;

namespace {

constexpr int EventCount = 2000;

/// Waits until every request made so far has been handled and its answer delivered.
void settle(WorkspaceService &service)
{
    bool idle = false;
    QObject context;
    service.whenIdle(&context, [&idle] { idle = true; });
    QVERIFY(QTest::qWaitFor([&idle] { return idle; }, 30'000));
    QCoreApplication::processEvents(); // answers posted just before the idle one
}

QList<qint64> seqsOf(const QList<WorkspaceRow> &rows)
{
    QList<qint64> seqs;
    for (const WorkspaceRow &row : rows)
        seqs << row.seq;
    return seqs;
}

} // namespace

class TstWorkspaceService : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<ReferenceRow> m_reference;

    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    /// A service on `file` holding the suite's events.
    void fill(WorkspaceService &service, const QString &file)
    {
        QSignalSpy opened(&service, &WorkspaceService::opened);
        QSignalSpy stored(&service, &WorkspaceService::stored);
        service.open(file);
        const QList<Event> events = test::makeWorkspaceEvents(EventCount);
        for (qsizetype i = 0; i < events.size(); i += 500)
            service.store(events.mid(i, 500), source::search());
        settle(service);
        QCOMPARE(opened.size(), 1);
        qint64 total = 0;
        for (const auto &args : stored)
            total += args.at(0).value<StoreSummary>().inserted;
        QCOMPARE(total, qint64(EventCount));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StoreSummary>();
        QVERIFY(m_dir.isValid());
        const QList<Event> events = test::makeWorkspaceEvents(EventCount);
        for (qsizetype i = 0; i < events.size(); ++i)
            m_reference << ReferenceRow{i + 1, events[i], source::search()};
    }

    void answersQueriesOnTheCallersThread()
    {
        WorkspaceService service;
        fill(service, path("answers.sqlite"));
        const auto view = service.createView();
        WorkspaceQuery query;
        query.customer = QStringLiteral("cus_3");
        query.descending = true;
        std::optional<Expected<QueryAnswer, QString>> answer;
        QThread *answeredOn = nullptr;
        const quint64 generation = service.query(view, query, 25, this, [&](const Expected<QueryAnswer, QString> &a) {
            answer = a;
            answeredOn = QThread::currentThread();
        });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 30'000));
        QCOMPARE(answeredOn, QThread::currentThread());
        QVERIFY2(*answer, answer->hasValue() ? "" : qPrintable(answer->error()));
        const QList<qint64> expected = test::referenceSelect(m_reference, query);
        QCOMPARE((*answer)->generation, generation);
        QCOMPARE((*answer)->count, qint64(expected.size()));
        QCOMPARE((*answer)->total, qint64(EventCount));
        QCOMPARE(seqsOf((*answer)->firstRows), expected.mid(0, 25));
        QCOMPARE((*answer)->propertyKeys.size(), 4);

        // Pages of the same result, anywhere in it.
        for (const qint64 offset : {qint64(25), qint64(100), qint64(expected.size() - 10), qint64(expected.size() + 5)}) {
            std::optional<Expected<PageAnswer, QString>> page;
            service.page(view, generation, offset, 20, this, [&](const Expected<PageAnswer, QString> &p) { page = p; });
            QVERIFY(QTest::qWaitFor([&] { return page.has_value(); }, 30'000));
            QVERIFY(*page);
            QCOMPARE(seqsOf((*page)->rows), expected.mid(offset, 20));
        }
    }

    void answersPropertyQueriesAfterTheWholeResult()
    {
        WorkspaceService service;
        fill(service, path("property.sqlite"));
        const auto view = service.createView();
        WorkspaceQuery query;
        query.properties = filter::Expression::parse(u"region = eu AND ms > 300").value();
        query.sort = SortColumn::Property;
        query.sortProperty = QStringLiteral("ms");
        std::optional<Expected<QueryAnswer, QString>> answer;
        service.query(view, query, 10, this, [&](const Expected<QueryAnswer, QString> &a) { answer = a; });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 30'000));
        QVERIFY(*answer);
        const QList<qint64> expected = test::referenceSelect(m_reference, query);
        QVERIFY(!expected.isEmpty());
        QCOMPARE((*answer)->count, qint64(expected.size()));
        QCOMPARE(seqsOf((*answer)->firstRows), expected.mid(0, 10));
    }

    void dropsSupersededQueriesAndTheirPages()
    {
        WorkspaceService service;
        fill(service, path("superseded.sqlite"));
        const auto view = service.createView();
        int firstAnswers = 0;
        int secondAnswers = 0;
        WorkspaceQuery everything;
        const quint64 first = service.query(view, everything, 10, this, [&](const auto &) { ++firstAnswers; });
        WorkspaceQuery login;
        login.eventName = QStringLiteral("login");
        std::optional<QueryAnswer> second;
        const quint64 secondGeneration = service.query(view, login, 10, this, [&](const Expected<QueryAnswer, QString> &a) {
            ++secondAnswers;
            second = *a;
        });
        QVERIFY(secondGeneration > first);
        settle(service);
        QCOMPARE(firstAnswers, 0);
        QCOMPARE(secondAnswers, 1);
        QCOMPARE(second->count, qint64(test::referenceSelect(m_reference, login).size()));

        int stalePages = 0;
        service.page(view, first, 0, 10, this, [&](const auto &) { ++stalePages; });
        settle(service);
        QCOMPARE(stalePages, 0);

        // Views are independent.
        const auto other = service.createView();
        int otherAnswers = 0;
        service.query(other, everything, 10, this, [&](const auto &) { ++otherAnswers; });
        int pages = 0;
        service.page(view, secondGeneration, 10, 10, this, [&](const auto &) { ++pages; });
        settle(service);
        QCOMPARE(otherAnswers, 1);
        QCOMPARE(pages, 1);

        service.releaseView(view);
        int released = 0;
        service.query(view, everything, 10, this, [&](const Expected<QueryAnswer, QString> &a) {
            QVERIFY(!a);
            ++released;
        });
        settle(service);
        QCOMPARE(released, 1);
    }

    void dropsAnswersToAContextThatIsGone()
    {
        WorkspaceService service;
        fill(service, path("context.sqlite"));
        const auto view = service.createView();
        int answers = 0;
        auto *context = new QObject;
        service.query(view, WorkspaceQuery{}, 10, context, [&](const auto &) { ++answers; });
        delete context;
        settle(service);
        QCOMPARE(answers, 0);
    }

    void handlesStoresBeforeLaterQueriesAndGroupsThem()
    {
        WorkspaceService service;
        QSignalSpy stored(&service, &WorkspaceService::stored);
        QSignalSpy changed(&service, &WorkspaceService::changed);
        service.open(path("order.sqlite"));
        const auto view = service.createView();
        const QList<Event> events = test::makeWorkspaceEvents(1000, 31);
        for (qsizetype i = 0; i < events.size(); i += 50)
            service.store(events.mid(i, 50), source::search());
        std::optional<qint64> count;
        service.query(view, WorkspaceQuery{}, 10, this, [&](const Expected<QueryAnswer, QString> &a) { count = a->count; });
        QVERIFY(QTest::qWaitFor([&] { return count.has_value(); }, 30'000));
        QCOMPARE(*count, qint64(1000)); // every store made before the query
        QVERIFY(stored.size() >= 1);
        QVERIFY(stored.size() <= 20);
        QVERIFY(changed.size() >= 1);
        qint64 inserted = 0;
        for (const auto &args : stored)
            inserted += args.at(0).value<StoreSummary>().inserted;
        QCOMPARE(inserted, qint64(1000));

        // Fetching the same events again updates them.
        service.storeFetchedEvents(events.mid(0, 10));
        settle(service);
        QCOMPARE(stored.constLast().at(0).value<StoreSummary>().updated, qint64(10));

        QSignalSpy cleared(&service, &WorkspaceService::cleared);
        service.clear();
        count.reset();
        service.query(view, WorkspaceQuery{}, 10, this, [&](const Expected<QueryAnswer, QString> &a) { count = a->count; });
        QVERIFY(QTest::qWaitFor([&] { return count.has_value(); }, 30'000));
        QCOMPARE(*count, qint64(0));
        QCOMPARE(cleared.size(), 1);

        std::optional<QStringList> keys;
        service.propertyKeys(this, [&](const Expected<QStringList, QString> &k) { keys = *k; });
        QVERIFY(QTest::qWaitFor([&] { return keys.has_value(); }, 30'000));
        QCOMPARE(*keys, QStringList());
    }

    void writesQueuedStoresWhenDestroyed()
    {
        const QString file = path("shutdown.sqlite");
        const QList<Event> events = test::makeWorkspaceEvents(3000, 41);
        {
            WorkspaceService service;
            service.open(file);
            for (qsizetype i = 0; i < events.size(); i += 100)
                service.store(events.mid(i, 100), source::search());
            // Destroyed at once, with stores still queued.
        }
        WorkspaceService service;
        QSignalSpy opened(&service, &WorkspaceService::opened);
        service.open(file);
        QVERIFY(opened.wait(30'000));
        QCOMPARE(opened.constFirst().at(0).toLongLong(), qint64(3000));
    }

    void reportsAWorkspaceThatCannotOpen()
    {
        WorkspaceService service;
        QSignalSpy failed(&service, &WorkspaceService::failed);
        service.open(path("no/such/dir/workspace.sqlite"));
        const auto view = service.createView();
        std::optional<Expected<QueryAnswer, QString>> answer;
        service.query(view, WorkspaceQuery{}, 10, this, [&](const Expected<QueryAnswer, QString> &a) { answer = a; });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 30'000));
        QVERIFY(!*answer);
        QVERIFY(answer->error().contains(QStringLiteral("cannot open")));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!service.isOpen());
        service.store(test::makeWorkspaceEvents(1), source::search());
        QVERIFY(failed.wait(30'000));
    }
};

QTEST_GUILESS_MAIN(TstWorkspaceService)
#include "tst_workspace_service.moc"
