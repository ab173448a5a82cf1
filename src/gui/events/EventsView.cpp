#include "events/EventsView.h"

#include "api/OrbClient.h"
#include "events/EventDetailPane.h"
#include "events/EventFilterProxyModel.h"
#include "events/EventTableModel.h"
#include "events/HeaderStateKeeper.h"
#include "events/IdsEdit.h"
#include "events/IdsFile.h"

#include "ui_EventsView.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QFutureWatcher>
#include <QtCore/QLocale>
#include <QtCore/QMimeData>
#include <QtCore/QScopedValueRollback>
#include <QtCore/QSet>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtGui/QClipboard>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QStyle>

using namespace std::chrono_literals;

namespace ul::gui {

namespace {

namespace SettingsKey {
constexpr QLatin1StringView Group("EventsView");
constexpr QLatin1StringView MainSplitter("EventsView/mainSplitter");
constexpr QLatin1StringView LookupSplitter("EventsView/lookupSplitter");
constexpr QLatin1StringView ExportDirectory("EventsView/exportDirectory");
} // namespace SettingsKey

/// Text longer than this is split into ids on the thread pool.
constexpr qsizetype AsyncParseChars = 256 * 1024;
constexpr int SearchesAtOnce = 4;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

struct LoadedIds {
    QStringList ids;
    QStringList errors;
};

LoadedIds loadIds(const QStringList &paths, qint64 maxBytes)
{
    LoadedIds loaded;
    QSet<QString> seen;
    for (const QString &path : paths) {
        auto ids = readIdsFile(path, maxBytes);
        if (!ids) {
            loaded.errors.append(ids.error());
            continue;
        }
        for (QString &id : *ids) {
            if (!seen.contains(id)) {
                seen.insert(id);
                loaded.ids.append(std::move(id));
            }
        }
    }
    return loaded;
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return EventsView::tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return EventsView::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return EventsView::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

} // namespace

EventsView::EventsView(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::EventsView>()), m_model(new EventTableModel(this)),
      m_proxy(new EventFilterProxyModel(this)), m_countTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_model);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->idsEdit->setFont(mono);
    m_ui->notFoundEdit->setFont(mono);
    QFont title = m_ui->eventsEmptyTitleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.5);
    title.setBold(true);
    m_ui->eventsEmptyTitleLabel->setFont(title);
    for (QLabel *hint : {m_ui->eventsEmptyTextLabel, m_ui->timeframeHintLabel, m_ui->connectionHintLabel,
                         m_ui->progressLabel})
        hint->setForegroundRole(QPalette::PlaceholderText);
    m_ui->messageCloseButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_ui->notFoundEdit->setPreferredLines(3);
    m_ui->messageFrame->hide();
    m_ui->notFoundPanel->hide();
    m_ui->progressBar->hide();
    m_ui->progressLabel->hide();
    m_ui->lookupSplitter->setStretchFactor(0, 0);
    m_ui->lookupSplitter->setStretchFactor(1, 1);
    m_ui->mainSplitter->setStretchFactor(0, 3);
    m_ui->mainSplitter->setStretchFactor(1, 2);

    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(150ms);
    connect(m_countTimer, &QTimer::timeout, this, [this] { parseIds(false); });
    connect(m_ui->idsEdit, &QPlainTextEdit::textChanged, this, &EventsView::onIdsTextChanged);
    connect(m_ui->idsEdit, &IdsEdit::runRequested, this, &EventsView::run);
    connect(m_ui->idsEdit, &IdsEdit::filesDropped, this, &EventsView::loadIdsFiles);
    connect(m_ui->runButton, &QPushButton::clicked, this, &EventsView::run);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &EventsView::cancel);
    connect(m_ui->copyNotFoundButton, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_notFound.join(QChar(u'\n')));
    });
    connect(m_ui->messageCloseButton, &QToolButton::clicked, this, &EventsView::hideMessage);
    connect(m_ui->messageActionButton, &QPushButton::clicked, this, [this] {
        if (auto action = m_messageAction)
            action();
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setQuickFilter);
    connect(m_ui->filterEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() == 0)
            return;
        if (!m_ui->resultsTable->currentIndex().isValid())
            moveCurrent(1);
        m_ui->resultsTable->setFocus(Qt::ShortcutFocusReason);
    });
    connect(m_ui->previousResultButton, &QToolButton::clicked, this, &EventsView::selectPreviousResult);
    connect(m_ui->nextResultButton, &QToolButton::clicked, this, &EventsView::selectNextResult);

    setUpActions();
    setUpTable();
    setUpTimeframe();
    restoreLayout();
    connect(m_ui->mainSplitter, &QSplitter::splitterMoved, this, &EventsView::saveLayout);
    connect(m_ui->lookupSplitter, &QSplitter::splitterMoved, this, &EventsView::saveLayout);
    setTabOrder(m_ui->resultsTable, m_ui->detailPane);

    onIdsTextChanged();
    parseIds(false);
    updateResultCount();
    updateResultsPage();
    updateRunState();
}

