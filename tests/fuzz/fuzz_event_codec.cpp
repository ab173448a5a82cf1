// libFuzzer target: the event codec (src/core/json/EventCodec) on bytes from outside — server
// answers (search, history), ingest bodies and JSONL lines, stored property objects. Whatever
// decodes must encode and decode back to the same value.
#include "FuzzSupport.h"

#include "json/EventCodec.h"

using namespace ul;

namespace {

void checkEventRoundTrip(const Event &event)
{
    const QByteArray amend = json::encodeAmendBody(event);
    auto again = json::decodeEventObject(amend, json::EventShape::Amend);
    UL_FUZZ_CHECK(again.hasValue(), QString::fromUtf8(amend));
    UL_FUZZ_CHECK(again->event.properties == event.properties, QString::fromUtf8(amend));
    const QByteArray properties = json::encodeProperties(event.properties);
    auto decoded = json::decodeProperties(properties);
    UL_FUZZ_CHECK(decoded.hasValue() && *decoded == event.properties, QString::fromUtf8(properties));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Selected in = fuzz::select(data, size, 7);
    switch (in.choice) {
    case 0:
        if (auto events = json::decodeIngestBody(in.rest)) {
            for (const json::DecodedEvent &e : *events)
                checkEventRoundTrip(e.event);
        }
        break;
    case 1:
    case 2:
    case 3: {
        const auto shape = in.choice == 1 ? json::EventShape::Ingest
            : in.choice == 2               ? json::EventShape::Amend
                                           : json::EventShape::Stored;
        if (auto e = json::decodeEventObject(in.rest, shape))
            checkEventRoundTrip(e->event);
        break;
    }
    case 4:
        if (auto events = json::decodeEventList(in.rest)) {
            for (const Event &e : *events)
                checkEventRoundTrip(e);
            // What the list decoder accepted, the ingest encoder writes and the ingest decoder reads.
            const QByteArray body = json::encodeIngestBody(*events);
            auto back = json::decodeIngestBody(body);
            UL_FUZZ_CHECK(back.hasValue() && back->size() == events->size(), QString::fromUtf8(body));
        }
        break;
    case 5:
        if (auto history = json::decodeEventHistory(in.rest)) {
            for (const EventRevision &r : *history)
                checkEventRoundTrip(r.event);
        }
        break;
    case 6:
        if (auto properties = json::decodeProperties(in.rest)) {
            const QByteArray again = json::encodeProperties(*properties);
            auto back = json::decodeProperties(again);
            UL_FUZZ_CHECK(back.hasValue() && *back == *properties, QString::fromUtf8(again));
        }
        break;
    }
    return 0;
}
