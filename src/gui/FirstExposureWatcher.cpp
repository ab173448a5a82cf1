#include "FirstExposureWatcher.h"

#include <QtGui/QWindow>
#include <QtWidgets/QWidget>

namespace ul::gui {

void FirstExposureWatcher::watch(QWidget &window, std::function<void()> onExposed)
{
    Q_ASSERT(window.windowHandle());
    new FirstExposureWatcher(window.windowHandle(), std::move(onExposed));
}

FirstExposureWatcher::FirstExposureWatcher(QObject *window, std::function<void()> onExposed)
    : QObject(window), m_onExposed(std::move(onExposed))
{
    window->installEventFilter(this);
}

bool FirstExposureWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
        watched->removeEventFilter(this);
        // The widgets paint while Qt handles this event; call back once that is done.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_onExposed();
                deleteLater();
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ul::gui
