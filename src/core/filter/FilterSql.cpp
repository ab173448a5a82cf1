#include "filter/FilterSql.h"

namespace ul::filter {

namespace {

QByteArray sqlOperator(CompareOp op)
{
    switch (op) {
    case CompareOp::Equal: return QByteArrayLiteral("=");
    case CompareOp::NotEqual: return QByteArrayLiteral("<>");
    case CompareOp::Less: return QByteArrayLiteral("<");
    case CompareOp::LessOrEqual: return QByteArrayLiteral("<=");
    case CompareOp::Greater: return QByteArrayLiteral(">");
    case CompareOp::GreaterOrEqual: return QByteArrayLiteral(">=");
    }
    return {};
}

class Translator {
public:
    Translator(const std::function<QByteArray(const QString &)> &valueSql, int firstParameter)
        : m_valueSql(valueSql), m_next(firstParameter)
    {
    }

    QByteArray translate(const Node &node)
    {
        switch (node.kind) {
        case Node::Kind::Comparison: return comparison(node);
        // NULL (a missing value) acts as false through AND and OR already; NOT would keep it NULL,
        // so its operand is made 0 first. coalesce() is compiled inline, not called.
        case Node::Kind::Not: return QByteArrayLiteral("(NOT coalesce(") + translate(*node.children.front()) + ", 0))";
        case Node::Kind::And:
        case Node::Kind::Or: {
            QByteArray sql = "(";
            for (size_t i = 0; i < node.children.size(); ++i) {
                if (i > 0)
                    sql += node.kind == Node::Kind::And ? " AND " : " OR ";
                sql += translate(*node.children[i]);
            }
            return sql + ')';
        }
        }
        return QByteArrayLiteral("0");
    }

    QList<PropertyValue> parameters;

private:
    QByteArray parameter(const PropertyValue &value)
    {
        parameters << value;
        return '?' + QByteArray::number(m_next++);
    }

    // SQLite orders values of different storage classes NULL < numbers < text < blobs, where the
    // filter's rules say a comparison across types is false. Comparisons keep to one class with
    // bounds instead of typeof() (a function call per row, which doubled a million-row scan):
    // '' is the least text, x'' the least blob, so `v < ''` holds for numbers only, `v >= '' AND
    // v < x''` for text only, `v >= x''` for blobs only. `=` needs no bound: it is false across
    // classes. A missing value (NULL) makes the comparison NULL; see translate() for NOT.
    QByteArray comparison(const Node &node)
    {
        const QByteArray v = m_valueSql(node.key);
        const QByteArray op = sqlOperator(node.op);
        QByteArray literal;
        QByteArray lowerBound; // the least value of the literal's class, or empty for none needed
        QByteArray upperBound; // the least value of the next class, or empty
        if (const auto *b = std::get_if<bool>(&node.value)) {
            literal = sqlBoolean(*b);
            lowerBound = "x''";
        } else if (std::holds_alternative<QString>(node.value)) {
            literal = parameter(node.value);
            lowerBound = "''";
            upperBound = "x''";
        } else {
            literal = parameter(node.value);
            upperBound = "''";
        }
        QByteArray sql = '(' + v + ' ' + op + ' ' + literal;
        const bool below = node.op == CompareOp::Less || node.op == CompareOp::LessOrEqual || node.op == CompareOp::NotEqual;
        const bool above = node.op == CompareOp::Greater || node.op == CompareOp::GreaterOrEqual || node.op == CompareOp::NotEqual;
        if (below && !lowerBound.isEmpty())
            sql += " AND " + v + " >= " + lowerBound;
        if (above && !upperBound.isEmpty())
            sql += " AND " + v + " < " + upperBound;
        return sql + ')';
    }

    const std::function<QByteArray(const QString &)> &m_valueSql;
    int m_next;
};

} // namespace

QByteArray sqlBoolean(bool value)
{
    return value ? QByteArrayLiteral("x'01'") : QByteArrayLiteral("x'00'");
}

SqlCondition toSql(const Expression &expression, const std::function<QByteArray(const QString &key)> &valueSql,
                   int firstParameter)
{
    Translator translator(valueSql, firstParameter);
    SqlCondition condition;
    condition.sql = "coalesce(" + translator.translate(expression.root()) + ", 0)";
    condition.parameters = std::move(translator.parameters);
    return condition;
}

} // namespace ul::filter
