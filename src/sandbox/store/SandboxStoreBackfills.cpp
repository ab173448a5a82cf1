// SandboxStore: backfills, and what they change about which events count (the volume route and
// search read it from here).
#include "store/SandboxStore.h"

#include "filter/FilterExpression.h"
#include "store/StoreCursor.h"

#include <QtCore/QDebug>

#include <algorithm>
#include <limits>

namespace ul::sandbox {

namespace {

constexpr qint64 HourMs = 3'600'000;

/// The UTC hour number of an instant (hours since the epoch, rounded down).
qint64 hourOf(Timestamp t)
{
    return t.floorToHour().msecs() / HourMs;
}

std::optional<Timestamp> optionalTime(const std::optional<qint64> &ms)
{
    return ms ? std::optional(Timestamp::fromMsecs(*ms)) : std::nullopt;
}

} // namespace

Expected<Done, QString> SandboxStore::loadBackfills()
{
    auto q = m_db.prepare("SELECT id, status, created_at_ms, timeframe_start_ms, timeframe_end_ms, close_time_ms,"
                          " reverted_at_ms, customer_id, replace_existing_events, deprecation_filter, events_ingested"
                          " FROM backfills ORDER BY seq");
    if (!q)
        return Unexpected{q.error()};
    while (q->step()) {
        Backfill b;
        b.id = q->text(0);
        b.status = backfillStatusFromName(q->text(1)).value_or(BackfillStatus::Pending);
        b.createdAt = Timestamp::fromMsecs(q->int64(2));
        b.timeframeStart = Timestamp::fromMsecs(q->int64(3));
        b.timeframeEnd = Timestamp::fromMsecs(q->int64(4));
        b.closeTime = optionalTime(q->optionalInt64(5));
        b.revertedAt = optionalTime(q->optionalInt64(6));
        b.customerId = q->optionalText(7);
        b.replaceExistingEvents = q->int64(8) != 0;
        b.deprecationFilter = q->optionalText(9);
        b.eventsIngested = q->int64(10);
        m_backfillIndex.insert(b.id, qint32(m_backfills.size()));
        m_backfills.push_back(std::move(b));
    }
    return Done{};
}

void SandboxStore::noteVersion(qint64 seq, Timestamp timestamp, bool deprecated, qint32 backfill,
                               std::optional<qint64> previousSeq)
{
    if (m_rows.size() <= size_t(seq))
        m_rows.resize(size_t(seq) + 1); // grows geometrically
    // Later versions are stored without the backfill id; they belong to their first version's backfill.
    if (previousSeq && backfill < 0 && size_t(*previousSeq) < m_rows.size())
        backfill = m_rows[size_t(*previousSeq)].backfill;
    RowFacts &row = m_rows[size_t(seq)];
    row.backfill = backfill;
    row.flags = deprecated ? DeprecatedRow : 0;
    if (previousSeq && size_t(*previousSeq) < m_rows.size()) {
        RowFacts &previous = m_rows[size_t(*previousSeq)];
        previous.flags |= Superseded;
        if (previous.flags & ReplacedRow) {
            // Replacement is about the event, not one version of it: it moves to the new version.
            auto node = m_replacedBy.extract(*previousSeq);
            node.key() = seq;
            m_replacedBy.insert(std::move(node));
            row.flags |= ReplacedRow;
        }
    }
    m_rowsByHour[hourOf(timestamp)].push_back(seq);
}

void SandboxStore::noteIngested(const QList<Event> &events, const QList<qint64> &seqs, qint32 backfill)
{
    if (seqs.isEmpty())
        return;
    const qint64 last = *std::max_element(seqs.begin(), seqs.end());
    if (m_rows.size() <= size_t(last))
        m_rows.resize(std::max(size_t(last) + 1, m_rows.size() * 2));
    // A batch usually covers few hours: look each one up once per run of events in it.
    qint64 hour = std::numeric_limits<qint64>::min();
    std::vector<qint64> *bucket = nullptr;
    for (qsizetype i = 0; i < events.size(); ++i) {
        m_rows[size_t(seqs[i])] = RowFacts{backfill, quint8(events[i].deprecated ? DeprecatedRow : 0)};
        if (const qint64 h = hourOf(events[i].timestamp); h != hour || !bucket) {
            hour = h;
            bucket = &m_rowsByHour[h];
        }
        bucket->push_back(seqs[i]);
    }
}

qint32 SandboxStore::backfillIndex(const std::optional<QString> &id) const
{
    return id ? m_backfillIndex.value(*id, -1) : -1;
}

bool SandboxStore::isReplaced(qint64 seq) const
{
    if (!(m_rows[size_t(seq)].flags & ReplacedRow))
        return false;
    const auto it = m_replacedBy.find(seq);
    if (it == m_replacedBy.end())
        return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [this](qint32 b) { return m_backfills[size_t(b)].status == BackfillStatus::Reflected; });
}

