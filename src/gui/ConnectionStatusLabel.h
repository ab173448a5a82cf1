#pragma once

#include "ServerConnection.h"

#include <QtWidgets/QLabel>

namespace ul::gui {

class CustomerCounter;

/// The status bar's account of the connection: the local sandbox starting, the server the app
/// talks to and how many customers it knows, or what went wrong, in plain words.
class ConnectionStatusLabel : public QLabel {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Counting, Connected, Unreachable, Failed };
    Q_ENUM(State)

    explicit ConnectionStatusLabel(QWidget *parent = nullptr);
    ~ConnectionStatusLabel() override;

    [[nodiscard]] State state() const { return m_state; }

    void showStarting();
    /// Shows the server and starts counting its customers, which also proves the token works.
    void showConnected(const ServerConnection &connection);
    void showStartFailure(const QString &message);

Q_SIGNALS:
    void stateChanged(ul::gui::ConnectionStatusLabel::State state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCustomerCount(qint64 customers);
    void showCountFailure(const QString &message);
    void setState(State state);
    /// The text for the state, in the current language.
    [[nodiscard]] QString stateText() const;
    [[nodiscard]] QString serverText() const;

    CustomerCounter *m_counter;
    ServerConnection m_connection;
    State m_state = State::Idle;
    qint64 m_customers = 0;
    QString m_failure; ///< Why the sandbox did not start or the customers could not be listed.
};

} // namespace ul::gui
