#pragma once

#include "HttpClient.h"
#include "util/Timestamp.h"

#include <QtCore/QAnyStringView>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

#include <initializer_list>
#include <utility>

namespace ul::test {

/// A JSON object from literal keys: `jsonObject({{u"region", QStringLiteral("eu")}, {u"ms", 12}})`.
QJsonObject jsonObject(std::initializer_list<std::pair<QAnyStringView, QJsonValue>> fields);

/// An `/ingest` event object that is valid until a test breaks it on purpose: event name
/// `api_request`, properties `{"region": "eu-west-1"}`, and no customer until one is chosen.
class EventJson {
public:
    EventJson(QAnyStringView idempotencyKey, Timestamp timestamp);

    EventJson &forCustomer(QAnyStringView customerId);
    EventJson &forExternalCustomer(QAnyStringView externalCustomerId);
    EventJson &named(QAnyStringView eventName);
    EventJson &withProperty(QAnyStringView key, const QJsonValue &value);
    EventJson &withProperties(const QJsonObject &properties);
    /// Sets any field to any value, e.g. a malformed timestamp or a field Orb does not know.
    EventJson &with(QAnyStringView field, const QJsonValue &value);
    EventJson &without(QAnyStringView field);

    [[nodiscard]] QString key() const;
    /// The event as an `/ingest` item.
    [[nodiscard]] QJsonObject toObject() const { return m_object; }
    /// The same event as a `PUT /events/{id}` body (which has no idempotency key).
    [[nodiscard]] QJsonObject toAmendBody() const;
    operator QJsonValue() const { return m_object; } // NOLINT: lets `QJsonArray{EventJson(…), …}` read naturally

private:
    QJsonObject m_object;
};

/// The `idempotency_key`s an ingest, amend or deprecate error names in `validation_failed`.
QStringList failingKeys(const HttpResult &result);
/// The problems listed for one key in `validation_failed`.
QStringList problemsOf(const HttpResult &result, const QString &key);
/// The `id`s of the objects in the answer's `data` array (search results, customer pages), in order.
QStringList dataIds(const HttpResult &result);
/// The `change` of every version in a `GET /events/{id}/history` answer, oldest first.
QStringList historyChanges(const HttpResult &history);

} // namespace ul::test
