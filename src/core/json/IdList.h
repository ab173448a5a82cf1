#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QStringList>

namespace ul::json {

/// A list of event ids as a JSON array of strings, the way the journal and the outbox store them.
QByteArray encodeIdList(const QStringList &ids);
/// The ids of such an array; an empty or malformed array gives no ids.
QStringList decodeIdList(QByteArrayView json);

} // namespace ul::json
