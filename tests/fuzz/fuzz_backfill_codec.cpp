// libFuzzer target: the backfill codec (src/core/json/BackfillCodec) on server answers (one
// backfill, the list, event volume) and create-backfill bodies. A decoded backfill encodes and
// decodes back to the same backfill.
#include "FuzzSupport.h"

#include "json/BackfillCodec.h"

using namespace ul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Selected in = fuzz::select(data, size, 4);
    switch (in.choice) {
    case 0:
        if (auto backfill = json::decodeBackfill(in.rest)) {
            const QByteArray again = json::encodeBackfill(*backfill);
            auto back = json::decodeBackfill(again);
            UL_FUZZ_CHECK(back.hasValue(), QString::fromUtf8(again));
            UL_FUZZ_CHECK(json::encodeBackfill(*back) == again, QString::fromUtf8(again));
        }
        break;
    case 1:
        if (auto list = json::decodeBackfillList(in.rest)) {
            for (const Backfill &b : list->backfills)
                UL_FUZZ_CHECK(json::decodeBackfill(json::encodeBackfill(b)).hasValue(), QString::fromUtf8(json::encodeBackfill(b)));
        }
        break;
    case 2:
        (void)json::decodeVolumeList(in.rest);
        break;
    case 3:
        if (auto created = json::decodeNewBackfill(in.rest); created && created->problems.isEmpty()) {
            const QByteArray again = json::encodeNewBackfill(created->backfill);
            auto back = json::decodeNewBackfill(again);
            UL_FUZZ_CHECK(back.hasValue() && back->problems.isEmpty(), QString::fromUtf8(again));
            UL_FUZZ_CHECK(json::encodeNewBackfill(back->backfill) == again, QString::fromUtf8(again));
        }
        break;
    }
    return 0;
}
