#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtGui/QIconEngine>

namespace ul::gui {

/// An icon drawn at several sizes, one image file per size, each decoded only when something
/// first draws the icon at about that size. QIcon::addFile() decodes every file at once: for the
/// application icon's six PNGs that was 1.6 ms of a cold start of about 25 ms.
class LazyIconEngine final : public QIconEngine {
public:
    /// `pattern` names the file of each size with %1 for the size, e.g. ":/icons/app-%1.png".
    LazyIconEngine(QString pattern, QList<int> sizes);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    /// The smallest size at least as large as `wanted`, else the largest.
    [[nodiscard]] int bestSize(const QSize &wanted) const;

    QString m_pattern;
    QList<int> m_sizes; ///< ascending
};

} // namespace ul::gui
