#include "json/EventCodec.h"

#include "json/SimdJsonSupport.h"

#include <string>
#include <unordered_map>

namespace ul::json {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using detail::parseDocument;
using detail::threadParser;
using detail::toQString;
using detail::typeName;

/// Property keys, and short string values, repeat from one event to the next (a page of 500
/// events has a handful of distinct keys and regions): decoding each once per thread and sharing
/// the QString (implicitly) saves most of a page's allocations and UTF-8 conversions, and the
/// memory of every event held in a table. Bounded: it starts again when full.
class StringInterner {
public:
    QString get(std::string_view utf8)
    {
        if (utf8.size() > MaxLength)
            return toQString(utf8);
        if (const auto it = m_strings.find(utf8); it != m_strings.end())
            return it->second;
        if (m_strings.size() >= MaxEntries)
            m_strings.clear();
        QString decoded = toQString(utf8);
        m_strings.emplace(std::string(utf8), decoded);
        return decoded;
    }

private:
    static constexpr size_t MaxLength = 48;
    static constexpr size_t MaxEntries = 4096;
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_strings;
};

StringInterner &threadInterner()
{
    thread_local StringInterner interner;
    return interner;
}

void readProperties(element value, Properties &out, QStringList &problems)
{
    simdjson::dom::object object;
    if (value.get_object().get(object)) {
        problems << QStringLiteral("properties: must be an object, not %1").arg(typeName(value.type()));
        return;
    }
    StringInterner &strings = threadInterner();
    QList<Properties::Entry> entries;
    entries.reserve(qsizetype(object.size()));
    for (auto field : object) {
        QString key = strings.get(field.key);
        const element v = field.value;
        switch (v.type()) {
        case element_type::STRING: entries.emplace_back(std::move(key), strings.get(std::string_view(v.get_string()))); break;
        case element_type::INT64: entries.emplace_back(std::move(key), static_cast<qint64>(int64_t(v.get_int64()))); break;
        case element_type::UINT64: entries.emplace_back(std::move(key), static_cast<double>(uint64_t(v.get_uint64()))); break;
        case element_type::DOUBLE: entries.emplace_back(std::move(key), double(v.get_double())); break;
        case element_type::BOOL: entries.emplace_back(std::move(key), bool(v.get_bool())); break;
        case element_type::OBJECT:
        case element_type::ARRAY:
            problems << QStringLiteral("properties.%1: must be a string, number or boolean; nested %2 are not allowed")
                            .arg(key, v.type() == element_type::OBJECT ? QStringLiteral("objects") : QStringLiteral("arrays"));
            break;
        case element_type::NULL_VALUE:
            problems << QStringLiteral("properties.%1: must be a string, number or boolean, not null").arg(key);
            break;
        }
    }
    out = Properties::fromEntries(std::move(entries));
}

DecodedEvent readEvent(element value, EventShape shape)
{
    DecodedEvent decoded;
    Event &event = decoded.event;
    QStringList &problems = decoded.problems;
    simdjson::dom::object object;
    if (value.get_object().get(object)) {
        problems << QStringLiteral("each event must be an object, not %1").arg(typeName(value.type()));
        return decoded;
    }
    bool hasName = false, hasTimestamp = false, hasProperties = false, hasKey = false;
    // Names and customers repeat across events: shared (see StringInterner); ids do not.
    auto readString = [&](const element &v, std::string_view field, QString &target, bool shared = false) {
        std::string_view s;
        if (v.get_string().get(s)) {
            problems << QStringLiteral("%1: must be a string, not %2").arg(toQString(field), typeName(v.type()));
            return false;
        }
        target = shared ? threadInterner().get(s) : toQString(s);
        return true;
    };
    auto readOptionalString = [&](const element &v, std::string_view field, std::optional<QString> &target) {
        if (v.is_null()) {
            target.reset();
            return;
        }
        QString s;
        if (readString(v, field, s, true))
            target = s;
    };
    for (auto field : object) {
        const std::string_view key = field.key;
        const element v = field.value;
        if (key == "event_name") {
            hasName = readString(v, key, event.eventName, true);
        } else if (key == "timestamp") {
            std::string_view s;
            if (v.get_string().get(s)) {
                problems << QStringLiteral("timestamp: must be an ISO 8601 string, not %1").arg(typeName(v.type()));
            } else if (auto parsed = Timestamp::parseIso8601(s); parsed) {
                event.timestamp = *parsed;
                hasTimestamp = true;
            } else {
                problems << QStringLiteral("timestamp: \"%1\" %2").arg(toQString(s), parsed.error());
            }
        } else if (key == "properties") {
            hasProperties = true;
            readProperties(v, event.properties, problems);
        } else if (key == "customer_id") {
            readOptionalString(v, key, event.customerId);
        } else if (key == "external_customer_id") {
            readOptionalString(v, key, event.externalCustomerId);
        } else if (key == "idempotency_key" && shape == EventShape::Ingest) {
            hasKey = readString(v, key, event.id);
        } else if (key == "id" && shape == EventShape::Stored) {
            hasKey = readString(v, key, event.id);
        } else if (key == "deprecated" && shape == EventShape::Stored) {
            bool flag = false;
            if (v.get_bool().get(flag))
                problems << QStringLiteral("deprecated: must be a boolean");
            event.deprecated = flag;
        } else if (shape != EventShape::Stored) {
            problems << QStringLiteral("%1: is not a recognised field").arg(toQString(key));
        }
    }
    if (!hasName && !problems.join(u' ').contains(QStringLiteral("event_name")))
        problems << QStringLiteral("event_name: is required");
    if (!hasTimestamp && !problems.join(u' ').contains(QStringLiteral("timestamp")))
        problems << QStringLiteral("timestamp: is required");
    if (!hasProperties && shape != EventShape::Stored)
        problems << QStringLiteral("properties: is required");
    if (!hasKey && shape == EventShape::Ingest && !problems.join(u' ').contains(QStringLiteral("idempotency_key")))
        problems << QStringLiteral("idempotency_key: is required");
    return decoded;
}

} // namespace

