#pragma once
// For GUI tests: answering a modal dialog that runs its own event loop (QMessageBox::question,
// QDialog::exec) from the test, which is blocked in that loop until the dialog closes.

#include <QtCore/QTimer>
#include <QtWidgets/QApplication>
#include <QtWidgets/QWidget>

#include <functional>

namespace ul::test {

/// Every 20 ms, calls `answer` with the active modal widget, until it returns true (it answered).
/// The polling timer belongs to the application, so an unanswered poll ends with it.
inline void whenModal(std::function<bool(QWidget *modal)> answer)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer = std::move(answer)] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && answer(modal)) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

} // namespace ul::test
