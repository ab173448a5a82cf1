#pragma once

#include "model/Event.h"
#include "util/Expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

class QIODevice;

namespace ul::gui {

class EventTableModel;

enum class ExportFormat {
    Csv,   ///< A header row, then one row per event; RFC 4180 quoting, CRLF line ends, UTF-8.
    Jsonl, ///< One Orb Event object per line.
};

/// One CSV column: a fixed field of the event (an EventTableModel::Column) or a property.
struct ExportColumn {
    int column = 0;      ///< EventTableModel::Column, or FixedColumnCount for a property.
    QString propertyKey; ///< For property columns.
    QString header;      ///< Orb's field name, or the property key.
};

/// The CSV columns for the given model columns, in that order. Property columns are named by
/// their key, or `properties.<key>` when the key is also the name of a fixed field.
QList<ExportColumn> exportColumns(const EventTableModel &model, const QList<int> &modelColumns);

/// A value as a CSV cell holds it: ISO 8601 timestamps, `true`/`false`, raw numbers, empty for none.
QString exportText(const Event &event, const ExportColumn &column);
/// One field quoted as RFC 4180 asks: in double quotes (doubled inside) when it holds a comma,
/// a quote, a line break or leading/trailing white space.
QByteArray csvField(QStringView text);

/// Writes the events; the value is the number of events written, the error a sentence.
Expected<qsizetype, QString> writeCsv(QIODevice &out, const QList<Event> &events, const QList<ExportColumn> &columns);
Expected<qsizetype, QString> writeJsonl(QIODevice &out, const QList<Event> &events);
/// Writes a whole file atomically (QSaveFile): either the complete export or nothing.
Expected<qsizetype, QString> exportEventsToFile(const QString &path, ExportFormat format, const QList<Event> &events,
                                                const QList<ExportColumn> &columns);

/// The Orb Event object of an event, compact.
QByteArray eventToJson(const Event &event);
/// A JSON array of Orb Event objects, indented.
QByteArray eventsToJsonArray(const QList<Event> &events);
/// Indents compact JSON text, keeping the order of keys and the exact text of numbers.
QByteArray prettyJson(QByteArrayView compact, int indent = 2);

} // namespace ul::gui
