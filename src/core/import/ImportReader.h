#pragma once

#include "import/ImportTypes.h"
#include "util/Expected.h"
#include "validation/EventRules.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QList>

#include <memory>
#include <optional>

class QIODevice;

namespace ul {

/// A file's identity for derived idempotency keys: the SHA-256 (hex) of its first 64 KiB, so
/// it survives restarts, renames and rows fixed further down. Leaves the device at its start.
Expected<QString, QString> importFileIdentity(QIODevice &device);
/// `imp-<16 hex of identity>-`: rows without a key get this prefix plus their line number.
QString importKeyPrefix(const QString &identity);

namespace detail {
class ByteStream;
} // namespace detail

/// One CSV record as text fields, before any mapping.
struct CsvRecord {
    qint64 line = 0;      ///< Its first physical line (1-based).
    qint64 endOffset = 0; ///< The byte offset just after it.
    QList<QByteArray> fields;
    QString error;        ///< Not a well-formed RFC 4180 record (fields are what could be read).
};

/// Reads RFC 4180 records from a device, block by block in constant memory: quoted fields with
/// embedded commas, quotes (`""`) and newlines, CRLF or LF line ends, a UTF-8 BOM. A record
/// longer than `maxRecordBytes` (an unclosed quote, most likely) is reported and skipped up to
/// the end of its first line.
class CsvRecordReader {
    Q_DECLARE_TR_FUNCTIONS(ul::CsvRecordReader)
public:
    explicit CsvRecordReader(QIODevice *device, qsizetype maxRecordBytes = 1 << 20);
    ~CsvRecordReader();
    CsvRecordReader(const CsvRecordReader &) = delete;
    CsvRecordReader &operator=(const CsvRecordReader &) = delete;

    /// The next record (blank lines are skipped); nullopt at the end or on a read error.
    std::optional<CsvRecord> next();
    [[nodiscard]] QString ioError() const;
    [[nodiscard]] qint64 position() const;

private:
    std::unique_ptr<detail::ByteStream> m_in;
    qsizetype m_maxRecord;
    qint64 m_line = 1;
};

/// One row of an import file, turned into an event unless it is bad.
struct ImportRow {
    qint64 line = 0;      ///< Its first physical line (1-based).
    qint64 endOffset = 0; ///< The byte offset just after it (a resume point).
    Event event;
    bool keyDerived = false;   ///< The file gave no idempotency key; it is keyPrefix + line.
    std::optional<BadRow> bad; ///< Unreadable or malformed.
};

/// Which mapping problems make a CSV mapping unusable (none: usable).
QStringList checkCsvMapping(const CsvMapping &mapping);

/// Streams the rows of a JSONL or CSV file from a device open for reading, at its start, in
/// constant memory (a block buffer plus one record). Each JSONL line must be one Orb ingest
/// event object; CSV rows are mapped as ImportSpec::csv says (its headers must match the file's
/// header row).
class ImportReader {
    Q_DECLARE_TR_FUNCTIONS(ul::ImportReader)
public:
    /// Lines or records longer than this are bad rows.
    static constexpr qsizetype MaxRecordBytes = 1 << 20;

    ImportReader(QIODevice *device, ImportSpec spec);
    ~ImportReader();
    ImportReader(const ImportReader &) = delete;
    ImportReader &operator=(const ImportReader &) = delete;

    /// The next row; nullopt at the end of the file, or on an error (see error()).
    std::optional<ImportRow> next();
    /// Why reading stopped early (a read error, a header that does not match the mapping).
    [[nodiscard]] const QString &error() const { return m_error; }
    /// Bytes consumed so far.
    [[nodiscard]] qint64 position() const;

private:
    std::optional<ImportRow> nextJsonl();
    std::optional<ImportRow> nextCsv();
    bool readCsvHeader();
    void mapCsv(const CsvRecord &record, ImportRow &row) const;
    void deriveKey(ImportRow &row) const;

    ImportSpec m_spec;
    std::unique_ptr<detail::ByteStream> m_in;     ///< JSONL
    std::unique_ptr<CsvRecordReader> m_csv;       ///< CSV
    qint64 m_line = 0;
    bool m_headerRead = false;
    QString m_error;
};

/// The checks after reading, shared by the dry run and the import so both agree: the ingest
/// rules, the backfill's timeframe and scope, and idempotency keys repeated within the file
/// (kept as 64-bit hashes: about 16 bytes per good row).
class ImportScreen {
    Q_DECLARE_TR_FUNCTIONS(ul::ImportScreen)
public:
    ImportScreen(ImportTarget target, EventRuleLimits limits);

    /// Nothing: the row is good (and its key is now taken). Otherwise why it is not imported.
    std::optional<BadRow> check(const ImportRow &row, Timestamp now);

private:
    ImportTarget m_target;
    EventRuleLimits m_limits;
    QHash<quint64, qint64> m_seen; ///< key hash → line
};

/// The first rows of a CSV file with a guessed mapping, for the mapping step.
struct CsvPreview {
    QStringList header;
    CsvMapping mapping;       ///< Roles guessed from the header names, types from the sample.
    QList<QStringList> rows;  ///< The first few rows, as text.
    qint64 sampledRows = 0;
};

/// Reads the header and up to `sampleRows` rows; leaves the device where it stopped.
Expected<CsvPreview, QString> previewCsv(QIODevice &device, int sampleRows = 1000, int keepRows = 20);
/// The role a header name suggests (`event_name`, `timestamp`, `customer_id`, …); Property otherwise.
ColumnRole guessColumnRole(const QString &header);
/// Boolean if every non-empty value is one, else Number if every one is, else String.
ColumnType guessColumnType(const QStringList &values);

} // namespace ul