QTableView *EventsView::resultsTable() const
{
    return m_ui->resultsTable;
}

EventsView::~EventsView()
{
    if (m_lookup) {
        disconnect(m_lookup, nullptr, this, nullptr);
        m_lookup->cancel();
    }
}

void EventsView::setUpTable()
{
    QTableView *table = m_ui->resultsTable;
    table->setModel(m_proxy);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the order the ids were given, until a header is clicked
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setTextElideMode(Qt::ElideRight);
    table->setSortingEnabled(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    connect(header, &QHeaderView::customContextMenuRequested, this, &EventsView::showColumnsMenu);

    m_columns = new HeaderStateKeeper(header, SettingsKey::Group, this);
    m_columns->setAlwaysVisible({QStringLiteral("id")});
    // Wide enough for what the columns usually hold: a UUID, a full timestamp, the tag.
    const QFontMetrics metrics = table->fontMetrics();
    const int em = metrics.horizontalAdvance(QChar(u'M'));
    const int padding = 2 * em;
    auto fits = [&](QStringView sample) { return metrics.horizontalAdvance(sample.toString()) + padding; };
    const int deprecatedWidth = std::max(fits(tr("deprecated")), header->fontMetrics().horizontalAdvance(
                                                                     m_model->headerData(EventTableModel::DeprecatedColumn, Qt::Horizontal).toString()) + padding);
    m_columns->setDefaultWidths({{QStringLiteral("id"), fits(u"0f8fad5b-d9cb-469f-a165-70867728950e")},
                                 {QStringLiteral("event_name"), 14 * em},
                                 {QStringLiteral("customer_id"), 13 * em},
                                 {QStringLiteral("external_customer_id"), 14 * em},
                                 {QStringLiteral("timestamp"), fits(u"2026-11-23 10:15:00.000")},
                                 {QStringLiteral("deprecated"), deprecatedWidth}},
                                9 * em);

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventsView::showCurrentDetails);
    connect(table, &QTableView::doubleClicked, this, &EventsView::openDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        const QModelIndex current = m_proxy->mapToSource(m_ui->resultsTable->currentIndex());
        if (current.isValid() && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
            showCurrentDetails();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, [this] {
            updateResultCount();
            updateResultsPage();
        });
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        updateResultCount();
        updateResultsPage();
    });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventsView::updateResultCount);
}

void EventsView::setUpTimeframe()
{
    QComboBox *combo = m_ui->timeframeComboBox;
    combo->addItem(tr("Last 7 days (Orb's default)"), QVariant::fromValue(Timeframe::LastWeek));
    combo->addItem(tr("Last 24 hours"), QVariant::fromValue(Timeframe::LastDay));
    combo->addItem(tr("Last 30 days"), QVariant::fromValue(Timeframe::LastMonth));
    combo->addItem(tr("All time"), QVariant::fromValue(Timeframe::AllTime));
    combo->addItem(tr("Custom range"), QVariant::fromValue(Timeframe::Custom));
    for (QDateTimeEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        edit->setTimeSpec(Qt::UTC);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &EventsView::onTimeframeEdited);
    }
    connect(combo, &QComboBox::currentIndexChanged, this, &EventsView::updateTimeframeEdits);
    updateTimeframeEdits();
}

