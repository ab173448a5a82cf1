#include "settings/ConnectionProfile.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QUuid>
#include <QtNetwork/QHostAddress>

namespace ul {

namespace {

QUrl withV1(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(QLatin1StringView("/v1")))
        path += QStringLiteral("/v1");
    url.setPath(path);
    return url;
}

} // namespace

QUrl ConnectionProfile::apiBaseUrl(const QUrl &sandboxUrl) const
{
    const QUrl base = kind == Kind::LocalSandbox ? sandboxUrl : baseUrl;
    return base.isEmpty() ? QUrl() : withV1(base);
}

ClientSettings ConnectionProfile::clientSettings(const QUrl &sandboxUrl) const
{
    ClientSettings settings;
    settings.baseUrl = apiBaseUrl(sandboxUrl);
    settings.transferTimeout = requestTimeout;
    settings.retry.maxRetries = retryLimit;
    return settings;
}

QString ConnectionProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ConnectionProfile ConnectionProfile::defaultSandbox()
{
    ConnectionProfile p;
    p.id = newId();
    p.name = QCoreApplication::translate("ul::ConnectionProfile", "Local sandbox");
    p.kind = Kind::LocalSandbox;
    p.colour = QStringLiteral("#4e9a06");
    return p;
}

bool ProfileRules::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QString bare = host;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    QHostAddress address;
    if (!address.setAddress(bare))
        return false;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also IPv4-mapped IPv6
    if (isV4)
        return (v4 >> 24) == 127;
    return address == QHostAddress(QHostAddress::LocalHostIPv6);
}

Expected<QUrl, QString> ProfileRules::parseServerUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Unexpected{tr("Enter the server's base URL, e.g. https://api.withorb.com/v1.")};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return Unexpected{tr("This is not a URL. Enter it in full, e.g. https://api.withorb.com/v1.")};
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return Unexpected{tr("Only https:// URLs are accepted (http:// only for this computer).")};
    if (url.host().isEmpty())
        return Unexpected{tr("The URL has no host name.")};
    if (!url.userInfo().isEmpty())
        return Unexpected{tr("Do not put a user name or password in the URL; enter the API token in its own field.")};
    if (url.hasQuery() || url.hasFragment())
        return Unexpected{tr("The base URL must not have a query (?…) or fragment (#…).")};
    if (scheme == u"http" && !isLoopbackHost(url.host()))
        return Unexpected{tr("Plain http:// is allowed only for this computer (localhost, 127.0.0.1, ::1); "
                             "use https:// for %1 so the token is not sent in clear text.").arg(url.host())};
    return url;
}

QList<ProfileProblem> ProfileRules::check(const ConnectionProfile &profile, const QList<ConnectionProfile> &others)
{
    using Field = ProfileProblem::Field;
    QList<ProfileProblem> problems;
    const QString name = profile.name.trimmed();
    if (name.isEmpty()) {
        problems.append({Field::Name, tr("Give the profile a name.")});
    } else {
        for (const ConnectionProfile &other : others) {
            if (other.id != profile.id && other.name.trimmed().compare(name, Qt::CaseInsensitive) == 0) {
                problems.append({Field::Name, tr("Another profile is already called “%1”.").arg(name)});
                break;
            }
        }
    }
    if (profile.kind == ConnectionProfile::Kind::OrbServer) {
        const auto url = parseServerUrl(profile.baseUrl.toString());
        if (!url)
            problems.append({Field::BaseUrl, url.error()});
    }
    if (profile.requestTimeout < MinTimeout || profile.requestTimeout > MaxTimeout)
        problems.append({Field::RequestTimeout, tr("The request timeout must be from %1 to %2 seconds.")
                                                    .arg(MinTimeout.count() / 1000).arg(MaxTimeout.count() / 1000)});
    if (profile.retryLimit < 0 || profile.retryLimit > MaxRetries)
        problems.append({Field::RetryLimit, tr("Retries must be from 0 to %1.").arg(MaxRetries)});
    if (!profile.annotationSinkUrl.isEmpty()) {
        const auto sink = parseServerUrl(profile.annotationSinkUrl.toString());
        if (!sink)
            problems.append({Field::AnnotationSinkUrl, sink.error()});
    }
    static const QRegularExpression colourPattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colourPattern.match(profile.colour).hasMatch())
        problems.append({Field::Colour, tr("Pick a colour.")});
    return problems;
}

} // namespace ul
