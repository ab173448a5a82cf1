#include "workspace/WorkspaceView.h"

#include "workspace/WorkspaceModel.h"
#include "workspace/WorkspaceService.h"

#include <QtCore/QDateTime>
#include <QtCore/QEvent>
#include <QtCore/QLocale>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace ul::gui {

namespace {

constexpr int ApplyDelayMs = 250;

QString errorColor()
{
    return QStringLiteral("#c0392b");
}

/// The expression with the offending part marked, as rich text.
QString markedExcerpt(const QString &text, const filter::ParseError &error)
{
    const qsizetype position = std::clamp<qsizetype>(error.position, 0, text.size());
    const qsizetype length = std::min(error.length, text.size() - position);
    const QString before = text.left(position).toHtmlEscaped();
    const QString marked = length > 0 ? text.mid(position, length).toHtmlEscaped() : QStringLiteral("&nbsp;");
    const QString after = text.mid(position + std::max<qsizetype>(length, 0)).toHtmlEscaped();
    return QStringLiteral("<code>%1<span style=\"background-color:#f5b7b1;color:%4;text-decoration:underline\">%2</span>%3</code>")
        .arg(before, marked, after, errorColor());
}

} // namespace

WorkspaceView::WorkspaceView(workspace::WorkspaceService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new WorkspaceModel(service, this))
{
    buildUi();
    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(ApplyDelayMs);
    connect(&m_applyTimer, &QTimer::timeout, this, &WorkspaceView::applyFilters);

    connect(m_model, &WorkspaceModel::busyChanged, this, &WorkspaceView::updateStatus);
    connect(m_model, &WorkspaceModel::queryFinished, this, &WorkspaceView::updateStatus);
    connect(m_model, &WorkspaceModel::queryFailed, this, &WorkspaceView::updateStatus);
    connect(m_model, &WorkspaceModel::rowsLoaded, this, &WorkspaceView::emitCurrentEvent);
    connect(m_service, &workspace::WorkspaceService::opened, m_model, &WorkspaceModel::refresh);

    // The first query: sorted by time, as the header shows.
    m_table->horizontalHeader()->setSortIndicator(WorkspaceModel::TimestampColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    retranslate();
}

WorkspaceView::~WorkspaceView() = default;

void WorkspaceView::buildUi()
{
    m_customerEdit = new QLineEdit(this);
    m_customerEdit->setObjectName(QStringLiteral("customerEdit"));
    m_customerEdit->setClearButtonEnabled(true);

    m_eventNameEdit = new QLineEdit(this);
    m_eventNameEdit->setObjectName(QStringLiteral("eventNameEdit"));
    m_eventNameEdit->setClearButtonEnabled(true);

    const QDateTime today = QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
    auto makeTimeEdit = [this](const QString &name, const QDateTime &initial) {
        auto *edit = new QDateTimeEdit(this);
        edit->setObjectName(name);
        edit->setTimeSpec(Qt::UTC);
        edit->setDateTime(initial);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        return edit;
    };
    m_fromCheck = new QCheckBox(this);
    m_fromCheck->setObjectName(QStringLiteral("fromCheck"));
    m_fromEdit = makeTimeEdit(QStringLiteral("fromEdit"), today.addDays(-30));
    m_toCheck = new QCheckBox(this);
    m_toCheck->setObjectName(QStringLiteral("toCheck"));
    m_toEdit = makeTimeEdit(QStringLiteral("toEdit"), today.addDays(1));

    m_clearButton = new QPushButton(this);
    m_clearButton->setObjectName(QStringLiteral("clearFiltersButton"));

    m_expressionEdit = new QLineEdit(this);
    m_expressionEdit->setObjectName(QStringLiteral("propertyFilterEdit"));
    m_expressionEdit->setClearButtonEnabled(true);

    m_expressionError = new QLabel(this);
    m_expressionError->setObjectName(QStringLiteral("propertyFilterError"));
    m_expressionError->setStyleSheet(QStringLiteral("color: %1;").arg(errorColor()));
    m_expressionError->setVisible(false);
    m_expressionExcerpt = new QLabel(this);
    m_expressionExcerpt->setObjectName(QStringLiteral("propertyFilterExcerpt"));
    m_expressionExcerpt->setTextFormat(Qt::RichText);
    m_expressionExcerpt->setVisible(false);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("workspaceTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("workspaceStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filters = new QGridLayout;
    auto *customerLabel = m_customerLabel = new QLabel(this);
    customerLabel->setBuddy(m_customerEdit);
    auto *nameLabel = m_eventNameLabel = new QLabel(this);
    nameLabel->setBuddy(m_eventNameEdit);
    auto *expressionLabel = m_expressionLabel = new QLabel(this);
    expressionLabel->setBuddy(m_expressionEdit);
    filters->addWidget(customerLabel, 0, 0);
    filters->addWidget(m_customerEdit, 0, 1);
    filters->addWidget(nameLabel, 0, 2);
    filters->addWidget(m_eventNameEdit, 0, 3);
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_fromCheck);
    timeRow->addWidget(m_fromEdit);
    timeRow->addWidget(m_toCheck);
    timeRow->addWidget(m_toEdit);
    timeRow->addStretch();
    timeRow->addWidget(m_clearButton);
    filters->addLayout(timeRow, 0, 4);
    filters->addWidget(expressionLabel, 1, 0);
    filters->addWidget(m_expressionEdit, 1, 1, 1, 4);
    filters->addWidget(m_expressionExcerpt, 2, 1, 1, 4);
    filters->addWidget(m_expressionError, 3, 1, 1, 4);
    filters->setColumnStretch(1, 1);
    filters->setColumnStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_customerEdit, &QLineEdit::textChanged, this, &WorkspaceView::onFiltersEdited);
    connect(m_eventNameEdit, &QLineEdit::textChanged, this, &WorkspaceView::onFiltersEdited);
    connect(m_expressionEdit, &QLineEdit::textChanged, this, &WorkspaceView::checkExpression);
    connect(m_expressionEdit, &QLineEdit::textChanged, this, &WorkspaceView::onFiltersEdited);
    for (QLineEdit *edit : {m_customerEdit, m_eventNameEdit, m_expressionEdit})
        connect(edit, &QLineEdit::returnPressed, this, &WorkspaceView::applyFilters);
    connect(m_fromCheck, &QCheckBox::toggled, m_fromEdit, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_toEdit, &QWidget::setEnabled);
    connect(m_fromCheck, &QCheckBox::toggled, this, &WorkspaceView::onFiltersEdited);
    connect(m_toCheck, &QCheckBox::toggled, this, &WorkspaceView::onFiltersEdited);
    connect(m_fromEdit, &QDateTimeEdit::dateTimeChanged, this, &WorkspaceView::onFiltersEdited);
    connect(m_toEdit, &QDateTimeEdit::dateTimeChanged, this, &WorkspaceView::onFiltersEdited);
    connect(m_clearButton, &QPushButton::clicked, this, &WorkspaceView::clearFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WorkspaceView::emitCurrentEvent);
    // A refresh (the workspace changed under the same query) keeps the analyst's place.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_scrollBeforeReset = m_table->verticalScrollBar()->value(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_emittedSeq = -1;
        if (m_model->isRefreshed()) {
            // After the table has laid out the new row count (a delayed layout).
            QTimer::singleShot(0, this, [this, value = m_scrollBeforeReset] { m_table->verticalScrollBar()->setValue(value); });
        } else {
            m_table->scrollToTop(); // a new filter or sort starts at its first row
        }
    });
}

