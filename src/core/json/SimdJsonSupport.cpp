#include "json/SimdJsonSupport.h"

namespace ul::json::detail {

simdjson::dom::parser &threadParser()
{
    thread_local simdjson::dom::parser parser;
    return parser;
}

Expected<simdjson::dom::element, QString> parseDocument(QByteArrayView body)
{
    // An empty view may have a null data pointer, which simdjson would pass to memcpy.
    if (body.isEmpty())
        return Unexpected{QStringLiteral("the body is not valid JSON (it is empty)")};
    simdjson::dom::element root;
    const auto error = threadParser().parse(body.data(), size_t(body.size()), true).get(root);
    if (error)
        return Unexpected{QStringLiteral("the body is not valid JSON (%1)").arg(QString::fromUtf8(simdjson::error_message(error)))};
    return root;
}

QString typeName(simdjson::dom::element_type type)
{
    using simdjson::dom::element_type;
    switch (type) {
    case element_type::ARRAY: return QStringLiteral("an array");
    case element_type::OBJECT: return QStringLiteral("an object");
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return QStringLiteral("a number");
    case element_type::STRING: return QStringLiteral("a string");
    case element_type::BOOL: return QStringLiteral("a boolean");
    case element_type::NULL_VALUE: return QStringLiteral("null");
    }
    return QStringLiteral("a value");
}

} // namespace ul::json::detail
