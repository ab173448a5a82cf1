// libFuzzer target: a server's error answer (ApiError::fromResponse) — Orb's envelope or any
// body a proxy may put in its place — and what the app makes of it for people and the log.
#include "FuzzSupport.h"

#include "api/ApiError.h"
#include "api/RequestError.h"

using namespace ul;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = 400 + (data[0] | (data[1] << 8)) % 200;
    const QByteArrayView body = fuzz::bytes(data + 2, size - 2);
    const ApiError error = ApiError::fromResponse(status, body);
    UL_FUZZ_CHECK(error.status == status, QString::number(error.status));
    UL_FUZZ_CHECK(!error.humanMessage().isEmpty(), QString::fromUtf8(body));
    (void)error.typeSuffix();
    // An envelope the app writes back (the sandbox answers with toJson()) reads back the same.
    if (!error.type.isEmpty()) {
        const QByteArray json = error.toJson();
        const ApiError again = ApiError::fromResponse(status, json);
        UL_FUZZ_CHECK(again.type == error.type && again.detail == error.detail && again.title == error.title,
                      QString::fromUtf8(json));
    }
    RequestError failure;
    failure.kind = RequestError::Kind::Http;
    failure.api = error;
    UL_FUZZ_CHECK(!failure.humanMessage().isEmpty(), QString::fromUtf8(body));
    return 0;
}
