// Soak (issue 9): 100,000 events amended, deprecated and imported through the app's core
// (OrbClient + Outbox + Journal, in a helper process) against a sandbox behind a proxy that
// answers 20% of the requests with 5xx, 5% with 429 and drops 5% of the connections — then the
// same with the helper killed (SIGKILL) at random points and started again, at least 20 times.
// Afterwards the server holds exactly the intended state: every event present, each amended or
// deprecated exactly once, every import stored once; the journal says the same.
//
// Sizes: USAGELENS_SOAK_EVENTS (default 100000) scales the workload; USAGELENS_SOAK_SEED
// picks the proxy's and the kill timer's random sequence (printed, to replay a failure);
// USAGELENS_SOAK_FAULTS=0 turns the faults off, to compare (the test then fails its fault checks).
#include "FaultProxy.h"
#include "KillProcess.h"
#include "OrbJson.h"
#include "SandboxFixture.h"
#include "SoakPlan.h"
#include "store/SandboxStore.h"

#include "journal/Journal.h"
#include "json/EventCodec.h"
#include "outbox/Outbox.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::test::soak::Plan;
namespace soak = ul::test::soak;

namespace {

constexpr int RunTimeoutMs = 240'000;
constexpr int MinimumKills = 20;

Plan planFromEnvironment()
{
    Plan plan;
    bool ok = false;
    const int total = qEnvironmentVariableIntValue("USAGELENS_SOAK_EVENTS", &ok);
    if (ok && total >= 100) {
        plan.amend = total * 8 / 100;
        plan.deprecate = total * 4 / 100;
        plan.imported = total - plan.amend - plan.deprecate;
    }
    return plan;
}

quint32 seedFromEnvironment()
{
    bool ok = false;
    const auto seed = quint32(qEnvironmentVariableIntValue("USAGELENS_SOAK_SEED", &ok));
    return ok ? seed : QRandomGenerator::global()->generate();
}

QString changeName(ul::sandbox::EventChange change)
{
    return ul::sandbox::eventChangeName(change);
}

QString regionOf(const ul::Properties &properties)
{
    const ul::PropertyValue *v = properties.find(u"region");
    return v && std::holds_alternative<QString>(*v) ? std::get<QString>(*v) : QString();
}

} // namespace

class TstSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_plan = planFromEnvironment();
        m_seed = seedFromEnvironment();
        qInfo("workload: %d amendments, %d deprecations, %d imported events (%d in all); seed %u",
              m_plan.amend, m_plan.deprecate, m_plan.imported, m_plan.total(), m_seed);
    }

    void init()
    {
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.rules.correctionLimit = 1'000'000;
        m_sandbox = std::make_unique<ul::test::SandboxFixture>(options);
        QVERIFY2(m_sandbox->isReady(), m_sandbox->startError());
        m_customer = m_sandbox->newCustomer(u"cus_soak");
        QVERIFY(!m_customer.isEmpty());
        m_when = m_sandbox->now() - 1h;
        m_dir = std::make_unique<QTemporaryDir>();
        m_proxy = std::make_unique<ul::test::FaultProxy>(m_sandbox->baseUrl().port(), ul::test::FaultProxy::Rates{},
                                                         m_seed);
        m_proxy->setEnabled(qEnvironmentVariable("USAGELENS_SOAK_FAULTS") != QLatin1StringView("0"));

        // The events to amend and deprecate exist before the workload starts (straight to the
        // sandbox, not through the proxy).
        QList<ul::Event> seeded;
        for (int i = 0; i < m_plan.amend; ++i)
            seeded << ul::test::makeEvent(soak::amendId(i), m_customer, m_when);
        for (int i = 0; i < m_plan.deprecate; ++i)
            seeded << ul::test::makeEvent(soak::deprecateId(i), m_customer, m_when);
        for (qsizetype from = 0; from < seeded.size(); from += 500)
            UL_COMPARE_STATUS(m_sandbox->http().post(QStringLiteral("/v1/ingest"),
                                                      ul::json::encodeIngestBody(seeded.mid(from, 500))), 200);
    }

    void cleanup()
    {
        m_proxy.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void hundredThousandEventsThroughFaults()
    {
        QElapsedTimer clock;
        clock.start();
        QProcess helper;
        startHelper(helper);
        QVERIFY(QTest::qWaitFor([&] { return helper.state() == QProcess::NotRunning; }, RunTimeoutMs));
        const QByteArray output = helper.readAllStandardOutput();
        QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0,
                 QByteArray(output + helper.readAllStandardError()).constData());
        QVERIFY2(output.contains("done"), output.constData());
        qInfo("workload finished in %.1f s", double(clock.elapsed()) / 1000);
        verifyServerAndJournal();
        qInfo("soak without kills: %.1f s in all", double(clock.elapsed()) / 1000);
    }

    void hundredThousandEventsThroughFaultsAndKills()
    {
        QElapsedTimer clock;
        clock.start();
        QRandomGenerator random(m_seed ^ 0x5eedu);
        int kills = 0;
        QByteArray log;
        QStringList killedAt; // the proxy's request count at each kill
        for (;;) {
            QProcess helper;
            startHelper(helper);
            QVERIFY2(helper.waitForStarted(RunTimeoutMs), qPrintable(helper.errorString()));
            if (kills < MinimumKills) {
                // A random point spread over the whole workload: after a random number of
                // requests (twice the mean share of the expected total, so the kills cover the
                // run), or, for one start in eight, during start-up, reconciliation or queuing.
                const qint64 requestsBefore = m_proxy->counts().requests;
                std::function<bool()> killPoint;
                QElapsedTimer started;
                started.start();
                if (random.bounded(8) == 0) {
                    const qint64 afterMs = random.bounded(600);
                    killPoint = [&started, afterMs] { return started.elapsed() >= afterMs; };
                } else {
                    const qint64 after = 1 + random.bounded(int(2 * expectedRequests() / (MinimumKills + 1)));
                    killPoint = [this, requestsBefore, after] { return m_proxy->counts().requests >= requestsBefore + after; };
                }
                const QString killed = ul::test::killWhen(helper, killPoint, RunTimeoutMs);
                QVERIFY2(killed.isEmpty(), qPrintable(QStringLiteral("after %1 kills (the workload may need to be larger): %2")
                                                          .arg(kills)
                                                          .arg(killed)));
                killedAt << QString::number(m_proxy->counts().requests);
                ++kills;
                log += helper.readAllStandardOutput();
                continue;
            }
            QVERIFY(QTest::qWaitFor([&] { return helper.state() == QProcess::NotRunning; }, RunTimeoutMs));
            const QByteArray output = helper.readAllStandardOutput();
            QVERIFY2(helper.exitStatus() == QProcess::NormalExit && helper.exitCode() == 0,
                     QByteArray(log + output + helper.readAllStandardError()).constData());
            QVERIFY2(output.contains("done"), output.constData());
            break;
        }
        QVERIFY(kills >= MinimumKills);
        qInfo("workload finished after %d kills in %.1f s; killed after request %s of %lld", kills,
              double(clock.elapsed()) / 1000, qPrintable(killedAt.join(QStringLiteral(", "))), m_proxy->counts().requests);
        verifyServerAndJournal();
        qInfo("soak with kills: %.1f s in all", double(clock.elapsed()) / 1000);
    }

