#pragma once

#include "model/Event.h"
#include "util/Expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

#include <memory>
#include <vector>

namespace ul::filter {

/// A property filter expression, the syntax Orb's backfill `deprecation_filter` uses and the
/// workspace's property filter accepts:
///
///     region = 'eu' AND ms > 100
///     region = eu                      bare words are strings
///     (tier = 'gold' OR tier = platinum) AND NOT test = true
///     "key with spaces" != 'x'         double quotes around an unusual property name
///
/// Operators `=` (or `==`), `!=` (or `<>`), `<`, `<=`, `>`, `>=`; `AND`, `OR`, `NOT` and
/// parentheses (keywords in any case; AND binds tighter than OR). Values: single-quoted strings
/// (`''` or `\'` for a quote, `\\` for a backslash), numbers (`100`, `-2.5`, `1e3`), `true`,
/// `false`, and bare words (`eu-west-1`).
///
/// Meaning: a comparison holds only when the event has the property and its value has the
/// literal's type (a string against a string, a number against a number, integers and decimals
/// compared by value, a boolean against a boolean); strings compare by code point. A missing
/// property or another type makes the comparison false, so `region != 'eu'` needs a string
/// region, while `NOT region = 'eu'` also matches events without one.
enum class CompareOp { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };

/// One node of a parsed expression. Trees are immutable and shared, so copies are cheap and
/// can cross threads.
struct Node {
    enum class Kind { Comparison, And, Or, Not };
    Kind kind = Kind::Comparison;
    // Comparison
    QString key;
    CompareOp op = CompareOp::Equal;
    PropertyValue value;
    // And / Or (two or more children), Not (one child)
    std::vector<std::shared_ptr<const Node>> children;
};

/// Where and why an expression does not parse. `position` is the 0-based offset into the text
/// (in UTF-16 code units, as QLineEdit's cursor counts); the column shown to people is
/// `position + 1`. `length` is the extent of the offending token (at least 1).
struct ParseError {
    qsizetype position = 0;
    qsizetype length = 1;
    QString message;

    [[nodiscard]] qsizetype column() const { return position + 1; }
    /// "column 12: expected a value after '>'"
    [[nodiscard]] QString toString() const;
};

class Expression {
    Q_DECLARE_TR_FUNCTIONS(ul::filter::Expression)
public:
    /// Parses `text`. Blank text is an error (there is nothing to filter by); callers that treat
    /// blank as "no filter" check for that first.
    static Expected<Expression, ParseError> parse(QStringView text);

    /// Whether the properties satisfy the expression.
    [[nodiscard]] bool matches(const Properties &properties) const;
    /// The property keys the expression mentions, each once, in order of appearance.
    [[nodiscard]] QStringList keys() const;
    /// A canonical spelling that parses back to the same expression:
    /// `region = 'eu' AND ms > 100`.
    [[nodiscard]] QString toString() const;
    [[nodiscard]] const Node &root() const { return *m_root; }

    friend bool operator==(const Expression &a, const Expression &b) { return a.toString() == b.toString(); }

private:
    explicit Expression(std::shared_ptr<const Node> root) : m_root(std::move(root)) {}
    std::shared_ptr<const Node> m_root;
};

/// The comparison of one value with a literal under the rules above: false when the types
/// differ. Shared by the evaluator and tests.
bool compareValues(const PropertyValue &value, CompareOp op, const PropertyValue &literal);
/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
QString operatorText(CompareOp op);
/// A literal as the parser reads it back: `'it''s'`, `100`, `2.5`, `true`.
QString literalText(const PropertyValue &value);

} // namespace ul::filter
