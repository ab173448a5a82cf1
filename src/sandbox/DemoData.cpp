#include "DemoData.h"

#include "routes/CustomerRoutes.h"
#include "store/SandboxStore.h"
#include "webhooks/DemoReceiver.h"
#include "webhooks/WebhookDeliverer.h"
#include "webhooks/WebhookSignature.h"
#include "webhooks/WebhookStore.h"

#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUrl>
#include <QtCore/QUuid>
#include <QtNetwork/QHostAddress>

#include <array>

namespace ul::sandbox {

namespace {

constexpr std::array CompanyNames{
    "Acme Analytics", "Birch & Sons", "Cobalt Robotics", "Delta Freight", "Ember Health", "Fjord Media",
    "Granite Labs", "Harbor Insurance", "Iris Payments", "Juniper Foods", "Kestrel Energy", "Lumen Schools",
    "Maple Travel", "Nimbus Cloud", "Orchid Retail", "Pioneer Bank", "Quartz Games", "Raven Security",
    "Summit Legal", "Tundra Logistics", "Umber Studio", "Vertex Telecom", "Willow Care", "Xenon Motors",
    "Yarrow Farms", "Zephyr Air", "Atlas Mining", "Beacon Realty", "Cinder Apps", "Dune Textiles",
    "Echo Podcasts", "Falcon Drones", "Glacier Water", "Helix Bio", "Indigo Fashion", "Jade Hotels",
    "Krypton Chips", "Lotus Wellness"};

constexpr std::array Regions{"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"};
constexpr std::array Plans{"starter", "growth", "enterprise"};
constexpr std::array Endpoints{"/v2/orders", "/v2/search", "/v2/users", "/v2/reports", "/v2/export"};

constexpr QLatin1StringView DemoWebhooksFlag{"demo_webhooks_seeded"};

QString demoEventId(const DemoDataSpec &spec, qsizetype index)
{
    return QUuid::createUuidV5(QUuid(), QStringLiteral("demo-%1-%2").arg(spec.seed).arg(index)).toString(QUuid::WithoutBraces);
}

QString slug(const char *name)
{
    QString s = QString::fromLatin1(name).toLower();
    s.replace(QStringLiteral(" & "), QStringLiteral("-"));
    s.replace(u' ', u'-');
    return s;
}

/// Three backfills, each scoped to one customer so they block no one's new backfills: one
/// reflected (replacing a day of events), one reverted after it was closed, and one still pending
/// with replay events waiting and a deprecation filter.
constexpr int DemoBackfills = 3;
constexpr int ReplayedPerBackfill = 24;

/// How many of the demo events are the demo backfills' replayed ones (none in small data sets).
int demoReplayedEvents(const DemoDataSpec &spec)
{
    return spec.customers >= 4 && spec.days >= 10 && spec.events >= 1000 ? DemoBackfills * ReplayedPerBackfill : 0;
}

Expected<int, QString> seedDemoBackfills(SandboxStore &store, const DemoDataSpec &spec, const QList<Customer> &customers,
                                         QRandomGenerator &rng, Timestamp now)
{
    if (demoReplayedEvents(spec) == 0)
        return 0;
    struct Plan {
        int customer;
        int daysAgo;
        bool replace;
        const char *filter;
        BackfillStatus status;
    };
    const std::array<Plan, DemoBackfills> plans{Plan{1, spec.days - 10, true, nullptr, BackfillStatus::Reflected},
                           Plan{2, spec.days - 15, false, nullptr, BackfillStatus::Reverted},
                           Plan{3, 8, true, "region = 'us-east-1'", BackfillStatus::Pending}};
    int created = 0;
    for (const Plan &plan : plans) {
        const Customer &c = customers[plan.customer];
        Backfill b;
        b.id = newCustomerId(rng);
        b.timeframeStart = (now - std::chrono::days(plan.daysAgo)).floorToHour();
        b.timeframeEnd = b.timeframeStart + std::chrono::days(1);
        b.createdAt = plan.status == BackfillStatus::Pending ? now - std::chrono::hours(2) : b.timeframeEnd + std::chrono::days(1);
        b.closeTime = b.createdAt + std::chrono::days(1);
        b.customerId = c.id;
        b.replaceExistingEvents = plan.replace;
        if (plan.filter)
            b.deprecationFilter = QString::fromLatin1(plan.filter);
        if (auto ok = store.insertBackfill(b); !ok)
            return Unexpected{ok.error()};
        QList<Event> replay;
        for (int i = 0; i < ReplayedPerBackfill; ++i) {
            Event e;
            e.id = QStringLiteral("demo-backfill-%1-%2").arg(b.id).arg(i);
            e.customerId = c.id;
            e.eventName = QStringLiteral("api_request");
            e.timestamp = b.timeframeStart + std::chrono::hours(i) + std::chrono::minutes(rng.bounded(60));
            e.properties = {{QStringLiteral("region"), QString::fromLatin1(Regions[rng.bounded(int(Regions.size()))])},
                            {QStringLiteral("endpoint"), QString::fromLatin1(Endpoints[rng.bounded(int(Endpoints.size()))])},
                            {QStringLiteral("ms"), qint64(5 + rng.bounded(900))},
                            {QStringLiteral("success"), true},
                            {QStringLiteral("replayed"), true}};
            replay.append(e);
        }
        if (auto ok = store.insertEvents(replay, b.createdAt + std::chrono::minutes(5), b.id); !ok)
            return Unexpected{ok.error()};
        if (plan.status != BackfillStatus::Pending) {
            if (auto ok = store.reflectBackfill(b.id, b.createdAt + std::chrono::hours(1)); !ok)
                return Unexpected{ok.error()};
        }
        if (plan.status == BackfillStatus::Reverted) {
            if (auto ok = store.revertBackfill(b.id, b.createdAt + std::chrono::hours(3)); !ok)
                return Unexpected{ok.error()};
            if (auto ok = store.finishRevert(b.id); !ok)
                return Unexpected{ok.error()};
        }
        ++created;
    }
    return created;
}

} // namespace

Expected<DemoDataSummary, QString> seedDemoData(SandboxStore &store, const DemoDataSpec &spec, Timestamp now)
{
    QRandomGenerator rng(spec.seed);
    DemoDataSummary summary;
    QList<Customer> customers;
    const Timestamp firstDay = now - std::chrono::days(spec.days + 5);
    for (int i = 0; i < spec.customers; ++i) {
        const char *name = CompanyNames[size_t(i) % CompanyNames.size()];
        Customer c;
        c.id = newCustomerId(rng);
        c.name = QString::fromLatin1(name);
        c.email = QStringLiteral("billing@%1.example").arg(slug(name));
        if (i % 6 != 5)
            c.externalCustomerId = QStringLiteral("cus_%1").arg(slug(name));
        c.currency = i % 3 == 0 ? QStringLiteral("EUR") : QStringLiteral("USD");
        c.createdAt = firstDay + std::chrono::minutes(i * 17);
        QJsonObject details{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("segment"),
                                                                      QString::fromLatin1(Plans[size_t(i) % Plans.size()])}}}};
        if (auto stored = store.insertCustomer(c, details); !stored)
            return Unexpected{stored.error()};
        customers.append(c);
        ++summary.customers;
    }
    if (customers.isEmpty())
        return summary;

    // Events spread over the last `days` days, denser on weekdays and working hours, so the
    // volume chart has a shape.
    const qint64 spanMs = qint64(spec.days) * 24 * 3600 * 1000;
    constexpr int Chunk = 5000;
    QList<Event> chunk;
    chunk.reserve(Chunk);
    QList<Event> all;
    // The demo backfills' replayed events are part of the `events` asked for.
    const int ordinaryEvents = spec.events - demoReplayedEvents(spec);
    all.reserve(ordinaryEvents);
    for (int i = 0; i < ordinaryEvents; ++i) {
        Event e;
        e.id = demoEventId(spec, i);
        const Customer &c = customers[qsizetype(rng.bounded(qint32(customers.size())))];
        if (c.externalCustomerId && rng.bounded(2) == 0)
            e.externalCustomerId = c.externalCustomerId;
        else
            e.customerId = c.id;
        qint64 offset = qint64(rng.generateDouble() * double(spanMs));
        Timestamp t = now - std::chrono::milliseconds(offset) - std::chrono::minutes(10);
        const int hour = int((t.msecs() / 3'600'000) % 24);
        if ((hour < 7 || hour > 20) && rng.bounded(3) != 0) // fewer events at night
            t = t + std::chrono::hours(10);
        if (t > now - std::chrono::minutes(1))
            t = now - std::chrono::minutes(1 + int(rng.bounded(600)));
        e.timestamp = Timestamp::fromMsecs(t.msecs() - t.msecs() % 1000);
        const QString region = QString::fromLatin1(Regions[rng.bounded(int(Regions.size()))]);
        switch (rng.bounded(10)) {
        case 0: case 1: case 2: case 3: case 4:
            e.eventName = QStringLiteral("api_request");
            e.properties = {{QStringLiteral("region"), region},
                            {QStringLiteral("endpoint"), QString::fromLatin1(Endpoints[rng.bounded(int(Endpoints.size()))])},
                            {QStringLiteral("ms"), qint64(5 + rng.bounded(900))},
                            {QStringLiteral("success"), rng.bounded(50) != 0}};
            break;
        case 5: case 6:
            e.eventName = QStringLiteral("compute_minutes");
            e.properties = {{QStringLiteral("region"), region},
                            {QStringLiteral("minutes"), double(rng.bounded(6000)) / 100.0},
                            {QStringLiteral("instance_type"), rng.bounded(2) ? QStringLiteral("m6i.large") : QStringLiteral("c7g.xlarge")}};
            break;
        case 7: case 8:
            e.eventName = QStringLiteral("storage_gb_hours");
            e.properties = {{QStringLiteral("region"), region}, {QStringLiteral("gb"), double(1 + rng.bounded(5000)) / 10.0}};
            break;
        default:
            e.eventName = QStringLiteral("seat_active");
            e.properties = {{QStringLiteral("plan"), QString::fromLatin1(Plans[rng.bounded(int(Plans.size()))])},
                            {QStringLiteral("user_id"), QStringLiteral("u_%1").arg(rng.bounded(4000))}};
        }
        chunk.append(e);
        all.append(e);
        if (chunk.size() == Chunk || i + 1 == ordinaryEvents) {
            if (auto ok = store.insertEvents(chunk, now); !ok)
                return Unexpected{ok.error()};
            summary.events += int(chunk.size());
            chunk.clear();
        }
    }

    // A few corrections with history: about 0.3 % amended (region fixed) and 0.3 % deprecated.
    for (qsizetype i = 7; i < all.size(); i += 331) {
        Event amended = all[i];
        amended.properties.set(QStringLiteral("region"), QStringLiteral("eu-west-1"));
        amended.properties.set(QStringLiteral("corrected"), true);
        const QString key = amended.customerId ? *amended.customerId
                                               : store.customerByExternalId(*amended.externalCustomerId)->customer.id;
        if (auto ok = store.appendVersion(amended, EventChange::Amended, now, key); !ok)
            return Unexpected{ok.error()};
        ++summary.amended;
    }
    for (qsizetype i = 101; i < all.size(); i += 337) {
        Event deprecated = all[i];
        if (store.currentEvent(deprecated.id)->properties.contains(QStringLiteral("corrected")))
            continue;
        deprecated.deprecated = true;
        const QString key = deprecated.customerId ? *deprecated.customerId
                                                  : store.customerByExternalId(*deprecated.externalCustomerId)->customer.id;
        if (auto ok = store.appendVersion(deprecated, EventChange::Deprecated, now, key); !ok)
            return Unexpected{ok.error()};
        ++summary.deprecated;
    }

    if (auto seeded = seedDemoBackfills(store, spec, customers, rng, now); !seeded)
        return Unexpected{seeded.error()};
    else
        summary.backfills = *seeded;
    return summary;
}

