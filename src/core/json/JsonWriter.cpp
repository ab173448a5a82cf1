#include "json/JsonWriter.h"

#include <charconv>
#include <cmath>

namespace ul {

void JsonWriter::separate()
{
    if (m_needComma)
        m_out.append(',');
    m_needComma = true;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    appendEscaped(m_out, name);
    m_out.append(':');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    separate();
    appendEscaped(m_out, name);
    m_out.append(':');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::value(QStringView text)
{
    separate();
    appendEscaped(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::value(Timestamp when)
{
    char buffer[32];
    const qsizetype length = when.writeIso8601(buffer);
    if (length == 0)
        return value(when.toIso8601());
    separate();
    m_out.append('"').append(buffer, length).append('"');
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view utf8)
{
    separate();
    appendEscaped(m_out, utf8);
    return *this;
}

JsonWriter &JsonWriter::value(const std::optional<QString> &text)
{
    return text ? value(*text) : null();
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, result.ptr - buffer);
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    if (!std::isfinite(number))
        return null();
    separate();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    const std::string_view text(buffer, size_t(result.ptr - buffer));
    m_out.append(text.data(), qsizetype(text.size()));
    // The shortest form of 2.0 is "2", which every reader takes for an integer; keep it a decimal.
    if (text.find_first_of(".eE") == std::string_view::npos)
        m_out.append(".0");
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::raw(std::string_view json)
{
    separate();
    m_out.append(json.data(), qsizetype(json.size()));
    return *this;
}

void JsonWriter::appendEscaped(QByteArray &out, std::string_view utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    size_t runStart = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + runStart, qsizetype(i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(escaped, 6);
        }
        }
    }
    out.append(utf8.data() + runStart, qsizetype(utf8.size() - runStart));
    out.append('"');
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView text)
{
    const char16_t *units = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = units[i];
        if (c < 0x20 || c >= 0x80 || c == u'"' || c == u'\\') {
            const QByteArray utf8 = text.toUtf8(); // the rare case: escapes or non-ASCII text
            appendEscaped(out, std::string_view(utf8.constData(), size_t(utf8.size())));
            return;
        }
    }
    const qsizetype start = out.size();
    out.resize(start + n + 2);
    char *p = out.data() + start;
    *p++ = '"';
    for (qsizetype i = 0; i < n; ++i)
        p[i] = char(units[i]);
    p[n] = '"';
}

} // namespace ul