bool SandboxStore::counts(qint64 seq) const
{
    const RowFacts &row = m_rows[size_t(seq)];
    if (row.flags & (Superseded | DeprecatedRow))
        return false;
    if (row.backfill >= 0 && m_backfills[size_t(row.backfill)].status != BackfillStatus::Reflected)
        return false;
    return !isReplaced(seq);
}

EventStanding SandboxStore::standingAt(qint64 seq) const
{
    const RowFacts &row = m_rows[size_t(seq)];
    if (row.backfill >= 0 && m_backfills[size_t(row.backfill)].status != BackfillStatus::Reflected)
        return EventStanding::Hidden;
    return counts(seq) ? EventStanding::Counts : EventStanding::Inactive;
}

EventStanding SandboxStore::standing(const QString &id) const
{
    const auto seq = currentSeq(id);
    return seq ? standingAt(*seq) : EventStanding::Hidden;
}

std::optional<Event> SandboxStore::visibleEvent(const QString &id) const
{
    auto current = currentVersion(id);
    if (!current)
        return std::nullopt;
    switch (standingAt(current->first)) {
    case EventStanding::Hidden: return std::nullopt;
    case EventStanding::Inactive: current->second.deprecated = true; break;
    case EventStanding::Counts: break;
    }
    return std::move(current->second);
}

QList<VolumeBucket> SandboxStore::volume(Timestamp firstHour, int hours) const
{
    QList<VolumeBucket> buckets;
    buckets.reserve(hours);
    const qint64 first = hourOf(firstHour);
    for (qint64 h = first; h < first + hours; ++h) {
        VolumeBucket bucket{Timestamp::fromMsecs(h * HourMs), Timestamp::fromMsecs((h + 1) * HourMs), 0};
        if (const auto it = m_rowsByHour.find(h); it != m_rowsByHour.end())
            bucket.count = std::count_if(it->second.begin(), it->second.end(), [this](qint64 seq) { return counts(seq); });
        buckets.append(bucket);
    }
    return buckets;
}

