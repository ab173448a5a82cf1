// libFuzzer target: settings files as an older (or newer, or hand-edited, or damaged) UsageLens
// left them. The input is written as the roaming INI file — and, when it holds a form feed, the
// part after it as the local one — and opened through Settings, which migrates it. Every value
// read is within its key's range, and the migration is idempotent: opening the migrated files
// again changes nothing.
#include "FuzzSupport.h"

#include "settings/ConnectionProfile.h"
#include "settings/Settings.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>

using namespace ul;

namespace {

QTemporaryDir &scratch()
{
    // QSettings writes through QSaveFile, which syncs to disk: on tmpfs that costs nothing.
    static QTemporaryDir dir(QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm/ul-fuzz-settings-XXXXXX")
                                                                       : QDir::tempPath() + QStringLiteral("/ul-fuzz-settings-XXXXXX"));
    return dir;
}

void write(const QString &path, QByteArrayView content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fuzz::broken("scratch file", path);
    file.write(content.data(), content.size());
}

struct Snapshot {
    QList<QVariant> values;
    QList<ConnectionProfile> profiles;
    QByteArray geometry;
    QByteArray table;
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

Snapshot read(const Settings &settings)
{
    Snapshot snapshot;
    for (const Settings::Directive &d : Settings::directives()) {
        if (d.key == Settings::Key::Profiles)
            continue;
        const QVariant v = settings.value(d.key);
        if (d.minimum != 0 || d.maximum != 0) {
            const int n = v.toInt();
            UL_FUZZ_CHECK(n >= d.minimum && n <= d.maximum, QString(d.name) + u'=' + v.toString());
        }
        snapshot.values << v;
    }
    (void)settings.timeDisplay();
    (void)settings.theme();
    (void)settings.languageCode();
    (void)settings.outboxFlushInterval();
    snapshot.profiles = settings.profiles();
    snapshot.geometry = settings.windowGeometry(u"MainWindow");
    snapshot.table = settings.tableLayout(u"events");
    return snapshot;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static quint64 round = 0;
    ++round; // QSettings caches files by name: every input gets new ones
    const QByteArrayView input = fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\f');
    const QString roamingPath = scratch().filePath(QStringLiteral("roaming-%1.ini").arg(round));
    const QString localPath = split >= 0 ? scratch().filePath(QStringLiteral("local-%1.ini").arg(round)) : QString();
    write(roamingPath, split >= 0 ? input.first(split) : input);
    if (split >= 0)
        write(localPath, input.sliced(split + 1));

    Snapshot first;
    {
        auto settings = Settings::openFiles(roamingPath, localPath);
        first = read(*settings);
        (void)settings->migrationLog();
    }
    {
        auto settings = Settings::openFiles(roamingPath, localPath);
        const Snapshot second = read(*settings);
        UL_FUZZ_CHECK(second == first, QString::fromUtf8(input));
    }
    QFile::remove(roamingPath);
    if (!localPath.isEmpty())
        QFile::remove(localPath);
    return 0;
}
