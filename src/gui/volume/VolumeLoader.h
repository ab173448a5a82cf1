#pragma once

#include "api/BackfillApi.h"

#include <QtCore/QObject>

namespace ul::gui {

/// Loads every hour of `GET /events/volume` between two instants, following the server's pages
/// (100 hours each), and hands them over at once, oldest first. A new load() drops the one
/// still running.
class VolumeLoader : public QObject {
    Q_OBJECT
public:
    /// Hours asked for per page.
    static constexpr int PageHours = 100;

    explicit VolumeLoader(QObject *parent = nullptr);

    void setApi(const BackfillApi &api) { m_api = api; }
    /// Loads the hours of `[start, end)` (the hours they fall in).
    void load(Timestamp start, Timestamp end);
    void cancel();
    [[nodiscard]] bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded(const QList<ul::VolumeBucket> &buckets);
    void failed(const QString &message);
    void progress(int hoursLoaded, int hoursTotal);

private:
    void loadPage(const std::optional<QString> &cursor, quint64 generation);

    BackfillApi m_api;
    VolumeQuery m_query;
    QList<VolumeBucket> m_buckets;
    CallHandle m_call;
    quint64 m_generation = 0;
    int m_hoursTotal = 0;
    bool m_loading = false;
};

} // namespace ul::gui
