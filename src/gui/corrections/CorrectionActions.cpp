#include "corrections/CorrectionActions.h"

#include "corrections/AmendDialog.h"
#include "corrections/BulkAmendDialog.h"
#include "corrections/CorrectionChecks.h"
#include "corrections/CorrectionsHub.h"
#include "corrections/DeprecateDialog.h"

#include <QtGui/QAction>
#include <QtWidgets/QAbstractItemView>

namespace ul::gui {

CorrectionActions::CorrectionActions(CorrectionsHub &hub, QAbstractItemView *table, Selection selection, QObject *parent)
    : QObject(parent), m_hub(hub), m_table(table), m_selection(std::move(selection))
{
    auto make = [this, table](const QString &text, const QKeySequence &key) {
        auto *action = new QAction(text, table);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        return action;
    };
    m_amend = make(tr("Amend event…"), QKeySequence(Qt::Key_F2));
    m_bulkAmend = make(tr("Bulk amend…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_deprecate = make(tr("Deprecate…"), QKeySequence(QKeySequence::Delete));
    connect(m_amend, &QAction::triggered, this, &CorrectionActions::amendSelected);
    connect(m_bulkAmend, &QAction::triggered, this, &CorrectionActions::bulkAmendSelected);
    connect(m_deprecate, &QAction::triggered, this, &CorrectionActions::deprecateSelected);

    if (table->contextMenuPolicy() == Qt::DefaultContextMenu)
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *separator = new QAction(table);
    separator->setSeparator(true);
    table->addActions({separator, m_amend, m_bulkAmend, m_deprecate});
}

QList<Event> CorrectionActions::selectedEvents(const QAbstractItemView *view, int eventRole)
{
    QList<Event> events;
    if (!view || !view->selectionModel())
        return events;
    QModelIndexList rows = view->selectionModel()->selectedRows();
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows) {
        const QVariant event = index.siblingAtColumn(0).data(eventRole);
        if (event.canConvert<Event>())
            events << event.value<Event>();
    }
    return events;
}

QList<Event> CorrectionActions::selection()
{
    QList<Event> events = m_selection ? m_selection() : QList<Event>();
    if (events.isEmpty())
        Q_EMIT notice(tr("Select the events to correct first."));
    else if (!m_hub.isReady())
        Q_EMIT notice(CorrectionChecks::notConnectedText());
    return m_hub.isReady() ? events : QList<Event>();
}

void CorrectionActions::show(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    Q_EMIT dialogOpened(dialog);
}

void CorrectionActions::amendSelected()
{
    const QList<Event> events = selection();
    if (events.size() > 1)
        show(new BulkAmendDialog(m_hub, events, m_table ? m_table->window() : nullptr));
    else if (events.size() == 1)
        show(new AmendDialog(m_hub, events.first(), m_table ? m_table->window() : nullptr));
}

void CorrectionActions::bulkAmendSelected()
{
    const QList<Event> events = selection();
    if (!events.isEmpty())
        show(new BulkAmendDialog(m_hub, events, m_table ? m_table->window() : nullptr));
}

void CorrectionActions::deprecateSelected()
{
    const QList<Event> events = selection();
    if (!events.isEmpty())
        show(new DeprecateDialog(m_hub, events, m_table ? m_table->window() : nullptr));
}

} // namespace ul::gui
