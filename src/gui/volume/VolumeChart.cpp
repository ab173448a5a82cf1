#include "volume/VolumeChart.h"

#include "TimeDisplay.h"

#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QTimeZone>
#include <QtGui/QWheelEvent>
#include <QtWidgets/QToolTip>

#include <algorithm>

namespace ul::gui {

namespace {

constexpr qint64 HourMs = 3'600'000;

/// QDateTimeAxis labels in the computer's zone; to show UTC, values are shifted by the zone's
/// offset at that instant.
qint64 zoneShiftMs(qint64 ms)
{
    if (TimeDisplay::instance().isLocal())
        return 0;
    return qint64(QTimeZone::systemTimeZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()))) * 1000;
}

qreal toAxis(qint64 ms)
{
    return qreal(ms - zoneShiftMs(ms));
}

qint64 fromAxis(qreal x)
{
    const auto ms = qint64(x);
    return ms + zoneShiftMs(ms);
}

} // namespace

VolumeChart::VolumeChart(QWidget *parent)
    // The chart is given to the constructor: QChartView(parent) would make a default chart of
    // its own that setChart() releases without deleting.
    : QChartView(new QChart, parent), m_timeAxis(new QDateTimeAxis), m_countAxis(new QValueAxis)
{
    QChart *chart = this->chart();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setMin(0);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(180);
    connect(&TimeDisplay::instance(), &TimeDisplay::changed, this, &VolumeChart::rebuild);
}

VolumeChart::~VolumeChart() = default;

void VolumeChart::setSeries(const QList<VolumeSeries> &series, Timestamp start, Timestamp end)
{
    m_series = series;
    m_start = start.floorToHour();
    m_end = end > start ? end.addMsecs(-1).floorToHour().addMsecs(HourMs) : m_start.addMsecs(HourMs);
    rebuild();
}

void VolumeChart::clear()
{
    m_series.clear();
    rebuild();
}

void VolumeChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    c->zoomReset();
    qint64 top = 0;
    for (const VolumeSeries &s : std::as_const(m_series)) {
        auto *line = new QLineSeries;
        line->setName(s.name);
        QList<QPointF> points;
        points.reserve(int((m_end.msecs() - m_start.msecs()) / HourMs) * 2 + 2);
        for (qint64 hour = m_start.msecs(); hour < m_end.msecs(); hour += HourMs) {
            const qint64 count = s.hourly.value(hour);
            top = std::max(top, count);
            points << QPointF(toAxis(hour), qreal(count)) << QPointF(toAxis(hour + HourMs), qreal(count));
        }
        line->replace(points);
        QPen pen(s.color.isValid() ? s.color : QColor(0x34, 0x65, 0xa4));
        pen.setWidthF(1.6);
        if (s.dashed)
            pen.setStyle(Qt::DashLine);
        line->setPen(pen);
        c->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_countAxis);
    }
    m_timeAxis->setTitleText(tr("Hour (%1)").arg(TimeDisplay::zoneLabel()));
    m_countAxis->setTitleText(tr("Events"));
    const qint64 span = m_end.msecs() - m_start.msecs();
    m_timeAxis->setFormat(span > 3 * 24 * HourMs ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd HH:mm"));
    if (span > 0)
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(toAxis(m_start.msecs()))),
                             QDateTime::fromMSecsSinceEpoch(qint64(toAxis(m_end.msecs()))));
    // Some room above the highest hour, and whole numbers on the axis.
    m_countAxis->setRange(0, top < 5 ? 5 : qreal(top) * 1.1);
    m_countAxis->applyNiceNumbers();
    c->legend()->setVisible(m_series.size() > 1);
}

std::optional<Timestamp> VolumeChart::hourAt(const QPoint &viewPos) const
{
    const QPointF scenePos = mapToScene(viewPos);
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    if (!chart()->plotArea().contains(chartPos) || m_series.isEmpty())
        return std::nullopt;
    const QPointF value = chart()->mapToValue(chartPos);
    const Timestamp hour = Timestamp::fromMsecs(fromAxis(value.x())).floorToHour();
    if (hour < m_start || hour >= m_end)
        return std::nullopt;
    return hour;
}

QString VolumeChart::tooltipFor(Timestamp hourStart) const
{
    QString text = tr("%1 – %2 %3")
                       .arg(TimeDisplay::format(hourStart), TimeDisplay::format(hourStart.addMsecs(HourMs)).right(8),
                            TimeDisplay::zoneLabel());
    for (const VolumeSeries &s : m_series)
        text += u'\n' + tr("%1: %2").arg(s.name, QLocale().toString(s.hourly.value(hourStart.msecs())));
    return text;
}

void VolumeChart::showTooltip(const QPoint &viewPos, const QPoint &globalPos)
{
    if (const auto hour = hourAt(viewPos))
        QToolTip::showText(globalPos, tooltipFor(*hour), this);
    else
        QToolTip::hideText();
}

void VolumeChart::zoomTime(qreal factor, qreal x)
{
    const QRectF area = chart()->plotArea();
    if (area.isEmpty())
        return;
    const qreal anchor = std::clamp(x, area.left(), area.right());
    QRectF target = area;
    target.setWidth(area.width() * factor);
    target.moveLeft(anchor - (anchor - area.left()) * factor);
    chart()->zoomIn(target);
}

void VolumeChart::panTime(qreal pixels)
{
    chart()->scroll(pixels, 0);
}

void VolumeChart::resetZoom()
{
    chart()->zoomReset();
}

bool VolumeChart::isZoomed() const
{
    return chart()->isZoomed();
}

void VolumeChart::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QChartView::wheelEvent(event);
        return;
    }
    const QPointF chartPos = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    zoomTime(delta > 0 ? 0.8 : 1.25, chartPos.x());
    event->accept();
}

void VolumeChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier))) {
        m_panFrom = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void VolumeChart::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        const QPoint pos = event->position().toPoint();
        panTime(qreal(m_panFrom->x() - pos.x()));
        m_panFrom = pos;
        event->accept();
        return;
    }
    showTooltip(event->position().toPoint(), event->globalPosition().toPoint());
    QChartView::mouseMoveEvent(event);
}

void VolumeChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panFrom) {
        m_panFrom.reset();
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void VolumeChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void VolumeChart::keyPressEvent(QKeyEvent *event)
{
    const qreal step = chart()->plotArea().width() / 10;
    switch (event->key()) {
    case Qt::Key_Left: panTime(-step); break;
    case Qt::Key_Right: panTime(step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomTime(0.8, chart()->plotArea().center().x()); break;
    case Qt::Key_Minus: zoomTime(1.25, chart()->plotArea().center().x()); break;
    case Qt::Key_0: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void VolumeChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QChartView::changeEvent(event);
}

} // namespace ul::gui
