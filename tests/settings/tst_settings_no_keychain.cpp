// The path without a keychain: QtKeychain with no session bus to reach (a real failure, not a
// stand-in), and the explicit "no keychain" backend. The app says so plainly, keeps tokens for
// this run only, and writes them to disk only when the analyst opted into the 0600 token file.
#include "TokenTestSupport.h"

#include "settings/TokenStore.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <sys/stat.h>

using ul::SecretRef;
using ul::TokenError;
using ul::TokenLocation;
using ul::TokenStore;
using ul::TokenWriteResult;
using ul::test::Answer;

namespace {

using ReadAnswer = Answer<std::optional<QString>, TokenError>;
using WriteAnswer = Answer<TokenWriteResult, TokenError>;
using DoneAnswer = Answer<ul::Done, TokenError>;

const QString Secret = QStringLiteral("tok-NOKEYCHAIN-42");

int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

class TestSettingsNoKeychain : public QObject {
    Q_OBJECT
private:
    ReadAnswer &read(TokenStore &store, const SecretRef &ref, ReadAnswer &answer)
    {
        store.read(ref, this, answer.callback());
        [[maybe_unused]] const bool delivered = answer.wait();
        return answer;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<TokenStore::Backend>("backend");
        // QtKeychain itself, failing for real because no session bus answers…
        QTest::newRow("unreachable Secret Service") << TokenStore::Backend::SystemKeychain;
        // …and the "no keychain" choice made explicitly.
        QTest::newRow("no keychain chosen") << TokenStore::Backend::None;
    }

    void theAnalystIsToldPlainlyAndTheTokenLastsThisRunOnly()
    {
        QFETCH_GLOBAL(TokenStore::Backend, backend);
        QTemporaryDir dir;
        TokenStore store(backend);
        store.setService(ul::test::testService());
        store.setFileFallback(false, dir.filePath(QStringLiteral("tokens.json")));
        const SecretRef ref{QStringLiteral("p1"), SecretRef::Kind::ApiToken};

        ReadAnswer before;
        read(store, ref, before);
        QVERIFY(before.delivered());
        QVERIFY(!before.result());
        QCOMPARE(before.result().error().kind, TokenError::Kind::KeychainUnavailable);
        QVERIFY2(before.result().error().message.startsWith(QStringLiteral("No keychain is reachable")),
                 qPrintable(before.result().error().message));
        QVERIFY(!store.keychainProblem().isEmpty());

        WriteAnswer written;
        store.write(ref, Secret, this, written.callback());
        QVERIFY(written.wait());
        QVERIFY(written.result());
        QCOMPARE(written.result()->location, TokenLocation::Memory);
        QVERIFY2(written.result()->notice.contains(QStringLiteral("this run only")), qPrintable(written.result()->notice));
        QVERIFY(!written.result()->notice.contains(Secret));

        ReadAnswer after;
        read(store, ref, after);
        QVERIFY(after.result());
        QCOMPARE(after.result()->value_or(QString()), Secret);

        // Nothing reached the disk, and a new run does not know the token.
        QVERIFY2(filesUnder(dir.path()).isEmpty(), qPrintable(filesUnder(dir.path()).join(u',')));
        TokenStore nextRun(backend);
        nextRun.setService(store.service());
        ReadAnswer forgotten;
        read(nextRun, ref, forgotten);
        QVERIFY(!forgotten.result());
        QCOMPARE(forgotten.result().error().kind, TokenError::Kind::KeychainUnavailable);

        DoneAnswer removed;
        store.remove(ref, this, removed.callback());
        QVERIFY(removed.wait() && removed.result());
        ReadAnswer gone;
        read(store, ref, gone);
        QVERIFY(!gone.result()); // back to "no keychain", with nothing for this run
    }

