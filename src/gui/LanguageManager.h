#pragma once

#include <QtCore/QLocale>
#include <QtCore/QObject>
#include <QtCore/QTranslator>

class QAbstractItemModel;

namespace ul {
class Settings;
}

// How a widget follows a language change at run time (the pattern every widget in src/gui uses):
//
//   void SomeView::changeEvent(QEvent *event)
//   {
//       if (event->type() == QEvent::LanguageChange)
//           retranslate();
//       QWidget::changeEvent(event); // the base class of the widget
//   }
//   void SomeView::retranslate()
//   {
//       m_ui->retranslateUi(this);   // .ui-based widgets: every text of the form
//       // ...then every text set in code: actions, combo box items, placeholder texts, tab titles,
//       // status texts computed from state (call the function that computed them, not a cached string).
//       // Texts that report what happened (an error from the server) stay as they were shown.
//   }
//
// Table and list models are not widgets and get no LanguageChange: their constructor calls
// `retranslateOnLanguageChange(this)`, which re-announces every header and cell text (headerData
// and data must call tr() each time, never cache translated text). Texts computed once in a
// constructor must move into retranslate() and be called from both.

namespace ul::gui {

/// Installs the app's translation and Qt's own (qtbase: standard buttons, context menus, file
/// dialogs) for the language chosen in Settings, or for the system locale, and switches both at
/// run time: installing a translator sends QEvent::LanguageChange to every widget.
///
/// The app's .qm files are compiled into the GUI library under `:/i18n` (qt_add_translations in
/// translations/), so an installed or bundled app always finds them. Qt's own come from
/// QLibraryInfo::TranslationsPath (Debian: qt6-translations-l10n) or a `translations` folder
/// beside the executable (Windows and macOS bundles).
class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    /// The languages the app ships, as codes: "en", "ru".
    [[nodiscard]] static QStringList available();
    /// The language to show for a setting: `code` when the app ships it, otherwise (empty for
    /// "system", or unknown) the first shipped language of `system`'s UI languages, else English.
    [[nodiscard]] static QString resolve(const QString &code, const QLocale &system = QLocale::system());

    /// Switches the application to `code` (a Settings::languageCode(): "en", "ru" or empty for the
    /// system language) and returns the language now in effect. Does nothing when it is already.
    QString apply(const QString &code);
    /// Applies the Language setting of `settings` now and whenever it changes, for as long as
    /// both live.
    void follow(Settings &settings);
    /// The language in effect, or empty before the first apply().
    [[nodiscard]] QString current() const { return m_current; }
    /// Whether Qt's own translation for the current language was found (English needs none).
    [[nodiscard]] bool hasQtTranslation() const { return !m_qt.isEmpty(); }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void uninstall();

    QTranslator m_app;
    QTranslator m_qt;
    QString m_current;
};

/// Emits headerDataChanged for every column and dataChanged(DisplayRole, ToolTipRole) for every
/// top-level cell of `model`, so views fetch their texts again.
void announceTextsChanged(QAbstractItemModel *model);
/// Calls announceTextsChanged(model) whenever the application's language changes, for as long as
/// `model` lives.
void retranslateOnLanguageChange(QAbstractItemModel *model);

/// Tells when the application's language changed (a translator was installed or removed), to
/// objects that are not widgets and so get no QEvent::LanguageChange of their own.
class LanguageChange : public QObject {
    Q_OBJECT
public:
    static LanguageChange &instance();

Q_SIGNALS:
    void happened();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LanguageChange();
};

} // namespace ul::gui
