#include "util/Timestamp.h"

#include <QtCore/QTimeZone>

#include <array>

namespace ul {

namespace {

// Days from 1970-01-01 to the given civil date (proleptic Gregorian); Howard Hinnant's algorithm.
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

constexpr bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int daysInMonth(int y, int m)
{
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[static_cast<size_t>(m - 1)];
}

template <class Char>
Expected<Timestamp, QString> parse(const Char *s, qsizetype n, bool requireUtc)
{
    qsizetype i = 0;
    auto digits = [&](int count, int &out) -> bool {
        if (i + count > n)
            return false;
        int v = 0;
        for (int k = 0; k < count; ++k) {
            const auto c = static_cast<char16_t>(s[i + k]);
            if (c < u'0' || c > u'9')
                return false;
            v = v * 10 + (c - u'0');
        }
        out = v;
        i += count;
        return true;
    };
    auto expect = [&](char16_t c) -> bool {
        if (i < n && static_cast<char16_t>(s[i]) == c) {
            ++i;
            return true;
        }
        return false;
    };
    const QString shape = QStringLiteral("expected an ISO 8601 date-time such as 2024-05-01T12:00:00Z");
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(4, year) || !expect(u'-') || !digits(2, month) || !expect(u'-') || !digits(2, day))
        return Unexpected{shape};
    if (!(expect(u'T') || expect(u't') || expect(u' ')))
        return Unexpected{shape};
    if (!digits(2, hour) || !expect(u':') || !digits(2, minute))
        return Unexpected{shape};
    qint64 fractionMs = 0;
    if (expect(u':')) {
        if (!digits(2, second))
            return Unexpected{shape};
        if (expect(u'.') || expect(u',')) {
            int scale = 100, count = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                fractionMs += (static_cast<char16_t>(s[i]) - u'0') * scale;
                scale /= 10;
                ++i;
                ++count;
            }
            if (count == 0)
                return Unexpected{shape};
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 60) {
        return Unexpected{QStringLiteral("is not a valid calendar date and time")};
    }
    second = qMin(second, 59); // a leap second is read as the last second of its minute
    qint64 offsetMinutes = 0;
    if (i == n)
        return Unexpected{QStringLiteral("has no time zone; add Z for UTC")};
    if (expect(u'Z') || expect(u'z')) {
        offsetMinutes = 0;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        const bool negative = s[i] == '-';
        ++i;
        int oh = 0, om = 0;
        if (!digits(2, oh))
            return Unexpected{shape};
        expect(u':');
        if (!digits(2, om) || oh > 23 || om > 59)
            return Unexpected{shape};
        offsetMinutes = (negative ? -1 : 1) * (oh * 60 + om);
        if (requireUtc && offsetMinutes != 0)
            return Unexpected{QStringLiteral("must be in UTC (end it with Z), not at a UTC offset")};
    } else {
        return Unexpected{shape};
    }
    if (i != n)
        return Unexpected{shape};
    const qint64 days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const qint64 ms = ((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000LL + fractionMs
        - offsetMinutes * 60'000;
    // An offset can carry 0000-01-01 or 9999-12-31 out of the four-digit years that toIso8601()
    // (and Orb) write: such an instant could not be sent back.
    constexpr qint64 msPerDay = 86'400'000;
    if (ms < daysFromCivil(0, 1, 1) * msPerDay || ms >= daysFromCivil(10000, 1, 1) * msPerDay)
        return Unexpected{QStringLiteral("is outside the years 0000 to 9999 in UTC")};
    return Timestamp::fromMsecs(ms);
}

struct CivilDate {
    qint64 year;
    unsigned month;
    unsigned day;
};

// The inverse of daysFromCivil.
constexpr CivilDate civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<qint64>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

static_assert(civilFromDays(0).year == 1970 && civilFromDays(0).month == 1 && civilFromDays(0).day == 1);
static_assert(civilFromDays(daysFromCivil(2024, 2, 29)).day == 29);

} // namespace

Timestamp Timestamp::now()
{
    return Timestamp(QDateTime::currentMSecsSinceEpoch());
}

Timestamp Timestamp::fromDateTime(const QDateTime &dateTime)
{
    return Timestamp(dateTime.toMSecsSinceEpoch());
}

Expected<Timestamp, QString> Timestamp::parseIso8601(QStringView text, bool requireUtc)
{
    return parse(text.utf16(), text.size(), requireUtc);
}

Expected<Timestamp, QString> Timestamp::parseIso8601(std::string_view text, bool requireUtc)
{
    return parse(text.data(), static_cast<qsizetype>(text.size()), requireUtc);
}

QDateTime Timestamp::toDateTime() const
{
    return QDateTime::fromMSecsSinceEpoch(m_ms, QTimeZone::utc());
}

QString Timestamp::toIso8601() const
{
    char buffer[32];
    const qsizetype length = writeIso8601(buffer);
    if (length == 0) // outside ISO 8601's four digits: let Qt spell it
        return toDateTime().toString(Qt::ISODateWithMs);
    return QString::fromLatin1(buffer, length);
}

qsizetype Timestamp::writeIso8601(char (&buffer)[32]) const
{
    // Written by hand: QDateTime::toString costs ~10k instructions, and search answers and
    // ingest bodies format one timestamp per event.
    constexpr qint64 msPerDay = 86'400'000;
    qint64 days = m_ms / msPerDay;
    qint64 msOfDay = m_ms % msPerDay;
    if (msOfDay < 0) {
        msOfDay += msPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999)
        return 0;
    const int ms = int(msOfDay % 1000);
    const int secondOfDay = int(msOfDay / 1000);
    char *p = buffer;
    auto put = [&p](qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            p[i] = char('0' + value % 10);
            value /= 10;
        }
        p += width;
    };
    put(date.year, 4);
    *p++ = '-';
    put(date.month, 2);
    *p++ = '-';
    put(date.day, 2);
    *p++ = 'T';
    put(secondOfDay / 3600, 2);
    *p++ = ':';
    put(secondOfDay / 60 % 60, 2);
    *p++ = ':';
    put(secondOfDay % 60, 2);
    if (ms != 0) {
        *p++ = '.';
        put(ms, 3);
    }
    *p++ = 'Z';
    return p - buffer;
}

} // namespace ul