void EventsView::setUpActions()
{
    auto makeAction = [this](const QString &text, const QList<QKeySequence> &keys, Qt::ShortcutContext context,
                             QWidget *owner) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(context);
        owner->addAction(action);
        return action;
    };
    const Qt::ShortcutContext inView = Qt::WidgetWithChildrenShortcut;
    QTableView *table = m_ui->resultsTable;

    m_runAction = makeAction(tr("Run lookup"), {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                             inView, this);
    connect(m_runAction, &QAction::triggered, this, &EventsView::run);
    m_cancelAction = makeAction(tr("Cancel lookup"), {QKeySequence(Qt::Key_Escape)}, inView, this);
    connect(m_cancelAction, &QAction::triggered, this, &EventsView::cancel);

    QAction *focusFilter = m_focusFilterAction = makeAction(tr("Filter results"), QKeySequence::keyBindings(QKeySequence::Find), inView, this);
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterEdit->selectAll();
    });
    QAction *focusIds = m_focusIdsAction = makeAction(tr("Edit ids"), {QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
                                   inView, this);
    connect(focusIds, &QAction::triggered, this, [this] {
        m_ui->sourceTabWidget->setCurrentWidget(m_ui->serverLookupTab);
        m_ui->idsEdit->setFocus(Qt::ShortcutFocusReason);
    });

    QList<QKeySequence> nextKeys = QKeySequence::keyBindings(QKeySequence::FindNext);
    nextKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Down));
    QList<QKeySequence> previousKeys = QKeySequence::keyBindings(QKeySequence::FindPrevious);
    previousKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Up));
    QAction *next = m_nextAction = makeAction(tr("Next result"), nextKeys, inView, this);
    connect(next, &QAction::triggered, this, &EventsView::selectNextResult);
    QAction *previous = m_previousAction = makeAction(tr("Previous result"), previousKeys, inView, this);
    connect(previous, &QAction::triggered, this, &EventsView::selectPreviousResult);

    // The table's context menu lists these, with their shortcuts.
    m_openDetailsAction = makeAction(tr("Show details"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                                     Qt::WidgetShortcut, table);
    connect(m_openDetailsAction, &QAction::triggered, this, &EventsView::openDetails);
    m_copyIdsAction = makeAction(tr("Copy ids"), QKeySequence::keyBindings(QKeySequence::Copy), Qt::WidgetShortcut, table);
    connect(m_copyIdsAction, &QAction::triggered, this, &EventsView::copySelectedIds);
    m_copyJsonAction = makeAction(tr("Copy rows as JSON"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}, inView, table);
    connect(m_copyJsonAction, &QAction::triggered, this, &EventsView::copySelectedRowsAsJson);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    table->addAction(separator);
    m_exportAction = makeAction(tr("Export results…"), {QKeySequence(Qt::CTRL | Qt::Key_E)}, inView, table);
    connect(m_exportAction, &QAction::triggered, this, &EventsView::exportResultsInteractively);
    // Ctrl+Shift+C and Ctrl+E work anywhere in the view, not only in the table.
    addAction(m_copyJsonAction);
    addAction(m_exportAction);

    connect(m_ui->copyIdsButton, &QToolButton::clicked, this, &EventsView::copySelectedIds);
    connect(m_ui->copyJsonButton, &QToolButton::clicked, this, &EventsView::copySelectedRowsAsJson);
    connect(m_ui->exportButton, &QToolButton::clicked, this, &EventsView::exportResultsInteractively);
}

void EventsView::restoreLayout()
{
    const QSettings settings;
    if (!m_ui->mainSplitter->restoreState(settings.value(SettingsKey::MainSplitter).toByteArray()))
        m_ui->mainSplitter->setSizes({500, 260});
    if (!m_ui->lookupSplitter->restoreState(settings.value(SettingsKey::LookupSplitter).toByteArray()))
        m_ui->lookupSplitter->setSizes({320, 880});
}

void EventsView::saveLayout() const
{
    QSettings settings;
    settings.setValue(SettingsKey::MainSplitter, m_ui->mainSplitter->saveState());
    settings.setValue(SettingsKey::LookupSplitter, m_ui->lookupSplitter->saveState());
}

void EventsView::setClient(OrbClient *client)
{
    if (client && m_client == client && m_lookup)
        return;
    disconnect(m_clientGone);
    if (m_lookup) {
        if (m_lookup->isRunning())
            m_lookup->cancel();
        delete m_lookup;
        m_lookup = nullptr;
    }
    m_client = client;
    if (client) {
        m_lookup = new EventLookup(client, this);
        m_lookup->setConcurrency(SearchesAtOnce);
        m_lookup->setBatchSize(m_idsPerSearch);
        connect(m_lookup, &EventLookup::progress, this, &EventsView::onProgress);
        connect(m_lookup, &EventLookup::eventsArrived, this, &EventsView::onEventsArrived);
        connect(m_lookup, &EventLookup::finished, this, &EventsView::onLookupFinished);
        // A client that goes away takes the lookup's pointer with it.
        m_clientGone = connect(client, &QObject::destroyed, this, [this] { setClient(nullptr); });
    }
    m_ui->detailPane->setClient(client);
    updateRunState();
}

void EventsView::setIdsPerSearch(int ids)
{
    m_idsPerSearch = qBound(1, ids, int(EventLookup::MaxIdsPerSearch));
    if (m_lookup)
        m_lookup->setBatchSize(m_idsPerSearch);
}

QTabWidget *EventsView::sourceTabWidget() const
{
    return m_ui->sourceTabWidget;
}

EventDetailPane *EventsView::detailPane() const
{
    return m_ui->detailPane;
}

void EventsView::showEventDetails(const Event &event)
{
    m_ui->detailPane->setEvent(event);
    QList<int> sizes = m_ui->mainSplitter->sizes();
    if (sizes.size() == 2 && sizes[1] == 0) {
        sizes[1] = std::max(200, height() / 3);
        m_ui->mainSplitter->setSizes(sizes);
    }
}

// ids ------------------------------------------------------------------------------------------

