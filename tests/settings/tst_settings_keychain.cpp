// Tokens against a real Secret Service (gnome-keyring on a private session bus, see
// with-keyring.sh): store, read, replace and delete; profiles whose keychain entries follow a
// rename and a duplicate and go with a delete; and a running client that picks up a new token.
#include "PrivateKeyring.h"
#include "SandboxFixture.h"
#include "TokenTestSupport.h"

#include "api/OrbClient.h"
#include "settings/ProfileSession.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "settings/TokenStore.h"

#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace std::chrono_literals;
using ul::ConnectionProfile;
using ul::SecretRef;
using ul::TokenError;
using ul::TokenLocation;
using ul::TokenStore;
using ul::TokenWriteResult;
using ul::test::Answer;
using ul::test::readKeychainDirectly;

namespace {

using ReadAnswer = Answer<std::optional<QString>, TokenError>;
using WriteAnswer = Answer<TokenWriteResult, TokenError>;
using DoneAnswer = Answer<ul::Done, TokenError>;

} // namespace

class TestSettingsKeychain : public QObject {
    Q_OBJECT
private:
    std::optional<QString> readToken(TokenStore &store, const SecretRef &ref)
    {
        ReadAnswer read;
        store.read(ref, this, read.callback());
        if (!read.wait())
            return QStringLiteral("<no answer>");
        if (!read.result())
            return QStringLiteral("<error: %1>").arg(read.result().error().message);
        return *read.result();
    }
    bool writeToken(TokenStore &store, const SecretRef &ref, const QString &token, TokenLocation expected = TokenLocation::Keychain)
    {
        WriteAnswer write;
        store.write(ref, token, this, write.callback());
        return write.wait() && write.result() && write.result()->location == expected && write.result()->notice.isEmpty();
    }

