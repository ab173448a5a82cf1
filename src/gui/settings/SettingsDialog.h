#pragma once

#include "settings/ConnectionProfile.h"

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtWidgets/QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

class QLabel;
class QWidget;

namespace ul {
class OrbClient;
class ProfileStore;
class Settings;
class TokenStore;
} // namespace ul

namespace ul::gui {

class ProfileListModel;

/// Settings: connection profiles (add, duplicate, rename, delete, test connection; tokens masked
/// with reveal and copy) and the general preferences. Edits stay in the dialog until Apply or OK;
/// Cancel drops them. Tokens are written to the TokenStore on Apply, never to settings.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(Settings &settings, ProfileStore &profiles, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// The embedded sandbox's address (without /v1) and token, for testing a LocalSandbox profile.
    void setSandboxConnection(const QUrl &baseUrl, const QString &token);
    void selectProfile(const QString &id);
    [[nodiscard]] QString selectedProfileId() const;
    [[nodiscard]] ProfileListModel &profileModel() const { return *m_model; }
    /// Whether Apply is still writing tokens.
    [[nodiscard]] bool isApplying() const { return m_pendingWrites > 0; }

    /// Validates and stores everything; false (nothing stored) when a field is invalid: the
    /// problem is shown next to it and the first such field gets the focus.
    bool apply();

    void accept() override;

Q_SIGNALS:
    /// Everything Apply stored, tokens included, is in place.
    void applied();
    /// Something the analyst must know about where tokens went (e.g. no keychain: this run only).
    void notice(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The texts set in code, in the current language (the form's come from retranslateUi).
    void retranslate();
    struct TokenDraft {
        QString api;
        QString sink;
        bool loading = false;
        bool loaded = false;
        bool apiDirty = false;
        bool sinkDirty = false;
        QString copyFrom; ///< A duplicate's source, whose stored tokens it gets on Apply.
        QString problem;  ///< Why the stored token could not be read.
    };

    void setUpGeneralPage();
    void loadGeneralPage();
    void storeGeneralPage();
    void onSelectionChanged();
    void loadForm(int row);
    void formEdited();
    void tokenEdited();
    [[nodiscard]] ConnectionProfile profileFromForm(const ConnectionProfile &base) const;
    void showProblems(const QList<ProfileProblem> &problems);
    void showTokenStatus();
    void loadTokens(const QString &id);
    void addProfile();
    void duplicateProfile();
    void renameProfile();
    void deleteProfile();
    void testConnection();
    void chooseColour();
    void setColourButton(const QString &colour);
    void updateKindDependentFields();
    void writeFinished(const QString &text);
    void showStatus(const QString &text);
    [[nodiscard]] int currentRow() const;
    [[nodiscard]] QLabel *problemLabel(ProfileProblem::Field field) const;
    [[nodiscard]] QWidget *fieldWidget(ProfileProblem::Field field) const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings &m_settings;
    ProfileStore &m_store;
    TokenStore &m_tokens;
    ProfileListModel *m_model;
    QAction *m_deleteAction = nullptr;
    QHash<QString, TokenDraft> m_drafts;
    QStringList m_deleted;
    QString m_colour;
    QUrl m_sandboxUrl;
    QString m_sandboxToken;
    QPointer<OrbClient> m_testClient;
    int m_loadingForm = 0;
    int m_pendingWrites = 0;
    QStringList m_notices;
    bool m_closeWhenApplied = false;
};

} // namespace ul::gui
