#include "LazyIconEngine.h"

#include <QtGui/QPainter>
#include <QtGui/QPixmapCache>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>
#include <QtWidgets/QStyleOption>

#include <algorithm>

namespace ul::gui {

LazyIconEngine::LazyIconEngine(QString pattern, QList<int> sizes) : m_pattern(std::move(pattern)), m_sizes(std::move(sizes))
{
    std::sort(m_sizes.begin(), m_sizes.end());
}

void LazyIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QPixmap image = pixmap(rect.size() * ratio, mode, state);
    image.setDevicePixelRatio(ratio);
    painter->drawPixmap(rect, image);
}

QPixmap LazyIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state)
    if (m_sizes.isEmpty() || size.isEmpty())
        return {};
    const QString file = m_pattern.arg(bestSize(size));
    QPixmap image;
    if (!QPixmapCache::find(file, &image)) {
        if (!image.load(file))
            return {};
        QPixmapCache::insert(file, image);
    }
    if (image.size() != size)
        image = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (mode != QIcon::Normal && qobject_cast<QApplication *>(QCoreApplication::instance())) {
        QStyleOption option;
        option.palette = QApplication::palette();
        image = QApplication::style()->generatedIconPixmap(mode, image, &option);
    }
    return image;
}

QSize LazyIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    const int side = std::min(size.width(), size.height());
    return QSize(side, side); // square files, scaled to fit
}

QList<QSize> LazyIconEngine::availableSizes(QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    QList<QSize> sizes;
    for (const int side : m_sizes)
        sizes.append(QSize(side, side));
    return sizes;
}

QIconEngine *LazyIconEngine::clone() const
{
    return new LazyIconEngine(*this);
}

QString LazyIconEngine::key() const
{
    return QStringLiteral("ul::gui::LazyIconEngine");
}

int LazyIconEngine::bestSize(const QSize &wanted) const
{
    const int side = std::max(wanted.width(), wanted.height());
    const auto fits = std::find_if(m_sizes.cbegin(), m_sizes.cend(), [side](int size) { return size >= side; });
    return fits != m_sizes.cend() ? *fits : m_sizes.constLast();
}

} // namespace ul::gui
