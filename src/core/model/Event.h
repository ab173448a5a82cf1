#pragma once

#include "util/Timestamp.h"

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <optional>
#include <utility>
#include <variant>

namespace ul {

/// One property value of a usage event. Orb allows only flat string, number and boolean
/// values; integers are kept apart from other numbers so `"ms": 100` round-trips unchanged.
using PropertyValue = std::variant<QString, qint64, double, bool>;

/// Event properties in the order they were given (keys are unique).
class Properties {
public:
    using Entry = std::pair<QString, PropertyValue>;

    Properties() = default;
    Properties(std::initializer_list<Entry> entries);
    /// From entries that may repeat a key, as a JSON object may: a repeated key keeps its first
    /// position and takes its last value, exactly as set() one by one would, in linear time
    /// (set() one by one is quadratic: a decoded page has 500 events of up to hundreds of keys).
    static Properties fromEntries(QList<Entry> entries);

    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    void reserve(qsizetype size) { m_entries.reserve(size); }
    [[nodiscard]] bool contains(QStringView key) const { return indexOf(key) >= 0; }
    [[nodiscard]] const PropertyValue *find(QStringView key) const;
    /// Sets or replaces the value of `key`, keeping the position of an existing key.
    void set(const QString &key, PropertyValue value);
    bool remove(QStringView key);

    friend bool operator==(const Properties &, const Properties &) = default;

private:
    [[nodiscard]] qsizetype indexOf(QStringView key) const;
    QList<Entry> m_entries;
};

/// A usage event as Orb stores it. `id` is the ingest idempotency key.
struct Event {
    QString id;
    QString eventName;
    std::optional<QString> customerId;
    std::optional<QString> externalCustomerId;
    Timestamp timestamp;
    Properties properties;
    bool deprecated = false;

    friend bool operator==(const Event &, const Event &) = default;
};

/// A short human text for a property value (`"eu"` → eu, 1.5 → 1.5, true → true).
QString propertyValueToString(const PropertyValue &value);

} // namespace ul

Q_DECLARE_METATYPE(ul::Event)
