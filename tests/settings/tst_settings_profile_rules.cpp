// The rules a connection profile must satisfy: plain HTTP only for loopback hosts, clear messages
// for empty and garbage URLs, unique names, sane limits; and how a profile becomes client settings.
#include "settings/ConnectionProfile.h"

#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::ConnectionProfile;
using ul::ProfileProblem;
using ul::ProfileRules;

class TestSettingsProfileRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void baseUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("https anywhere") << "https://api.withorb.com/v1" << true << "";
        QTest::newRow("https with port") << "https://orb.example.com:8443" << true << "";
        QTest::newRow("http localhost") << "http://localhost:8484" << true << "";
        QTest::newRow("http LOCALHOST") << "http://LOCALHOST:8484/v1" << true << "";
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8484" << true << "";
        QTest::newRow("http 127.255.0.9") << "http://127.255.0.9" << true << "";
        QTest::newRow("http ::1") << "http://[::1]:8484" << true << "";
        QTest::newRow("http mapped 127") << "http://[::ffff:127.0.0.1]:8484" << true << "";
        QTest::newRow("surrounding spaces") << "  https://api.withorb.com  " << true << "";
        QTest::newRow("http remote") << "http://api.withorb.com/v1" << false << "only for this computer";
        QTest::newRow("http private LAN") << "http://192.168.1.20:8484" << false << "only for this computer";
        QTest::newRow("http 128.0.0.1") << "http://128.0.0.1" << false << "only for this computer";
        QTest::newRow("http localhost lookalike") << "http://localhost.example.com" << false << "only for this computer";
        QTest::newRow("http ::2") << "http://[::2]" << false << "only for this computer";
        QTest::newRow("empty") << "" << false << "Enter the server's base URL";
        QTest::newRow("blank") << "   " << false << "Enter the server's base URL";
        QTest::newRow("garbage") << "not a url at all" << false << "not a URL";
        QTest::newRow("no scheme") << "api.withorb.com/v1" << false << "not a URL";
        QTest::newRow("ftp") << "ftp://files.example.com" << false << "Only https://";
        QTest::newRow("no host") << "https:///v1" << false << "no host";
        QTest::newRow("credentials") << "https://key:secret@api.withorb.com" << false << "API token in its own field";
        QTest::newRow("query") << "https://api.withorb.com/v1?token=abc" << false << "query";
    }

    void baseUrls()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        QFETCH(QString, messagePart);
        const auto url = ProfileRules::parseServerUrl(text);
        QCOMPARE(url.hasValue(), accepted);
        if (!accepted) {
            QVERIFY2(url.error().contains(messagePart), qPrintable(url.error()));
            QVERIFY(!url.error().contains(QStringLiteral("secret")));
            QVERIFY(!url.error().contains(QStringLiteral("abc")));
        }
    }

    void aProfileIsCheckedFieldByField()
    {
        ConnectionProfile ok;
        ok.id = QStringLiteral("a");
        ok.name = QStringLiteral("Production");
        ok.baseUrl = QUrl(QStringLiteral("https://api.withorb.com"));
        QVERIFY(ProfileRules::check(ok).isEmpty());

        ConnectionProfile bad = ok;
        bad.id = QStringLiteral("b");
        bad.name = QStringLiteral("  production ");
        bad.baseUrl = QUrl(QStringLiteral("http://api.withorb.com"));
        bad.requestTimeout = 200ms;
        bad.retryLimit = 11;
        bad.annotationSinkUrl = QUrl(QStringLiteral("http://dynatrace.example.com"));
        bad.colour = QStringLiteral("red");
        const QList<ProfileProblem> problems = ProfileRules::check(bad, {ok});
        QList<ProfileProblem::Field> fields;
        for (const ProfileProblem &p : problems)
            fields << p.field;
        QCOMPARE(fields, (QList<ProfileProblem::Field>{ProfileProblem::Field::Name, ProfileProblem::Field::BaseUrl,
                                                      ProfileProblem::Field::RequestTimeout, ProfileProblem::Field::RetryLimit,
                                                      ProfileProblem::Field::AnnotationSinkUrl, ProfileProblem::Field::Colour}));
        QVERIFY(problems.first().message.contains(QStringLiteral("already called")));

        // The embedded sandbox needs no URL: it is known when the sandbox starts.
        ConnectionProfile sandbox = ConnectionProfile::defaultSandbox();
        QVERIFY(ProfileRules::check(sandbox).isEmpty());
        // A profile may keep its own name when edited.
        QVERIFY(ProfileRules::check(ok, {ok}).isEmpty());
    }

    void clientSettingsFollowTheProfile()
    {
        ConnectionProfile p;
        p.baseUrl = QUrl(QStringLiteral("https://api.withorb.com"));
        p.requestTimeout = 12s;
        p.retryLimit = 4;
        ul::ClientSettings s = p.clientSettings();
        QCOMPARE(s.baseUrl, QUrl(QStringLiteral("https://api.withorb.com/v1")));
        QCOMPARE(s.transferTimeout, 12s);
        QCOMPARE(s.retry.maxRetries, 4);
        p.baseUrl = QUrl(QStringLiteral("https://api.withorb.com/v1/"));
        QCOMPARE(p.apiBaseUrl(), QUrl(QStringLiteral("https://api.withorb.com/v1")));
        p.baseUrl = QUrl(QStringLiteral("https://gateway.example.com/orb"));
        QCOMPARE(p.apiBaseUrl(), QUrl(QStringLiteral("https://gateway.example.com/orb/v1")));

        ConnectionProfile sandbox = ConnectionProfile::defaultSandbox();
        QVERIFY(sandbox.apiBaseUrl().isEmpty()); // not running yet
        QCOMPARE(sandbox.apiBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:41237"))), QUrl(QStringLiteral("http://127.0.0.1:41237/v1")));
    }
};

QTEST_GUILESS_MAIN(TestSettingsProfileRules)
#include "tst_settings_profile_rules.moc"
