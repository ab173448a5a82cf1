#include "DeprecatedStyle.h"

#include <QtGui/QFont>
#include <QtGui/QGuiApplication>
#include <QtGui/QPalette>

namespace ul::gui {

QVariant DeprecatedStyle::data(int role)
{
    switch (role) {
    case Qt::ForegroundRole: return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case Qt::FontRole: {
        QFont font = QGuiApplication::font();
        font.setItalic(true);
        return font;
    }
    default: return {};
    }
}

QString DeprecatedStyle::explanation()
{
    return tr("Deprecated: this event no longer counts towards usage or invoices.");
}

} // namespace ul::gui
