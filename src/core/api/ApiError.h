#pragma once

#include <QtCore/QByteArrayView>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace ul {

/// Orb's error `type` URLs (https://docs.withorb.com/reference/error-responses).
namespace OrbErrorType {
inline constexpr QLatin1StringView Prefix{"https://docs.withorb.com/reference/error-responses#"};
inline constexpr QLatin1StringView RequestValidation{"400-request-validation-errors"};
inline constexpr QLatin1StringView ConstraintViolation{"400-constraint-violation"};
inline constexpr QLatin1StringView DuplicateResourceCreation{"400-duplicate-resource-creation"};
inline constexpr QLatin1StringView Authentication{"401-authentication-error"};
inline constexpr QLatin1StringView ResourceNotFound{"404-resource-not-found"};
inline constexpr QLatin1StringView UrlNotFound{"404-url-not-found"};
inline constexpr QLatin1StringView ResourceConflict{"409-resource-conflict"};
inline constexpr QLatin1StringView RequestTooLarge{"413-request-too-large"};
inline constexpr QLatin1StringView TooManyRequests{"429-too-many-requests"};
inline constexpr QLatin1StringView InternalServerError{"500-internal-server-error"};
} // namespace OrbErrorType

/// An error answered by an Orb-compatible server, in Orb's envelope:
/// `{type, status, title, detail, validation_errors}`.
struct ApiError {
    int status = 0;
    QString type;  ///< The full type URL.
    QString title;
    QString detail;
    QJsonArray validationErrors;
    QJsonObject extra; ///< Further keys of the body (Orb allows them), e.g. ingest's validation_failed.

    /// Builds the envelope for one of the OrbErrorType suffixes.
    static ApiError make(int status, QLatin1StringView typeSuffix, const QString &title,
                         const QString &detail = {}, const QJsonArray &validationErrors = {});
    /// Reads a server's error answer: Orb's envelope, or for any other body (an HTML page from a
    /// proxy, plain text, nothing) the status with a readable excerpt of the body as detail.
    static ApiError fromResponse(int status, QByteArrayView body);
    /// The suffix after `#` of the type URL, e.g. `404-resource-not-found`.
    [[nodiscard]] QString typeSuffix() const;
    /// Orb's JSON body for this error (validation_errors only where there are some, or for 400 validation).
    [[nodiscard]] QByteArray toJson() const;
    /// A sentence a person can act on: the detail, else the title, plus the first validation problems.
    [[nodiscard]] QString humanMessage() const;
};

} // namespace ul