Expected<workspace::WorkspaceQuery, filter::ParseError> WorkspaceView::currentQuery() const
{
    workspace::WorkspaceQuery query;
    query.customer = m_customerEdit->text().trimmed();
    query.eventName = m_eventNameEdit->text().trimmed();
    if (m_fromCheck->isChecked())
        query.from = Timestamp::fromDateTime(m_fromEdit->dateTime());
    if (m_toCheck->isChecked())
        query.to = Timestamp::fromDateTime(m_toEdit->dateTime());
    const QString expression = m_expressionEdit->text();
    if (!expression.trimmed().isEmpty()) {
        auto parsed = filter::Expression::parse(expression);
        if (!parsed)
            return Unexpected{parsed.error()};
        query.properties = std::move(parsed).value();
    }
    return query;
}

void WorkspaceView::onFiltersEdited()
{
    m_applyTimer.start();
}

void WorkspaceView::applyFilters()
{
    m_applyTimer.stop();
    auto query = currentQuery();
    if (!query)
        return; // the syntax error is on show; the table keeps the last valid filter
    m_model->setQuery(*query);
}

void WorkspaceView::clearFilters()
{
    const QSignalBlocker blockCustomer(m_customerEdit);
    const QSignalBlocker blockName(m_eventNameEdit);
    const QSignalBlocker blockFrom(m_fromCheck);
    const QSignalBlocker blockTo(m_toCheck);
    const QSignalBlocker blockExpression(m_expressionEdit);
    m_customerEdit->clear();
    m_eventNameEdit->clear();
    m_fromCheck->setChecked(false);
    m_fromEdit->setEnabled(false);
    m_toCheck->setChecked(false);
    m_toEdit->setEnabled(false);
    m_expressionEdit->clear();
    checkExpression();
    applyFilters();
}

