#pragma once

#include "settings/ConnectionProfile.h"

#include <QtWidgets/QDialog>

#include <memory>

namespace Ui {
class ProductionConfirmDialog;
}

namespace ul::gui {

/// Asks the analyst to type the production profile's name before a write. OK stays disabled
/// until the text matches the name exactly (case and spaces included).
class ProductionConfirmDialog : public QDialog {
    Q_OBJECT
public:
    /// `action` says what is about to happen, e.g. "amend 40 events"; may be empty.
    ProductionConfirmDialog(const ConnectionProfile &profile, const QString &action, QWidget *parent = nullptr);
    ~ProductionConfirmDialog() override;

    [[nodiscard]] bool nameMatches() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The message and the OK button's text, in the current language.
    void retranslate();

    std::unique_ptr<Ui::ProductionConfirmDialog> m_ui;
    QString m_name;
    QString m_action;
};

/// Every write to a production profile goes through this: for a production profile it shows
/// ProductionConfirmDialog and returns true only when the analyst typed the exact name and
/// confirmed; for any other profile it returns true without asking.
bool confirmProductionWrite(QWidget *parent, const ConnectionProfile &profile, const QString &action = {});

} // namespace ul::gui
