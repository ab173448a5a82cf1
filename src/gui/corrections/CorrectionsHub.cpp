#include "corrections/CorrectionsHub.h"

#include "annotations/CorrectionAnnotator.h"
#include "api/OrbClient.h"
#include "corrections/CorrectionChecks.h"
#include "settings/ProfileSession.h"
#include "settings/TokenStore.h"

#include <QtCore/QDir>

namespace ul::gui {

namespace {

constexpr int RefreshDelayMs = 150;

QString outboxMessage(const OutboxError &error)
{
    return error.message;
}

} // namespace

Expected<std::unique_ptr<CorrectionsHub>, QString> CorrectionsHub::open(const QString &dataDir,
                                                                       const OutboxSettings &settings, QObject *parent)
{
    if (!QDir().mkpath(dataDir))
        return Unexpected{tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dataDir))};
    auto outbox = Outbox::open(QDir(dataDir).filePath(QStringLiteral("outbox.sqlite")), settings);
    if (!outbox)
        return Unexpected{outbox.error()};
    return std::unique_ptr<CorrectionsHub>(new CorrectionsHub(std::move(outbox).value(), dataDir, parent));
}

CorrectionsHub::CorrectionsHub(std::unique_ptr<Outbox> outbox, QString dataDir, QObject *parent)
    : QObject(parent), m_outbox(std::move(outbox)), m_dataDir(std::move(dataDir))
{
    qRegisterMetaType<CorrectionCounts>();
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CorrectionsHub::runRefresh);
    connect(m_outbox.get(), &Outbox::operationFinished, this, &CorrectionsHub::onOperationFinished);
    connect(m_outbox.get(), &Outbox::storageFailed, this, &CorrectionsHub::problem);
}

CorrectionsHub::~CorrectionsHub()
{
    // The annotator and the outbox go first: they hold references to the outbox and the journals.
    m_annotator.reset();
    m_outbox.reset();
}

Journal *CorrectionsHub::journal() const
{
    auto it = m_journals.find(m_profile.id);
    return it == m_journals.end() ? nullptr : it->second.get();
}

Expected<Journal *, QString> CorrectionsHub::journalFor(const QString &profileId)
{
    if (auto it = m_journals.find(profileId); it != m_journals.end())
        return it->second.get();
    const QDir dir(QDir(m_dataDir).filePath(QStringLiteral("journals")));
    if (!dir.mkpath(QStringLiteral(".")))
        return Unexpected{tr("Cannot create the journal folder %1.").arg(QDir::toNativeSeparators(dir.path()))};
    auto opened = Journal::open(dir.filePath(profileId + QStringLiteral(".sqlite")));
    if (!opened)
        return Unexpected{opened.error()};
    Journal *journal = opened->get();
    connect(journal, &Journal::entriesAdded, this, [this, journal] {
        if (journal == this->journal())
            Q_EMIT journalChanged();
    });
    connect(journal, &Journal::entriesCompleted, this, [this, journal] {
        if (journal == this->journal())
            Q_EMIT journalChanged();
    });
    m_journals.emplace(profileId, std::move(opened).value());
    return journal;
}

bool CorrectionsHub::isReady() const
{
    return !m_profile.id.isEmpty() && m_outbox->isAttached(m_profile.id) && !m_outbox->isClosing();
}

void CorrectionsHub::attachSession(ProfileSession &session)
{
    connect(&session, &ProfileSession::profileChanged, this, &CorrectionsHub::setProfile);
    // The session's profile is already the new one when its client changes.
    connect(&session, &ProfileSession::clientChanged, this, [this, &session](OrbClient *client) {
        if (session.profile().id != m_profile.id)
            setProfile(session.profile());
        setClient(client);
    });
    connect(&session, &ProfileSession::tokenApplied, this, [this] {
        if (!m_profile.id.isEmpty())
            m_outbox->credentialsChanged(m_profile.id);
    });
    if (session.isActive())
        setProfile(session.profile());
    if (session.client())
        setClient(session.client());
}

