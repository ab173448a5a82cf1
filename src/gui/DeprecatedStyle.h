#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QVariant>

namespace ul::gui {

/// How a deprecated event looks in every table: greyed and italic, with one explanation.
struct DeprecatedStyle {
    Q_DECLARE_TR_FUNCTIONS(DeprecatedStyle)
public:
    /// The ForegroundRole or FontRole value of a deprecated row; an invalid QVariant for other roles.
    static QVariant data(int role);
    static QString explanation();
};

} // namespace ul::gui
