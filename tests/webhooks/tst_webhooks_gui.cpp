// The attempts view, its model and the webhooks dialog against a real sandbox that delivers to a
// real receiver: filter by webhook and event, open an attempt, resend it to a receiver that now
// answers 200 and see the event delivered; lazy paging, mark handled, per-row results.
#include "OrbJson.h"
#include "SandboxFixture.h"
#include "TestReceiver.h"
#include "WebhookTestSupport.h"

#include "api/OrbClient.h"
#include "attempts/AttemptTableModel.h"
#include "attempts/AttemptsView.h"
#include "webhooks/WebhookListModel.h"
#include "webhooks/WebhooksDialog.h"

#include <QtCore/QSet>
#include <QtGui/QFont>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>

using namespace std::chrono_literals;
using ul::gui::AttemptsView;
using ul::gui::AttemptTableModel;
using ul::test::SandboxFixture;
using ul::test::SettleTimeoutMs;
using ul::test::TestReceiver;

class TstWebhooksGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void attemptModelPagesLazilyUnderTheTester();
    void viewFiltersByWebhookAndEventThenResendDelivers();
    void viewPagesAsTheTableScrolls();
    void failedResendIsShownOnItsRow();
    void markHandledOnManyRows();
    void codeAndTimeFiltersNarrowTheList();
    void autoRefreshPicksUpNewAttempts();
    void webhooksDialogListsAddsAndDeletes();

private:
    /// `events` events ingested while both webhooks fail: 2 × `events` attempts.
    void makeAttempts(int events);

    std::unique_ptr<TestReceiver> m_receiver;
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ul::OrbClient> m_client;
    QString m_w1, m_w2;
    int m_serial = 0;
};

void TstWebhooksGui::init()
{
    m_serial = 0;
    m_receiver = std::make_unique<TestReceiver>();
    QVERIFY(m_receiver->start());
    m_receiver->setMode(QStringLiteral("one"), TestReceiver::Mode::NotFound);
    m_receiver->setMode(QStringLiteral("two"), TestReceiver::Mode::NotFound);
    m_sandbox = std::make_unique<SandboxFixture>(ul::test::webhookOptions(500ms, {}));
    QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
    ul::ClientSettings settings;
    QUrl base = m_sandbox->baseUrl();
    base.setPath(QStringLiteral("/v1"));
    settings.baseUrl = base;
    settings.retry.initialDelay = 10ms;
    settings.retry.maxBackoff = 40ms;
    m_client = std::make_unique<ul::OrbClient>(settings);
    m_client->setToken(SandboxFixture::token());
    m_w1 = ul::test::createWebhook(*m_sandbox, m_receiver->url(QStringLiteral("one")), {QStringLiteral("event.ingested")}).id;
    m_w2 = ul::test::createWebhook(*m_sandbox, m_receiver->url(QStringLiteral("two")), {QStringLiteral("event.ingested")}).id;
    QVERIFY(!m_w1.isEmpty() && !m_w2.isEmpty());
}

void TstWebhooksGui::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
    m_receiver.reset();
}

void TstWebhooksGui::makeAttempts(int events)
{
    QJsonArray batch;
    for (int i = 0; i < events; ++i)
        batch.append(ul::test::EventJson(QStringLiteral("g%1").arg(++m_serial), m_sandbox->now()).forExternalCustomer(u"cus_gui"));
    UL_COMPARE_STATUS(m_sandbox->ingest(batch), 200);
    QTRY_VERIFY_WITH_TIMEOUT(ul::test::deliveriesSettled(*m_sandbox), SettleTimeoutMs);
}

