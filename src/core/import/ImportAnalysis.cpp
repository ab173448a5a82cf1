#include "import/ImportAnalysis.h"

#include "import/ImportReader.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QThread>

namespace ul {

Expected<ImportAnalysis, QString> analyzeImport(QIODevice &device, ImportSpec spec, const ImportTarget &target,
                                                const EventRuleLimits &limits, Timestamp now,
                                                const std::atomic_bool *cancel, const ImportProgressCallback &progress)
{
    if (spec.keyPrefix.isEmpty()) {
        auto identity = importFileIdentity(device);
        if (!identity)
            return Unexpected{identity.error()};
        spec.keyPrefix = importKeyPrefix(*identity);
    }
    ImportReader reader(&device, spec);
    ImportScreen screen(target, limits);
    ImportAnalysis a;
    QSet<QString> customers;
    QSet<QString> names;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    while (auto row = reader.next()) {
        ++a.rows;
        if (const auto bad = screen.check(*row, now)) {
            switch (bad->kind) {
            case BadRowKind::Unreadable: ++a.unreadable; break;
            case BadRowKind::Malformed: ++a.malformed; break;
            case BadRowKind::Invalid: ++a.invalid; break;
            case BadRowKind::OutsideTimeframe: ++a.outsideTimeframe; break;
            case BadRowKind::OutsideScope: ++a.outsideScope; break;
            case BadRowKind::DuplicateKey: ++a.duplicateKeys; break;
            }
            a.badRows << *bad;
        } else {
            const Event &e = row->event;
            ++a.events;
            a.derivedKeys += row->keyDerived ? 1 : 0;
            customers.insert(e.customerId ? u'c' + *e.customerId : u'x' + e.externalCustomerId.value_or(QString()));
            names.insert(e.eventName);
            ++a.hourly[e.timestamp.floorToHour().msecs()];
            if (!a.first || e.timestamp < *a.first)
                a.first = e.timestamp;
            if (!a.last || e.timestamp > *a.last)
                a.last = e.timestamp;
        }
        if ((a.rows & 1023) == 0) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                a.cancelled = true;
                break;
            }
            if (progress && sinceProgress.elapsed() >= 100) {
                progress(reader.position(), a.rows);
                sinceProgress.restart();
            }
        }
    }
    if (!reader.error().isEmpty())
        return Unexpected{reader.error()};
    a.bytes = reader.position();
    a.distinctCustomers = customers.size();
    a.distinctEventNames = names.size();
    if (progress)
        progress(a.bytes, a.rows);
    return a;
}

ImportAnalyzer::ImportAnalyzer(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ul::ImportAnalysis>();
}

ImportAnalyzer::~ImportAnalyzer()
{
    stop();
}

bool ImportAnalyzer::isRunning() const
{
    return m_thread != nullptr && m_thread->isRunning();
}

void ImportAnalyzer::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportAnalyzer::stop()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

void ImportAnalyzer::start(const QString &path, const ImportSpec &spec, const ImportTarget &target,
                           const EventRuleLimits &limits, Timestamp now)
{
    stop();
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    QPointer<ImportAnalyzer> self(this);
    m_thread = QThread::create([self, path, spec, target, limits, now, cancelFlag] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            const QString message = tr("The file %1 cannot be opened: %2").arg(path, file.errorString());
            QMetaObject::invokeMethod(self, [self, message] { if (self) Q_EMIT self->failed(message); }, Qt::QueuedConnection);
            return;
        }
        const qint64 total = file.size();
        auto result = analyzeImport(file, spec, target, limits, now, cancelFlag.get(), [self, total](qint64 bytes, qint64 rows) {
            QMetaObject::invokeMethod(self, [self, bytes, total, rows] { if (self) Q_EMIT self->progress(bytes, total, rows); },
                                      Qt::QueuedConnection);
        });
        if (result) {
            QMetaObject::invokeMethod(self, [self, analysis = std::move(result).value()] { if (self) Q_EMIT self->finished(analysis); },
                                      Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(self, [self, message = result.error()] { if (self) Q_EMIT self->failed(message); },
                                      Qt::QueuedConnection);
        }
    });
    m_thread->start();
}

} // namespace ul
