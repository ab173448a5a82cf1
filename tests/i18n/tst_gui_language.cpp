// The language of the running app: the main window comes up in Russian when asked for (or when
// the system locale is Russian), Qt's own strings included (a button box's "Cancel"), and goes
// back to English at run time, without a restart: menus, tabs, table headers and dialogs.
#include "LanguageManager.h"
#include "ConnectionStatusLabel.h"
#include "MainWindow.h"
#include "events/EventsView.h"
#include "attempts/AttemptsView.h"
#include "settings/ProductionConfirmDialog.h"
#include "settings/ConnectionProfile.h"
#include "settings/Settings.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtTest/QTest>

using ul::gui::LanguageManager;
using ul::gui::MainWindow;

namespace {

/// The titles of the menu bar's menus, as shown.
QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    const QList<QAction *> actions = window.menuBar()->actions();
    for (const QAction *action : actions)
        titles << action->text();
    return titles;
}

QStringList tabTitles(const MainWindow &window)
{
    const auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("viewTabWidget"));
    QStringList titles;
    for (int i = 0; tabs && i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    return titles;
}

QString attemptsHeader(MainWindow &window, int column)
{
    const auto *table = window.attemptsView().findChild<QTableView *>(QStringLiteral("attemptsTableView"));
    return table ? table->model()->headerData(column, Qt::Horizontal).toString() : QString();
}

} // namespace

class GuiLanguageTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolvesTheSettingOrTheSystemLocale();
    void startsInRussianAndSwitchesToEnglishAtRunTime();
    void dialogFollowsTheSwitchWhileOpen();
    void followsTheLanguageSetting();
};

void GuiLanguageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the window's remembered state stays out of the user's files
}

void GuiLanguageTest::resolvesTheSettingOrTheSystemLocale()
{
    QCOMPARE(LanguageManager::available(), (QStringList{QStringLiteral("en"), QStringLiteral("ru")}));
    // "system": the first shipped language among the locale's UI languages, else English.
    QCOMPARE(LanguageManager::resolve(QString(), QLocale(QLocale::Russian, QLocale::Russia)), QStringLiteral("ru"));
    QCOMPARE(LanguageManager::resolve(QString(), QLocale(QLocale::Russian, QLocale::Ukraine)), QStringLiteral("ru"));
    QCOMPARE(LanguageManager::resolve(QString(), QLocale(QLocale::English, QLocale::UnitedKingdom)), QStringLiteral("en"));
    QCOMPARE(LanguageManager::resolve(QString(), QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("en"));
    // An explicit setting wins over the locale.
    QCOMPARE(LanguageManager::resolve(QStringLiteral("en"), QLocale(QLocale::Russian, QLocale::Russia)), QStringLiteral("en"));
    QCOMPARE(LanguageManager::resolve(QStringLiteral("ru"), QLocale(QLocale::English, QLocale::UnitedStates)), QStringLiteral("ru"));
}

void GuiLanguageTest::startsInRussianAndSwitchesToEnglishAtRunTime()
{
    LanguageManager language;
    QCOMPARE(language.apply(QStringLiteral("ru")), QStringLiteral("ru"));
    QVERIFY2(language.hasQtTranslation(), "qtbase_ru.qm not found (Debian: qt6-translations-l10n)");

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("&Файл"), QStringLiteral("&Вид"), QStringLiteral("&Справка")}));
    QCOMPARE(tabTitles(window), (QStringList{QStringLiteral("События"), QStringLiteral("Исправления"), QStringLiteral("Дозагрузки"),
                                             QStringLiteral("Попытки доставки")}));
    QCOMPARE(attemptsHeader(window, 0), QStringLiteral("Время"));
    // Texts set in code: a combo box's items and a status computed from state.
    const auto *timeframe = window.eventsView().findChild<QComboBox *>(QStringLiteral("timeframeComboBox"));
    QVERIFY(timeframe);
    QCOMPARE(timeframe->itemText(0), QStringLiteral("Последние 7 дней (по умолчанию в Orb)"));
    window.connectionStatus().showStarting();
    QCOMPARE(window.connectionStatus().text(), QStringLiteral("Запуск локальной песочницы…"));
    // Qt's own translation: the standard buttons of a button box.
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Отмена"));

    QCOMPARE(language.apply(QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY(!language.hasQtTranslation());
    // Widgets hear of the change through posted LanguageChange events.
    QTRY_COMPARE(menuTitles(window), (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
    QCOMPARE(tabTitles(window), (QStringList{QStringLiteral("Events"), QStringLiteral("Corrections"), QStringLiteral("Backfills"),
                                             QStringLiteral("Webhook attempts")}));
    QCOMPARE(attemptsHeader(window, 0), QStringLiteral("Time"));
    QTRY_COMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
    QCOMPARE(timeframe->itemText(0), QStringLiteral("Last 7 days (Orb's default)"));
    QCOMPARE(window.connectionStatus().text(), QStringLiteral("Starting the local sandbox…"));

    // And back again: nothing is left over from the first switch.
    language.apply(QStringLiteral("ru"));
    QTRY_COMPARE(tabTitles(window).value(0), QStringLiteral("События"));
    QCOMPARE(attemptsHeader(window, 0), QStringLiteral("Время"));
}

void GuiLanguageTest::dialogFollowsTheSwitchWhileOpen()
{
    LanguageManager language;
    language.apply(QStringLiteral("ru"));
    ul::ConnectionProfile profile;
    profile.name = QStringLiteral("Billing EU");
    profile.production = true;
    ul::gui::ProductionConfirmDialog dialog(profile, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Отмена"));
    QCOMPARE(buttons->button(QDialogButtonBox::Ok)->text(), QStringLiteral("Записать в продакшен"));

    language.apply(QStringLiteral("en"));
    QTRY_COMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
    // The dialog's own text for OK survives the button box putting back its standard one.
    QTRY_COMPARE(buttons->button(QDialogButtonBox::Ok)->text(), QStringLiteral("Write to production"));
}

void GuiLanguageTest::followsTheLanguageSetting()
{
    // What the app does: the Language setting, changed in the Settings dialog, applies at once.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ul::Settings settings(std::make_unique<QSettings>(dir.filePath(QStringLiteral("roaming.ini")), QSettings::IniFormat), nullptr);
    settings.setLanguage(ul::Settings::Language::Russian);
    LanguageManager language;
    language.follow(settings);
    QCOMPARE(language.current(), QStringLiteral("ru"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(tabTitles(window).value(0), QStringLiteral("События"));

    settings.setLanguage(ul::Settings::Language::English);
    QCOMPARE(language.current(), QStringLiteral("en"));
    QTRY_COMPARE(tabTitles(window).value(0), QStringLiteral("Events"));

    // "System language" follows the locale of the machine the test runs on.
    settings.setLanguage(ul::Settings::Language::System);
    QCOMPARE(language.current(), LanguageManager::resolve(QString()));
}

QTEST_MAIN(GuiLanguageTest)
#include "tst_gui_language.moc"
