// The corrections GUI against a real sandbox: the amend form (validation as one types, the
// side-by-side diff, the server's state afterwards), the bulk amend with a refused row and a
// retry of only that row, the deprecate confirmation, undo from the journal view, the journal
// recording failures, work left queued by an earlier session, and the main window's wiring.
#include "CorrectionsTestSupport.h"
#include "ModalAnswer.h"
#include "OrbJson.h"
#include "SandboxFixture.h"

#include "MainWindow.h"
#include "annotations/CorrectionAnnotator.h"
#include "corrections/AmendDialog.h"
#include "corrections/BulkAmendDialog.h"
#include "corrections/CorrectionActions.h"
#include "corrections/CorrectionsView.h"
#include "corrections/DeprecateDialog.h"
#include "corrections/JournalTableModel.h"
#include "corrections/PropertyTableModel.h"
#include "events/EventTableModel.h"
#include "events/EventsView.h"
#include "json/EventCodec.h"
#include "settings/TokenStore.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>

using namespace std::chrono_literals;
using ul::Event;
using ul::JournalEntry;
using ul::JournalFilter;
using ul::JournalOutcome;
using ul::gui::AmendDialog;
using ul::gui::BulkAmendDialog;
using ul::gui::BulkAmendModel;
using ul::gui::CorrectionsHub;
using ul::gui::CorrectionsView;
using ul::gui::DeprecateDialog;
using ul::gui::PropertyTableModel;
using ul::test::makeEvent;
using ul::test::withRegion;

namespace {

constexpr int WaitMs = 30'000;

QString regionOf(const QJsonObject &event)
{
    return event.value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("region")).toString();
}

