#include "webhooks/DemoReceiver.h"

namespace ul::sandbox::demo_receiver {

std::optional<QString> behaviour(QByteArrayView method, const QStringList &segments)
{
    if (method != "POST" || segments.size() != 2 || segments[0] != QLatin1StringView("demo-receiver"))
        return std::nullopt;
    const QString &b = segments[1];
    if (b == Ok || b == Missing || b == Slow)
        return b;
    return std::nullopt;
}

HttpResponse answer(const QString &behaviour)
{
    if (behaviour == Ok)
        return HttpResponse::json(200, QByteArrayLiteral("{\"received\":true}"));
    return HttpResponse::json(404, QByteArrayLiteral("{\"error\":\"no webhook endpoint here (the demo receiver that always answers 404)\"}"));
}

QString url(const QUrl &baseUrl, QLatin1StringView behaviour)
{
    QUrl u = baseUrl;
    u.setPath(QStringLiteral("/demo-receiver/") + behaviour);
    return u.toString();
}

} // namespace ul::sandbox::demo_receiver
