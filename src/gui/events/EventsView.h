#pragma once

#include "api/EventLookup.h"
#include "events/EventExport.h"
#include "model/Event.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace Ui {
class EventsView;
}

class QTabWidget;
class QTableView;
class QTimer;
class QUrl;

namespace ul {
class OrbClient;
}

namespace ul::gui {

class EventDetailPane;
class EventFilterProxyModel;
class EventTableModel;
class HeaderStateKeeper;

/// The Events tab: look events up on the server by id and inspect them.
///
/// The analyst pastes any number of ids (or drops a file of them), picks a timeframe (UTC; Orb
/// searches the last 7 days unless told otherwise) and runs; the ids are looked up in searches
/// of at most 500, the results are merged into the table as they arrive, and every id ends up
/// found, listed as not found, or in a failed batch shown with its error above the results.
///
/// `sourceTabWidget()` holds the "Server lookup" page; other sources of events (the local
/// workspace) add their pages beside it and share the detail pane through showEventDetails().
class EventsView : public QWidget {
    Q_OBJECT
public:
    /// The timeframe choices, in the order the combo box lists them.
    enum class Timeframe { LastWeek, LastDay, LastMonth, AllTime, Custom };
    Q_ENUM(Timeframe)

    enum class MessageKind { Info, Success, Warning, Error };
    Q_ENUM(MessageKind)

    static constexpr qint64 DefaultMaxIdsFileBytes = 50 * 1024 * 1024;

    explicit EventsView(QWidget *parent = nullptr);
    ~EventsView() override;

    /// The server to look events up on; null disables Run (with a hint). Not owned.
    void setClient(OrbClient *client);
    [[nodiscard]] OrbClient *client() const { return m_client; }

    /// The tabs of event sources; the first page is "Server lookup".
    [[nodiscard]] QTabWidget *sourceTabWidget() const;
    /// How many ids go into one search request (Orb allows at most 500; Settings › page sizes).
    void setIdsPerSearch(int ids);
    [[nodiscard]] EventDetailPane *detailPane() const;
    /// Shows `event` in the detail pane, whichever source it comes from.
    void showEventDetails(const ul::Event &event);

    [[nodiscard]] EventTableModel &model() const { return *m_model; }
    [[nodiscard]] EventFilterProxyModel &proxy() const { return *m_proxy; }
    [[nodiscard]] HeaderStateKeeper &columns() const { return *m_columns; }

    void setIdsText(const QString &text);
    [[nodiscard]] QString idsText() const;
    void setTimeframe(Timeframe timeframe);
    /// Chooses a custom timeframe: `start` inclusive, `end` exclusive.
    void setCustomTimeframe(const Timestamp &start, const Timestamp &end);
    [[nodiscard]] Timeframe timeframe() const;
    void setMaxIdsFileBytes(qint64 bytes) { m_maxIdsFileBytes = bytes; }

    /// Looks up the ids in the box. The table keeps the previous results until the server
    /// answers the first search; then they are replaced.
    void run();
    void cancel();
    /// Looks up again the ids whose searches failed or were cancelled, adding to the results.
    void retryFailed();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QStringList notFoundIds() const { return m_notFound; }
    [[nodiscard]] QStringList failedIds() const { return m_retryIds; }

    /// Loads the ids of text files (off the GUI thread) into the ids box.
    void loadIdsFiles(const QList<QUrl> &files);

    [[nodiscard]] bool isMessageVisible() const;
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] MessageKind messageKind() const { return m_messageKind; }

    /// The selected events (or the current one), in the order the table shows them.
    [[nodiscard]] QList<Event> selectedEvents() const;
    /// The results table, for actions that work on its selection (corrections).
    [[nodiscard]] QTableView *resultsTable() const;
    void copySelectedIds();
    void copySelectedRowsAsJson();
    /// Writes the rows shown (filtered and sorted; CSV with the visible columns in their order)
    /// off the GUI thread; exportFinished follows, and the outcome shows above the results.
    void exportResults(const QString &path, ExportFormat format);
    /// Asks for a file, then exports to it.
    void exportResultsInteractively();

    void selectNextResult();
    void selectPreviousResult();

Q_SIGNALS:
    /// Events that arrived from the server, batch by batch.
    void eventsFetched(const QList<ul::Event> &events);
    void lookupFinished(const ul::EventLookupResult &result);
    /// After loadIdsFiles(): how many ids the box now holds, or why loading failed.
    void idsFilesLoaded(qsizetype ids, const QString &error);
    void exportFinished(bool ok, const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class RunMode { Replace, Merge };

    void setUpActions();
    void retranslate();
    void setUpTable();
    void setUpTimeframe();
    void restoreLayout();
    void saveLayout() const;

    void onIdsTextChanged();
    void parseIds(bool thenRun);
    void onIdsParsed(quint64 revision, const QStringList &ids);
    void startLookup(const QStringList &ids, RunMode mode);
    void onProgress(qsizetype done, qsizetype total);
    void onEventsArrived(const QList<Event> &events);
    void onLookupFinished(const EventLookupResult &result);
    void updateRunState();
    void updateTimeframeEdits();
    void onTimeframeEdited();
    [[nodiscard]] std::pair<std::optional<Timestamp>, std::optional<Timestamp>> timeframeBounds() const;

    void showMessage(MessageKind kind, const QString &text, const QString &actionText = {},
                     std::function<void()> action = {});
    void hideMessage();
    void styleMessage();
    void setNotFound(const QStringList &ids);
    void updateResultCount();
    void updateResultsPage();
    void showCurrentDetails();
    void openDetails();
    void moveCurrent(int delta);
    void showColumnsMenu(const QPoint &position);

    std::unique_ptr<Ui::EventsView> m_ui;
    QPointer<OrbClient> m_client;
    QMetaObject::Connection m_clientGone;
    EventLookup *m_lookup = nullptr;
    int m_idsPerSearch = EventLookup::MaxIdsPerSearch;
    EventTableModel *m_model;
    EventFilterProxyModel *m_proxy;
    HeaderStateKeeper *m_columns = nullptr;

    QTimer *m_countTimer;
    quint64 m_textRevision = 0;
    quint64 m_parsedRevision = std::numeric_limits<quint64>::max();
    QStringList m_parsedIds;
    bool m_parsing = false;
    bool m_runWhenParsed = false;
    qint64 m_maxIdsFileBytes = DefaultMaxIdsFileBytes;
    bool m_loadingFiles = false;

    RunMode m_runMode = RunMode::Replace;
    QStringList m_runIds;
    bool m_replacedRows = false;
    bool m_hasRun = false;
    QElapsedTimer m_runClock;
    QStringList m_notFound;
    QStringList m_retryIds;

    bool m_updatingTimeframe = false;
    MessageKind m_messageKind = MessageKind::Info;
    std::function<void()> m_messageAction;
    bool m_exporting = false;

    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_copyIdsAction = nullptr;
    QAction *m_copyJsonAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_openDetailsAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_focusIdsAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
};

} // namespace ul::gui