void EventsView::setIdsText(const QString &text)
{
    // Through a cursor rather than setPlainText(), so Ctrl+Z brings the previous ids back.
    QTextCursor cursor(m_ui->idsEdit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

QString EventsView::idsText() const
{
    return m_ui->idsEdit->toPlainText();
}

void EventsView::onIdsTextChanged()
{
    ++m_textRevision;
    m_countTimer->start();
}

void EventsView::parseIds(bool thenRun)
{
    if (thenRun)
        m_runWhenParsed = true;
    if (m_parsedRevision == m_textRevision) {
        onIdsParsed(m_parsedRevision, m_parsedIds);
        return;
    }
    if (m_parsing)
        return; // the parse under way checks the revision when it is done
    m_countTimer->stop();
    const QString text = idsText();
    const quint64 revision = m_textRevision;
    if (text.size() < AsyncParseChars) {
        onIdsParsed(revision, EventLookup::parseIds(text));
        return;
    }
    m_parsing = true;
    m_ui->idsCountLabel->setText(tr("Counting ids…"));
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, revision] {
        m_parsing = false;
        const QStringList ids = watcher->result();
        watcher->deleteLater();
        onIdsParsed(revision, ids);
    });
    watcher->setFuture(QtConcurrent::run([text] { return EventLookup::parseIds(text); }));
}

void EventsView::onIdsParsed(quint64 revision, const QStringList &ids)
{
    if (revision != m_textRevision) {
        // The text changed meanwhile: count (and run) what the box holds now.
        if (m_runWhenParsed)
            parseIds(true);
        else
            m_countTimer->start();
        return;
    }
    m_parsedRevision = revision;
    m_parsedIds = ids;
    m_ui->idsCountLabel->setText(tr("%Ln ids", nullptr, int(ids.size())));
    if (!m_runWhenParsed)
        return;
    m_runWhenParsed = false;
    if (ids.isEmpty()) {
        showMessage(MessageKind::Info, tr("Paste or type at least one event id, then run the lookup."));
        m_ui->idsEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    startLookup(ids, RunMode::Replace);
}

void EventsView::loadIdsFiles(const QList<QUrl> &files)
{
    QStringList paths;
    for (const QUrl &url : files) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (paths.isEmpty() || m_loadingFiles)
        return;
    m_loadingFiles = true;
    m_ui->idsCountLabel->setText(tr("Loading ids…"));
    auto *watcher = new QFutureWatcher<LoadedIds>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, paths] {
        m_loadingFiles = false;
        const LoadedIds loaded = watcher->result();
        watcher->deleteLater();
        const QString errors = loaded.errors.join(QChar(u' '));
        if (loaded.ids.isEmpty()) {
            m_ui->idsCountLabel->setText(tr("%Ln ids", nullptr, int(m_parsedIds.size())));
            const QString why = errors.isEmpty() ? tr("No event ids found in %1.").arg(QDir::toNativeSeparators(paths.join(QStringLiteral(", "))))
                                                 : errors;
            showMessage(MessageKind::Error, why);
            Q_EMIT idsFilesLoaded(0, why);
            return;
        }
        setIdsText(loaded.ids.join(QChar(u'\n')));
        // Already split: no need to count again.
        m_countTimer->stop();
        m_parsedRevision = m_textRevision;
        m_parsedIds = loaded.ids;
        m_ui->idsCountLabel->setText(tr("%Ln ids", nullptr, int(loaded.ids.size())));
        const QString names = paths.size() == 1 ? QFileInfo(paths.first()).fileName() : tr("%n files", nullptr, int(paths.size()));
        if (errors.isEmpty())
            showMessage(MessageKind::Info, tr("Loaded %Ln ids from %1. Press Enter to look them up.", nullptr,
                                              int(loaded.ids.size())).arg(names));
        else
            showMessage(MessageKind::Warning, tr("Loaded %Ln ids, but some files could not be read: %1", nullptr,
                                                 int(loaded.ids.size())).arg(errors));
        Q_EMIT idsFilesLoaded(loaded.ids.size(), errors);
    });
    watcher->setFuture(QtConcurrent::run(loadIds, paths, m_maxIdsFileBytes));
}

void EventsView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFileUrls(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QWidget::dragEnterEvent(event);
}

