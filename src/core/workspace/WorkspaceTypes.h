#pragma once

#include "filter/FilterExpression.h"
#include "model/Event.h"
#include "util/Timestamp.h"

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace ul::workspace {

/// Where a workspace event came from. Stored as text, so later sources need no migration.
namespace source {
inline QString search() { return QStringLiteral("search"); }
inline QString import() { return QStringLiteral("import"); }
inline QString ingest() { return QStringLiteral("ingest"); }
} // namespace source

enum class SortColumn {
    Timestamp,
    Id,
    EventName,
    CustomerId,
    ExternalCustomerId,
    Deprecated,
    Source,
    FetchedAt,
    Property, ///< the property named by WorkspaceQuery::sortProperty
};

/// What the analyst asks of the workspace. Empty fields do not filter.
struct WorkspaceQuery {
    QString customer;  ///< matches customer_id or external_customer_id exactly
    QString eventName; ///< exact event name
    std::optional<Timestamp> from; ///< inclusive
    std::optional<Timestamp> to;   ///< exclusive
    std::optional<filter::Expression> properties;
    SortColumn sort = SortColumn::Timestamp;
    QString sortProperty;
    bool descending = false;
};

/// One workspace event with what the workspace knows about it. `seq` is stable for an event id
/// for the life of the workspace (a newer fetch replaces the fields, not the row).
struct WorkspaceRow {
    qint64 seq = 0;
    Event event;
    Timestamp fetchedAt;
    QString source;
};

/// What a store call did.
struct StoreSummary {
    qint64 inserted = 0;
    qint64 updated = 0;
    QStringList newPropertyKeys;
    [[nodiscard]] qint64 total() const { return inserted + updated; }
};

} // namespace ul::workspace

Q_DECLARE_METATYPE(ul::workspace::WorkspaceRow)
Q_DECLARE_METATYPE(ul::workspace::WorkspaceQuery)
Q_DECLARE_METATYPE(ul::workspace::StoreSummary)