    std::unique_ptr<ul::Settings> openSettings()
    {
        return ul::Settings::openFiles(m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("local.ini")));
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
#ifdef Q_OS_LINUX
        QVERIFY2(!ul::test::privateKeyringHome().isEmpty(), "must run inside with-keyring.sh");
#endif
        QVERIFY(m_dir.isValid());
    }

    void storeReadReplaceAndDeleteInTheRealKeychain()
    {
        TokenStore store;
        store.setService(ul::test::testService());
        const SecretRef ref{QStringLiteral("profile-a"), SecretRef::Kind::ApiToken};
        QCOMPARE(readToken(store, ref), std::optional<QString>()); // nothing yet: no value, no error
        QVERIFY(store.keychainProblem().isEmpty());

        QSignalSpy changed(&store, &TokenStore::tokenChanged);
        QVERIFY(writeToken(store, ref, QStringLiteral("first-token")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<SecretRef>(), ref);
        // The keychain itself holds it, under service "…" and key profile/<id>/api-token.
        const auto raw = readKeychainDirectly(store.service(), QStringLiteral("profile/profile-a/api-token"));
        QCOMPARE(raw.error, QKeychain::NoError);
        QCOMPARE(raw.text, QStringLiteral("first-token"));
        QCOMPARE(readToken(store, ref), std::optional<QString>(QStringLiteral("first-token")));

        // A second store (as after a restart) reads it back from the keychain.
        TokenStore restarted;
        restarted.setService(store.service());
        QCOMPARE(readToken(restarted, ref), std::optional<QString>(QStringLiteral("first-token")));

        QVERIFY(writeToken(store, ref, QStringLiteral("second-token")));
        QCOMPARE(readToken(restarted, ref), std::optional<QString>(QStringLiteral("second-token")));

        // The other secret of the profile is a separate entry.
        const SecretRef sink{QStringLiteral("profile-a"), SecretRef::Kind::AnnotationSinkToken};
        QVERIFY(writeToken(store, sink, QStringLiteral("sink-token")));
        QCOMPARE(readToken(restarted, ref), std::optional<QString>(QStringLiteral("second-token")));
        QCOMPARE(readToken(restarted, sink), std::optional<QString>(QStringLiteral("sink-token")));

        DoneAnswer removed;
        store.remove(ref, this, removed.callback());
        QVERIFY(removed.wait() && removed.result());
        QCOMPARE(readKeychainDirectly(store.service(), ref.key()).error, QKeychain::EntryNotFound);
        QCOMPARE(readToken(restarted, ref), std::optional<QString>());
        QCOMPARE(readToken(restarted, sink), std::optional<QString>(QStringLiteral("sink-token")));

        // Storing an empty token removes it; removing what is not there is not an error.
        QVERIFY(writeToken(store, sink, QString()));
        QCOMPARE(readKeychainDirectly(store.service(), sink.key()).error, QKeychain::EntryNotFound);
        DoneAnswer again;
        store.remove(sink, this, again.callback());
        QVERIFY(again.wait() && again.result());
        QVERIFY(store.keychainProblem().isEmpty());
    }

    void profileRenameDuplicateAndDeleteCarryTheirKeychainEntries()
    {
        auto settings = openSettings();
        TokenStore tokens;
        tokens.setService(ul::test::testService());
        ul::ProfileStore profiles(*settings, tokens);
        ConnectionProfile staging;
        staging.name = QStringLiteral("Staging");
        staging.baseUrl = QUrl(QStringLiteral("https://staging.example.com"));
        auto added = profiles.add(staging);
        QVERIFY(added);
        const QString id = added->id;
        QVERIFY(!id.isEmpty());
        QVERIFY(writeToken(tokens, {id, SecretRef::Kind::ApiToken}, QStringLiteral("staging-api")));
        QVERIFY(writeToken(tokens, {id, SecretRef::Kind::AnnotationSinkToken}, QStringLiteral("staging-sink")));

        // Rename: the entries are keyed by the profile's id, so they stay with it.
        QVERIFY(profiles.rename(id, QStringLiteral("Staging EU")));
        QCOMPARE(profiles.find(id)->name, QStringLiteral("Staging EU"));
        QCOMPARE(ul::Settings::openFiles(settings->fileNames().first())->profiles().first().name, QStringLiteral("Staging EU"));
        QCOMPARE(readKeychainDirectly(tokens.service(), SecretRef{id, SecretRef::Kind::ApiToken}.key()).text,
                 QStringLiteral("staging-api"));
        // A rename to a name in use is refused with a message for the name field.
        ConnectionProfile other;
        other.name = QStringLiteral("Production");
        other.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
        QVERIFY(profiles.add(other));
        const auto clash = profiles.rename(id, QStringLiteral("production"));
        QVERIFY(!clash);
        QCOMPARE(clash.error().first().field, ul::ProfileProblem::Field::Name);

        // Duplicate: a new id with copies of both entries.
        Answer<ConnectionProfile, QString> duplicated;
        profiles.duplicate(id, {}, this, duplicated.callback());
        QVERIFY(duplicated.wait());
        QVERIFY2(duplicated.result(), qPrintable(duplicated.result() ? QString() : duplicated.result().error()));
        const ConnectionProfile copy = *duplicated.result();
        QVERIFY(copy.id != id);
        QCOMPARE(copy.name, QStringLiteral("Staging EU (copy)"));
        QCOMPARE(copy.baseUrl, QUrl(QStringLiteral("https://staging.example.com")));
        QCOMPARE(readKeychainDirectly(tokens.service(), SecretRef{copy.id, SecretRef::Kind::ApiToken}.key()).text,
                 QStringLiteral("staging-api"));
        QCOMPARE(readKeychainDirectly(tokens.service(), SecretRef{copy.id, SecretRef::Kind::AnnotationSinkToken}.key()).text,
                 QStringLiteral("staging-sink"));

        // Delete: the profile and its keychain entries go; the copy keeps its own.
        Answer<ul::Done, QString> removed;
        profiles.remove(id, this, removed.callback());
        QVERIFY(removed.wait() && removed.result());
        QVERIFY(!profiles.find(id));
        QCOMPARE(readKeychainDirectly(tokens.service(), SecretRef{id, SecretRef::Kind::ApiToken}.key()).error,
                 QKeychain::EntryNotFound);
        QCOMPARE(readKeychainDirectly(tokens.service(), SecretRef{id, SecretRef::Kind::AnnotationSinkToken}.key()).error,
                 QKeychain::EntryNotFound);
        QCOMPARE(readKeychainDirectly(tokens.service(), SecretRef{copy.id, SecretRef::Kind::ApiToken}.key()).text,
                 QStringLiteral("staging-api"));

        // What the settings file holds is the profiles, never a token.
        settings->sync();
        for (const QString &file : settings->fileNames()) {
            if (!QFileInfo::exists(file))
                continue; // nothing was stored in that scope
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains("staging-api"));
            QVERIFY(!bytes.contains("staging-sink"));
        }
        // Clean up the copy's entries too.
        Answer<ul::Done, QString> cleanup;
        profiles.remove(copy.id, this, cleanup.callback());
        QVERIFY(cleanup.wait() && cleanup.result());
    }

    void theRunningClientPicksUpANewTokenWithoutARestart()
    {
        ul::test::SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        auto settings = openSettings();
        TokenStore tokens;
        tokens.setService(ul::test::testService());
        ul::ProfileStore profiles(*settings, tokens);
        ConnectionProfile local;
        local.name = QStringLiteral("Sandbox over HTTP");
        local.baseUrl = sandbox.baseUrl();
        local.retryLimit = 0;
        auto added = profiles.add(local);
        QVERIFY(added);
        const SecretRef ref{added->id, SecretRef::Kind::ApiToken};
        QVERIFY(writeToken(tokens, ref, QStringLiteral("stale-token")));

        ul::ProfileSession session(profiles);
        QSignalSpy applied(&session, &ul::ProfileSession::tokenApplied);
        QSignalSpy clients(&session, &ul::ProfileSession::clientChanged);
        QVERIFY(session.activate(added->id));
        QCOMPARE(clients.size(), 1);
        QVERIFY(applied.wait(10'000));
        ul::OrbClient *client = session.client();
        QVERIFY(client);
        QCOMPARE(client->settings().baseUrl.path(), QStringLiteral("/v1"));

        Answer<ul::Page<ul::Customer>, ul::RequestError> refused;
        client->listCustomers(1, std::nullopt, this, refused.callback());
        QVERIFY(refused.wait());
        QVERIFY(!refused.result());
        QCOMPARE(refused.result().error().httpStatus(), 401);

        // The analyst stores the right token (as the settings dialog does): the same client uses it.
        QVERIFY(writeToken(tokens, ref, ul::test::SandboxFixture::token()));
        QVERIFY(applied.wait(10'000));
        QCOMPARE(session.client(), client);
        QCOMPARE(clients.size(), 1); // no new client, no restart
        Answer<ul::Page<ul::Customer>, ul::RequestError> accepted;
        client->listCustomers(1, std::nullopt, this, accepted.callback());
        QVERIFY(accepted.wait());
        QVERIFY2(accepted.result(), qPrintable(accepted.result() ? QString() : accepted.result().error().humanMessage()));

        // Edits of the current profile reach the same client too.
        ConnectionProfile edited = *profiles.find(added->id);
        edited.retryLimit = 4;
        QVERIFY(profiles.update(edited));
        QCOMPARE(session.client(), client);
        QCOMPARE(client->settings().retry.maxRetries, 4);

        DoneAnswer removed;
        tokens.remove(ref, this, removed.callback());
        QVERIFY(removed.wait());
    }
};

int main(int argc, char *argv[])
{
    if (const int exitCode = ul::test::reexecInsidePrivateKeyring(argc, argv); exitCode >= 0)
        return exitCode;
    QCoreApplication app(argc, argv);
    TestSettingsKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settings_keychain.moc"
