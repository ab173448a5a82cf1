#pragma once

#include "api/OrbClient.h"
#include "import/ImportTypes.h"
#include "model/Backfill.h"
#include "validation/EventRules.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWizard>

namespace ul::gui {

class BackfillActions;
class BackfillScopePage;
class BackfillTimeframePage;
class CorrectionsHub;
class ImportDryRunPage;
class ImportFilePage;
class ImportMappingPage;
class ImportProgressPage;

/// Creates a backfill and imports a file into it: timeframe, scope and mode, the file (and its
/// column mapping for CSV), a dry run BEFORE anything is created, then — confirmed — the
/// backfill is created through the outbox and the file imported with an ImportJob.
/// The backfill stays pending: the analyst checks the volume and closes it in the Backfills view.
class CreateBackfillWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { TimeframePageId, ScopePageId, FilePageId, MappingPageId, DryRunPageId, ImportPageId };
    Q_ENUM(PageId)

    /// `client` reads the server's volume, `hub` writes (both not owned; may be null, then the
    /// wizard can check a file but not create anything).
    CreateBackfillWizard(OrbClient *client, CorrectionsHub *hub, QWidget *parent = nullptr);
    ~CreateBackfillWizard() override;

    [[nodiscard]] OrbClient *client() const { return m_client; }
    [[nodiscard]] CorrectionsHub *hub() const { return m_hub; }
    [[nodiscard]] BackfillActions &actions() const { return *m_actions; }
    /// The hub's clock and rules (the server's), or the system clock and Orb's defaults.
    [[nodiscard]] Timestamp now() const;
    [[nodiscard]] EventRuleLimits limits() const;

    /// The backfill the first two pages describe.
    [[nodiscard]] NewBackfill newBackfill() const;
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] ImportSpec importSpec() const;
    /// What the rows are checked against: the timeframe and the customer scope.
    [[nodiscard]] ImportTarget screenTarget() const;

    [[nodiscard]] BackfillTimeframePage &timeframePage() const { return *m_timeframe; }
    [[nodiscard]] BackfillScopePage &scopePage() const { return *m_scope; }
    [[nodiscard]] ImportFilePage &filePage() const { return *m_file; }
    [[nodiscard]] ImportMappingPage &mappingPage() const { return *m_mapping; }
    [[nodiscard]] ImportDryRunPage &dryRunPage() const { return *m_dryRun; }
    [[nodiscard]] ImportProgressPage &importPage() const { return *m_import; }

    /// While importing, closing the wizard asks whether to stop the import.
    void reject() override;

Q_SIGNALS:
    void backfillCreated(const ul::Backfill &backfill);
    /// The import into `backfillId` finished, was cancelled or failed.
    void importEnded(const QString &backfillId);

private:
    QPointer<OrbClient> m_client;
    QPointer<CorrectionsHub> m_hub;
    BackfillActions *m_actions;
    BackfillTimeframePage *m_timeframe;
    BackfillScopePage *m_scope;
    ImportFilePage *m_file;
    ImportMappingPage *m_mapping;
    ImportDryRunPage *m_dryRun;
    ImportProgressPage *m_import;
};

} // namespace ul::gui