void TstWebhooksGui::attemptModelPagesLazilyUnderTheTester()
{
    makeAttempts(5); // 10 attempts
    AttemptTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setApi(ul::WebhookApi(m_client.get()));
    model.setPageSize(4);
    QSignalSpy pages(&model, &AttemptTableModel::pageLoaded);
    model.reload(ul::AttemptQuery{});
    QVERIFY(model.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), SettleTimeoutMs);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.hasMore());
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page at a time
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), SettleTimeoutMs);
    QCOMPARE(model.rowCount(), 8);
    model.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), SettleTimeoutMs);
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(pages.size(), 3);

    // Every row once, newest first; the columns say what the server said.
    QSet<QString> ids;
    for (const ul::Attempt &a : model.attempts())
        ids.insert(a.id);
    QCOMPARE(ids.size(), 10);
    QCOMPARE(model.columnCount(), int(AttemptTableModel::ColumnCount));
    QCOMPARE(model.headerData(AttemptTableModel::HttpStatusColumn, Qt::Horizontal).toString(), QStringLiteral("HTTP status"));
    const QModelIndex first = model.index(0, AttemptTableModel::CodeColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("badHttpStatus"));
    QCOMPARE(model.index(0, AttemptTableModel::HttpStatusColumn).data().toInt(), 404);
    QCOMPARE(model.index(0, AttemptTableModel::MessageColumn).data().toString(), QStringLiteral("HTTP POST request returned status 404"));
    QCOMPARE(model.index(0, AttemptTableModel::TriggerColumn).data().toString(), QStringLiteral("Scheduled"));
    QCOMPARE(model.index(0, AttemptTableModel::DeliveryColumn).data().toString(), QStringLiteral("Failed"));
    QVERIFY(model.index(0, AttemptTableModel::TimeColumn).data().toString().endsWith(QLatin1StringView(" UTC")));
    QVERIFY(model.index(0, AttemptTableModel::WebhookColumn).data().toString().startsWith(QLatin1StringView("http://127.0.0.1:")));

    // Per-row results survive a reload.
    const QString id = model.attemptAt(2).id;
    model.setResult(id, AttemptTableModel::ResultKind::Success, QStringLiteral("done"));
    QCOMPARE(model.index(2, AttemptTableModel::ResultColumn).data().toString(), QStringLiteral("done"));
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), SettleTimeoutMs);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(*model.rowOf(id), AttemptTableModel::ResultColumn).data().toString(), QStringLiteral("done"));
    QCOMPARE(model.index(*model.rowOf(id), 0).data(AttemptTableModel::ResultKindRole).toInt(),
             int(AttemptTableModel::ResultKind::Success));

    // A filter the server refuses shows as an error, and paging stops.
    ul::AttemptQuery bad;
    bad.codes = {QStringLiteral("nonsense")};
    QSignalSpy failed(&model, &AttemptTableModel::loadFailed);
    model.reload(bad);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, SettleTimeoutMs);
    QVERIFY(model.lastError().contains(QLatin1StringView("400")));
    QVERIFY(!model.canFetchMore({}));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TstWebhooksGui::viewFiltersByWebhookAndEventThenResendDelivers()
{
    makeAttempts(3); // g1..g3, each failing for both webhooks
    AttemptsView view(m_client.get());
    view.resize(1200, 700);
    view.show();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 6, SettleTimeoutMs);

    // Filter by webhook and event.
    view.setWebhookIdsFilter({m_w1});
    view.setEventIdsFilter({QStringLiteral("g2")});
    QCOMPARE(view.currentQuery().webhookIds, QStringList{m_w1});
    QCOMPARE(view.currentQuery().eventIds, QStringList{QStringLiteral("g2")});
    view.findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 1, SettleTimeoutMs);
    const ul::Attempt attempt = view.model().attemptAt(0);
    QCOMPARE(attempt.eventId, QStringLiteral("g2"));
    QCOMPARE(attempt.webhookId, m_w1);
    QCOMPARE(view.statusText(), QStringLiteral("1 attempt(s)."));

    // Open it: the detail pane has the full message and the receiver's answer.
    view.table()->selectRow(0);
    QVERIFY(view.detailText().contains(QLatin1StringView("HTTP POST request returned status 404")));
    QVERIFY(view.detailText().contains(QLatin1StringView("{\"error\":\"no such endpoint\"}")));
    QVERIFY(view.detailText().contains(m_receiver->url(QStringLiteral("one"))));
    QVERIFY(view.detailText().contains(QStringLiteral("Delivery: Failed")));

    // Jump to its event.
    QSignalSpy jump(&view, &AttemptsView::showEventRequested);
    view.findChild<QPushButton *>(QStringLiteral("showEventButton"))->click();
    QCOMPARE(jump.size(), 1);
    QCOMPARE(jump[0][0].toString(), QStringLiteral("g2"));

    // The receiver is fixed; resend delivers, and the row says so.
    m_receiver->setMode(QStringLiteral("one"), TestReceiver::Mode::Ok);
    view.setResendPolling(20ms, 1000);
    QSignalSpy resent(&view, &AttemptsView::resendFinished);
    auto *resendButton = view.findChild<QPushButton *>(QStringLiteral("resendButton"));
    QVERIFY(resendButton->isEnabled());
    resendButton->click();
    QCOMPARE(view.model().resultKind(attempt.id), AttemptTableModel::ResultKind::Working);
    QTRY_COMPARE_WITH_TIMEOUT(resent.size(), 1, SettleTimeoutMs);
    QCOMPARE(resent[0][0].toString(), attempt.id);
    QCOMPARE(resent[0][1].toBool(), true);
    QCOMPARE(view.model().resultKind(attempt.id), AttemptTableModel::ResultKind::Success);
    QVERIFY(view.model().index(0, AttemptTableModel::ResultColumn).data().toString().startsWith(QLatin1StringView("Delivered")));
    QCOMPARE(view.model().index(0, AttemptTableModel::DeliveryColumn).data().toString(), QStringLiteral("Delivered"));
    QVERIFY(view.detailText().contains(QStringLiteral("Delivery: Delivered")));
    QCOMPARE(m_receiver->received(QStringLiteral("one")).last().header("x-usagelens-trigger"), QByteArray("manual"));

    // The server agrees: the event is delivered for that webhook, and only for that one.
    const QJsonArray deliveries = ul::test::deliveries(*m_sandbox, QStringLiteral("eventIds=g2"));
    QCOMPARE(deliveries.size(), 2);
    for (const QJsonValue &d : deliveries) {
        const bool forW1 = d[u"webhookId"].toString() == m_w1;
        QCOMPARE(d[u"status"].toString(), forW1 ? QStringLiteral("delivered") : QStringLiteral("failed"));
    }
    // A refresh keeps the result and shows the delivery as the server has it now.
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading(), SettleTimeoutMs);
    QCOMPARE(view.model().attemptAt(0).deliveryStatus, QStringLiteral("delivered"));
    QCOMPARE(view.model().resultKind(attempt.id), AttemptTableModel::ResultKind::Success);
}

