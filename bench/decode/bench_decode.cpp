// bench_decode: decode throughput of large search answers by the app's codec
// (ul::json::decodeEventList, the Event values the views use) against simdjson parsing the same
// bytes (libsimdjson-dev, the fastest JSON parser Debian ships), as a ratio. Target
// (docs/performance.md): ≥ 50 % of simdjson on the same bytes.
//
//   bench_decode [--properties N] [--big-mb N] [--repeat R]
//
// Inputs: a search page of 500 events with N properties each (strings, integers, decimals,
// booleans), and a body of about --big-mb MB of such events. Per input and decoder, the median
// MB/s of R runs:
//   EventCodec          ul::json::decodeEventList: parse + every field into ul::Event (QString etc.)
//   simdjson parse      simdjson::dom::parser::parse alone (a reused parser): the "plain parse"
//   simdjson + walk     the same, then every field copied into std::string/std structs
//   QJsonDocument       QJsonDocument::fromJson alone (for reference)
// and a JSONL import file (--jsonl-lines lines, 8 properties each): ImportReader turning every
// line into an ul::Event against simdjson parsing line by line, plain and walked into structs.
// The target's baseline is simdjson walked into structs, as in performance-notes' decode table.
// Benchmarks print figures; they never assert.
#include "BenchSupport.h"
#include "json/EventCodec.h"
#include "import/ImportReader.h"
#include "json/JsonWriter.h"

#include <QtCore/QBuffer>
#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

#include <simdjson.h>

#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <variant>
#include <vector>

using namespace ul;
using namespace ul::bench;

namespace {

Event wideEvent(QRandomGenerator &rng, int properties, Timestamp now)
{
    static const QStringList words{QStringLiteral("eu-west-1"), QStringLiteral("us-east-1"), QStringLiteral("/v2/orders"),
                                   QStringLiteral("enterprise"), QStringLiteral("Zürich"), QStringLiteral("gpu-a100"),
                                   QStringLiteral("batch \"nightly\""), QStringLiteral("cache-miss")};
    Event e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.eventName = QStringLiteral("api_request");
    e.customerId = QStringLiteral("cus_%1").arg(rng.bounded(1000u), 6, 10, QLatin1Char('0'));
    e.externalCustomerId = QStringLiteral("ext-%1").arg(rng.bounded(1000u));
    e.timestamp = now - std::chrono::milliseconds(rng.bounded(86'400'000));
    for (int p = 0; p < properties; ++p) {
        const QString key = QStringLiteral("property_%1").arg(p);
        switch (p % 4) {
        case 0: e.properties.set(key, words.at(qsizetype(rng.bounded(quint32(words.size()))))); break;
        case 1: e.properties.set(key, qint64(rng.bounded(1'000'000))); break;
        case 2: e.properties.set(key, rng.generateDouble() * 1000.0); break;
        default: e.properties.set(key, rng.bounded(2u) == 1u); break;
        }
    }
    return e;
}

/// `{"data":[...]}` with `count` events, or as many as reach `minBytes`.
QByteArray searchAnswer(int properties, qint64 count, qint64 minBytes, qint64 &events)
{
    QRandomGenerator rng(42);
    const Timestamp now = Timestamp::now();
    JsonWriter out;
    out.beginObject().key("data").beginArray();
    events = 0;
    while ((count > 0 && events < count) || (minBytes > 0 && out.data().size() < minBytes)) {
        json::writeEvent(out, wideEvent(rng, properties, now));
        ++events;
    }
    out.endArray().endObject();
    return out.take();
}

// What "walked into structs" means for simdjson: every field copied out of the DOM.
using StdValue = std::variant<std::string, int64_t, double, bool>;
struct StdEvent {
    std::string id, name, customer, external, timestamp;
    bool deprecated = false;
    std::vector<std::pair<std::string, StdValue>> properties;
};

/// One event object (a search answer's or an ingest line's) copied into `e`.
bool walkEvent(simdjson::dom::element item, StdEvent &e)
{
    simdjson::dom::object object;
    if (item.get_object().get(object))
        return false;
    for (auto field : object) {
        std::string_view text;
        if (field.key == "properties") {
            for (auto p : simdjson::dom::object(field.value)) {
                StdValue v;
                switch (p.value.type()) {
                case simdjson::dom::element_type::STRING: v = std::string(std::string_view(p.value)); break;
                case simdjson::dom::element_type::INT64: v = int64_t(p.value); break;
                case simdjson::dom::element_type::BOOL: v = bool(p.value); break;
                default: v = double(p.value); break;
                }
                e.properties.emplace_back(std::string(p.key), std::move(v));
            }
        } else if (field.key == "deprecated") {
            e.deprecated = bool(field.value);
        } else if (!field.value.get_string().get(text)) {
            std::string *target = field.key == "id" || field.key == "idempotency_key" ? &e.id
                : field.key == "event_name"                                       ? &e.name
                : field.key == "customer_id"                                      ? &e.customer
                : field.key == "timestamp"                                        ? &e.timestamp
                                                                                  : &e.external;
            *target = text;
        }
    }
    return true;
}

bool walk(simdjson::dom::element root, std::vector<StdEvent> &events)
{
    simdjson::dom::array data;
    if (root["data"].get_array().get(data))
        return false;
    for (simdjson::dom::element item : data) {
        StdEvent e;
        if (!walkEvent(item, e))
            return false;
        events.push_back(std::move(e));
    }
    return true;
}

/// Median MB/s of `repeat` runs of `decode` over `body` (a failing run prints and counts as 0).
double rate(const QByteArray &body, int repeat, const std::function<bool()> &decode)
{
    QList<double> rates;
    for (int run = 0; run < repeat; ++run) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = decode();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!ok)
            return 0;
        rates << double(body.size()) / seconds / 1e6;
    }
    return median(rates);
}

