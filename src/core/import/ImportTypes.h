#pragma once

#include "model/Event.h"
#include "util/Timestamp.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace ul {

enum class ImportFormat {
    Jsonl, ///< One Orb ingest event object per line.
    Csv,   ///< RFC 4180 with a header row and a column mapping.
};

/// What a CSV column holds.
enum class ColumnRole {
    Property,           ///< A property named after the column header, of the column's type.
    EventName,
    Timestamp,
    CustomerId,
    ExternalCustomerId,
    IdempotencyKey,
    Ignore,
};

/// The type of a property column. An empty cell leaves the property out.
enum class ColumnType {
    String,
    Number,  ///< Integers stay integers (`100` → 100), anything else is a double.
    Boolean, ///< true/false, yes/no, 1/0 (any case).
};

QLatin1StringView columnRoleName(ColumnRole role);
QLatin1StringView columnTypeName(ColumnType type);

struct CsvColumn {
    QString header;
    ColumnRole role = ColumnRole::Property;
    ColumnType type = ColumnType::String;

    friend bool operator==(const CsvColumn &, const CsvColumn &) = default;
};

/// One entry per column of the header row, in file order.
struct CsvMapping {
    QList<CsvColumn> columns;

    friend bool operator==(const CsvMapping &, const CsvMapping &) = default;
};

/// How to read a file.
struct ImportSpec {
    ImportFormat format = ImportFormat::Jsonl;
    CsvMapping csv; ///< Csv only.
    /// Rows without an idempotency key get `keyPrefix + line number`; see importKeyPrefix().
    QString keyPrefix;
};

/// Where the rows go: plain ingest, or a backfill with its timeframe and customer scope.
/// Rows outside the timeframe or the scope are bad rows (the server would refuse the batch).
struct ImportTarget {
    std::optional<QString> backfillId;   ///< Sent as `?backfill_id=` (ImportJob only).
    std::optional<Timestamp> timeframeStart; ///< Inclusive.
    std::optional<Timestamp> timeframeEnd;   ///< Exclusive.
    std::optional<QString> customerId;         ///< Scope by Orb customer id...
    std::optional<QString> externalCustomerId; ///< ...or by external id.

    /// A backfill replaces the grace period by its timeframe.
    [[nodiscard]] bool isBackfill() const { return backfillId.has_value() || timeframeStart.has_value(); }
};

/// Why a row is not imported.
enum class BadRowKind {
    Unreadable,       ///< Not JSON, not a CSV record of the header's width, too long.
    Malformed,        ///< A field missing, of the wrong type, a bad timestamp or property value.
    Invalid,          ///< Refused by the ingest rules (validation/EventRules.h).
    OutsideTimeframe, ///< Outside the backfill's timeframe.
    OutsideScope,     ///< Not for the backfill's customer.
    DuplicateKey,     ///< Its idempotency key was used by an earlier row of the file.
};

QLatin1StringView badRowKindName(BadRowKind kind);

/// A row that is not imported, with its (first physical) line number and the reason.
struct BadRow {
    qint64 line = 0;
    BadRowKind kind = BadRowKind::Malformed;
    QString reason;

    friend bool operator==(const BadRow &, const BadRow &) = default;
};

/// What a dry run found (analyzeImport). Counts cover the whole file, or the part read before a cancel.
struct ImportAnalysis {
    qint64 bytes = 0;        ///< Bytes read.
    qint64 rows = 0;         ///< Records read (blank lines aside).
    qint64 events = 0;       ///< Good rows: what an import would send.
    qint64 distinctCustomers = 0;
    qint64 distinctEventNames = 0;
    /// Good rows per UTC hour (the hour's start in ms since the epoch): the "after" side of the chart.
    QMap<qint64, qint64> hourly;
    std::optional<Timestamp> first; ///< Earliest and latest good event.
    std::optional<Timestamp> last;
    qint64 unreadable = 0;
    qint64 malformed = 0;
    qint64 invalid = 0;
    qint64 outsideTimeframe = 0;
    qint64 outsideScope = 0;
    qint64 duplicateKeys = 0;
    qint64 derivedKeys = 0;  ///< Good rows whose idempotency key is derived from the file and line.
    QList<BadRow> badRows;   ///< Every bad row, in file order.
    bool cancelled = false;

    [[nodiscard]] qint64 hoursTouched() const { return hourly.size(); }
    [[nodiscard]] qint64 badRowCount() const { return badRows.size(); }
};

/// Where an import stands (ImportJob::progress).
struct ImportProgress {
    qint64 totalBytes = 0;
    qint64 bytesRead = 0;
    qint64 rowsRead = 0;
    qint64 eventsQueued = 0;    ///< Good rows handed to the outbox (including earlier sessions).
    qint64 eventsConfirmed = 0; ///< Answered 2xx by the server (including earlier sessions).
    qint64 eventsFailed = 0;    ///< In batches the server refused for good (kept in the outbox).
    qint64 badRows = 0;
    double eventsPerSecond = 0; ///< Confirmed events per second, over the last seconds.
    qint64 etaMs = -1;          ///< -1 while unknown.
    bool resumed = false;       ///< Continues an import an earlier session had started.
};

} // namespace ul

Q_DECLARE_METATYPE(ul::BadRow)
Q_DECLARE_METATYPE(ul::ImportAnalysis)
Q_DECLARE_METATYPE(ul::ImportProgress)
