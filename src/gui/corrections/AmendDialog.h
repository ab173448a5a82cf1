#pragma once

#include "corrections/CorrectionChecks.h"
#include "model/Event.h"

#include <QtWidgets/QDialog>

#include <memory>

namespace Ui {
class AmendDialog;
}

class QLabel;
class QPushButton;

namespace ul::gui {

class CorrectionsHub;
class PropertyTableModel;

/// The amend form for one event: the name and the properties (key, type, value) are editable,
/// the customer and the timestamp are shown locked (Orb refuses to change them). The server's
/// rules run as the analyst types, each problem next to its field. "Review" shows the current and
/// the new event side by side with an optional reason; "Send" asks for the production
/// confirmation where needed and queues the amendment in the outbox (queued() follows).
class AmendDialog : public QDialog {
    Q_OBJECT
public:
    AmendDialog(CorrectionsHub &hub, const Event &current, QWidget *parent = nullptr);
    ~AmendDialog() override;

    [[nodiscard]] const Event &current() const { return m_current; }
    /// The event the form describes now (properties with problems left out).
    [[nodiscard]] Event amended() const;
    /// Every problem the form shows now, as shown.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] bool canReview() const;
    [[nodiscard]] PropertyTableModel &propertiesModel() const { return *m_properties; }
    [[nodiscard]] QList<DiffLine> diffLines() const { return m_diff; }
    [[nodiscard]] bool isReviewing() const;
    /// Goes to the side-by-side review (when the form has no problem and changes something).
    void review();
    void back();
    /// Confirms (production profiles) and queues the amendment; false when refused or cancelled.
    bool send();
    [[nodiscard]] QString groupId() const { return m_groupId; }

Q_SIGNALS:
    void queued(const QString &groupId);

private:
    void validate();
    void showProblem(QLabel *label, const QStringList &problems);
    void fillDiff();

    std::unique_ptr<Ui::AmendDialog> m_ui;
    CorrectionsHub &m_hub;
    Event m_current;
    PropertyTableModel *m_properties;
    QList<DiffLine> m_diff;
    QStringList m_problems;
    QString m_groupId;
    QPushButton *m_reviewButton;
    QPushButton *m_backButton;
    QPushButton *m_sendButton;
};

/// The colour problems are shown in, next to their fields.
QString problemStyleSheet();

} // namespace ul::gui
