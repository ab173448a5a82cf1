#include "corrections/DeprecateDialog.h"

#include "corrections/AmendDialog.h"
#include "corrections/CorrectionChecks.h"
#include "corrections/CorrectionsHub.h"
#include "settings/ProductionConfirmDialog.h"

#include "ui_DeprecateDialog.h"

#include <QtCore/QSet>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPushButton>

namespace ul::gui {

DeprecateDialog::DeprecateDialog(CorrectionsHub &hub, const QList<Event> &events, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::DeprecateDialog>()), m_hub(hub)
{
    m_ui->setupUi(this);
    m_flagged = CorrectionChecks::flag(events, QString(JournalAction::Deprecate), hub.journal(), hub.now(), hub.limits());
    QSet<QString> customers;
    QList<Event> flaggedEvents;
    for (const Event &event : events) {
        if (m_flagged.contains(event.id)) {
            flaggedEvents << event;
        } else {
            m_sendable << event;
            customers.insert(CorrectionChecks::customerKey(event));
        }
    }
    m_customers = static_cast<int>(customers.size());

    m_ui->summaryLabel->setText(summaryText());
    m_ui->warningLabel->setText(warningText());
    m_ui->warningLabel->setStyleSheet(problemStyleSheet());
    m_ui->sendProblemLabel->setStyleSheet(problemStyleSheet());
    m_ui->sendProblemLabel->setVisible(false);
    m_ui->flaggedLabel->setText(tr("%n event(s) would be refused by the server and will not be sent:", nullptr,
                                   static_cast<int>(flaggedEvents.size())));
    m_ui->flaggedLabel->setVisible(!flaggedEvents.isEmpty());
    m_ui->flaggedTable->setVisible(!flaggedEvents.isEmpty());
    m_ui->flaggedTable->setRowCount(static_cast<int>(flaggedEvents.size()));
    for (int row = 0; row < flaggedEvents.size(); ++row) {
        const Event &e = flaggedEvents.at(row);
        m_ui->flaggedTable->setItem(row, 0, new QTableWidgetItem(e.id));
        m_ui->flaggedTable->setItem(row, 1, new QTableWidgetItem(CorrectionChecks::customerText(e)));
        m_ui->flaggedTable->setItem(row, 2, new QTableWidgetItem(m_flagged.value(e.id)));
    }
    m_ui->flaggedTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->flaggedTable->verticalHeader()->setVisible(false);

    m_sendButton = m_ui->buttonBox->addButton(tr("&Deprecate %n event(s)", nullptr, static_cast<int>(m_sendable.size())),
                                              QDialogButtonBox::AcceptRole);
    m_sendButton->setEnabled(!m_sendable.isEmpty());
    // Enter must not deprecate by accident: Cancel is the default.
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (send())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &DeprecateDialog::reject);
}

DeprecateDialog::~DeprecateDialog() = default;

QString DeprecateDialog::summaryText() const
{
    if (m_sendable.isEmpty())
        return tr("<b>None of the selected events can be deprecated.</b>");
    const QString events = tr("%n event(s)", nullptr, static_cast<int>(m_sendable.size()));
    const QString customers = tr("%n customer(s)", nullptr, m_customers);
    return tr("<b>Deprecate %1 of %2?</b>").arg(events, customers);
}

QString DeprecateDialog::warningText() const
{
    return tr("Deprecation cannot be undone: the server ignores these events for billing from now on, "
              "and refuses to ingest their ids again.");
}

void DeprecateDialog::setReason(const QString &reason)
{
    m_ui->reasonEdit->setText(reason);
}

bool DeprecateDialog::send()
{
    if (m_sendable.isEmpty())
        return false;
    if (!m_hub.isReady()) {
        m_ui->sendProblemLabel->setText(CorrectionChecks::notConnectedText());
        m_ui->sendProblemLabel->setVisible(true);
        return false;
    }
    if (!confirmProductionWrite(this, m_hub.profile(),
                                tr("Deprecating %n event(s)", nullptr, static_cast<int>(m_sendable.size()))))
        return false;
    auto group = m_hub.deprecate(m_sendable, m_ui->reasonEdit->text().trimmed());
    if (!group) {
        m_ui->sendProblemLabel->setText(group.error());
        m_ui->sendProblemLabel->setVisible(true);
        return false;
    }
    m_groupId = group->groupId;
    Q_EMIT queued(m_groupId);
    return true;
}

} // namespace ul::gui