void measure(const QString &label, const QByteArray &body, qint64 events, int repeat)
{
    simdjson::dom::parser parser;
    std::vector<StdEvent> walked;
    qsizetype decodedEvents = 0;
    const double codec = rate(body, repeat, [&] {
        auto decoded = json::decodeEventList(body);
        decodedEvents = decoded ? decoded->size() : -1;
        return bool(decoded);
    });
    const double plain = rate(body, repeat, [&] {
        simdjson::dom::element root;
        return !parser.parse(body.constData(), size_t(body.size())).get(root);
    });
    const double simdWalk = rate(body, repeat, [&] {
        simdjson::dom::element root;
        walked.clear();
        return !parser.parse(body.constData(), size_t(body.size())).get(root) && walk(root, walked);
    });
    const double qt = rate(body, repeat, [&] { return !QJsonDocument::fromJson(body).isNull(); });
    out(QStringLiteral("%1: %2 events, %3 MB (%4 events decoded by EventCodec)")
            .arg(label)
            .arg(thousands(double(events)))
            .arg(double(body.size()) / 1e6, 0, 'f', 2)
            .arg(decodedEvents));
    auto row = [](const QString &name, double mbs, double reference) {
        out(QStringLiteral("  %1 %2 MB/s%3")
                .arg(name, -34)
                .arg(mbs, 8, 'f', 1)
                .arg(reference > 0 ? QStringLiteral("   %1x of simdjson parse").arg(mbs / reference, 0, 'f', 2) : QString()));
    };
    row(QStringLiteral("EventCodec (decodeEventList)"), codec, plain);
    row(QStringLiteral("simdjson parse (plain)"), plain, 0);
    row(QStringLiteral("simdjson parse + walk into structs"), simdWalk, plain);
    row(QStringLiteral("QJsonDocument::fromJson (reference)"), qt, plain);
    // The target's baseline is simdjson with every field walked into structs (performance-notes'
    // decode table); the ratio to the bare parse is printed too, as issue 9 asks.
    out(QStringLiteral("  ratio EventCodec / simdjson parse + walk: %1 (target >= 0.50); / simdjson plain parse: %2")
            .arg(simdWalk > 0 ? codec / simdWalk : 0, 0, 'f', 2)
            .arg(plain > 0 ? codec / plain : 0, 0, 'f', 2));
}

/// JSONL as an import file holds it: one Orb ingest event per line, `count` lines.
QByteArray importFile(int properties, qint64 count)
{
    QRandomGenerator rng(7);
    const Timestamp now = Timestamp::now();
    QByteArray file;
    QList<Event> one(1);
    for (qint64 i = 0; i < count; ++i) {
        one[0] = wideEvent(rng, properties, now);
        one[0].externalCustomerId.reset(); // an ingest event names one customer
        file += json::encodeIngestItems(std::span<const Event>(one.constData(), 1));
        file += '\n';
    }
    return file;
}

