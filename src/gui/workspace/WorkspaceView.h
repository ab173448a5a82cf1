#pragma once

#include "filter/FilterExpression.h"
#include "model/Event.h"
#include "workspace/WorkspaceTypes.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ul::workspace {
class WorkspaceService;
}

namespace ul::gui {

class WorkspaceModel;

/// The local workspace screen: a filter bar (customer, event name, UTC time range, property
/// expression with a live syntax check), the table of local events, and a status line with the
/// counts and how long the query took. Filters apply a moment after typing stops.
class WorkspaceView : public QWidget {
    Q_OBJECT
public:
    explicit WorkspaceView(workspace::WorkspaceService *service, QWidget *parent = nullptr);
    ~WorkspaceView() override;

    [[nodiscard]] WorkspaceModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    /// The query the filter bar describes now, or the expression's syntax error.
    [[nodiscard]] Expected<workspace::WorkspaceQuery, filter::ParseError> currentQuery() const;
    /// Applies the filter bar now rather than after the typing pause.
    void applyFilters();
    void clearFilters();
    /// Puts the keyboard focus in the property expression.
    void focusFilter();

Q_SIGNALS:
    /// The current row's event (once the row is loaded).
    void currentEventChanged(const ul::Event &event);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    /// Every text of the filter bar, in the current language.
    void retranslate();
    void onFiltersEdited();
    void checkExpression();
    void updateStatus();
    void emitCurrentEvent();

    workspace::WorkspaceService *m_service = nullptr;
    WorkspaceModel *m_model = nullptr;
    QLineEdit *m_customerEdit = nullptr;
    QLineEdit *m_eventNameEdit = nullptr;
    QCheckBox *m_fromCheck = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QCheckBox *m_toCheck = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QLineEdit *m_expressionEdit = nullptr;
    QLabel *m_expressionError = nullptr;
    QLabel *m_expressionExcerpt = nullptr;
    QPushButton *m_clearButton = nullptr;
    QLabel *m_customerLabel = nullptr;
    QLabel *m_eventNameLabel = nullptr;
    QLabel *m_expressionLabel = nullptr;
    QString m_expressionHelp; ///< The expression's tool tip while it has no syntax error.
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_applyTimer;
    qint64 m_emittedSeq = -1;
    int m_scrollBeforeReset = 0;
};

} // namespace ul::gui
