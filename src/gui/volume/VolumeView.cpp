#include "volume/VolumeView.h"

#include "api/BackfillApi.h"
#include "volume/VolumeChart.h"
#include "volume/VolumeLoader.h"
#include "volume/VolumeModel.h"

#include "ui_VolumeView.h"

#include <QtCore/QEvent>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMessageBox>

namespace ul::gui {

namespace {

std::chrono::hours rangeSpan(VolumeView::Range range)
{
    switch (range) {
    case VolumeView::Range::LastWeek: return std::chrono::hours(24 * 7);
    case VolumeView::Range::LastMonth: return std::chrono::hours(24 * 31);
    default: return std::chrono::hours(24);
    }
}

} // namespace

VolumeView::VolumeView(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VolumeView>())
    , m_model(new VolumeModel(this))
    , m_chart(new VolumeChart(this))
    , m_loader(new VolumeLoader(this))
    , m_clock([] { return Timestamp::now(); })
{
    m_ui->setupUi(this);
    m_ui->chartLayout->addWidget(m_chart);
    m_ui->volumeTableView->setModel(m_model);
    m_ui->volumeTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->volumeSplitter->setStretchFactor(0, 3);
    m_ui->volumeSplitter->setStretchFactor(1, 1);

    const Timestamp now = m_clock();
    m_ui->fromDateTimeEdit->setDateTime((now.floorToHour() - std::chrono::hours(23)).toDateTime());
    m_ui->toDateTimeEdit->setDateTime(now.floorToHour().addMsecs(3'600'000).toDateTime());
    connect(m_ui->rangeComboBox, &QComboBox::currentIndexChanged, this, &VolumeView::onRangeChosen);
    onRangeChosen();
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &VolumeView::refresh);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &VolumeView::exportCsvInteractively);
    connect(m_ui->resetZoomButton, &QPushButton::clicked, m_chart, &VolumeChart::resetZoom);
    connect(m_loader, &VolumeLoader::loaded, this, [this](const QList<VolumeBucket> &buckets) {
        m_model->setBuckets(buckets);
        onLoaded();
    });
    connect(m_loader, &VolumeLoader::progress, this, [this](int loaded, int total) {
        setStatus(tr("Loading… %1 of %2 hours").arg(loaded).arg(total));
    });
    connect(m_loader, &VolumeLoader::failed, this, [this](const QString &message) {
        m_error = message;
        m_ui->refreshButton->setEnabled(true);
        setStatus(tr("Could not load the event volume: %1").arg(message));
        Q_EMIT loadFailed(message);
    });
    m_ui->exportButton->setEnabled(false);
}

VolumeView::~VolumeView() = default;

void VolumeView::setClient(OrbClient *client)
{
    m_client = client;
    m_loader->setApi(BackfillApi(client));
    m_loader->cancel();
    m_stale = true;
    if (client && isVisible())
        refresh();
}

void VolumeView::setRange(Range range)
{
    m_ui->rangeComboBox->setCurrentIndex(int(range));
}

VolumeView::Range VolumeView::range() const
{
    return static_cast<Range>(m_ui->rangeComboBox->currentIndex());
}

void VolumeView::setTimeframe(Timestamp start, Timestamp end)
{
    {
        const QSignalBlocker blocker(m_ui->rangeComboBox);
        m_ui->rangeComboBox->setCurrentIndex(int(Range::Custom));
    }
    m_ui->fromDateTimeEdit->setDateTime(start.toDateTime());
    m_ui->toDateTimeEdit->setDateTime(end.toDateTime());
    onRangeChosen();
    refresh();
}

std::pair<Timestamp, Timestamp> VolumeView::timeframe() const
{
    if (range() != Range::Custom) {
        // Whole hours, up to and including the current one.
        const Timestamp end = m_clock().floorToHour().addMsecs(3'600'000);
        return {end - rangeSpan(range()), end};
    }
    return {Timestamp::fromDateTime(m_ui->fromDateTimeEdit->dateTime()),
            Timestamp::fromDateTime(m_ui->toDateTimeEdit->dateTime())};
}

void VolumeView::onRangeChosen()
{
    const bool custom = range() == Range::Custom;
    m_ui->fromDateTimeEdit->setEnabled(custom);
    m_ui->toDateTimeEdit->setEnabled(custom);
    if (!custom) {
        const auto [start, end] = timeframe();
        m_ui->fromDateTimeEdit->setDateTime(start.toDateTime());
        m_ui->toDateTimeEdit->setDateTime(end.toDateTime());
        if (m_client && isVisible())
            refresh();
    }
}

void VolumeView::refresh()
{
    m_error.clear();
    if (!m_client) {
        setStatus(tr("Not connected to a server."));
        return;
    }
    const auto [start, end] = timeframe();
    if (end <= start) {
        setStatus(tr("The end of the range must be after its start."));
        return;
    }
    if (end.msecs() - start.msecs() > qint64(24 * 366) * 3'600'000) {
        setStatus(tr("Choose at most a year."));
        return;
    }
    m_stale = false;
    m_ui->refreshButton->setEnabled(false);
    m_loader->load(start, end);
}

bool VolumeView::isLoading() const
{
    return m_loader->isLoading();
}

void VolumeView::onLoaded()
{
    m_ui->refreshButton->setEnabled(true);
    m_ui->exportButton->setEnabled(m_model->rowCount() > 0);
    VolumeSeries series;
    series.name = tr("Events counted");
    for (const VolumeBucket &b : m_model->buckets())
        series.hourly.insert(b.timeframeStart.msecs(), b.count);
    const auto [start, end] = timeframe();
    m_chart->setSeries({series}, start, end);
    setStatus(statusText());
    Q_EMIT loaded();
}

QString VolumeView::statusText() const
{
    if (!m_error.isEmpty())
        return tr("Could not load the event volume: %1").arg(m_error);
    const int hours = m_model->rowCount();
    return tr("%n event(s) counted for billing", nullptr, int(std::min<qint64>(m_model->total(), INT_MAX)))
        + tr(" in %n hour(s). Wheel or drag to zoom, middle-drag or arrow keys to pan; hover for exact counts.", nullptr, hours);
}

void VolumeView::setStatus(const QString &text)
{
    m_ui->volumeStatusLabel->setText(text);
}

void VolumeView::exportCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export event volume"), QStringLiteral("event-volume.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto written = m_model->exportCsv(path); !written)
        QMessageBox::warning(this, tr("Export event volume"), written.error());
    else
        setStatus(tr("Saved %n hour(s) to %1.", nullptr, m_model->rowCount()).arg(path));
}

void VolumeView::showEvent(QShowEvent *event)
{
    if (m_client && m_stale && !m_loader->isLoading())
        refresh();
    QWidget::showEvent(event);
}

void VolumeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (!m_loader->isLoading())
            setStatus(statusText());
    }
    QWidget::changeEvent(event);
}

} // namespace ul::gui
