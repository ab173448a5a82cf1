#pragma once

#include "util/Expected.h"

#include <QtCore/QStringList>

namespace ul::gui {

/// The ids in a text file, split as EventLookup::parseIds splits pasted text. Refuses files
/// larger than `maxBytes` and files that are not text, with a sentence naming the file.
/// Blocking: call it off the GUI thread.
Expected<QStringList, QString> readIdsFile(const QString &path, qint64 maxBytes);

} // namespace ul::gui
