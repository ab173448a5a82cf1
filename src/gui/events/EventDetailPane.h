#pragma once

#include "api/ApiTypes.h"
#include "api/OrbClient.h"
#include "model/Event.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <memory>
#include <optional>

namespace Ui {
class EventDetailPane;
}

namespace ul::gui {

/// The selected event in full: its fields, its properties as a key/value table, its raw JSON,
/// and its version history, fetched from the server's history extension when there is one.
class EventDetailPane : public QWidget {
    Q_OBJECT
public:
    enum class HistoryState {
        None,        ///< No event, or no client to ask.
        Loading,
        Loaded,
        Unavailable, ///< The server has no history route (404), as a real Orb server.
        Failed,
    };
    Q_ENUM(HistoryState)

    explicit EventDetailPane(QWidget *parent = nullptr);
    ~EventDetailPane() override;

    /// The client history is asked from; null: history is not fetched.
    void setClient(OrbClient *client);

    /// Shows `event`, and fetches its history unless it is already shown with the same content.
    void setEvent(const Event &event);
    void clear();
    [[nodiscard]] const std::optional<Event> &event() const { return m_event; }

    [[nodiscard]] HistoryState historyState() const { return m_historyState; }
    [[nodiscard]] const QList<EventRevision> &history() const { return m_history; }
    [[nodiscard]] QString historyMessage() const;

    /// Puts the keyboard focus in the pane (on the properties).
    void focusDetails();

Q_SIGNALS:
    void historyStateChanged(ul::gui::EventDetailPane::HistoryState state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showFields(const Event &event);
    void showProperties(const Properties &properties);
    void fetchHistory();
    void setHistoryState(HistoryState state, const QString &message);
    void showHistory(const QList<EventRevision> &revisions);
    void showRevision(int row);

    std::unique_ptr<Ui::EventDetailPane> m_ui;
    QPointer<OrbClient> m_client;
    std::optional<Event> m_event;
    CallHandle m_historyCall;
    quint64 m_historyGeneration = 0;
    HistoryState m_historyState = HistoryState::None;
    QList<EventRevision> m_history;
};

} // namespace ul::gui
