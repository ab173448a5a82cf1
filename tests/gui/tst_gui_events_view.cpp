// The Events view against a real sandbox: 1,200 events looked up by id (with unknown ids among
// them), the table, the not-found list, the quick filter, the detail pane with its history,
// copying, exporting, keyboard use, dropped files of ids, remembered columns, a refused token
// and a server without the history route.
#include "EmbeddedSandbox.h"
#include "MainWindow.h"
#include "SandboxFixture.h"
#include "ServerConnection.h"
#include "api/OrbClient.h"
#include "events/EventDetailPane.h"
#include "events/EventFilterProxyModel.h"
#include "events/EventTableModel.h"
#include "events/EventsView.h"
#include "events/HeaderStateKeeper.h"
#include "events/IdsEdit.h"
#include "json/EventCodec.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Event;
using ul::Timestamp;
using ul::gui::EventDetailPane;
using ul::gui::EventsView;
using ul::gui::EventTableModel;
using ul::test::SandboxFixture;

namespace {

constexpr int LookupTimeoutMs = 90'000;

QUrl v1(const QUrl &base)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/v1"));
    return url;
}

std::unique_ptr<ul::OrbClient> clientFor(const QUrl &base, const QString &token)
{
    ul::ClientSettings settings;
    settings.baseUrl = v1(base);
    settings.retry.initialDelay = 10ms;
    settings.retry.maxBackoff = 40ms;
    auto client = std::make_unique<ul::OrbClient>(settings);
    client->setToken(token);
    return client;
}

const QStringList Regions{QStringLiteral("eu-west-1"), QStringLiteral("us-east-1"), QStringLiteral("ap-south-1")};

/// Event `i` of a test: properties that differ in keys and types from one event to the next.
Event testEvent(int i, const QString &customerId, Timestamp now)
{
    Event e;
    e.id = QStringLiteral("gui-evt-%1").arg(i, 4, 10, QChar(u'0'));
    e.eventName = i % 4 == 0 ? QStringLiteral("compute_minutes") : QStringLiteral("api_request");
    e.customerId = customerId;
    e.timestamp = now - std::chrono::seconds(60 + i * 10); // the last 3.4 hours
    e.properties.set(QStringLiteral("region"), Regions[i % 3]);
    e.properties.set(QStringLiteral("ms"), qint64(i));
    if (i % 2 == 0)
        e.properties.set(QStringLiteral("ratio"), double(i) / 8.0 + 0.5);
    if (i % 5 == 0)
        e.properties.set(QStringLiteral("success"), i % 10 == 0);
    return e;
}

/// Ingests the events through the sandbox's HTTP API, 500 at a time.
bool ingest(SandboxFixture &sandbox, const QList<Event> &events)
{
    for (qsizetype i = 0; i < events.size(); i += 500) {
        const ul::test::HttpResult result =
            sandbox.http().post(QStringLiteral("/v1/ingest"), ul::json::encodeIngestBody(events.mid(i, 500)));
        if (result.status != 200) {
            qWarning().noquote() << "ingest failed:" << result.describe();
            return false;
        }
    }
    return true;
}

