#include "annotations/CorrectionAnnotator.h"

#include "journal/Journal.h"
#include "outbox/Outbox.h"
#include "settings/ConnectionProfile.h"
#include "settings/TokenStore.h"

#include <algorithm>

namespace ul {

namespace {

/// `12-51,60,62-63`: journal ids, short however many there are.
QString idRanges(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QStringList parts;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i;
        while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1)
            ++j;
        parts << (j == i ? QString::number(ids[i]) : QStringLiteral("%1-%2").arg(ids[i]).arg(ids[j]));
        i = j + 1;
    }
    return parts.join(u',');
}

QString fallbackAction(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Amend: return JournalAction::Amend;
    case OperationKind::Deprecate: return JournalAction::Deprecate;
    case OperationKind::Ingest: return JournalAction::Ingest;
    case OperationKind::Request: return QStringLiteral("request");
    }
    return {};
}

} // namespace

AnnotationSettings AnnotationSettings::fromProfile(const ConnectionProfile &profile)
{
    AnnotationSettings s;
    s.sinkUrl = profile.annotationSinkUrl;
    s.eventType = profile.annotationEventType.isEmpty() ? s.eventType : profile.annotationEventType;
    s.entitySelector = profile.annotationEntitySelector.trimmed();
    s.eventTimeoutMinutes = profile.annotationTimeoutMinutes;
    s.requestTimeout = profile.requestTimeout;
    return s;
}

