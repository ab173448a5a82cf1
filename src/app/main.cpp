#include "MainWindow.h"

#include <QtWidgets/QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ul::gui::MainWindow window;
    window.show();
    return QApplication::exec();
}
