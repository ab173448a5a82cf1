#include "ConnectionStatusLabel.h"

#include "CustomerCounter.h"

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
    setState(State::Starting, tr("Starting the local sandbox…"));
}

void ConnectionStatusLabel::showConnected(const ServerConnection &connection)
{
    m_connection = connection;
    setState(State::Counting, tr("%1 · counting customers…").arg(serverText()));
    m_counter->count(connection);
}

void ConnectionStatusLabel::showStartFailure(const QString &message)
{
    setState(State::Failed, tr("The local sandbox did not start: %1").arg(message));
}

void ConnectionStatusLabel::showCustomerCount(qint64 customers)
{
    // Two messages rather than "customer(s)": English has no numerus catalogue to fix the plural.
    const QString count = customers == 1 ? tr("1 customer") : tr("%n customers", nullptr, static_cast<int>(customers));
    setState(State::Connected, tr("%1 · %2").arg(serverText(), count));
}

void ConnectionStatusLabel::showCountFailure(const QString &message)
{
    setState(State::Unreachable, tr("%1 · cannot list customers: %2").arg(serverText(), message));
}

void ConnectionStatusLabel::setState(State state, const QString &text)
{
    setText(text);
    if (std::exchange(m_state, state) != state)
        Q_EMIT stateChanged(state);
}

QString ConnectionStatusLabel::serverText() const
{
    return tr("Local sandbox · %1").arg(m_connection.baseUrl.toDisplayString());
}

} // namespace ul::gui
