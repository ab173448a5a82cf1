#include "api/RequestError.h"

#include <QtCore/QCoreApplication>

namespace ul {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ul::RequestError", text);
}
} // namespace

QString RequestError::humanMessage() const
{
    const QString tries = attempts > 1 ? tr(" (tried %1 times)").arg(attempts) : QString();
    switch (kind) {
    case Kind::Network:
        return tr("Could not reach %1: %2. Check that the server is running and the base URL is right.").arg(url, detail) + tries;
    case Kind::Timeout:
        return tr("%1 did not answer in time%2. The server may be overloaded; try again later.").arg(url, tries);
    case Kind::Tls:
        return tr("The secure connection to %1 was refused: %2. UsageLens never ignores certificate errors; "
                  "fix the certificate or the base URL.").arg(url, detail);
    case Kind::Decode:
        return tr("The answer from %1 could not be read: %2.").arg(url, detail);
    case Kind::Cancelled:
        return tr("Cancelled.");
    case Kind::Http:
        break;
    }
    const int status = httpStatus();
    const QString server = api ? api->humanMessage() : detail;
    if (status == 401)
        return tr("The API token was refused (401): %1 Check the token in Settings.").arg(server);
    if (status == 429)
        return tr("The server is rate limiting requests (429)%1: %2").arg(tries, server);
    if (status >= 500)
        return tr("The server failed (%1)%2: %3").arg(status).arg(tries, server);
    return tr("The server refused the request (%1): %2").arg(status).arg(server);
}

} // namespace ul
