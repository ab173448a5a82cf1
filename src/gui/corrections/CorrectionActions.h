#pragma once

#include "model/Event.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <functional>

class QAbstractItemView;
class QAction;
class QDialog;
class QWidget;

namespace ul::gui {

class CorrectionsHub;

/// The correction actions of an events table: "Amend…" (F2; a multi-row selection opens the bulk
/// amend), "Bulk amend…" (Ctrl+Shift+A) and "Deprecate…" (Del), in the table's context menu with
/// their shortcuts. The dialogs open window-modal on the table's window and delete themselves.
class CorrectionActions : public QObject {
    Q_OBJECT
public:
    using Selection = std::function<QList<Event>()>;

    /// Adds the actions to `table` (an ActionsContextMenu is set when it has no menu yet).
    CorrectionActions(CorrectionsHub &hub, QAbstractItemView *table, Selection selection, QObject *parent = nullptr);

    /// The loaded events of the selected rows of a view whose model gives them in `eventRole`.
    static QList<Event> selectedEvents(const QAbstractItemView *view, int eventRole);

    [[nodiscard]] QAction *amendAction() const { return m_amend; }
    [[nodiscard]] QAction *bulkAmendAction() const { return m_bulkAmend; }
    [[nodiscard]] QAction *deprecateAction() const { return m_deprecate; }

    void amendSelected();
    void bulkAmendSelected();
    void deprecateSelected();

Q_SIGNALS:
    /// A correction dialog was opened (it is already showing).
    void dialogOpened(QDialog *dialog);
    /// Why nothing opened (no selection, not connected), for the status bar.
    void notice(const QString &message);

private:
    [[nodiscard]] QList<Event> selection();
    void show(QDialog *dialog);

    CorrectionsHub &m_hub;
    QPointer<QAbstractItemView> m_table;
    Selection m_selection;
    QAction *m_amend;
    QAction *m_bulkAmend;
    QAction *m_deprecate;
};

} // namespace ul::gui
