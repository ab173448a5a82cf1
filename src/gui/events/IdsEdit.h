#pragma once

#include <QtCore/QList>
#include <QtCore/QUrl>
#include "events/CompactTextEdit.h"

namespace ul::gui {

/// The box event ids are pasted or typed into. Enter (or Ctrl+Enter) asks to run the lookup,
/// Shift+Enter starts a new line, and dropping files hands their paths to the owner instead of
/// inserting their URLs as text.
class IdsEdit : public CompactTextEdit {
    Q_OBJECT
public:
    explicit IdsEdit(QWidget *parent = nullptr);

Q_SIGNALS:
    void runRequested();
    void filesDropped(const QList<QUrl> &files);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    [[nodiscard]] bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

/// The local files among a drag's URLs, or nothing when it carries anything else.
QList<QUrl> localFileUrls(const QMimeData *mime);

} // namespace ul::gui
