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
// Benchmarks print figures; they never assert.
#include "BenchSupport.h"
#include "json/EventCodec.h"
#include "json/JsonWriter.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

#include <simdjson.h>

#include <functional>
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

bool walk(simdjson::dom::element root, std::vector<StdEvent> &events)
{
    simdjson::dom::array data;
    if (root["data"].get_array().get(data))
        return false;
    for (simdjson::dom::element item : data) {
        simdjson::dom::object object;
        if (item.get_object().get(object))
            return false;
        StdEvent e;
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
                std::string *target = field.key == "id" ? &e.id
                    : field.key == "event_name"         ? &e.name
                    : field.key == "customer_id"        ? &e.customer
                    : field.key == "timestamp"          ? &e.timestamp
                                                        : &e.external;
                *target = text;
            }
        }
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
    out(QStringLiteral("  ratio EventCodec / simdjson plain parse: %1 (target >= 0.50); / simdjson parse + walk: %2")
            .arg(plain > 0 ? codec / plain : 0, 0, 'f', 2)
            .arg(simdWalk > 0 ? codec / simdWalk : 0, 0, 'f', 2));
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
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Runs per figure (median)."), QStringLiteral("R"), QStringLiteral("9"));
    parser.addOptions({propertiesOpt, bigOpt, repeatOpt});
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
    return 0;
}
