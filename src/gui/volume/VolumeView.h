#pragma once

#include "api/OrbClient.h"
#include "util/Expected.h"
#include "util/Timestamp.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <functional>
#include <memory>

namespace Ui {
class VolumeView;
}

namespace ul::gui {

class VolumeChart;
class VolumeLoader;
class VolumeModel;

/// Event volume: the hourly counts of `GET /events/volume` for a chosen timeframe as a chart
/// (zoom, pan, exact counts on hover) and a table, exportable as CSV.
class VolumeView : public QWidget {
    Q_OBJECT
public:
    /// The range choices, in the order the combo box lists them.
    enum class Range { LastDay, LastWeek, LastMonth, Custom };
    Q_ENUM(Range)

    explicit VolumeView(QWidget *parent = nullptr);
    ~VolumeView() override;

    /// The server to load from (not owned; null: nothing loads). Loads when shown.
    void setClient(OrbClient *client);
    /// "Now" for the ranges that end now (tests use the sandbox's frozen clock).
    void setClock(std::function<Timestamp()> clock) { m_clock = std::move(clock); }

    /// Shows the hours of `[start, end)` (a custom range) and loads them.
    void setTimeframe(Timestamp start, Timestamp end);
    void setRange(Range range);
    [[nodiscard]] Range range() const;
    /// The timeframe the controls ask for now.
    [[nodiscard]] std::pair<Timestamp, Timestamp> timeframe() const;

    /// Loads the counts of the chosen timeframe again.
    void refresh();
    [[nodiscard]] bool isLoading() const;
    /// Asks for a file name and writes the counts shown.
    void exportCsvInteractively();

    [[nodiscard]] VolumeModel &model() const { return *m_model; }
    [[nodiscard]] VolumeChart &chart() const { return *m_chart; }
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onRangeChosen();
    void onLoaded();
    void setStatus(const QString &text);

    std::unique_ptr<Ui::VolumeView> m_ui;
    QPointer<OrbClient> m_client;
    VolumeModel *m_model;
    VolumeChart *m_chart;
    VolumeLoader *m_loader;
    std::function<Timestamp()> m_clock;
    bool m_stale = true; ///< Nothing loaded for the current client and timeframe yet.
    QString m_error;
};

} // namespace ul::gui
