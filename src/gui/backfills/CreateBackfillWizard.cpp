#include "backfills/CreateBackfillWizard.h"

#include "backfills/BackfillActions.h"
#include "backfills/BackfillWizardPages.h"
#include "corrections/CorrectionsHub.h"

#include <QtWidgets/QMessageBox>

namespace ul::gui {

CreateBackfillWizard::CreateBackfillWizard(OrbClient *client, CorrectionsHub *hub, QWidget *parent)
    : QWizard(parent), m_client(client), m_hub(hub), m_actions(new BackfillActions(hub, this))
{
    setWindowTitle(tr("New backfill"));
    setObjectName(QStringLiteral("createBackfillWizard"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    m_timeframe = new BackfillTimeframePage(this);
    m_scope = new BackfillScopePage(this);
    m_file = new ImportFilePage(this);
    m_mapping = new ImportMappingPage(this);
    m_dryRun = new ImportDryRunPage(this);
    m_import = new ImportProgressPage(this);
    setPage(TimeframePageId, m_timeframe);
    setPage(ScopePageId, m_scope);
    setPage(FilePageId, m_file);
    setPage(MappingPageId, m_mapping);
    setPage(DryRunPageId, m_dryRun);
    setPage(ImportPageId, m_import);
    setStartId(TimeframePageId);
    resize(960, 680);
}

CreateBackfillWizard::~CreateBackfillWizard() = default;

Timestamp CreateBackfillWizard::now() const
{
    return m_hub ? m_hub->now() : Timestamp::now();
}

EventRuleLimits CreateBackfillWizard::limits() const
{
    return m_hub ? m_hub->limits() : EventRuleLimits{};
}

NewBackfill CreateBackfillWizard::newBackfill() const
{
    NewBackfill b;
    b.timeframeStart = m_timeframe->start();
    b.timeframeEnd = m_timeframe->end();
    b.closeTime = m_timeframe->closeTime();
    b.customerId = m_scope->customerId();
    b.externalCustomerId = m_scope->externalCustomerId();
    b.replaceExistingEvents = m_scope->replaceExisting();
    b.deprecationFilter = m_scope->deprecationFilter();
    return b;
}

QString CreateBackfillWizard::filePath() const
{
    return m_file->path();
}

ImportSpec CreateBackfillWizard::importSpec() const
{
    ImportSpec spec;
    spec.format = m_file->format();
    if (spec.format == ImportFormat::Csv)
        spec.csv = m_mapping->mapping();
    return spec; // the key prefix is derived from the file, the same for the dry run and the import
}

ImportTarget CreateBackfillWizard::screenTarget() const
{
    ImportTarget target;
    target.timeframeStart = m_timeframe->start();
    target.timeframeEnd = m_timeframe->end();
    target.customerId = m_scope->customerId();
    target.externalCustomerId = m_scope->externalCustomerId();
    return target;
}

void CreateBackfillWizard::reject()
{
    if (currentId() == ImportPageId && !m_import->isDone()) {
        const auto answer = QMessageBox::question(
            this, tr("Close"),
            tr("The import goes on in the background until every event is sent; the Backfills view shows the "
               "backfill's events as they arrive. Close this window?"));
        if (answer != QMessageBox::Yes)
            return;
    }
    QWizard::reject();
}

} // namespace ul::gui
