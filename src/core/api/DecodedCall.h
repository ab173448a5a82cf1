#pragma once
// The one way the route-group clients (WebhookApi, BackfillApi) call a route and decode its
// answer: an absent client answers "no server connection" on the next turn of the event loop,
// as a real call would; a body that does not decode becomes a RequestError of kind Decode.

#include "api/OrbClient.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <functional>
#include <utility>

namespace ul::detail {

template <class T>
CallHandle decodedCall(OrbClient *client, ApiRequest request, const QObject *context, OrbClient::Callback<T> done,
                       std::function<Expected<T, QString>(const QByteArray &)> decode)
{
    if (!client) {
        RequestError error;
        error.kind = RequestError::Kind::Network;
        error.detail = QStringLiteral("no server connection");
        QTimer::singleShot(0, context ? context : qApp, [done = std::move(done), error] { done(Unexpected{error}); });
        return {};
    }
    const QString url = client->settings().baseUrl.toString(QUrl::RemoveUserInfo);
    return client->send(std::move(request), context,
        [done = std::move(done), decode = std::move(decode), url](Expected<RawResponse, RequestError> raw) {
            if (!raw) {
                done(Unexpected{std::move(raw).error()});
                return;
            }
            Expected<T, QString> decoded = decode(raw->body);
            if (decoded) {
                done(std::move(decoded).value());
                return;
            }
            RequestError error;
            error.kind = RequestError::Kind::Decode;
            error.detail = decoded.error();
            error.url = url;
            error.attempts = raw->attempts;
            done(Unexpected{error});
        });
}

} // namespace ul::detail
