#pragma once

#include "http/HttpMessage.h"

#include <QtCore/QUrl>

#include <optional>

namespace ul::sandbox {

/// A webhook receiver the sandbox serves itself, so the demo webhooks have somewhere to deliver
/// to on a machine without network: `POST /demo-receiver/ok` answers 200, `…/missing` answers
/// 404 and `…/slow` never answers (the delivery times out). These paths need no token, since
/// webhook deliveries carry none; they do nothing but answer.
namespace demo_receiver {

inline constexpr QLatin1StringView Ok{"ok"};
inline constexpr QLatin1StringView Missing{"missing"};
inline constexpr QLatin1StringView Slow{"slow"};

/// The behaviour a request asks for (`ok`, `missing`, `slow`), or nothing when it is not a POST
/// to the demo receiver (`segments` without `/v1`).
std::optional<QString> behaviour(QByteArrayView method, const QStringList &segments);
/// The answer for `ok` and `missing`.
HttpResponse answer(const QString &behaviour);
/// The URL of the demo receiver for `behaviour` on a sandbox at `baseUrl`.
QString url(const QUrl &baseUrl, QLatin1StringView behaviour);

} // namespace demo_receiver

} // namespace ul::sandbox
