#include "LanguageManager.h"

#include "settings/Settings.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QCoreApplication>
#include <QtCore/QEvent>
#include <QtCore/QLibraryInfo>

namespace ul::gui {

namespace {

/// Where Qt's own translations may be: Qt's installation (Linux packages), then a folder beside
/// the executable (what windeployqt and macdeployqt make).
QStringList qtTranslationDirs()
{
    return {QLibraryInfo::path(QLibraryInfo::TranslationsPath), QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
            QCoreApplication::applicationDirPath() + QStringLiteral("/../Resources/translations")};
}

} // namespace

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    uninstall();
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

QString LanguageManager::resolve(const QString &code, const QLocale &system)
{
    const QStringList shipped = available();
    if (shipped.contains(code))
        return code;
    // uiLanguages() lists the user's preferences in order ("ru-RU", "ru", "en-US", ...).
    const QStringList preferred = system.uiLanguages();
    for (const QString &language : preferred) {
        const QString base = language.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (shipped.contains(base))
            return base;
    }
    return QStringLiteral("en");
}

QString LanguageManager::apply(const QString &code)
{
    const QString language = resolve(code);
    if (language == m_current)
        return m_current;
    uninstall();

    // Qt first, the app last: the translator installed last is asked first.
    if (language != u"en") {
        for (const QString &dir : qtTranslationDirs()) {
            if (m_qt.load(QStringLiteral("qtbase_") + language, dir))
                break;
        }
        if (!m_qt.isEmpty())
            QCoreApplication::installTranslator(&m_qt);
    }
    // English is a translation too: it supplies the plural forms of "%n event(s)".
    if (m_app.load(QStringLiteral("usagelens_") + language, QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_app);

    m_current = language;
    Q_EMIT languageChanged(m_current);
    return m_current;
}

void LanguageManager::follow(Settings &settings)
{
    apply(settings.languageCode());
    connect(&settings, &Settings::changed, this, [this, &settings](Settings::Key key) {
        if (key == Settings::Key::Language)
            apply(settings.languageCode());
    });
}

void LanguageManager::uninstall()
{
    // Loading into an installed translator would not tell the widgets: remove, load, install.
    if (!m_app.isEmpty())
        QCoreApplication::removeTranslator(&m_app);
    if (!m_qt.isEmpty())
        QCoreApplication::removeTranslator(&m_qt);
    // QTranslator has no "unload"; loading a missing file empties it.
    (void)m_app.load(QString());
    (void)m_qt.load(QString());
}

LanguageChange::LanguageChange()
{
    // QCoreApplication::installTranslator() and removeTranslator() send LanguageChange to the
    // application object (which then passes it to every widget).
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

LanguageChange &LanguageChange::instance()
{
    static LanguageChange watcher;
    return watcher;
}

bool LanguageChange::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance())
        Q_EMIT happened();
    return QObject::eventFilter(watched, event);
}

void announceTextsChanged(QAbstractItemModel *model)
{
    const int columns = model->columnCount();
    if (columns == 0)
        return;
    Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (const int rows = model->rowCount(); rows > 0)
        Q_EMIT model->dataChanged(model->index(0, 0), model->index(rows - 1, columns - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void retranslateOnLanguageChange(QAbstractItemModel *model)
{
    QObject::connect(&LanguageChange::instance(), &LanguageChange::happened, model, [model] { announceTextsChanged(model); });
}

} // namespace ul::gui