template <class T>
T *child(const QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1StringView(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

/// Splits one RFC 4180 CSV record (no embedded line breaks in these tests).
QStringList csvRecord(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

QStringList readLines(const QString &path, QByteArrayView separator)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QStringList lines = text.split(QString::fromLatin1(separator));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

/// A server that answers every request with Orb's 404 envelope, as a real Orb server answers
/// routes it does not have.
class NotFoundServer : public QTcpServer {
public:
    NotFoundServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray request = socket->readAll();
                    if (!request.contains("\r\n\r\n"))
                        return;
                    const QByteArray body = R"({"type":"https://docs.withorb.com/reference/error-responses#404-resource-not-found","status":404,"title":"Resource not found","detail":null})";
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

/// A server that takes connections and never answers.
class SilentServer : public QTcpServer {
public:
    SilentServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                socket->setParent(this);
        });
    }
};

QUrl localUrl(quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

} // namespace

class EventsViewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("UsageLensTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_events_view"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QSettings().clear();

        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_gui_view");
        QVERIFY(!m_customer.isEmpty());
        for (int i = 0; i < 1200; ++i)
            m_events.append(testEvent(i, m_customer, m_sandbox->now()));
        QVERIFY(ingest(*m_sandbox, m_events));

        // One event amended (two versions), one deprecated.
        Event amended = m_events[7];
        amended.properties.set(QStringLiteral("region"), QStringLiteral("eu-central-1"));
        const auto amend = m_sandbox->http().put(QStringLiteral("/v1/events/") + amended.id, ul::json::encodeAmendBody(amended));
        UL_COMPARE_STATUS(amend, 200);
        UL_COMPARE_STATUS(m_sandbox->deprecate(m_events[3].id), 200);
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    void init() { QSettings().clear(); }

    void looksUpTwelveHundredIdsAndInspectsThem()
    {
        auto client = clientFor(m_sandbox->baseUrl(), SandboxFixture::token());
        EventsView view;
        // The model as the lookup fills it (the proxy's own checks are in tst_gui_event_table_model:
        // here they would walk all 1,200 rows on every keystroke of the filter).
        QAbstractItemModelTester modelTester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *runButton = child<QPushButton>(view, "runButton");
        QVERIFY(runButton);
        QVERIFY(!runButton->isEnabled()); // not connected yet
        QVERIFY(child<QLabel>(view, "connectionHintLabel")->isVisibleTo(&view));
        view.setClient(client.get());
        QVERIFY(runButton->isEnabled());
        QVERIFY(!child<QLabel>(view, "connectionHintLabel")->isVisibleTo(&view));
        view.resize(1400, 900);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));

        // Paste the ids, mixed separators, a duplicate and three unknown ids among them.
        const QStringList unknown{QStringLiteral("no-such-1"), QStringLiteral("no-such-2"), QStringLiteral("no-such-3")};
        QStringList ids;
        for (const Event &e : std::as_const(m_events))
            ids << e.id;
        QString text = ids.mid(0, 400).join(QChar(u'\n')) + QStringLiteral(", ") + unknown[0] + QStringLiteral("\t")
                       + ids.mid(400, 400).join(QStringLiteral(", ")) + QStringLiteral("\n") + unknown[1]
                       + QStringLiteral(" ") + ids.mid(800).join(QChar(u'\t')) + QStringLiteral("\n") + unknown[2]
                       + QStringLiteral("\n") + ids[0] + QStringLiteral("\n");
        auto *idsEdit = child<ul::gui::IdsEdit>(view, "idsEdit");
        QVERIFY(idsEdit);
        QGuiApplication::clipboard()->setText(text);
        idsEdit->setFocus();
        idsEdit->paste();
        auto *countLabel = child<QLabel>(view, "idsCountLabel");
        QTRY_COMPARE(countLabel->text(), QStringLiteral("1,203 ids"));

        QSignalSpy finished(&view, &EventsView::lookupFinished);
        QSignalSpy fetched(&view, &EventsView::eventsFetched);
        QTest::keyClick(idsEdit, Qt::Key_Return); // Enter runs
        QVERIFY(view.isRunning());
        QVERIFY(!runButton->isEnabled());
        QVERIFY(finished.wait(LookupTimeoutMs));
        QVERIFY(!view.isRunning());
        QVERIFY(runButton->isEnabled());
        QCOMPARE(idsEdit->toPlainText(), text); // Enter did not add a line

        // The table holds every event found, in the order the ids were given.
        QCOMPARE(view.model().rowCount(), 1200);
        QCOMPARE(view.proxy().rowCount(), 1200);
        QCOMPARE(view.model().eventAt(0).id, ids[0]);
        QCOMPARE(view.model().eventAt(1199).id, ids[1199]);
        qsizetype arrived = 0;
        for (const QList<QVariant> &signal : std::as_const(fetched))
            arrived += signal.first().value<QList<Event>>().size();
        QCOMPARE(arrived, 1200);
        QVERIFY(fetched.size() >= 3); // merged as the searches of ≤ 500 answered
        QCOMPARE(view.model().propertyKeys(), (QStringList{QStringLiteral("ms"), QStringLiteral("ratio"),
                                                           QStringLiteral("region"), QStringLiteral("success")}));
        // As the server has them now: amended and deprecated.
        const Event &amended = view.model().eventAt(*view.model().rowOf(m_events[7].id));
        QCOMPARE(*amended.properties.find(u"region"), ul::PropertyValue(QStringLiteral("eu-central-1")));
        const int deprecatedRow = *view.model().rowOf(m_events[3].id);
        QVERIFY(view.model().eventAt(deprecatedRow).deprecated);
        QVERIFY(view.model().index(deprecatedRow, 0).data(Qt::FontRole).value<QFont>().italic());

        // Unknown ids are listed, in a list that can be copied.
        const auto *lookupResult = &finished.first().first();
        const auto result = lookupResult->value<ul::EventLookupResult>();
        QCOMPARE(result.notFound, unknown);
        QVERIFY(result.failed.isEmpty());
        QCOMPARE(view.notFoundIds(), unknown);
        QCOMPARE(child<QLabel>(view, "notFoundLabel")->text(), QStringLiteral("3 ids not found"));
        QVERIFY(child<QWidget>(view, "notFoundPanel")->isVisible());
        QCOMPARE(child<QPlainTextEdit>(view, "notFoundEdit")->toPlainText(), unknown.join(QChar(u'\n')));
        QTest::mouseClick(child<QWidget>(view, "copyNotFoundButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), unknown.join(QChar(u'\n')));
        QVERIFY(!view.isMessageVisible());

        // The progress bar reached the total.
        auto *progress = child<QProgressBar>(view, "progressBar");
        QCOMPARE(progress->maximum(), 1203);
        QCOMPARE(progress->value(), 1203);
        QCOMPARE(progress->text(), QStringLiteral("1,203 / 1,203 ids"));
        QVERIFY(child<QLabel>(view, "progressLabel")->text().startsWith(QLatin1StringView("Found 1,200 of 1,203 ids")));

        // The quick filter, reached with Ctrl+F.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        auto *filter = child<QLineEdit>(view, "filterEdit");
        QCOMPARE(QApplication::focusWidget(), filter);
        QTest::keyClicks(filter, QStringLiteral("AP-south"));
        QCOMPARE(view.proxy().rowCount(), 400);
        QTest::keyClicks(filter, QStringLiteral(" compute"));
        QCOMPARE(view.proxy().rowCount(), 100); // i % 3 == 2 and i % 4 == 0
        QCOMPARE(child<QLabel>(view, "resultCountLabel")->text(), QStringLiteral("100 of 1,200 events"));
        filter->clear();
        QCOMPARE(view.proxy().rowCount(), 1200);

        // Selecting the amended event shows it in the detail pane, then its two versions.
        auto *table = child<QTableView>(view, "resultsTable");
        const QModelIndex amendedIndex = view.proxy().mapFromSource(view.model().index(*view.model().rowOf(m_events[7].id), 0));
        table->setCurrentIndex(amendedIndex);
        EventDetailPane *pane = view.detailPane();
        QVERIFY(pane->event());
        QCOMPARE(pane->event()->id, m_events[7].id);
        auto *properties = child<QTableWidget>(*pane, "propertiesTable");
        QCOMPARE(properties->rowCount(), int(amended.properties.size()));
        QStringList shownProperties;
        for (int row = 0; row < properties->rowCount(); ++row)
            shownProperties << properties->item(row, 0)->text() + QLatin1StringView("=") + properties->item(row, 1)->text();
        QVERIFY2(shownProperties.contains(QStringLiteral("region=eu-central-1")), qPrintable(shownProperties.join(u' ')));
        QVERIFY(shownProperties.contains(QStringLiteral("ms=7")));
        QVERIFY(child<QPlainTextEdit>(*pane, "jsonEdit")->toPlainText().contains(QLatin1StringView("\"region\": \"eu-central-1\"")));
        QTRY_COMPARE(pane->historyState(), EventDetailPane::HistoryState::Loaded);
        QCOMPARE(pane->history().size(), 2);
        QCOMPARE(pane->history().at(0).change, QStringLiteral("ingested"));
        QCOMPARE(pane->history().at(1).change, QStringLiteral("amended"));
        auto *historyTable = child<QTableWidget>(*pane, "historyTable");
        QCOMPARE(historyTable->rowCount(), 2);
        historyTable->setCurrentCell(0, 0);
        QVERIFY(child<QPlainTextEdit>(*pane, "historyJsonEdit")->toPlainText().contains(QLatin1StringView("\"region\": \"us-east-1\"")));

        // Return on a row focuses the details; F3 / Shift+F3 move through the results.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QVERIFY(pane->isAncestorOf(QApplication::focusWidget()));
        table->setFocus();
        const int before = table->currentIndex().row();
        QTest::keyClick(table, Qt::Key_F3);
        QCOMPARE(table->currentIndex().row(), before + 1);
        QCOMPARE(pane->event()->id, view.model().eventAt(view.proxy().mapToSource(table->currentIndex()).row()).id);
        QTest::keyClick(table, Qt::Key_F3, Qt::ShiftModifier);
        QTest::keyClick(table, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(table->currentIndex().row(), before - 1);
        // Ctrl+L goes back to the ids.
        QTest::keyClick(table, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), idsEdit);

        // Ctrl+C copies the ids of the selected rows, in the order shown.
        table->setFocus();
        table->selectionModel()->clearSelection();
        for (const int row : {2, 0, 5})
            table->selectionModel()->select(view.proxy().index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), (QStringList{ids[0], ids[2], ids[5]}.join(QChar(u'\n'))));
        // Ctrl+Shift+C copies them as a JSON array of Orb events.
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        const QJsonArray copied = QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).array();
        QCOMPARE(copied.size(), 3);
        QCOMPARE(copied[1].toObject().value(u"id").toString(), ids[2]);
        QCOMPARE(copied[1].toObject().value(u"properties").toObject().value(u"ms").toInteger(), 2);

        // Export what is shown: filtered, sorted, with the visible columns.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QTest::keyClicks(filter, QStringLiteral("eu-west"));
        QCOMPARE(view.proxy().rowCount(), 400);
        view.proxy().sort(view.model().columnOfKey(u"properties.ms"), Qt::DescendingOrder);
        view.columns().setColumnHidden(QStringLiteral("properties.ratio"), true);
        QSignalSpy exported(&view, &EventsView::exportFinished);

        const QString csvPath = dir.filePath(QStringLiteral("events.csv"));
        view.exportResults(csvPath, ul::gui::ExportFormat::Csv);
        QVERIFY(exported.wait(30'000));
        QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(1).toString()));
        QCOMPARE(view.messageKind(), EventsView::MessageKind::Success);
        const QStringList csv = readLines(csvPath, "\r\n");
        QCOMPARE(csv.size(), 401);
        QCOMPARE(csv.first(), QStringLiteral("id,event_name,customer_id,external_customer_id,timestamp,deprecated,ms,region,success"));
        const QStringList top = csvRecord(csv[1]); // the highest ms in eu-west-1: i = 1197
        const Event &e1197 = m_events[1197];
        QCOMPARE(top, (QStringList{e1197.id, e1197.eventName, m_customer, QStringLiteral("cus_gui_view"),
                                   e1197.timestamp.toIso8601(), QStringLiteral("false"), QStringLiteral("1197"),
                                   QStringLiteral("eu-west-1"), QString()}));

        const QString jsonlPath = dir.filePath(QStringLiteral("events.jsonl"));
        view.exportResults(jsonlPath, ul::gui::ExportFormat::Jsonl);
        QVERIFY(exported.wait(30'000));
        QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(1).toString()));
        const QStringList jsonl = readLines(jsonlPath, "\n");
        QCOMPARE(jsonl.size(), 400);
        const auto decoded = ul::json::decodeEventObject(jsonl.first().toUtf8(), ul::json::EventShape::Stored);
        QVERIFY(decoded.hasValue());
        QVERIFY(decoded->problems.isEmpty());
        Event expected = e1197;
        expected.externalCustomerId = QStringLiteral("cus_gui_view");
        QCOMPARE(decoded->event, expected);
        // Whole events, hidden columns included: i = 1194 has a ratio.
        const auto second = ul::json::decodeEventObject(jsonl[1].toUtf8(), ul::json::EventShape::Stored);
        QVERIFY(second.hasValue());
        QCOMPARE(second->event.id, m_events[1194].id);
        QCOMPARE(second->event.properties, m_events[1194].properties);
        QVERIFY(second->event.properties.contains(u"ratio"));

        // A file that cannot be written is reported above the results, not in a modal box.
        view.exportResults(dir.filePath(QStringLiteral("missing-folder/events.csv")), ul::gui::ExportFormat::Csv);
        QVERIFY(exported.wait(30'000));
        QVERIFY(!exported.last().at(0).toBool());
        QVERIFY(view.isMessageVisible());
        QCOMPARE(view.messageKind(), EventsView::MessageKind::Error);
        QVERIFY(view.messageText().contains(QLatin1StringView("missing-folder")));
    }

    void aRefusedTokenShowsWhyAndKeepsTheRows()
    {
        auto client = clientFor(m_sandbox->baseUrl(), SandboxFixture::token());
        EventsView view;
        view.setClient(client.get());
        view.show();
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids << m_events[i].id;
        QSignalSpy finished(&view, &EventsView::lookupFinished);
        view.setIdsText(ids.join(QChar(u'\n')));
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        QCOMPARE(view.model().rowCount(), 10);

        // The next lookup is refused: the error shows where the analyst looks; no row vanishes.
        client->setToken(QStringLiteral("not-the-token"));
        QStringList more = ids;
        for (int i = 100; i < 700; ++i)
            more << m_events[i].id; // two searches
        view.setIdsText(more.join(QChar(u'\n')));
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        const auto result = finished.last().first().value<ul::EventLookupResult>();
        QCOMPARE(result.failed.size(), 2);
        QCOMPARE(result.failedIdCount(), 610);
        QCOMPARE(view.model().rowCount(), 10);
        QVERIFY(view.isMessageVisible());
        QCOMPARE(view.messageKind(), EventsView::MessageKind::Error);
        const QString why = result.failed.first().error.humanMessage();
        QVERIFY(why.contains(QLatin1StringView("401")));
        QVERIFY2(view.messageText().contains(why), qPrintable(view.messageText()));
        QVERIFY(view.messageText().contains(QLatin1StringView("610 ids could not be looked up")));
        QVERIFY(view.messageText().contains(QLatin1StringView("previous lookup")));
        QVERIFY(!view.messageText().contains(QLatin1StringView("not-the-token")));
        QCOMPARE(view.failedIds().size(), 610);
        auto *retry = child<QPushButton>(view, "messageActionButton");
        QVERIFY(retry->isVisible());
        QCOMPARE(retry->text(), QStringLiteral("Retry 610 ids"));

        // With the token fixed, Retry looks the failed ids up and adds them.
        client->setToken(SandboxFixture::token());
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(finished.wait(LookupTimeoutMs));
        QVERIFY(!view.isMessageVisible());
        QCOMPARE(view.model().rowCount(), 610);
        QVERIFY(view.failedIds().isEmpty());
    }

    void theDefaultTimeframeIsTheLastWeekAndAllTimeReachesFurther()
    {
        SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const QString customer = sandbox.newCustomer(u"cus_old");
        QVERIFY(ingest(sandbox, {testEvent(1, customer, sandbox.now())}));
        sandbox.advance(24h * 10); // the event is now ten days old for the server
        auto client = clientFor(sandbox.baseUrl(), SandboxFixture::token());
        EventsView view;
        view.setClient(client.get());
        QSignalSpy finished(&view, &EventsView::lookupFinished);
        QCOMPARE(view.timeframe(), EventsView::Timeframe::LastWeek);
        view.setIdsText(QStringLiteral("gui-evt-0001"));
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        QCOMPARE(view.notFoundIds(), QStringList{QStringLiteral("gui-evt-0001")});
        QCOMPARE(view.model().rowCount(), 0);

        view.setTimeframe(EventsView::Timeframe::AllTime);
        QVERIFY(!child<QWidget>(view, "fromEdit")->isEnabled());
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        QVERIFY(view.notFoundIds().isEmpty());
        QCOMPARE(view.model().rowCount(), 1);

        // A custom range is sent as given; an empty one is refused before anything is sent.
        const Timestamp eventTime = view.model().eventAt(0).timestamp;
        view.setCustomTimeframe(eventTime - 1h, eventTime - 30min);
        QCOMPARE(view.timeframe(), EventsView::Timeframe::Custom);
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        QCOMPARE(view.notFoundIds(), QStringList{QStringLiteral("gui-evt-0001")});
        view.setCustomTimeframe(eventTime, eventTime - 1h);
        view.run();
        QVERIFY(!view.isRunning());
        QCOMPARE(view.messageKind(), EventsView::MessageKind::Error);
        QVERIFY(view.messageText().contains(QLatin1StringView("after its start")));
    }

    void droppingAFileOfIdsLoadsThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ids.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xef\xbb\xbf" "evt-a, evt-b\r\nevt-c\tevt-a\n\n\"evt-d\"\n");
        file.close();

        EventsView view;
        QSignalSpy loaded(&view, &EventsView::idsFilesLoaded);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &drop);
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(loaded.first().at(0).toLongLong(), 4);
        QCOMPARE(view.idsText(), QStringLiteral("evt-a\nevt-b\nevt-c\nevt-d"));
        QCOMPARE(child<QLabel>(view, "idsCountLabel")->text(), QStringLiteral("4 ids"));

        // Too large a file is refused, with the reason shown.
        view.setMaxIdsFileBytes(10);
        view.loadIdsFiles({QUrl::fromLocalFile(path)});
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(loaded.last().at(0).toLongLong(), 0);
        QVERIFY(view.isMessageVisible());
        QCOMPARE(view.messageKind(), EventsView::MessageKind::Error);
        QVERIFY2(view.messageText().contains(QLatin1StringView("too large")), qPrintable(view.messageText()));
        QCOMPARE(view.idsText(), QStringLiteral("evt-a\nevt-b\nevt-c\nevt-d")); // unchanged

        // Text that is not a file URL is pasted as text.
        QMimeData plain;
        plain.setText(QStringLiteral("x1 x2"));
        QDragEnterEvent plainEnter(QPoint(5, 5), Qt::CopyAction, &plain, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &plainEnter);
        QVERIFY(!plainEnter.isAccepted());
    }

    void remembersColumnOrderWidthsAndHiddenColumns()
    {
        const QList<Event> events{testEvent(0, QStringLiteral("c"), Timestamp::now()), testEvent(5, QStringLiteral("c"), Timestamp::now())};
        {
            EventsView view;
            view.model().setEvents(events);
            auto *header = child<QTableView>(view, "resultsTable")->horizontalHeader();
            const int region = view.model().columnOfKey(u"properties.region");
            const int ms = view.model().columnOfKey(u"properties.ms");
            view.columns().setColumnHidden(QStringLiteral("properties.region"), true);
            view.columns().setColumnHidden(QStringLiteral("id"), true); // refused: the id always shows
            header->resizeSection(ms, 333);
            header->moveSection(header->visualIndex(EventTableModel::TimestampColumn), 0);
            QVERIFY(header->isSectionHidden(region));
            QVERIFY(!header->isSectionHidden(EventTableModel::IdColumn));
        }
        EventsView view;
        auto *header = child<QTableView>(view, "resultsTable")->horizontalHeader();
        // Columns come back as they were once a lookup brings them, wherever they land.
        view.model().addEvents({testEvent(1, QStringLiteral("c"), Timestamp::now())}); // region and ms
        view.model().addEvents(events);
        const int region = view.model().columnOfKey(u"properties.region");
        const int ms = view.model().columnOfKey(u"properties.ms");
        QVERIFY(header->isSectionHidden(region));
        QCOMPARE(header->sectionSize(ms), 333);
        QCOMPARE(header->logicalIndex(0), int(EventTableModel::TimestampColumn));
        QCOMPARE(view.columns().visibleColumnsInOrder().first(), int(EventTableModel::TimestampColumn));
        QVERIFY(!view.columns().visibleColumnsInOrder().contains(region));
        QCOMPARE(QSettings().value(QStringLiteral("EventsView/hiddenColumns")).toStringList(),
                 QStringList{QStringLiteral("properties.region")});

        // The header's menu lists every column, checked when shown; the id cannot be hidden.
        std::unique_ptr<QMenu> menu(view.columns().createColumnsMenu(&view));
        QMap<QString, QAction *> entries;
        for (QAction *action : menu->actions()) {
            if (action->isCheckable())
                entries.insert(action->text(), action);
        }
        QCOMPARE(entries.size(), view.model().columnCount());
        QVERIFY(!entries.value(QStringLiteral("Id"))->isEnabled());
        QVERIFY(!entries.value(QStringLiteral("region"))->isChecked());
        QVERIFY(entries.value(QStringLiteral("ms"))->isChecked());
        entries.value(QStringLiteral("ms"))->trigger();
        QVERIFY(header->isSectionHidden(ms));
        QVERIFY(view.columns().isColumnHidden(QStringLiteral("properties.ms")));

        view.columns().resetColumns();
        QVERIFY(!header->isSectionHidden(region));
        QVERIFY(!header->isSectionHidden(ms));
        QCOMPARE(header->logicalIndex(0), int(EventTableModel::IdColumn));
    }

    void saysWhenTheServerHasNoHistory()
    {
        NotFoundServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        auto client = clientFor(localUrl(server.serverPort()), QStringLiteral("token"));
        EventDetailPane pane;
        QCOMPARE(pane.historyState(), EventDetailPane::HistoryState::None);
        pane.setClient(client.get());
        pane.setEvent(m_events[0]);
        QTRY_COMPARE(pane.historyState(), EventDetailPane::HistoryState::Unavailable);
        QCOMPARE(pane.historyMessage(), QStringLiteral("History is not available on this server."));
        QCOMPARE(child<QTableWidget>(pane, "propertiesTable")->rowCount(), int(m_events[0].properties.size()));
    }

    void escapeCancelsAndListsTheIdsNotLookedUp()
    {
        SilentServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        auto client = clientFor(localUrl(server.serverPort()), QStringLiteral("token"));
        EventsView view;
        view.setClient(client.get());
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QStringList ids;
        for (int i = 0; i < 1200; ++i)
            ids << QStringLiteral("silent-%1").arg(i);
        view.setIdsText(ids.join(QChar(u'\n')));
        QSignalSpy finished(&view, &EventsView::lookupFinished);
        view.run();
        QVERIFY(view.isRunning());
        auto *cancel = child<QPushButton>(view, "cancelButton");
        QVERIFY(cancel->isEnabled());
        QTest::qWait(100);
        QTest::keyClick(child<QWidget>(view, "idsEdit"), Qt::Key_Escape);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!view.isRunning());
        QVERIFY(!cancel->isEnabled());
        const auto result = finished.first().first().value<ul::EventLookupResult>();
        QVERIFY(result.cancelled);
        QCOMPARE(result.unanswered.size(), 1200);
        QCOMPARE(view.failedIds().size(), 1200);
        QCOMPARE(view.messageKind(), EventsView::MessageKind::Warning);
        QVERIFY2(view.messageText().contains(QLatin1StringView("1,200 ids were not looked up")), qPrintable(view.messageText()));
        QCOMPARE(child<QPushButton>(view, "messageActionButton")->text(), QStringLiteral("Look them up"));
        QVERIFY(view.notFoundIds().isEmpty()); // unanswered is not "not found"
    }

    void theMainWindowConnectsTheViewToItsServer()
    {
        ul::gui::MainWindow window;
        ul::gui::EventsView &view = window.eventsView();
        QVERIFY(!window.client());
        QVERIFY(!child<QPushButton>(view, "runButton")->isEnabled());
        QCOMPARE(view.sourceTabWidget()->tabText(0), QStringLiteral("Server lookup"));

        window.connectTo(ul::gui::ServerConnection{m_sandbox->baseUrl(), SandboxFixture::token()});
        QVERIFY(window.client());
        QCOMPARE(window.client()->settings().baseUrl, v1(m_sandbox->baseUrl()));
        QCOMPARE(view.client(), window.client());
        QVERIFY(child<QPushButton>(view, "runButton")->isEnabled());

        QSignalSpy finished(&view, &EventsView::lookupFinished);
        view.setIdsText(m_events[42].id);
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        QCOMPARE(view.model().rowCount(), 1);

        // A new connection replaces the client; the old one is gone.
        window.connectTo(ul::gui::ServerConnection{m_sandbox->baseUrl(), SandboxFixture::token()});
        QCOMPARE(view.client(), window.client());
        view.run();
        QVERIFY(finished.wait(LookupTimeoutMs));
        QCOMPARE(view.model().rowCount(), 1);
    }

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_customer;
    QList<Event> m_events;
};

QTEST_MAIN(EventsViewTest)
#include "tst_gui_events_view.moc"
