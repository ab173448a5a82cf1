#include "model/Event.h"

#include <QtCore/QHashFunctions>
#include <QtCore/QLocale>
#include <QtCore/QVarLengthArray>

#include <bit>

namespace ul {

Properties::Properties(std::initializer_list<Entry> entries)
{
    for (const auto &entry : entries)
        set(entry.first, entry.second);
}

Properties Properties::fromEntries(QList<Entry> entries)
{
    Properties result;
    const qsizetype n = entries.size();
    if (n <= 1) {
        result.m_entries = std::move(entries);
        return result;
    }
    // An open-addressing table of entry indices, on the stack for up to 64 keys: each key is
    // hashed once and compared only with keys of the same slot run.
    const size_t capacity = std::bit_ceil(size_t(n) * 2);
    const size_t mask = capacity - 1;
    QVarLengthArray<qsizetype, 128> slots(qsizetype(capacity), -1);
    QVarLengthArray<bool, 64> repeated(n, false);
    bool anyRepeated = false;
    for (qsizetype i = 0; i < n; ++i) {
        size_t slot = qHash(entries[i].first) & mask;
        for (;;) {
            const qsizetype first = slots[qsizetype(slot)];
            if (first < 0) {
                slots[qsizetype(slot)] = i;
                break;
            }
            if (entries[first].first == entries[i].first) {
                entries[first].second = std::move(entries[i].second);
                repeated[i] = anyRepeated = true;
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
    if (anyRepeated) {
        qsizetype kept = 0;
        for (qsizetype i = 0; i < n; ++i) {
            if (!repeated[i]) {
                if (kept != i)
                    entries[kept] = std::move(entries[i]);
                ++kept;
            }
        }
        entries.resize(kept);
    }
    result.m_entries = std::move(entries);
    return result;
}

qsizetype Properties::indexOf(QStringView key) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].first == key)
            return i;
    }
    return -1;
}

const PropertyValue *Properties::find(QStringView key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? nullptr : &m_entries[i].second;
}

void Properties::set(const QString &key, PropertyValue value)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        m_entries.append({key, std::move(value)});
    else
        m_entries[i].second = std::move(value);
}

bool Properties::remove(QStringView key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return false;
    m_entries.removeAt(i);
    return true;
}

QString propertyValueToString(const PropertyValue &value)
{
    struct Visitor {
        QString operator()(const QString &s) const { return s; }
        QString operator()(qint64 n) const { return QString::number(n); }
        QString operator()(double d) const { return QString::number(d, 'g', QLocale::FloatingPointShortest); }
        QString operator()(bool b) const { return b ? QStringLiteral("true") : QStringLiteral("false"); }
    };
    return std::visit(Visitor{}, value);
}

} // namespace ul
