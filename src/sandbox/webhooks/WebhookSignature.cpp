#include "webhooks/WebhookSignature.h"

#include <QtCore/QMessageAuthenticationCode>
#include <QtCore/QRandomGenerator>

namespace ul::sandbox::webhook_signature {

QByteArray sign(const QString &secret, const QByteArray &timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret.toUtf8());
    mac.addData(timestamp);
    mac.addData(QByteArray("."));
    mac.addData(body);
    return mac.result();
}

QByteArray headerValue(const QString &secret, const QByteArray &timestamp, const QByteArray &body)
{
    return "v1=" + sign(secret, timestamp, body).toBase64();
}

bool verify(const QString &secret, const QByteArray &timestamp, const QByteArray &body, const QByteArray &header)
{
    QByteArray given = header.trimmed();
    if (given.startsWith("v1="))
        given = given.mid(3);
    const QByteArray expected = sign(secret, timestamp, body).toBase64();
    unsigned diff = given.size() == expected.size() ? 0u : 1u;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= unsigned(static_cast<unsigned char>(expected[i]) ^ static_cast<unsigned char>(i < given.size() ? given[i] : 0));
    return diff == 0;
}

QString newSecret()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return QStringLiteral("whsec_") + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace ul::sandbox::webhook_signature
