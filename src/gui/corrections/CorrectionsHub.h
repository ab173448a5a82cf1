#pragma once

#include "journal/Journal.h"
#include "outbox/Outbox.h"
#include "settings/ConnectionProfile.h"
#include "validation/EventRules.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <functional>
#include <map>
#include <memory>

namespace ul {
class CorrectionAnnotator;
class OrbClient;
class ProfileSession;
class TokenStore;
} // namespace ul

namespace ul::gui {

/// How one correction action (a group of outbox operations) ended.
struct CorrectionCounts {
    qint64 operations = 0; ///< Operations in the group.
    qint64 succeeded = 0;
    qint64 failed = 0;     ///< Refused for good (kept for "retry failed").
    qint64 cancelled = 0;  ///< Withdrawn before they were sent (or discarded at start).
    qint64 events = 0;     ///< Events the operations named.
};

/// Where a group of corrections stands, for per-row views (bulk amend, the journal view).
struct CorrectionGroup {
    QString id;
    QString action;       ///< A JournalAction name (amend, deprecate).
    QString destination;  ///< The profile id.
    QSet<qint64> outstanding;      ///< Outbox operation ids without a final answer yet.
    QHash<qint64, OperationResult> results; ///< By outbox operation id: the last final answer.
    QList<qint64> journalIds;
    CorrectionCounts counts;
};

/// What an enqueue call queued: the group that follows it and one ticket per operation, in the
/// order of the items given.
struct QueuedCorrection {
    QString groupId;
    QList<OperationTicket> tickets;
};

/// The app's write side for corrections: ONE durable Outbox (`<dataDir>/outbox.sqlite`) and a
/// Journal per connection profile (`<dataDir>/journals/<profile id>.sqlite`), attached to the
/// current profile's client as soon as it is ready.
///
/// - Every correction is enqueued through it under a group id, so a bulk action is followed to
///   its end: groupChanged while it runs, correctionGroupFinished (the hook for ops
///   annotations) once every operation has a final answer.
/// - After the server accepts an amendment or deprecation, the events are searched again and
///   eventsRefreshed carries the server's version, for the tables to update their rows.
/// - Work a previous session left queued is not sent on its own: the destination is paused and
///   queuedWorkFound asks the analyst (sendQueued() or discardQueued()).
///
/// No widgets: the dialogs and the Corrections view use it; tests and helper processes too.
class CorrectionsHub : public QObject {
    Q_OBJECT
public:
    /// Opens (or creates) the outbox in `dataDir`; journals are opened per profile on demand.
    static Expected<std::unique_ptr<CorrectionsHub>, QString> open(const QString &dataDir,
                                                                 const OutboxSettings &settings = {},
                                                                 QObject *parent = nullptr);
    ~CorrectionsHub() override;

    [[nodiscard]] Outbox &outbox() const { return *m_outbox; }
    /// The current profile's journal; null before a profile is set (or when it could not open).
    [[nodiscard]] Journal *journal() const;
    /// The journal of profile `profileId`, opened if need be.
    Expected<Journal *, QString> journalFor(const QString &profileId);
    [[nodiscard]] const ConnectionProfile &profile() const { return m_profile; }
    /// The outbox destination of the current profile (its id); empty before a profile is set.
    [[nodiscard]] QString destination() const { return m_profile.id; }
    [[nodiscard]] OrbClient *client() const { return m_client; }
    /// Whether corrections can be queued now (a profile whose client is attached).
    [[nodiscard]] bool isReady() const;

    /// Follows the session: its profile, its client (attached to the outbox once ready) and its
    /// token changes (Outbox::credentialsChanged).
    void attachSession(ProfileSession &session);
    /// Without a session (tests, helpers): the profile and client to write with.
    void setProfile(const ConnectionProfile &profile);
    void setClient(OrbClient *client);
    /// Posts an ops annotation after every correction group of a profile whose annotation sink
    /// is set, with the sink token read from `tokens` (see CorrectionAnnotator).
    void useTokenStore(TokenStore &tokens);
    /// The current profile's annotator; null when the profile has no annotation sink.
    [[nodiscard]] CorrectionAnnotator *annotator() const { return m_annotator.get(); }