private:
    /// About how many requests the workload makes: one per amendment and deprecation, one per
    /// 500 imported events, and again for the 30% that fail.
    [[nodiscard]] qint64 expectedRequests() const
    {
        return qint64((m_plan.amend + m_plan.deprecate + m_plan.imported / 500 + 1) / 0.7);
    }

    QString outboxPath() const { return m_dir->filePath(QStringLiteral("outbox.sqlite")); }
    QString journalPath() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }

    void startHelper(QProcess &helper)
    {
        QUrl base(QStringLiteral("http://127.0.0.1/v1"));
        base.setPort(m_proxy->port());
        const QStringList args{QStringLiteral("--base"), base.toString(),
                               QStringLiteral("--outbox"), outboxPath(),
                               QStringLiteral("--journal"), journalPath(),
                               QStringLiteral("--customer"), m_customer,
                               QStringLiteral("--time-ms"), QString::number(m_when.msecs()),
                               QStringLiteral("--amend"), QString::number(m_plan.amend),
                               QStringLiteral("--deprecate"), QString::number(m_plan.deprecate),
                               QStringLiteral("--import"), QString::number(m_plan.imported)};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UL_TEST_TOKEN"), ul::test::SandboxFixture::token());
        helper.setProcessEnvironment(env);
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(SOAK_HELPER), args);
    }

    /// The server holds exactly the intended state, and the journal and outbox agree.
    void verifyServerAndJournal()
    {
        const ul::test::FaultProxy::Counts &c = m_proxy->counts();
        qInfo("proxy: %lld requests; %lld passed; 5xx %lld before + %lld after the server; 429 %lld; dropped %lld before + %lld after",
              c.requests, c.passed, c.serverErrorBefore, c.serverErrorAfter, c.tooManyRequests, c.droppedBefore,
              c.droppedAfter);
        QVERIFY2(c.requests > 100 && c.serverErrorAfter > 0 && c.droppedAfter > 0 && c.tooManyRequests > 0,
                 "the proxy injected every kind of fault");
        const double faultShare = double(c.faults()) / double(c.requests);
        QVERIFY2(faultShare > 0.2 && faultShare < 0.4, qPrintable(QString::number(faultShare)));

        // Every event, version by version, in the server's store.
        const QString problem = m_sandbox->onServerThread([this](ul::sandbox::SandboxServer &server) -> QString {
            const ul::sandbox::SandboxStore &store = server.store();
            if (store.eventCount() != m_plan.total())
                return QStringLiteral("%1 events stored, expected %2").arg(store.eventCount()).arg(m_plan.total());
            auto check = [&](const QString &id, ul::sandbox::EventChange last, const QString &region, bool deprecated) -> QString {
                const QList<ul::sandbox::EventVersion> versions = store.history(id);
                QStringList changes;
                for (const ul::sandbox::EventVersion &v : versions)
                    changes << changeName(v.change);
                const QStringList expected = last == ul::sandbox::EventChange::Ingested
                    ? QStringList{changeName(last)}
                    : QStringList{changeName(ul::sandbox::EventChange::Ingested), changeName(last)};
                if (changes != expected)
                    return id + QStringLiteral(": history ") + changes.join(u',') + QStringLiteral(", expected ") + expected.join(u',');
                const ul::Event &current = versions.last().event;
                if (regionOf(current.properties) != region || current.deprecated != deprecated)
                    return id + QStringLiteral(": region ") + regionOf(current.properties);
                return {};
            };
            for (int i = 0; i < m_plan.amend; ++i) {
                if (QString p = check(soak::amendId(i), ul::sandbox::EventChange::Amended, soak::amendedRegion(soak::amendId(i)), false); !p.isEmpty())
                    return p;
            }
            for (int i = 0; i < m_plan.deprecate; ++i) {
                if (QString p = check(soak::deprecateId(i), ul::sandbox::EventChange::Deprecated, QStringLiteral("eu-west-1"), true); !p.isEmpty())
                    return p;
            }
            for (int i = 0; i < m_plan.imported; ++i) {
                if (QString p = check(soak::importId(i), ul::sandbox::EventChange::Ingested, QStringLiteral("eu-west-1"), false); !p.isEmpty())
                    return p;
            }
            return {};
        });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // The same through the API: search finds every event as intended, history of a sample.
        QStringList ids;
        for (int i = 0; i < m_plan.amend; ++i)
            ids << soak::amendId(i);
        for (int i = 0; i < m_plan.deprecate; ++i)
            ids << soak::deprecateId(i);
        for (int i = 0; i < m_plan.imported; ++i)
            ids << soak::importId(i);
        qsizetype found = 0, amendedSeen = 0, deprecatedSeen = 0;
        for (qsizetype from = 0; from < ids.size(); from += 500) {
            const ul::test::HttpResult r = m_sandbox->search(QJsonObject{
                {QStringLiteral("event_ids"), QJsonArray::fromStringList(ids.mid(from, 500))},
                {QStringLiteral("timeframe_start"), QStringLiteral("1970-01-01T00:00:00Z")},
                {QStringLiteral("timeframe_end"), QStringLiteral("9999-01-01T00:00:00Z")}});
            UL_COMPARE_STATUS(r, 200);
            for (const QJsonValue &v : r.array(u"data")) {
                const QJsonObject e = v.toObject();
                const QString id = e.value(QLatin1StringView("id")).toString();
                const QString region = e.value(QLatin1StringView("properties")).toObject().value(QLatin1StringView("region")).toString();
                ++found;
                amendedSeen += region == soak::amendedRegion(id) ? 1 : 0;
                deprecatedSeen += e.value(QLatin1StringView("deprecated")).toBool() ? 1 : 0;
            }
        }
        QCOMPARE(found, qsizetype(m_plan.total()));
        QCOMPARE(amendedSeen, qsizetype(m_plan.amend));
        QCOMPARE(deprecatedSeen, qsizetype(m_plan.deprecate));
        for (qsizetype i = 0; i < ids.size(); i += 4999) {
            const QStringList changes = ul::test::historyChanges(m_sandbox->history(ids[i]));
            QCOMPARE(changes.first(), QStringLiteral("ingested"));
            QVERIFY(changes.size() <= 2);
        }

        // The journal: one succeeded entry per amendment and deprecation, every imported event
        // in exactly one succeeded ingest entry, nothing pending.
        auto journal = ul::Journal::open(journalPath());
        QVERIFY(journal.hasValue());
        const QList<ul::JournalEntry> entries = *(*journal)->query({});
        QHash<QString, int> amended, deprecated, imported;
        for (const ul::JournalEntry &e : entries) {
            QVERIFY2(e.outcome != ul::JournalOutcome::Pending, "every entry is completed");
            QVERIFY2(e.outcome != ul::JournalOutcome::Failed, qPrintable(e.error));
            if (e.outcome != ul::JournalOutcome::Succeeded)
                continue; // cancelled: a kill left the entry without its operation; queued again
            QHash<QString, int> &counted = e.action == ul::JournalAction::Amend ? amended
                : e.action == ul::JournalAction::Deprecate                    ? deprecated
                                                                              : imported;
            for (const QString &id : e.eventIds)
                ++counted[id];
        }
        QCOMPARE(amended.size(), qsizetype(m_plan.amend));
        QCOMPARE(deprecated.size(), qsizetype(m_plan.deprecate));
        QCOMPARE(imported.size(), qsizetype(m_plan.imported));
        for (const QHash<QString, int> *counted : {&amended, &deprecated, &imported}) {
            for (auto it = counted->cbegin(); it != counted->cend(); ++it)
                QVERIFY2(it.value() == 1, qPrintable(it.key()));
        }
        auto outbox = ul::Outbox::open(outboxPath());
        QVERIFY(outbox.hasValue());
        QCOMPARE((*outbox)->progress().remainingOperations, 0);
        QCOMPARE((*outbox)->progress().failedOperations, 0);
    }

    Plan m_plan;
    quint32 m_seed = 0;
    std::unique_ptr<ul::test::SandboxFixture> m_sandbox;
    std::unique_ptr<ul::test::FaultProxy> m_proxy;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_customer;
    ul::Timestamp m_when;
};

QTEST_GUILESS_MAIN(TstSoak)
#include "tst_soak.moc"
