#pragma once

#include <QtCore/QString>
#include <QtCore/QUrl>

namespace ul::gui {

/// Where the app's API calls go and the bearer token they carry. The token is a secret: it is
/// never shown, printed or logged.
struct ServerConnection {
    QUrl baseUrl; ///< Without the /v1 prefix, e.g. http://127.0.0.1:41237
    QString token;
};

} // namespace ul::gui
