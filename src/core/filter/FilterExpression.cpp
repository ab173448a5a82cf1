#include "filter/FilterExpression.h"

#include <QtCore/QLocale>

#include <cmath>

namespace ul::filter {

namespace {

constexpr int MaxDepth = 64;

enum class TokenKind { Word, QuotedName, String, Number, Operator, LeftParen, RightParen, End };

struct Token {
    TokenKind kind = TokenKind::End;
    qsizetype position = 0;
    qsizetype length = 0;
    QString text;           ///< Word: as written; QuotedName/String: unescaped; Operator: as written
    PropertyValue number;   ///< Number only
    CompareOp op = CompareOp::Equal; ///< Operator only
};

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-' || c == u':' || c == u'/' || c == u'@'
        || c == u'+';
}

bool isKeyword(QStringView word, QLatin1StringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

bool isReserved(QStringView word)
{
    return isKeyword(word, QLatin1StringView("and")) || isKeyword(word, QLatin1StringView("or"))
        || isKeyword(word, QLatin1StringView("not")) || isKeyword(word, QLatin1StringView("true"))
        || isKeyword(word, QLatin1StringView("false"));
}

/// A short, quoted excerpt of what was found, for messages.
QString describe(const Token &token)
{
    switch (token.kind) {
    case TokenKind::End: return Expression::tr("the end of the expression");
    case TokenKind::String: return Expression::tr("the string %1").arg(literalText(token.text));
    case TokenKind::QuotedName: return Expression::tr("the name \"%1\"").arg(token.text);
    case TokenKind::Number: return Expression::tr("the number %1").arg(literalText(token.number));
    case TokenKind::Word:
    case TokenKind::Operator:
    case TokenKind::LeftParen:
    case TokenKind::RightParen: break;
    }
    return QLatin1Char('\'') + token.text + QLatin1Char('\'');
}

class Lexer {
public:
    explicit Lexer(QStringView text) : m_text(text) {}

    Expected<std::vector<Token>, ParseError> run()
    {
        std::vector<Token> tokens;
        while (true) {
            while (m_pos < m_text.size() && m_text[m_pos].isSpace())
                ++m_pos;
            if (m_pos >= m_text.size()) {
                Token end;
                end.position = m_text.size();
                tokens.push_back(end);
                return tokens;
            }
            auto token = next();
            if (!token)
                return Unexpected{token.error()};
            tokens.push_back(std::move(token).value());
        }
    }

private:
    ParseError error(qsizetype position, qsizetype length, const QString &message) const
    {
        return ParseError{position, std::max<qsizetype>(1, length), message};
    }

    Expected<Token, ParseError> next()
    {
        const qsizetype start = m_pos;
        const QChar c = m_text[m_pos];
        Token token;
        token.position = start;
        if (c == u'(' || c == u')') {
            token.kind = c == u'(' ? TokenKind::LeftParen : TokenKind::RightParen;
            token.text = c;
            token.length = 1;
            ++m_pos;
            return token;
        }
        if (c == u'=' || c == u'!' || c == u'<' || c == u'>')
            return readOperator();
        if (c == u'\'')
            return readQuoted(u'\'', TokenKind::String);
        if (c == u'"')
            return readQuoted(u'"', TokenKind::QuotedName);
        if (c.isDigit() || ((c == u'-' || c == u'+' || c == u'.') && m_pos + 1 < m_text.size()
                               && (m_text[m_pos + 1].isDigit() || m_text[m_pos + 1] == u'.')))
            return readNumber();
        if (isWordStart(c)) {
            while (m_pos < m_text.size() && isWordPart(m_text[m_pos]))
                ++m_pos;
            token.kind = TokenKind::Word;
            token.length = m_pos - start;
            token.text = m_text.sliced(start, token.length).toString();
            return token;
        }
        return Unexpected{error(start, 1,
                                Expression::tr("unexpected character '%1'; quote values that contain it: 'text'")
                                    .arg(QString(c)))};
    }

    Expected<Token, ParseError> readOperator()
    {
        const qsizetype start = m_pos;
        const QChar c = m_text[m_pos];
        const QChar following = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : QChar();
        Token token;
        token.kind = TokenKind::Operator;
        token.position = start;
        qsizetype length = 1;
        if (c == u'=') {
            token.op = CompareOp::Equal;
            length = following == u'=' ? 2 : 1;
        } else if (c == u'!') {
            if (following != u'=')
                return Unexpected{error(start, 1, Expression::tr("'!' must be followed by '=' (not equal); use NOT to negate"))};
            token.op = CompareOp::NotEqual;
            length = 2;
        } else if (c == u'<') {
            if (following == u'=') {
                token.op = CompareOp::LessOrEqual;
                length = 2;
            } else if (following == u'>') {
                token.op = CompareOp::NotEqual;
                length = 2;
            } else {
                token.op = CompareOp::Less;
            }
        } else { // '>'
            token.op = following == u'=' ? CompareOp::GreaterOrEqual : CompareOp::Greater;
            length = following == u'=' ? 2 : 1;
        }
        m_pos += length;
        token.length = length;
        token.text = m_text.sliced(start, length).toString();
        return token;
    }

    /// 'text' with '' or \' for a quote and \\ for a backslash; "name" with "" for a quote.
    Expected<Token, ParseError> readQuoted(char16_t quote, TokenKind kind)
    {
        const qsizetype start = m_pos;
        ++m_pos;
        QString value;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c == quote) {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == quote) {
                    value += c;
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                Token token;
                token.kind = kind;
                token.position = start;
                token.length = m_pos - start;
                token.text = value;
                return token;
            }
            if (c == u'\\' && quote == u'\'' && m_pos + 1 < m_text.size()
                && (m_text[m_pos + 1] == u'\'' || m_text[m_pos + 1] == u'\\')) {
                value += m_text[m_pos + 1];
                m_pos += 2;
                continue;
            }
            value += c;
            ++m_pos;
        }
        const QString message = kind == TokenKind::String
            ? Expression::tr("unterminated string: add the closing ' (write '' or \\' for a quote inside it)")
            : Expression::tr("unterminated name: add the closing \"");
        return Unexpected{error(start, m_text.size() - start, message)};
    }

