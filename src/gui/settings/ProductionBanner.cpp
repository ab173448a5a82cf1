#include "settings/ProductionBanner.h"

#include <QtCore/QEvent>
#include <QtGui/QColor>

namespace ul::gui {

ProductionBanner::ProductionBanner(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("productionBanner"));
    setAlignment(Qt::AlignCenter);
    setMargin(6);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setAutoFillBackground(true);
    hide();
}

void ProductionBanner::setProfile(const ConnectionProfile &profile)
{
    m_profile = profile;
    retranslate();
    QColor background = QColor::fromString(profile.colour);
    if (!background.isValid())
        background = QColor(0xc0, 0x1c, 0x28);
    // Black or white text, whichever reads better on the profile's colour.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white));
    setPalette(p);
    setVisible(profile.production);
}

void ProductionBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QLabel::changeEvent(event);
}

void ProductionBanner::retranslate()
{
    setText(tr("PRODUCTION — %1").arg(m_profile.name));
    setAccessibleName(tr("Production profile %1: every write must be confirmed").arg(m_profile.name));
    setToolTip(tr("You are connected to a production server. Every write asks you to type the profile name."));
}

} // namespace ul::gui
