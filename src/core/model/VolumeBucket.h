#pragma once

#include "util/Timestamp.h"

#include <QtCore/QMetaType>

namespace ul {

/// One hour of `GET /events/volume`: how many events that count for billing have a timestamp
/// in `[timeframeStart, timeframeEnd)` (UTC, hour-aligned).
struct VolumeBucket {
    Timestamp timeframeStart;
    Timestamp timeframeEnd;
    qint64 count = 0;

    friend bool operator==(const VolumeBucket &, const VolumeBucket &) = default;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::VolumeBucket)
