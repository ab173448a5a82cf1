#pragma once

#include "http/HttpMessage.h"
#include "util/Expected.h"
#include "util/Timestamp.h"

#include <QtCore/QJsonObject>

#include <initializer_list>
#include <optional>

namespace ul::sandbox {

/// Reads a JSON object body. An empty body reads as `{}` when `emptyIsObject`.
/// The error is a ready 400 answer.
Expected<QJsonObject, HttpResponse> readObjectBody(const HttpRequest &request, bool emptyIsObject = false);

/// Problems for fields outside `allowed` (Orb's bodies say additionalProperties: false).
QStringList unknownFields(const QJsonObject &object, std::initializer_list<QLatin1StringView> allowed);

/// An optional date-time field: absent or null → nullopt; malformed → a problem in `problems`.
std::optional<Timestamp> optionalTimestamp(const QJsonObject &object, QLatin1StringView field, QStringList &problems);

/// `limit` between 1 and 100 (default 20), as Orb's list routes take it.
Expected<int, HttpResponse> pageLimit(const HttpRequest &request);

/// 404 resource-not-found in Orb's words.
HttpResponse notFound(const QString &resourceType, const QString &identifier);

} // namespace ul::sandbox