void EventsView::dropEvent(QDropEvent *event)
{
    const QList<QUrl> files = localFileUrls(event->mimeData());
    if (files.isEmpty()) {
        QWidget::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    loadIdsFiles(files);
}

// timeframe ------------------------------------------------------------------------------------

EventsView::Timeframe EventsView::timeframe() const
{
    return m_ui->timeframeComboBox->currentData().value<Timeframe>();
}

void EventsView::setTimeframe(Timeframe timeframe)
{
    m_ui->timeframeComboBox->setCurrentIndex(m_ui->timeframeComboBox->findData(QVariant::fromValue(timeframe)));
}

void EventsView::setCustomTimeframe(const Timestamp &start, const Timestamp &end)
{
    {
        const QScopedValueRollback updating(m_updatingTimeframe, true);
        m_ui->fromEdit->setDateTime(start.toDateTime());
        m_ui->toEdit->setDateTime(end.toDateTime());
    }
    setTimeframe(Timeframe::Custom);
}

void EventsView::updateTimeframeEdits()
{
    const Timeframe chosen = timeframe();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime minute = QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()), Qt::UTC);
    {
        const QScopedValueRollback updating(m_updatingTimeframe, true);
        switch (chosen) {
        case Timeframe::LastWeek: m_ui->fromEdit->setDateTime(minute.addDays(-7)); break;
        case Timeframe::LastDay: m_ui->fromEdit->setDateTime(minute.addDays(-1)); break;
        case Timeframe::LastMonth: m_ui->fromEdit->setDateTime(minute.addDays(-30)); break;
        case Timeframe::AllTime:
        case Timeframe::Custom: break;
        }
        if (chosen != Timeframe::Custom && chosen != Timeframe::AllTime)
            m_ui->toEdit->setDateTime(minute);
    }
    const bool range = chosen != Timeframe::AllTime;
    m_ui->fromEdit->setEnabled(range);
    m_ui->toEdit->setEnabled(range);
    QString hint;
    switch (chosen) {
    case Timeframe::LastWeek:
        hint = tr("Orb searches the last 7 days unless told otherwise; older events need a wider timeframe.");
        break;
    case Timeframe::LastDay:
    case Timeframe::LastMonth: hint = tr("Up to now, in UTC."); break;
    case Timeframe::AllTime: hint = tr("Every event, whatever its timestamp."); break;
    case Timeframe::Custom: hint = tr("From is inclusive, To is exclusive; both in UTC."); break;
    }
    m_ui->timeframeHintLabel->setText(hint);
}

void EventsView::onTimeframeEdited()
{
    if (m_updatingTimeframe)
        return;
    if (timeframe() != Timeframe::Custom)
        setTimeframe(Timeframe::Custom);
}

std::pair<std::optional<Timestamp>, std::optional<Timestamp>> EventsView::timeframeBounds() const
{
    const Timestamp now = Timestamp::now();
    switch (timeframe()) {
    case Timeframe::LastWeek: return {std::nullopt, std::nullopt}; // the server's own default
    case Timeframe::LastDay: return {now - 24h, std::nullopt};
    case Timeframe::LastMonth: return {now - 24h * 30, std::nullopt};
    case Timeframe::AllTime: return {Timestamp::fromMsecs(0), now + 24h};
    case Timeframe::Custom: break;
    }
    return {Timestamp::fromDateTime(m_ui->fromEdit->dateTime()), Timestamp::fromDateTime(m_ui->toEdit->dateTime())};
}

// the lookup -----------------------------------------------------------------------------------

bool EventsView::isRunning() const
{
    return m_lookup && m_lookup->isRunning();
}