void TstWebhooksGui::viewPagesAsTheTableScrolls()
{
    makeAttempts(20); // 40 attempts
    AttemptsView view(m_client.get());
    view.model().setPageSize(5);
    view.applyFilters();
    view.resize(1000, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() >= 5, SettleTimeoutMs);
    // Not all at once: pages come as the table needs them.
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading(), SettleTimeoutMs);
    QVERIFY2(view.model().rowCount() < 40, qPrintable(QString::number(view.model().rowCount())));
    QVERIFY(view.model().hasMore());
    // Scrolling to the bottom, again and again, loads the rest.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 QScrollBar *bar = view.table()->verticalScrollBar();
                                 bar->setValue(bar->maximum());
                                 return view.model().rowCount() == 40 && !view.model().hasMore();
                             }()),
                             SettleTimeoutMs);
    QCOMPARE(view.statusText(), QStringLiteral("40 attempt(s)."));
}

void TstWebhooksGui::failedResendIsShownOnItsRow()
{
    makeAttempts(1);
    AttemptsView view(m_client.get());
    view.setResendPolling(20ms, 1000);
    view.setWebhookIdsFilter({m_w2});
    view.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 1, SettleTimeoutMs);
    view.table()->selectRow(0);
    const QString id = view.model().attemptAt(0).id;
    QSignalSpy resent(&view, &AttemptsView::resendFinished);
    view.resendSelected();
    QTRY_COMPARE_WITH_TIMEOUT(resent.size(), 1, SettleTimeoutMs);
    QCOMPARE(resent[0][1].toBool(), false);
    QCOMPARE(view.model().resultKind(id), AttemptTableModel::ResultKind::Failure);
    QCOMPARE(view.model().resultText(id), QStringLiteral("Failed again: HTTP POST request returned status 404"));
    // The new, manual attempt is there after a refresh.
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 2, SettleTimeoutMs);
    QCOMPARE(view.model().index(0, AttemptTableModel::TriggerColumn).data().toString(), QStringLiteral("Manual"));
}