Expected<QList<DecodedEvent>, QString> decodeIngestBody(QByteArrayView body)
{
    auto root = parseDocument(body);
    if (!root)
        return Unexpected{root.error()};
    simdjson::dom::object object;
    if (root->get_object().get(object))
        return Unexpected{QStringLiteral("the body must be a JSON object with an \"events\" array")};
    simdjson::dom::array events;
    bool found = false;
    for (auto field : object) {
        if (field.key != "events")
            return Unexpected{QStringLiteral("%1: is not a recognised field").arg(toQString(field.key))};
        if (field.value.get_array().get(events))
            return Unexpected{QStringLiteral("events: must be an array, not %1").arg(typeName(field.value.type()))};
        found = true;
    }
    if (!found)
        return Unexpected{QStringLiteral("events: is required")};
    QList<DecodedEvent> result;
    result.reserve(qsizetype(events.size()));
    for (element item : events)
        result.append(readEvent(item, EventShape::Ingest));
    return result;
}

Expected<DecodedEvent, QString> decodeEventObject(QByteArrayView json, EventShape shape)
{
    auto root = parseDocument(json);
    if (!root)
        return Unexpected{root.error()};
    if (root->type() != element_type::OBJECT)
        return Unexpected{QStringLiteral("the body must be a JSON object, not %1").arg(typeName(root->type()))};
    return readEvent(*root, shape);
}

Expected<QList<Event>, QString> decodeEventList(QByteArrayView body)
{
    auto root = parseDocument(body);
    if (!root)
        return Unexpected{root.error()};
    simdjson::dom::array data;
    if ((*root)["data"].get_array().get(data))
        return Unexpected{QStringLiteral("the response has no \"data\" array")};
    QList<Event> events;
    events.reserve(qsizetype(data.size()));
    for (element item : data) {
        DecodedEvent decoded = readEvent(item, EventShape::Stored);
        if (!decoded.problems.isEmpty())
            return Unexpected{QStringLiteral("an event in the response is malformed: %1").arg(decoded.problems.join(QStringLiteral("; ")))};
        events.append(std::move(decoded.event));
    }
    return events;
}