void EventsView::run()
{
    if (!m_client || !m_lookup) {
        showMessage(MessageKind::Info, tr("Not connected to a server yet: the lookup can run once the connection is up."));
        return;
    }
    if (isRunning())
        return;
    if (timeframe() == Timeframe::Custom && m_ui->toEdit->dateTime() <= m_ui->fromEdit->dateTime()) {
        showMessage(MessageKind::Error, tr("The end of the timeframe must be after its start."));
        m_ui->toEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    parseIds(true);
}

void EventsView::retryFailed()
{
    if (!m_lookup || isRunning() || m_retryIds.isEmpty())
        return;
    startLookup(m_retryIds, RunMode::Merge);
}

void EventsView::cancel()
{
    m_runWhenParsed = false;
    if (isRunning())
        m_lookup->cancel();
}

void EventsView::startLookup(const QStringList &ids, RunMode mode)
{
    if (timeframe() != Timeframe::Custom)
        updateTimeframeEdits(); // show the range as of now
    const auto [start, end] = timeframeBounds();
    m_runMode = mode;
    m_runIds = ids;
    m_replacedRows = false;
    hideMessage();
    m_ui->progressBar->show();
    m_ui->progressLabel->show();
    m_runClock.start();
    m_lookup->start(ids, start, end);
    updateRunState();
}

void EventsView::onProgress(qsizetype done, qsizetype total)
{
    const QLocale locale;
    QProgressBar *bar = m_ui->progressBar;
    bar->setMaximum(int(std::max<qsizetype>(total, 1)));
    bar->setValue(int(done));
    bar->setFormat(tr("%1 / %2 ids").arg(locale.toString(done), locale.toString(total)));
    const qint64 elapsedMs = m_runClock.isValid() ? m_runClock.elapsed() : 0;
    if (done <= 0 || elapsedMs <= 0) {
        m_ui->progressLabel->setText(tr("Looking up…"));
        return;
    }
    const double perSecond = double(done) * 1000.0 / double(elapsedMs);
    QString text = tr("%1 ids/s").arg(locale.toString(qRound64(perSecond)));
    if (done < total && perSecond > 0)
        text += QStringLiteral(" · ") + tr("about %1 left").arg(formatDuration(qRound64(double(total - done) / perSecond) + 1));
    m_ui->progressLabel->setText(text);
}

void EventsView::onEventsArrived(const QList<Event> &events)
{
    if (m_runMode == RunMode::Replace && !m_replacedRows) {
        m_replacedRows = true;
        m_ui->detailPane->clear();
        m_model->setEvents(events);
    } else {
        m_model->addEvents(events);
    }
    Q_EMIT eventsFetched(events);
}

void EventsView::onLookupFinished(const EventLookupResult &result)
{
    m_hasRun = true;
    const bool answered = m_replacedRows || m_runMode == RunMode::Merge;
    if (m_runMode == RunMode::Replace && m_replacedRows)
        m_model->orderByIds(m_runIds);

    if (m_runMode == RunMode::Replace && m_replacedRows) {
        setNotFound(result.notFound);
    } else if (m_runMode == RunMode::Merge) {
        QStringList merged = m_notFound;
        for (const QString &id : result.notFound) {
            if (!merged.contains(id))
                merged.append(id);
        }
        setNotFound(merged);
    }

    m_retryIds.clear();
    for (const EventLookupResult::FailedBatch &batch : result.failed)
        m_retryIds += batch.ids;
    m_retryIds += result.unanswered;

    const QLocale locale;
    const qsizetype total = m_runIds.size();
    QStringList summary{tr("Found %1 of %Ln ids", nullptr, int(total)).arg(locale.toString(result.found.size()))};
    if (!result.notFound.isEmpty())
        summary << tr("%1 not found").arg(locale.toString(result.notFound.size()));
    if (result.failedIdCount() > 0)
        summary << tr("%1 failed").arg(locale.toString(result.failedIdCount()));
    if (!result.unanswered.isEmpty())
        summary << tr("%1 not looked up").arg(locale.toString(result.unanswered.size()));
    const qint64 elapsedMs = m_runClock.elapsed();
    summary << (elapsedMs < 1000 ? tr("in %1 ms").arg(elapsedMs)
                                 : tr("in %1 s").arg(locale.toString(double(elapsedMs) / 1000.0, 'f', 1)));
    m_ui->progressLabel->setText(summary.join(QStringLiteral(" · ")));

    const QString keptRows = !answered && m_model->rowCount() > 0
                                 ? QStringLiteral(" ") + tr("The table still shows the results of the previous lookup.")
                                 : QString();
    auto retry = [this] { retryFailed(); };
    if (!result.failed.isEmpty()) {
        QStringList reasons;
        for (const EventLookupResult::FailedBatch &batch : result.failed) {
            const QString reason = batch.error.humanMessage();
            if (!reasons.contains(reason))
                reasons.append(reason);
        }
        const int failedIds = int(result.failedIdCount());
        QString text = tr("%Ln ids could not be looked up: ", nullptr, failedIds) + reasons.first();
        if (reasons.size() > 1)
            text += QStringLiteral(" ") + tr("(and %n other errors)", nullptr, int(reasons.size() - 1));
        if (!result.unanswered.isEmpty())
            text += QStringLiteral(" ") + tr("%Ln more were not looked up: the lookup was cancelled.", nullptr,
                                             int(result.unanswered.size()));
        showMessage(MessageKind::Error, text + keptRows, tr("Retry %Ln ids", nullptr, int(m_retryIds.size())), retry);
    } else if (result.cancelled) {
        showMessage(MessageKind::Warning,
                    tr("Lookup cancelled: %Ln ids were not looked up.", nullptr, int(result.unanswered.size())) + keptRows,
                    result.unanswered.isEmpty() ? QString() : tr("Look them up"), retry);
    }

    if (!m_ui->resultsTable->currentIndex().isValid() && m_proxy->rowCount() > 0)
        moveCurrent(1);
    updateRunState();
    updateResultsPage();
    Q_EMIT lookupFinished(result);
}

void EventsView::updateRunState()
{
    const bool connected = m_client && m_lookup;
    const bool running = isRunning();
    m_ui->runButton->setEnabled(connected && !running);
    m_runAction->setEnabled(connected && !running);
    m_ui->cancelButton->setEnabled(running);
    m_cancelAction->setEnabled(running);
    m_ui->connectionHintLabel->setVisible(!connected);
    m_ui->runButton->setToolTip(connected ? tr("Look up the ids on the server (Enter in the ids box, or Ctrl+Enter)")
                                          : tr("Not connected to a server yet"));
}

// messages -------------------------------------------------------------------------------------

void EventsView::showMessage(MessageKind kind, const QString &text, const QString &actionText, std::function<void()> action)
{
    m_messageKind = kind;
    m_messageAction = std::move(action);
    m_ui->messageLabel->setText(text);
    m_ui->messageActionButton->setText(actionText);
    m_ui->messageActionButton->setVisible(!actionText.isEmpty() && m_messageAction);
    styleMessage();
    m_ui->messageFrame->show();
}

void EventsView::hideMessage()
{
    m_ui->messageFrame->hide();
    m_ui->messageLabel->clear();
    m_messageAction = {};
}

bool EventsView::isMessageVisible() const
{
    return !m_ui->messageFrame->isHidden();
}

QString EventsView::messageText() const
{
    return m_ui->messageLabel->text();
}

void EventsView::styleMessage()
{
    QColor accent;
    switch (m_messageKind) {
    case MessageKind::Info: accent = palette().color(QPalette::Highlight); break;
    case MessageKind::Success: accent = QColor(0x2e, 0x7d, 0x32); break;
    case MessageKind::Warning: accent = QColor(0xe6, 0x8a, 0x00); break;
    case MessageKind::Error: accent = QColor(0xc6, 0x28, 0x28); break;
    }
    const QColor background = mix(palette().color(QPalette::Base), accent, 0.14);
    m_ui->messageFrame->setStyleSheet(
        QStringLiteral("QFrame#messageFrame { background-color: %1; border: 1px solid %2; border-left: 4px solid %2; border-radius: 3px; }")
            .arg(background.name(), accent.name()));
}

void EventsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        styleMessage();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventsView::retranslate()
{
    // Texts made from what happened stay as they were; the rest comes back in the new language.
    const QString message = m_ui->messageLabel->text();
    const QString messageAction = m_ui->messageActionButton->text();
    const QString progress = m_ui->progressLabel->text();
    m_ui->retranslateUi(this);
    m_ui->messageLabel->setText(message);
    m_ui->messageActionButton->setText(messageAction);
    m_ui->progressLabel->setText(progress);

    const QStringList timeframes{tr("Last 7 days (Orb's default)"), tr("Last 24 hours"), tr("Last 30 days"), tr("All time"),
                                 tr("Custom range")};
    for (int i = 0; i < timeframes.size() && i < m_ui->timeframeComboBox->count(); ++i)
        m_ui->timeframeComboBox->setItemText(i, timeframes[i]);
    m_runAction->setText(tr("Run lookup"));
    m_cancelAction->setText(tr("Cancel lookup"));
    m_focusFilterAction->setText(tr("Filter results"));
    m_focusIdsAction->setText(tr("Edit ids"));
    m_nextAction->setText(tr("Next result"));
    m_previousAction->setText(tr("Previous result"));
    m_openDetailsAction->setText(tr("Show details"));
    m_copyIdsAction->setText(tr("Copy ids"));
    m_copyJsonAction->setText(tr("Copy rows as JSON"));
    m_exportAction->setText(tr("Export results…"));

    m_ui->idsCountLabel->setText(tr("%Ln ids", nullptr, int(m_parsedIds.size())));
    setNotFound(m_notFound);
    updateTimeframeEdits();
    updateRunState();
    updateResultCount();
    updateResultsPage();
}

void EventsView::setNotFound(const QStringList &ids)
{
    m_notFound = ids;
    m_ui->notFoundEdit->setPlainText(ids.join(QChar(u'\n')));
    m_ui->notFoundLabel->setText(tr("%Ln ids not found", nullptr, int(ids.size())));
    m_ui->notFoundPanel->setVisible(!ids.isEmpty());
}

// results --------------------------------------------------------------------------------------

void EventsView::updateResultCount()
{
    const QLocale locale;
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (all == 0)
        m_ui->resultCountLabel->clear();
    else if (shown == all)
        m_ui->resultCountLabel->setText(tr("%Ln events", nullptr, all));
    else
        m_ui->resultCountLabel->setText(tr("%1 of %Ln events", nullptr, all).arg(locale.toString(shown)));
    const bool any = shown > 0;
    m_copyIdsAction->setEnabled(any);
    m_copyJsonAction->setEnabled(any);
    m_exportAction->setEnabled(any && !m_exporting);
    m_ui->copyIdsButton->setEnabled(any);
    m_ui->copyJsonButton->setEnabled(any);
    m_ui->exportButton->setEnabled(any && !m_exporting);
    m_ui->previousResultButton->setEnabled(any);
    m_ui->nextResultButton->setEnabled(any);
}

void EventsView::updateResultsPage()
{
    if (m_model->rowCount() > 0) {
        m_ui->resultsStack->setCurrentWidget(m_ui->tablePage);
        return;
    }
    m_ui->resultsStack->setCurrentWidget(m_ui->emptyResultsPage);
    if (m_hasRun && !isRunning()) {
        m_ui->eventsEmptyTitleLabel->setText(tr("No events found"));
        m_ui->eventsEmptyTextLabel->setText(
            timeframe() == Timeframe::AllTime
                ? tr("The server knows none of these ids.")
                : tr("None of the ids was found in this timeframe. Older events need a wider one: try “All time”."));
    }
}

void EventsView::showCurrentDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_ui->resultsTable->currentIndex());
    if (current.isValid())
        showEventDetails(m_model->eventAt(current.row()));
}

