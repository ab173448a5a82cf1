#include "settings/ProductionConfirmDialog.h"

#include "ui_ProductionConfirmDialog.h"

#include <QtWidgets/QPushButton>

namespace ul::gui {

ProductionConfirmDialog::ProductionConfirmDialog(const ConnectionProfile &profile, const QString &action, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ProductionConfirmDialog>()), m_name(profile.name), m_action(action)
{
    m_ui->setupUi(this);
    retranslate();
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    // Enter cancels until the name matches, then confirms.
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(m_ui->confirmNameEdit, &QLineEdit::textChanged, this, [this, ok, cancel] {
        const bool matches = nameMatches();
        ok->setEnabled(matches);
        cancel->setDefault(!matches);
        ok->setDefault(matches);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProductionConfirmDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProductionConfirmDialog::reject);
    m_ui->confirmNameEdit->setFocus();
}

ProductionConfirmDialog::~ProductionConfirmDialog() = default;

void ProductionConfirmDialog::retranslate()
{
    const QString what = m_action.isEmpty() ? tr("This change") : m_action.toHtmlEscaped();
    m_ui->messageLabel->setText(tr("<p><b>%1 goes to the production server “%2”.</b></p>"
                                   "<p>Mistakes there cost real money. Type the profile name, <b>%2</b>, to confirm.</p>")
                                    .arg(what, m_name.toHtmlEscaped()));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Write to production"));
}

void ProductionConfirmDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        // The button box gets the event after this dialog and puts back its standard "OK":
        // set ours once it has.
        QMetaObject::invokeMethod(this, &ProductionConfirmDialog::retranslate, Qt::QueuedConnection);
    }
    QDialog::changeEvent(event);
}

bool ProductionConfirmDialog::nameMatches() const
{
    return !m_name.isEmpty() && m_ui->confirmNameEdit->text() == m_name;
}

void ProductionConfirmDialog::accept()
{
    if (nameMatches()) // Enter in the field must not get around the check
        QDialog::accept();
}

bool confirmProductionWrite(QWidget *parent, const ConnectionProfile &profile, const QString &action)
{
    if (!profile.production)
        return true;
    ProductionConfirmDialog dialog(profile, action, parent);
    return dialog.exec() == QDialog::Accepted && dialog.nameMatches();
}

} // namespace ul::gui
