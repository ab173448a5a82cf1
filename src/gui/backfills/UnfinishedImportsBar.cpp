#include "backfills/UnfinishedImportsBar.h"

#include "corrections/CorrectionsHub.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

#include <climits>

namespace ul::gui {

UnfinishedImportsBar::UnfinishedImportsBar(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)), m_resumeButton(new QPushButton(this)), m_forgetButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("unfinishedImportsBar"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(QStringLiteral("unfinishedImportLabel"));
    m_label->setWordWrap(true);
    m_resumeButton->setObjectName(QStringLiteral("resumeImportButton"));
    m_forgetButton->setObjectName(QStringLiteral("forgetImportButton"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_resumeButton);
    layout->addWidget(m_forgetButton);
    connect(m_resumeButton, &QPushButton::clicked, this, &UnfinishedImportsBar::resumeOffered);
    connect(m_forgetButton, &QPushButton::clicked, this, &UnfinishedImportsBar::forgetOffered);
    retranslate();
    setVisible(false);
}

UnfinishedImportsBar::~UnfinishedImportsBar() = default;

void UnfinishedImportsBar::setHub(CorrectionsHub *hub)
{
    if (m_hub == hub)
        return;
    if (m_hub)
        disconnect(m_hub, nullptr, this, nullptr);
    m_hub = hub;
    if (hub) {
        connect(hub, &CorrectionsHub::readyChanged, this, &UnfinishedImportsBar::check);
        connect(hub, &CorrectionsHub::profileChanged, this, &UnfinishedImportsBar::check);
    }
    check();
}

void UnfinishedImportsBar::check()
{
    if (m_job)
        return; // one import at a time: the running one is shown until it ends
    m_offered.reset();
    if (m_hub && m_hub->isReady()) {
        auto imports = ImportJob::unfinishedImports(m_hub->outbox(), m_hub->destination());
        if (!imports)
            m_message = tr("Unfinished imports cannot be read from the outbox: %1").arg(imports.error());
        else if (!imports->isEmpty())
            std::tie(m_offered, m_checkpoint) = imports->first();
    }
    retranslate();
    setVisible(m_offered.has_value() || !m_message.isEmpty());
}

QString UnfinishedImportsBar::text() const
{
    return m_label->text();
}

void UnfinishedImportsBar::resumeOffered()
{
    if (!m_offered || !m_hub || m_job)
        return;
    ImportJobConfig config = *m_offered;
    m_offered.reset();
    config.limits = m_hub->limits();
    config.clock = [hub = m_hub] { return hub ? hub->now() : Timestamp::now(); };
    // Batches the earlier session queued wait for the analyst's word (the Corrections tab's
    // "Send now"); resuming the import is that word for them too.
    if (m_hub->queuedFromEarlier() > 0)
        m_hub->sendQueued();
    m_job = new ImportJob(&m_hub->outbox(), config, m_hub);
    connect(m_job, &ImportJob::progressChanged, this, &UnfinishedImportsBar::showProgress);
    connect(m_job, &ImportJob::finished, m_job, &QObject::deleteLater);
    connect(m_job, &ImportJob::finished, this, [this, job = m_job, file = QFileInfo(config.path).fileName()](ImportJob::State state) {
        const ImportProgress p = job->progress();
        switch (state) {
        case ImportJob::State::Finished:
            m_message = tr("The import of %1 is finished: %n event(s) confirmed by the server.", nullptr, int(qMin<qint64>(p.eventsConfirmed, INT_MAX))).arg(file);
            break;
        case ImportJob::State::Cancelled: m_message = tr("The import of %1 was cancelled.").arg(file); break;
        default: m_message = tr("The import of %1 stopped: %2").arg(file, job->errorString()); break;
        }
        m_job = nullptr;
        const QString message = m_message;
        check();
        Q_EMIT importEnded(state, message);
    });
    m_message = tr("Resuming the import of %1…").arg(QFileInfo(config.path).fileName());
    retranslate();
    m_job->start();
}

void UnfinishedImportsBar::forgetOffered()
{
    if (!m_offered || !m_hub)
        return;
    if (auto forgotten = m_hub->outbox().forgetGroupCursor(m_offered->groupId); !forgotten)
        m_message = tr("The unfinished import cannot be forgotten: %1").arg(forgotten.error());
    else
        m_message.clear();
    check();
}

void UnfinishedImportsBar::showProgress(const ImportProgress &progress)
{
    if (!m_job)
        return;
    const QLocale locale;
    m_message = tr("Importing %1: %2 of the file read, %3 events confirmed, %4 events/s.")
                    .arg(QFileInfo(m_job->config().path).fileName(),
                         progress.totalBytes > 0 ? locale.toString(100.0 * double(progress.bytesRead) / double(progress.totalBytes), 'f', 0) + QLatin1Char('%')
                                                 : QStringLiteral("?"),
                         locale.toString(progress.eventsConfirmed), locale.toString(progress.eventsPerSecond, 'f', 0));
    retranslate();
}

void UnfinishedImportsBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void UnfinishedImportsBar::retranslate()
{
    m_resumeButton->setText(tr("&Resume import"));
    m_resumeButton->setToolTip(tr("Continue after the last row the earlier session queued; nothing is sent twice"));
    m_forgetButton->setText(tr("&Forget"));
    m_forgetButton->setToolTip(tr("Do not continue this import (what it already queued stays in the outbox)"));
    m_resumeButton->setVisible(m_offered.has_value());
    m_forgetButton->setVisible(m_offered.has_value());
    if (m_offered) {
        const QString backfill = m_offered->target.backfillId.value_or(QString());
        const QString file = QDir::toNativeSeparators(m_offered->path);
        m_label->setText(backfill.isEmpty()
                             ? tr("The import of %1 stopped after line %2 when the app was closed.").arg(file).arg(m_checkpoint.line)
                             : tr("The import of %1 into backfill %2 stopped after line %3 when the app was closed.")
                                   .arg(file, backfill).arg(m_checkpoint.line));
    } else {
        m_label->setText(m_message);
    }
}

} // namespace ul::gui
