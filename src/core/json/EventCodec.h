#pragma once

#include "json/JsonWriter.h"
#include "model/Event.h"
#include "model/EventRevision.h"
#include "util/Expected.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QStringList>

#include <span>

namespace ul::json {

/// One event read from a request or a file, with the problems of its shape (wrong types,
/// unknown fields, missing fields). An event with problems has whatever fields could be read.
struct DecodedEvent {
    Event event;
    QStringList problems;
};

/// What an event object is allowed to contain.
enum class EventShape {
    Ingest,  ///< `POST /ingest` items: idempotency_key, no id/deprecated.
    Amend,   ///< `PUT /events/{id}` bodies: no idempotency_key.
    Stored,  ///< Server output: id and deprecated, unknown fields ignored.
};

/// Parses `{"events":[...]}`. The error is for a body that is not JSON or not of that shape;
/// per-event problems are in each DecodedEvent.
Expected<QList<DecodedEvent>, QString> decodeIngestBody(QByteArrayView body);
/// Parses one event object of the given shape (e.g. an amend body or one JSONL line).
Expected<DecodedEvent, QString> decodeEventObject(QByteArrayView json, EventShape shape);
/// Parses `{"data":[Event...]}` as the search route answers it.
Expected<QList<Event>, QString> decodeEventList(QByteArrayView body);

/// Parses `{"event_id": …, "versions": [{version, change, recorded_at, event}]}` as the
/// sandbox's history route answers it, keeping each event's property order.
Expected<QList<EventRevision>, QString> decodeEventHistory(QByteArrayView body);

/// Writes the Orb Event object: id, customer_id, external_customer_id, event_name, properties,
/// timestamp, deprecated.
void writeEvent(JsonWriter &out, const Event &event);
void writeProperties(JsonWriter &out, const Properties &properties);
/// `{"events":[...]}` for `POST /ingest`.
QByteArray encodeIngestBody(const QList<Event> &events);
/// The items of that array alone, joined by commas (the outbox stores batches as such pieces).
QByteArray encodeIngestItems(std::span<const Event> events);
/// The amend body for `PUT /events/{id}`.
QByteArray encodeAmendBody(const Event &event);
/// The properties object alone, e.g. to store it.
QByteArray encodeProperties(const Properties &properties);
/// Parses a stored properties object (as written by encodeProperties).
Expected<Properties, QString> decodeProperties(QByteArrayView json);

} // namespace ul::json
