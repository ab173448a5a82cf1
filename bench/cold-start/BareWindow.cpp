// The cold-start floor: a QMainWindow with a menu bar and a QTableView, shown, quitting once its
// window was first exposed and painted (unless given --stay), with the same report as
// `usagelens --quit-after-shown` (src/gui/ColdStartReport.cpp).
// Deliberately links nothing but Qt Widgets.
#include <QtCore/QElapsedTimer>
#include <QtGui/QWindow>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QTableView>

#include <chrono>
#include <cstdio>

namespace {

/// Reports and quits once the watched window was exposed and the widgets painted into it.
class QuitWhenExposed : public QObject {
public:
    QuitWhenExposed(const QElapsedTimer &sinceStart, bool stay) : m_sinceStart(sinceStart), m_stay(stay) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            watched->removeEventFilter(this);
            QMetaObject::invokeMethod(this, [this] { report(); }, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void report()
    {
        using namespace std::chrono;
        const auto now = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
        std::printf("window shown after %lld ms\nwindow shown at %lld.%06lld (unix time)\n",
                    static_cast<long long>(m_sinceStart.elapsed()), static_cast<long long>(now / 1'000'000),
                    static_cast<long long>(now % 1'000'000));
        std::fflush(stdout);
        if (!m_stay)
            QCoreApplication::quit();
    }

    const QElapsedTimer &m_sinceStart;
    bool m_stay;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Bare window"));
    QMenu *file = window.menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Quit"), &app, &QCoreApplication::quit);
    window.setCentralWidget(new QTableView);
    window.resize(1100, 720);
    window.show();

    // --stay: keep running after the report (bench/memory/idle-memory.sh measures it idle).
    QuitWhenExposed quitter(sinceStart, QCoreApplication::arguments().contains(QStringLiteral("--stay")));
    window.windowHandle()->installEventFilter(&quitter);
    return QApplication::exec();
}
