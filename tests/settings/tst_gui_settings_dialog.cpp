// The settings dialog, the production confirmation, the profile switcher and banner, driven
// offscreen against a real Secret Service (with-keyring.sh) and real sandboxes: adding a profile,
// validation next to the fields, Test connection with the right and a wrong token, a token that
// is found nowhere but the keychain, and a token change in the middle of a batch of writes.
#include "AppIdentity.h"
#include "PrivateKeyring.h"
#include "SandboxFixture.h"
#include "TokenTestSupport.h"

#include "api/OrbClient.h"
#include "journal/Journal.h"
#include "outbox/Outbox.h"
#include "settings/ProductionBanner.h"
#include "settings/ProductionConfirmDialog.h"
#include "settings/ProfileListModel.h"
#include "settings/ProfileSession.h"
#include "settings/ProfileStore.h"
#include "settings/ProfileSwitcher.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "settings/TokenStore.h"

#include <QtCore/QDirIterator>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QClipboard>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslServer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

#include <mutex>

using namespace std::chrono_literals;
using ul::ConnectionProfile;
using ul::SecretRef;
using ul::TokenError;
using ul::TokenWriteResult;
using ul::gui::SettingsDialog;
using ul::test::Answer;

namespace {

// Everything logged during the run, to prove no token is ever written to a log.
QStringList &loggedMessages()
{
    static QStringList messages;
    return messages;
}
std::mutex loggedMutex;
QtMessageHandler previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const std::lock_guard lock(loggedMutex);
        loggedMessages().append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

template <class T>
T *child(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1StringView(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

/// Replaces the text of `edit` as a person would: select all, type (or delete).
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

/// Waits for the Test connection result, which replaces "Testing…".
QString testConnection(const SettingsDialog &dialog)
{
    auto *label = child<QLabel>(dialog, "testResultLabel");
    QTest::mouseClick(child<QPushButton>(dialog, "testConnectionButton"), Qt::LeftButton);
    const bool answered = QTest::qWaitFor(
        [label] { return !label->text().isEmpty() && label->text() != SettingsDialog::tr("Testing…"); }, 30'000);
    return answered ? label->text() : QStringLiteral("<no answer>");
}

QList<QString> filesUnder(const QString &dir)
{
    QList<QString> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

QByteArray utf16(const QString &text)
{
    return QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

ul::Event eventNumber(int i, const QString &customerId, ul::Timestamp when)
{
    ul::Event e;
    e.id = QStringLiteral("batch-%1").arg(i);
    e.eventName = QStringLiteral("api_request");
    e.customerId = customerId;
    e.timestamp = when;
    e.properties = {{QStringLiteral("region"), QStringLiteral("eu-west-1")}};
    return e;
}

} // namespace

class TestGuiSettingsDialog : public QObject {
    Q_OBJECT
private:
    struct World {
        std::unique_ptr<ul::Settings> settings;
        std::unique_ptr<ul::TokenStore> tokens;
        std::unique_ptr<ul::ProfileStore> profiles;
    };

    World makeWorld(ul::TokenStore::Backend backend = ul::TokenStore::Backend::SystemKeychain)
    {
        World w;
        w.settings = ul::Settings::openFiles(m_dir->filePath(QStringLiteral("UsageLens.ini")),
                                             m_dir->filePath(QStringLiteral("local.ini")));
        w.tokens = std::make_unique<ul::TokenStore>(backend);
        w.tokens->setService(ul::test::testService());
        w.profiles = std::make_unique<ul::ProfileStore>(*w.settings, *w.tokens);
        w.profiles->ensureDefaultProfile();
        return w;
    }

    bool storeToken(ul::TokenStore &tokens, const SecretRef &ref, const QString &token)
    {
        Answer<TokenWriteResult, TokenError> write;
        tokens.write(ref, token, this, write.callback());
        return write.wait() && write.result() && write.result()->location == ul::TokenLocation::Keychain;
    }

    ConnectionProfile serverProfile(const QString &name, const QUrl &url, bool production = false)
    {
        ConnectionProfile p;
        p.name = name;
        p.baseUrl = url;
        p.production = production;
        return p;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void initTestCase()
    {
#ifdef Q_OS_LINUX
        QVERIFY2(!ul::test::privateKeyringHome().isEmpty(), "must run inside with-keyring.sh");
#endif
    }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() { m_dir.reset(); }

    void theProfileModelsPassTheModelTester()
    {
        World w = makeWorld();
        // The dialog's working copy…
        ul::gui::ProfileListModel draft;
        QAbstractItemModelTester draftTester(&draft, QAbstractItemModelTester::FailureReportingMode::QtTest);
        draft.setProfiles(w.profiles->profiles());
        ConnectionProfile extra = serverProfile(QStringLiteral("Extra"), QUrl(QStringLiteral("https://a.example.com")));
        extra.id = ConnectionProfile::newId();
        const int row = draft.append(extra);
        QCOMPARE(draft.rowCount(), 2);
        extra.production = true;
        draft.setProfile(row, extra);
        QCOMPARE(draft.index(row).data().toString(), QStringLiteral("Extra — production"));
        QCOMPARE(draft.index(row).data(ul::gui::ProfileListModel::NameRole).toString(), QStringLiteral("Extra"));
        QVERIFY(draft.index(row).data(ul::gui::ProfileListModel::ProductionRole).toBool());
        QVERIFY(!draft.index(row).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(draft.removeRows(0, 1));
        QCOMPARE(draft.rowCount(), 1);
        QVERIFY(!draft.removeRows(1, 1));

        // …and the live mirror of the store the switcher uses.
        ul::gui::ProfileListModel live;
        QAbstractItemModelTester liveTester(&live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        live.follow(*w.profiles);
        QCOMPARE(live.rowCount(), 1);
        auto added = w.profiles->add(serverProfile(QStringLiteral("Live"), QUrl(QStringLiteral("https://b.example.com"))));
        QVERIFY(added);
        QCOMPARE(live.rowCount(), 2);
        QVERIFY(w.profiles->rename(added->id, QStringLiteral("Live 2")));
        QCOMPARE(live.index(1).data().toString(), QStringLiteral("Live 2"));
        Answer<ul::Done, QString> removed;
        w.profiles->remove(added->id, this, removed.callback());
        QVERIFY(removed.wait() && removed.result());
        QCOMPARE(live.rowCount(), 1);
    }

    void addingAProfileExplainsInvalidInputNextToTheField()
    {
        World w = makeWorld();
        SettingsDialog dialog(*w.settings, *w.profiles);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);
        auto *name = child<QLineEdit>(dialog, "nameEdit");
        QCOMPARE(name->text(), QStringLiteral("New profile"));
        QVERIFY(name->hasFocus()); // ready to type the name
        typeInto(name, QStringLiteral("Staging"));
        QCOMPARE(dialog.profileModel().at(1).name, QStringLiteral("Staging"));

        auto *url = child<QLineEdit>(dialog, "baseUrlEdit");
        auto *urlProblem = child<QLabel>(dialog, "baseUrlProblemLabel");
        QVERIFY(urlProblem->isVisible()); // a new server profile has no URL yet
        QVERIFY2(urlProblem->text().contains(QStringLiteral("Enter the server's base URL")), qPrintable(urlProblem->text()));
        typeInto(url, QStringLiteral("not a url"));
        QVERIFY2(urlProblem->text().contains(QStringLiteral("not a URL")), qPrintable(urlProblem->text()));
        typeInto(url, QStringLiteral("http://staging.example.com"));
        QVERIFY2(urlProblem->text().contains(QStringLiteral("only for this computer")), qPrintable(urlProblem->text()));
        QCOMPARE(url->accessibleDescription(), urlProblem->text()); // screen readers hear it with the field
        typeInto(url, QStringLiteral("http://127.0.0.1:8484"));
        QVERIFY(!urlProblem->isVisible());
        typeInto(url, QStringLiteral("https://staging.example.com"));
        QVERIFY(!urlProblem->isVisible());

        auto *nameProblem = child<QLabel>(dialog, "nameProblemLabel");
        typeInto(name, dialog.profileModel().at(0).name.toUpper());
        QVERIFY(nameProblem->isVisible());
        QVERIFY2(nameProblem->text().contains(QStringLiteral("already called")), qPrintable(nameProblem->text()));
        // Apply refuses, says why, and puts the focus on the field.
        QVERIFY(!dialog.apply());
        QVERIFY(name->hasFocus());
        QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("already called")));
        QCOMPARE(w.profiles->profiles().size(), 1); // nothing stored
        typeInto(name, QStringLiteral("Staging"));
        QVERIFY(!nameProblem->isVisible());

        auto *sink = child<QLineEdit>(dialog, "sinkUrlEdit");
        typeInto(sink, QStringLiteral("http://dynatrace.example.com"));
        QVERIFY(child<QLabel>(dialog, "sinkUrlProblemLabel")->isVisible());
        typeInto(sink, QString());
        QVERIFY(!child<QLabel>(dialog, "sinkUrlProblemLabel")->isVisible()); // the sink is optional

        // The token is masked, and can be revealed and copied.
        auto *token = child<QLineEdit>(dialog, "tokenEdit");
        QTRY_VERIFY(token->isEnabled()); // once the keychain has answered
        typeInto(token, QStringLiteral("staging-token"));
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QTest::mouseClick(child<QToolButton>(dialog, "revealTokenButton"), Qt::LeftButton);
        QCOMPARE(token->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(child<QToolButton>(dialog, "revealTokenButton"), Qt::LeftButton);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QTest::mouseClick(child<QToolButton>(dialog, "copyTokenButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("staging-token"));
        QGuiApplication::clipboard()->clear();

        child<QSpinBox>(dialog, "timeoutSpinBox")->setValue(15);
        child<QSpinBox>(dialog, "retriesSpinBox")->setValue(4);
        child<QCheckBox>(dialog, "productionCheckBox")->setChecked(true);
        // The other page.
        auto *flush = child<QSpinBox>(dialog, "outboxFlushIntervalSpinBox");
        flush->setValue(3000);
        auto *time = child<QComboBox>(dialog, "timeDisplayComboBox");
        time->setCurrentIndex(time->findData(int(ul::Settings::TimeDisplay::Local)));

        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        QVERIFY(dialog.apply());
        QVERIFY(applied.wait(10'000));
        QCOMPARE(w.profiles->profiles().size(), 2);
        const ConnectionProfile stored = w.profiles->profiles().at(1);
        QCOMPARE(stored.name, QStringLiteral("Staging"));
        QCOMPARE(stored.baseUrl, QUrl(QStringLiteral("https://staging.example.com")));
        QCOMPARE(stored.requestTimeout, 15s);
        QCOMPARE(stored.retryLimit, 4);
        QVERIFY(stored.production);
        QCOMPARE(w.settings->outboxFlushInterval(), 3000ms);
        QCOMPARE(w.settings->timeDisplay(), ul::Settings::TimeDisplay::Local);
        QCOMPARE(ul::test::readKeychainDirectly(w.tokens->service(), SecretRef{stored.id}.key()).text,
                 QStringLiteral("staging-token"));

        // Duplicate and delete, then Cancel: nothing of it is stored.
        QTest::mouseClick(child<QPushButton>(dialog, "duplicateProfileButton"), Qt::LeftButton);
        QCOMPARE(dialog.profileModel().rowCount(), 3);
        QCOMPARE(dialog.profileModel().at(2).name, QStringLiteral("Staging (copy)"));
        QTest::mouseClick(child<QPushButton>(dialog, "deleteProfileButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog, "deleteProfileButton"), Qt::LeftButton);
        QCOMPARE(dialog.profileModel().rowCount(), 1);
        dialog.reject();
        QCOMPARE(w.profiles->profiles().size(), 2);

        // Delete + OK: the profile and its keychain entry go.
        SettingsDialog second(*w.settings, *w.profiles);
        second.selectProfile(stored.id);
        QTest::mouseClick(child<QPushButton>(second, "deleteProfileButton"), Qt::LeftButton);
        QSignalSpy secondApplied(&second, &SettingsDialog::applied);
        second.accept();
        QVERIFY(secondApplied.wait(10'000));
        QCOMPARE(second.result(), int(QDialog::Accepted));
        QCOMPARE(w.profiles->profiles().size(), 1);
        QCOMPARE(ul::test::readKeychainDirectly(w.tokens->service(), SecretRef{stored.id}.key()).error,
                 QKeychain::EntryNotFound);
    }

    void withoutAKeychainTheDialogSaysSoAndKeepsTheTokenForThisRun()
    {
        World w = makeWorld(ul::TokenStore::Backend::None);
        w.tokens->setFileFallback(false, m_dir->filePath(QStringLiteral("tokens.json")));
        SettingsDialog dialog(*w.settings, *w.profiles);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);
        typeInto(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("No keychain"));
        typeInto(child<QLineEdit>(dialog, "baseUrlEdit"), QStringLiteral("https://orb.example.com"));
        auto *status = child<QLabel>(dialog, "tokenStatusLabel");
        QVERIFY2(status->text().startsWith(QStringLiteral("No keychain is reachable")), qPrintable(status->text()));
        typeInto(child<QLineEdit>(dialog, "tokenEdit"), QStringLiteral("memory-only-token"));
        QSignalSpy notices(&dialog, &SettingsDialog::notice);
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        QVERIFY(dialog.apply());
        QVERIFY(applied.wait(10'000));
        QCOMPARE(notices.size(), 1);
        const QString notice = notices.first().first().toString();
        QVERIFY2(notice.contains(QStringLiteral("this run only")), qPrintable(notice));
        QVERIFY(!notice.contains(QStringLiteral("memory-only-token")));
        QCOMPARE(child<QLabel>(dialog, "statusLabel")->text(), notice);
        // The running app has it for this run…
        const QString id = dialog.selectedProfileId();
        Answer<std::optional<QString>, TokenError> read;
        w.tokens->read({id}, this, read.callback());
        QVERIFY(read.wait() && read.result());
        QCOMPARE(read.result()->value_or(QString()), QStringLiteral("memory-only-token"));
        // …and nothing holds it on disk (the analyst did not opt into the file).
        w.settings->sync();
        for (const QString &path : filesUnder(m_dir->path())) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("memory-only-token"), qPrintable(path));
        }
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("tokens.json"))));

        // Opting in on the General page stores the next token in the 0600 file, with the warning shown.
        dialog.selectProfile(id);
        child<QCheckBox>(dialog, "tokenFileCheckBox")->setChecked(true);
        QVERIFY(child<QLabel>(dialog, "tokenFileWarningLabel")->text().contains(QStringLiteral("not encrypted")));
        typeInto(child<QLineEdit>(dialog, "tokenEdit"), QStringLiteral("file-token"));
        w.tokens->setFileFallback(false, m_dir->filePath(QStringLiteral("tokens.json"))); // the path the app chose
        QVERIFY(dialog.apply());
        QVERIFY(applied.wait(10'000));
        QVERIFY(w.settings->tokenFileOptIn());
        QVERIFY(w.tokens->fileFallbackEnabled());
        QVERIFY(ul::TokenStore::checkFilePermissions(m_dir->filePath(QStringLiteral("tokens.json"))));
        QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("a file only your user account can read")));
    }

    void testConnectionReportsSuccessOrTheExactError()
    {
        ul::test::SandboxFixture sandbox;
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        World w = makeWorld();
        auto added = w.profiles->add(serverProfile(QStringLiteral("Sandbox over HTTP"), sandbox.baseUrl()));
        QVERIFY(added);
        QVERIFY(storeToken(*w.tokens, {added->id}, QStringLiteral("wrong-token")));
        SettingsDialog dialog(*w.settings, *w.profiles);
        dialog.show();
        dialog.selectProfile(added->id);
        auto *token = child<QLineEdit>(dialog, "tokenEdit");
        QTRY_COMPARE(token->text(), QStringLiteral("wrong-token")); // read from the keychain

        // What the client itself says for this wrong token, word for word.
        ul::OrbClient direct(added->clientSettings());
        direct.setToken(QStringLiteral("wrong-token"));
        Answer<ul::Page<ul::Customer>, ul::RequestError> refused;
        direct.listCustomers(1, std::nullopt, this, refused.callback());
        QVERIFY(refused.wait() && !refused.result());
        const QString expected = refused.result().error().humanMessage();
        QVERIFY(expected.contains(QStringLiteral("401")));

        const QString wrong = testConnection(dialog);
        QCOMPARE(wrong, expected);
        QVERIFY(!wrong.contains(QStringLiteral("wrong-token")));

        typeInto(token, ul::test::SandboxFixture::token());
        const QString right = testConnection(dialog);
        QVERIFY2(right.startsWith(QStringLiteral("Connected")), qPrintable(right));

        // Nothing listens at a closed port: the network error, in full.
        QUrl closed = sandbox.baseUrl();
        closed.setPort(1);
        typeInto(child<QLineEdit>(dialog, "baseUrlEdit"), closed.toString());
        child<QSpinBox>(dialog, "retriesSpinBox")->setValue(0);
        const QString unreachable = testConnection(dialog);
        QVERIFY2(unreachable.startsWith(QStringLiteral("Could not reach")), qPrintable(unreachable));

        // A TLS failure is shown, never ignored: a server whose certificate nobody trusts
        // (data/self-signed.*, a throwaway pair made for this test only).
        QFile certFile(QFINDTESTDATA("data/self-signed.crt"));
        QFile keyFile(QFINDTESTDATA("data/self-signed.key"));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tlsConfig = QSslConfiguration::defaultConfiguration();
        tlsConfig.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tlsConfig.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        QSslServer tlsServer;
        tlsServer.setSslConfiguration(tlsConfig);
        QVERIFY(tlsServer.listen(QHostAddress::LocalHost));
        QUrl tls(QStringLiteral("https://127.0.0.1"));
        tls.setPort(tlsServer.serverPort());
        typeInto(child<QLineEdit>(dialog, "baseUrlEdit"), tls.toString());
        const QString tlsError = testConnection(dialog);
        QVERIFY2(tlsError.startsWith(QStringLiteral("The secure connection to")), qPrintable(tlsError));
        QVERIFY2(tlsError.contains(QStringLiteral("self-signed")), qPrintable(tlsError));
        QVERIFY2(tlsError.contains(QStringLiteral("never ignores certificate errors")), qPrintable(tlsError));

        // The embedded sandbox's profile tests against the address and token known at run time.
        dialog.setSandboxConnection(sandbox.baseUrl(), ul::test::SandboxFixture::token());
        dialog.selectProfile(w.profiles->profiles().first().id);
        QVERIFY(!child<QLineEdit>(dialog, "baseUrlEdit")->isEnabled());
        QVERIFY(!token->isEnabled());
        const QString embedded = testConnection(dialog);
        QVERIFY2(embedded.startsWith(QStringLiteral("Connected")), qPrintable(embedded));
        dialog.reject();
    }

    void aProductionWriteNeedsTheExactProfileName()
    {
        ConnectionProfile prod = serverProfile(QStringLiteral("Production EU"), QUrl(QStringLiteral("https://api.withorb.com")), true);
        // Answers the dialog once it is up: types `typed`, notes whether OK was enabled and whether
        // the dialog was still open after clicking it, then presses Enter (which, for a wrong name,
        // is Cancel: the default button until the name matches).
        struct Seen {
            bool okEnabled = true;
            bool openAfterOk = false;
        };
        auto answer = [](const QString &typed, Seen *seen) {
            auto *poll = new QTimer;
            poll->setInterval(10);
            QObject::connect(poll, &QTimer::timeout, poll, [poll, typed, seen] {
                auto *dialog = qobject_cast<ul::gui::ProductionConfirmDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                poll->stop();
                poll->deleteLater();
                auto *edit = child<QLineEdit>(*dialog, "confirmNameEdit");
                QTest::keyClicks(edit, typed);
                QPushButton *ok = child<QDialogButtonBox>(*dialog, "buttonBox")->button(QDialogButtonBox::Ok);
                seen->okEnabled = ok->isEnabled();
                QTest::mouseClick(ok, Qt::LeftButton);
                seen->openAfterOk = dialog->isVisible();
                if (dialog->isVisible())
                    QTest::keyClick(edit, Qt::Key_Return);
                if (dialog->isVisible())
                    dialog->reject();
            });
            poll->start();
        };
        Seen seen;
        answer(QStringLiteral("production eu"), &seen);
        QVERIFY(!ul::gui::confirmProductionWrite(nullptr, prod, QStringLiteral("Amending 40 events")));
        QVERIFY(!seen.okEnabled);
        QVERIFY(seen.openAfterOk); // a disabled OK does nothing, and Enter cancels

        seen = {};
        answer(QStringLiteral("Production EU "), &seen);
        QVERIFY(!ul::gui::confirmProductionWrite(nullptr, prod));
        QVERIFY(!seen.okEnabled);

        seen = {};
        answer(QStringLiteral("Production EU"), &seen);
        QVERIFY(ul::gui::confirmProductionWrite(nullptr, prod, QStringLiteral("Amending 40 events")));
        QVERIFY(seen.okEnabled);
        QVERIFY(!seen.openAfterOk);

        // With the exact name, Enter confirms too.
        auto *enter = new QTimer;
        enter->setInterval(10);
        QObject::connect(enter, &QTimer::timeout, enter, [enter] {
            auto *dialog = qobject_cast<ul::gui::ProductionConfirmDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            enter->stop();
            enter->deleteLater();
            auto *edit = child<QLineEdit>(*dialog, "confirmNameEdit");
            QTest::keyClicks(edit, QStringLiteral("Production EU"));
            QTest::keyClick(edit, Qt::Key_Return);
            if (dialog->isVisible())
                dialog->reject();
        });
        enter->start();
        QVERIFY(ul::gui::confirmProductionWrite(nullptr, prod));

        // Not production: no question asked.
        prod.production = false;
        QVERIFY(ul::gui::confirmProductionWrite(nullptr, prod));
        QVERIFY(!QApplication::activeModalWidget());
    }

    void theSwitcherAndTheBannerFollowTheProfiles()
    {
        World w = makeWorld();
        auto prod = w.profiles->add(serverProfile(QStringLiteral("Production EU"), QUrl(QStringLiteral("https://api.withorb.com")), true));
        QVERIFY(prod);
        ul::gui::ProfileSwitcher switcher(*w.profiles);
        QCOMPARE(switcher.count(), 2);
        QCOMPARE(switcher.currentProfileId(), w.profiles->currentId());
        QVERIFY(!switcher.itemIcon(1).isNull());
        QCOMPARE(switcher.itemText(1), QStringLiteral("Production EU — production"));
        QSignalSpy chosen(&switcher, &ul::gui::ProfileSwitcher::profileChosen);
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        switcher.setFocus();
        QTest::keyClick(&switcher, Qt::Key_Down); // keyboard choice
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), prod->id);
        switcher.setCurrentProfileId(w.profiles->currentId());
        QCOMPARE(chosen.size(), 1); // only the analyst's choices are announced

        // The banner, driven by the session.
        ul::ProfileSession session(*w.profiles);
        ul::gui::ProductionBanner banner;
        QObject::connect(&session, &ul::ProfileSession::profileChanged, &banner, &ul::gui::ProductionBanner::setProfile);
        QVERIFY(session.activate());
        QVERIFY(banner.isHidden());
        QVERIFY(session.activate(prod->id));
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.text(), QStringLiteral("PRODUCTION — Production EU"));
        QCOMPARE(w.profiles->currentId(), prod->id);
        // Renaming the current profile updates the banner and the switcher at once.
        QVERIFY(w.profiles->rename(prod->id, QStringLiteral("Prod EU")));
        QCOMPARE(banner.text(), QStringLiteral("PRODUCTION — Prod EU"));
        QCOMPARE(switcher.itemText(1), QStringLiteral("Prod EU — production"));
    }

    void aTokenChangeDuringABatchAppliesToTheNextAttemptsAndLosesNothing()
    {
        const QString oldToken = QStringLiteral("token-before-rotation");
        const QString newToken = QStringLiteral("token-after-rotation");
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.databasePath = m_dir->filePath(QStringLiteral("batch.sqlite"));
        options.token = oldToken;
        ul::test::SandboxFixture sandbox(options);
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        const QString customer = sandbox.newCustomer(u"cus_batch");
        QVERIFY(!customer.isEmpty());

        World w = makeWorld();
        ConnectionProfile profile = serverProfile(QStringLiteral("Rotating"), sandbox.baseUrl());
        profile.retryLimit = 10;
        auto added = w.profiles->add(profile);
        QVERIFY(added);
        QVERIFY(storeToken(*w.tokens, {added->id}, oldToken));
        ul::ProfileSession session(*w.profiles);
        QSignalSpy applied(&session, &ul::ProfileSession::tokenApplied);
        QVERIFY(session.activate(added->id));
        QVERIFY(applied.wait(10'000));
        ul::OrbClient *client = session.client();

        // The batch: 15 writes, each its own ingest call with its own idempotency key.
        const ul::Timestamp when = sandbox.now() - 10min;
        QMap<int, std::optional<ul::Expected<ul::IngestResult, ul::RequestError>>> results;
        auto send = [&](int i) {
            client->ingest({eventNumber(i, customer, when)}, ul::IngestOptions{std::nullopt, true, {}}, this,
                           [&results, i](ul::Expected<ul::IngestResult, ul::RequestError> r) { results[i].emplace(std::move(r)); });
        };
        for (int i = 0; i < 5; ++i)
            send(i);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 5, 30'000);
        for (int i = 0; i < 5; ++i)
            QVERIFY(results[i]->hasValue());

        // The server goes away for the rotation; ten writes are in flight, retrying.
        const quint16 port = quint16(sandbox.baseUrl().port());
        sandbox.host().stop();
        for (int i = 5; i < 15; ++i)
            send(i);
        QTest::qWait(300);
        QCOMPARE(results.size(), 5); // still trying

        // Meanwhile the analyst enters the new token in Settings and applies it.
        SettingsDialog dialog(*w.settings, *w.profiles);
        dialog.show();
        dialog.selectProfile(added->id);
        auto *token = child<QLineEdit>(dialog, "tokenEdit");
        QTRY_COMPARE(token->text(), oldToken);
        typeInto(token, newToken);
        QSignalSpy dialogApplied(&dialog, &SettingsDialog::applied);
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Apply), Qt::LeftButton);
        QVERIFY(dialogApplied.wait(10'000));
        QVERIFY(applied.size() == 2 || applied.wait(10'000));
        QCOMPARE(session.client(), client); // the same client: nothing restarted, nothing dropped

        // The server comes back accepting only the new token.
        options.port = port;
        options.token = newToken;
        QVERIFY(sandbox.host().startAndWait(options));
        sandbox.http().setToken(newToken);

        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 15, 60'000);
        QStringList ids;
        for (int i = 0; i < 15; ++i) {
            const auto &r = *results[i];
            QVERIFY2(r.hasValue(), qPrintable(QStringLiteral("write %1: %2").arg(i).arg(r.hasValue() ? QString() : r.error().humanMessage())));
            QCOMPARE(r->ingested, QStringList{eventNumber(i, customer, when).id});
            QVERIFY(r->duplicates.isEmpty());
            ids << eventNumber(i, customer, when).id;
        }
        // Every event is stored exactly once…
        const auto found = sandbox.searchIds(ids);
        UL_COMPARE_STATUS(found, 200);
        QCOMPARE(found.array(u"data").size(), 15);
        // …and the old token no longer opens anything, so the ten went with the new one.
        ul::test::HttpClient withOld(sandbox.baseUrl(), oldToken);
        UL_COMPARE_STATUS(withOld.get(QStringLiteral("/v1/customers")), 401);
    }

    void aTokenChangeDuringAnOutboxBatchResumesItAndLosesNothing()
    {
        const QString wrongToken = QStringLiteral("token-that-expired");
        const QString rightToken = QStringLiteral("token-of-the-server");
        ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
        options.token = rightToken;
        ul::test::SandboxFixture sandbox(options);
        QVERIFY2(sandbox.isReady(), sandbox.startError());
        sandbox.http().setToken(rightToken);
        const QString customer = sandbox.newCustomer(u"cus_outbox");
        QVERIFY(!customer.isEmpty());

        World w = makeWorld();
        auto added = w.profiles->add(serverProfile(QStringLiteral("Outbox"), sandbox.baseUrl()));
        QVERIFY(added);
        QVERIFY(storeToken(*w.tokens, {added->id}, wrongToken));
        ul::ProfileSession session(*w.profiles);
        QSignalSpy applied(&session, &ul::ProfileSession::tokenApplied);
        QVERIFY(session.activate(added->id));
        QVERIFY(applied.wait(10'000));

        // The outbox sends for this profile with the session's client, and resumes a paused
        // profile as soon as a new token is applied (as the app wires it).
        auto journal = ul::Journal::open(m_dir->filePath(QStringLiteral("journal.sqlite")));
        QVERIFY2(journal, journal ? "" : qPrintable(journal.error()));
        auto outbox = ul::Outbox::open(m_dir->filePath(QStringLiteral("outbox.sqlite")));
        QVERIFY2(outbox, outbox ? "" : qPrintable(outbox.error()));
        QVERIFY((*outbox)->attachDestination(added->id, session.client(), journal->get()).hasValue());
        connect(&session, &ul::ProfileSession::tokenApplied, outbox->get(), [&] { (*outbox)->credentialsChanged(added->id); });
        QSignalSpy paused(outbox->get(), &ul::Outbox::destinationPaused);

        QList<ul::Event> events;
        QStringList ids;
        for (int i = 0; i < 1200; ++i) { // three 500-event batches
            events << eventNumber(i, customer, sandbox.now() - 10min);
            ids << events.last().id;
        }
        QVERIFY((*outbox)->enqueueIngest(added->id, events).hasValue());
        (*outbox)->flush();
        QVERIFY(paused.wait(30'000)); // the server refuses the old token: paused, nothing failed

        SettingsDialog dialog(*w.settings, *w.profiles);
        dialog.show();
        dialog.selectProfile(added->id);
        auto *token = child<QLineEdit>(dialog, "tokenEdit");
        QTRY_COMPARE(token->text(), wrongToken);
        typeInto(token, rightToken);
        QSignalSpy dialogApplied(&dialog, &SettingsDialog::applied);
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Apply), Qt::LeftButton);
        QVERIFY(dialogApplied.wait(10'000));

        // Everything queued goes out with the new token, each event exactly once.
        QTRY_COMPARE_WITH_TIMEOUT((*outbox)->progress().remainingEvents, qint64(0), 60'000);
        QCOMPARE((*outbox)->progress().failedEvents, qint64(0));
        qint64 stored = 0;
        for (qsizetype i = 0; i < ids.size(); i += 500) {
            const auto found = sandbox.searchIds(ids.mid(i, 500));
            UL_COMPARE_STATUS(found, 200);
            stored += found.array(u"data").size();
        }
        QCOMPARE(stored, qint64(ids.size()));
        ul::JournalFilter failedEntries;
        failedEntries.outcomes = {ul::JournalOutcome::Failed};
        QCOMPARE(*(*journal)->count(failedEntries), qint64(0));
        ul::JournalFilter succeeded;
        succeeded.outcomes = {ul::JournalOutcome::Succeeded};
        QVERIFY(*(*journal)->count(succeeded) >= 3);
    }

    void aKnownTokenIsFoundNowhereButTheKeychain()
    {
        const QString secret = QStringLiteral("tok-SEARCHME-123");
        const QString sinkSecret = QStringLiteral("tok-SEARCHME-123-sink");
        const QString home = ul::test::privateKeyringHome();
        {
            // The app's own places, as it resolves them (with-keyring.sh points XDG_* into `home`).
            const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QVERIFY2(dataDir.startsWith(home), qPrintable(dataDir));
            ul::sandbox::SandboxOptions options = ul::test::SandboxFixture::defaultOptions();
            QVERIFY(QDir().mkpath(dataDir));
            options.databasePath = QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite"));
            options.token = secret;
            ul::test::SandboxFixture sandbox(options);
            QVERIFY2(sandbox.isReady(), sandbox.startError());

            auto settings = ul::Settings::openDefault();
            for (const QString &file : settings->fileNames())
                QVERIFY2(file.startsWith(home), qPrintable(file));
            ul::TokenStore tokens; // the real service name, "UsageLens", in this private keyring
            tokens.setFileFallback(false, ul::TokenStore::defaultFilePath());
            ul::ProfileStore profiles(*settings, tokens);
            profiles.ensureDefaultProfile();

            // The analyst adds the profile and its tokens in the dialog, tests it, and presses OK.
            SettingsDialog dialog(*settings, profiles);
            dialog.setSandboxConnection(sandbox.baseUrl(), secret);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);
            typeInto(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Searched"));
            typeInto(child<QLineEdit>(dialog, "baseUrlEdit"), sandbox.baseUrl().toString());
            QTRY_VERIFY(child<QLineEdit>(dialog, "tokenEdit")->isEnabled());
            typeInto(child<QLineEdit>(dialog, "tokenEdit"), secret);
            typeInto(child<QLineEdit>(dialog, "sinkUrlEdit"), QStringLiteral("http://127.0.0.1:9/"));
            typeInto(child<QLineEdit>(dialog, "sinkTokenEdit"), sinkSecret);
            QTest::mouseClick(child<QToolButton>(dialog, "revealTokenButton"), Qt::LeftButton);
            QVERIFY(testConnection(dialog).startsWith(QStringLiteral("Connected")));
            const QString id = dialog.selectedProfileId();
            QSignalSpy applied(&dialog, &SettingsDialog::applied);
            QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
            QVERIFY(applied.wait(10'000));
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            for (QLabel *label : dialog.findChildren<QLabel *>())
                QVERIFY2(!label->text().contains(secret), qPrintable(label->objectName()));
            settings->setWindowGeometry(u"SettingsDialog", dialog.saveGeometry());
            settings->setTableLayout(u"EventsTable", QByteArrayLiteral("header"));

            // The app connects with it and makes a call.
            ul::ProfileSession session(profiles);
            QSignalSpy tokenApplied(&session, &ul::ProfileSession::tokenApplied);
            QVERIFY(session.activate(id));
            QVERIFY(tokenApplied.wait(10'000));
            Answer<ul::Page<ul::Customer>, ul::RequestError> call;
            session.client()->listCustomers(1, std::nullopt, this, call.callback());
            QVERIFY(call.wait());
            QVERIFY2(call.result(), qPrintable(call.result() ? QString() : call.result().error().humanMessage()));
            settings->sync();

            // It is in the keychain.
            QCOMPARE(ul::test::readKeychainDirectly(QStringLiteral("UsageLens"), SecretRef{id}.key()).text, secret);
            QCOMPARE(ul::test::readKeychainDirectly(QStringLiteral("UsageLens"),
                                                    SecretRef{id, SecretRef::Kind::AnnotationSinkToken}.key()).text, sinkSecret);
        } // everything closed: the sandbox's database, the settings files

        // And nowhere else: every file under the app's folders and this test's.
        const QString keyrings = QDir(home).filePath(QStringLiteral("data/keyrings"));
        QStringList scanned;
        const QList<QByteArray> needles{secret.toUtf8(), utf16(secret), QByteArrayLiteral("SEARCHME")};
        for (const QString &root : {home, m_dir->path()}) {
            for (const QString &path : filesUnder(root)) {
                QFile file(path);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.readAll();
                for (const QByteArray &needle : needles) {
                    // The keychain's own file holds it, encrypted: not even there in the clear.
                    QVERIFY2(!bytes.contains(needle), qPrintable(QStringLiteral("found in %1").arg(path)));
                }
                if (!path.startsWith(keyrings))
                    scanned << QFileInfo(path).fileName();
            }
        }
        QVERIFY2(scanned.contains(QStringLiteral("UsageLens.conf")), qPrintable(scanned.join(u',')));
        QVERIFY2(scanned.contains(QStringLiteral("local.ini")), qPrintable(scanned.join(u',')));
        QVERIFY2(scanned.contains(QStringLiteral("sandbox.sqlite")), qPrintable(scanned.join(u',')));
        QVERIFY(!QFileInfo::exists(ul::TokenStore::defaultFilePath())); // no opt-in, no token file
        const std::lock_guard lock(loggedMutex);
        for (const QString &message : loggedMessages())
            QVERIFY2(!message.contains(QStringLiteral("SEARCHME")), qPrintable(message));
    }
};

int main(int argc, char *argv[])
{
    if (const int exitCode = ul::test::reexecInsidePrivateKeyring(argc, argv); exitCode >= 0)
        return exitCode;
    previousHandler = qInstallMessageHandler(recordMessage);
    QApplication app(argc, argv);
    ul::gui::applyAppIdentity();
    TestGuiSettingsDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_settings_dialog.moc"
