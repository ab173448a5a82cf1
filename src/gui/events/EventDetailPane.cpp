#include "events/EventDetailPane.h"

#include "TimeDisplay.h"

#include "events/EventExport.h"
#include "events/EventTableModel.h"

#include "ui_EventDetailPane.h"

#include <QtCore/QSettings>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QHeaderView>

namespace ul::gui {

namespace {

namespace SettingsKey {
constexpr QLatin1StringView DetailSplitter("EventsView/detailSplitter");
constexpr QLatin1StringView HistorySplitter("EventsView/historySplitter");
} // namespace SettingsKey

QString typeName(const PropertyValue &value)
{
    struct Visitor {
        QString operator()(const QString &) const { return EventDetailPane::tr("text"); }
        QString operator()(qint64) const { return EventDetailPane::tr("integer"); }
        QString operator()(double) const { return EventDetailPane::tr("number"); }
        QString operator()(bool) const { return EventDetailPane::tr("boolean"); }
    };
    return std::visit(Visitor{}, value);
}

QString changeName(const QString &change)
{
    if (change == QLatin1StringView("ingested"))
        return EventDetailPane::tr("ingested");
    if (change == QLatin1StringView("amended"))
        return EventDetailPane::tr("amended");
    if (change == QLatin1StringView("deprecated"))
        return EventDetailPane::tr("deprecated");
    return change;
}

QTableWidgetItem *item(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setToolTip(text);
    return cell;
}

} // namespace

EventDetailPane::EventDetailPane(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::EventDetailPane>())
{
    m_ui->setupUi(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->jsonEdit->setFont(mono);
    m_ui->historyJsonEdit->setFont(mono);
    m_ui->idValueLabel->setFont(mono);
    m_ui->emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->historyStatusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->propertiesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->propertiesTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->propertiesTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->historyTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_ui->detailSplitter->setStretchFactor(0, 1);
    m_ui->detailSplitter->setStretchFactor(1, 1);
    const QSettings settings;
    m_ui->detailSplitter->restoreState(settings.value(SettingsKey::DetailSplitter).toByteArray());
    m_ui->historySplitter->restoreState(settings.value(SettingsKey::HistorySplitter).toByteArray());
    for (QSplitter *splitter : {m_ui->detailSplitter, m_ui->historySplitter}) {
        connect(splitter, &QSplitter::splitterMoved, this, [this] {
            QSettings changed;
            changed.setValue(SettingsKey::DetailSplitter, m_ui->detailSplitter->saveState());
            changed.setValue(SettingsKey::HistorySplitter, m_ui->historySplitter->saveState());
        });
    }
    m_ui->historySplitter->setStretchFactor(0, 2);
    m_ui->historySplitter->setStretchFactor(1, 3);
    connect(m_ui->historyTable, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { showRevision(row); });
    clear();
}

EventDetailPane::~EventDetailPane()
{
    m_historyCall.cancel();
}

void EventDetailPane::setClient(OrbClient *client)
{
    if (m_client == client)
        return;
    m_historyCall.cancel();
    ++m_historyGeneration;
    m_client = client;
    if (m_event)
        fetchHistory();
}

void EventDetailPane::clear()
{
    m_historyCall.cancel();
    ++m_historyGeneration;
    m_event.reset();
    m_history.clear();
    m_ui->detailStack->setCurrentWidget(m_ui->emptyPage);
    m_ui->propertiesTable->setRowCount(0);
    m_ui->historyTable->setRowCount(0);
    m_ui->jsonEdit->clear();
    m_ui->historyJsonEdit->clear();
    setHistoryState(HistoryState::None, {});
}

void EventDetailPane::setEvent(const Event &event)
{
    const bool sameEvent = m_event && *m_event == event;
    m_event = event;
    m_ui->detailStack->setCurrentWidget(m_ui->eventPage);
    showFields(event);
    showProperties(event.properties);
    m_ui->jsonEdit->setPlainText(QString::fromUtf8(prettyJson(eventToJson(event))));
    if (!sameEvent || m_historyState == HistoryState::Failed || m_historyState == HistoryState::None)
        fetchHistory();
}

void EventDetailPane::showFields(const Event &event)
{
    const QString none = tr("—");
    m_ui->idValueLabel->setText(event.id);
    m_ui->eventNameValueLabel->setText(event.eventName);
    m_ui->customerIdValueLabel->setText(event.customerId.value_or(none));
    m_ui->externalCustomerIdValueLabel->setText(event.externalCustomerId.value_or(none));
    m_ui->timestampValueLabel->setText(tr("%1 %2").arg(EventTableModel::displayTimestamp(event.timestamp), TimeDisplay::zoneLabel()));
    m_ui->timestampValueLabel->setToolTip(event.timestamp.toIso8601());
    m_ui->statusValueLabel->setText(event.deprecated ? tr("Deprecated: no longer counts towards usage or invoices")
                                                     : tr("Active"));
    QFont statusFont = font();
    statusFont.setItalic(event.deprecated);
    m_ui->statusValueLabel->setFont(statusFont);
}

void EventDetailPane::showProperties(const Properties &properties)
{
    QTableWidget *table = m_ui->propertiesTable;
    table->setSortingEnabled(false);
    table->setRowCount(int(properties.size()));
    int row = 0;
    for (const Properties::Entry &entry : properties.entries()) {
        table->setItem(row, 0, item(entry.first));
        QTableWidgetItem *value = item(propertyValueToString(entry.second));
        if (std::holds_alternative<qint64>(entry.second) || std::holds_alternative<double>(entry.second))
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, 1, value);
        table->setItem(row, 2, item(typeName(entry.second)));
        ++row;
    }
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(1);
}

void EventDetailPane::fetchHistory()
{
    m_historyCall.cancel();
    const quint64 generation = ++m_historyGeneration;
    m_history.clear();
    m_ui->historyTable->setRowCount(0);
    m_ui->historyJsonEdit->clear();
    if (!m_event || !m_client) {
        setHistoryState(HistoryState::None, tr("Not connected to a server."));
        return;
    }
    setHistoryState(HistoryState::Loading, tr("Loading the history…"));
    m_historyCall = m_client->eventHistory(m_event->id, this,
        [this, generation](Expected<QList<EventRevision>, RequestError> result) {
            if (generation != m_historyGeneration)
                return;
            if (result) {
                showHistory(*result);
                return;
            }
            const RequestError &error = result.error();
            if (error.kind == RequestError::Kind::Cancelled)
                return;
            if (error.kind == RequestError::Kind::Http && error.httpStatus() == 404)
                setHistoryState(HistoryState::Unavailable, tr("History is not available on this server."));
            else
                setHistoryState(HistoryState::Failed, tr("The history could not be loaded: %1").arg(error.humanMessage()));
        });
}

void EventDetailPane::showHistory(const QList<EventRevision> &revisions)
{
    m_history = revisions;
    QTableWidget *table = m_ui->historyTable;
    table->setRowCount(int(revisions.size()));
    for (int row = 0; row < int(revisions.size()); ++row) {
        const EventRevision &revision = revisions[row];
        QTableWidgetItem *version = item(QString::number(revision.version));
        version->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, 0, version);
        table->setItem(row, 1, item(changeName(revision.change)));
        table->setItem(row, 2, item(EventTableModel::displayTimestamp(revision.recordedAt)));
    }
    table->resizeColumnsToContents();
    setHistoryState(HistoryState::Loaded, revisions.size() == 1 ? tr("1 version: never amended.")
                                                                : tr("%n versions; select one to see it.", nullptr,
                                                                     int(revisions.size())));
    if (!revisions.isEmpty())
        table->setCurrentCell(int(revisions.size()) - 1, 0);
}

