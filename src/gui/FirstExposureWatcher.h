#pragma once

#include <QtCore/QObject>

#include <functional>

class QWidget;

namespace ul::gui {

/// Calls back once, right after a shown top-level widget's window was first exposed and painted:
/// the moment a user would see it. Used to measure cold start.
class FirstExposureWatcher : public QObject {
    Q_OBJECT
public:
    /// `window` must have been shown (so that it has a native window). The watcher deletes itself.
    static void watch(QWidget &window, std::function<void()> onExposed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstExposureWatcher(QObject *window, std::function<void()> onExposed);

    std::function<void()> m_onExposed;
};

} // namespace ul::gui