    /// The server's rules as the client checks them, and the clock they are checked against
    /// (tests set the sandbox's frozen clock).
    [[nodiscard]] const EventRuleLimits &limits() const { return m_limits; }
    void setLimits(const EventRuleLimits &limits) { m_limits = limits; }
    [[nodiscard]] Timestamp now() const;
    void setClock(std::function<Timestamp()> clock) { m_clock = std::move(clock); }

    // ---- corrections (each is followed as one group) ------------------------------------------
    Expected<QueuedCorrection, QString> amend(const QList<AmendItem> &items, const QString &reason = {});
    Expected<QueuedCorrection, QString> deprecate(const QList<Event> &events, const QString &reason = {});
    Expected<QueuedCorrection, QString> undo(qint64 journalEntryId, const QString &reason = {});
    /// Sends failed operations again (each with a new journal entry); returns how many.
    Expected<int, QString> retryFailed(const QList<qint64> &operationIds);
    Expected<int, QString> cancel(const QList<qint64> &operationIds);

    [[nodiscard]] const CorrectionGroup *group(const QString &groupId) const;

    // ---- work left by a previous session ----------------------------------------------------
    /// Operations of the current profile queued by an earlier session and waiting for a decision.
    [[nodiscard]] qint64 queuedFromEarlier() const { return m_awaitingDecision.value(m_profile.id); }
    void sendQueued();
    void discardQueued();

    /// Persists what is queued and stops (the app's exit).
    void close();

Q_SIGNALS:
    void profileChanged(const ul::ConnectionProfile &profile);
    void readyChanged(bool ready);
    /// The group's results or counts changed (an operation was answered, retried or cancelled).
    void groupChanged(const QString &groupId);
    /// Every operation of the group has its final answer. The hook for ops annotations.
    void correctionGroupFinished(const QString &groupId, const QString &action,
                                 const ul::gui::CorrectionCounts &counts, const QList<qint64> &journalIds);
    /// The server's current version of events that were just corrected.
    void eventsRefreshed(const QList<ul::Event> &events);
    /// The current profile's outbox holds `operations` queued by an earlier session.
    void queuedWorkFound(qint64 operations, qint64 events);
    /// The current journal got or completed entries.
    void journalChanged();
    /// Something went wrong that the analyst should see (storage, attach).
    void problem(const QString &message);

private:
    CorrectionsHub(std::unique_ptr<Outbox> outbox, QString dataDir, QObject *parent);

    void attach();
    CorrectionGroup &startGroup(const QString &id, const QString &action);
    void track(CorrectionGroup &group, const QList<OperationTicket> &tickets, qint64 events);
    void onOperationFinished(const OperationResult &result);
    /// Forgets withdrawn operations; a group left with nothing outstanding is finished.
    void withdrawn(const QList<qint64> &operationIds);
    void adoptEarlierWork();
    void setUpAnnotator();
    void refreshSoon(const QStringList &eventIds);
    void runRefresh();

    std::unique_ptr<Outbox> m_outbox;
    QString m_dataDir;
    std::map<QString, std::unique_ptr<Journal>> m_journals;
    std::unique_ptr<CorrectionAnnotator> m_annotator;
    QString m_annotatorProfile;
    QPointer<TokenStore> m_tokens;
    ConnectionProfile m_profile;
    QPointer<OrbClient> m_client;
    QPointer<OrbClient> m_attachedClient;
    QHash<QString, qint64> m_awaitingDecision;
    QSet<QString> m_checkedEarlier;
    QHash<QString, CorrectionGroup> m_groups;
    QHash<qint64, QString> m_groupOfOperation;
    EventRuleLimits m_limits;
    std::function<Timestamp()> m_clock;
    QStringList m_refreshIds;
    QTimer m_refreshTimer;
};

} // namespace ul::gui

Q_DECLARE_METATYPE(ul::gui::CorrectionCounts)
