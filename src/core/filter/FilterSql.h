#pragma once

#include "filter/FilterExpression.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <functional>

namespace ul::filter {

/// An expression as an SQLite condition with numbered parameters (`?N`).
struct SqlCondition {
    QByteArray sql;
    QList<PropertyValue> parameters; ///< for ?first, ?first+1, ... in order
};

/// Turns an expression into an SQLite condition that is always 0 or 1 (never NULL, so NOT
/// keeps the evaluator's meaning), and that selects exactly what Expression::matches selects.
///
/// `valueSql(key)` gives the SQL expression that reads a property's value for the row: TEXT for
/// strings, INTEGER or REAL for numbers, a one-byte BLOB for booleans (x'01' true, x'00' false),
/// NULL when the event lacks it. Parameters are numbered from `firstParameter`. Boolean literals
/// are written inline (x'01'); string and number literals are parameters.
SqlCondition toSql(const Expression &expression, const std::function<QByteArray(const QString &key)> &valueSql,
                   int firstParameter = 1);

/// x'01' or x'00': how booleans are stored for toSql.
QByteArray sqlBoolean(bool value);

} // namespace ul::filter