    void theOptInFileIsReadableOnlyByTheAnalyst()
    {
        QFETCH_GLOBAL(TokenStore::Backend, backend);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app-data/tokens.json"));
        QVERIFY(TokenStore::fileFallbackWarning().contains(QStringLiteral("not encrypted")));
        TokenStore store(backend);
        store.setService(ul::test::testService());
        store.setFileFallback(true, path);
        const SecretRef api{QStringLiteral("p2"), SecretRef::Kind::ApiToken};
        const SecretRef sink{QStringLiteral("p2"), SecretRef::Kind::AnnotationSinkToken};

        WriteAnswer written;
        store.write(api, Secret, this, written.callback());
        QVERIFY(written.wait());
        QVERIFY(written.result());
        QCOMPARE(written.result()->location, TokenLocation::File);
        QVERIFY2(written.result()->notice.contains(QStringLiteral("not encrypted")), qPrintable(written.result()->notice));
        QVERIFY(!written.result()->notice.contains(Secret));
        QCOMPARE(modeOf(path), 0600);
        QVERIFY(TokenStore::checkFilePermissions(path));
        WriteAnswer second;
        store.write(sink, QStringLiteral("sink-secret"), this, second.callback());
        QVERIFY(second.wait() && second.result());
        QCOMPARE(modeOf(path), 0600); // rewritten, still owner-only

        // The next run finds it in the file.
        TokenStore nextRun(backend);
        nextRun.setService(store.service());
        nextRun.setFileFallback(true, path);
        ReadAnswer found;
        read(nextRun, api, found);
        QVERIFY(found.result());
        QCOMPARE(found.result()->value_or(QString()), Secret);

        // Opting out stops using the file (it is not read).
        TokenStore optedOut(backend);
        optedOut.setService(store.service());
        optedOut.setFileFallback(false, path);
        ReadAnswer notUsed;
        read(optedOut, api, notUsed);
        QVERIFY(!notUsed.result());

        // Removing the last token deletes the file.
        DoneAnswer removedApi;
        store.remove(api, this, removedApi.callback());
        QVERIFY(removedApi.wait() && removedApi.result());
        QVERIFY(QFileInfo::exists(path));
        DoneAnswer removedSink;
        store.remove(sink, this, removedSink.callback());
        QVERIFY(removedSink.wait() && removedSink.result());
        QVERIFY(!QFileInfo::exists(path));
    }

    void aTokenFileOthersCanReadIsRefused()
    {
        QFETCH_GLOBAL(TokenStore::Backend, backend);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens.json"));
        TokenStore store(backend);
        store.setService(ul::test::testService());
        store.setFileFallback(true, path);
        const SecretRef ref{QStringLiteral("p3"), SecretRef::Kind::ApiToken};
        WriteAnswer written;
        store.write(ref, Secret, this, written.callback());
        QVERIFY(written.wait() && written.result());
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                | QFileDevice::ReadOther));
        QCOMPARE(modeOf(path), 0644);

        TokenStore nextRun(backend);
        nextRun.setService(store.service());
        nextRun.setFileFallback(true, path);
        ReadAnswer refused;
        read(nextRun, ref, refused);
        QVERIFY(!refused.result());
        QCOMPARE(refused.result().error().kind, TokenError::Kind::FileInsecure);
        QVERIFY2(refused.result().error().message.contains(QStringLiteral("chmod 600")), qPrintable(refused.result().error().message));
        QVERIFY(!refused.result().error().message.contains(Secret));

        // Writing to it is refused too (the token stays in memory for this run, and the analyst is told).
        WriteAnswer rewrite;
        nextRun.write(ref, QStringLiteral("another"), this, rewrite.callback());
        QVERIFY(rewrite.wait() && rewrite.result());
        QCOMPARE(rewrite.result()->location, TokenLocation::Memory);
        QVERIFY2(rewrite.result()->notice.contains(QStringLiteral("could not be written")), qPrintable(rewrite.result()->notice));
        QCOMPARE(modeOf(path), 0644); // untouched
    }
};

int main(int argc, char *argv[])
{
    // No session bus to reach, whatever the environment had: QtKeychain must fail for real.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/usagelens-no-session-bus");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    QCoreApplication app(argc, argv);
    TestSettingsNoKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settings_no_keychain.moc"
