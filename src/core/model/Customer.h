#pragma once

#include "util/Timestamp.h"

#include <QtCore/QString>

#include <optional>

namespace ul {

/// The part of an Orb customer that event work needs.
struct Customer {
    QString id;
    std::optional<QString> externalCustomerId;
    QString name;
    QString email;
    QString timezone = QStringLiteral("Etc/UTC");
    std::optional<QString> currency;
    Timestamp createdAt;

    friend bool operator==(const Customer &, const Customer &) = default;
};

} // namespace ul
