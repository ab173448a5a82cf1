#pragma once

#include "model/Backfill.h"
#include "util/Expected.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace ul {
struct OperationResult;
}

namespace ul::gui {

class CorrectionsHub;

/// The backfill writes (create, close, revert), each queued in the corrections hub's durable
/// outbox and journaled like every other correction: sent with one Idempotency-Key across
/// retries and restarts, and — for close and revert — only after the ingest batches queued for
/// that backfill before it (Outbox::backfillOrderingKey). The server's answer (the backfill as
/// it is now) comes back through succeeded().
class BackfillActions : public QObject {
    Q_OBJECT
public:
    /// The journal action of a create (JournalAction has close and revert).
    static constexpr QLatin1StringView CreateAction{"backfill_create"};

    explicit BackfillActions(CorrectionsHub *hub = nullptr, QObject *parent = nullptr);

    void setHub(CorrectionsHub *hub);
    [[nodiscard]] CorrectionsHub *hub() const { return m_hub; }
    /// Whether writes can be queued now; otherwise why not.
    [[nodiscard]] Expected<Done, QString> ready() const;

    /// Each returns the outbox operation's id; succeeded()/failed() follow with it.
    Expected<qint64, QString> create(const NewBackfill &backfill, const QString &reason = {});
    Expected<qint64, QString> close(const Backfill &backfill, const QString &reason = {});
    Expected<qint64, QString> revert(const Backfill &backfill, const QString &reason = {});
    [[nodiscard]] bool isRunning(qint64 operationId) const { return m_running.contains(operationId); }
    [[nodiscard]] bool isBusy() const { return !m_running.isEmpty(); }

    /// What closing `backfill` changes, for the confirmation.
    static QString closeConfirmation(const Backfill &backfill);
    /// What reverting `backfill` changes, for the confirmation.
    static QString revertConfirmation(const Backfill &backfill);
    /// "the events of 2026-11-01 00:00:00 – 2026-11-02 00:00:00 UTC for all customers"
    static QString affectedEvents(const Backfill &backfill);

Q_SIGNALS:
    /// The server accepted the operation; `backfill` is its answer.
    void succeeded(qint64 operationId, const QString &action, const ul::Backfill &backfill);
    void failed(qint64 operationId, const QString &action, const QString &message);

private:
    Expected<qint64, QString> enqueue(const QString &action, const QByteArray &method, const QString &path,
                                      const QByteArray &body, const QString &orderingKey, const QByteArray &before,
                                      bool final, const QString &reason, const QStringList &ids);
    void onOperationFinished(const OperationResult &result);

    QPointer<CorrectionsHub> m_hub;
    QMetaObject::Connection m_connection;
    QHash<qint64, QString> m_running; ///< operation id → action
};

} // namespace ul::gui
