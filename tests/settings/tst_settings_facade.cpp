// The typed settings facade: defaults and ranges from its one table, change notifications,
// window and table layouts in the local store, profiles without tokens, and the v0 → v1 migration.
#include "settings/ConnectionProfile.h"
#include "settings/Settings.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::Settings;
using Key = ul::Settings::Key;

namespace {

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettingsFacade : public QObject {
    Q_OBJECT
private:
    QString roamingPath() const { return m_dir->filePath(QStringLiteral("UsageLens.ini")); }
    QString localPath() const { return m_dir->filePath(QStringLiteral("local.ini")); }
    std::unique_ptr<Settings> open() const { return Settings::openFiles(roamingPath(), localPath()); }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void everyKeyHasOneRowInTheTable()
    {
        const auto rows = Settings::directives();
        const QMetaEnum keys = QMetaEnum::fromType<Settings::Key>();
        QCOMPARE(int(rows.size()), keys.keyCount());
        QSet<QString> names;
        for (const Settings::Directive &d : rows) {
            QCOMPARE(&Settings::directive(d.key), &d);
            names.insert(d.name);
        }
        QCOMPARE(int(names.size()), keys.keyCount());
    }

    void defaultsComeFromTheTable()
    {
        auto settings = open();
        QCOMPARE(settings->timeDisplay(), Settings::TimeDisplay::Utc); // the API's UTC, unless asked otherwise
        QCOMPARE(settings->theme(), Settings::Theme::FollowPlatform);
        QCOMPARE(settings->language(), Settings::Language::System);
        QCOMPARE(settings->languageCode(), QString());
        QCOMPARE(settings->eventsPageSize(), 500);
        QCOMPARE(settings->attemptsPageSize(), 100);
        QCOMPARE(settings->outboxBatchSize(), 100);
        QCOMPARE(settings->outboxFlushInterval(), 2000ms);
        QVERIFY(!settings->tokenFileOptIn());
        QVERIFY(settings->profiles().isEmpty());
        for (const Settings::Directive &d : Settings::directives()) {
            if (d.key != Key::SchemaVersion && d.key != Key::Profiles)
                QCOMPARE(settings->value(d.key), d.defaultValue);
        }
    }

    void valuesRoundTripAndAnnounceTheirChange()
    {
        auto settings = open();
        QSignalSpy changed(settings.get(), &Settings::changed);
        settings->setTimeDisplay(Settings::TimeDisplay::Local);
        settings->setTheme(Settings::Theme::Dark);
        settings->setLanguage(Settings::Language::Russian);
        QVERIFY(settings->setValue(Key::OutboxFlushInterval, 5000));
        QCOMPARE(changed.size(), 4);
        QCOMPARE(changed.at(0).first().value<Key>(), Key::TimeDisplay);
        QCOMPARE(changed.at(3).first().value<Key>(), Key::OutboxFlushInterval);
        settings->setTheme(Settings::Theme::Dark); // the same value again: no signal
        QCOMPARE(changed.size(), 4);

        settings.reset();
        auto reopened = open();
        QCOMPARE(reopened->timeDisplay(), Settings::TimeDisplay::Local);
        QCOMPARE(reopened->theme(), Settings::Theme::Dark);
        QCOMPARE(reopened->languageCode(), QStringLiteral("ru"));
        QCOMPARE(reopened->outboxFlushInterval(), 5000ms);
        QSignalSpy reset(reopened.get(), &Settings::changed);
        reopened->reset(Key::Theme);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(reopened->theme(), Settings::Theme::FollowPlatform);
    }

    void numbersOutsideTheirRangeAreRefusedOrClamped()
    {
        auto settings = open();
        QSignalSpy changed(settings.get(), &Settings::changed);
        const auto refused = settings->setValue(Key::OutboxBatchSize, 501); // Orb takes at most 500 events per call
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("1 to 500")), qPrintable(refused.error()));
        QVERIFY(!settings->setValue(Key::AttemptsPageSize, 0));
        QVERIFY(!settings->setValue(Key::EventsPageSize, QStringLiteral("many")));
        QCOMPARE(changed.size(), 0);
        settings.reset();
        // A hand-edited file is read back within range.
        {
            QSettings raw(roamingPath(), QSettings::IniFormat);
            raw.setValue(QStringLiteral("Outbox/batchSize"), 100000);
            raw.setValue(QStringLiteral("Paging/webhookAttempts"), -3);
            raw.setValue(QStringLiteral("Paging/events"), QStringLiteral("lots"));
        }
        auto reopened = open();
        QCOMPARE(reopened->outboxBatchSize(), 500);
        QCOMPARE(reopened->attemptsPageSize(), 1);
        QCOMPARE(reopened->eventsPageSize(), 500); // not a number: the default
    }

    void windowAndTableLayoutsLiveInTheLocalStore()
    {
        auto settings = open();
        settings->setWindowGeometry(u"MainWindow", QByteArrayLiteral("geometry-bytes"));
        settings->setWindowState(u"MainWindow", QByteArrayLiteral("state-bytes"));
        settings->setTableLayout(u"EventsTable", QByteArrayLiteral("header-bytes"));
        (void)settings->setValue(Key::TokenFileOptIn, true);
        settings->sync();
        QCOMPARE(settings->windowGeometry(u"MainWindow"), QByteArrayLiteral("geometry-bytes"));
        QCOMPARE(settings->windowState(u"MainWindow"), QByteArrayLiteral("state-bytes"));
        QCOMPARE(settings->tableLayout(u"EventsTable"), QByteArrayLiteral("header-bytes"));
        const QByteArray local = contentsOf(localPath());
        QVERIFY(local.contains("geometry"));
        QVERIFY(local.contains("EventsTable"));
        QVERIFY(local.contains("tokenFileOptIn"));
        QVERIFY(!contentsOf(roamingPath()).contains("geometry"));
        // With one file, both scopes share it.
        QTemporaryDir single;
        auto one = Settings::openFiles(single.filePath(QStringLiteral("one.ini")));
        one->setWindowGeometry(u"MainWindow", QByteArrayLiteral("g"));
        one->sync();
        QCOMPARE(one->fileNames().size(), 1);
        QVERIFY(contentsOf(single.filePath(QStringLiteral("one.ini"))).contains("geometry"));
    }

    void profilesAreStoredWithoutSecrets()
    {
        auto settings = open();
        ul::ConnectionProfile prod;
        prod.id = ul::ConnectionProfile::newId();
        prod.name = QStringLiteral("Production EU");
        prod.baseUrl = QUrl(QStringLiteral("https://user:pa55word@api.example.com/v1"));
        prod.requestTimeout = 15s;
        prod.retryLimit = 5;
        prod.annotationSinkUrl = QUrl(QStringLiteral("https://abc123.live.dynatrace.com"));
        prod.colour = QStringLiteral("#c01c28");
        prod.production = true;
        const ul::ConnectionProfile sandbox = ul::ConnectionProfile::defaultSandbox();
        QSignalSpy changed(settings.get(), &Settings::changed);
        settings->setProfiles({sandbox, prod});
        QCOMPARE(changed.size(), 1);
        settings->setProfiles({sandbox, prod});
        QCOMPARE(changed.size(), 1); // nothing new
        settings->sync();

        const QList<ul::ConnectionProfile> read = open()->profiles();
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0), sandbox);
        QCOMPARE(read.at(1).name, prod.name);
        QCOMPARE(read.at(1).baseUrl, QUrl(QStringLiteral("https://api.example.com/v1"))); // credentials never stored
        QCOMPARE(read.at(1).requestTimeout, 15s);
        QCOMPARE(read.at(1).retryLimit, 5);
        QCOMPARE(read.at(1).annotationSinkUrl, prod.annotationSinkUrl);
        QCOMPARE(read.at(1).colour, prod.colour);
        QVERIFY(read.at(1).production);
        QVERIFY(!contentsOf(roamingPath()).contains("pa55word"));
    }

    void aVersionZeroFileIsMigrated()
    {
        {
            // What UsageLens wrote before the facade: no version, old names, and a token in the clear.
            QSettings v0(roamingPath(), QSettings::IniFormat);
            v0.setValue(QStringLiteral("display/utc"), false);
            v0.setValue(QStringLiteral("outbox/flushIntervalSeconds"), 5);
            v0.setValue(QStringLiteral("outbox/batchSize"), 250);
            v0.setValue(QStringLiteral("events/pageSize"), 200);
            v0.setValue(QStringLiteral("Connection/token"), QStringLiteral("tok-LEGACY-0"));
            v0.setValue(QStringLiteral("MainWindow/geometry"), QByteArrayLiteral("kept"));
        }
        QVERIFY(contentsOf(roamingPath()).contains("tok-LEGACY-0"));
        auto settings = open();
        QCOMPARE(settings->loadedSchemaVersion(), 0);
        QCOMPARE(settings->timeDisplay(), Settings::TimeDisplay::Local);
        QCOMPARE(settings->outboxFlushInterval(), 5000ms);
        QCOMPARE(settings->outboxBatchSize(), 250);
        QCOMPARE(settings->eventsPageSize(), 200);
        QCOMPARE(settings->migrationLog().size(), 6);
        QCOMPARE(settings->windowGeometry(u"MainWindow"), QByteArrayLiteral("kept")); // moved to the local store
        for (const QString &line : settings->migrationLog())
            QVERIFY(!line.contains(QStringLiteral("tok-LEGACY-0")));
        settings->sync();
        const QByteArray file = contentsOf(roamingPath());
        QVERIFY2(!file.contains("tok-LEGACY-0"), "the legacy token must be gone from the file");
        QVERIFY(!file.contains("display/utc") && !file.contains("flushIntervalSeconds") && !file.contains("events/pageSize"));
        QVERIFY(file.contains("schemaVersion=1"));
        QVERIFY(!file.contains("geometry"));
        QVERIFY(contentsOf(localPath()).contains("geometry"));
        settings.reset();

        auto again = open();
        QCOMPARE(again->loadedSchemaVersion(), 1);
        QVERIFY(again->migrationLog().isEmpty());
        QCOMPARE(again->timeDisplay(), Settings::TimeDisplay::Local);
    }

    void aFreshFileGetsTheVersionAndANewerOneIsLeftAlone()
    {
        auto fresh = open();
        QCOMPARE(fresh->loadedSchemaVersion(), 0);
        QVERIFY(fresh->migrationLog().isEmpty());
        fresh.reset();
        QCOMPARE(open()->loadedSchemaVersion(), Settings::CurrentSchemaVersion);

        QTemporaryDir other;
        const QString path = other.filePath(QStringLiteral("newer.ini"));
        {
            QSettings newer(path, QSettings::IniFormat);
            newer.setValue(QStringLiteral("General/schemaVersion"), 7);
            newer.setValue(QStringLiteral("display/utc"), false); // would be migrated from v0, not from v7
        }
        auto settings = Settings::openFiles(path);
        QCOMPARE(settings->loadedSchemaVersion(), 7);
        QCOMPARE(settings->migrationLog().size(), 1);
        settings->sync();
        QVERIFY(contentsOf(path).contains("schemaVersion=7"));
        QVERIFY(contentsOf(path).contains("display"));
    }
};

QTEST_GUILESS_MAIN(TestSettingsFacade)
#include "tst_settings_facade.moc"
