#pragma once
// Shared by the libFuzzer targets of tests/fuzz: the input as Qt types, and a check that stops
// the run (libFuzzer then keeps the input as a crash file) when a parser breaks a promise of its
// header, e.g. "toString() parses back to the same expression".

#include <QtCore/QByteArrayView>
#include <QtCore/QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace ul::fuzz {

inline QByteArrayView bytes(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The input as UTF-8 text (invalid sequences become U+FFFD, as in every QString::fromUtf8).
inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(bytes(data, size));
}

/// The first byte picks one of `choices` parsers; the rest is their input.
struct Selected {
    unsigned choice = 0;
    QByteArrayView rest;
};
inline Selected select(const uint8_t *data, size_t size, unsigned choices)
{
    if (size == 0)
        return {};
    return {unsigned(data[0]) % choices, bytes(data + 1, size - 1)};
}

[[noreturn]] inline void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz check failed: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace ul::fuzz

#define UL_FUZZ_CHECK(condition, detail)                                                                               \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::ul::fuzz::broken(#condition, (detail));                                                                  \
    } while (false)
