// Ops annotations end to end: the sandbox's Dynatrace-style sink (POST /api/v2/events/ingest),
// ul::AnnotationSink against it, and ul::CorrectionAnnotator posting one annotation per completed
// bulk correction of a real outbox, with the correlation id landing in the journal.
#include "../outbox/OutboxTestSupport.h"
#include "SandboxFixture.h"

#include "annotations/AnnotationSink.h"
#include "annotations/CorrectionAnnotator.h"
#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "outbox/Outbox.h"
#include "settings/ConnectionProfile.h"
#include "settings/Settings.h"
#include "settings/TokenStore.h"

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QMutex>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <functional>

using namespace std::chrono_literals;
using ul::AnnotationError;
using ul::AnnotationSink;
using ul::CorrectionAnnotator;
using ul::Event;
using ul::Journal;
using ul::JournalEntry;
using ul::JournalFilter;
using ul::Outbox;
using ul::test::HttpResult;
using ul::test::makeEvent;
using ul::test::withRegion;

namespace {

const QString Destination = QStringLiteral("Production EU");
const QString SinkToken = QStringLiteral("dt0c01.SANDBOX.sink-secret-7f3a9c");
constexpr int WaitMs = 30'000;

// Every message any category prints while a test runs (debug included), to prove the token is in none.
QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog << message;
    }
    if (type != QtDebugMsg && previousHandler)
        previousHandler(type, context, message);
}