void EventsView::openDetails()
{
    showCurrentDetails();
    m_ui->detailPane->focusDetails();
}

void EventsView::moveCurrent(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    QTableView *table = m_ui->resultsTable;
    const QModelIndex current = table->currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    row = std::clamp(row, 0, rows - 1);
    int column = current.isValid() ? current.column() : table->horizontalHeader()->logicalIndex(0);
    if (column < 0)
        column = 0;
    const QModelIndex target = m_proxy->index(row, column);
    table->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->scrollTo(target);
}

void EventsView::selectNextResult()
{
    moveCurrent(1);
}

void EventsView::selectPreviousResult()
{
    moveCurrent(-1);
}

QList<Event> EventsView::selectedEvents() const
{
    QModelIndexList rows = m_ui->resultsTable->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_ui->resultsTable->currentIndex().isValid())
        rows.append(m_ui->resultsTable->currentIndex());
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<Event> events;
    events.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows)) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.isValid())
            events.append(m_model->eventAt(source.row()));
    }
    return events;
}

void EventsView::copySelectedIds()
{
    const QList<Event> events = selectedEvents();
    if (events.isEmpty())
        return;
    QStringList ids;
    ids.reserve(events.size());
    for (const Event &event : events)
        ids.append(event.id);
    QGuiApplication::clipboard()->setText(ids.join(QChar(u'\n')));
}

