#pragma once

#include "json/JsonWriter.h"
#include "model/Backfill.h"
#include "model/VolumeBucket.h"
#include "util/Expected.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QStringList>

#include <optional>

namespace ul::json {

/// Orb's `pagination_metadata`.
struct PaginationMetadata {
    bool hasMore = false;
    std::optional<QString> nextCursor; ///< Null on the last page.
};

/// `GET /events/backfills`: `{data: [Backfill], pagination_metadata}`.
struct BackfillList {
    QList<Backfill> backfills;
    PaginationMetadata pagination;
};

/// `GET /events/volume`: `{data: [EventVolume]}` (the sandbox adds `pagination_metadata`).
struct VolumeList {
    QList<VolumeBucket> buckets;
    PaginationMetadata pagination;
};

/// A `POST /events/backfills` body as read, with the problems of its shape (unknown fields,
/// wrong types, missing required fields), each a sentence that starts with the field.
struct DecodedNewBackfill {
    NewBackfill backfill;
    QStringList problems;
};

/// Parses a create-backfill body. The error is for a body that is not a JSON object.
Expected<DecodedNewBackfill, QString> decodeNewBackfill(QByteArrayView body);
/// The create-backfill body; optional fields are left out when not set.
QByteArray encodeNewBackfill(const NewBackfill &backfill);

/// Writes Orb's Backfill object (every spec-required key, nullable ones as null).
void writeBackfill(JsonWriter &out, const Backfill &backfill);
QByteArray encodeBackfill(const Backfill &backfill);
void writeVolumeBucket(JsonWriter &out, const VolumeBucket &bucket);
void writePaginationMetadata(JsonWriter &out, const PaginationMetadata &pagination);

/// Parses one Backfill object (server output; unknown fields are ignored).
Expected<Backfill, QString> decodeBackfill(QByteArrayView body);
Expected<BackfillList, QString> decodeBackfillList(QByteArrayView body);
Expected<VolumeList, QString> decodeVolumeList(QByteArrayView body);

} // namespace ul::json