QByteArray fileBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class TstAnnotations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(captureMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.qpa.*=false"));
    }
    void cleanupTestCase()
    {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(previousHandler);
        QMutexLocker lock(&logMutex);
        QVERIFY(!capturedLog.isEmpty()); // the capture worked: Qt's network debug output was on
        for (const QString &line : std::as_const(capturedLog))
            QVERIFY2(!line.contains(SinkToken) && !line.contains(QStringLiteral("sink-secret")), qPrintable(line));
    }

    void init()
    {
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.annotationToken = SinkToken;
        m_sandbox = std::make_unique<ul::test::SandboxFixture>(options);
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_dir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        m_annotator.reset();
        m_outbox.reset();
        m_journal.reset();
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    // ---- the sandbox's sink, over plain HTTP ------------------------------------------------

    void sinkDemandsItsApiToken()
    {
        const QByteArray body = R"J({"eventType":"CUSTOM_INFO","title":"t"})J";
        HttpResult none = m_sandbox->http().post(QStringLiteral("/api/v2/events/ingest"), body, {{"Authorization", QByteArray()}});
        UL_COMPARE_STATUS(none, 401);
        QCOMPARE(none.object(u"error").value(QLatin1StringView("code")).toInt(), 401);
        QVERIFY(!none.object(u"error").value(QLatin1StringView("message")).toString().isEmpty());
        // The Orb bearer token is not the sink's token, and Bearer is not its scheme.
        HttpResult bearer = m_sandbox->http().post(QStringLiteral("/api/v2/events/ingest"), body);
        UL_COMPARE_STATUS(bearer, 401);
        HttpResult wrong = m_sandbox->http().post(QStringLiteral("/api/v2/events/ingest"), body,
                                                  {{"Authorization", "Api-Token dt0c01.wrong"}});
        UL_COMPARE_STATUS(wrong, 401);
        QCOMPARE(getAnnotations().size(), 0);
        HttpResult ok = postRaw(body);
        UL_COMPARE_STATUS(ok, 201);
        QCOMPARE(ok.json.value(QLatin1StringView("reportCount")).toInt(), 1);
        const QJsonObject result = ok.array(u"eventIngestResults").first().toObject();
        QCOMPARE(result.value(QLatin1StringView("status")).toString(), QStringLiteral("OK"));
        QCOMPARE(result.value(QLatin1StringView("correlationId")).toString().size(), 16);
        // Defaults as Dynatrace fills them in: start now, timeout 15 minutes.
        const QJsonArray kept = getAnnotations();
        QCOMPARE(kept.size(), 1);
        const QJsonObject event = kept.first().toObject().value(QLatin1StringView("event")).toObject();
        QCOMPARE(qint64(event.value(QLatin1StringView("startTime")).toDouble()), m_sandbox->now().msecs());
        QCOMPARE(qint64(event.value(QLatin1StringView("endTime")).toDouble()), m_sandbox->now().msecs() + 15 * 60'000);
    }

    void sinkValidatesTheBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::newRow("no eventType") << QByteArray(R"J({"title":"t"})J") << QStringLiteral("eventType");
        QTest::newRow("unknown eventType") << QByteArray(R"J({"eventType":"CUSTOM_THING","title":"t"})J") << QStringLiteral("eventType");
        QTest::newRow("no title") << QByteArray(R"J({"eventType":"CUSTOM_INFO"})J") << QStringLiteral("title");
        QTest::newRow("blank title") << QByteArray(R"J({"eventType":"CUSTOM_INFO","title":"  "})J") << QStringLiteral("title");
        QTest::newRow("number property") << QByteArray(R"J({"eventType":"CUSTOM_INFO","title":"t","properties":{"n":40}})J")
                                         << QStringLiteral("properties.n");
        QTest::newRow("fractional start") << QByteArray(R"J({"eventType":"CUSTOM_INFO","title":"t","startTime":1.5})J")
                                          << QStringLiteral("startTime");
        QTest::newRow("string timeout") << QByteArray(R"J({"eventType":"CUSTOM_INFO","title":"t","timeout":"15"})J")
                                        << QStringLiteral("timeout");
        QTest::newRow("selector without type") << QByteArray(R"J({"eventType":"CUSTOM_INFO","title":"t","entitySelector":"entityName(x)"})J")
                                               << QStringLiteral("entitySelector");
        QTest::newRow("unknown field") << QByteArray(R"J({"eventType":"CUSTOM_INFO","title":"t","severity":"high"})J")
                                       << QStringLiteral("severity");
    }
    void sinkValidatesTheBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        const HttpResult r = postRaw(body);
        UL_COMPARE_STATUS(r, 400);
        const QJsonObject error = r.object(u"error");
        QCOMPARE(error.value(QLatin1StringView("code")).toInt(), 400);
        QStringList paths;
        for (const QJsonValue &v : error.value(QLatin1StringView("constraintViolations")).toArray())
            paths << v.toObject().value(QLatin1StringView("path")).toString();
        QVERIFY2(paths.contains(path), r.describe().constData());
        QCOMPARE(getAnnotations().size(), 0); // nothing refused is kept
        UL_COMPARE_STATUS(postRaw("[1,2]"), 400);
        UL_COMPARE_STATUS(postRaw("{\"eventType\":"), 400);
    }

    void sinkReportsPerEntityAndNonOkStatuses()
    {
        const HttpResult two = postRaw(R"J({"eventType":"CUSTOM_DEPLOYMENT","title":"t","entitySelector":"type(HOST),entityId(HOST-1,HOST-2)"})J");
        UL_COMPARE_STATUS(two, 201);
        QCOMPARE(two.json.value(QLatin1StringView("reportCount")).toInt(), 2);
        QCOMPARE(two.array(u"eventIngestResults").size(), 2);
        const auto statusOf = [this](const QByteArray &body) {
            const HttpResult r = postRaw(body);
            return r.array(u"eventIngestResults").first().toObject().value(QLatin1StringView("status")).toString();
        };
        QCOMPARE(statusOf(R"J({"eventType":"CUSTOM_INFO","title":"t","entitySelector":"type(NO_SUCH_TYPE)"})J"),
                 QStringLiteral("INVALID_ENTITY_TYPE"));
        QCOMPARE(statusOf(R"J({"eventType":"CUSTOM_INFO","title":"t","properties":{"dt.cost.costcenter":"x"}})J"),
                 QStringLiteral("INVALID_METADATA"));
        QCOMPARE(statusOf(R"J({"eventType":"CUSTOM_INFO","title":"t","properties":{"dt.event.description":"x"}})J"),
                 QStringLiteral("OK"));
        QCOMPARE(statusOf(R"J({"eventType":"CUSTOM_INFO","title":"t","startTime":2000,"endTime":1000})J"),
                 QStringLiteral("INVALID_TIMESTAMPS"));
        QCOMPARE(getAnnotations().size(), 5);
        UL_COMPARE_STATUS(m_sandbox->http().send("DELETE", QStringLiteral("/x-sandbox/annotations"), {}), 200);
        QCOMPARE(getAnnotations().size(), 0);
    }

    // ---- ul::AnnotationSink -----------------------------------------------------------------

    void ingestUrlIsDerivedFromTheSinkUrl()
    {
        QCOMPARE(AnnotationSink::ingestUrl(QUrl(QStringLiteral("https://abc.live.dynatrace.com"))),
                 QUrl(QStringLiteral("https://abc.live.dynatrace.com/api/v2/events/ingest")));
        QCOMPARE(AnnotationSink::ingestUrl(QUrl(QStringLiteral("https://dt.example.com/e/env1/"))),
                 QUrl(QStringLiteral("https://dt.example.com/e/env1/api/v2/events/ingest")));
        QCOMPARE(AnnotationSink::ingestUrl(QUrl(QStringLiteral("https://x.example.com/api/v2/events/ingest"))),
                 QUrl(QStringLiteral("https://x.example.com/api/v2/events/ingest")));
        QVERIFY(AnnotationSink::eventTypes().contains(QStringLiteral("CUSTOM_ANNOTATION")));
        QCOMPARE(AnnotationSink::eventTypes().size(), 10);
    }

    void sinkPostsAndReturnsCorrelationIds()
    {
        AnnotationSink sink;
        sink.setUrl(m_sandbox->baseUrl());
        sink.setToken(SinkToken);
        ul::Annotation a;
        a.title = QStringLiteral("Usage correction: 3 events amended");
        a.timeoutMinutes = 30;
        a.properties.insert(QStringLiteral("usagelens.action"), QStringLiteral("amend"));
        const auto result = post(sink, a);
        QVERIFY2(result.hasValue(), result.hasValue() ? "" : qPrintable(result.error().message));
        QCOMPARE(result->reports.size(), 1);
        const QJsonObject kept = getAnnotations().first().toObject();
        QCOMPARE(kept.value(QLatin1StringView("eventIngestResults")).toArray().first().toObject()
                     .value(QLatin1StringView("correlationId")).toString(),
                 result->correlationIds().first());
        const QJsonObject event = kept.value(QLatin1StringView("event")).toObject();
        QCOMPARE(event.value(QLatin1StringView("eventType")).toString(), QStringLiteral("CUSTOM_ANNOTATION"));
        QCOMPARE(event.value(QLatin1StringView("title")).toString(), a.title);
        QCOMPARE(event.value(QLatin1StringView("timeout")).toInt(), 30);
        QCOMPARE(event.value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("usagelens.action")).toString(),
                 QStringLiteral("amend"));
        QVERIFY(!event.contains(QLatin1StringView("entitySelector")));
    }

    void sinkNamesNonOkStatuses()
    {
        AnnotationSink sink;
        sink.setUrl(m_sandbox->baseUrl());
        sink.setToken(SinkToken);
        ul::Annotation a;
        a.title = QStringLiteral("t");
        a.entitySelector = QStringLiteral("type(NO_SUCH_TYPE)");
        auto result = post(sink, a);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, AnnotationError::Kind::Status);
        QCOMPARE(result.error().httpStatus, 201);
        QVERIFY2(result.error().message.contains(QStringLiteral("INVALID_ENTITY_TYPE")), qPrintable(result.error().message));
        QCOMPARE(result.error().reports.size(), 1);
        a.entitySelector.clear();
        a.properties.insert(QStringLiteral("dt.secret.thing"), QStringLiteral("x"));
        result = post(sink, a);
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error().message.contains(QStringLiteral("INVALID_METADATA")), qPrintable(result.error().message));
    }

    void sinkReportsHttpErrorsBadTokensAndTimeouts()
    {
        AnnotationSink sink;
        sink.setUrl(m_sandbox->baseUrl());
        ul::Annotation a;
        a.title = QStringLiteral("t");
        auto result = post(sink, a);
        QCOMPARE(result.error().kind, AnnotationError::Kind::NotConfigured);

        sink.setToken(QStringLiteral("dt0c01.not-the-sink-secret"));
        result = post(sink, a);
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().kind, AnnotationError::Kind::Http);
        QCOMPARE(result.error().httpStatus, 401);
        QVERIFY(result.error().message.contains(QStringLiteral("401")));
        QVERIFY(!result.error().message.contains(QStringLiteral("not-the-sink-secret")));

        sink.setToken(SinkToken);
        a.eventType = QStringLiteral("CUSTOM_NONSENSE");
        result = post(sink, a);
        QCOMPARE(result.error().httpStatus, 400);
        QVERIFY2(result.error().message.contains(QStringLiteral("eventType")), qPrintable(result.error().message));

        a.eventType = QStringLiteral("CUSTOM_INFO");
        UL_COMPARE_STATUS(m_sandbox->http().post(QStringLiteral("/x-sandbox/faults"),
                                                 QJsonObject{{QStringLiteral("faults"),
                                                              QJsonArray{QJsonObject{{QStringLiteral("status"), 503},
                                                                                     {QStringLiteral("path"), QStringLiteral("api/v2")}}}}}),
                          200);
        result = post(sink, a);
        QCOMPARE(result.error().kind, AnnotationError::Kind::Http);
        QCOMPARE(result.error().httpStatus, 503);

        // A listener that never answers: the whole exchange is bounded by the timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        sink.setUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        sink.setTimeout(300ms);
        result = post(sink, a);
        QCOMPARE(result.error().kind, AnnotationError::Kind::Timeout);
        QCOMPARE(getAnnotations().size(), 0);
    }

    // ---- ul::CorrectionAnnotator with a real outbox and journal -------------------------------

    void bulkAmendIsAnnotatedOnceWithItsCorrelationIdInTheJournal()
    {
        const ul::AnnotationSettings settings = setUpAnnotator(
            [](ul::AnnotationSettings &s) { s.entitySelector = QStringLiteral("type(SERVICE),entityName.equals(billing)"); });
        QSignalSpy posted(m_annotator.get(), &CorrectionAnnotator::annotationPosted);
        QSignalSpy failed(m_annotator.get(), &CorrectionAnnotator::annotationFailed);

        const QString group = amendMany(40, QStringLiteral("INC-2231 wrong region"));
        QVERIFY(posted.wait(WaitMs));
        QCOMPARE(failed.count(), 0);
        QTest::qWait(200);
        QCOMPARE(posted.count(), 1); // one annotation for the whole bulk action
        QCOMPARE(posted.first().at(0).toString(), group);
        const QStringList ids = posted.first().at(1).toStringList();
        QCOMPARE(ids.size(), 1);

        const QJsonArray kept = getAnnotations();
        QCOMPARE(kept.size(), 1);
        const QJsonObject event = kept.first().toObject().value(QLatin1StringView("event")).toObject();
        QCOMPARE(event.value(QLatin1StringView("title")).toString(), QStringLiteral("Usage correction: 40 events amended"));
        QCOMPARE(event.value(QLatin1StringView("eventType")).toString(), QStringLiteral("CUSTOM_ANNOTATION"));
        QCOMPARE(event.value(QLatin1StringView("entitySelector")).toString(), settings.entitySelector);
        const QJsonObject props = event.value(QLatin1StringView("properties")).toObject();
        QCOMPARE(props.value(QLatin1StringView("usagelens.profile")).toString(), Destination);
        QCOMPARE(props.value(QLatin1StringView("usagelens.action")).toString(), QStringLiteral("amend"));
        QCOMPARE(props.value(QLatin1StringView("usagelens.events.succeeded")).toString(), QStringLiteral("40"));
        QCOMPARE(props.value(QLatin1StringView("usagelens.events.failed")).toString(), QStringLiteral("0"));
        QCOMPARE(props.value(QLatin1StringView("usagelens.group")).toString(), group);
        QCOMPARE(props.value(QLatin1StringView("usagelens.reason")).toString(), QStringLiteral("INC-2231 wrong region"));
        for (auto it = props.begin(); it != props.end(); ++it)
            QVERIFY(it.value().isString());

        JournalFilter filter;
        filter.operationId = group;
        const QList<JournalEntry> entries = *m_journal->query(filter);
        QCOMPARE(entries.size(), 40);
        QList<qint64> journalIds;
        for (const JournalEntry &e : entries) {
            QCOMPARE(e.annotationCorrelationId, ids.first());
            journalIds << e.id;
        }
        std::sort(journalIds.begin(), journalIds.end());
        QCOMPARE(props.value(QLatin1StringView("usagelens.journal.ids")).toString(),
                 QStringLiteral("%1-%2").arg(journalIds.first()).arg(journalIds.last()));
        QVERIFY(!fileBytes(m_journal->path()).contains(SinkToken.toUtf8()));
    }

    void partlyFailedCorrectionCountsBoth()
    {
        setUpAnnotator([](ul::AnnotationSettings &s) { s.eventType = QStringLiteral("CUSTOM_INFO"); });
        QSignalSpy posted(m_annotator.get(), &CorrectionAnnotator::annotationPosted);
        // Three that exist and two the server has never seen (404: refused for good).
        QList<Event> events;
        for (int i = 0; i < 3; ++i)
            events << makeEvent(QStringLiteral("dep-%1").arg(i), m_customer, m_sandbox->now() - 1h);
        ingest(events);
        events << makeEvent(QStringLiteral("ghost-1"), m_customer, m_sandbox->now() - 1h)
               << makeEvent(QStringLiteral("ghost-2"), m_customer, m_sandbox->now() - 1h);
        const QString group = Outbox::newGroupId();
        QVERIFY(m_outbox->enqueueDeprecations(Destination, events, {QString(), group}).hasValue());
        QVERIFY(posted.wait(WaitMs));
        const QJsonObject event = getAnnotations().first().toObject().value(QLatin1StringView("event")).toObject();
        QCOMPARE(event.value(QLatin1StringView("title")).toString(), QStringLiteral("Usage correction: 3 events deprecated, 2 failed"));
        QCOMPARE(event.value(QLatin1StringView("eventType")).toString(), QStringLiteral("CUSTOM_INFO"));
        const QJsonObject props = event.value(QLatin1StringView("properties")).toObject();
        QCOMPARE(props.value(QLatin1StringView("usagelens.action")).toString(), QStringLiteral("deprecate"));
        QCOMPARE(props.value(QLatin1StringView("usagelens.events.succeeded")).toString(), QStringLiteral("3"));
        QCOMPARE(props.value(QLatin1StringView("usagelens.events.failed")).toString(), QStringLiteral("2"));
        QVERIFY(!props.contains(QLatin1StringView("usagelens.reason")));
        JournalFilter filter;
        filter.operationId = group;
        const auto entries = m_journal->query(filter);
        QVERIFY(entries.hasValue());
        for (const JournalEntry &e : *entries)
            QCOMPARE(e.annotationCorrelationId, posted.first().at(1).toStringList().first()); // failed rows too
    }

    void nonOkStatusIsReportedAndNothingIsJournaled()
    {
        setUpAnnotator([](ul::AnnotationSettings &s) { s.entitySelector = QStringLiteral("type(BILLING_PIPELINE)"); });
        QSignalSpy posted(m_annotator.get(), &CorrectionAnnotator::annotationPosted);
        QSignalSpy failed(m_annotator.get(), &CorrectionAnnotator::annotationFailed);
        const QString group = amendMany(5);
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(posted.count(), 0);
        QCOMPARE(failed.first().at(0).toString(), group);
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("INVALID_ENTITY_TYPE")), qPrintable(message));
        QCOMPARE(getAnnotations().size(), 1); // it reached the sink, which refused to attach it
        JournalFilter filter;
        filter.operationId = group;
        const auto entries = m_journal->query(filter);
        QVERIFY(entries.hasValue());
        QVERIFY(!entries->isEmpty());
        for (const JournalEntry &e : *entries)
            QVERIFY(e.annotationCorrelationId.isEmpty());
    }

    void badTokenIsReportedWithoutTheToken()
    {
        setUpAnnotator({}, QStringLiteral("dt0c01.sink-secret-WRONG"));
        QSignalSpy failed(m_annotator.get(), &CorrectionAnnotator::annotationFailed);
        amendMany(2);
        QVERIFY(failed.wait(WaitMs));
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("401")), qPrintable(message));
        QVERIFY(!message.contains(QStringLiteral("sink-secret")));
        QCOMPARE(getAnnotations().size(), 0);
    }

    void disabledWithoutSinkUrl()
    {
        setUpOutbox();
        m_annotator->setToken(SinkToken);
        QSignalSpy posted(m_annotator.get(), &CorrectionAnnotator::annotationPosted);
        QSignalSpy failed(m_annotator.get(), &CorrectionAnnotator::annotationFailed);
        amendMany(3);
        QVERIFY(QTest::qWaitFor([this] { return m_outbox->progress().remainingOperations == 0; }, WaitMs));
        QTest::qWait(200);
        QCOMPARE(posted.count() + failed.count(), 0);
        QCOMPARE(getAnnotations().size(), 0);
        QCOMPARE(m_annotator->pending(), 0);
    }

    void profileSettingsReachTheAnnotatorAndItsTokenComesFromTheTokenStore()
    {
        // The annotation fields of a profile survive the settings file.
        ul::ConnectionProfile profile = ul::ConnectionProfile::defaultSandbox();
        profile.name = Destination;
        profile.annotationSinkUrl = m_sandbox->baseUrl();
        profile.annotationEventType = QStringLiteral("CUSTOM_DEPLOYMENT");
        profile.annotationEntitySelector = QStringLiteral("type(SERVICE),entityName.equals(billing)");
        profile.annotationTimeoutMinutes = 45;
        {
            ul::Settings settings(std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("roaming.ini")), QSettings::IniFormat),
                                  std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("local.ini")), QSettings::IniFormat));
            settings.setProfiles({profile});
        }
        ul::Settings reopened(std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("roaming.ini")), QSettings::IniFormat),
                              std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("local.ini")), QSettings::IniFormat));
        QCOMPARE(reopened.profiles().size(), 1);
        const ul::ConnectionProfile read = reopened.profiles().first();
        QCOMPARE(read, profile);
        QVERIFY(fileBytes(m_dir->filePath(QStringLiteral("roaming.ini"))).contains("CUSTOM_DEPLOYMENT"));
        QVERIFY(!fileBytes(m_dir->filePath(QStringLiteral("roaming.ini"))).contains(SinkToken.toUtf8()));

        setUpOutbox();
        m_annotator->setSettings(ul::AnnotationSettings::fromProfile(read));
        QCOMPARE(m_annotator->settings().eventType, QStringLiteral("CUSTOM_DEPLOYMENT"));
        // The sink token is the profile's annotation-sink secret, not its API token.
        ul::TokenStore tokens(ul::TokenStore::Backend::None);
        bool written = false;
        tokens.write({read.id, ul::SecretRef::Kind::AnnotationSinkToken}, SinkToken, this, [&written](auto result) { written = result.hasValue(); });
        QVERIFY(QTest::qWaitFor([&written] { return written; }, WaitMs));
        m_annotator->useTokenStore(tokens, read.id);
        QSignalSpy posted(m_annotator.get(), &CorrectionAnnotator::annotationPosted);
        QSignalSpy failed(m_annotator.get(), &CorrectionAnnotator::annotationFailed);
        amendMany(4);
        QVERIFY2(posted.wait(WaitMs), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const QJsonObject event = getAnnotations().first().toObject().value(QLatin1StringView("event")).toObject();
        QCOMPARE(event.value(QLatin1StringView("eventType")).toString(), QStringLiteral("CUSTOM_DEPLOYMENT"));
        QCOMPARE(event.value(QLatin1StringView("timeout")).toInt(), 45);
        QCOMPARE(event.value(QLatin1StringView("entitySelector")).toString(), profile.annotationEntitySelector);
        QCOMPARE(event.value(QLatin1StringView("title")).toString(), QStringLiteral("Usage correction: 4 events amended"));
    }

