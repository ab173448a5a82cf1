// WorkspaceView's filter bar, driven with keystrokes: a customer, a property expression, a time
// range and clearing them change the count the table and the status line show; a syntax error
// shows its column and marks the place, and leaves the last valid filter in force; selecting a
// row reports its event for the detail pane.
#include "WorkspaceTestData.h"
#include "workspace/WorkspaceModel.h"
#include "workspace/WorkspaceService.h"
#include "workspace/WorkspaceView.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

using namespace ul;
using namespace ul::workspace;
using ul::gui::WorkspaceModel;
using ul::gui::WorkspaceView;
using ul::test::ReferenceRow;

namespace {

constexpr int EventCount = 1500;

} // namespace

class TstWorkspaceView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceService> m_service;
    QList<ReferenceRow> m_reference;
    std::unique_ptr<WorkspaceView> m_view;

    template <class T>
    T *child(const char *name) const
    {
        auto *widget = m_view->findChild<T *>(QString::fromUtf8(name));
        if (!widget)
            qFatal("no %s in the view", name);
        return widget;
    }

    qint64 expectedCount(const WorkspaceQuery &q) const { return test::referenceSelect(m_reference, q).size(); }

    /// Waits for the table and the status line to show `count`.
    bool shows(qint64 count) const
    {
        WorkspaceModel *model = m_view->model();
        const QString counted = QLocale().toString(count) + QStringLiteral(" of ");
        return QTest::qWaitFor([&] {
            return !model->isBusy() && model->rowCount() == count
                && child<QLabel>("workspaceStatus")->text().contains(counted);
        }, 30'000);
    }

    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_service = std::make_unique<WorkspaceService>();
        m_service->open(m_dir.filePath(QStringLiteral("view.sqlite")));
        const QList<Event> events = test::makeWorkspaceEvents(EventCount, 17);
        m_service->store(events, source::search());
        for (qsizetype i = 0; i < events.size(); ++i)
            m_reference << ReferenceRow{i + 1, events[i], source::search()};
    }

    void init()
    {
        m_view = std::make_unique<WorkspaceView>(m_service.get());
        m_view->resize(1200, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QVERIFY(shows(m_reference.size()));
    }

    void cleanup() { m_view.reset(); }

    void showsEverythingSortedByTime()
    {
        WorkspaceModel *model = m_view->model();
        QCOMPARE(model->rowCount(), EventCount);
        QVERIFY(child<QLabel>("workspaceStatus")->text().contains(QStringLiteral("Local workspace")));
        QVERIFY(child<QLabel>("workspaceStatus")->text().contains(QStringLiteral(" ms")));
        QCOMPARE(m_view->table()->model(), model);
        QVERIFY(model->isRowLoaded(0));
        QCOMPARE(model->data(model->index(0, 0), WorkspaceModel::SeqRole).toLongLong(),
                 test::referenceSelect(m_reference, WorkspaceQuery{}).constFirst());
    }

    void filtersByCustomerAndExpression()
    {
        type(child<QLineEdit>("customerEdit"), QStringLiteral("cus_2"));
        WorkspaceQuery q;
        q.customer = QStringLiteral("cus_2");
        QVERIFY(shows(expectedCount(q)));
        QVERIFY(expectedCount(q) < EventCount);

        type(child<QLineEdit>("propertyFilterEdit"), QStringLiteral("region = eu AND ms > 100"));
        q.properties = filter::Expression::parse(u"region = eu AND ms > 100").value();
        QVERIFY(shows(expectedCount(q)));
        QVERIFY(!child<QLabel>("propertyFilterError")->isVisible());

        type(child<QLineEdit>("eventNameEdit"), QStringLiteral("login"));
        q.eventName = QStringLiteral("login");
        QVERIFY(shows(expectedCount(q)));

        QTest::mouseClick(child<QPushButton>("clearFiltersButton"), Qt::LeftButton);
        QVERIFY(shows(EventCount));
        QVERIFY(child<QLineEdit>("customerEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>("propertyFilterEdit")->text().isEmpty());
    }

    void showsSyntaxErrorsWithTheirColumn()
    {
        auto *edit = child<QLineEdit>("propertyFilterEdit");
        type(edit, QStringLiteral("region = apac"));
        WorkspaceQuery q;
        q.properties = filter::Expression::parse(u"region = apac").value();
        const qint64 apac = expectedCount(q);
        QVERIFY(shows(apac));

        // Typing on into an incomplete expression: the error follows each keystroke.
        QTest::keyClicks(edit, QStringLiteral(" AND ms >"));
        auto *error = child<QLabel>("propertyFilterError");
        auto *excerpt = child<QLabel>("propertyFilterExcerpt");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Column 23: expected a value after '>'"));
        QVERIFY(excerpt->isVisible());
        QVERIFY(excerpt->text().contains(QStringLiteral("<span")));
        QCOMPARE(edit->toolTip(), error->text());
        QVERIFY(!m_view->currentQuery());
        QCOMPARE(m_view->currentQuery().error().column(), 23);
        // The table keeps the last valid filter.
        QTest::qWait(400);
        QCOMPARE(m_view->model()->rowCount(), apac);

        QTest::keyClicks(edit, QStringLiteral(" 500"));
        QVERIFY(!error->isVisible());
        QVERIFY(!excerpt->isVisible());
        q.properties = filter::Expression::parse(u"region = apac AND ms > 500").value();
        QVERIFY(shows(expectedCount(q)));

        // An error in the middle points there.
        type(edit, QStringLiteral("region = 'eu AND ms > 1"));
        QCOMPARE(error->text().left(10), QStringLiteral("Column 10:"));
        QVERIFY(error->text().contains(QStringLiteral("unterminated string")));
    }

    void filtersByTimeRange()
    {
        auto *from = child<QDateTimeEdit>("fromEdit");
        auto *to = child<QDateTimeEdit>("toEdit");
        QVERIFY(!from->isEnabled());
        const QDateTime start = test::workspaceEpoch().addSecs(2 * 86400).toDateTime();
        const QDateTime end = test::workspaceEpoch().addSecs(5 * 86400).toDateTime();
        from->setDateTime(start);
        to->setDateTime(end);
        child<QCheckBox>("fromCheck")->setChecked(true);
        QVERIFY(from->isEnabled());
        WorkspaceQuery q;
        q.from = Timestamp::fromDateTime(start);
        QVERIFY(shows(expectedCount(q)));
        child<QCheckBox>("toCheck")->setChecked(true);
        q.to = Timestamp::fromDateTime(end);
        QVERIFY(shows(expectedCount(q)));
        QVERIFY(expectedCount(q) > 0 && expectedCount(q) < EventCount);
    }

    void keepsItsPlaceWhenTheWorkspaceChanges()
    {
        QScrollBar *scroll = m_view->table()->verticalScrollBar();
        m_view->table()->scrollTo(m_view->model()->index(800, 0), QAbstractItemView::PositionAtTop);
        const int place = scroll->value();
        QVERIFY(place > 0);
        QSignalSpy finished(m_view->model(), &WorkspaceModel::queryFinished);
        m_service->store(test::makeWorkspaceEvents(1, 5, QStringLiteral("extra")), source::search());
        QVERIFY(finished.wait(30'000)); // the automatic refresh
        QTRY_COMPARE(scroll->value(), place);
        m_reference << ReferenceRow{EventCount + 1, test::makeWorkspaceEvents(1, 5, QStringLiteral("extra")).constFirst(),
                                    source::search()};
        QVERIFY(shows(EventCount + 1));
        // A new query starts at the top.
        type(child<QLineEdit>("customerEdit"), QStringLiteral("ext_1"));
        QVERIFY(finished.wait(30'000));
        QTRY_COMPARE(scroll->value(), 0);
    }

    void reportsTheCurrentEvent()
    {
        QSignalSpy current(m_view.get(), &WorkspaceView::currentEventChanged);
        WorkspaceModel *model = m_view->model();
        m_view->table()->setCurrentIndex(model->index(3, 0));
        QCOMPARE(current.size(), 1);
        const Event event = current.constFirst().at(0).value<Event>();
        QCOMPARE(event, model->rowAt(3)->event);

        // A row not loaded yet is reported once it arrives.
        const int far = EventCount - 2;
        m_view->table()->setCurrentIndex(model->index(far, 0));
        QVERIFY(QTest::qWaitFor([&] { return current.size() == 2; }, 30'000));
        const qint64 seq = test::referenceSelect(m_reference, WorkspaceQuery{})[far];
        QCOMPARE(current.constLast().at(0).value<Event>(), m_reference[seq - 1].event);
    }
};

QTEST_MAIN(TstWorkspaceView)
#include "tst_workspace_view.moc"
