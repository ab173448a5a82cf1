#include "volume/VolumeLoader.h"

namespace ul::gui {

VolumeLoader::VolumeLoader(QObject *parent) : QObject(parent) {}

void VolumeLoader::load(Timestamp start, Timestamp end)
{
    cancel();
    m_query = {};
    m_query.timeframeStart = start;
    m_query.timeframeEnd = end;
    m_query.limit = PageHours;
    m_buckets.clear();
    constexpr qint64 hour = 3'600'000;
    m_hoursTotal = end > start ? int((end.addMsecs(-1).floorToHour().msecs() - start.floorToHour().msecs()) / hour + 1) : 0;
    m_loading = true;
    loadPage(std::nullopt, m_generation);
}

void VolumeLoader::cancel()
{
    ++m_generation;
    m_call.cancel();
    m_loading = false;
}

void VolumeLoader::loadPage(const std::optional<QString> &cursor, quint64 generation)
{
    VolumeQuery query = m_query;
    query.cursor = cursor;
    m_call = m_api.eventVolume(query, this, [this, generation](Expected<Page<VolumeBucket>, RequestError> result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_loading = false;
            Q_EMIT failed(result.error().humanMessage());
            return;
        }
        m_buckets.append(result->items);
        Q_EMIT progress(int(m_buckets.size()), m_hoursTotal);
        if (result->nextCursor && !result->items.isEmpty()) {
            loadPage(result->nextCursor, generation);
            return;
        }
        m_loading = false;
        Q_EMIT loaded(m_buckets);
    });
}

} // namespace ul::gui