Expected<Done, QString> SandboxStore::insertBackfill(const Backfill &b)
{
    auto q = m_db.prepare("INSERT INTO backfills (id, status, created_at_ms, timeframe_start_ms, timeframe_end_ms,"
                          " close_time_ms, reverted_at_ms, customer_id, replace_existing_events, deprecation_filter,"
                          " events_ingested) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, b.id).bind(2, backfillStatusName(b.status)).bind(3, b.createdAt.msecs()).bind(4, b.timeframeStart.msecs())
        .bind(5, b.timeframeEnd.msecs());
    b.closeTime ? q->bind(6, b.closeTime->msecs()) : q->bindNull(6);
    b.revertedAt ? q->bind(7, b.revertedAt->msecs()) : q->bindNull(7);
    q->bind(8, b.customerId).bind(9, qint64(b.replaceExistingEvents ? 1 : 0)).bind(10, b.deprecationFilter)
        .bind(11, b.eventsIngested);
    if (auto ok = q->exec(); !ok)
        return ok;
    m_backfillIndex.insert(b.id, qint32(m_backfills.size()));
    m_backfills.push_back(b);
    return Done{};
}

std::optional<Backfill> SandboxStore::backfill(const QString &id) const
{
    const qint32 index = backfillIndex(id);
    return index >= 0 ? std::optional(m_backfills[size_t(index)]) : std::nullopt;
}

QList<Backfill> SandboxStore::backfills() const
{
    return QList<Backfill>(m_backfills.begin(), m_backfills.end());
}

Expected<BackfillPage, QString> SandboxStore::listBackfills(int limit, const std::optional<QString> &cursor) const
{
    qint64 before = qint64(m_backfills.size());
    if (cursor) {
        const auto position = decodeCursor(*cursor, "b");
        if (!position || *position < 0 || *position > before)
            return Unexpected{QStringLiteral("cursor: \"%1\" is not a cursor this server issued").arg(*cursor)};
        before = *position;
    }
    BackfillPage page;
    for (qint64 i = before - 1; i >= 0 && page.backfills.size() < limit; --i)
        page.backfills.append(m_backfills[size_t(i)]);
    const qint64 next = before - page.backfills.size();
    if (next > 0)
        page.nextCursor = encodeCursor(next, "b");
    return page;
}

Expected<Done, QString> SandboxStore::saveBackfillState(const Backfill &b)
{
    auto q = m_db.prepare("UPDATE backfills SET status = ?2, close_time_ms = ?3, reverted_at_ms = ?4 WHERE id = ?1");
    if (!q)
        return Unexpected{q.error()};
    q->bind(1, b.id).bind(2, backfillStatusName(b.status));
    b.closeTime ? q->bind(3, b.closeTime->msecs()) : q->bindNull(3);
    b.revertedAt ? q->bind(4, b.revertedAt->msecs()) : q->bindNull(4);
    return q->exec();
}

void SandboxStore::announce(const Backfill &backfill)
{
    for (const auto &listener : m_backfillListeners)
        listener(backfill);
}

Expected<Backfill, QString> SandboxStore::reflectBackfill(const QString &id, Timestamp closedAt)
{
    const qint32 index = backfillIndex(id);
    if (index < 0)
        return Unexpected{QStringLiteral("backfill %1 does not exist").arg(id)};
    Backfill updated = m_backfills[size_t(index)];
    if (updated.status != BackfillStatus::Pending)
        return Unexpected{QStringLiteral("backfill %1 is %2, not pending").arg(id, backfillStatusName(updated.status))};
    updated.status = BackfillStatus::Reflected;
    updated.closeTime = closedAt;

    // The events it replaces: those that count now, in its timeframe and scope, matching its filter.
    QList<QPair<qint64, QString>> replaced;
    if (updated.replaceExistingEvents) {
        std::optional<filter::Expression> filter;
        if (updated.deprecationFilter && !updated.deprecationFilter->trimmed().isEmpty()) {
            auto parsed = filter::Expression::parse(*updated.deprecationFilter);
            if (!parsed)
                return Unexpected{QStringLiteral("deprecation_filter: %1").arg(parsed.error().toString())};
            filter = *parsed;
        }
        const qint64 firstHour = hourOf(updated.timeframeStart);
        const qint64 lastHour = hourOf(updated.timeframeEnd.addMsecs(-1));
        for (qint64 h = firstHour; h <= lastHour; ++h) {
            const auto bucket = m_rowsByHour.find(h);
            if (bucket == m_rowsByHour.end())
                continue;
            // Rows are read only where the hour alone does not decide (a partial first or last
            // hour), or the scope or filter needs the event's customer or properties.
            const bool partialHour = (h == firstHour && updated.timeframeStart.msecs() != h * HourMs)
                || (h == lastHour && updated.timeframeEnd.msecs() != (h + 1) * HourMs);
            const bool readRow = partialHour || filter || updated.customerId;
            for (qint64 seq : bucket->second) {
                // Already replaced by another reflected backfill still counts as existing here: if
                // that one is reverted, this one keeps it replaced.
                const RowFacts &facts = m_rows[size_t(seq)];
                if (facts.backfill == index || (facts.flags & (Superseded | DeprecatedRow))
                    || (facts.backfill >= 0 && m_backfills[size_t(facts.backfill)].status != BackfillStatus::Reflected))
                    continue;
                if (!readRow) {
                    replaced.append({seq, eventIdAt(seq)});
                    continue;
                }
                const auto row = rowAt(seq);
                if (!row || row->event.timestamp < updated.timeframeStart || row->event.timestamp >= updated.timeframeEnd)
                    continue;
                if (updated.customerId && resolveCustomer(row->event).customerId != updated.customerId)
                    continue;
                if (filter && !filter->matches(row->event.properties))
                    continue;
                replaced.append({seq, row->event.id});
            }
        }
    }

    sqlite::Transaction tx(m_db);
    if (!tx.isActive())
        return Unexpected{m_db.lastError()};
    if (auto ok = saveBackfillState(updated); !ok)
        return Unexpected{ok.error()};
    if (!replaced.isEmpty()) {
        auto insert = m_db.prepare("INSERT INTO backfill_replacements (backfill_id, event_id) VALUES (?1, ?2)");
        if (!insert)
            return Unexpected{insert.error()};
        for (const auto &[seq, eventId] : std::as_const(replaced)) {
            if (auto ok = insert->bind(1, id).bind(2, eventId).exec(); !ok)
                return Unexpected{ok.error()};
        }
    }
    if (auto ok = tx.commit(); !ok)
        return Unexpected{ok.error()};
    for (const auto &entry : std::as_const(replaced)) {
        m_replacedBy[entry.first].push_back(index);
        m_rows[size_t(entry.first)].flags |= ReplacedRow;
    }
    m_backfills[size_t(index)] = updated;
    announce(updated);
    return updated;
}

Expected<Backfill, QString> SandboxStore::revertBackfill(const QString &id, Timestamp at)
{
    const qint32 index = backfillIndex(id);
    if (index < 0)
        return Unexpected{QStringLiteral("backfill %1 does not exist").arg(id)};
    Backfill updated = m_backfills[size_t(index)];
    if (updated.status == BackfillStatus::Pending)
        updated.status = BackfillStatus::Reverted; // nothing was reflected: nothing to undo
    else if (updated.status == BackfillStatus::Reflected)
        updated.status = BackfillStatus::PendingRevert;
    else
        return Unexpected{QStringLiteral("backfill %1 is %2 already").arg(id, backfillStatusName(updated.status))};
    updated.revertedAt = at;
    if (auto ok = saveBackfillState(updated); !ok)
        return Unexpected{ok.error()};
    m_backfills[size_t(index)] = updated;
    announce(updated);
    return updated;
}

Expected<Backfill, QString> SandboxStore::finishRevert(const QString &id)
{
    const qint32 index = backfillIndex(id);
    if (index < 0 || m_backfills[size_t(index)].status != BackfillStatus::PendingRevert)
        return Unexpected{QStringLiteral("backfill %1 is not pending a revert").arg(id)};
    Backfill updated = m_backfills[size_t(index)];
    updated.status = BackfillStatus::Reverted;
    if (auto ok = saveBackfillState(updated); !ok)
        return Unexpected{ok.error()};
    m_backfills[size_t(index)] = updated;
    announce(updated);
    return updated;
}

QStringList SandboxStore::backfillsDueToClose(Timestamp now) const
{
    std::vector<const Backfill *> due;
    for (const Backfill &b : m_backfills) {
        if (b.status == BackfillStatus::Pending && b.closeTime && *b.closeTime <= now)
            due.push_back(&b);
    }
    std::stable_sort(due.begin(), due.end(), [](const Backfill *a, const Backfill *b) { return *a->closeTime < *b->closeTime; });
    QStringList ids;
    for (const Backfill *b : due)
        ids << b->id;
    return ids;
}

void SandboxStore::settleBackfills(Timestamp now)
{
    // Reverts are done once their time has passed; closes that are due happen, each at its
    // close_time, in the order they were due.
    for (const Backfill &b : backfills()) {
        if (b.status == BackfillStatus::PendingRevert && b.revertedAt && *b.revertedAt + m_backfillRules.revertDuration <= now)
            finishRevert(b.id);
    }
    for (const QString &id : backfillsDueToClose(now)) {
        const Timestamp closeTime = *m_backfills[size_t(backfillIndex(id))].closeTime;
        if (auto closed = reflectBackfill(id, closeTime); !closed)
            qWarning("sandbox: cannot close backfill %s: %s", qPrintable(id), qPrintable(closed.error()));
    }
}

QStringList SandboxStore::replacedBy(const QString &backfillId) const
{
    QStringList ids;
    auto q = const_cast<sqlite::Database &>(m_db).prepare(
        "SELECT event_id FROM backfill_replacements WHERE backfill_id = ?1 ORDER BY rowid");
    if (!q)
        return ids;
    q->bind(1, backfillId);
    while (q->step())
        ids << q->text(0);
    return ids;
}

} // namespace ul::sandbox
