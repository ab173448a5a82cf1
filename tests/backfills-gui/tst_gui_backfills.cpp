// The backfills GUI against a real sandbox: the backfills table model (paging, colours, under
// QAbstractItemModelTester), the create-backfill wizard from a JSONL file with good and bad rows
// (dry run before anything exists, bad rows with their line numbers, the before/after chart,
// the import), closing and reverting through the outbox and the journal, the event volume after
// each step (the view's model and the server), and the volume view's CSV export.
// No translator is installed, so texts with %n keep their "(s)".
#include "CorrectionsTestSupport.h"
#include "ModalAnswer.h"
#include "OrbJson.h"
#include "SandboxFixture.h"

#include "backfills/BackfillActions.h"
#include "backfills/BackfillTableModel.h"
#include "backfills/BackfillWizardPages.h"
#include "backfills/BackfillsView.h"
#include "backfills/BadRowModel.h"
#include "backfills/CreateBackfillWizard.h"
#include "backfills/UnfinishedImportsBar.h"
#include "import/ImportJob.h"
#include "journal/Journal.h"
#include "settings/ProductionConfirmDialog.h"
#include "volume/VolumeChart.h"
#include "volume/VolumeModel.h"
#include "volume/VolumeView.h"

#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace std::chrono_literals;
using ul::BackfillStatus;
using ul::ImportFormat;
using ul::ImportJob;
using ul::ImportJobConfig;
using ul::Timestamp;
using ul::gui::BackfillTableModel;
using ul::gui::BackfillsView;
using ul::gui::BadRowModel;
using ul::gui::CreateBackfillWizard;
using ul::gui::VolumeModel;

namespace {

constexpr int WaitMs = 30'000;
constexpr qint64 HourMs = 3'600'000;

/// Accepts the next message box that opens (clicking its AcceptRole button: our confirmations
/// name the action on it) and keeps its text in `*text`.
void acceptNextMessageBox(std::shared_ptr<QString> text)
{
    ul::test::whenModal([text](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return false;
        *text = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole || box->buttonRole(button) == QMessageBox::YesRole) {
                button->click();
                return true;
            }
        }
        return false;
    });
}

/// Answers the production confirmation that follows: types `name` (empty: cancels).
void answerProductionConfirmation(const QString &name)
{
    ul::test::whenModal([name](QWidget *modal) {
        auto *dialog = qobject_cast<ul::gui::ProductionConfirmDialog *>(modal);
        if (!dialog)
            return false;
        if (name.isEmpty()) {
            dialog->reject();
        } else {
            dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"))->setText(name);
            dialog->accept();
        }
        return true;
    });
}

QJsonObject eventJson(const QString &key, const QString &customer, Timestamp when)
{
    return ul::test::jsonObject({{"event_name", QStringLiteral("api_request")},
                                 {"timestamp", when.toIso8601()},
                                 {"idempotency_key", key},
                                 {"customer_id", customer},
                                 {"properties", ul::test::jsonObject({{"region", QStringLiteral("eu")}})}});
}

QByteArray line(const QJsonObject &object)
{
    return ul::test::compactJson(object) + '\n';
}

} // namespace