void WorkspaceView::retranslate()
{
    m_customerLabel->setText(tr("&Customer"));
    m_customerEdit->setPlaceholderText(tr("customer id or external id"));
    m_eventNameLabel->setText(tr("Event &name"));
    m_eventNameEdit->setPlaceholderText(tr("event name"));
    m_fromCheck->setText(tr("From (UTC)"));
    m_toCheck->setText(tr("to, not including"));
    m_clearButton->setText(tr("Clear filters"));
    m_expressionLabel->setText(tr("&Properties"));
    m_expressionEdit->setPlaceholderText(tr("property filter, e.g. region = 'eu' AND ms > 100"));
    m_expressionHelp = tr("Compare properties with =, !=, <, <=, >, >= and combine with AND, OR, NOT and "
                          "parentheses. Text in single quotes ('eu') or as a bare word (eu); numbers; "
                          "true and false. A comparison is false when the event lacks the property or it "
                          "has another type.");
    checkExpression(); // the tool tip: the help, or the syntax error in the new language
    updateStatus();
}

void WorkspaceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_status)
        retranslate();
    QWidget::changeEvent(event);
}

void WorkspaceView::focusFilter()
{
    m_expressionEdit->setFocus(Qt::ShortcutFocusReason);
    m_expressionEdit->selectAll();
}

void WorkspaceView::checkExpression()
{
    const QString text = m_expressionEdit->text();
    std::optional<filter::ParseError> error;
    if (!text.trimmed().isEmpty()) {
        if (auto parsed = filter::Expression::parse(text); !parsed)
            error = parsed.error();
    }
    if (!error) {
        m_expressionEdit->setStyleSheet({});
        m_expressionEdit->setToolTip(m_expressionHelp);
        m_expressionError->clear();
        m_expressionError->setVisible(false);
        m_expressionExcerpt->clear();
        m_expressionExcerpt->setVisible(false);
        return;
    }
    const QString message = tr("Column %1: %2").arg(QString::number(error->column()), error->message);
    m_expressionEdit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid %1; }").arg(errorColor()));
    m_expressionEdit->setToolTip(message);
    m_expressionError->setText(message);
    m_expressionError->setVisible(true);
    m_expressionExcerpt->setText(markedExcerpt(text, *error));
    m_expressionExcerpt->setVisible(true);
}

void WorkspaceView::updateStatus()
{
    const QLocale locale;
    if (!m_model->lastError().isEmpty() && !m_model->isBusy()) {
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(errorColor()));
        m_status->setText(tr("Local workspace: %1").arg(m_model->lastError()));
        return;
    }
    m_status->setStyleSheet({});
    if (m_model->isBusy()) {
        m_status->setText(tr("Local workspace: querying…"));
        return;
    }
    m_status->setText(tr("Local workspace: %1 of %2 events match · %3 ms")
                          .arg(locale.toString(m_model->matchingEvents()), locale.toString(m_model->totalEvents()),
                               locale.toString(m_model->lastQueryMs(), 'f', 0)));
}

void WorkspaceView::emitCurrentEvent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const auto row = m_model->rowAt(current.row());
    if (!row) {
        m_model->loadRows(current.row(), current.row());
        return;
    }
    if (row->seq == m_emittedSeq)
        return;
    m_emittedSeq = row->seq;
    Q_EMIT currentEventChanged(row->event);
}

} // namespace ul::gui
