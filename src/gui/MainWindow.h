#pragma once

#include <QtWidgets/QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace ul::gui {

class ConnectionStatusLabel;
class EmbeddedSandbox;

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

    void showView(View view);
    [[nodiscard]] View currentView() const;
    [[nodiscard]] ConnectionStatusLabel &connectionStatus() const { return *m_connectionStatus; }

    /// The About box's text: version, Qt version, license.
    [[nodiscard]] static QString aboutText();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpViewMenu();
    void setUpHelpMenu();
    void styleEmptyStates();
    void restoreWindowState();
    void saveWindowState() const;
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    ConnectionStatusLabel *m_connectionStatus;
};

} // namespace ul::gui
