#include "http/Router.h"

namespace ul::sandbox {

void Router::add(QByteArrayView method, QStringView pattern, Handler handler)
{
    m_routes.push_back(Route{method.toByteArray(), pattern.toString().split(u'/', Qt::SkipEmptyParts), std::move(handler)});
}

Router::Lookup Router::find(QByteArrayView method, const QStringList &segments) const
{
    Lookup result;
    for (const Route &route : m_routes) {
        if (route.pattern.size() != segments.size())
            continue;
        Params params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            if (route.pattern[i].startsWith(u':'))
                params << segments[i];
            else
                matches = route.pattern[i] == segments[i];
        }
        if (!matches)
            continue;
        if (route.method != method) {
            result.match = Match::WrongMethod;
            continue;
        }
        result.match = Match::Found;
        result.handler = &route.handler;
        result.params = std::move(params);
        return result;
    }
    return result;
}

} // namespace ul::sandbox
