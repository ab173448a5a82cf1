// libFuzzer target: the property filter expression (src/core/filter/FilterExpression), typed by
// analysts and read from backfills' deprecation_filter. What parses has a canonical spelling
// that parses back to the same expression, and evaluates without trouble.
#include "FuzzSupport.h"

#include "filter/FilterExpression.h"

using namespace ul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = fuzz::text(data, size);
    auto parsed = filter::Expression::parse(text);
    if (!parsed) {
        const filter::ParseError &e = parsed.error();
        UL_FUZZ_CHECK(e.position >= 0 && e.position <= text.size() && e.length >= 1, text);
        UL_FUZZ_CHECK(!e.toString().isEmpty(), text);
        return 0;
    }
    const QString canonical = parsed->toString();
    auto again = filter::Expression::parse(canonical);
    UL_FUZZ_CHECK(again.hasValue(), text + u'\n' + canonical + u'\n' + (again ? QString() : again.error().toString()));
    UL_FUZZ_CHECK(again->toString() == canonical, text + u'\n' + canonical + u'\n' + again->toString());

    // Evaluate against properties that name every key the expression mentions, with values of
    // each type, and against none.
    const QStringList keys = parsed->keys();
    const PropertyValue values[] = {QStringLiteral("eu"), qint64(100), 2.5, true};
    for (const PropertyValue &value : values) {
        Properties properties;
        for (const QString &key : keys)
            properties.set(key, value);
        UL_FUZZ_CHECK(parsed->matches(properties) == again->matches(properties), canonical);
    }
    UL_FUZZ_CHECK(parsed->matches(Properties{}) == again->matches(Properties{}), canonical);
    return 0;
}
