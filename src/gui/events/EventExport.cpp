#include "events/EventExport.h"

#include "events/EventTableModel.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QSaveFile>
#include <QtCore/QSet>

namespace ul::gui {

namespace {

/// The translation context of this file's messages (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct ExportText {
    Q_DECLARE_TR_FUNCTIONS(ul::gui::EventExport)
};

constexpr qsizetype FlushBytes = 1 << 20;

Expected<Done, QString> flush(QIODevice &out, QByteArray &buffer)
{
    if (buffer.isEmpty())
        return Done{};
    if (out.write(buffer) != buffer.size())
        return Unexpected{out.errorString()};
    buffer.clear();
    return Done{};
}

} // namespace

QList<ExportColumn> exportColumns(const EventTableModel &model, const QList<int> &modelColumns)
{
    QSet<QString> fixedNames;
    for (int column = 0; column < EventTableModel::FixedColumnCount; ++column)
        fixedNames.insert(model.columnKey(column));
    QList<ExportColumn> columns;
    columns.reserve(modelColumns.size());
    for (const int column : modelColumns) {
        if (const auto key = model.propertyKeyOf(column)) {
            const QString header = fixedNames.contains(*key) ? EventTableModel::propertyColumnPrefix() + *key : *key;
            columns.append({EventTableModel::FixedColumnCount, *key, header});
        } else if (column >= 0 && column < EventTableModel::FixedColumnCount) {
            columns.append({column, {}, model.columnKey(column)});
        }
    }
    return columns;
}

QString exportText(const Event &event, const ExportColumn &column)
{
    switch (column.column) {
    case EventTableModel::IdColumn: return event.id;
    case EventTableModel::EventNameColumn: return event.eventName;
    case EventTableModel::CustomerIdColumn: return event.customerId.value_or(QString());
    case EventTableModel::ExternalCustomerIdColumn: return event.externalCustomerId.value_or(QString());
    case EventTableModel::TimestampColumn: return event.timestamp.toIso8601();
    case EventTableModel::DeprecatedColumn: return event.deprecated ? QStringLiteral("true") : QStringLiteral("false");
    default: break;
    }
    const PropertyValue *value = event.properties.find(column.propertyKey);
    return value ? propertyValueToString(*value) : QString();
}

QByteArray csvField(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')
                       || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
    return out;
}

Expected<qsizetype, QString> writeCsv(QIODevice &out, const QList<Event> &events, const QList<ExportColumn> &columns)
{
    QByteArray buffer;
    buffer.reserve(FlushBytes + 4096);
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            buffer.append(',');
        buffer.append(csvField(columns[i].header));
    }
    buffer.append("\r\n");
    for (const Event &event : events) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                buffer.append(',');
            buffer.append(csvField(exportText(event, columns[i])));
        }
        buffer.append("\r\n");
        if (buffer.size() >= FlushBytes) {
            if (auto flushed = flush(out, buffer); !flushed)
                return Unexpected{flushed.error()};
        }
    }
    if (auto flushed = flush(out, buffer); !flushed)
        return Unexpected{flushed.error()};
    return events.size();
}

Expected<qsizetype, QString> writeJsonl(QIODevice &out, const QList<Event> &events)
{
    QByteArray buffer;
    for (const Event &event : events) {
        JsonWriter line;
        json::writeEvent(line, event);
        buffer.append(line.data());
        buffer.append('\n');
        if (buffer.size() >= FlushBytes) {
            if (auto flushed = flush(out, buffer); !flushed)
                return Unexpected{flushed.error()};
        }
    }
    if (auto flushed = flush(out, buffer); !flushed)
        return Unexpected{flushed.error()};
    return events.size();
}

Expected<qsizetype, QString> exportEventsToFile(const QString &path, ExportFormat format, const QList<Event> &events,
                                                const QList<ExportColumn> &columns)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected{ExportText::tr("Could not write %1: %2").arg(shown, file.errorString())};
    auto written = format == ExportFormat::Csv ? writeCsv(file, events, columns) : writeJsonl(file, events);
    if (!written) {
        file.cancelWriting();
        return Unexpected{ExportText::tr("Could not write %1: %2").arg(shown, written.error())};
    }
    if (!file.commit())
        return Unexpected{ExportText::tr("Could not write %1: %2").arg(shown, file.errorString())};
    return written;
}

QByteArray eventToJson(const Event &event)
{
    JsonWriter out;
    json::writeEvent(out, event);
    return out.take();
}

QByteArray eventsToJsonArray(const QList<Event> &events)
{
    JsonWriter out(events.size() * 256 + 16);
    out.beginArray();
    for (const Event &event : events)
        json::writeEvent(out, event);
    out.endArray();
    return prettyJson(out.data());
}

QByteArray prettyJson(QByteArrayView compact, int indent)
{
    QByteArray out;
    out.reserve(compact.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&] {
        out.append('\n');
        out.append(QByteArray(qsizetype(depth) * indent, ' '));
    };
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            const char close = c == '{' ? '}' : ']';
            // Empty containers stay on one line.
            qsizetype next = i + 1;
            while (next < compact.size() && (compact[next] == ' ' || compact[next] == '\n' || compact[next] == '\t' || compact[next] == '\r'))
                ++next;
            if (next < compact.size() && compact[next] == close) {
                out.append(c);
                out.append(close);
                i = next;
                break;
            }
            out.append(c);
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

} // namespace ul::gui