void EventDetailPane::showRevision(int row)
{
    if (row < 0 || row >= m_history.size()) {
        m_ui->historyJsonEdit->clear();
        return;
    }
    m_ui->historyJsonEdit->setPlainText(QString::fromUtf8(prettyJson(eventToJson(m_history[row].event))));
}

void EventDetailPane::setHistoryState(HistoryState state, const QString &message)
{
    m_ui->historyStatusLabel->setText(message);
    m_ui->historyStatusLabel->setVisible(!message.isEmpty());
    const bool changed = state != m_historyState;
    m_historyState = state;
    if (changed)
        Q_EMIT historyStateChanged(state);
}

QString EventDetailPane::historyMessage() const
{
    return m_ui->historyStatusLabel->text();
}

void EventDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const QString historyMessage = m_ui->historyStatusLabel->text();
        m_ui->retranslateUi(this);
        m_ui->historyStatusLabel->setText(historyMessage);
        if (m_event) {
            showFields(*m_event);
            showProperties(m_event->properties);
        }
        if (m_historyState == HistoryState::Loaded) {
            const int current = m_ui->historyTable->currentRow();
            showHistory(m_history);
            m_ui->historyTable->setCurrentCell(current, 0);
        }
    }
    QWidget::changeEvent(event);
}

void EventDetailPane::focusDetails()
{
    if (m_event)
        m_ui->propertiesTable->setFocus(Qt::OtherFocusReason);
    else
        setFocus(Qt::OtherFocusReason);
}

} // namespace ul::gui
