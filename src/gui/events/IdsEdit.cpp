#include "events/IdsEdit.h"

#include <QtCore/QMimeData>
#include <QtGui/QKeyEvent>

namespace ul::gui {

QList<QUrl> localFileUrls(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            return {};
    }
    return urls;
}

IdsEdit::IdsEdit(QWidget *parent) : CompactTextEdit(parent)
{
    setPreferredLines(6);
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void IdsEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (enter && (modifiers == Qt::NoModifier || modifiers == Qt::ControlModifier)) {
        event->accept();
        Q_EMIT runRequested();
        return;
    }
    if (enter && modifiers == Qt::ShiftModifier) {
        // QPlainTextEdit would insert a line separator (U+2028) for Shift+Enter; ids want a newline.
        textCursor().insertBlock();
        event->accept();
        return;
    }
    CompactTextEdit::keyPressEvent(event);
}

bool IdsEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFileUrls(source).isEmpty() || CompactTextEdit::canInsertFromMimeData(source);
}

void IdsEdit::insertFromMimeData(const QMimeData *source)
{
    if (const QList<QUrl> files = localFileUrls(source); !files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    CompactTextEdit::insertFromMimeData(source);
}

} // namespace ul::gui
