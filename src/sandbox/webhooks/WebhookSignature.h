#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace ul::sandbox {

/// How deliveries are signed (docs/sandbox-api.md, "Verifying a delivery"): HMAC-SHA256, keyed
/// with the webhook's secret, over `<timestamp>.<body>`, where the timestamp is the Unix time in
/// seconds sent as `X-UsageLens-Timestamp`. The signature travels base64-encoded in
/// `X-UsageLens-Signature` (as `v1=<base64>`) and, for clients written for Stark, bare in
/// `Digital-Signature`.
namespace webhook_signature {

inline constexpr char TimestampHeader[] = "X-UsageLens-Timestamp";
inline constexpr char SignatureHeader[] = "X-UsageLens-Signature";
inline constexpr char StarkSignatureHeader[] = "Digital-Signature";

/// The raw HMAC-SHA256 of `timestamp + "." + body`.
QByteArray sign(const QString &secret, const QByteArray &timestamp, const QByteArray &body);
/// The `X-UsageLens-Signature` value: `v1=<base64 of sign()>`.
QByteArray headerValue(const QString &secret, const QByteArray &timestamp, const QByteArray &body);
/// Whether `header` (an `X-UsageLens-Signature` or `Digital-Signature` value) signs `body` sent at
/// `timestamp` with `secret`. Compared in constant time.
bool verify(const QString &secret, const QByteArray &timestamp, const QByteArray &body, const QByteArray &header);
/// A new secret: `whsec_` and 32 random bytes in base64url.
QString newSecret();

} // namespace webhook_signature

} // namespace ul::sandbox
