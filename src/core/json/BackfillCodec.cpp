#include "json/BackfillCodec.h"

#include "json/SimdJsonSupport.h"

namespace ul {

QString backfillStatusName(BackfillStatus status)
{
    switch (status) {
    case BackfillStatus::Pending: return QStringLiteral("pending");
    case BackfillStatus::Reflected: return QStringLiteral("reflected");
    case BackfillStatus::PendingRevert: return QStringLiteral("pending_revert");
    case BackfillStatus::Reverted: return QStringLiteral("reverted");
    }
    return QStringLiteral("pending");
}

std::optional<BackfillStatus> backfillStatusFromName(QStringView name)
{
    for (BackfillStatus s : {BackfillStatus::Pending, BackfillStatus::Reflected, BackfillStatus::PendingRevert,
                             BackfillStatus::Reverted}) {
        if (name == backfillStatusName(s))
            return s;
    }
    return std::nullopt;
}

} // namespace ul

namespace ul::json {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using detail::parseDocument;
using detail::threadParser;
using detail::toQString;
using detail::typeName;

/// Reads fields of one object with typed accessors, collecting problems as sentences.
class FieldReader {
public:
    explicit FieldReader(QStringList &problems) : m_problems(problems) {}

    bool string(element v, std::string_view field, QString &target)
    {
        std::string_view s;
        if (v.get_string().get(s)) {
            problem(field, QStringLiteral("must be a string"));
            return false;
        }
        target = toQString(s);
        return true;
    }
    bool optionalString(element v, std::string_view field, std::optional<QString> &target)
    {
        return optional(v, field, target, &FieldReader::string);
    }
    bool time(element v, std::string_view field, Timestamp &target)
    {
        std::string_view s;
        if (v.get_string().get(s)) {
            problem(field, QStringLiteral("must be an ISO 8601 date-time string"));
            return false;
        }
        auto parsed = Timestamp::parseIso8601(s);
        if (!parsed) {
            problem(field, QStringLiteral("\"%1\" %2").arg(toQString(s), parsed.error()));
            return false;
        }
        target = *parsed;
        return true;
    }
    bool optionalTime(element v, std::string_view field, std::optional<Timestamp> &target)
    {
        return optional(v, field, target, &FieldReader::time);
    }
    bool boolean(element v, std::string_view field, bool &target)
    {
        if (v.get_bool().get(target)) {
            problem(field, QStringLiteral("must be a boolean"));
            return false;
        }
        return true;
    }
    bool integer(element v, std::string_view field, qint64 &target)
    {
        int64_t n = 0;
        if (v.get_int64().get(n)) {
            problem(field, QStringLiteral("must be an integer"));
            return false;
        }
        target = n;
        return true;
    }
    void problem(std::string_view field, const QString &text) { m_problems << QStringLiteral("%1: %2").arg(toQString(field), text); }

private:
    /// null → nullopt; anything else as `read` reads it.
    template <class T>
    bool optional(element v, std::string_view field, std::optional<T> &target,
                  bool (FieldReader::*read)(element, std::string_view, T &))
    {
        if (v.is_null()) {
            target.reset();
            return true;
        }
        T value;
        if (!(this->*read)(v, field, value))
            return false;
        target = std::move(value);
        return true;
    }

