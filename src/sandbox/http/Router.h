#pragma once

#include "http/HttpMessage.h"

#include <functional>
#include <vector>

namespace ul::sandbox {

/// Maps a method and a path pattern to a handler. Patterns are segment lists where `:name`
/// captures one segment: `events/:id/deprecate`. The first matching route wins.
class Router {
public:
    using Params = QStringList;
    using Handler = std::function<HttpResponse(const HttpRequest &, const Params &)>;

    void add(QByteArrayView method, QStringView pattern, Handler handler);

    enum class Match { Found, WrongMethod, NotFound };
    struct Lookup {
        Match match = Match::NotFound;
        const Handler *handler = nullptr;
        Params params;
    };
    [[nodiscard]] Lookup find(QByteArrayView method, const QStringList &segments) const;

private:
    struct Route {
        QByteArray method;
        QStringList pattern;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace ul::sandbox