void CorrectionsHub::setProfile(const ConnectionProfile &profile)
{
    const bool switched = profile.id != m_profile.id;
    m_profile = profile;
    if (switched) {
        if (auto journal = journalFor(profile.id); !journal)
            Q_EMIT problem(tr("The correction journal of “%1” cannot be opened: %2").arg(profile.name, journal.error()));
    }
    setUpAnnotator();
    Q_EMIT profileChanged(m_profile);
    if (switched) {
        Q_EMIT journalChanged();
        Q_EMIT readyChanged(isReady());
    }
}

void CorrectionsHub::setClient(OrbClient *client)
{
    m_client = client;
    attach();
}

void CorrectionsHub::useTokenStore(TokenStore &tokens)
{
    m_tokens = &tokens;
    m_annotator.reset(); // made again with the token store
    setUpAnnotator();
}

void CorrectionsHub::setUpAnnotator()
{
    const AnnotationSettings settings = AnnotationSettings::fromProfile(m_profile);
    Journal *journal = this->journal();
    if (!settings.enabled() || !journal) {
        m_annotator.reset();
        return;
    }
    if (m_annotator && m_annotatorProfile == m_profile.id) {
        m_annotator->setSettings(settings); // an edited profile: the next annotation uses it
        return;
    }
    m_annotator = std::make_unique<CorrectionAnnotator>(*m_outbox, m_profile.id, *journal);
    m_annotatorProfile = m_profile.id;
    m_annotator->setSettings(settings);
    if (m_tokens)
        m_annotator->useTokenStore(*m_tokens, m_profile.id);
    connect(m_annotator.get(), &CorrectionAnnotator::annotationFailed, this,
            [this](const QString &, const QString &message) {
                Q_EMIT problem(tr("The ops annotation of a correction was not recorded: %1").arg(message));
            });
    connect(m_annotator.get(), &CorrectionAnnotator::annotationPosted, this, [this] { Q_EMIT journalChanged(); });
}

void CorrectionsHub::attach()
{
    const bool wasReady = isReady();
    Journal *journal = this->journal();
    if (!m_client || !journal || m_profile.id.isEmpty() || m_outbox->isClosing()) {
        if (wasReady != isReady())
            Q_EMIT readyChanged(isReady());
        return;
    }
    if (m_outbox->isAttached(m_profile.id)) {
        // Still attached to the client the session replaced: attach again once it is gone.
        if (m_attachedClient && m_attachedClient != m_client) {
            connect(m_attachedClient, &QObject::destroyed, this, &CorrectionsHub::attach, Qt::QueuedConnection);
        }
        return;
    }
    // Work an earlier session left queued waits for the analyst's decision.
    const bool firstAttach = !m_checkedEarlier.contains(m_profile.id);
    if (auto ok = m_outbox->attachDestination(m_profile.id, m_client, journal); !ok) {
        Q_EMIT problem(tr("Corrections cannot be sent to “%1”: %2").arg(m_profile.name, ok.error()));
        return;
    }
    m_attachedClient = m_client;
    if (firstAttach) {
        m_checkedEarlier.insert(m_profile.id);
        adoptEarlierWork();
    }
    Q_EMIT readyChanged(isReady());
}

void CorrectionsHub::adoptEarlierWork()
{
    OperationFilter filter;
    filter.destination = m_profile.id;
    auto operations = m_outbox->operations(filter);
    if (!operations) {
        Q_EMIT problem(operations.error());
        return;
    }
    qint64 queued = 0;
    qint64 events = 0;
    for (const OperationInfo &info : *operations) {
        // Failed ones are listed in the Corrections view for retry; queued ones wait for a decision.
        if (!info.groupId.isEmpty()) {
            CorrectionGroup &group = m_groups[info.groupId];
            if (group.id.isEmpty()) {
                group.id = info.groupId;
                group.action = info.action;
                group.destination = info.destination;
            }
            ++group.counts.operations;
            group.counts.events += info.eventCount;
            if (info.journalId > 0)
                group.journalIds << info.journalId;
            m_groupOfOperation.insert(info.id, info.groupId);
            if (info.state == OperationState::Failed)
                ++group.counts.failed;
            else
                group.outstanding.insert(info.id);
        }
        if (info.state != OperationState::Failed) {
            ++queued;
            events += info.eventCount;
        }
    }
    if (queued > 0) {
        m_outbox->pause(m_profile.id);
        m_awaitingDecision.insert(m_profile.id, queued);
        Q_EMIT queuedWorkFound(queued, events);
    }
}

