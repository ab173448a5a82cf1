#pragma once

#include "util/Timestamp.h"

#include <QtCharts/QChartView>
#include <QtCore/QMap>
#include <QtGui/QColor>

class QDateTimeAxis;
class QValueAxis;

namespace ul::gui {

/// One line of a volume chart: a count per UTC hour (the hour's start in ms since the epoch).
/// Hours missing from `hourly` count as zero.
struct VolumeSeries {
    QString name;
    QMap<qint64, qint64> hourly;
    QColor color;
    bool dashed = false;
};

/// Hourly event counts as step lines over a time axis (UTC or local time, as TimeDisplay says),
/// one line per series: the event volume view and the backfill wizard's before/after chart.
///
/// Zoom: the mouse wheel (around the pointer), a rubber band dragged with the left button,
/// `+`/`-`; right click zooms out one step, double click (or `0`) shows everything again.
/// Pan: drag with the middle button (or with Shift and the left one), or the arrow keys.
/// Hovering shows the hour under the pointer with every series' exact count.
class VolumeChart : public QChartView {
    Q_OBJECT
public:
    explicit VolumeChart(QWidget *parent = nullptr);
    ~VolumeChart() override;

    /// Shows `series` over the hours of `[start, end)`.
    void setSeries(const QList<VolumeSeries> &series, Timestamp start, Timestamp end);
    void clear();
    [[nodiscard]] const QList<VolumeSeries> &series() const { return m_series; }

    /// The hour (its start) at a point of the view, if the point is over the plot.
    [[nodiscard]] std::optional<Timestamp> hourAt(const QPoint &viewPos) const;
    /// The tooltip for an hour: its time and each series' exact count.
    [[nodiscard]] QString tooltipFor(Timestamp hourStart) const;

    /// Zooms the time axis by `factor` (< 1 zooms in) around the view's x coordinate `x`.
    void zoomTime(qreal factor, qreal x);
    /// Moves the visible time range by `pixels` (positive: later).
    void panTime(qreal pixels);
    void resetZoom();
    [[nodiscard]] bool isZoomed() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void showTooltip(const QPoint &viewPos, const QPoint &globalPos);

    QList<VolumeSeries> m_series;
    Timestamp m_start;
    Timestamp m_end;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    std::optional<QPoint> m_panFrom;
};

} // namespace ul::gui
