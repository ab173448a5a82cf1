#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <optional>

namespace ul::sandbox {

/// The opaque cursors of the sandbox's list routes: a kind and a position (a row seq, an hour),
/// base64url-encoded so clients treat them as opaque.
inline QString encodeCursor(qint64 position, QByteArrayView kind = "c")
{
    const QByteArray raw = kind.toByteArray() + ':' + QByteArray::number(position);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// The position of a cursor encodeCursor() made with the same kind; nullopt for anything else.
inline std::optional<qint64> decodeCursor(const QString &cursor, QByteArrayView kind = "c")
{
    const QByteArray raw = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    const QByteArray prefix = kind.toByteArray() + ':';
    if (!raw.startsWith(prefix))
        return std::nullopt;
    bool ok = false;
    const qint64 position = raw.mid(prefix.size()).toLongLong(&ok);
    return ok ? std::optional(position) : std::nullopt;
}

} // namespace ul::sandbox
