#include "events/IdsFile.h"

#include "api/EventLookup.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QStringDecoder>

namespace ul::gui {

namespace {
/// The translation context of this file's messages (lupdate reads Q_DECLARE_TR_FUNCTIONS).
struct IdsFileText {
    Q_DECLARE_TR_FUNCTIONS(ul::gui::IdsFile)
};
} // namespace

Expected<QStringList, QString> readIdsFile(const QString &path, qint64 maxBytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Unexpected{IdsFileText::tr("%1 does not exist.").arg(shown)};
    if (info.isDir())
        return Unexpected{IdsFileText::tr("%1 is a folder; drop a text file of event ids.").arg(shown)};
    if (info.size() > maxBytes) {
        const QLocale locale;
        return Unexpected{IdsFileText::tr("%1 is too large (%2); files of ids up to %3 can be loaded.")
                              .arg(shown, locale.formattedDataSize(info.size()), locale.formattedDataSize(maxBytes))};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected{IdsFileText::tr("Could not read %1: %2").arg(shown, file.errorString())};
    const QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Unexpected{IdsFileText::tr("Could not read %1: %2").arg(shown, file.errorString())};
    if (bytes.size() > maxBytes)
        return Unexpected{IdsFileText::tr("%1 is too large; files of ids up to %2 can be loaded.")
                              .arg(shown, QLocale().formattedDataSize(maxBytes))};
    // A byte-order mark names the encoding (Windows tools write UTF-16 with one); else UTF-8.
    const auto encoding = QStringConverter::encodingForData(bytes).value_or(QStringConverter::Utf8);
    if (encoding == QStringConverter::Utf8 && bytes.contains('\0'))
        return Unexpected{IdsFileText::tr("%1 is not a text file.").arg(shown)};
    QStringDecoder decoder(encoding);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return Unexpected{IdsFileText::tr("%1 is not a text file in UTF-8 or UTF-16.").arg(shown)};
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return EventLookup::parseIds(text);
}

} // namespace ul::gui