class TstGuiBackfills : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        m_sandbox = std::make_unique<ul::test::SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        // Whole hours, three days back: well outside the ingest grace period.
        m_now = m_sandbox->now().floorToHour();
        m_sandbox->setNow(m_now);
        m_t0 = m_now - 72h;
        m_customer = m_sandbox->newCustomer(u"acme-backfills");
        QVERIFY(!m_customer.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        auto hub = ul::gui::CorrectionsHub::open(m_dir->path(), ul::test::fastOutboxSettings());
        QVERIFY2(hub.hasValue(), hub.hasValue() ? "" : qPrintable(hub.error()));
        m_hub = std::move(hub).value();
        m_client = std::make_unique<ul::OrbClient>(ul::test::fastClientSettings(ul::test::v1Url(m_sandbox->baseUrl())));
        m_client->setToken(ul::test::SandboxFixture::token());
        m_hub->setClock([sandbox = m_sandbox.get()] { return sandbox->now(); });
        m_hub->setProfile(ul::test::sandboxProfile());
        m_hub->setClient(m_client.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_hub->isReady(), WaitMs);
    }
    void cleanup()
    {
        m_hub.reset();
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void theTableModelPagesColoursAndFollowsTheServer()
    {
        // Three backfills in three separate days (pending ones may not overlap).
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const Timestamp start = m_t0 - std::chrono::hours(24 * (i + 1));
            const auto r = m_sandbox->http().post(QStringLiteral("/v1/events/backfills"),
                                                  ul::test::jsonObject({{"timeframe_start", start.toIso8601()},
                                                                        {"timeframe_end", (start + 6h).toIso8601()},
                                                                        {"replace_existing_events", i != 1}}));
            UL_COMPARE_STATUS(r, 200);
            ids << r.string(u"id");
        }
        BackfillTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setApi(ul::BackfillApi(m_client.get()));
        model.setPageSize(2);
        QSignalSpy pages(&model, &BackfillTableModel::pageLoaded);
        model.reload();
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 1, WaitMs);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.hasMore());
        QVERIFY(model.canFetchMore({}));
        QVERIFY(model.hasUnsettled()); // pending ones
        // Newest first, as the server lists them.
        QCOMPARE(model.data(model.index(0, BackfillTableModel::IdColumn)).toString(), ids.at(2));
        QCOMPARE(model.data(model.index(0, BackfillTableModel::StatusColumn)).toString(), QStringLiteral("Pending"));
        QCOMPARE(model.data(model.index(0, BackfillTableModel::StatusColumn), Qt::ForegroundRole).value<QBrush>().color(),
                 BackfillTableModel::statusColor(BackfillStatus::Pending));
        QCOMPARE(model.data(model.index(1, BackfillTableModel::ModeColumn)).toString(), QStringLiteral("Add"));
        QCOMPARE(model.data(model.index(0, BackfillTableModel::CustomerColumn)).toString(), QStringLiteral("All customers"));

        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 2, WaitMs);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.hasMore());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.backfillAt(2).id, ids.at(0));

        // A revert on the server shows at the next reload, in its colour.
        UL_COMPARE_STATUS(m_sandbox->http().post(QStringLiteral("/v1/events/backfills/%1/revert").arg(ids.at(0)), QByteArray()), 200);
        model.reload();
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 3, WaitMs);
        QCOMPARE(model.rowCount(), 2); // the first page again
        model.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 4, WaitMs);
        const auto row = model.rowOf(ids.at(0));
        QVERIFY(row.has_value());
        QCOMPARE(model.backfillAt(*row).status, BackfillStatus::Reverted);
        QCOMPARE(model.data(model.index(*row, BackfillTableModel::StatusColumn), Qt::ForegroundRole).value<QBrush>().color(),
                 BackfillTableModel::statusColor(BackfillStatus::Reverted));
    }

    void wizardImportsThenCloseAndRevertChangeTheVolume()
    {
        // What the server counts before: 5 events in hour 0 and 2 in hour 3 of the timeframe,
        // ingested while they were recent.
        m_sandbox->setNow(m_t0 + 4h);
        QJsonArray existing;
        for (int i = 0; i < 5; ++i)
            existing << eventJson(QStringLiteral("old-%1").arg(i), m_customer, m_t0 + std::chrono::minutes(10 + i));
        existing << eventJson(QStringLiteral("old-5"), m_customer, m_t0 + 3h + 1min)
                 << eventJson(QStringLiteral("old-6"), m_customer, m_t0 + 3h + 2min);
        UL_COMPARE_STATUS(m_sandbox->ingest(existing), 200);
        m_sandbox->setNow(m_now);
        const QMap<qint64, qint64> before{{0, 5}, {1, 0}, {2, 0}, {3, 2}, {4, 0}, {5, 0}};
        const QMap<qint64, qint64> afterClose{{0, 1}, {1, 2}, {2, 1}, {3, 0}, {4, 0}, {5, 0}};

        // The file: 4 good rows (hours 0, 1, 1, 2) and 4 bad ones on lines 4–7.
        const QString path = m_dir->filePath(QStringLiteral("replay.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(line(eventJson(QStringLiteral("bf-1"), m_customer, m_t0 + 10min)));
            file.write(line(eventJson(QStringLiteral("bf-2"), m_customer, m_t0 + 1h + 5min)));
            file.write(line(eventJson(QStringLiteral("bf-3"), m_customer, m_t0 + 1h + 6min)));
            file.write("{oops\n");                                                                      // 4: not JSON
            file.write(line(eventJson(QStringLiteral("bf-5"), m_customer, m_t0 + 7h)));                 // 5: outside
            file.write(line(eventJson(QStringLiteral("bf-2"), m_customer, m_t0 + 1h + 7min)));          // 6: duplicate
            file.write(R"({"event_name":"api_request","idempotency_key":"bf-7","customer_id":")"       // 7: no timestamp
                       + m_customer.toUtf8() + R"(","properties":{}})" "\n");
            file.write(line(eventJson(QStringLiteral("bf-8"), m_customer, m_t0 + 2h + 1min)));
        }

        BackfillsView view;
        view.setAutoRefreshInterval(100ms);
        view.setClient(m_client.get());
        view.setHub(m_hub.get());
        QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();

        CreateBackfillWizard *wizard = view.openCreateWizard();
        QVERIFY(wizard);
        // Live checks: more than 31 days, then a filter that does not parse.
        wizard->timeframePage().setTimeframe(m_t0 - std::chrono::hours(24 * 40), m_t0);
        QVERIFY(!wizard->timeframePage().isComplete());
        QVERIFY(wizard->timeframePage().problems().join(u' ').contains(QStringLiteral("31 days")));
        wizard->timeframePage().setTimeframe(m_t0, m_t0 + 6h);
        QVERIFY(wizard->timeframePage().isComplete());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateBackfillWizard::ScopePageId));
        wizard->scopePage().setDeprecationFilter(QStringLiteral("region = "));
        QVERIFY(!wizard->scopePage().isComplete());
        QVERIFY(wizard->scopePage().filterStatus().contains(QStringLiteral("column")));
        wizard->scopePage().setDeprecationFilter(QStringLiteral("region = 'eu'"));
        QVERIFY(wizard->scopePage().isComplete());
        wizard->scopePage().setDeprecationFilter(QString()); // replace every event of the timeframe
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateBackfillWizard::FilePageId));
        wizard->filePage().setFile(path);
        QVERIFY(wizard->filePage().isComplete());
        QCOMPARE(wizard->filePage().format(), ul::ImportFormat::Jsonl);

        // The dry run: nothing exists on the server yet.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateBackfillWizard::DryRunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->dryRunPage().isRunning(), WaitMs);
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills")).array(u"data").size(), 0);
        const auto &analysis = wizard->dryRunPage().analysis();
        QVERIFY(analysis.has_value());
        QCOMPARE(analysis->events, 4);
        QCOMPARE(analysis->hoursTouched(), 3);
        QCOMPARE(analysis->distinctCustomers, 1);
        QCOMPARE(analysis->duplicateKeys, 1);
        QCOMPARE(analysis->outsideTimeframe, 1);
        BadRowModel &bad = wizard->dryRunPage().badRows();
        QAbstractItemModelTester badTester(&bad, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(bad.lines(), (QList<qint64>{4, 5, 6, 7}));
        QCOMPARE(bad.rows().at(0).kind, ul::BadRowKind::Unreadable);
        QCOMPARE(bad.rows().at(1).kind, ul::BadRowKind::OutsideTimeframe);
        QCOMPARE(bad.rows().at(2).kind, ul::BadRowKind::DuplicateKey);
        QCOMPARE(bad.rows().at(3).kind, ul::BadRowKind::Malformed);
        QCOMPARE(bad.data(bad.index(2, BadRowModel::LineColumn)).toLongLong(), 6);
        const QList<QByteArray> csv = bad.toCsv().split('\n');
        QCOMPARE(csv.at(0), QByteArray("line,kind,reason"));
        QVERIFY2(csv.at(1).startsWith("4,unreadable,"), csv.at(1).constData());
        QVERIFY2(csv.at(3).startsWith("6,duplicate_key,"), csv.at(3).constData());
        const QString summary = wizard->dryRunPage().summaryText();
        QVERIFY2(summary.contains(QStringLiteral("4 event(s) will be imported")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 with a duplicate key")), qPrintable(summary));
        // Before/after chart: the server's counts and the file's, hour by hour.
        const auto &series = wizard->dryRunPage().chart().series();
        QCOMPARE(series.size(), 3);
        for (qint64 h = 0; h < 6; ++h) {
            const qint64 hour = m_t0.msecs() + h * HourMs;
            QCOMPARE(series.at(0).hourly.value(hour), before.value(h));
            QCOMPARE(series.at(2).hourly.value(hour), afterClose.value(h)); // replace all: the file only
        }
        QCOMPARE(series.at(1).hourly.value(m_t0.msecs() + HourMs), 2);
        const QString tip = wizard->dryRunPage().chart().tooltipFor(m_t0);
        QVERIFY2(tip.contains(QStringLiteral("On the server now: 5")) && tip.contains(QStringLiteral("In this file: 1")), qPrintable(tip));
        QVERIFY(wizard->dryRunPage().isComplete());

        // Create and import, after the confirmation.
        auto confirmation = std::make_shared<QString>();
        QSignalSpy created(wizard, &CreateBackfillWizard::backfillCreated);
        acceptNextMessageBox(confirmation);
        wizard->next();
        QVERIFY2(confirmation->contains(QStringLiteral("import 4 event(s)")), qPrintable(*confirmation));
        QCOMPARE(wizard->currentId(), int(CreateBackfillWizard::ImportPageId));
        QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->importPage().isDone(), WaitMs);
        QVERIFY2(wizard->importPage().statusText().startsWith(QStringLiteral("Done: 4 event(s)")), qPrintable(wizard->importPage().statusText()));
        QCOMPARE(wizard->importPage().badRows().lines(), (QList<qint64>{4, 5, 6, 7}));
        const QString id = wizard->importPage().backfill()->id;
        auto fetched = m_sandbox->http().get(QStringLiteral("/v1/events/backfills/") + id);
        UL_COMPARE_STATUS(fetched, 200);
        QCOMPARE(fetched.string(u"status"), QStringLiteral("pending"));
        QCOMPARE(fetched.json.value(QLatin1StringView("events_ingested")).toInteger(), 4);
        QCOMPARE(fetched.json.value(QLatin1StringView("replace_existing_events")).toBool(), true);
        wizard->accept();

        // Pending: the volume has not changed, and the view refreshes on its own.
        QTRY_VERIFY_WITH_TIMEOUT(view.model().rowOf(id).has_value(), WaitMs);
        QVERIFY(view.isAutoRefreshing());
        checkVolume(view, before);

        // Close: the confirmation says what changes; the outbox sends it; the journal keeps it.
        QVERIFY(view.selectBackfill(id));
        QSignalSpy finished(&view, &BackfillsView::actionFinished);
        acceptNextMessageBox(confirmation);
        QVERIFY(view.closeSelected());
        QVERIFY2(confirmation->contains(QStringLiteral("4 ingested event(s) will count")), qPrintable(*confirmation));
        QVERIFY2(confirmation->contains(QStringLiteral("every one of those stops counting")), qPrintable(*confirmation));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills/") + id).string(u"status"), QStringLiteral("reflected"));
        QCOMPARE(view.model().backfillAt(*view.model().rowOf(id)).status, BackfillStatus::Reflected);
        checkVolume(view, afterClose);

        // Revert: back to the state before.
        QVERIFY(view.selectBackfill(id));
        acceptNextMessageBox(confirmation);
        QVERIFY(view.revertSelected());
        QVERIFY2(confirmation->contains(QStringLiteral("events it replaced")), qPrintable(*confirmation));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, WaitMs);
        QCOMPARE(finished.at(1).at(1).toBool(), true);
        // A reflected backfill is reverted through pending_revert, which the view follows on its own.
        QCOMPARE(view.model().backfillAt(*view.model().rowOf(id)).status, BackfillStatus::PendingRevert);
        QVERIFY(view.isAutoRefreshing());
        m_sandbox->advance(2s); // the sandbox finishes a revert after BackfillRuleLimits::revertDuration
        QTRY_COMPARE_WITH_TIMEOUT(view.model().backfillAt(*view.model().rowOf(id)).status, BackfillStatus::Reverted, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAutoRefreshing(), WaitMs);
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills/") + id).string(u"status"), QStringLiteral("reverted"));
        checkVolume(view, before);

        // Every write is in the journal with the server's answer.
        ul::JournalFilter filter;
        filter.actions = {QStringLiteral("backfill_create"), QStringLiteral("backfill_close"), QStringLiteral("backfill_revert")};
        filter.newestFirst = false;
        const auto entries = m_hub->journal()->query(filter);
        QVERIFY(entries.hasValue());
        QCOMPARE(entries->size(), 3);
        for (const ul::JournalEntry &entry : *entries) {
            QCOMPARE(entry.outcome, ul::JournalOutcome::Succeeded);
            QVERIFY(entry.responseBody.contains(id.toUtf8()));
        }
        QCOMPARE(entries->at(1).action, QStringLiteral("backfill_close"));
    }

    void productionProfilesMustTypeTheNameToClose()
    {
        ul::ConnectionProfile production = ul::test::sandboxProfile();
        production.production = true;
        production.name = QStringLiteral("Orb production");
        m_hub->setProfile(production);
        QTRY_VERIFY_WITH_TIMEOUT(m_hub->isReady(), WaitMs);
        const auto r = m_sandbox->http().post(QStringLiteral("/v1/events/backfills"),
                                              ul::test::jsonObject({{"timeframe_start", m_t0.toIso8601()},
                                                                    {"timeframe_end", (m_t0 + 1h).toIso8601()}}));
        UL_COMPARE_STATUS(r, 200);
        const QString id = r.string(u"id");
        BackfillsView view;
        view.setClient(m_client.get());
        view.setHub(m_hub.get());
        QTRY_VERIFY_WITH_TIMEOUT(view.selectBackfill(id), WaitMs);

        // Confirmed, but the name not typed: nothing is queued.
        auto text = std::make_shared<QString>();
        acceptNextMessageBox(text);
        answerProductionConfirmation({});
        QVERIFY(!view.closeSelected());
        QCOMPARE(m_hub->outbox().progress().remainingOperations, 0);
        QTest::qWait(100);
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills/") + id).string(u"status"), QStringLiteral("pending"));

        // With the name: closed.
        QSignalSpy finished(&view, &BackfillsView::actionFinished);
        acceptNextMessageBox(text);
        answerProductionConfirmation(production.name);
        QVERIFY(view.closeSelected());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, WaitMs);
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills/") + id).string(u"status"), QStringLiteral("reflected"));
    }

    void csvFilesAreMappedColumnByColumnBeforeTheDryRun()
    {
        const QString path = m_dir->filePath(QStringLiteral("replay.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("event_name,timestamp,customer_id,idempotency_key,ms,note\n");
            file.write("api_request," + (m_t0 + 5min).toIso8601().toLatin1() + ',' + m_customer.toUtf8() + ",csv-1,120,\"a, quoted\"\n");
            file.write("api_request," + (m_t0 + 1h).toIso8601().toLatin1() + ',' + m_customer.toUtf8() + ",csv-2,80,plain\n");
            file.write("api_request,not-a-time," + m_customer.toUtf8() + ",csv-3,80,plain\n"); // line 4
            file.write("api_request," + (m_t0 + 2h).toIso8601().toLatin1() + ',' + m_customer.toUtf8() + ",csv-4,many,plain\n"); // line 5
        }
        CreateBackfillWizard wizard(m_client.get(), m_hub.get());
        wizard.show(); // a wizard starts at its first page when shown
        wizard.timeframePage().setTimeframe(m_t0, m_t0 + 6h);
        wizard.next();
        wizard.scopePage().setScope(ul::gui::BackfillScopePage::Scope::CustomerId, m_customer);
        wizard.scopePage().setReplaceExisting(false);
        QVERIFY(!wizard.scopePage().deprecationFilter().has_value());
        wizard.next();
        wizard.filePage().setFile(path);
        QCOMPARE(wizard.filePage().format(), ul::ImportFormat::Csv);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateBackfillWizard::MappingPageId));
        // Roles guessed from the header, types from the values.
        const ul::CsvMapping guessed = wizard.mappingPage().mapping();
        QCOMPARE(guessed.columns.size(), 6);
        QCOMPARE(guessed.columns.at(0).role, ul::ColumnRole::EventName);
        QCOMPARE(guessed.columns.at(1).role, ul::ColumnRole::Timestamp);
        QCOMPARE(guessed.columns.at(2).role, ul::ColumnRole::CustomerId);
        QCOMPARE(guessed.columns.at(3).role, ul::ColumnRole::IdempotencyKey);
        QCOMPARE(guessed.columns.at(4).role, ul::ColumnRole::Property);
        QVERIFY(wizard.mappingPage().isComplete());
        // `ms` as a number: the row with "many" becomes a bad row; without a timestamp column
        // the mapping is not usable.
        wizard.mappingPage().setColumn(4, ul::ColumnRole::Property, ul::ColumnType::Number);
        wizard.mappingPage().setColumn(1, ul::ColumnRole::Ignore);
        QVERIFY(!wizard.mappingPage().isComplete());
        wizard.mappingPage().setColumn(1, ul::ColumnRole::Timestamp);
        QVERIFY(wizard.mappingPage().isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateBackfillWizard::DryRunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.dryRunPage().isRunning(), WaitMs);
        const auto &analysis = wizard.dryRunPage().analysis();
        QVERIFY(analysis.has_value());
        QCOMPARE(analysis->events, 2);
        QCOMPARE(wizard.dryRunPage().badRows().lines(), (QList<qint64>{4, 5}));
        // Adding: after closing, each hour counts the server's events and the file's.
        const auto &series = wizard.dryRunPage().chart().series();
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.at(2).hourly.value(m_t0.msecs()), 1);
        QCOMPARE(series.at(2).hourly.value(m_t0.msecs() + HourMs), 1);
        wizard.reject();
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills")).array(u"data").size(), 0);
    }

    void volumeViewExportsTheCountsShown()
    {
        m_sandbox->setNow(m_t0 + 2h);
        QJsonArray events;
        for (int i = 0; i < 3; ++i)
            events << eventJson(QStringLiteral("v-%1").arg(i), m_customer, m_t0 + std::chrono::minutes(5 + i));
        events << eventJson(QStringLiteral("v-9"), m_customer, m_t0 + 1h + 30min);
        UL_COMPARE_STATUS(m_sandbox->ingest(events), 200);
        m_sandbox->setNow(m_now);

        ul::gui::VolumeView view;
        QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setClient(m_client.get());
        QSignalSpy loaded(&view, &ul::gui::VolumeView::loaded);
        view.setTimeframe(m_t0, m_t0 + 3h);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, WaitMs);
        QCOMPARE(view.model().rowCount(), 3);
        QCOMPARE(view.model().total(), 4);
        QCOMPARE(view.model().data(view.model().index(0, VolumeModel::CountColumn)).toLongLong(), 3);
        QVERIFY(view.chart().tooltipFor(m_t0 + 1h).contains(QStringLiteral(": 1")));
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // The pointer over the plot names an hour of the range.
        const QRectF plot = view.chart().chart()->plotArea();
        const QPoint inside = view.chart().mapFromScene(view.chart().chart()->mapToScene(plot.center()));
        const auto hour = view.chart().hourAt(inside);
        QVERIFY(hour.has_value());
        QVERIFY(*hour >= m_t0 && *hour < m_t0 + 3h);
        QVERIFY(!view.chart().hourAt(QPoint(1, 1)).has_value());

        const QString path = m_dir->filePath(QStringLiteral("volume.csv"));
        QVERIFY(view.model().exportCsv(path).hasValue());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected = "timeframe_start,timeframe_end,count\n"
            + m_t0.toIso8601().toLatin1() + ',' + (m_t0 + 1h).toIso8601().toLatin1() + ",3\n"
            + (m_t0 + 1h).toIso8601().toLatin1() + ',' + (m_t0 + 2h).toIso8601().toLatin1() + ",1\n"
            + (m_t0 + 2h).toIso8601().toLatin1() + ',' + (m_t0 + 3h).toIso8601().toLatin1() + ",0\n";
        QCOMPARE(file.readAll(), expected);

        // A range longer than one page of the server (100 hours) is loaded whole.
        view.setTimeframe(m_t0 - std::chrono::hours(150), m_t0 + 3h);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, WaitMs);
        QCOMPARE(view.model().rowCount(), 153);
        QCOMPARE(view.model().total(), 4);
        QCOMPARE(view.model().countAt(m_t0 + 1h), 1);

        // Zoom and pan keep the data; reset shows everything again.
        view.chart().zoomTime(0.5, view.chart().chart()->plotArea().center().x());
        QVERIFY(view.chart().isZoomed());
        view.chart().panTime(40);
        view.chart().resetZoom();
        QVERIFY(!view.chart().isZoomed());
    }

    void anImportStoppedByClosingTheAppIsOfferedAndResumedExactlyOnce()
    {
        // A backfill and a file of 3,000 good rows and one bad one (line 1,500).
        const auto created = m_sandbox->http().post(QStringLiteral("/v1/events/backfills"),
                                                     ul::test::jsonObject({{"timeframe_start", m_t0.toIso8601()},
                                                                           {"timeframe_end", (m_t0 + 6h).toIso8601()},
                                                                           {"replace_existing_events", false}}));
        UL_COMPARE_STATUS(created, 200);
        const QString backfillId = created.string(u"id");
        const QString path = m_dir->filePath(QStringLiteral("resume.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 1; i <= 3001; ++i) {
                if (i == 1500)
                    file.write("{ not json\n");
                else
                    file.write(line(eventJson(QStringLiteral("resume-%1").arg(i), m_customer, m_t0 + std::chrono::seconds(i))));
            }
        }

        // The first session: the import runs until part of it is confirmed, then the app closes.
        ImportJobConfig config;
        config.path = path;
        config.spec.format = ImportFormat::Jsonl;
        config.target.backfillId = backfillId;
        config.target.timeframeStart = m_t0;
        config.target.timeframeEnd = m_t0 + 6h;
        config.destination = m_hub->destination();
        config.groupId = ul::Outbox::newGroupId();
        config.limits = m_hub->limits();
        config.clock = [sandbox = m_sandbox.get()] { return sandbox->now(); };
        config.chunkEvents = 100;
        {
            ImportJob first(&m_hub->outbox(), config);
            first.start();
            QTRY_VERIFY_WITH_TIMEOUT(first.progress().eventsConfirmed >= 500, WaitMs);
            first.pause();
            QVERIFY(first.progress().eventsConfirmed < 3000);
        }
        m_hub->close();
        m_hub.reset();

        // The next start: the Backfills view offers to finish it.
        auto reopened = ul::gui::CorrectionsHub::open(m_dir->path(), ul::test::fastOutboxSettings());
        QVERIFY2(reopened.hasValue(), reopened.hasValue() ? "" : qPrintable(reopened.error()));
        m_hub = std::move(reopened).value();
        m_hub->setClock([sandbox = m_sandbox.get()] { return sandbox->now(); });
        m_hub->setProfile(ul::test::sandboxProfile());
        m_hub->setClient(m_client.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_hub->isReady(), WaitMs);
        BackfillsView view;
        view.setClient(m_client.get());
        view.setHub(m_hub.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ul::gui::UnfinishedImportsBar &bar = view.unfinishedImportsBar();
        QVERIFY(bar.isVisible());
        QCOMPARE(bar.offeredGroup(), config.groupId);
        QVERIFY2(bar.text().contains(QStringLiteral("resume.jsonl")) && bar.text().contains(backfillId), qPrintable(bar.text()));

        QSignalSpy ended(&bar, &ul::gui::UnfinishedImportsBar::importEnded);
        bar.findChild<QPushButton *>(QStringLiteral("resumeImportButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 60'000);
        QCOMPARE(ended.first().at(0).value<ImportJob::State>(), ImportJob::State::Finished);
        QVERIFY2(bar.text().contains(QStringLiteral("3000")) || bar.text().contains(QStringLiteral("3,000")), qPrintable(bar.text()));
        QVERIFY(bar.offeredGroup().isEmpty());

        // Every good row is in the backfill exactly once; nothing is left to resume.
        QCOMPARE(m_sandbox->http().get(QStringLiteral("/v1/events/backfills/") + backfillId).json
                     .value(QLatin1StringView("events_ingested")).toInteger(), 3000);
        auto left = ImportJob::unfinishedImports(m_hub->outbox(), m_hub->destination());
        QVERIFY(left.hasValue());
        QVERIFY(left->isEmpty());
    }

private:
    /// The volume of the 6 hours from m_t0, as the view's model and the server see it.
    void checkVolume(BackfillsView &view, const QMap<qint64, qint64> &expected)
    {
        QSignalSpy loaded(&view.volumeView(), &ul::gui::VolumeView::loaded);
        view.volumeView().setTimeframe(m_t0, m_t0 + 6h);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), WaitMs);
        const VolumeModel &model = view.volumeView().model();
        QCOMPARE(model.rowCount(), 6);
        const auto server = m_sandbox->http().get(QStringLiteral("/v1/events/volume?timeframe_start=%1&timeframe_end=%2")
                                                      .arg(m_t0.toIso8601(), (m_t0 + 6h).toIso8601()));
        UL_COMPARE_STATUS(server, 200);
        const QJsonArray data = server.array(u"data");
        QCOMPARE(data.size(), 6);
        for (qint64 h = 0; h < 6; ++h) {
            QCOMPARE(model.countAt(m_t0 + std::chrono::hours(h)), expected.value(h));
            QCOMPARE(data.at(h).toObject().value(QLatin1StringView("count")).toInteger(), expected.value(h));
        }
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ul::OrbClient> m_client;
    std::unique_ptr<ul::gui::CorrectionsHub> m_hub;
    QString m_customer;
    Timestamp m_now;
    Timestamp m_t0;
};

QTEST_MAIN(TstGuiBackfills)
#include "tst_gui_backfills.moc"