Expected<QList<EventRevision>, QString> decodeEventHistory(QByteArrayView body)
{
    auto root = parseDocument(body);
    if (!root)
        return Unexpected{root.error()};
    simdjson::dom::array versions;
    if ((*root)["versions"].get_array().get(versions))
        return Unexpected{QStringLiteral("the response has no \"versions\" array")};
    QList<EventRevision> revisions;
    for (element item : versions) {
        EventRevision revision;
        int64_t version = 0;
        std::string_view change, recordedAt;
        element event;
        if (item["version"].get_int64().get(version) || item["change"].get_string().get(change)
            || item["recorded_at"].get_string().get(recordedAt) || item["event"].get(event)) {
            return Unexpected{QStringLiteral("a version in the response lacks version, change, recorded_at or event")};
        }
        auto when = Timestamp::parseIso8601(recordedAt);
        if (!when)
            return Unexpected{QStringLiteral("recorded_at: %1").arg(when.error())};
        DecodedEvent decoded = readEvent(event, EventShape::Stored);
        if (!decoded.problems.isEmpty())
            return Unexpected{QStringLiteral("a version of the event is malformed: %1").arg(decoded.problems.join(QStringLiteral("; ")))};
        revision.version = int(version);
        revision.change = toQString(change);
        revision.recordedAt = *when;
        revision.event = std::move(decoded.event);
        revisions.append(std::move(revision));
    }
    return revisions;
}

void writeProperties(JsonWriter &out, const Properties &properties)
{
    out.beginObject();
    for (const auto &[key, value] : properties.entries()) {
        out.key(QStringView(key));
        std::visit([&out](const auto &v) { out.value(v); }, value);
    }
    out.endObject();
}

void writeEvent(JsonWriter &out, const Event &event)
{
    out.beginObject();
    out.key("id").value(event.id);
    out.key("customer_id").value(event.customerId);
    out.key("external_customer_id").value(event.externalCustomerId);
    out.key("event_name").value(event.eventName);
    out.key("properties");
    writeProperties(out, event.properties);
    out.key("timestamp").value(event.timestamp);
    out.key("deprecated").value(event.deprecated);
    out.endObject();
}

namespace {

void writeIngestItems(JsonWriter &out, std::span<const Event> events)
{
    for (const Event &e : events) {
        out.beginObject();
        out.key("idempotency_key").value(e.id);
        out.key("event_name").value(e.eventName);
        out.key("timestamp").value(e.timestamp);
        if (e.customerId)
            out.key("customer_id").value(*e.customerId);
        if (e.externalCustomerId)
            out.key("external_customer_id").value(*e.externalCustomerId);
        out.key("properties");
        writeProperties(out, e.properties);
        out.endObject();
    }
}

} // namespace

QByteArray encodeIngestBody(const QList<Event> &events)
{
    JsonWriter out(events.size() * 200 + 16);
    out.beginObject().key("events").beginArray();
    writeIngestItems(out, std::span<const Event>(events.constData(), size_t(events.size())));
    out.endArray().endObject();
    return out.take();
}

QByteArray encodeIngestItems(std::span<const Event> events)
{
    JsonWriter out(qsizetype(events.size()) * 200);
    writeIngestItems(out, events);
    return out.take();
}

QByteArray encodeAmendBody(const Event &event)
{
    JsonWriter out;
    out.beginObject();
    out.key("event_name").value(event.eventName);
    out.key("timestamp").value(event.timestamp);
    if (event.customerId)
        out.key("customer_id").value(*event.customerId);
    if (event.externalCustomerId)
        out.key("external_customer_id").value(*event.externalCustomerId);
    out.key("properties");
    writeProperties(out, event.properties);
    out.endObject();
    return out.take();
}

QByteArray encodeProperties(const Properties &properties)
{
    JsonWriter out;
    writeProperties(out, properties);
    return out.take();
}

Expected<Properties, QString> decodeProperties(QByteArrayView json)
{
    auto root = parseDocument(json);
    if (!root)
        return Unexpected{root.error()};
    Properties properties;
    QStringList problems;
    readProperties(*root, properties, problems);
    if (!problems.isEmpty())
        return Unexpected{problems.join(QStringLiteral("; "))};
    return properties;
}

} // namespace ul::json
