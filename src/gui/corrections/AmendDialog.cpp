#include "corrections/AmendDialog.h"

#include "corrections/CorrectionChecks.h"
#include "corrections/CorrectionsHub.h"
#include "corrections/PropertyTableModel.h"
#include "settings/ProductionConfirmDialog.h"
#include "validation/EventRules.h"

#include "ui_AmendDialog.h"

#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPushButton>

namespace ul::gui {

namespace {

/// The field a rule's problem starts with (`event_name: must not be empty`), and the rest.
std::pair<QString, QString> splitProblem(const QString &problem)
{
    const qsizetype colon = problem.indexOf(QLatin1StringView(": "));
    if (colon <= 0)
        return {QString(), problem};
    return {problem.left(colon), problem.mid(colon + 2)};
}

QColor changeColour(DiffLine::Change change)
{
    switch (change) {
    case DiffLine::Change::Same: return {};
    case DiffLine::Change::Changed: return QColor(0xfc, 0xf3, 0xcf);
    case DiffLine::Change::Added: return QColor(0xd5, 0xf5, 0xe3);
    case DiffLine::Change::Removed: return QColor(0xfa, 0xdb, 0xd8);
    }
    return {};
}

} // namespace

QString problemStyleSheet()
{
    return QStringLiteral("color: #c0392b;");
}

AmendDialog::AmendDialog(CorrectionsHub &hub, const Event &current, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AmendDialog>()), m_hub(hub), m_current(current),
      m_properties(new PropertyTableModel(this))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Amend event %1").arg(current.id));
    m_ui->idValueLabel->setText(current.id);
    m_ui->eventNameEdit->setText(current.eventName);
    m_ui->customerEdit->setText(CorrectionChecks::customerText(current));
    m_ui->timestampEdit->setText(current.timestamp.toIso8601());
    for (QLabel *label : {m_ui->eventNameProblemLabel, m_ui->customerProblemLabel, m_ui->timestampProblemLabel,
                          m_ui->propertiesProblemLabel, m_ui->generalProblemLabel, m_ui->sendProblemLabel}) {
        label->setStyleSheet(problemStyleSheet());
        label->setVisible(false);
    }

    m_properties->setProperties(current.properties);
    m_ui->propertiesTable->setModel(m_properties);
    m_ui->propertiesTable->setItemDelegateForColumn(PropertyTableModel::TypeColumn, new PropertyTypeDelegate(this));
    m_ui->propertiesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->propertiesTable->verticalHeader()->setVisible(false);
    m_ui->diffTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->diffTable->verticalHeader()->setVisible(false);

    m_reviewButton = m_ui->buttonBox->addButton(tr("Re&view changes…"), QDialogButtonBox::ActionRole);
    m_backButton = m_ui->buttonBox->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    m_sendButton = m_ui->buttonBox->addButton(tr("&Send amendment"), QDialogButtonBox::AcceptRole);
    m_reviewButton->setDefault(true);
    connect(m_reviewButton, &QPushButton::clicked, this, &AmendDialog::review);
    connect(m_backButton, &QPushButton::clicked, this, &AmendDialog::back);
    // Accepting goes through send(): the button box's accepted() would close without sending.
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (send())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AmendDialog::reject);
    connect(m_ui->addPropertyButton, &QPushButton::clicked, this, [this] {
        const int row = m_properties->addProperty();
        m_ui->propertiesTable->setCurrentIndex(m_properties->index(row, PropertyTableModel::KeyColumn));
        m_ui->propertiesTable->edit(m_ui->propertiesTable->currentIndex());
    });
    connect(m_ui->removePropertyButton, &QPushButton::clicked, this, [this] {
        const QModelIndex selected = m_ui->propertiesTable->currentIndex();
        if (selected.isValid())
            m_properties->removeRows(selected.row(), 1);
    });

    connect(m_ui->eventNameEdit, &QLineEdit::textChanged, this, &AmendDialog::validate);
    connect(m_properties, &QAbstractItemModel::dataChanged, this, &AmendDialog::validate);
    connect(m_properties, &QAbstractItemModel::rowsInserted, this, &AmendDialog::validate);
    connect(m_properties, &QAbstractItemModel::rowsRemoved, this, &AmendDialog::validate);
    connect(m_properties, &QAbstractItemModel::modelReset, this, &AmendDialog::validate);
    m_ui->pages->setCurrentWidget(m_ui->editPage);
    validate();
}

