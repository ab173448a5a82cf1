#include "events/CompactTextEdit.h"

namespace ul::gui {

CompactTextEdit::CompactTextEdit(QWidget *parent) : QPlainTextEdit(parent) {}

void CompactTextEdit::setPreferredLines(int lines)
{
    m_lines = std::max(1, lines);
    updateGeometry();
}

QSize CompactTextEdit::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    const int frame = 2 * frameWidth() + int(document()->documentMargin() * 2) + contentsMargins().top() + contentsMargins().bottom();
    return {base.width(), m_lines * fontMetrics().lineSpacing() + frame};
}

QSize CompactTextEdit::minimumSizeHint() const
{
    return sizeHint();
}

} // namespace ul::gui