template <class W>
W *child(QWidget &parent, const char *name)
{
    W *w = parent.findChild<W *>(QLatin1StringView(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

/// Clicks "Yes" in the next message box that opens (QMessageBox::question runs its own loop).
void answerNextMessageBoxYes()
{
    ul::test::whenModal([](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return false;
        box->button(QMessageBox::Yes)->click();
        return true;
    });
}

} // namespace

class TstCorrections : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the main window's QSettings stay out of the user's
    }
    void init()
    {
        m_sandbox = std::make_unique<ul::test::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_corrections");
        QVERIFY(!m_customer.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        openHub();
    }
    void cleanup()
    {
        m_hub.reset();
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void amendFormValidatesAsOneTypesShowsTheDiffAndAmendsTheServer()
    {
        const Event original = makeEvent(QStringLiteral("amend-form-1"), m_customer, m_sandbox->now() - 1h);
        ingest({original});
        AmendDialog dialog(*m_hub, fetch(original.id));
        QAbstractItemModelTester tester(&dialog.propertiesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        // Locked: customer and timestamp.
        QVERIFY(child<QLineEdit>(dialog, "customerEdit")->isReadOnly());
        QVERIFY(child<QLineEdit>(dialog, "timestampEdit")->isReadOnly());
        QCOMPARE(child<QLineEdit>(dialog, "timestampEdit")->text(), original.timestamp.toIso8601());

        // The name: a problem next to it while it is empty.
        auto *name = child<QLineEdit>(dialog, "eventNameEdit");
        auto *nameProblem = child<QLabel>(dialog, "eventNameProblemLabel");
        QVERIFY(nameProblem->isHidden());
        name->selectAll();
        QTest::keyClick(name, Qt::Key_Backspace);
        QVERIFY(!nameProblem->isHidden());
        QVERIFY2(nameProblem->text().contains(QStringLiteral("must not be empty")), qPrintable(nameProblem->text()));
        QVERIFY(!dialog.canReview());
        QTest::keyClicks(name, QStringLiteral("api_call"));
        QVERIFY(nameProblem->isHidden());

        // Properties: a number that does not parse is shown next to the table.
        PropertyTableModel &props = dialog.propertiesModel();
        auto *propertiesProblem = child<QLabel>(dialog, "propertiesProblemLabel");
        QCOMPARE(props.rowCount(), 2);
        auto rowOf = [&props](const QString &key) {
            for (int r = 0; r < props.rowCount(); ++r) {
                if (props.index(r, PropertyTableModel::KeyColumn).data().toString() == key)
                    return r;
            }
            return -1;
        };
        const int msRow = rowOf(QStringLiteral("ms"));
        const int regionRow = rowOf(QStringLiteral("region"));
        QVERIFY(msRow >= 0 && regionRow >= 0);
        QCOMPARE(props.index(msRow, PropertyTableModel::TypeColumn).data().toString(), QStringLiteral("number"));
        QCOMPARE(props.index(regionRow, PropertyTableModel::TypeColumn).data().toString(), QStringLiteral("text"));
        QVERIFY(props.setData(props.index(msRow, PropertyTableModel::ValueColumn), QStringLiteral("12x")));
        QVERIFY(!propertiesProblem->isHidden());
        QVERIFY2(propertiesProblem->text().contains(QStringLiteral("is not a number")), qPrintable(propertiesProblem->text()));
        QVERIFY(!dialog.canReview());
        QVERIFY(props.setData(props.index(msRow, PropertyTableModel::ValueColumn), QStringLiteral("150")));
        QVERIFY(propertiesProblem->isHidden());
        QVERIFY(props.setData(props.index(regionRow, PropertyTableModel::ValueColumn), QStringLiteral("us-east-1")));
        // A repeated key is a problem too, until the row is renamed.
        const int added = props.addProperty();
        props.setRow(added, QStringLiteral("region"), PropertyTableModel::Type::Boolean, QStringLiteral("true"));
        QVERIFY(propertiesProblem->text().contains(QStringLiteral("used twice")));
        props.setRow(added, QStringLiteral("beta"), PropertyTableModel::Type::Boolean, QStringLiteral("true"));
        QVERIFY(propertiesProblem->isHidden());
        QVERIFY(dialog.problems().isEmpty());
        QVERIFY(dialog.canReview());

        // The side-by-side diff.
        dialog.review();
        QVERIFY(dialog.isReviewing());
        auto *diff = child<QTableWidget>(dialog, "diffTable");
        QCOMPARE(diff->rowCount(), 6); // name, customer, timestamp, region, ms, beta
        auto row = [&](const QString &field) {
            for (int r = 0; r < diff->rowCount(); ++r) {
                if (diff->item(r, 0)->text() == field)
                    return QStringList{diff->item(r, 1)->text(), diff->item(r, 2)->text()};
            }
            return QStringList();
        };
        QCOMPARE(row(QStringLiteral("event_name")), (QStringList{QStringLiteral("api_request"), QStringLiteral("api_call")}));
        QCOMPARE(row(QStringLiteral("properties.region")), (QStringList{QStringLiteral("\"eu-west-1\""), QStringLiteral("\"us-east-1\"")}));
        QCOMPARE(row(QStringLiteral("properties.ms")), (QStringList{QStringLiteral("120"), QStringLiteral("150")}));
        QCOMPARE(row(QStringLiteral("properties.beta")), (QStringList{QString(), QStringLiteral("true")}));
        QCOMPARE(row(QStringLiteral("timestamp")).value(0), row(QStringLiteral("timestamp")).value(1));

        QSignalSpy refreshed(m_hub.get(), &CorrectionsHub::eventsRefreshed);
        QSignalSpy finished(m_hub.get(), &CorrectionsHub::correctionGroupFinished);
        child<QLineEdit>(dialog, "reasonEdit")->setText(QStringLiteral("ticket 4711"));
        QVERIFY(dialog.send());
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.first().at(0).toString(), dialog.groupId());
        const auto counts = finished.first().at(2).value<ul::gui::CorrectionCounts>();
        QCOMPARE(counts.succeeded, 1);
        QCOMPARE(counts.failed, 0);

        // The server has the new version, once.
        const QJsonObject now = *m_sandbox->findEvent(original.id);
        QCOMPARE(now.value(QLatin1StringView("event_name")).toString(), QStringLiteral("api_call"));
        QCOMPARE(regionOf(now), QStringLiteral("us-east-1"));
        const QJsonObject properties = now.value(QLatin1StringView("properties")).toObject();
        QCOMPARE(properties.value(QLatin1StringView("ms")).toInteger(), 150);
        QCOMPARE(properties.value(QLatin1StringView("beta")).toBool(), true);
        QCOMPARE(ul::test::historyChanges(m_sandbox->history(original.id)),
                 (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
        // The row refreshes from the server.
        QVERIFY(refreshed.count() > 0 || refreshed.wait(WaitMs));
        const Event fresh = refreshed.last().first().value<QList<Event>>().first();
        QCOMPARE(fresh.eventName, QStringLiteral("api_call"));
        QCOMPARE(*fresh.properties.find(QStringLiteral("region")), ul::PropertyValue(QStringLiteral("us-east-1")));
        // Journaled with the reason and both payloads.
        const QList<qint64> journalIds = finished.first().at(3).value<QList<qint64>>();
        QCOMPARE(journalIds.size(), 1);
        const JournalEntry entry = *m_hub->journal()->entry(journalIds.first());
        QCOMPARE(entry.outcome, JournalOutcome::Succeeded);
        QCOMPARE(entry.reason, QStringLiteral("ticket 4711"));
        QVERIFY(entry.beforeJson.contains("eu-west-1"));
        QVERIFY(entry.afterJson.contains("us-east-1"));
    }

    void rulesAboutTimeAreShownBeforeAnythingIsSent()
    {
        const Event old = makeEvent(QStringLiteral("too-old-1"), m_customer, m_sandbox->now() - 1h);
        ingest({old});
        const Event current = fetch(old.id);
        m_sandbox->advance(std::chrono::days(36)); // past the 35-day correction window
        AmendDialog amend(*m_hub, current);
        QVERIFY(amend.propertiesModel().setData(amend.propertiesModel().index(0, PropertyTableModel::KeyColumn), QStringLiteral("renamed")));
        auto *timestampProblem = child<QLabel>(amend, "timestampProblemLabel");
        QVERIFY(!timestampProblem->isHidden());
        QVERIFY2(timestampProblem->text().contains(QStringLiteral("correction window")), qPrintable(timestampProblem->text()));
        QVERIFY(!amend.canReview());

        DeprecateDialog deprecate(*m_hub, {current});
        QVERIFY(deprecate.sendable().isEmpty());
        QVERIFY(deprecate.flagged().value(old.id).contains(QStringLiteral("correction window")));
        QVERIFY(!deprecate.send());
        QVERIFY(!m_sandbox->findEvent(old.id)->value(QLatin1StringView("deprecated")).toBool());
        QCOMPARE(m_hub->journal()->count({}).value(), 0); // nothing was sent, nothing journaled
    }

    void deprecateConfirmationCountsEventsAndCustomersAndFlagsTheLimit()
    {
        const QString other = m_sandbox->newCustomer(u"cus_other");
        QList<Event> events;
        for (int i = 0; i < 3; ++i)
            events << makeEvent(QStringLiteral("dep-a-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        events << makeEvent(QStringLiteral("dep-b-0"), other, m_sandbox->now() - 1h);
        ingest(events);
        QList<Event> current;
        for (const Event &e : events)
            current << fetch(e.id);

        ul::EventRuleLimits limits = m_hub->limits();
        limits.correctionLimit = 2; // the third deprecation of customer A would be refused
        m_hub->setLimits(limits);
        DeprecateDialog dialog(*m_hub, current);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.sendable().size(), 3);
        QCOMPARE(dialog.customerCount(), 2);
        QCOMPARE(dialog.flagged().size(), 1);
        QVERIFY(dialog.flagged().value(QStringLiteral("dep-a-2")).contains(QStringLiteral("limit")));
        const QString summary = child<QLabel>(dialog, "summaryLabel")->text();
        QVERIFY2(summary.contains(QStringLiteral("3 event")) && summary.contains(QStringLiteral("2 customer")), qPrintable(summary));
        const QString warning = child<QLabel>(dialog, "warningLabel")->text();
        QVERIFY2(warning.contains(QStringLiteral("cannot be undone")) && warning.contains(QStringLiteral("ingest")), qPrintable(warning));
        QVERIFY(!child<QTableWidget>(dialog, "flaggedTable")->isHidden());

        QSignalSpy finished(m_hub.get(), &CorrectionsHub::correctionGroupFinished);
        dialog.setReason(QStringLiteral("test traffic"));
        QVERIFY(dialog.send());
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.first().at(2).value<ul::gui::CorrectionCounts>().succeeded, 3);
        for (const QString &id : {QStringLiteral("dep-a-0"), QStringLiteral("dep-a-1"), QStringLiteral("dep-b-0")})
            QVERIFY2(m_sandbox->findEvent(id)->value(QLatin1StringView("deprecated")).toBool(), qPrintable(id));
        QVERIFY(!m_sandbox->findEvent(QStringLiteral("dep-a-2"))->value(QLatin1StringView("deprecated")).toBool());
        // Re-ingesting a deprecated id is refused by the server, as the dialog said.
        const ul::test::HttpResult again = m_sandbox->ingest(QJsonArray{
            ul::test::EventJson(u"dep-a-0", m_sandbox->now() - 1h).forCustomer(m_customer).named(u"api_request")});
        QVERIFY2(again.status >= 400 || !ul::test::failingKeys(again).isEmpty(), again.describe().constData());
        // Journaled as final.
        JournalFilter filter;
        filter.actions = {QString(ul::JournalAction::Deprecate)};
        const QList<JournalEntry> entries = *m_hub->journal()->query(filter);
        QCOMPARE(entries.size(), 3);
        for (const JournalEntry &e : entries) {
            QVERIFY(e.final);
            QCOMPARE(e.reason, QStringLiteral("test traffic"));
            QCOMPARE(e.outcome, JournalOutcome::Succeeded);
        }
    }

    void aFinishedCorrectionIsAnnotatedAndANonOkStatusReachesTheAnalyst()
    {
        // The profile's sink is the sandbox's Dynatrace-style endpoint; its token comes from the
        // token store (the sandbox takes its API token as the sink token too).
        ul::TokenStore tokens(ul::TokenStore::Backend::None);
        ul::ConnectionProfile profile = ul::test::sandboxProfile();
        profile.annotationSinkUrl = m_sandbox->baseUrl();
        bool written = false;
        tokens.write({profile.id, ul::SecretRef::Kind::AnnotationSinkToken}, ul::test::SandboxFixture::token(), this,
                     [&written](auto result) { written = result.hasValue(); });
        QVERIFY(QTest::qWaitFor([&written] { return written; }, WaitMs));
        m_hub->useTokenStore(tokens);
        m_hub->setProfile(profile);
        QVERIFY(m_hub->annotator() != nullptr);
        QSignalSpy posted(m_hub->annotator(), &ul::CorrectionAnnotator::annotationPosted);

        QList<Event> events;
        for (int i = 0; i < 2; ++i)
            events << makeEvent(QStringLiteral("annotated-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        ingest(events);
        QList<Event> current;
        for (const Event &e : events)
            current << fetch(e.id);
        QVERIFY(m_hub->deprecate(current, QStringLiteral("duplicate meter")));
        QVERIFY(posted.wait(WaitMs));
        const ul::test::HttpResult received = m_sandbox->http().get(QStringLiteral("/x-sandbox/annotations"));
        QCOMPARE(received.status, 200);
        const QJsonArray annotations = received.array(u"annotations");
        QCOMPARE(annotations.size(), 1);
        const QJsonObject annotation = annotations.first().toObject().value(QLatin1StringView("event")).toObject();
        QCOMPARE(annotation.value(QLatin1StringView("eventType")).toString(), QStringLiteral("CUSTOM_ANNOTATION"));
        QCOMPARE(annotation.value(QLatin1StringView("title")).toString(), QStringLiteral("Usage correction: 2 events deprecated"));
        // The sink's correlation id is in both journal entries.
        const QString correlationId = posted.first().at(1).toStringList().value(0);
        QVERIFY(!correlationId.isEmpty());
        JournalFilter filter;
        filter.actions = {QString(ul::JournalAction::Deprecate)};
        const QList<JournalEntry> entries = *m_hub->journal()->query(filter);
        QCOMPARE(entries.size(), 2);
        for (const JournalEntry &e : entries)
            QCOMPARE(e.annotationCorrelationId, correlationId);

        // A selector of an entity type the sink does not know: the report is not OK, and the
        // analyst is told so in the Corrections view.
        profile.annotationEntitySelector = QStringLiteral("type(NO_SUCH_TYPE)");
        m_hub->setProfile(profile);
        CorrectionsView view(*m_hub);
        QSignalSpy problems(m_hub.get(), &CorrectionsHub::problem);
        const Event third = makeEvent(QStringLiteral("annotated-2"), m_customer, m_sandbox->now() - 1h);
        ingest({third});
        QVERIFY(m_hub->deprecate({fetch(third.id)}));
        QVERIFY(problems.wait(WaitMs));
        const QString message = problems.first().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("INVALID_ENTITY_TYPE")), qPrintable(message));
        QCOMPARE(view.problemText(), message);
        // The correction itself went through; only its annotation failed.
        QVERIFY(m_sandbox->findEvent(third.id)->value(QLatin1StringView("deprecated")).toBool());
    }

    void bulkAmendShowsPerRowResultsAndRetriesOnlyTheFailedRow()
    {
        QList<Event> events;
        for (int i = 0; i < 5; ++i)
            events << makeEvent(QStringLiteral("bulk-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        events << makeEvent(QStringLiteral("bulk-same"), m_customer, m_sandbox->now() - 1h, QStringLiteral("ap-south-1"));
        Event late = makeEvent(QStringLiteral("bulk-late"), QString(), m_sandbox->now() - 1h);
        late.customerId.reset();
        late.externalCustomerId = QStringLiteral("cus_not_yet"); // no such customer yet: the server refuses the amendment
        events << late;
        ingest(events);
        QList<Event> current;
        for (const Event &e : events)
            current << fetch(e.id);

        BulkAmendDialog dialog(*m_hub, current);
        QAbstractItemModelTester tester(&dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setProperty(QStringLiteral("region"), PropertyTableModel::Type::Number, QStringLiteral("south"));
        QVERIFY(!dialog.problem().isEmpty()); // not a number
        dialog.setProperty(QStringLiteral("region"), PropertyTableModel::Type::Text, QStringLiteral("ap-south-1"));
        QVERIFY(dialog.problem().isEmpty());
        QCOMPARE(dialog.model().rowCount(), 7);
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Ready), 6);
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Unchanged), 1);
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("6 event")) && dialog.summaryText().contains(QStringLiteral("1 unchanged")), qPrintable(dialog.summaryText()));
        QCOMPARE(dialog.model().index(0, BulkAmendModel::ChangeColumn).data().toString(),
                 QStringLiteral("region: \"eu-west-1\" → \"ap-south-1\""));

        QSignalSpy answered(&dialog, &BulkAmendDialog::allAnswered);
        dialog.setReason(QStringLiteral("bulk fix"));
        QVERIFY(dialog.apply());
        QVERIFY(answered.wait(WaitMs));
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Succeeded), 5);
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Failed), 1);
        const int lateRow = 6;
        QCOMPARE(dialog.model().index(lateRow, BulkAmendModel::IdColumn).data().toString(), QStringLiteral("bulk-late"));
        QVERIFY2(dialog.model().index(lateRow, BulkAmendModel::ResultColumn).data().toString().startsWith(QStringLiteral("failed: ")),
                 qPrintable(dialog.model().index(lateRow, BulkAmendModel::ResultColumn).data().toString()));
        QVERIFY2(dialog.progressText().contains(QStringLiteral("6 of 6")), qPrintable(dialog.progressText()));
        QCOMPARE(regionOf(*m_sandbox->findEvent(QStringLiteral("bulk-late"))), QStringLiteral("eu-west-1"));
        // The journal records the failure with the server's answer.
        JournalFilter failedOnly;
        failedOnly.outcomes = {JournalOutcome::Failed};
        const QList<JournalEntry> failed = *m_hub->journal()->query(failedOnly);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().eventIds, QStringList{QStringLiteral("bulk-late")});
        QCOMPARE(failed.first().httpStatus, 400);
        QVERIFY(!failed.first().error.isEmpty());

        // Fix the cause, retry only the failed row.
        QVERIFY(!m_sandbox->newCustomer(u"cus_not_yet").isEmpty());
        answered.clear();
        QCOMPARE(dialog.retryFailed(), 1);
        QVERIFY(answered.wait(WaitMs));
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Succeeded), 6);
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Failed), 0);
        for (const Event &e : events) {
            QCOMPARE(regionOf(*m_sandbox->findEvent(e.id)), QStringLiteral("ap-south-1"));
            const QStringList changes = ul::test::historyChanges(m_sandbox->history(e.id));
            if (e.id == QLatin1StringView("bulk-same"))
                QCOMPARE(changes, QStringList{QStringLiteral("ingested")}); // unchanged rows are not sent
            else
                QCOMPARE(changes, (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")})); // exactly once
        }
        JournalFilter retries;
        retries.eventId = QStringLiteral("bulk-late");
        const QList<JournalEntry> lateEntries = *m_hub->journal()->query(retries);
        QCOMPARE(lateEntries.size(), 2);
        QCOMPARE(lateEntries.first().outcome, JournalOutcome::Succeeded);
        QCOMPARE(lateEntries.first().retryOf, std::optional<qint64>(failed.first().id));
    }

    void bulkAmendShowsProgressAndCanBeCancelledPartWay()
    {
        // A slow outbox (10 requests a second), so the batch is still under way when it is cancelled.
        m_hub.reset();
        ul::OutboxSettings slow = ul::test::fastOutboxSettings();
        slow.maxRequestsPerSecond = 10;
        slow.maxInFlight = 1;
        openHub(true, slow);
        QList<Event> events;
        for (int i = 0; i < 40; ++i)
            events << makeEvent(QStringLiteral("cancel-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        ingest(events);
        QList<Event> current;
        for (const Event &e : events)
            current << fetch(e.id);
        BulkAmendDialog dialog(*m_hub, current);
        dialog.setNewName(QStringLiteral("renamed_request"));
        QCOMPARE(dialog.model().count(BulkAmendModel::State::Ready), 40);
        QSignalSpy answered(&dialog, &BulkAmendDialog::allAnswered);
        QVERIFY(dialog.apply());
        const auto succeeded = [&] { return dialog.model().count(BulkAmendModel::State::Succeeded); };
        QVERIFY(QTest::qWaitFor([&] { return succeeded() >= 5; }, WaitMs));
        // Rate and ETA while it runs.
        QVERIFY2(dialog.progressText().contains(QStringLiteral("/s")) && dialog.progressText().contains(QStringLiteral("left")),
                 qPrintable(dialog.progressText()));
        QVERIFY(!child<QPushButton>(dialog, "cancelButton")->isHidden());
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QVERIFY(answered.count() > 0 || answered.wait(WaitMs));
        QVERIFY(dialog.isFinished());
        const int done = succeeded();
        const int cancelled = dialog.model().count(BulkAmendModel::State::Cancelled);
        QVERIFY2(done < 40 && cancelled > 0 && done + cancelled == 40, qPrintable(QStringLiteral("%1 + %2").arg(done).arg(cancelled)));
        // The server has exactly the rows that succeeded; the journal says which were cancelled.
        int renamed = 0;
        for (const Event &e : events)
            renamed += m_sandbox->findEvent(e.id)->value(QLatin1StringView("event_name")).toString() == QLatin1StringView("renamed_request");
        QCOMPARE(renamed, done);
        JournalFilter cancelledOnly;
        cancelledOnly.outcomes = {JournalOutcome::Cancelled};
        QCOMPARE(m_hub->journal()->count(cancelledOnly).value(), qint64(cancelled));
        QCOMPARE(m_hub->outbox().progress().remainingOperations, 0);
    }

    void undoFromTheJournalViewRestoresThePreviousPayload()
    {
        const Event original = makeEvent(QStringLiteral("undo-1"), m_customer, m_sandbox->now() - 1h);
        ingest({original});
        QSignalSpy finished(m_hub.get(), &CorrectionsHub::correctionGroupFinished);
        const Event before = fetch(original.id);
        auto queued = m_hub->amend({{before, withRegion(before, QStringLiteral("wrong-region"))}}, QStringLiteral("oops"));
        QVERIFY2(queued.hasValue(), queued.hasValue() ? "" : qPrintable(queued.error()));
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(regionOf(*m_sandbox->findEvent(original.id)), QStringLiteral("wrong-region"));
        const qint64 amendEntry = queued->tickets.first().journalId;

        CorrectionsView view(*m_hub);
        QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.applyFilters();
        QCOMPARE(view.model().rowCount(), 1);
        QVERIFY(view.selectEntry(amendEntry));
        QVERIFY(child<QPushButton>(view, "undoButton")->isEnabled());

        QSignalSpy undoQueued(&view, &CorrectionsView::undoQueued);
        finished.clear();
        answerNextMessageBoxYes();
        view.undoSelected();
        QVERIFY(undoQueued.wait(WaitMs));
        QVERIFY(finished.count() > 0 || finished.wait(WaitMs));
        QCOMPARE(finished.last().at(0).toString(), undoQueued.first().first().toString());

        // The server is back at the previous payload, as a third version.
        QCOMPARE(regionOf(*m_sandbox->findEvent(original.id)), QStringLiteral("eu-west-1"));
        QCOMPARE(ul::test::historyChanges(m_sandbox->history(original.id)),
                 (QStringList{QStringLiteral("ingested"), QStringLiteral("amended"), QStringLiteral("amended")}));
        // The undo is journaled, linked both ways, and shown in the view.
        QVERIFY(QTest::qWaitFor([&] { return view.model().rowCount() == 2; }, WaitMs));
        const JournalEntry amendment = *m_hub->journal()->entry(amendEntry);
        QVERIFY(amendment.undoneBy.has_value());
        const JournalEntry undo = *m_hub->journal()->entry(*amendment.undoneBy);
        QCOMPARE(undo.undoOf, std::optional<qint64>(amendEntry));
        QCOMPARE(undo.outcome, JournalOutcome::Succeeded);
        QVERIFY(undo.afterJson.contains("eu-west-1"));
        QVERIFY(view.selectEntry(amendEntry));
        QVERIFY(!child<QPushButton>(view, "undoButton")->isEnabled()); // already undone

        // Filters: outcome, text.
        auto *outcome = child<QComboBox>(view, "outcomeCombo");
        outcome->setCurrentIndex(outcome->findText(QStringLiteral("failed")));
        view.applyFilters();
        QCOMPARE(view.model().rowCount(), 0);
        outcome->setCurrentIndex(0);
        child<QLineEdit>(view, "textEdit")->setText(QStringLiteral("no-such-event"));
        view.applyFilters();
        QCOMPARE(view.model().rowCount(), 0);
        child<QLineEdit>(view, "textEdit")->setText(QStringLiteral("undo-1"));
        view.applyFilters();
        QCOMPARE(view.model().rowCount(), 2);

        // CSV export of what the filter shows.
        const QString csv = m_dir->filePath(QStringLiteral("journal.csv"));
        auto written = view.exportCsvTo(csv);
        QVERIFY(written.hasValue());
        QCOMPARE(*written, 2);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.count('\n'), 3); // header + 2 entries
        QVERIFY(text.contains("undo-1"));
        QVERIFY(text.contains("oops"));
    }

    void theJournalViewRetriesAndWithdrawsFailedCorrections()
    {
        QList<Event> events;
        for (const QString &id : {QStringLiteral("orphan-1"), QStringLiteral("orphan-2")}) {
            Event e = makeEvent(id, QString(), m_sandbox->now() - 1h);
            e.customerId.reset();
            e.externalCustomerId = QStringLiteral("cus_later"); // refused until the customer exists
            events << e;
        }
        ingest(events);
        QSignalSpy finished(m_hub.get(), &CorrectionsHub::correctionGroupFinished);
        QList<ul::AmendItem> items;
        for (const Event &e : events)
            items << ul::AmendItem{fetch(e.id), withRegion(fetch(e.id), QStringLiteral("fixed"))};
        auto queued = m_hub->amend(items);
        QVERIFY(queued.hasValue());
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.first().at(2).value<ul::gui::CorrectionCounts>().failed, 2);

        CorrectionsView view(*m_hub);
        view.show();
        auto *outcome = child<QComboBox>(view, "outcomeCombo");
        outcome->setCurrentIndex(outcome->findText(QStringLiteral("failed")));
        view.applyFilters();
        QCOMPARE(view.model().rowCount(), 2);
        QVERIFY(view.progressText().contains(QStringLiteral("failed and can be retried")));

        // Withdraw the first: it stays failed in the journal and leaves the outbox.
        const qint64 first = queued->tickets.at(0).journalId;
        const qint64 second = queued->tickets.at(1).journalId;
        QVERIFY(view.selectEntry(first));
        QTest::mouseClick(child<QPushButton>(view, "cancelButton"), Qt::LeftButton);
        QCOMPARE(m_hub->journal()->entry(first)->outcome, JournalOutcome::Failed);
        QCOMPARE(m_hub->outbox().operations()->size(), 1);

        // Retry the second once its customer exists.
        QVERIFY(!m_sandbox->newCustomer(u"cus_later").isEmpty());
        finished.clear();
        QVERIFY(view.selectEntry(second));
        QTest::mouseClick(child<QPushButton>(view, "retryButton"), Qt::LeftButton);
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(regionOf(*m_sandbox->findEvent(QStringLiteral("orphan-2"))), QStringLiteral("fixed"));
        QCOMPARE(regionOf(*m_sandbox->findEvent(QStringLiteral("orphan-1"))), QStringLiteral("eu-west-1"));
        JournalFilter retries;
        retries.eventId = QStringLiteral("orphan-2");
        const QList<JournalEntry> entries = *m_hub->journal()->query(retries);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().retryOf, std::optional<qint64>(second));
        QCOMPARE(entries.first().outcome, JournalOutcome::Succeeded);
        QCOMPARE(m_hub->outbox().progress().remainingOperations, 0);
        QVERIFY(m_hub->outbox().operations()->isEmpty());
    }

    void workQueuedByAnEarlierSessionWaitsForTheAnalyst()
    {
        QList<Event> events;
        for (int i = 0; i < 3; ++i)
            events << makeEvent(QStringLiteral("later-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        ingest(events);
        QList<ul::AmendItem> items;
        for (const Event &e : events) {
            const Event current = fetch(e.id);
            items << ul::AmendItem{current, withRegion(current, QStringLiteral("queued-region"))};
        }
        // A session that queues work and closes before sending it.
        m_hub->outbox().pause(m_hub->destination());
        QVERIFY(m_hub->amend(items).hasValue());
        m_hub->close();
        m_hub.reset();
        m_client.reset();

        // The next start: nothing is sent until the analyst says so.
        openHub(false);
        QSignalSpy found(m_hub.get(), &CorrectionsHub::queuedWorkFound);
        m_hub->setClient(m_client.get());
        QCOMPARE(found.count(), 1);
        QCOMPARE(found.first().first().toLongLong(), 3);
        QCOMPARE(m_hub->queuedFromEarlier(), 3);
        CorrectionsView view(*m_hub);
        view.show();
        QVERIFY(view.isQueuedNoticeVisible());
        QVERIFY(child<QLabel>(view, "queuedLabel")->text().contains(QStringLiteral("3 correction")));
        QTest::qWait(300);
        for (const Event &e : events)
            QCOMPARE(regionOf(*m_sandbox->findEvent(e.id)), QStringLiteral("eu-west-1"));

        QSignalSpy finished(m_hub.get(), &CorrectionsHub::correctionGroupFinished);
        QTest::mouseClick(child<QPushButton>(view, "sendNowButton"), Qt::LeftButton);
        QVERIFY(!view.isQueuedNoticeVisible());
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.first().at(2).value<ul::gui::CorrectionCounts>().succeeded, 3);
        for (const Event &e : events) {
            QCOMPARE(regionOf(*m_sandbox->findEvent(e.id)), QStringLiteral("queued-region"));
            QCOMPARE(ul::test::historyChanges(m_sandbox->history(e.id)), (QStringList{QStringLiteral("ingested"), QStringLiteral("amended")}));
        }
    }

    void discardedWorkIsCancelledInTheJournal()
    {
        const Event e = makeEvent(QStringLiteral("discard-1"), m_customer, m_sandbox->now() - 1h);
        ingest({e});
        const Event current = fetch(e.id);
        m_hub->outbox().pause(m_hub->destination());
        auto queued = m_hub->amend({{current, withRegion(current, QStringLiteral("never"))}});
        QVERIFY(queued.hasValue());
        m_hub->close();
        m_hub.reset();
        m_client.reset();

        openHub();
        QCOMPARE(m_hub->queuedFromEarlier(), 1);
        CorrectionsView view(*m_hub);
        QTest::mouseClick(child<QPushButton>(view, "discardButton"), Qt::LeftButton);
        QCOMPARE(m_hub->queuedFromEarlier(), 0);
        QCOMPARE(m_hub->outbox().progress().remainingOperations, 0);
        QCOMPARE(m_hub->journal()->entry(queued->tickets.first().journalId)->outcome, JournalOutcome::Cancelled);
        QTest::qWait(200);
        QCOMPARE(regionOf(*m_sandbox->findEvent(e.id)), QStringLiteral("eu-west-1"));
    }

    void theMainWindowWiresActionsTheJournalAndRowRefresh()
    {
        const Event e = makeEvent(QStringLiteral("window-1"), m_customer, m_sandbox->now() - 1h);
        ingest({e});
        const Event current = fetch(e.id);
        ul::gui::MainWindow window;
        window.attachCorrections(*m_hub);
        QVERIFY(window.correctionsView() != nullptr);
        QTableView *table = window.eventsView().resultsTable();
        QStringList shortcuts;
        for (QAction *action : table->actions())
            shortcuts << action->shortcut().toString();
        QVERIFY2(shortcuts.contains(QStringLiteral("F2")) && shortcuts.contains(QStringLiteral("Del")),
                 qPrintable(shortcuts.join(u',')));

        // The results table shows the event; after an amendment its row shows the server's version.
        window.eventsView().model().setEvents({current});
        QSignalSpy refreshed(m_hub.get(), &CorrectionsHub::eventsRefreshed);
        QVERIFY(m_hub->amend({{current, withRegion(current, QStringLiteral("refreshed"))}}).hasValue());
        QVERIFY(refreshed.wait(WaitMs));
        QCOMPARE(*window.eventsView().model().eventAt(0).properties.find(QStringLiteral("region")),
                 ul::PropertyValue(QStringLiteral("refreshed")));
        QVERIFY(QTest::qWaitFor([&] { return window.correctionsView()->model().rowCount() == 1; }, WaitMs));
    }

private:
    void openHub(bool attachClient = true, const ul::OutboxSettings &settings = ul::test::fastOutboxSettings())
    {
        auto hub = ul::gui::CorrectionsHub::open(m_dir->path(), settings);
        QVERIFY2(hub.hasValue(), hub.hasValue() ? "" : qPrintable(hub.error()));
        m_hub = std::move(hub).value();
        m_client = std::make_unique<ul::OrbClient>(ul::test::fastClientSettings(ul::test::v1Url(m_sandbox->baseUrl())));
        m_client->setToken(ul::test::SandboxFixture::token());
        m_hub->setClock([sandbox = m_sandbox.get()] { return sandbox->now(); });
        m_hub->setProfile(ul::test::sandboxProfile());
        if (attachClient)
            m_hub->setClient(m_client.get());
    }

    void ingest(const QList<Event> &events)
    {
        const QByteArray body = ul::json::encodeIngestBody(events);
        const ul::test::HttpResult r = m_sandbox->ingest(QJsonDocument::fromJson(body).object().value(QLatin1StringView("events")).toArray());
        QVERIFY2(r.status == 200 && ul::test::failingKeys(r).isEmpty(), r.describe().constData());
    }

    Event fetch(const QString &id)
    {
        const std::optional<QJsonObject> found = m_sandbox->findEvent(id);
        if (!found)
            return {};
        auto decoded = ul::json::decodeEventObject(QJsonDocument(*found).toJson(QJsonDocument::Compact), ul::json::EventShape::Stored);
        return decoded ? decoded->event : Event{};
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ul::OrbClient> m_client;
    std::unique_ptr<CorrectionsHub> m_hub;
    QString m_customer;
};

QTEST_MAIN(TstCorrections)
#include "tst_corrections.moc"
