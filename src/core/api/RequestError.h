#pragma once

#include "api/ApiError.h"

#include <QtCore/QString>

#include <optional>

namespace ul {

/// Why an API call failed, as a value the UI can show where the analyst is looking.
struct RequestError {
    enum class Kind {
        Network,   ///< No answer: refused, reset, host not found, …
        Timeout,   ///< No complete answer within the transfer timeout.
        Tls,       ///< The server's certificate or the TLS handshake was refused; never ignored.
        Http,      ///< The server answered with an error status; `api` holds Orb's envelope.
        Decode,    ///< The server answered 2xx with a body that is not what the route returns.
        Cancelled, ///< The caller cancelled.
    };

    Kind kind = Kind::Network;
    std::optional<ApiError> api; ///< Set for Kind::Http.
    QString detail;              ///< Technical detail (never contains the token).
    int attempts = 1;            ///< How many times the request was sent.
    QString url;                 ///< The request's URL without credentials or query secrets.

    [[nodiscard]] int httpStatus() const { return api ? api->status : 0; }
    /// A sentence a person can act on, e.g. "The API token was refused …".
    [[nodiscard]] QString humanMessage() const;
};

} // namespace ul