/// JSONL import decoding: ImportReader (every line parsed and turned into an ul::Event, the
/// rows the import checks and queues) against simdjson parsing each line and walking it into
/// structs, the "line by line" baseline of performance-notes.
void measureJsonl(const QByteArray &file, qint64 lines, int repeat)
{
    qint64 rows = 0;
    const double reader = rate(file, repeat, [&] {
        QBuffer buffer;
        buffer.setData(file);
        buffer.open(QIODevice::ReadOnly);
        ImportReader in(&buffer, ImportSpec{});
        rows = 0;
        while (auto row = in.next()) {
            if (row->bad)
                return false;
            ++rows;
        }
        return in.error().isEmpty();
    });
    simdjson::dom::parser parser;
    std::vector<StdEvent> walked;
    const auto eachLine = [&file](const std::function<bool(const char *, size_t)> &line) {
        const char *p = file.constData();
        const char *end = p + file.size();
        while (p < end) {
            const char *newline = static_cast<const char *>(memchr(p, '\n', size_t(end - p)));
            const char *stop = newline ? newline : end;
            if (stop > p && !line(p, size_t(stop - p)))
                return false;
            p = stop + 1;
        }
        return true;
    };
    const double plain = rate(file, repeat, [&] {
        return eachLine([&](const char *p, size_t n) {
            simdjson::dom::element root;
            return !parser.parse(p, n).get(root); // copies the line into the parser's padded buffer
        });
    });
    const double simdWalk = rate(file, repeat, [&] {
        walked.clear();
        return eachLine([&](const char *p, size_t n) {
            simdjson::dom::element root;
            StdEvent e;
            if (parser.parse(p, n).get(root) || !walkEvent(root, e))
                return false;
            walked.push_back(std::move(e));
            return true;
        });
    });
    out(QStringLiteral("JSONL import file: %1 lines, %2 MB (%3 rows read by ImportReader)")
            .arg(thousands(double(lines)))
            .arg(double(file.size()) / 1e6, 0, 'f', 2)
            .arg(rows));
    out(QStringLiteral("  %1 %2 MB/s").arg(QStringLiteral("ImportReader (rows into ul::Event)"), -34).arg(reader, 8, 'f', 1));
    out(QStringLiteral("  %1 %2 MB/s").arg(QStringLiteral("simdjson parse per line (plain)"), -34).arg(plain, 8, 'f', 1));
    out(QStringLiteral("  %1 %2 MB/s").arg(QStringLiteral("simdjson per line + walk"), -34).arg(simdWalk, 8, 'f', 1));
    out(QStringLiteral("  ratio ImportReader / simdjson per line + walk: %1 (target >= 0.50); / plain parse: %2")
            .arg(simdWalk > 0 ? reader / simdWalk : 0, 0, 'f', 2)
            .arg(plain > 0 ? reader / plain : 0, 0, 'f', 2));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_decode"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Decode throughput of search answers: EventCodec vs simdjson."));
    parser.addHelpOption();
    const QCommandLineOption propertiesOpt(QStringLiteral("properties"), QStringLiteral("Properties per event."), QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption bigOpt(QStringLiteral("big-mb"), QStringLiteral("Size of the large body in MB."), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption linesOpt(QStringLiteral("jsonl-lines"), QStringLiteral("Lines in the JSONL import file."), QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Runs per figure (median)."), QStringLiteral("R"), QStringLiteral("9"));
    parser.addOptions({propertiesOpt, bigOpt, linesOpt, repeatOpt});
    parser.process(app);
    const int properties = parser.value(propertiesOpt).toInt();
    const int repeat = std::max(1, parser.value(repeatOpt).toInt());
    out(QStringLiteral("bench_decode: simdjson %1.%2.%3 (%4 kernel), Qt %5, median of %6 runs")
            .arg(int(simdjson::SIMDJSON_VERSION_MAJOR))
            .arg(int(simdjson::SIMDJSON_VERSION_MINOR))
            .arg(int(simdjson::SIMDJSON_VERSION_REVISION))
            .arg(QString::fromStdString(simdjson::get_active_implementation()->name()))
            .arg(QString::fromLatin1(qVersion()))
            .arg(repeat));
    qint64 events = 0;
    const QByteArray page = searchAnswer(properties, 500, 0, events);
    measure(QStringLiteral("search page, 500 events x %1 properties").arg(properties), page, events, repeat * 5);
    const QByteArray big = searchAnswer(properties, 0, parser.value(bigOpt).toLongLong() * 1'000'000, events);
    measure(QStringLiteral("large answer, %1 properties per event").arg(properties), big, events, repeat);
    // Import files: narrower events (8 properties), as usage exports usually are.
    const qint64 lines = parser.value(linesOpt).toLongLong();
    measureJsonl(importFile(8, lines), lines, std::max(3, repeat / 3));
    return 0;
}
