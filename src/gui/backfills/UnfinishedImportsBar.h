#pragma once

#include "import/ImportJob.h"

#include <QtCore/QPointer>
#include <QtWidgets/QFrame>

class QLabel;
class QPushButton;

namespace ul::gui {

class CorrectionsHub;

/// The bar above the backfills table that offers to finish an import an earlier session left
/// unfinished (the app was closed or killed while it ran): "Resume" continues it exactly after
/// the last row queued (ImportJob's checkpoint), "Forget" drops the checkpoint. Hidden when the
/// current profile has nothing to finish.
class UnfinishedImportsBar : public QFrame {
    Q_OBJECT
public:
    explicit UnfinishedImportsBar(QWidget *parent = nullptr);
    ~UnfinishedImportsBar() override;

    void setHub(CorrectionsHub *hub);
    /// Looks for unfinished imports of the current profile again.
    void check();

    /// The import offered now (its group id), empty when none is.
    [[nodiscard]] QString offeredGroup() const { return m_offered ? m_offered->groupId : QString(); }
    [[nodiscard]] QString text() const;
    /// The running import this bar resumed, if any.
    [[nodiscard]] ImportJob *job() const { return m_job; }

    void resumeOffered();
    void forgetOffered();

Q_SIGNALS:
    /// A resumed import ended (Finished, Cancelled or Failed).
    void importEnded(ul::ImportJob::State state, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showProgress(const ImportProgress &progress);

    QPointer<CorrectionsHub> m_hub;
    QLabel *m_label;
    QPushButton *m_resumeButton;
    QPushButton *m_forgetButton;
    std::optional<ImportJobConfig> m_offered;
    ImportCheckpoint m_checkpoint;
    QPointer<ImportJob> m_job;
    QString m_message; ///< Set while an import runs or after it ended.
};

} // namespace ul::gui