void CorrectionsHub::sendQueued()
{
    if (m_awaitingDecision.remove(m_profile.id) > 0)
        m_outbox->resume(m_profile.id);
}

void CorrectionsHub::discardQueued()
{
    if (!m_awaitingDecision.contains(m_profile.id))
        return;
    OperationFilter filter;
    filter.destination = m_profile.id;
    filter.state = OperationState::Queued;
    if (auto operations = m_outbox->operations(filter)) {
        QList<qint64> ids;
        for (const OperationInfo &info : *operations)
            ids << info.id;
        if (auto cancelled = m_outbox->cancel(ids); !cancelled)
            Q_EMIT problem(cancelled.error().message);
        else
            withdrawn(ids);
    } else {
        Q_EMIT problem(operations.error());
    }
    m_awaitingDecision.remove(m_profile.id);
    m_outbox->resume(m_profile.id);
    Q_EMIT journalChanged();
}

Timestamp CorrectionsHub::now() const
{
    return m_clock ? m_clock() : Timestamp::now();
}

CorrectionGroup &CorrectionsHub::startGroup(const QString &id, const QString &action)
{
    CorrectionGroup &group = m_groups[id];
    group.id = id;
    group.action = action;
    group.destination = m_profile.id;
    return group;
}

void CorrectionsHub::track(CorrectionGroup &group, const QList<OperationTicket> &tickets, qint64 events)
{
    for (const OperationTicket &ticket : tickets) {
        group.outstanding.insert(ticket.id);
        group.journalIds << ticket.journalId;
        m_groupOfOperation.insert(ticket.id, group.id);
    }
    group.counts.operations += tickets.size();
    group.counts.events += events;
    Q_EMIT groupChanged(group.id);
}

Expected<QueuedCorrection, QString> CorrectionsHub::amend(const QList<AmendItem> &items, const QString &reason)
{
    // The journal keeps `before` for undo, and an undo sends it: both spell one customer reference.
    QList<AmendItem> sent;
    sent.reserve(items.size());
    for (const AmendItem &item : items)
        sent << AmendItem{CorrectionChecks::withOneCustomerReference(item.before), CorrectionChecks::withOneCustomerReference(item.after)};
    const QString groupId = Outbox::newGroupId();
    auto tickets = m_outbox->enqueueAmendments(m_profile.id, sent, {reason, groupId});
    if (!tickets)
        return Unexpected{outboxMessage(tickets.error())};
    track(startGroup(groupId, QString(JournalAction::Amend)), *tickets, items.size());
    return QueuedCorrection{groupId, *tickets};
}

Expected<QueuedCorrection, QString> CorrectionsHub::deprecate(const QList<Event> &events, const QString &reason)
{
    const QString groupId = Outbox::newGroupId();
    auto tickets = m_outbox->enqueueDeprecations(m_profile.id, events, {reason, groupId});
    if (!tickets)
        return Unexpected{outboxMessage(tickets.error())};
    track(startGroup(groupId, QString(JournalAction::Deprecate)), *tickets, events.size());
    return QueuedCorrection{groupId, *tickets};
}

Expected<QueuedCorrection, QString> CorrectionsHub::undo(qint64 journalEntryId, const QString &reason)
{
    const QString groupId = Outbox::newGroupId();
    auto ticket = m_outbox->enqueueUndo(m_profile.id, journalEntryId, {reason, groupId});
    if (!ticket)
        return Unexpected{outboxMessage(ticket.error())};
    track(startGroup(groupId, QString(JournalAction::Amend)), {*ticket}, 1);
    return QueuedCorrection{groupId, {*ticket}};
}

Expected<int, QString> CorrectionsHub::retryFailed(const QList<qint64> &operationIds)
{
    auto queued = m_outbox->retryFailed(operationIds);
    if (!queued)
        return Unexpected{outboxMessage(queued.error())};
    QSet<QString> touched;
    for (qint64 id : operationIds) {
        const QString groupId = m_groupOfOperation.value(id);
        auto it = m_groups.find(groupId);
        if (it == m_groups.end() || it->outstanding.contains(id))
            continue;
        auto result = it->results.find(id);
        if (result != it->results.end() && !result->succeeded) {
            --it->counts.failed;
            it->results.erase(result);
        }
        it->outstanding.insert(id);
        touched.insert(groupId);
    }
    for (const QString &groupId : std::as_const(touched))
        Q_EMIT groupChanged(groupId);
    return *queued;
}

