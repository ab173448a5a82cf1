#include "import/ImportReader.h"

#include "json/EventCodec.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QIODevice>
#include <QtCore/QSet>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ul {

QLatin1StringView columnRoleName(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Property: return QLatin1StringView("property");
    case ColumnRole::EventName: return QLatin1StringView("event_name");
    case ColumnRole::Timestamp: return QLatin1StringView("timestamp");
    case ColumnRole::CustomerId: return QLatin1StringView("customer_id");
    case ColumnRole::ExternalCustomerId: return QLatin1StringView("external_customer_id");
    case ColumnRole::IdempotencyKey: return QLatin1StringView("idempotency_key");
    case ColumnRole::Ignore: return QLatin1StringView("ignore");
    }
    return QLatin1StringView("property");
}

QLatin1StringView columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::String: return QLatin1StringView("string");
    case ColumnType::Number: return QLatin1StringView("number");
    case ColumnType::Boolean: return QLatin1StringView("boolean");
    }
    return QLatin1StringView("string");
}

QLatin1StringView badRowKindName(BadRowKind kind)
{
    switch (kind) {
    case BadRowKind::Unreadable: return QLatin1StringView("unreadable");
    case BadRowKind::Malformed: return QLatin1StringView("malformed");
    case BadRowKind::Invalid: return QLatin1StringView("invalid");
    case BadRowKind::OutsideTimeframe: return QLatin1StringView("outside_timeframe");
    case BadRowKind::OutsideScope: return QLatin1StringView("outside_scope");
    case BadRowKind::DuplicateKey: return QLatin1StringView("duplicate_key");
    }
    return QLatin1StringView("malformed");
}

Expected<QString, QString> importFileIdentity(QIODevice &device)
{
    if (!device.seek(0))
        return Unexpected{QCoreApplication::translate("ul::ImportReader", "The file cannot be read from its start.")};
    const QByteArray head = device.read(64 * 1024);
    if (!device.seek(0))
        return Unexpected{QCoreApplication::translate("ul::ImportReader", "The file cannot be read from its start.")};
    return QString::fromLatin1(QCryptographicHash::hash(head, QCryptographicHash::Sha256).toHex());
}

QString importKeyPrefix(const QString &identity)
{
    return QStringLiteral("imp-") + identity.left(16) + u'-';
}

namespace detail {

/// A device read block by block; `buf[pos..]` is unread, `base` the file offset of `buf[0]`.
class ByteStream {
public:
    static constexpr qint64 Block = 256 * 1024;

    explicit ByteStream(QIODevice *device) : m_device(device) {}

    [[nodiscard]] qint64 offset() const { return base + pos; }
    [[nodiscard]] qsizetype unread() const { return buf.size() - pos; }

    /// Drops what was consumed and appends one more block. False at the end or on an error.
    bool fill()
    {
        if (eof)
            return false;
        if (pos > 0) {
            buf.remove(0, pos);
            base += pos;
            pos = 0;
        }
        const qsizetype old = buf.size();
        buf.resize(old + Block);
        const qint64 n = m_device->read(buf.data() + old, Block);
        if (n < 0) {
            error = m_device->errorString();
            buf.resize(old);
            eof = true;
            return false;
        }
        buf.resize(old + qsizetype(n));
        if (n == 0)
            eof = true;
        return n > 0;
    }

    /// Skips a UTF-8 byte order mark at the start of the file.
    void skipBom()
    {
        while (!eof && buf.size() < 3 && fill()) {
        }
        if (base == 0 && pos == 0 && buf.startsWith("\xEF\xBB\xBF"))
            pos = 3;
    }

    QByteArray buf;
    qsizetype pos = 0;
    qint64 base = 0;
    bool eof = false;
    QString error;

private:
    QIODevice *m_device;
};

} // namespace detail