AmendDialog::~AmendDialog() = default;

Event AmendDialog::amended() const
{
    Event e = CorrectionChecks::withOneCustomerReference(m_current);
    e.eventName = m_ui->eventNameEdit->text();
    e.properties = m_properties->properties();
    return e;
}

QStringList AmendDialog::problems() const
{
    return m_problems;
}

bool AmendDialog::canReview() const
{
    return m_problems.isEmpty() && !sameContent(CorrectionChecks::withOneCustomerReference(m_current), amended());
}

bool AmendDialog::isReviewing() const
{
    return m_ui->pages->currentWidget() == m_ui->reviewPage;
}

void AmendDialog::showProblem(QLabel *label, const QStringList &problems)
{
    label->setText(problems.join(u'\n'));
    label->setVisible(!problems.isEmpty());
}

void AmendDialog::validate()
{
    const Event after = amended();
    QStringList name, customer, timestamp, general;
    m_problems.clear();
    if (m_current.deprecated)
        general << tr("This event is deprecated: deprecated events cannot be amended.");
    for (const QString &problem : checkAmendment(m_current, after, m_hub.now(), m_hub.limits())) {
        const auto [field, text] = splitProblem(problem);
        if (field == QLatin1StringView("event_name"))
            name << text;
        else if (field == QLatin1StringView("customer_id") || field == QLatin1StringView("external_customer_id"))
            customer << text;
        else if (field == QLatin1StringView("timestamp"))
            timestamp << text;
        else
            general << problem;
    }
    const QStringList properties = m_properties->problems();
    showProblem(m_ui->eventNameProblemLabel, name);
    showProblem(m_ui->customerProblemLabel, customer);
    showProblem(m_ui->timestampProblemLabel, timestamp);
    showProblem(m_ui->propertiesProblemLabel, properties);
    showProblem(m_ui->generalProblemLabel, general);
    m_problems << name << customer << timestamp << properties << general;

    const bool onEdit = !isReviewing();
    m_reviewButton->setVisible(onEdit);
    m_backButton->setVisible(!onEdit);
    m_sendButton->setVisible(!onEdit);
    m_reviewButton->setEnabled(canReview());
    m_reviewButton->setToolTip(m_problems.isEmpty() && !canReview() ? tr("Nothing is changed yet.") : QString());
}

void AmendDialog::fillDiff()
{
    m_diff = CorrectionChecks::diff(m_current, amended());
    QTableWidget *table = m_ui->diffTable;
    table->setRowCount(static_cast<int>(m_diff.size()));
    for (int row = 0; row < m_diff.size(); ++row) {
        const DiffLine &line = m_diff.at(row);
        const QStringList cells{line.field, line.before, line.after};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (const QColor colour = changeColour(line.change); colour.isValid()) {
                item->setBackground(colour);
                item->setForeground(QColor(Qt::black));
            }
            table->setItem(row, column, item);
        }
    }
}

void AmendDialog::review()
{
    validate();
    if (!canReview())
        return;
    fillDiff();
    m_ui->sendProblemLabel->setVisible(false);
    m_ui->pages->setCurrentWidget(m_ui->reviewPage);
    validate();
    m_sendButton->setDefault(true);
    m_ui->reasonEdit->setFocus();
}

void AmendDialog::back()
{
    m_ui->pages->setCurrentWidget(m_ui->editPage);
    validate();
    m_reviewButton->setDefault(true);
}

bool AmendDialog::send()
{
    if (!isReviewing() || !canReview())
        return false;
    if (!m_hub.isReady()) {
        showProblem(m_ui->sendProblemLabel, {CorrectionChecks::notConnectedText()});
        return false;
    }
    if (!confirmProductionWrite(this, m_hub.profile(), tr("Amending event %1").arg(m_current.id)))
        return false;
    auto group = m_hub.amend({AmendItem{m_current, amended()}}, m_ui->reasonEdit->text().trimmed());
    if (!group) {
        showProblem(m_ui->sendProblemLabel, {group.error()});
        return false;
    }
    m_groupId = group->groupId;
    Q_EMIT queued(m_groupId);
    return true;
}

} // namespace ul::gui
