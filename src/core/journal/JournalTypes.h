#pragma once

#include "model/Event.h"
#include "util/Timestamp.h"

#include <QtCore/QByteArray>
#include <QtCore/QLatin1StringView>
#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace ul {

/// What a journal entry did. An open set of names (stored as text), so later actions need no
/// schema change; these are the ones the app writes.
namespace JournalAction {
inline constexpr QLatin1StringView Amend{"amend"};
inline constexpr QLatin1StringView Deprecate{"deprecate"};
inline constexpr QLatin1StringView Ingest{"ingest"};
inline constexpr QLatin1StringView BackfillImport{"backfill_import"};
inline constexpr QLatin1StringView BackfillClose{"backfill_close"};
inline constexpr QLatin1StringView BackfillRevert{"backfill_revert"};
} // namespace JournalAction

enum class JournalOutcome {
    Pending,   ///< Written before sending; no final answer from the server yet.
    Succeeded, ///< The server answered 2xx.
    Failed,    ///< The server refused it for good (a 4xx other than 401/403/408/409/429).
    Cancelled, ///< Never completed: withdrawn before it was sent (or given up by the analyst).
};

QLatin1StringView journalOutcomeName(JournalOutcome outcome);
std::optional<JournalOutcome> journalOutcomeFromName(QStringView name);

/// A correction about to be sent, written to the journal before anything goes out.
struct NewJournalEntry {
    QString profile;            ///< The connection profile (the outbox's destination).
    QString action;             ///< One of JournalAction.
    QStringList eventIds;
    QByteArray beforeJson;      ///< The Orb event object before the change; empty: none.
    QByteArray afterJson;       ///< The Orb event object after it (ingest: a summary); empty: none.
    QString reason;             ///< The analyst's optional reason.
    QString operationId;        ///< Groups the entries of one bulk action; empty for a single one.
    std::optional<qint64> undoOf;  ///< The entry this one undoes (a re-amend to its before payload).
    std::optional<qint64> retryOf; ///< The failed entry this one sends again.
    bool final = false;         ///< Cannot be undone (deprecations, reverts).
    QString outboxKey;          ///< The outbox operation's id (its Idempotency-Key).
    QString outboxSource;       ///< The id of the outbox that owns the operation.
};

/// The server's answer that completes an entry.
struct JournalAnswer {
    JournalOutcome outcome = JournalOutcome::Succeeded;
    int httpStatus = 0;   ///< 0: no HTTP answer (e.g. cancelled before sending).
    QByteArray body;      ///< The response body; stored up to Journal::MaxStoredBody bytes.
    QString message;      ///< A sentence for the analyst (errors); empty on success.
};

struct JournalEntry {
    qint64 id = 0;
    Timestamp created;
    std::optional<Timestamp> completed;
    QString profile;
    QString action;
    QStringList eventIds;
    qint64 eventCount = 0;
    QByteArray beforeJson;
    QByteArray afterJson;
    int httpStatus = 0;
    QByteArray responseBody;
    bool responseTruncated = false;
    JournalOutcome outcome = JournalOutcome::Pending;
    QString error;
    QString reason;
    QString operationId;
    QString annotationCorrelationId;
    std::optional<qint64> undoOf;
    std::optional<qint64> retryOf;
    std::optional<qint64> undoneBy; ///< A pending or succeeded entry that undoes this one.
    bool final = false;
    QString outboxKey;

    /// A succeeded amendment that nothing has undone yet. Deprecations are final.
    [[nodiscard]] bool isUndoable() const;
};

/// Which entries to list or export. Empty fields do not filter.
struct JournalFilter {
    std::optional<Timestamp> from; ///< created >= from
    std::optional<Timestamp> to;   ///< created < to
    QStringList actions;           ///< any of these
    QList<JournalOutcome> outcomes;///< any of these
    QString eventId;               ///< entries that name this event id
    QString text;                  ///< case-insensitive (ASCII) substring of ids, reason, error, payloads, response
    QString profile;
    QString operationId;
    qsizetype limit = -1;          ///< -1: all
    qint64 offset = 0;
    bool newestFirst = true;
};

/// What undoing an amendment sends: the event as it was before it (`restore`), replacing what
/// the amendment made (`expectedCurrent`; the form should compare it with the server's current
/// version and warn when the event changed since).
struct UndoPlan {
    qint64 entryId = 0;
    Event restore;
    Event expectedCurrent;
};

} // namespace ul

Q_DECLARE_METATYPE(ul::JournalEntry)
