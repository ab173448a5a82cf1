#pragma once

#include <QtCore/QUrl>
#include <QtWidgets/QMainWindow>

#include <memory>

class QLabel;
class QToolBar;

namespace Ui {
class MainWindow;
}

namespace ul::workspace {
class WorkspaceService;
}

namespace ul {
class OrbClient;
class ProfileSession;
class ProfileStore;
class Settings;
}

namespace ul::gui {

class ConnectionStatusLabel;
class CorrectionsHub;
class CorrectionsView;
class EmbeddedSandbox;
class AttemptsView;
class BackfillsView;
class EventsView;
class ProductionBanner;
class ProfileSwitcher;
class WorkspaceView;
struct ServerConnection;

/// The one main window: a tab per view, the menus, and the connection in the status bar.
/// Its geometry, dock state and current view persist in QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// The views, in tab order.
    enum class View { Events, Corrections, Backfills, WebhookAttempts };
    Q_ENUM(View)

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows in the status bar what `sandbox` is doing, and connects to it once it runs.
    void follow(EmbeddedSandbox &sandbox);
    /// Makes the API client of `connection` (base URL + /v1, its token) and hands it to the
    /// views; a previous client is dropped. Without a session (tests, tools) this is how the
    /// window gets its client.
    void connectTo(const ServerConnection &connection);
    /// Connects the window to the connection profiles: the profile switcher in the tool bar,
    /// the production banner above every view, the Settings dialog, and the current profile's
    /// client for the views. The embedded sandbox (follow()) then feeds the session.
    void attachSession(Settings &settings, ProfileStore &profiles, ProfileSession &session);
    void openSettings();
    /// Puts the local workspace (every event fetched, filterable offline) beside the server
    /// lookup in the Events view, keeps every fetched event in it, and shows the selected one in
    /// the shared detail pane.
    void attachWorkspace(workspace::WorkspaceService &workspace);
    /// Puts the correction journal in the Corrections tab and the amend / bulk amend / deprecate
    /// actions (context menu, F2, Ctrl+Shift+A, Del) in the events and workspace tables; events
    /// the server has just corrected are refreshed in both (`workspace` may be null).
    void attachCorrections(CorrectionsHub &hub, workspace::WorkspaceService *workspace = nullptr);
    /// Null until attachCorrections().
    [[nodiscard]] CorrectionsView *correctionsView() const { return m_correctionsView; }
    /// The client of the current connection, or null before there is one.
    [[nodiscard]] OrbClient *client() const { return m_client; }
    [[nodiscard]] EventsView &eventsView() const;
    /// The views of the other tabs are made when their tab is first shown (or asked for here):
    /// the window comes up without their cost.
    AttemptsView &attemptsView();
    BackfillsView &backfillsView();
    /// Null until attachWorkspace().
    [[nodiscard]] WorkspaceView *workspaceView() const { return m_workspaceView; }

    void showView(View view);
    [[nodiscard]] View currentView() const;
    [[nodiscard]] ConnectionStatusLabel &connectionStatus() const { return *m_connectionStatus; }

    /// The About box's text: version, Qt version, license.
    [[nodiscard]] static QString aboutText();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpViewMenu();
    void setUpHelpMenu();
    void styleEmptyStates();
    void restoreWindowState();
    void saveWindowState() const;
    void showAbout();
    void useClient(OrbClient *client);
    void setUpVolumeAction();
    /// Makes the view of tab `index` if it is one made on first show.
    void ensureViewOf(int index);
    /// The texts set in code (the form's come from retranslateUi).
    void retranslate();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ConnectionStatusLabel *m_connectionStatus;
    OrbClient *m_client = nullptr;      ///< Owned by the window (connectTo) or by the session.
    bool m_ownsClient = false;
    Settings *m_settings = nullptr;
    ProfileStore *m_profiles = nullptr;
    ProfileSession *m_session = nullptr;
    AttemptsView *m_attemptsView = nullptr;   ///< Made on first show (attemptsView()).
    BackfillsView *m_backfillsView = nullptr; ///< Made on first show (backfillsView()).
    CorrectionsHub *m_hub = nullptr;          ///< Set by attachCorrections().
    QAction *m_volumeAction = nullptr; ///< View › Event volume
    WorkspaceView *m_workspaceView = nullptr;
    CorrectionsView *m_correctionsView = nullptr;
    ProductionBanner *m_productionBanner = nullptr;
    ProfileSwitcher *m_profileSwitcher = nullptr;
    QToolBar *m_profileBar = nullptr;
    QLabel *m_profileLabel = nullptr;
    QUrl m_sandboxUrl;                  ///< The embedded sandbox, for testing its profile in Settings.
    QString m_sandboxToken;
};

} // namespace ul::gui