    Expected<Token, ParseError> readNumber()
    {
        const qsizetype start = m_pos;
        if (m_text[m_pos] == u'-' || m_text[m_pos] == u'+')
            ++m_pos;
        // Take the whole run of word characters, so that `12ab` is one bad number, not 12 and ab.
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            const bool exponentSign = (c == u'-' || c == u'+') && m_pos > start
                && (m_text[m_pos - 1] == u'e' || m_text[m_pos - 1] == u'E');
            if (c.isLetterOrNumber() || c == u'.' || c == u'_' || exponentSign)
                ++m_pos;
            else
                break;
        }
        const QStringView text = m_text.sliced(start, m_pos - start);
        Token token;
        token.kind = TokenKind::Number;
        token.position = start;
        token.length = text.size();
        token.text = text.toString();
        bool isInteger = true;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (!(c.isDigit() || (i == 0 && (c == u'-' || c == u'+'))))
                isInteger = false;
        }
        bool ok = false;
        if (isInteger) {
            const qint64 n = QLocale::c().toLongLong(text, &ok);
            if (ok) {
                token.number = n;
                return token;
            }
        }
        // Plain decimal syntax only: digits, one point, an exponent. No hex, inf or nan.
        bool valid = true;
        bool digits = false;
        bool point = false;
        bool exponent = false;
        for (qsizetype i = 0; i < text.size() && valid; ++i) {
            const QChar c = text[i];
            if (c.isDigit() && c.unicode() < 128) {
                digits = true;
            } else if ((c == u'-' || c == u'+') && (i == 0 || text[i - 1] == u'e' || text[i - 1] == u'E')) {
            } else if (c == u'.' && !point && !exponent) {
                point = true;
            } else if ((c == u'e' || c == u'E') && digits && !exponent) {
                exponent = true;
                digits = false;
            } else {
                valid = false;
            }
        }
        const double d = valid && digits ? QLocale::c().toDouble(text, &ok) : 0.0;
        if (!valid || !digits || !ok || !std::isfinite(d)) {
            return Unexpected{error(start, text.size(),
                                    Expression::tr("'%1' is not a number; quote text values: '%1'").arg(text.toString()))};
        }
        token.number = d;
        return token;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Expected<std::shared_ptr<const Node>, ParseError> run()
    {
        if (peek().kind == TokenKind::End)
            return Unexpected{ParseError{0, 1, Expression::tr("the expression is empty; write a condition such as region = 'eu'")}};
        auto root = parseOr(0);
        if (!root)
            return root;
        if (peek().kind != TokenKind::End)
            return Unexpected{unexpectedAfterCondition(peek())};
        return root;
    }