    QStringList &m_problems;
};

Expected<Backfill, QString> readBackfill(element value)
{
    simdjson::dom::object object;
    if (value.get_object().get(object))
        return Unexpected{QStringLiteral("a backfill must be a JSON object")};
    Backfill b;
    QStringList problems;
    FieldReader read(problems);
    bool hasId = false, hasStatus = false, hasCreated = false, hasStart = false, hasEnd = false;
    for (auto field : object) {
        const std::string_view key = field.key;
        const element v = field.value;
        if (key == "id") {
            hasId = read.string(v, key, b.id);
        } else if (key == "status") {
            QString name;
            if (read.string(v, key, name)) {
                if (auto status = backfillStatusFromName(name)) {
                    b.status = *status;
                    hasStatus = true;
                } else {
                    read.problem(key, QStringLiteral("\"%1\" is not a backfill status").arg(name));
                }
            }
        } else if (key == "created_at") {
            hasCreated = read.time(v, key, b.createdAt);
        } else if (key == "timeframe_start") {
            hasStart = read.time(v, key, b.timeframeStart);
        } else if (key == "timeframe_end") {
            hasEnd = read.time(v, key, b.timeframeEnd);
        } else if (key == "close_time") {
            read.optionalTime(v, key, b.closeTime);
        } else if (key == "reverted_at") {
            read.optionalTime(v, key, b.revertedAt);
        } else if (key == "customer_id") {
            read.optionalString(v, key, b.customerId);
        } else if (key == "external_customer_id") {
            read.optionalString(v, key, b.externalCustomerId);
        } else if (key == "events_ingested") {
            read.integer(v, key, b.eventsIngested);
        } else if (key == "replace_existing_events") {
            read.boolean(v, key, b.replaceExistingEvents);
        } else if (key == "deprecation_filter") {
            read.optionalString(v, key, b.deprecationFilter);
        }
    }
    if (!hasId || !hasStatus || !hasCreated || !hasStart || !hasEnd)
        problems << QStringLiteral("a backfill needs id, status, created_at, timeframe_start and timeframe_end");
    if (!problems.isEmpty())
        return Unexpected{QStringLiteral("a backfill in the response is malformed: %1").arg(problems.join(QStringLiteral("; ")))};
    return b;
}

PaginationMetadata readPagination(element root)
{
    PaginationMetadata p;
    element meta;
    if (root["pagination_metadata"].get(meta))
        return p;
    bool more = false;
    if (!meta["has_more"].get_bool().get(more))
        p.hasMore = more;
    std::string_view cursor;
    if (!meta["next_cursor"].get_string().get(cursor) && !cursor.empty())
        p.nextCursor = toQString(cursor);
    return p;
}

} // namespace

Expected<DecodedNewBackfill, QString> decodeNewBackfill(QByteArrayView body)
{
    auto root = parseDocument(body);
    if (!root)
        return Unexpected{root.error()};
    simdjson::dom::object object;
    if (root->get_object().get(object))
        return Unexpected{QStringLiteral("the body must be a JSON object")};
    DecodedNewBackfill decoded;
    NewBackfill &b = decoded.backfill;
    FieldReader read(decoded.problems);
    bool hasStart = false, hasEnd = false;
    for (auto field : object) {
        const std::string_view key = field.key;
        const element v = field.value;
        if (key == "timeframe_start")
            hasStart = read.time(v, key, b.timeframeStart);
        else if (key == "timeframe_end")
            hasEnd = read.time(v, key, b.timeframeEnd);
        else if (key == "close_time")
            read.optionalTime(v, key, b.closeTime);
        else if (key == "customer_id")
            read.optionalString(v, key, b.customerId);
        else if (key == "external_customer_id")
            read.optionalString(v, key, b.externalCustomerId);
        else if (key == "replace_existing_events")
            read.boolean(v, key, b.replaceExistingEvents);
        else if (key == "deprecation_filter")
            read.optionalString(v, key, b.deprecationFilter);
        else
            read.problem(key, QStringLiteral("is not a recognised field"));
    }
    if (!hasStart && !decoded.problems.join(u' ').contains(QStringLiteral("timeframe_start")))
        decoded.problems << QStringLiteral("timeframe_start: is required");
    if (!hasEnd && !decoded.problems.join(u' ').contains(QStringLiteral("timeframe_end")))
        decoded.problems << QStringLiteral("timeframe_end: is required");
    return decoded;
}

QByteArray encodeNewBackfill(const NewBackfill &b)
{
    JsonWriter out;
    out.beginObject();
    out.key("timeframe_start").value(b.timeframeStart);
    out.key("timeframe_end").value(b.timeframeEnd);
    if (b.closeTime)
        out.key("close_time").value(*b.closeTime);
    if (b.customerId)
        out.key("customer_id").value(*b.customerId);
    if (b.externalCustomerId)
        out.key("external_customer_id").value(*b.externalCustomerId);
    out.key("replace_existing_events").value(b.replaceExistingEvents);
    if (b.deprecationFilter)
        out.key("deprecation_filter").value(*b.deprecationFilter);
    out.endObject();
    return out.take();
}

