#pragma once
// What the simdjson-based codecs share: one parser per thread, and the messages they give.
// Private to src/core/json: include it from codec sources only.

#include "util/Expected.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QString>

#include <simdjson.h>

#include <string_view>

namespace ul::json::detail {

/// The calling thread's parser (its buffers are reused from one document to the next).
simdjson::dom::parser &threadParser();

/// Parses `body` with the thread's parser. The element stays valid until the thread's next parse.
Expected<simdjson::dom::element, QString> parseDocument(QByteArrayView body);

inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// "an array", "a number", ...: for messages such as "must be an object, not an array".
QString typeName(simdjson::dom::element_type type);

} // namespace ul::json::detail