namespace {

constexpr quint64 KeyHashSeed = 0x9e3779b97f4a7c15ULL;

struct CsvParse {
    bool needMore = false;
    qsizetype end = 0;
    qint64 newlines = 0;
    QString error;
};

/// Parses one record of `d[i..size)`; needMore when the block ends inside it and more may come.
CsvParse parseCsvRecord(const char *d, qsizetype size, qsizetype i, bool eof, QList<QByteArray> &fields)
{
    CsvParse r;
    fields.clear();
    QByteArray field;
    auto needMore = [&r] {
        r.needMore = true;
        return r;
    };
    for (;;) {
        field.clear();
        if (i < size && d[i] == '"') {
            ++i;
            for (;;) {
                if (i >= size) {
                    if (!eof)
                        return needMore();
                    r.error = CsvRecordReader::tr("field %1: its opening quote is never closed").arg(fields.size() + 1);
                    fields << field;
                    r.end = i;
                    return r;
                }
                const char c = d[i];
                if (c == '"') {
                    if (i + 1 >= size && !eof)
                        return needMore();
                    if (i + 1 < size && d[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (c == '\n')
                    ++r.newlines;
                field += c;
                ++i;
            }
            if (i < size && d[i] != ',' && d[i] != '\n' && d[i] != '\r' && r.error.isEmpty())
                r.error = CsvRecordReader::tr("field %1: text after its closing quote").arg(fields.size() + 1);
        }
        const qsizetype start = i;
        while (i < size && d[i] != ',' && d[i] != '\n' && d[i] != '\r')
            ++i;
        if (i >= size && !eof)
            return needMore();
        field.append(d + start, i - start);
        fields << field;
        if (i >= size) {
            r.end = i;
            return r;
        }
        if (d[i] == ',') {
            ++i;
            continue;
        }
        ++r.newlines;
        if (d[i] == '\r') {
            if (i + 1 >= size && !eof)
                return needMore();
            if (i + 1 < size && d[i + 1] == '\n')
                ++i;
        }
        r.end = i + 1;
        return r;
    }
}

/// Finds the next '\n' at or after `from` (relative to `in.buf`), reading more as needed while
/// at most `limit` bytes are unread. -1: none (end of file, or the limit was reached).
qsizetype findNewline(detail::ByteStream &in, qsizetype from, qsizetype limit)
{
    for (;;) {
        const char *data = in.buf.constData();
        if (const void *nl = std::memchr(data + from, '\n', size_t(in.buf.size() - from)))
            return static_cast<const char *>(nl) - data;
        if (in.eof || in.unread() > limit)
            return -1;
        const qsizetype scannedFromPos = in.buf.size() - in.pos;
        if (!in.fill())
            return -1;
        from = scannedFromPos; // pos is 0 after fill()
    }
}

/// Discards input up to and including the next '\n' (or to the end).
void skipLine(detail::ByteStream &in)
{
    for (;;) {
        const char *data = in.buf.constData();
        if (const void *nl = std::memchr(data + in.pos, '\n', size_t(in.unread()))) {
            in.pos = static_cast<const char *>(nl) - data + 1;
            return;
        }
        in.pos = in.buf.size();
        if (!in.fill())
            return;
    }
}

bool isBlank(QByteArrayView line)
{
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

std::optional<bool> parseBoolean(const QByteArray &text)
{
    const QByteArray t = text.trimmed().toLower();
    if (t == "true" || t == "yes" || t == "1")
        return true;
    if (t == "false" || t == "no" || t == "0")
        return false;
    return std::nullopt;
}

std::optional<PropertyValue> parseNumber(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (ok)
        return PropertyValue(n);
    const double d = t.toDouble(&ok);
    if (ok && std::isfinite(d))
        return PropertyValue(d);
    return std::nullopt;
}

QString normalizedHeader(const QString &header)
{
    QString n;
    for (QChar c : header.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            n += c;
    }
    return n;
}

} // namespace

// ---- CsvRecordReader ------------------------------------------------------------------------

CsvRecordReader::CsvRecordReader(QIODevice *device, qsizetype maxRecordBytes)
    : m_in(std::make_unique<detail::ByteStream>(device)), m_maxRecord(maxRecordBytes)
{
    m_in->skipBom();
}

CsvRecordReader::~CsvRecordReader() = default;

QString CsvRecordReader::ioError() const
{
    return m_in->error;
}

qint64 CsvRecordReader::position() const
{
    return m_in->offset();
}

std::optional<CsvRecord> CsvRecordReader::next()
{
    detail::ByteStream &in = *m_in;
    for (;;) {
        if (in.unread() == 0 && !in.fill())
            return std::nullopt;
        CsvRecord record;
        record.line = m_line;
        CsvParse parsed = parseCsvRecord(in.buf.constData(), in.buf.size(), in.pos, in.eof, record.fields);
        while (parsed.needMore && in.unread() <= m_maxRecord) {
            in.fill(); // at the end, eof makes the next parse final
            parsed = parseCsvRecord(in.buf.constData(), in.buf.size(), in.pos, in.eof, record.fields);
        }
        if (!in.error.isEmpty())
            return std::nullopt;
        if (parsed.needMore) {
            skipLine(in);
            ++m_line;
            record.fields.clear();
            record.endOffset = in.offset();
            record.error = tr("the record is longer than %1 bytes; is a quote left open?").arg(m_maxRecord);
            return record;
        }
        const bool blank = record.fields.size() == 1 && record.fields.first().isEmpty() && in.buf.at(in.pos) != '"'
            && parsed.error.isEmpty();
        in.pos = parsed.end;
        m_line += parsed.newlines;
        if (blank)
            continue;
        record.endOffset = in.offset();
        record.error = parsed.error;
        return record;
    }
}

// ---- ImportReader ---------------------------------------------------------------------------

QStringList checkCsvMapping(const CsvMapping &mapping)
{
    QStringList problems;
    auto count = [&](ColumnRole role) {
        return std::count_if(mapping.columns.cbegin(), mapping.columns.cend(), [role](const CsvColumn &c) { return c.role == role; });
    };
    auto tr = [](const char *text) { return QCoreApplication::translate("ul::ImportReader", text); };
    if (count(ColumnRole::EventName) != 1)
        problems << tr("Map exactly one column to event_name.");
    if (count(ColumnRole::Timestamp) != 1)
        problems << tr("Map exactly one column to timestamp.");
    if (count(ColumnRole::CustomerId) + count(ColumnRole::ExternalCustomerId) == 0)
        problems << tr("Map a column to customer_id or external_customer_id.");
    if (count(ColumnRole::CustomerId) > 1 || count(ColumnRole::ExternalCustomerId) > 1 || count(ColumnRole::IdempotencyKey) > 1)
        problems << tr("Map at most one column each to customer_id, external_customer_id and idempotency_key.");
    QSet<QString> names;
    for (const CsvColumn &c : mapping.columns) {
        if (c.role != ColumnRole::Property)
            continue;
        if (c.header.trimmed().isEmpty())
            problems << tr("A property column needs a header name.");
        else if (names.contains(c.header))
            problems << QCoreApplication::translate("ul::ImportReader", "Two property columns are named %1.").arg(c.header);
        names.insert(c.header);
    }
    return problems;
}

ImportReader::ImportReader(QIODevice *device, ImportSpec spec) : m_spec(std::move(spec))
{
    if (m_spec.format == ImportFormat::Csv) {
        m_csv = std::make_unique<CsvRecordReader>(device, MaxRecordBytes);
        if (const QStringList problems = checkCsvMapping(m_spec.csv); !problems.isEmpty())
            m_error = problems.join(u' ');
    } else {
        m_in = std::make_unique<detail::ByteStream>(device);
        m_in->skipBom();
    }
}

ImportReader::~ImportReader() = default;

qint64 ImportReader::position() const
{
    return m_csv ? m_csv->position() : m_in->offset();
}

std::optional<ImportRow> ImportReader::next()
{
    if (!m_error.isEmpty())
        return std::nullopt;
    return m_csv ? nextCsv() : nextJsonl();
}

void ImportReader::deriveKey(ImportRow &row) const
{
    row.event.id = m_spec.keyPrefix + QString::number(row.line);
    row.keyDerived = true;
}

std::optional<ImportRow> ImportReader::nextJsonl()
{
    detail::ByteStream &in = *m_in;
    for (;;) {
        if (in.unread() == 0 && !in.fill()) {
            if (!in.error.isEmpty())
                m_error = tr("Reading the file failed: %1").arg(in.error);
            return std::nullopt;
        }
        const qsizetype nl = findNewline(in, in.pos, MaxRecordBytes);
        if (!in.error.isEmpty()) {
            m_error = tr("Reading the file failed: %1").arg(in.error);
            return std::nullopt;
        }
        ImportRow row;
        row.line = ++m_line;
        if (nl < 0 && !in.eof) {
            skipLine(in);
            row.endOffset = in.offset();
            row.bad = BadRow{row.line, BadRowKind::Unreadable, tr("the line is longer than %1 bytes").arg(MaxRecordBytes)};
            return row;
        }
        const qsizetype end = nl < 0 ? in.buf.size() : nl;
        QByteArrayView line(in.buf.constData() + in.pos, end - in.pos);
        if (line.endsWith('\r'))
            line.chop(1);
        in.pos = nl < 0 ? end : end + 1;
        if (isBlank(line))
            continue;
        row.endOffset = in.offset();
        auto decoded = json::decodeEventObject(line, json::EventShape::Ingest);
        if (!decoded) {
            row.bad = BadRow{row.line, BadRowKind::Unreadable, tr("not a JSON event object: %1").arg(decoded.error())};
            return row;
        }
        row.event = std::move(decoded->event);
        QStringList problems = std::move(decoded->problems);
        if (row.event.id.isEmpty() && problems.removeAll(QStringLiteral("idempotency_key: is required")) > 0)
            deriveKey(row);
        if (!problems.isEmpty())
            row.bad = BadRow{row.line, BadRowKind::Malformed, problems.join(QStringLiteral("; "))};
        return row;
    }
}

bool ImportReader::readCsvHeader()
{
    m_headerRead = true;
    auto header = m_csv->next();
    if (!header) {
        m_error = m_csv->ioError().isEmpty() ? tr("The file is empty; a CSV import needs a header row.")
                                             : tr("Reading the file failed: %1").arg(m_csv->ioError());
        return false;
    }
    if (!header->error.isEmpty()) {
        m_error = tr("The header row is not valid CSV: %1").arg(header->error);
        return false;
    }
    QStringList names;
    for (const QByteArray &f : std::as_const(header->fields))
        names << QString::fromUtf8(f).trimmed();
    QStringList expected;
    for (const CsvColumn &c : std::as_const(m_spec.csv.columns))
        expected << c.header.trimmed();
    if (names != expected) {
        m_error = tr("The header row (%1) does not match the column mapping (%2).")
                      .arg(names.join(QStringLiteral(", ")), expected.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

std::optional<ImportRow> ImportReader::nextCsv()
{
    if (!m_headerRead && !readCsvHeader())
        return std::nullopt;
    auto record = m_csv->next();
    if (!record) {
        if (!m_csv->ioError().isEmpty())
            m_error = tr("Reading the file failed: %1").arg(m_csv->ioError());
        return std::nullopt;
    }
    ImportRow row;
    row.line = record->line;
    row.endOffset = record->endOffset;
    if (!record->error.isEmpty()) {
        row.bad = BadRow{row.line, BadRowKind::Unreadable, record->error};
        return row;
    }
    if (record->fields.size() != m_spec.csv.columns.size()) {
        row.bad = BadRow{row.line, BadRowKind::Unreadable,
                         tr("the row has %1 fields; the header has %2").arg(record->fields.size()).arg(m_spec.csv.columns.size())};
        return row;
    }
    mapCsv(*record, row);
    return row;
}

void ImportReader::mapCsv(const CsvRecord &record, ImportRow &row) const
{
    QStringList problems;
    Event &event = row.event;
    bool hasTimestamp = false;
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        const CsvColumn &column = m_spec.csv.columns[i];
        const QByteArray &raw = record.fields[i];
        switch (column.role) {
        case ColumnRole::Ignore:
            break;
        case ColumnRole::EventName:
            event.eventName = QString::fromUtf8(raw).trimmed();
            break;
        case ColumnRole::Timestamp: {
            const QByteArray text = raw.trimmed();
            if (text.isEmpty()) {
                problems << tr("timestamp: is empty");
                break;
            }
            auto parsed = Timestamp::parseIso8601(std::string_view(text.constData(), size_t(text.size())));
            if (parsed) {
                event.timestamp = *parsed;
                hasTimestamp = true;
            } else {
                problems << tr("timestamp: \"%1\" %2").arg(QString::fromUtf8(text), parsed.error());
            }
            break;
        }
        case ColumnRole::CustomerId:
            if (const QString v = QString::fromUtf8(raw).trimmed(); !v.isEmpty())
                event.customerId = v;
            break;
        case ColumnRole::ExternalCustomerId:
            if (const QString v = QString::fromUtf8(raw).trimmed(); !v.isEmpty())
                event.externalCustomerId = v;
            break;
        case ColumnRole::IdempotencyKey:
            event.id = QString::fromUtf8(raw).trimmed();
            break;
        case ColumnRole::Property: {
            if (raw.isEmpty())
                break;
            switch (column.type) {
            case ColumnType::String:
                event.properties.set(column.header, QString::fromUtf8(raw));
                break;
            case ColumnType::Number:
                if (auto n = parseNumber(raw))
                    event.properties.set(column.header, *n);
                else
                    problems << tr("%1: \"%2\" is not a number").arg(column.header, QString::fromUtf8(raw));
                break;
            case ColumnType::Boolean:
                if (auto b = parseBoolean(raw))
                    event.properties.set(column.header, *b);
                else
                    problems << tr("%1: \"%2\" is not a boolean (true or false)").arg(column.header, QString::fromUtf8(raw));
                break;
            }
            break;
        }
        }
    }
    if (event.eventName.isEmpty())
        problems.prepend(tr("event_name: is empty"));
    if (!hasTimestamp && problems.filter(QStringLiteral("timestamp:")).isEmpty())
        problems << tr("timestamp: is missing");
    if (event.id.isEmpty())
        deriveKey(row);
    if (!problems.isEmpty())
        row.bad = BadRow{row.line, BadRowKind::Malformed, problems.join(QStringLiteral("; "))};
}

// ---- ImportScreen ---------------------------------------------------------------------------

ImportScreen::ImportScreen(ImportTarget target, EventRuleLimits limits) : m_target(std::move(target)), m_limits(limits) {}

std::optional<BadRow> ImportScreen::check(const ImportRow &row, Timestamp now)
{
    if (row.bad)
        return row.bad;
    const Event &e = row.event;
    if (const QStringList problems = checkIngestEvent(e, now, m_limits, m_target.isBackfill()); !problems.isEmpty())
        return BadRow{row.line, BadRowKind::Invalid, problems.join(QStringLiteral("; "))};
    if ((m_target.timeframeStart && e.timestamp < *m_target.timeframeStart)
        || (m_target.timeframeEnd && e.timestamp >= *m_target.timeframeEnd)) {
        return BadRow{row.line, BadRowKind::OutsideTimeframe,
                      tr("timestamp: %1 is outside the backfill's timeframe (%2 to %3)")
                          .arg(e.timestamp.toIso8601(),
                               m_target.timeframeStart ? m_target.timeframeStart->toIso8601() : tr("any time"),
                               m_target.timeframeEnd ? m_target.timeframeEnd->toIso8601() : tr("any time"))};
    }
    if (m_target.customerId && e.customerId != m_target.customerId) {
        return BadRow{row.line, BadRowKind::OutsideScope,
                      e.customerId ? tr("customer_id: %1 is not the backfill's customer %2").arg(*e.customerId, *m_target.customerId)
                                   : tr("customer_id: the backfill is for customer %1; this row names external_customer_id %2 instead")
                                         .arg(*m_target.customerId, e.externalCustomerId.value_or(QString()))};
    }
    if (m_target.externalCustomerId && e.externalCustomerId != m_target.externalCustomerId) {
        return BadRow{row.line, BadRowKind::OutsideScope,
                      e.externalCustomerId
                          ? tr("external_customer_id: %1 is not the backfill's customer %2").arg(*e.externalCustomerId, *m_target.externalCustomerId)
                          : tr("external_customer_id: the backfill is for external customer %1; this row names customer_id %2 instead")
                                .arg(*m_target.externalCustomerId, e.customerId.value_or(QString()))};
    }
    const quint64 hash = qHash(QStringView(e.id), size_t(KeyHashSeed));
    if (auto it = m_seen.constFind(hash); it != m_seen.constEnd()) {
        return BadRow{row.line, BadRowKind::DuplicateKey,
                      tr("idempotency_key: %1 was already used on line %2; this row is skipped").arg(e.id).arg(it.value())};
    }
    m_seen.insert(hash, row.line);
    return std::nullopt;
}

// ---- CSV preview ----------------------------------------------------------------------------

ColumnRole guessColumnRole(const QString &header)
{
    const QString n = normalizedHeader(header);
    if (n == QLatin1StringView("eventname") || n == QLatin1StringView("event") || n == QLatin1StringView("name"))
        return ColumnRole::EventName;
    if (n == QLatin1StringView("timestamp") || n == QLatin1StringView("time") || n == QLatin1StringView("ts")
        || n == QLatin1StringView("eventtime") || n == QLatin1StringView("occurredat"))
        return ColumnRole::Timestamp;
    if (n == QLatin1StringView("customerid"))
        return ColumnRole::CustomerId;
    if (n == QLatin1StringView("externalcustomerid") || n == QLatin1StringView("externalid"))
        return ColumnRole::ExternalCustomerId;
    if (n == QLatin1StringView("idempotencykey") || n == QLatin1StringView("eventid") || n == QLatin1StringView("id"))
        return ColumnRole::IdempotencyKey;
    return ColumnRole::Property;
}

ColumnType guessColumnType(const QStringList &values)
{
    bool any = false, allBool = true, allNumber = true;
    for (const QString &v : values) {
        if (v.isEmpty())
            continue;
        any = true;
        const QString t = v.trimmed().toLower();
        if (t != QLatin1StringView("true") && t != QLatin1StringView("false"))
            allBool = false;
        if (allNumber && !parseNumber(v.toUtf8()))
            allNumber = false;
        if (!allBool && !allNumber)
            break;
    }
    if (!any)
        return ColumnType::String;
    return allBool ? ColumnType::Boolean : allNumber ? ColumnType::Number : ColumnType::String;
}

Expected<CsvPreview, QString> previewCsv(QIODevice &device, int sampleRows, int keepRows)
{
    CsvRecordReader reader(&device, ImportReader::MaxRecordBytes);
    auto header = reader.next();
    if (!header) {
        return Unexpected{reader.ioError().isEmpty()
                              ? QCoreApplication::translate("ul::ImportReader", "The file is empty; a CSV import needs a header row.")
                              : reader.ioError()};
    }
    if (!header->error.isEmpty())
        return Unexpected{QCoreApplication::translate("ul::ImportReader", "The header row is not valid CSV: %1").arg(header->error)};
    CsvPreview preview;
    for (const QByteArray &f : std::as_const(header->fields))
        preview.header << QString::fromUtf8(f).trimmed();
    QList<QStringList> samples(preview.header.size());
    while (preview.sampledRows < sampleRows) {
        auto record = reader.next();
        if (!record)
            break;
        if (!record->error.isEmpty() || record->fields.size() != preview.header.size())
            continue;
        ++preview.sampledRows;
        QStringList text;
        for (qsizetype i = 0; i < record->fields.size(); ++i) {
            text << QString::fromUtf8(record->fields[i]);
            samples[i] << text.last();
        }
        if (preview.rows.size() < keepRows)
            preview.rows << text;
    }
    QSet<ColumnRole> taken;
    for (qsizetype i = 0; i < preview.header.size(); ++i) {
        CsvColumn column;
        column.header = preview.header[i];
        column.role = guessColumnRole(column.header);
        if (column.role != ColumnRole::Property && taken.contains(column.role))
            column.role = ColumnRole::Property;
        taken.insert(column.role);
        column.type = column.role == ColumnRole::Property ? guessColumnType(samples[i]) : ColumnType::String;
        preview.mapping.columns << column;
    }
    return preview;
}

} // namespace ul
