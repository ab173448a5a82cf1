#pragma once

#include "model/Event.h"

#include <QtCore/QHash>
#include <QtWidgets/QDialog>

#include <memory>

namespace Ui {
class DeprecateDialog;
}

class QPushButton;

namespace ul::gui {

class CorrectionsHub;

/// Confirms deprecating one or many events: names how many events of how many customers, says
/// that deprecation cannot be undone and that the server refuses to ingest those ids again, and
/// lists (and leaves out) the rows a known rule would refuse — already deprecated, outside the
/// correction window, over the per-customer limit — before anything is sent.
class DeprecateDialog : public QDialog {
    Q_OBJECT
public:
    DeprecateDialog(CorrectionsHub &hub, const QList<Event> &events, QWidget *parent = nullptr);
    ~DeprecateDialog() override;

    /// The events that will be sent (the flagged ones left out).
    [[nodiscard]] QList<Event> sendable() const { return m_sendable; }
    /// Flagged event ids and why.
    [[nodiscard]] QHash<QString, QString> flagged() const { return m_flagged; }
    [[nodiscard]] int customerCount() const { return m_customers; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString warningText() const;
    void setReason(const QString &reason);
    /// Confirms (production profiles) and queues the deprecations; false when nothing was queued.
    bool send();
    [[nodiscard]] QString groupId() const { return m_groupId; }

Q_SIGNALS:
    void queued(const QString &groupId);

private:
    std::unique_ptr<Ui::DeprecateDialog> m_ui;
    CorrectionsHub &m_hub;
    QList<Event> m_sendable;
    QHash<QString, QString> m_flagged;
    int m_customers = 0;
    QString m_groupId;
    QPushButton *m_sendButton;
};

} // namespace ul::gui