private:
    using Result = Expected<std::shared_ptr<const Node>, ParseError>;

    const Token &peek() const { return m_tokens[m_index]; }
    const Token &take() { return m_tokens[m_index++]; }
    bool peekKeyword(QLatin1StringView keyword) const
    {
        return peek().kind == TokenKind::Word && isKeyword(peek().text, keyword);
    }

    static ParseError errorAt(const Token &token, const QString &message)
    {
        return ParseError{token.position, std::max<qsizetype>(1, token.length), message};
    }

    ParseError unexpectedAfterCondition(const Token &token) const
    {
        if (token.kind == TokenKind::RightParen)
            return errorAt(token, Expression::tr("')' has no matching '('"));
        return errorAt(token, Expression::tr("expected AND, OR or the end of the expression, found %1 "
                                             "(quote values that contain spaces: 'two words')")
                                  .arg(describe(token)));
    }

    static std::shared_ptr<const Node> combine(Node::Kind kind, std::vector<std::shared_ptr<const Node>> parts)
    {
        if (parts.size() == 1)
            return parts.front();
        auto node = std::make_shared<Node>();
        node->kind = kind;
        for (auto &part : parts) {
            if (part->kind == kind)
                node->children.insert(node->children.end(), part->children.begin(), part->children.end());
            else
                node->children.push_back(std::move(part));
        }
        return node;
    }

    Result parseOr(int depth)
    {
        std::vector<std::shared_ptr<const Node>> parts;
        while (true) {
            auto part = parseAnd(depth);
            if (!part)
                return part;
            parts.push_back(std::move(part).value());
            if (!peekKeyword(QLatin1StringView("or")))
                break;
            take();
        }
        return combine(Node::Kind::Or, std::move(parts));
    }

    Result parseAnd(int depth)
    {
        std::vector<std::shared_ptr<const Node>> parts;
        while (true) {
            auto part = parseNot(depth);
            if (!part)
                return part;
            parts.push_back(std::move(part).value());
            if (!peekKeyword(QLatin1StringView("and")))
                break;
            take();
        }
        return combine(Node::Kind::And, std::move(parts));
    }

    Result parseNot(int depth)
    {
        if (depth > MaxDepth)
            return Unexpected{errorAt(peek(), Expression::tr("the expression is nested too deeply"))};
        if (peekKeyword(QLatin1StringView("not"))) {
            take();
            auto child = parseNot(depth + 1);
            if (!child)
                return child;
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            node->children.push_back(std::move(child).value());
            return std::shared_ptr<const Node>(std::move(node));
        }
        if (peek().kind == TokenKind::LeftParen) {
            const Token &open = take();
            auto inner = parseOr(depth + 1);
            if (!inner)
                return inner;
            if (peek().kind != TokenKind::RightParen) {
                if (peek().kind == TokenKind::End)
                    return Unexpected{errorAt(open, Expression::tr("this '(' is never closed; add a ')'"))};
                return Unexpected{unexpectedAfterCondition(peek())};
            }
            take();
            return inner;
        }
        return parseComparison();
    }

    Result parseComparison()
    {
        const Token &keyToken = peek();
        QString key;
        if (keyToken.kind == TokenKind::QuotedName) {
            key = keyToken.text;
        } else if (keyToken.kind == TokenKind::Word && !isReserved(keyToken.text)) {
            key = keyToken.text;
        } else if (keyToken.kind == TokenKind::End) {
            return Unexpected{errorAt(keyToken, Expression::tr("expected a condition such as region = 'eu' at the end"))};
        } else if (keyToken.kind == TokenKind::Word) {
            return Unexpected{errorAt(keyToken, Expression::tr("expected a property name, found the keyword %1 "
                                                               "(write \"%2\" for a property of that name)")
                                                    .arg(describe(keyToken), keyToken.text))};
        } else {
            return Unexpected{errorAt(keyToken, Expression::tr("expected a property name, found %1").arg(describe(keyToken)))};
        }
        if (key.isEmpty())
            return Unexpected{errorAt(keyToken, Expression::tr("a property name cannot be empty"))};
        take();

        const Token &opToken = peek();
        if (opToken.kind != TokenKind::Operator) {
            return Unexpected{errorAt(opToken, Expression::tr("expected a comparison (=, !=, <, <=, >, >=) after '%1', found %2")
                                                   .arg(key, describe(opToken)))};
        }
        take();

        const Token &valueToken = peek();
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Comparison;
        node->key = key;
        node->op = opToken.op;
        switch (valueToken.kind) {
        case TokenKind::String: node->value = valueToken.text; break;
        case TokenKind::Number: node->value = valueToken.number; break;
        case TokenKind::Word:
            if (isKeyword(valueToken.text, QLatin1StringView("true"))) {
                node->value = true;
            } else if (isKeyword(valueToken.text, QLatin1StringView("false"))) {
                node->value = false;
            } else if (isReserved(valueToken.text)) {
                return Unexpected{errorAt(valueToken, Expression::tr("expected a value after '%1', found the keyword %2 "
                                                                     "(quote it to compare with the word: '%3')")
                                                          .arg(opToken.text, describe(valueToken), valueToken.text))};
            } else {
                node->value = valueToken.text;
            }
            break;
        case TokenKind::End:
            return Unexpected{errorAt(valueToken, Expression::tr("expected a value after '%1'").arg(opToken.text))};
        case TokenKind::QuotedName:
            return Unexpected{errorAt(valueToken, Expression::tr("expected a value after '%1'; strings take single quotes: '%2'")
                                                      .arg(opToken.text, valueToken.text))};
        case TokenKind::Operator:
        case TokenKind::LeftParen:
        case TokenKind::RightParen:
            return Unexpected{errorAt(valueToken, Expression::tr("expected a value after '%1', found %2")
                                                      .arg(opToken.text, describe(valueToken)))};
        }
        take();
        return std::shared_ptr<const Node>(std::move(node));
    }

    std::vector<Token> m_tokens;
    size_t m_index = 0;
};

