#pragma once

#include "annotations/AnnotationSink.h"
#include "outbox/OutboxTypes.h"

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>

#include <chrono>

namespace ul {

class Journal;
class Outbox;
class TokenStore;
struct ConnectionProfile;

/// A profile's "annotate corrections" settings.
struct AnnotationSettings {
    QUrl sinkUrl;                                        ///< Empty: annotations are off.
    QString eventType = QStringLiteral("CUSTOM_ANNOTATION");
    QString entitySelector;                              ///< Empty: not sent.
    int eventTimeoutMinutes = 0;                         ///< 0: not sent.
    std::chrono::milliseconds requestTimeout = AnnotationSink::DefaultTimeout;

    [[nodiscard]] bool enabled() const { return !sinkUrl.isEmpty(); }
    /// The settings of `profile` (its annotation fields and its request timeout).
    static AnnotationSettings fromProfile(const ConnectionProfile &profile);
};

/// Posts one ops annotation per completed correction group of one outbox destination (profile):
/// when the last operation of a bulk action (CorrectionOptions::groupId; an operation without a
/// group counts as a group of its own) has its final answer, it posts e.g. "Usage correction:
/// 40 events amended" with the properties `usagelens.profile`, `usagelens.action`,
/// `usagelens.group`, `usagelens.events.succeeded`, `usagelens.events.failed`,
/// `usagelens.operations.succeeded`, `usagelens.operations.failed`, `usagelens.journal.ids` (ranges
/// such as `12-51,60`) and `usagelens.reason` when the analyst gave one.
///
/// The correlation ids of the created reports are written into the group's journal entries
/// (Journal::setAnnotationCorrelationId). Anything short of every report OK (HTTP error, timeout,
/// a non-OK status) comes out as annotationFailed with a message for the analyst.
///
/// The counts cover the operations that finished since the group was last annotated, so a retry
/// of failed rows that completes is annotated again (with the retried rows).
class CorrectionAnnotator : public QObject {
    Q_OBJECT
public:
    CorrectionAnnotator(Outbox &outbox, QString destination, Journal &journal, QObject *parent = nullptr);
    ~CorrectionAnnotator() override;

    void setSettings(const AnnotationSettings &settings);
    [[nodiscard]] const AnnotationSettings &settings() const { return m_settings; }
    /// The sink's Api-Token (never the Orb token; never logged).
    void setToken(const QString &token);
    /// Reads the profile's annotation-sink token from `tokens` now and whenever it changes there.
    void useTokenStore(TokenStore &tokens, const QString &profileId);

    /// Annotations posted and not yet answered.
    [[nodiscard]] int pending() const { return m_pending; }

Q_SIGNALS:
    /// The sink created every report OK; the ids are in the journal now.
    void annotationPosted(const QString &groupId, const QStringList &correlationIds);
    /// The annotation failed or a report was not OK: `message` says why, for the analyst.
    void annotationFailed(const QString &groupId, const QString &message);

private:
    struct Tally {
        OperationKind kind = OperationKind::Amend;
        qint64 succeededOperations = 0;
        qint64 failedOperations = 0;
        qint64 succeededEvents = 0;
        qint64 failedEvents = 0;
        QList<qint64> journalIds;
    };

    void onOperationFinished(const OperationResult &result);
    void checkGroup(const QString &groupId);
    void annotate(const QString &groupId, const Tally &tally);
    [[nodiscard]] QString title(const QString &action, const Tally &tally) const;

    Outbox &m_outbox;
    QString m_destination;
    Journal &m_journal;
    AnnotationSink *m_sink = nullptr;
    AnnotationSettings m_settings;
    QHash<QString, Tally> m_groups;
    QSet<QString> m_checksQueued;
    QPointer<TokenStore> m_tokens;
    QString m_profileId;
    int m_pending = 0;
};

} // namespace ul