void EventsView::copySelectedRowsAsJson()
{
    const QList<Event> events = selectedEvents();
    if (events.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(QString::fromUtf8(eventsToJsonArray(events)));
}

void EventsView::exportResults(const QString &path, ExportFormat format)
{
    if (m_exporting)
        return;
    const int rows = m_proxy->rowCount();
    if (rows == 0) {
        showMessage(MessageKind::Info, tr("There are no results to export."));
        Q_EMIT exportFinished(false, messageText());
        return;
    }
    // A snapshot of the rows shown, in the order shown (events share their data: cheap to copy).
    QList<Event> events;
    events.reserve(rows);
    for (int row = 0; row < rows; ++row)
        events.append(m_model->eventAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    const QList<ExportColumn> columns = exportColumns(*m_model, m_columns->visibleColumnsInOrder());

    m_exporting = true;
    updateResultCount();
    auto *watcher = new QFutureWatcher<Expected<qsizetype, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        m_exporting = false;
        updateResultCount();
        const Expected<qsizetype, QString> written = watcher->result();
        watcher->deleteLater();
        if (written) {
            showMessage(MessageKind::Success, tr("Exported %Ln events to %1.", nullptr, int(*written))
                                                  .arg(QDir::toNativeSeparators(path)));
            Q_EMIT exportFinished(true, messageText());
        } else {
            showMessage(MessageKind::Error, written.error());
            Q_EMIT exportFinished(false, written.error());
        }
    });
    watcher->setFuture(QtConcurrent::run(exportEventsToFile, path, format, events, columns));
}

void EventsView::exportResultsInteractively()
{
    if (m_proxy->rowCount() == 0 || m_exporting)
        return;
    QSettings settings;
    QString directory = settings.value(SettingsKey::ExportDirectory).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString csvFilter = tr("CSV (*.csv)");
    const QString jsonlFilter = tr("JSON Lines (*.jsonl)");
    QString selectedFilter = csvFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), QDir(directory).filePath(QStringLiteral("events.csv")),
                                                      csvFilter + QStringLiteral(";;") + jsonlFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    settings.setValue(SettingsKey::ExportDirectory, QFileInfo(path).absolutePath());
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool jsonl = suffix == QLatin1StringView("jsonl") || suffix == QLatin1StringView("ndjson")
                       || (suffix != QLatin1StringView("csv") && selectedFilter == jsonlFilter);
    exportResults(path, jsonl ? ExportFormat::Jsonl : ExportFormat::Csv);
}

void EventsView::showColumnsMenu(const QPoint &position)
{
    QMenu *menu = m_columns->createColumnsMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_ui->resultsTable->horizontalHeader()->viewport()->mapToGlobal(position));
}

} // namespace ul::gui
