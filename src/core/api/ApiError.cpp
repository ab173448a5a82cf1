#include "api/ApiError.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

namespace ul {

ApiError ApiError::make(int status, QLatin1StringView typeSuffix, const QString &title, const QString &detail,
                        const QJsonArray &validationErrors)
{
    ApiError e;
    e.status = status;
    e.type = OrbErrorType::Prefix + typeSuffix;
    e.title = title;
    e.detail = detail;
    e.validationErrors = validationErrors;
    return e;
}

ApiError ApiError::fromResponse(int status, QByteArrayView body)
{
    const QJsonObject o = QJsonDocument::fromJson(body.toByteArray()).object();
    ApiError e;
    e.status = status;
    e.type = o.value(QLatin1StringView("type")).toString();
    e.title = o.value(QLatin1StringView("title")).toString();
    e.detail = o.value(QLatin1StringView("detail")).toString();
    e.validationErrors = o.value(QLatin1StringView("validation_errors")).toArray();
    if (e.type.isEmpty() && e.detail.isEmpty()) // not Orb's envelope: keep a readable excerpt
        e.detail = QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 300))).simplified();
    return e;
}

QString ApiError::typeSuffix() const
{
    const qsizetype hash = type.lastIndexOf(u'#');
    return hash < 0 ? type : type.mid(hash + 1);
}

QByteArray ApiError::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), type},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("title"), title.isNull() ? QJsonValue() : QJsonValue(title)},
                  {QStringLiteral("detail"), detail.isNull() ? QJsonValue() : QJsonValue(detail)}};
    if (!validationErrors.isEmpty() || typeSuffix() == OrbErrorType::RequestValidation)
        o.insert(QStringLiteral("validation_errors"), validationErrors);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString ApiError::humanMessage() const
{
    QString text = !detail.isEmpty() ? detail : !title.isEmpty() ? title : QStringLiteral("HTTP %1").arg(status);
    QStringList problems;
    for (const QJsonValue &v : validationErrors) {
        if (v.isString()) {
            problems << v.toString();
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            QStringList inner;
            for (const QJsonValue &p : o.value(QStringLiteral("validation_errors")).toArray())
                inner << p.toString();
            problems << QStringLiteral("%1: %2").arg(o.value(QStringLiteral("idempotency_key")).toString(),
                                                    inner.join(QStringLiteral("; ")));
        }
        if (problems.size() == 3)
            break;
    }
    if (!problems.isEmpty()) {
        text += QStringLiteral(" (") + problems.join(QStringLiteral("; "));
        if (validationErrors.size() > problems.size())
            text += QStringLiteral("; and %1 more").arg(validationErrors.size() - problems.size());
        text += u')';
    }
    return text;
}

} // namespace ul
