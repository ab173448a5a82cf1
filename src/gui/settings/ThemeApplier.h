#pragma once

#include "settings/Settings.h"

namespace ul::gui {

/// Applies the Theme setting to the running application. FollowPlatform keeps (or restores) the
/// platform's own style and palette; Light and Dark use the Fusion style with a light or dark
/// palette. Call it after constructing QApplication and whenever Settings::changed(Key::Theme).
void applyTheme(Settings::Theme theme);

} // namespace ul::gui