private:
    HttpResult postRaw(const QByteArray &body)
    {
        return m_sandbox->http().post(QStringLiteral("/api/v2/events/ingest"), body,
                                      {{"Authorization", "Api-Token " + SinkToken.toUtf8()}});
    }
    QJsonArray getAnnotations()
    {
        const HttpResult r = m_sandbox->http().get(QStringLiteral("/x-sandbox/annotations"));
        if (r.status != 200)
            qWarning("GET /x-sandbox/annotations: %s", r.describe().constData());
        return r.array(u"annotations");
    }
    AnnotationSink::Result post(AnnotationSink &sink, const ul::Annotation &a)
    {
        std::optional<AnnotationSink::Result> result;
        sink.post(a, this, [&result](AnnotationSink::Result r) { result.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, WaitMs))
            return ul::Unexpected{AnnotationError{AnnotationError::Kind::Network, 0, QStringLiteral("no answer in the test"), {}}};
        return std::move(*result);
    }

    /// The outbox, its journal and an annotator posting to the sandbox's sink with `token`.
    ul::AnnotationSettings setUpAnnotator(const std::function<void(ul::AnnotationSettings &)> &adjust = {},
                                          const QString &token = SinkToken)
    {
        setUpOutbox();
        ul::AnnotationSettings settings;
        settings.sinkUrl = m_sandbox->baseUrl();
        if (adjust)
            adjust(settings);
        if (m_annotator) {
            m_annotator->setSettings(settings);
            m_annotator->setToken(token);
        }
        return settings;
    }
    void setUpOutbox()
    {
        m_customer = m_sandbox->newCustomer(u"cus_annotations");
        QVERIFY(!m_customer.isEmpty());
        m_client = std::make_unique<ul::OrbClient>(ul::test::fastClientSettings(ul::test::v1Url(m_sandbox->baseUrl())));
        m_client->setToken(ul::test::SandboxFixture::token());
        auto journal = Journal::open(m_dir->filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(journal.hasValue());
        m_journal = std::move(journal).value();
        auto outbox = Outbox::open(m_dir->filePath(QStringLiteral("outbox.sqlite")), ul::test::fastOutboxSettings());
        QVERIFY(outbox.hasValue());
        m_outbox = std::move(outbox).value();
        QVERIFY(m_outbox->attachDestination(Destination, m_client.get(), m_journal.get()).hasValue());
        m_annotator = std::make_unique<CorrectionAnnotator>(*m_outbox, Destination, *m_journal);
    }
    void ingest(const QList<Event> &events)
    {
        UL_COMPARE_STATUS(m_sandbox->http().post(QStringLiteral("/v1/ingest"), ul::json::encodeIngestBody(events)), 200);
    }
    /// Ingests `count` events and queues one bulk amendment of all of them; returns its group id.
    QString amendMany(int count, const QString &reason = {})
    {
        QList<Event> events;
        QList<ul::AmendItem> items;
        for (int i = 0; i < count; ++i) {
            events << makeEvent(QStringLiteral("ann-%1-%2").arg(m_serial).arg(i), m_customer, m_sandbox->now() - 1h);
            items << ul::AmendItem{events.last(), withRegion(events.last(), QStringLiteral("us-east-1"))};
        }
        ++m_serial;
        ingest(events);
        const QString group = Outbox::newGroupId();
        const auto tickets = m_outbox->enqueueAmendments(Destination, items, {reason, group});
        if (!tickets)
            qWarning("enqueueAmendments: %s", qPrintable(tickets.error().message));
        return group;
    }

    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ul::OrbClient> m_client;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<CorrectionAnnotator> m_annotator;
    QString m_customer;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TstAnnotations)
#include "tst_annotations.moc"
