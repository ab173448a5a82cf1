// The .ts files in translations/ are complete and current: lupdate, run on today's sources into a
// temporary copy of them, finds no string they lack and none they keep that the sources dropped;
// every message is finished (Russian: translated, plural forms filled; English: numerus forms
// filled), and none is left "unfinished", "vanished" or "obsolete". A contributor who adds a tr()
// without running the update_translations target (and translating) sees which strings are missing.
#include <QtCore/QDebug>
#include <QtCore/QDirIterator>
#include <QtCore/QSet>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QTest>

#include <algorithm>

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type;          ///< The translation's type attribute: "", "unfinished", "vanished", "obsolete".
    bool numerus = false;
    QStringList forms;     ///< The translation, or its plural forms.

    [[nodiscard]] QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    [[nodiscard]] QString describe() const
    {
        return QStringLiteral("[%1] \"%2\"%3").arg(context, source, comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(comment));
    }
};

struct TsFile {
    QString language;
    QList<Message> messages;
};

TsFile readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    TsFile ts;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS") {
                ts.language = xml.attributes().value(QLatin1StringView("language")).toString();
            } else if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                message = Message{};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
            } else if (name == u"source") {
                message.source = xml.readElementText();
            } else if (name == u"comment") {
                message.comment = xml.readElementText();
            } else if (name == u"translation") {
                message.type = xml.attributes().value(QLatin1StringView("type")).toString();
                if (!message.numerus)
                    message.forms << xml.readElementText();
            } else if (name == u"numerusform") {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ts.messages << message;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return ts;
}

/// The sources lupdate reads, as translations/CMakeLists.txt globs them.
QStringList translatableSources()
{
    QStringList files;
    const QString root = QStringLiteral(USAGELENS_SOURCE_DIR);
    QDirIterator sources(root + QStringLiteral("/src"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                         QDirIterator::Subdirectories);
    while (sources.hasNext())
        files << sources.next();
    QDirIterator forms(root + QStringLiteral("/ui"), {QStringLiteral("*.ui")}, QDir::Files, QDirIterator::Subdirectories);
    while (forms.hasNext())
        files << forms.next();
    files.sort();
    return files;
}

/// The items, one per line; also logged one by one, since a failure message is cut short.
QString listed(const QString &heading, const QStringList &items)
{
    for (const QString &item : items)
        qWarning().noquote() << heading << item;
    return QStringLiteral("\n  ") + items.join(QStringLiteral("\n  "));
}

} // namespace

class TsFilesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upToDateWithSources_data();
    void upToDateWithSources();
    void everyMessageFinished_data();
    void everyMessageFinished();

private:
    QTemporaryDir m_dir;
    QStringList m_tsFiles;
};

void TsFilesTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tsFiles = QStringLiteral(USAGELENS_TS_FILES).split(u'|', Qt::SkipEmptyParts);
    QVERIFY(!m_tsFiles.isEmpty());

    // lupdate into copies: the committed files stay as they are.
    QStringList arguments = QStringLiteral(USAGELENS_LUPDATE_OPTIONS).split(u'|', Qt::SkipEmptyParts);
    for (const QString &include : QStringLiteral(USAGELENS_LUPDATE_INCLUDES).split(u'|', Qt::SkipEmptyParts))
        arguments << QStringLiteral("-I") << include;
    const QString list = m_dir.filePath(QStringLiteral("sources.lst"));
    QFile listFile(list);
    QVERIFY(listFile.open(QIODevice::WriteOnly | QIODevice::Text));
    listFile.write(translatableSources().join(u'\n').toUtf8());
    listFile.close();
    arguments << QLatin1Char('@') + list << QStringLiteral("-ts");
    for (const QString &ts : std::as_const(m_tsFiles)) {
        const QString copy = m_dir.filePath(QFileInfo(ts).fileName());
        QVERIFY2(QFile::copy(ts, copy), qPrintable(ts));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        arguments << copy;
    }
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(USAGELENS_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120'000), qPrintable(lupdate.errorString()));
    const QByteArray output = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, output.constData());
}

void TsFilesTest::upToDateWithSources_data()
{
    QTest::addColumn<QString>("ts");
    for (const QString &ts : std::as_const(m_tsFiles))
        QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
}

void TsFilesTest::upToDateWithSources()
{
    QFETCH(QString, ts);
    const TsFile committed = readTs(ts);
    const TsFile updated = readTs(m_dir.filePath(QFileInfo(ts).fileName()));
    QSet<QString> before;
    for (const Message &m : committed.messages)
        before.insert(m.key());
    QSet<QString> after;
    QStringList missing;
    for (const Message &m : updated.messages) {
        after.insert(m.key());
        if (!before.contains(m.key()))
            missing << m.describe();
    }
    QStringList dropped;
    for (const Message &m : committed.messages) {
        if (!after.contains(m.key()))
            dropped << m.describe();
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 lacks %2 string(s) of the sources; run the update_translations target and translate them:%3")
                            .arg(QFileInfo(ts).fileName())
                            .arg(missing.size())
                            .arg(listed(QFileInfo(ts).fileName() + QStringLiteral(" lacks"), missing))));
    QVERIFY2(dropped.isEmpty(),
             qPrintable(QStringLiteral("%1 keeps %2 string(s) the sources no longer have; run the update_translations target:%3")
                            .arg(QFileInfo(ts).fileName())
                            .arg(dropped.size())
                            .arg(listed(QFileInfo(ts).fileName() + QStringLiteral(" keeps"), dropped))));
}

void TsFilesTest::everyMessageFinished_data()
{
    upToDateWithSources_data();
}

void TsFilesTest::everyMessageFinished()
{
    QFETCH(QString, ts);
    const TsFile committed = readTs(ts);
    QVERIFY2(!committed.messages.isEmpty(), qPrintable(ts));
    const bool english = committed.language.startsWith(u"en");
    QStringList unfinished;
    for (const Message &m : committed.messages) {
        const bool emptyForm = std::any_of(m.forms.cbegin(), m.forms.cend(), [](const QString &f) { return f.isEmpty(); });
        // English is the source language: a plain message may stay empty (the source is shown),
        // but plural forms must be written out.
        const bool needsText = !english || m.numerus;
        if (!m.type.isEmpty())
            unfinished << m.describe() + QStringLiteral(" is %1").arg(m.type);
        else if (needsText && (m.forms.isEmpty() || emptyForm))
            unfinished << m.describe() + QStringLiteral(" has no translation");
    }
    QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("%1 has %2 unfinished message(s):%3")
                                                  .arg(QFileInfo(ts).fileName())
                                                  .arg(unfinished.size())
                                                  .arg(listed(QFileInfo(ts).fileName() + QStringLiteral(":"), unfinished))));
}

QTEST_GUILESS_MAIN(TsFilesTest)
#include "tst_i18n_ts_files.moc"
