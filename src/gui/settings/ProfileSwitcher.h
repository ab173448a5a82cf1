#pragma once

#include <QtWidgets/QComboBox>

namespace ul {
class ProfileStore;
}

namespace ul::gui {

class ProfileListModel;

/// A combo box of the connection profiles, each with its colour swatch, following the store
/// live. Choosing one emits profileChosen(id); it does not switch anything by itself — hand the
/// id to ProfileSession::activate (and call setCurrentProfileId when the session changes).
class ProfileSwitcher : public QComboBox {
    Q_OBJECT
public:
    explicit ProfileSwitcher(ProfileStore &store, QWidget *parent = nullptr);

    void setCurrentProfileId(const QString &id);
    [[nodiscard]] QString currentProfileId() const;
    [[nodiscard]] ProfileListModel &profileModel() const { return *m_model; }

Q_SIGNALS:
    /// The analyst picked a profile (not emitted by setCurrentProfileId).
    void profileChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ProfileListModel *m_model;
};

} // namespace ul::gui