Expected<int, QString> seedDemoWebhooks(SandboxStore &events, WebhookDeliverer &deliverer, const QUrl &sandboxUrl,
                                        Timestamp now, const DemoDataSpec &spec)
{
    // Deliveries go to where the sandbox can be reached from itself.
    QUrl local = sandboxUrl;
    const QHostAddress host(local.host());
    if (host == QHostAddress(QHostAddress::AnyIPv4) || host == QHostAddress(QHostAddress::Any))
        local.setHost(QStringLiteral("127.0.0.1"));
    else if (host == QHostAddress(QHostAddress::AnyIPv6))
        local.setHost(QStringLiteral("::1"));

    WebhookStore &store = deliverer.store();
    if (store.flag(DemoWebhooksFlag)) {
        for (const StoredWebhook &w : QList<StoredWebhook>(store.activeWebhooks())) {
            if (!w.demo)
                continue;
            const QString url = demo_receiver::url(local, QLatin1StringView(w.demo->toLatin1()));
            if (url != w.url) {
                if (auto ok = store.setWebhookUrl(w.id, url); !ok)
                    return Unexpected{ok.error()};
            }
        }
        return 0;
    }

    const QStringList corrections{QStringLiteral("event.amended"), QStringLiteral("event.deprecated")};
    struct Demo {
        QLatin1StringView behaviour;
        QStringList subscriptions;
    };
    const std::array demos{
        Demo{demo_receiver::Ok, corrections + QStringList{QStringLiteral("backfill.closed"), QStringLiteral("backfill.reverted")}},
        Demo{demo_receiver::Missing, corrections},
        Demo{demo_receiver::Slow, corrections},
    };
    int created = 0;
    for (const Demo &demo : demos) {
        StoredWebhook w;
        w.id = WebhookStore::newId();
        w.url = demo_receiver::url(local, demo.behaviour);
        w.subscriptions = demo.subscriptions;
        w.secret = webhook_signature::newSecret();
        w.created = now;
        w.demo = QString(demo.behaviour);
        if (auto ok = store.insertWebhook(w); !ok)
            return Unexpected{ok.error()};
        ++created;
    }
    if (auto ok = store.setFlag(DemoWebhooksFlag); !ok)
        return Unexpected{ok.error()};

    // A few demo corrections, delivered as if they had just been made: the same indexes the
    // demo data amends (every 331st from 7) and deprecates (every 337th from 101).
    auto deliver = [&](qsizetype first, qsizetype step, EventChange change) {
        int found = 0;
        for (qsizetype i = first; i < spec.events && found < 2; i += step) {
            const QList<EventVersion> history = events.history(demoEventId(spec, i));
            if (history.isEmpty() || history.last().change != change)
                continue;
            const EventVersion &last = history.last();
            deliverer.onEventsStored(last.change, {last.event}, last.version, last.recordedAt, std::nullopt);
            ++found;
        }
    };
    deliver(7, 331, EventChange::Amended);
    deliver(101, 337, EventChange::Deprecated);
    return created;
}

} // namespace ul::sandbox
