#include "backfills/BackfillActions.h"

#include "TimeDisplay.h"
#include "api/BackfillApi.h"
#include "corrections/CorrectionsHub.h"
#include "json/BackfillCodec.h"
#include "journal/JournalTypes.h"

#include <climits>

namespace ul::gui {

BackfillActions::BackfillActions(CorrectionsHub *hub, QObject *parent) : QObject(parent)
{
    setHub(hub);
}

void BackfillActions::setHub(CorrectionsHub *hub)
{
    if (m_hub == hub)
        return;
    disconnect(m_connection);
    m_hub = hub;
    m_running.clear(); // answers for another outbox are not ours
    if (hub)
        m_connection = connect(&hub->outbox(), &Outbox::operationFinished, this, &BackfillActions::onOperationFinished);
}

Expected<Done, QString> BackfillActions::ready() const
{
    if (!m_hub)
        return Unexpected{tr("Backfill changes need the outbox, which is not open.")};
    if (!m_hub->isReady())
        return Unexpected{tr("Not connected to a server yet.")};
    return Done{};
}

Expected<qint64, QString> BackfillActions::enqueue(const QString &action, const QByteArray &method, const QString &path,
                                                   const QByteArray &body, const QString &orderingKey,
                                                   const QByteArray &before, bool final, const QString &reason,
                                                   const QStringList &ids)
{
    if (auto ok = ready(); !ok)
        return Unexpected{ok.error()};
    OutboxRequest request;
    request.action = action;
    request.method = method;
    request.path = path;
    request.body = body;
    request.orderingKey = orderingKey;
    request.beforeJson = before;
    request.final = final;
    request.eventIds = ids;
    CorrectionOptions options;
    options.reason = reason;
    options.groupId = Outbox::newGroupId();
    auto ticket = m_hub->outbox().enqueueRequest(m_hub->destination(), request, options);
    if (!ticket)
        return Unexpected{ticket.error().message};
    m_running.insert(ticket->id, action);
    return ticket->id;
}

Expected<qint64, QString> BackfillActions::create(const NewBackfill &backfill, const QString &reason)
{
    const ApiRequest request = BackfillApi::createRequest(backfill);
    return enqueue(CreateAction, request.method, request.path, request.body, {}, {}, false, reason, {});
}

Expected<qint64, QString> BackfillActions::close(const Backfill &backfill, const QString &reason)
{
    const ApiRequest request = BackfillApi::closeRequest(backfill.id);
    return enqueue(JournalAction::BackfillClose, request.method, request.path, request.body,
                   Outbox::backfillOrderingKey(backfill.id), json::encodeBackfill(backfill), false, reason, {});
}

Expected<qint64, QString> BackfillActions::revert(const Backfill &backfill, const QString &reason)
{
    const ApiRequest request = BackfillApi::revertRequest(backfill.id);
    return enqueue(JournalAction::BackfillRevert, request.method, request.path, request.body,
                   Outbox::backfillOrderingKey(backfill.id), json::encodeBackfill(backfill), true, reason, {});
}

void BackfillActions::onOperationFinished(const OperationResult &result)
{
    const auto it = m_running.constFind(result.id);
    if (it == m_running.cend())
        return;
    const QString action = *it;
    m_running.erase(it);
    if (!result.succeeded) {
        Q_EMIT failed(result.id, action, result.message.isEmpty() ? tr("The server refused it (HTTP %1).").arg(result.httpStatus)
                                                                  : result.message);
        return;
    }
    // The journal keeps the server's answer: the backfill as it is now.
    QString problem = tr("The server accepted it, but its answer could not be read.");
    if (m_hub && result.journalId > 0) {
        if (auto journal = m_hub->journalFor(result.destination)) {
            if (auto entry = (*journal)->entry(result.journalId)) {
                auto backfill = json::decodeBackfill(entry->responseBody);
                if (backfill) {
                    Q_EMIT succeeded(result.id, action, *backfill);
                    return;
                }
                problem = backfill.error();
            } else {
                problem = entry.error();
            }
        } else {
            problem = journal.error();
        }
    }
    Q_EMIT failed(result.id, action, problem);
}

QString BackfillActions::affectedEvents(const Backfill &backfill)
{
    QString scope;
    if (backfill.customerId)
        scope = tr("customer %1").arg(*backfill.customerId);
    else if (backfill.externalCustomerId)
        scope = tr("the customer with external id %1").arg(*backfill.externalCustomerId);
    else
        scope = tr("all customers");
    return tr("the events of %1 – %2 %3 for %4")
        .arg(TimeDisplay::format(backfill.timeframeStart), TimeDisplay::format(backfill.timeframeEnd),
             TimeDisplay::zoneLabel(), scope);
}

QString BackfillActions::closeConfirmation(const Backfill &backfill)
{
    QString text = tr("Close backfill %1?").arg(backfill.id) + QStringLiteral("\n\n");
    text += tr("Its %n ingested event(s) will count for billing.", nullptr, int(std::min<qint64>(backfill.eventsIngested, INT_MAX)));
    text += u' ';
    if (!backfill.replaceExistingEvents) {
        text += tr("They are added to %1, which keep counting.").arg(affectedEvents(backfill));
    } else if (backfill.deprecationFilter && !backfill.deprecationFilter->isEmpty()) {
        text += tr("They replace those of %1 that match the deprecation filter “%2”: those stop counting; the others keep counting.")
                    .arg(affectedEvents(backfill), *backfill.deprecationFilter);
    } else {
        text += tr("They replace %1: every one of those stops counting.").arg(affectedEvents(backfill));
    }
    text += QStringLiteral("\n\n")
        + tr("It is sent after the events still queued for this backfill. You can revert it afterwards.");
    return text;
}

QString BackfillActions::revertConfirmation(const Backfill &backfill)
{
    QString text = tr("Revert backfill %1?").arg(backfill.id) + QStringLiteral("\n\n");
    const int events = int(std::min<qint64>(backfill.eventsIngested, INT_MAX));
    if (backfill.isPending()) {
        text += tr("It was never closed: its %n ingested event(s) are discarded and no other event changes.", nullptr, events);
    } else {
        text += tr("This restores the state before it was closed: its %n event(s) stop counting for billing", nullptr, events);
        text += backfill.replaceExistingEvents ? tr(", and the events it replaced (%1) count again.").arg(affectedEvents(backfill))
                                               : tr("; it replaced nothing, so no other event changes.");
    }
    text += QStringLiteral("\n\n") + tr("A reverted backfill cannot be closed or reverted again.");
    return text;
}

} // namespace ul::gui
