#pragma once

#include "import/ImportJob.h"
#include "import/ImportTypes.h"
#include "model/Backfill.h"
#include "model/VolumeBucket.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWizardPage>

#include <memory>
#include <optional>

namespace Ui {
class BackfillTimeframePage;
class BackfillScopePage;
class ImportFilePage;
class ImportMappingPage;
class ImportDryRunPage;
class ImportProgressPage;
} // namespace Ui

namespace ul {
class ImportAnalyzer;
} // namespace ul

namespace ul::gui {

class BadRowModel;
class CreateBackfillWizard;
class VolumeChart;
class VolumeLoader;

/// Step 1: the timeframe (at most 31 days, checked as the analyst types) and an optional close time.
class BackfillTimeframePage : public QWizardPage {
    Q_OBJECT
public:
    explicit BackfillTimeframePage(CreateBackfillWizard *wizard);
    ~BackfillTimeframePage() override;

    void setTimeframe(Timestamp start, Timestamp end);
    [[nodiscard]] Timestamp start() const;
    [[nodiscard]] Timestamp end() const;
    void setCloseTime(std::optional<Timestamp> closeTime);
    [[nodiscard]] std::optional<Timestamp> closeTime() const;
    /// What is wrong with the fields now (empty: nothing).
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();

    std::unique_ptr<Ui::BackfillTimeframePage> m_ui;
    CreateBackfillWizard *m_wizard;
};

/// Step 2: whose events (all, a customer id or an external customer id), replace or add, and
/// the deprecation filter with a live syntax check.
class BackfillScopePage : public QWizardPage {
    Q_OBJECT
public:
    enum class Scope { AllCustomers, CustomerId, ExternalCustomerId };
    Q_ENUM(Scope)

    explicit BackfillScopePage(CreateBackfillWizard *wizard);
    ~BackfillScopePage() override;

    void setScope(Scope scope, const QString &id = {});
    [[nodiscard]] Scope scope() const;
    [[nodiscard]] std::optional<QString> customerId() const;
    [[nodiscard]] std::optional<QString> externalCustomerId() const;
    void setReplaceExisting(bool replace);
    [[nodiscard]] bool replaceExisting() const;
    void setDeprecationFilter(const QString &filter);
    /// The filter as typed (trimmed); nullopt when empty or when adding.
    [[nodiscard]] std::optional<QString> deprecationFilter() const;
    /// What the filter check says now (empty without a filter).
    [[nodiscard]] QString filterStatus() const;
    [[nodiscard]] bool filterIsValid() const;
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();

    std::unique_ptr<Ui::BackfillScopePage> m_ui;
};

/// Step 3: the file and its format (JSONL or CSV, guessed from the name).
class ImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilePage(CreateBackfillWizard *wizard);
    ~ImportFilePage() override;

    void setFile(const QString &path);
    [[nodiscard]] QString path() const;
    void setFormat(ImportFormat format);
    [[nodiscard]] ImportFormat format() const;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] int nextId() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();
    void browse();

    std::unique_ptr<Ui::ImportFilePage> m_ui;
};

/// Step 4 (CSV only): what each column holds and, for property columns, their type.
class ImportMappingPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportMappingPage(CreateBackfillWizard *wizard);
    ~ImportMappingPage() override;

    void initializePage() override;
    [[nodiscard]] CsvMapping mapping() const;
    void setColumn(int column, ColumnRole role, ColumnType type = ColumnType::String);
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillRoleAndTypeItems();
    void check();

    std::unique_ptr<Ui::ImportMappingPage> m_ui;
    CreateBackfillWizard *m_wizard;
    QString m_previewError;
};

/// Step 5: the dry run, before anything is created: what would be sent and refused, and the
/// file's hourly counts beside the server's (GET /events/volume) for the same hours.
class ImportDryRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportDryRunPage(CreateBackfillWizard *wizard);
    ~ImportDryRunPage() override;

    void initializePage() override;
    void cleanupPage() override;
    /// Asks for confirmation (and, for production, the profile's name).
    bool validatePage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] const std::optional<ImportAnalysis> &analysis() const { return m_analysis; }
    [[nodiscard]] const QList<VolumeBucket> &serverVolume() const { return m_volume; }
    [[nodiscard]] bool volumeLoaded() const { return m_volumeLoaded; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString confirmationText() const;
    [[nodiscard]] BadRowModel &badRows() const { return *m_badRows; }
    [[nodiscard]] VolumeChart &chart() const { return *m_chart; }

Q_SIGNALS:
    /// The analysis and the server's volume are both in (or the volume failed).
    void ready();

protected:
    void changeEvent(QEvent *event) override;

private:
    void maybeReady();
    void showChart();
    void exportBadRows();

    std::unique_ptr<Ui::ImportDryRunPage> m_ui;
    CreateBackfillWizard *m_wizard;
    ImportAnalyzer *m_analyzer;
    VolumeLoader *m_loader;
    BadRowModel *m_badRows;
    VolumeChart *m_chart;
    std::optional<ImportAnalysis> m_analysis;
    QString m_error;
    QList<VolumeBucket> m_volume;
    bool m_volumeLoaded = false;
    QString m_volumeError;
};

/// Step 6: creates the backfill, then imports the file into it through the outbox, with its
/// rate, ETA, pause, resume and cancel, and the rows that were not imported.
class ImportProgressPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportProgressPage(CreateBackfillWizard *wizard);
    ~ImportProgressPage() override;

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] BadRowModel &badRows() const { return *m_badRows; }
    [[nodiscard]] ImportJob *job() const { return m_job; }
    [[nodiscard]] std::optional<Backfill> backfill() const { return m_backfill; }
    /// The creation or the import ended (either way).
    [[nodiscard]] bool isDone() const { return m_done; }
    [[nodiscard]] QString statusText() const;

    void pause();
    void resume();
    void cancel();

protected:
    void changeEvent(QEvent *event) override;

private:
    void startImport(const Backfill &backfill);
    void showProgress(const ImportProgress &progress);
    void updateButtons();
    void finish(const QString &status);

    std::unique_ptr<Ui::ImportProgressPage> m_ui;
    CreateBackfillWizard *m_wizard;
    BadRowModel *m_badRows;
    QPointer<ImportJob> m_job;
    std::optional<Backfill> m_backfill;
    qint64 m_createOperation = 0;
    bool m_started = false;
    bool m_done = false;
    QString m_status;
};

} // namespace ul::gui