/// Code point order for UTF-16 (what SQLite's BINARY collation gives on UTF-8): surrogates sort
/// after U+E000..U+FFFF.
int compareCodePoints(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        char16_t x = a[i].unicode();
        char16_t y = b[i].unicode();
        if (x == y)
            continue;
        auto fix = [](char16_t u) -> int {
            if (u >= 0xE000)
                return u - 0x800;
            if (u >= 0xD800)
                return u + 0x2000;
            return u;
        };
        return fix(x) < fix(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

template <class T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

bool holds(int order, CompareOp op)
{
    switch (op) {
    case CompareOp::Equal: return order == 0;
    case CompareOp::NotEqual: return order != 0;
    case CompareOp::Less: return order < 0;
    case CompareOp::LessOrEqual: return order <= 0;
    case CompareOp::Greater: return order > 0;
    case CompareOp::GreaterOrEqual: return order >= 0;
    }
    return false;
}

bool isNumber(const PropertyValue &v)
{
    return std::holds_alternative<qint64>(v) || std::holds_alternative<double>(v);
}

double asDouble(const PropertyValue &v)
{
    return std::holds_alternative<qint64>(v) ? static_cast<double>(std::get<qint64>(v)) : std::get<double>(v);
}

bool evaluate(const Node &node, const Properties &properties)
{
    switch (node.kind) {
    case Node::Kind::Comparison: {
        const PropertyValue *value = properties.find(node.key);
        return value && compareValues(*value, node.op, node.value);
    }
    case Node::Kind::And:
        for (const auto &child : node.children) {
            if (!evaluate(*child, properties))
                return false;
        }
        return true;
    case Node::Kind::Or:
        for (const auto &child : node.children) {
            if (evaluate(*child, properties))
                return true;
        }
        return false;
    case Node::Kind::Not: return !evaluate(*node.children.front(), properties);
    }
    return false;
}

QString nameText(const QString &key)
{
    bool bare = !key.isEmpty() && isWordStart(key.front()) && !isReserved(key);
    for (const QChar c : key)
        bare = bare && isWordPart(c);
    if (bare)
        return key;
    QString quoted = key;
    quoted.replace(QLatin1Char('"'), QLatin1StringView("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString spell(const Node &node)
{
    switch (node.kind) {
    case Node::Kind::Comparison:
        return nameText(node.key) + QLatin1Char(' ') + operatorText(node.op) + QLatin1Char(' ') + literalText(node.value);
    case Node::Kind::Not: {
        const Node &child = *node.children.front();
        const bool simple = child.kind == Node::Kind::Comparison || child.kind == Node::Kind::Not;
        return QLatin1StringView("NOT ") + (simple ? spell(child) : QLatin1Char('(') + spell(child) + QLatin1Char(')'));
    }
    case Node::Kind::And:
    case Node::Kind::Or: {
        QStringList parts;
        for (const auto &child : node.children) {
            const bool wrap = node.kind == Node::Kind::And && child->kind == Node::Kind::Or;
            parts << (wrap ? QLatin1Char('(') + spell(*child) + QLatin1Char(')') : spell(*child));
        }
        const QString joined = parts.join(node.kind == Node::Kind::And ? QLatin1StringView(" AND ") : QLatin1StringView(" OR "));
        return joined;
    }
    }
    return {};
}

void collectKeys(const Node &node, QStringList &keys)
{
    if (node.kind == Node::Kind::Comparison) {
        if (!keys.contains(node.key))
            keys << node.key;
        return;
    }
    for (const auto &child : node.children)
        collectKeys(*child, keys);
}

} // namespace

QString ParseError::toString() const
{
    return Expression::tr("column %1: %2").arg(QString::number(column()), message);
}

Expected<Expression, ParseError> Expression::parse(QStringView text)
{
    auto tokens = Lexer(text).run();
    if (!tokens)
        return Unexpected{tokens.error()};
    auto root = Parser(std::move(tokens).value()).run();
    if (!root)
        return Unexpected{root.error()};
    return Expression(std::move(root).value());
}

bool Expression::matches(const Properties &properties) const
{
    return evaluate(*m_root, properties);
}

QStringList Expression::keys() const
{
    QStringList keys;
    collectKeys(*m_root, keys);
    return keys;
}

QString Expression::toString() const
{
    return spell(*m_root);
}

bool compareValues(const PropertyValue &value, CompareOp op, const PropertyValue &literal)
{
    if (isNumber(literal)) {
        if (!isNumber(value))
            return false;
        if (std::holds_alternative<qint64>(value) && std::holds_alternative<qint64>(literal))
            return holds(threeWay(std::get<qint64>(value), std::get<qint64>(literal)), op);
        const double a = asDouble(value);
        const double b = asDouble(literal);
        if (std::isnan(a))
            return false;
        return holds(threeWay(a, b), op);
    }
    if (const auto *text = std::get_if<QString>(&literal)) {
        const auto *v = std::get_if<QString>(&value);
        return v && holds(compareCodePoints(*v, *text), op);
    }
    const auto *v = std::get_if<bool>(&value);
    return v && holds(threeWay(*v, std::get<bool>(literal)), op);
}

QString operatorText(CompareOp op)
{
    switch (op) {
    case CompareOp::Equal: return QStringLiteral("=");
    case CompareOp::NotEqual: return QStringLiteral("!=");
    case CompareOp::Less: return QStringLiteral("<");
    case CompareOp::LessOrEqual: return QStringLiteral("<=");
    case CompareOp::Greater: return QStringLiteral(">");
    case CompareOp::GreaterOrEqual: return QStringLiteral(">=");
    }
    return {};
}

QString literalText(const PropertyValue &value)
{
    if (const auto *text = std::get_if<QString>(&value)) {
        QString quoted;
        quoted.reserve(text->size() + 2);
        quoted += u'\'';
        for (qsizetype i = 0; i < text->size(); ++i) {
            const QChar c = text->at(i);
            if (c == u'\'') {
                quoted += QLatin1StringView("''");
            } else if (c == u'\\') {
                // Before a quote, a backslash or the closing quote it would read as an escape.
                const bool escape = i + 1 == text->size() || text->at(i + 1) == u'\'' || text->at(i + 1) == u'\\';
                quoted += escape ? QLatin1StringView("\\\\") : QLatin1StringView("\\");
            } else {
                quoted += c;
            }
        }
        quoted += u'\'';
        return quoted;
    }
    if (const auto *d = std::get_if<double>(&value)) {
        QString number = QString::number(*d, 'g', QLocale::FloatingPointShortest);
        if (!number.contains(QLatin1Char('.')) && !number.contains(QLatin1Char('e')))
            number += QLatin1StringView(".0");
        return number;
    }
    return propertyValueToString(value);
}

} // namespace ul::filter
