#include "ConnectionStatusLabel.h"

#include "CustomerCounter.h"

#include <QtCore/QEvent>

#include <utility>

namespace ul::gui {

ConnectionStatusLabel::ConnectionStatusLabel(QWidget *parent)
    : QLabel(parent), m_counter(new CustomerCounter(this))
{
    setObjectName(QStringLiteral("connectionStatusLabel"));
    setTextInteractionFlags(Qt::TextSelectableByMouse); // so the address can be copied
    connect(m_counter, &CustomerCounter::counted, this, &ConnectionStatusLabel::showCustomerCount);
    connect(m_counter, &CustomerCounter::failed, this, &ConnectionStatusLabel::showCountFailure);
}

ConnectionStatusLabel::~ConnectionStatusLabel() = default;

void ConnectionStatusLabel::showStarting()
{
    setState(State::Starting);
}

void ConnectionStatusLabel::showConnected(const ServerConnection &connection)
{
    m_connection = connection;
    setState(State::Counting);
    m_counter->count(connection);
}

void ConnectionStatusLabel::showStartFailure(const QString &message)
{
    m_failure = message;
    setState(State::Failed);
}

void ConnectionStatusLabel::showCustomerCount(qint64 customers)
{
    m_customers = customers;
    setState(State::Connected);
}

void ConnectionStatusLabel::showCountFailure(const QString &message)
{
    m_failure = message;
    setState(State::Unreachable);
}

void ConnectionStatusLabel::setState(State state)
{
    const State previous = std::exchange(m_state, state);
    setText(stateText());
    if (previous != state)
        Q_EMIT stateChanged(state);
}

QString ConnectionStatusLabel::stateText() const
{
    switch (m_state) {
    case State::Idle: return {};
    case State::Starting: return tr("Starting the local sandbox…");
    case State::Counting: return tr("%1 · counting customers…").arg(serverText());
    case State::Connected: {
        // Two messages rather than "customer(s)", so English reads right even without its catalogue.
        const QString count = m_customers == 1 ? tr("1 customer") : tr("%n customers", nullptr, static_cast<int>(m_customers));
        return tr("%1 · %2").arg(serverText(), count);
    }
    case State::Unreachable: return tr("%1 · cannot list customers: %2").arg(serverText(), m_failure);
    case State::Failed: return tr("The local sandbox did not start: %1").arg(m_failure);
    }
    return {};
}

void ConnectionStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setText(stateText());
    QLabel::changeEvent(event);
}

QString ConnectionStatusLabel::serverText() const
{
    return tr("Local sandbox · %1").arg(m_connection.baseUrl.toDisplayString());
}

} // namespace ul::gui
