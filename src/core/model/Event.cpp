#include "model/Event.h"

#include <QtCore/QLocale>

namespace ul {

Properties::Properties(std::initializer_list<Entry> entries)
{
    for (const auto &entry : entries)
        set(entry.first, entry.second);
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
