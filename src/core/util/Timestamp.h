#pragma once

#include "util/Expected.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <chrono>

namespace ul {

/// A point in time in UTC with millisecond precision; the one time type of the API.
/// Orb sends and expects ISO 8601 strings in UTC (`2024-05-01T12:00:00Z`).
class Timestamp {
public:
    constexpr Timestamp() = default;
    static constexpr Timestamp fromMsecs(qint64 msSinceEpoch) { return Timestamp(msSinceEpoch); }
    static Timestamp now();
    static Timestamp fromDateTime(const QDateTime &dateTime);

    /// Strict ISO 8601 parse: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or a UTC offset.
    /// With `requireUtc` only `Z`, `+00:00` and `-00:00` offsets are accepted, as Orb requires.
    /// The error is a sentence naming what is wrong.
    static Expected<Timestamp, QString> parseIso8601(QStringView text, bool requireUtc = true);
    static Expected<Timestamp, QString> parseIso8601(std::string_view text, bool requireUtc = true);

    [[nodiscard]] constexpr qint64 msecs() const { return m_ms; }
    [[nodiscard]] QDateTime toDateTime() const;
    /// `2024-05-01T12:00:00Z`, or with `.123` when the milliseconds are not zero.
    [[nodiscard]] QString toIso8601() const;
    /// The text of toIso8601() written into `buffer` without allocating (request bodies write one
    /// per event); returns its length, or 0 for a year outside 0000–9999 (toIso8601() spells those).
    qsizetype writeIso8601(char (&buffer)[32]) const;

    [[nodiscard]] constexpr Timestamp addMsecs(qint64 ms) const { return Timestamp(m_ms + ms); }
    [[nodiscard]] constexpr Timestamp addSecs(qint64 s) const { return Timestamp(m_ms + s * 1000); }
    template <class Rep, class Period>
    [[nodiscard]] constexpr Timestamp operator+(std::chrono::duration<Rep, Period> d) const
    {
        return Timestamp(m_ms + std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
    }
    template <class Rep, class Period>
    [[nodiscard]] constexpr Timestamp operator-(std::chrono::duration<Rep, Period> d) const
    {
        return Timestamp(m_ms - std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
    }
    /// The start of the UTC hour this instant lies in.
    [[nodiscard]] constexpr Timestamp floorToHour() const
    {
        constexpr qint64 hour = 3'600'000;
        const qint64 r = m_ms % hour;
        return Timestamp(r < 0 ? m_ms - r - hour : m_ms - r);
    }

    constexpr auto operator<=>(const Timestamp &) const = default;

private:
    constexpr explicit Timestamp(qint64 ms) : m_ms(ms) {}
    qint64 m_ms = 0;
};

} // namespace ul
