#pragma once

class QIcon;

namespace ul::gui {

/// The UsageLens icon, from the resources, at every size it is drawn in.
QIcon applicationIcon();

/// Names the application for QSettings, QStandardPaths and the desktop (organization and
/// application "UsageLens", the version, the desktop file), and sets its icon. Call it right after
/// constructing QApplication.
void applyAppIdentity();

} // namespace ul::gui