void TstWebhooksGui::markHandledOnManyRows()
{
    makeAttempts(2);
    AttemptsView view(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 4, SettleTimeoutMs);
    view.table()->selectAll();
    QCOMPARE(view.selectedAttempts().size(), 4);
    QSignalSpy handled(&view, &AttemptsView::markHandledFinished);
    view.findChild<QPushButton *>(QStringLiteral("markHandledButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(handled.size(), 4, SettleTimeoutMs);
    for (int row = 0; row < 4; ++row) {
        const ul::Attempt &a = view.model().attemptAt(row);
        QVERIFY(a.handled);
        QCOMPARE(a.deliveryStatus, QStringLiteral("handled"));
        QCOMPARE(view.model().resultText(a.id), QStringLiteral("Marked handled"));
        QVERIFY(view.model().index(row, 0).data(Qt::FontRole).value<QFont>().italic());
    }
    for (const QJsonValue &d : ul::test::deliveries(*m_sandbox))
        QCOMPARE(d[u"status"].toString(), QStringLiteral("handled"));
}

void TstWebhooksGui::codeAndTimeFiltersNarrowTheList()
{
    makeAttempts(2);
    AttemptsView view(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 4, SettleTimeoutMs);

    view.setCodeFilter(QStringLiteral("timeout"));
    view.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 0, SettleTimeoutMs);
    QCOMPARE(view.statusText(), QStringLiteral("No failed deliveries match the filter."));
    view.setCodeFilter(QStringLiteral("badHttpStatus"));
    view.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 4, SettleTimeoutMs);

    // A custom range around the sandbox's (frozen) clock, then one before it.
    const ul::Timestamp now = m_sandbox->now();
    view.setCustomRange(now - 1h, now + 1h);
    QCOMPARE(view.timeRange(), AttemptsView::TimeRange::Custom);
    view.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 4, SettleTimeoutMs);
    view.setCustomRange(now - 2h, now - 1h);
    view.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 0, SettleTimeoutMs);
    view.setTimeRange(AttemptsView::TimeRange::Any);
    QVERIFY(!view.currentQuery().after && !view.currentQuery().before);
    view.setTimeRange(AttemptsView::TimeRange::LastWeek);
    QVERIFY(view.currentQuery().after && !view.currentQuery().before);
}

void TstWebhooksGui::autoRefreshPicksUpNewAttempts()
{
    makeAttempts(1);
    AttemptsView view(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(!view.model().isLoading() && view.model().rowCount() == 2, SettleTimeoutMs);
    view.setAutoRefreshInterval(50ms);
    view.setAutoRefresh(true);
    QVERIFY(view.autoRefresh());
    makeAttempts(1);
    QTRY_COMPARE_WITH_TIMEOUT(view.model().rowCount(), 4, SettleTimeoutMs);
    view.setAutoRefresh(false);
    QVERIFY(!view.autoRefresh());
}

void TstWebhooksGui::webhooksDialogListsAddsAndDeletes()
{
    makeAttempts(1);
    ul::gui::WebhooksDialog dialog(m_client.get());
    QAbstractItemModelTester tester(&dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&dialog, &ul::gui::WebhooksDialog::loaded);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, SettleTimeoutMs);
    QCOMPARE(dialog.model().rowCount(), 2);
    QCOMPARE(dialog.model().webhookAt(0).id, m_w2); // newest first
    QCOMPARE(dialog.model().index(0, ul::gui::WebhookListModel::RecentFailuresColumn).data().toInt(), 1);
    QCOMPARE(dialog.model().index(1, ul::gui::WebhookListModel::UrlColumn).data().toString(), m_receiver->url(QStringLiteral("one")));

    // An invalid URL is refused before anything is sent.
    dialog.setNewWebhook(QStringLiteral("hooks.example"), {QStringLiteral("event.amended")});
    QSignalSpy failed(&dialog, &ul::gui::WebhooksDialog::actionFailed);
    dialog.addWebhook();
    QCOMPARE(failed.size(), 1);
    QVERIFY(dialog.statusText().contains(QLatin1StringView("absolute http or https URL")));

    QSignalSpy added(&dialog, &ul::gui::WebhooksDialog::webhookAdded);
    dialog.setNewWebhook(m_receiver->url(QStringLiteral("three")), {QStringLiteral("event.amended"), QStringLiteral("backfill.closed")});
    dialog.findChild<QPushButton *>(QStringLiteral("addButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, SettleTimeoutMs);
    const auto webhook = added[0][0].value<ul::Webhook>();
    QCOMPARE(webhook.subscriptions, (QStringList{QStringLiteral("event.amended"), QStringLiteral("backfill.closed")}));
    QVERIFY(dialog.shownSecret().startsWith(QLatin1StringView("whsec_")));
    QCOMPARE(dialog.model().rowCount(), 3);
    QCOMPARE(dialog.model().webhookAt(0).id, webhook.id);

    QSignalSpy deleted(&dialog, &ul::gui::WebhooksDialog::webhookDeleted);
    dialog.table()->selectRow(0);
    dialog.deleteSelected(false);
    QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, SettleTimeoutMs);
    QCOMPARE(deleted[0][0].toString(), webhook.id);
    QCOMPARE(dialog.model().rowCount(), 2);
    UL_COMPARE_STATUS(m_sandbox->http().get(QStringLiteral("/v1/webhook/") + webhook.id), 404);

    // Reloading shows what the server has.
    dialog.reload();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, SettleTimeoutMs);
    QCOMPARE(dialog.model().rowCount(), 2);
}

QTEST_MAIN(TstWebhooksGui)
#include "tst_webhooks_gui.moc"
