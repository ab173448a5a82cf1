#pragma once

#include <QtWidgets/QPlainTextEdit>

namespace ul::gui {

/// A plain text box that asks for a few lines rather than QPlainTextEdit's fixed 192 pixels, so
/// boxes stacked in a panel share its height by their stretch factors instead of crowding each
/// other out (a scroll area sizes its content by what the widgets ask for).
class CompactTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CompactTextEdit(QWidget *parent = nullptr);

    /// How many lines the box asks for (and at least shows).
    void setPreferredLines(int lines);
    [[nodiscard]] int preferredLines() const { return m_lines; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

private:
    int m_lines = 4;
};

} // namespace ul::gui
