#pragma once

#include "corrections/BulkAmendModel.h"
#include "corrections/PropertyTableModel.h"

#include <QtCore/QElapsedTimer>
#include <QtWidgets/QDialog>

#include <memory>

namespace Ui {
class BulkAmendDialog;
}

class QPushButton;

namespace ul::gui {

class CorrectionsHub;

/// Amends many events at once with one change — set a property, remove a property, or rename
/// the event — previewing every row (what changes, rows left unchanged, rows a known rule would
/// refuse), then applying through the outbox with progress (rate, ETA, cancel), the server's
/// answer per row, and a retry of only the failed rows.
class BulkAmendDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { SetProperty, RemoveProperty, Rename };
    Q_ENUM(Mode)

    BulkAmendDialog(CorrectionsHub &hub, const QList<Event> &events, QWidget *parent = nullptr);
    ~BulkAmendDialog() override;

    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const;
    void setProperty(const QString &key, PropertyTableModel::Type type, const QString &value);
    void setRemovedProperty(const QString &key);
    void setNewName(const QString &name);
    void setReason(const QString &reason);

    [[nodiscard]] BulkAmendModel &model() const { return *m_model; }
    /// Why the change cannot be previewed (empty key, a number that does not parse), or empty.
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString progressText() const;

    /// Confirms (production profiles) and queues every ready row; false when nothing was queued.
    bool apply();
    /// Queues the failed rows again; returns how many.
    int retryFailed();
    /// Withdraws the rows not sent yet.
    void cancelSending();
    [[nodiscard]] QString groupId() const { return m_groupId; }
    [[nodiscard]] bool isFinished() const;

Q_SIGNALS:
    void applied(const QString &groupId);
    /// Every queued row has its answer (after apply or a retry).
    void allAnswered();

private:
    void updatePreview();
    void updateButtons();
    void onGroupChanged(const QString &groupId);
    [[nodiscard]] std::optional<Event> changed(const Event &event) const;

    std::unique_ptr<Ui::BulkAmendDialog> m_ui;
    CorrectionsHub &m_hub;
    QList<Event> m_events;
    BulkAmendModel *m_model;
    QString m_problem;
    QString m_groupId;
    QElapsedTimer m_clock;
    qint64 m_answeredAtStart = 0;
    bool m_applied = false;
    QPushButton *m_applyButton;
    QPushButton *m_retryButton;
};

} // namespace ul::gui
