#pragma once

#include "import/ImportTypes.h"
#include "util/Expected.h"
#include "validation/EventRules.h"

#include <QtCore/QObject>

#include <atomic>
#include <functional>
#include <memory>

class QIODevice;
class QThread;

namespace ul {

/// Called now and then while a file is read: bytes and rows so far.
using ImportProgressCallback = std::function<void(qint64 bytesRead, qint64 rows)>;

/// The dry run of an import: reads `device` (open, at its start) as `spec` says and counts what
/// an import into `target` would send and refuse, with the same checks as ImportJob (validated
/// at `now`). Streams in constant memory apart from the distinct keys, customers and the
/// hourly map. Stops early (with `cancelled` set) once `*cancel` is true. The error is for a
/// file that cannot be read at all (e.g. a CSV header that does not match the mapping).
/// An empty `spec.keyPrefix` is derived from the file (importFileIdentity).
Expected<ImportAnalysis, QString> analyzeImport(QIODevice &device, ImportSpec spec, const ImportTarget &target,
                                                const EventRuleLimits &limits, Timestamp now,
                                                const std::atomic_bool *cancel = nullptr,
                                                const ImportProgressCallback &progress = {});

/// Runs analyzeImport() on a file on a worker thread, never on the caller's.
class ImportAnalyzer : public QObject {
    Q_OBJECT
public:
    explicit ImportAnalyzer(QObject *parent = nullptr);
    /// Cancels a run and waits for its thread.
    ~ImportAnalyzer() override;

    /// Starts a dry run of the file at `path`; a run already going is cancelled first.
    void start(const QString &path, const ImportSpec &spec, const ImportTarget &target,
               const EventRuleLimits &limits, Timestamp now);
    /// Stops the run; finished() still comes, with `cancelled` set and the counts so far.
    void cancel();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    void progress(qint64 bytesRead, qint64 totalBytes, qint64 rows);
    void finished(const ul::ImportAnalysis &analysis);
    void failed(const QString &message);

private:
    void stop();

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace ul
