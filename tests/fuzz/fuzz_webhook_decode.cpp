// libFuzzer target: the webhook extension's answers as WebhookApi decodes them (webhooks,
// delivery attempts, deliveries), each as a single object and in its list envelope.
#include "FuzzSupport.h"

#include "api/WebhookApi.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

using namespace ul;

namespace {

template <class Decode>
void decodeAll(const QJsonObject &root, QLatin1StringView single, QLatin1StringView list, Decode decode)
{
    (void)decode(root);
    (void)decode(root.value(single).toObject());
    for (const QJsonValue &v : root.value(list).toArray())
        (void)decode(v.toObject());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Selected in = fuzz::select(data, size, 3);
    const QJsonObject root = QJsonDocument::fromJson(in.rest.toByteArray()).object();
    switch (in.choice) {
    case 0:
        decodeAll(root, QLatin1StringView("webhook"), QLatin1StringView("webhooks"), &WebhookApi::webhookFromJson);
        break;
    case 1:
        decodeAll(root, QLatin1StringView("attempt"), QLatin1StringView("attempts"), &WebhookApi::attemptFromJson);
        break;
    case 2:
        decodeAll(root, QLatin1StringView("delivery"), QLatin1StringView("deliveries"), &WebhookApi::deliveryFromJson);
        break;
    }
    return 0;
}
