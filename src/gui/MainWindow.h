#pragma once

#include <QtWidgets/QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace ul::gui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    std::unique_ptr<Ui::MainWindow> m_ui;
};

} // namespace ul::gui