Expected<int, QString> CorrectionsHub::cancel(const QList<qint64> &operationIds)
{
    auto cancelled = m_outbox->cancel(operationIds);
    if (!cancelled)
        return Unexpected{outboxMessage(cancelled.error())};
    withdrawn(operationIds);
    Q_EMIT journalChanged();
    return *cancelled;
}

void CorrectionsHub::withdrawn(const QList<qint64> &operationIds)
{
    // Only queued or failed operations are withdrawn; one in flight keeps waiting for its answer.
    OperationFilter filter;
    filter.destination = m_profile.id;
    QSet<qint64> stillThere;
    if (auto left = m_outbox->operations(filter)) {
        for (const OperationInfo &info : *left)
            stillThere.insert(info.id);
    }
    QSet<QString> touched;
    for (qint64 id : operationIds) {
        const QString groupId = m_groupOfOperation.value(id);
        auto it = m_groups.find(groupId);
        if (it == m_groups.end() || stillThere.contains(id))
            continue;
        if (it->outstanding.remove(id)) {
            ++it->counts.cancelled;
        } else if (auto result = it->results.constFind(id); result != it->results.constEnd() && !result->succeeded) {
            --it->counts.failed; // a failed row given up
            ++it->counts.cancelled;
            it->results.erase(result);
        } else {
            continue;
        }
        touched.insert(groupId);
    }
    for (const QString &groupId : std::as_const(touched)) {
        const CorrectionGroup &group = m_groups[groupId];
        Q_EMIT groupChanged(groupId);
        if (group.outstanding.isEmpty() && group.counts.succeeded + group.counts.failed > 0)
            Q_EMIT correctionGroupFinished(group.id, group.action, group.counts, group.journalIds);
    }
}

const CorrectionGroup *CorrectionsHub::group(const QString &groupId) const
{
    auto it = m_groups.constFind(groupId);
    return it == m_groups.constEnd() ? nullptr : &*it;
}

void CorrectionsHub::onOperationFinished(const OperationResult &result)
{
    if (result.succeeded && (result.kind == OperationKind::Amend || result.kind == OperationKind::Deprecate)
        && result.destination == m_profile.id)
        refreshSoon(result.eventIds);

    const QString groupId = result.groupId.isEmpty() ? m_groupOfOperation.value(result.id) : result.groupId;
    auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return;
    CorrectionGroup &group = *it;
    if (!group.outstanding.remove(result.id))
        return; // not waited for (e.g. answered twice after a retry)
    group.results.insert(result.id, result);
    if (result.succeeded)
        ++group.counts.succeeded;
    else
        ++group.counts.failed;
    if (result.journalId > 0 && !group.journalIds.contains(result.journalId))
        group.journalIds << result.journalId;
    Q_EMIT groupChanged(group.id);
    if (group.outstanding.isEmpty())
        Q_EMIT correctionGroupFinished(group.id, group.action, group.counts, group.journalIds);
}

void CorrectionsHub::refreshSoon(const QStringList &eventIds)
{
    for (const QString &id : eventIds) {
        if (!m_refreshIds.contains(id))
            m_refreshIds << id;
    }
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void CorrectionsHub::runRefresh()
{
    if (!m_client || m_refreshIds.isEmpty())
        return;
    const QStringList ids = std::exchange(m_refreshIds, {});
    using namespace std::chrono_literals;
    for (qsizetype start = 0; start < ids.size(); start += 500) {
        SearchQuery query;
        query.eventIds = ids.mid(start, 500);
        query.timeframeStart = Timestamp::fromMsecs(0); // any age: corrected events may be weeks old
        query.timeframeEnd = now() + 24h;
        m_client->searchEvents(query, this, [this](Expected<QList<Event>, RequestError> found) {
            if (found && !found->isEmpty())
                Q_EMIT eventsRefreshed(*found);
        });
    }
}

void CorrectionsHub::close()
{
    if (!m_outbox->isClosing() && !m_outbox->isClosed())
        m_outbox->close(Outbox::CloseMode::Persist);
}

} // namespace ul::gui