void writeBackfill(JsonWriter &out, const Backfill &b)
{
    auto optionalTime = [](const std::optional<Timestamp> &t) {
        return t ? std::optional<QString>(t->toIso8601()) : std::nullopt;
    };
    out.beginObject();
    out.key("id").value(b.id);
    out.key("status").value(backfillStatusName(b.status));
    out.key("created_at").value(b.createdAt);
    out.key("timeframe_start").value(b.timeframeStart);
    out.key("timeframe_end").value(b.timeframeEnd);
    out.key("events_ingested").value(b.eventsIngested);
    out.key("close_time").value(optionalTime(b.closeTime));
    out.key("reverted_at").value(optionalTime(b.revertedAt));
    out.key("customer_id").value(b.customerId);
    out.key("replace_existing_events").value(b.replaceExistingEvents);
    out.key("deprecation_filter").value(b.deprecationFilter);
    out.endObject();
}

QByteArray encodeBackfill(const Backfill &backfill)
{
    JsonWriter out;
    writeBackfill(out, backfill);
    return out.take();
}

void writeVolumeBucket(JsonWriter &out, const VolumeBucket &bucket)
{
    out.beginObject();
    out.key("timeframe_start").value(bucket.timeframeStart);
    out.key("timeframe_end").value(bucket.timeframeEnd);
    out.key("count").value(bucket.count);
    out.endObject();
}

void writePaginationMetadata(JsonWriter &out, const PaginationMetadata &pagination)
{
    out.beginObject();
    out.key("has_more").value(pagination.hasMore);
    out.key("next_cursor").value(pagination.nextCursor);
    out.endObject();
}

Expected<Backfill, QString> decodeBackfill(QByteArrayView body)
{
    auto root = parseDocument(body);
    if (!root)
        return Unexpected{root.error()};
    return readBackfill(*root);
}

namespace {

Expected<VolumeBucket, QString> readVolumeBucket(element item)
{
    QStringList problems;
    FieldReader read(problems);
    VolumeBucket bucket;
    element v;
    if (item["timeframe_start"].get(v) || !read.time(v, "timeframe_start", bucket.timeframeStart)
        || item["timeframe_end"].get(v) || !read.time(v, "timeframe_end", bucket.timeframeEnd)
        || item["count"].get(v) || !read.integer(v, "count", bucket.count)) {
        return Unexpected{QStringLiteral("a volume bucket in the response is malformed%1")
                              .arg(problems.isEmpty() ? QString() : QStringLiteral(": ") + problems.join(QStringLiteral("; ")))};
    }
    return bucket;
}

/// `{data: [item…], pagination_metadata?}` into `List`, each item read by `read`.
template <class List, class T>
Expected<List, QString> decodeList(QByteArrayView body, QList<T> List::*items, Expected<T, QString> (*read)(element))
{
    auto root = parseDocument(body);
    if (!root)
        return Unexpected{root.error()};
    simdjson::dom::array data;
    if ((*root)["data"].get_array().get(data))
        return Unexpected{QStringLiteral("the response has no \"data\" array")};
    List list;
    (list.*items).reserve(qsizetype(data.size()));
    for (element item : data) {
        auto value = read(item);
        if (!value)
            return Unexpected{value.error()};
        (list.*items).append(std::move(value).value());
    }
    list.pagination = readPagination(*root);
    return list;
}

} // namespace

Expected<BackfillList, QString> decodeBackfillList(QByteArrayView body)
{
    return decodeList(body, &BackfillList::backfills, &readBackfill);
}

Expected<VolumeList, QString> decodeVolumeList(QByteArrayView body)
{
    return decodeList(body, &VolumeList::buckets, &readVolumeBucket);
}

} // namespace ul::json
