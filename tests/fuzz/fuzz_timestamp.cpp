// libFuzzer target: ISO 8601 timestamps as they come in API answers, files and forms
// (Timestamp::parseIso8601, both overloads). What parses prints in a form that parses back to
// the same instant.
#include "FuzzSupport.h"

#include "util/Timestamp.h"

#include <algorithm>
#include <string_view>

using namespace ul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view raw(reinterpret_cast<const char *>(data), size);
    const QString text = fuzz::text(data, size);
    for (const bool requireUtc : {true, false}) {
        const auto fromUtf8 = Timestamp::parseIso8601(raw, requireUtc);
        const auto fromText = Timestamp::parseIso8601(QStringView(text), requireUtc);
        if (!fromText) {
            UL_FUZZ_CHECK(!fromText.error().isEmpty(), text);
            continue;
        }
        const QString printed = fromText->toIso8601();
        const auto back = Timestamp::parseIso8601(QStringView(printed));
        UL_FUZZ_CHECK(back.hasValue() && back->msecs() == fromText->msecs(), text + u" → " + printed);
        // The byte overload agrees with the text one on ASCII input.
        if (std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            UL_FUZZ_CHECK(fromUtf8.hasValue() && fromUtf8->msecs() == fromText->msecs(), text);
    }
    return 0;
}