CorrectionAnnotator::CorrectionAnnotator(Outbox &outbox, QString destination, Journal &journal, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_destination(std::move(destination)), m_journal(journal), m_sink(new AnnotationSink(this))
{
    connect(&m_outbox, &Outbox::operationFinished, this, &CorrectionAnnotator::onOperationFinished);
}

CorrectionAnnotator::~CorrectionAnnotator() = default;

void CorrectionAnnotator::setSettings(const AnnotationSettings &settings)
{
    m_settings = settings;
    m_sink->setUrl(settings.sinkUrl);
    m_sink->setTimeout(settings.requestTimeout);
}

void CorrectionAnnotator::setToken(const QString &token)
{
    m_sink->setToken(token);
}

void CorrectionAnnotator::useTokenStore(TokenStore &tokens, const QString &profileId)
{
    if (m_tokens)
        disconnect(m_tokens, nullptr, this, nullptr);
    m_tokens = &tokens;
    m_profileId = profileId;
    const SecretRef ref{profileId, SecretRef::Kind::AnnotationSinkToken};
    auto read = [this, ref] {
        if (!m_tokens)
            return;
        m_tokens->read(ref, this, [this](Expected<std::optional<QString>, TokenError> token) {
            setToken(token && *token ? **token : QString());
        });
    };
    connect(&tokens, &TokenStore::tokenChanged, this, [ref, read](const SecretRef &changed) {
        if (changed == ref)
            read();
    });
    read();
}

void CorrectionAnnotator::onOperationFinished(const OperationResult &result)
{
    if (result.destination != m_destination || !m_settings.enabled())
        return;
    // An operation outside any group is a correction of its own.
    const QString group = result.groupId.isEmpty() ? QStringLiteral("operation-%1").arg(result.id) : result.groupId;
    Tally &tally = m_groups[group];
    tally.kind = result.kind;
    if (result.succeeded) {
        ++tally.succeededOperations;
        tally.succeededEvents += result.eventCount;
    } else {
        ++tally.failedOperations;
        tally.failedEvents += result.eventCount;
    }
    if (result.journalId != 0)
        tally.journalIds << result.journalId;
    // The outbox emits the answers it recorded together one after another: look once they are all in.
    if (!m_checksQueued.contains(group)) {
        m_checksQueued.insert(group);
        QMetaObject::invokeMethod(this, [this, group] { checkGroup(group); }, Qt::QueuedConnection);
    }
}

void CorrectionAnnotator::checkGroup(const QString &groupId)
{
    m_checksQueued.remove(groupId);
    if (!m_groups.contains(groupId))
        return;
    if (!groupId.startsWith(QLatin1StringView("operation-"))) {
        OperationFilter filter;
        filter.destination = m_destination;
        filter.groupId = groupId;
        auto ops = m_outbox.operations(filter);
        if (!ops) {
            Q_EMIT annotationFailed(groupId, tr("Could not tell whether the correction is complete: %1").arg(ops.error()));
            return;
        }
        const bool open = std::any_of(ops->begin(), ops->end(), [](const OperationInfo &op) { return op.state != OperationState::Failed; });
        if (open)
            return; // more answers to come; the last one brings us back here
    }
    annotate(groupId, m_groups.take(groupId));
}

QString CorrectionAnnotator::title(const QString &action, const Tally &tally) const
{
    const int count = int(tally.succeededEvents);
    // Plural forms without depending on a loaded translation (as ConnectionStatusLabel does).
    const QString events = count == 1 ? tr("1 event") : tr("%n events", nullptr, count);
    QString text;
    if (action == JournalAction::Amend)
        text = tr("Usage correction: %1 amended").arg(events);
    else if (action == JournalAction::Deprecate)
        text = tr("Usage correction: %1 deprecated").arg(events);
    else if (action == JournalAction::Ingest)
        text = tr("Usage correction: %1 ingested").arg(events);
    else if (action == JournalAction::BackfillImport)
        text = tr("Usage correction: %1 imported into a backfill").arg(events);
    else if (action == JournalAction::BackfillClose)
        text = tr("Usage correction: backfill closed");
    else if (action == JournalAction::BackfillRevert)
        text = tr("Usage correction: backfill reverted");
    else
        text = tr("Usage correction: %1").arg(action);
    if (tally.failedOperations > 0)
        text += tr(", %1 failed").arg(std::max(tally.failedEvents, tally.failedOperations));
    return text;
}

void CorrectionAnnotator::annotate(const QString &groupId, const Tally &tally)
{
    QString action = fallbackAction(tally.kind);
    QString reason;
    if (!tally.journalIds.isEmpty()) {
        if (auto entry = m_journal.entry(tally.journalIds.first())) {
            action = entry->action;
            reason = entry->reason;
        }
    }
    Annotation a;
    a.eventType = m_settings.eventType;
    a.title = title(action, tally);
    a.entitySelector = m_settings.entitySelector;
    a.timeoutMinutes = m_settings.eventTimeoutMinutes;
    a.properties.insert(QStringLiteral("usagelens.profile"), m_destination);
    a.properties.insert(QStringLiteral("usagelens.action"), action);
    a.properties.insert(QStringLiteral("usagelens.group"), groupId);
    a.properties.insert(QStringLiteral("usagelens.events.succeeded"), QString::number(tally.succeededEvents));
    a.properties.insert(QStringLiteral("usagelens.events.failed"), QString::number(tally.failedEvents));
    a.properties.insert(QStringLiteral("usagelens.operations.succeeded"), QString::number(tally.succeededOperations));
    a.properties.insert(QStringLiteral("usagelens.operations.failed"), QString::number(tally.failedOperations));
    a.properties.insert(QStringLiteral("usagelens.journal.ids"), idRanges(tally.journalIds));
    if (!reason.isEmpty())
        a.properties.insert(QStringLiteral("usagelens.reason"), reason.left(1000));
    ++m_pending;
    m_sink->post(a, this, [this, groupId, journalIds = tally.journalIds](AnnotationSink::Result result) {
        --m_pending;
        // The ids of the reports that were created go into the journal even when others were not.
        QStringList created;
        const QList<AnnotationReport> reports = result ? result->reports : result.error().reports;
        for (const AnnotationReport &r : reports) {
            if (r.ok() && !r.correlationId.isEmpty())
                created << r.correlationId;
        }
        if (!created.isEmpty() && !journalIds.isEmpty()) {
            if (auto ok = m_journal.setAnnotationCorrelationId(journalIds, created.join(u',')); !ok) {
                Q_EMIT annotationFailed(groupId, tr("The annotation was posted, but the journal could not record it: %1").arg(ok.error()));
                return;
            }
        }
        if (result)
            Q_EMIT annotationPosted(groupId, created);
        else
            Q_EMIT annotationFailed(groupId, tr("The correction was not annotated: %1").arg(result.error().message));
    });
}

} // namespace ul
