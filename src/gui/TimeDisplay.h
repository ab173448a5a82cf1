#pragma once

#include "util/Timestamp.h"

#include <QtCore/QObject>

class QAbstractItemModel;

namespace ul::gui {

/// How every view shows a point in time: in UTC, the API's zone and the default, or in the
/// computer's local time (Settings › Display times). One choice for the whole app; models
/// repaint their time columns when it changes.
class TimeDisplay : public QObject {
    Q_OBJECT
public:
    static TimeDisplay &instance();

    [[nodiscard]] bool isLocal() const { return m_local; }
    void setLocal(bool local);

    /// `2026-11-23 10:15:00` in the chosen zone, with `.123` when the milliseconds are not zero.
    [[nodiscard]] static QString format(const Timestamp &timestamp);
    /// `UTC`, or the local zone's abbreviation (`CET`), for column titles.
    [[nodiscard]] static QString zoneLabel();

    /// Makes `model` announce new display texts and column titles whenever the choice changes.
    static void refreshOnChange(QAbstractItemModel *model);

Q_SIGNALS:
    void changed();

private:
    TimeDisplay() = default;
    bool m_local = false;
};

} // namespace ul::gui
