#include "OrbJson.h"

namespace ul::test {

QJsonObject jsonObject(std::initializer_list<std::pair<QAnyStringView, QJsonValue>> fields)
{
    QJsonObject object;
    for (const auto &[key, value] : fields)
        object.insert(key.toString(), value);
    return object;
}

EventJson::EventJson(QAnyStringView idempotencyKey, Timestamp timestamp)
{
    m_object.insert(QStringLiteral("idempotency_key"), idempotencyKey.toString());
    m_object.insert(QStringLiteral("event_name"), QStringLiteral("api_request"));
    m_object.insert(QStringLiteral("timestamp"), timestamp.toIso8601());
    m_object.insert(QStringLiteral("properties"), QJsonObject{{QStringLiteral("region"), QStringLiteral("eu-west-1")}});
}

EventJson &EventJson::forCustomer(QAnyStringView customerId)
{
    return with(u"customer_id", customerId.toString());
}

EventJson &EventJson::forExternalCustomer(QAnyStringView externalCustomerId)
{
    return with(u"external_customer_id", externalCustomerId.toString());
}

EventJson &EventJson::named(QAnyStringView eventName)
{
    return with(u"event_name", eventName.toString());
}

EventJson &EventJson::withProperty(QAnyStringView key, const QJsonValue &value)
{
    QJsonObject properties = m_object.value(u"properties").toObject();
    properties.insert(key.toString(), value);
    return withProperties(properties);
}

EventJson &EventJson::withProperties(const QJsonObject &properties)
{
    return with(u"properties", properties);
}

EventJson &EventJson::with(QAnyStringView field, const QJsonValue &value)
{
    m_object.insert(field.toString(), value);
    return *this;
}

EventJson &EventJson::without(QAnyStringView field)
{
    m_object.remove(field.toString());
    return *this;
}

QString EventJson::key() const
{
    return m_object.value(u"idempotency_key").toString();
}

QJsonObject EventJson::toAmendBody() const
{
    QJsonObject body = m_object;
    body.remove(QStringLiteral("idempotency_key"));
    return body;
}

QStringList failingKeys(const HttpResult &result)
{
    QStringList keys;
    for (const QJsonValue &failure : result.array(u"validation_failed"))
        keys << failure.toObject().value(u"idempotency_key").toString();
    return keys;
}

QStringList problemsOf(const HttpResult &result, const QString &key)
{
    QStringList problems;
    for (const QJsonValue &failure : result.array(u"validation_failed")) {
        const QJsonObject object = failure.toObject();
        if (object.value(u"idempotency_key").toString() != key)
            continue;
        for (const QJsonValue &problem : object.value(u"validation_errors").toArray())
            problems << problem.toString();
    }
    return problems;
}

QStringList dataIds(const HttpResult &result)
{
    QStringList ids;
    for (const QJsonValue &item : result.array(u"data"))
        ids << item.toObject().value(u"id").toString();
    return ids;
}

QStringList historyChanges(const HttpResult &history)
{
    QStringList changes;
    for (const QJsonValue &version : history.array(u"versions"))
        changes << version.toObject().value(u"change").toString();
    return changes;
}

} // namespace ul::test
