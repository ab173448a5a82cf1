#include "settings/ProfileStore.h"

#include "settings/Settings.h"

#include <QtCore/QPointer>

#include <memory>

namespace ul {

ProfileStore::ProfileStore(Settings &settings, TokenStore &tokens, QObject *parent)
    : QObject(parent), m_settings(settings), m_tokens(tokens), m_profiles(settings.profiles())
{
}

std::optional<ConnectionProfile> ProfileStore::find(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? std::nullopt : std::optional(m_profiles.at(index));
}

int ProfileStore::indexOf(const QString &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

QString ProfileStore::currentId() const
{
    const QString id = m_settings.currentProfileId();
    if (indexOf(id) >= 0)
        return id;
    return m_profiles.isEmpty() ? QString() : m_profiles.first().id;
}

void ProfileStore::setCurrentId(const QString &id)
{
    if (indexOf(id) < 0 || id == m_settings.currentProfileId())
        return;
    m_settings.setCurrentProfileId(id);
    Q_EMIT currentChanged(id);
}

QList<ConnectionProfile> ProfileStore::othersThan(const QString &id) const
{
    QList<ConnectionProfile> others;
    for (const ConnectionProfile &p : m_profiles) {
        if (p.id != id)
            others.append(p);
    }
    return others;
}

void ProfileStore::save()
{
    m_settings.setProfiles(m_profiles);
    m_settings.sync();
}

Expected<ConnectionProfile, QList<ProfileProblem>> ProfileStore::add(ConnectionProfile profile)
{
    if (profile.id.isEmpty() || indexOf(profile.id) >= 0)
        profile.id = ConnectionProfile::newId();
    profile.name = profile.name.trimmed();
    const QList<ProfileProblem> problems = ProfileRules::check(profile, m_profiles);
    if (!problems.isEmpty())
        return Unexpected{problems};
    const int row = int(m_profiles.size());
    Q_EMIT aboutToInsert(row);
    m_profiles.append(profile);
    save();
    Q_EMIT inserted(row);
    return profile;
}

Expected<Done, QList<ProfileProblem>> ProfileStore::update(const ConnectionProfile &profile)
{
    const int row = indexOf(profile.id);
    if (row < 0)
        return Unexpected{QList<ProfileProblem>{{ProfileProblem::Field::Name, tr("This profile no longer exists.")}}};
    ConnectionProfile cleaned = profile;
    cleaned.name = cleaned.name.trimmed();
    const QList<ProfileProblem> problems = ProfileRules::check(cleaned, othersThan(profile.id));
    if (!problems.isEmpty())
        return Unexpected{problems};
    if (m_profiles.at(row) == cleaned)
        return Done{};
    m_profiles[row] = cleaned;
    save();
    Q_EMIT updated(row, cleaned);
    return Done{};
}

Expected<Done, QList<ProfileProblem>> ProfileStore::rename(const QString &id, const QString &newName)
{
    auto profile = find(id);
    if (!profile)
        return Unexpected{QList<ProfileProblem>{{ProfileProblem::Field::Name, tr("This profile no longer exists.")}}};
    profile->name = newName;
    return update(*profile);
}

void ProfileStore::ensureDefaultProfile()
{
    if (!m_profiles.isEmpty())
        return;
    if (auto added = add(ConnectionProfile::defaultSandbox()))
        setCurrentId(added->id);
}

QString ProfileStore::uniqueName(const QString &base) const
{
    auto taken = [this](const QString &name) {
        for (const ConnectionProfile &p : m_profiles) {
            if (p.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

void ProfileStore::duplicate(const QString &id, const QString &newName, const QObject *context,
                             std::function<void(Expected<ConnectionProfile, QString>)> done)
{
    const auto source = find(id);
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto answer = [this, guard, hasContext, done](Expected<ConnectionProfile, QString> result) {
        QMetaObject::invokeMethod(this, [guard, hasContext, done, result] {
            if (!hasContext || guard)
                done(result);
        }, Qt::QueuedConnection);
    };
    if (!source) {
        answer(Unexpected{tr("This profile no longer exists.")});
        return;
    }
    ConnectionProfile copy = *source;
    copy.id = ConnectionProfile::newId();
    copy.name = newName.trimmed().isEmpty() ? uniqueName(tr("%1 (copy)").arg(source->name)) : newName;
    auto added = add(copy);
    if (!added) {
        answer(Unexpected{added.error().first().message});
        return;
    }
    // Both secrets follow, one after the other; the first failure is reported.
    const ConnectionProfile made = *added;
    auto copySink = [this, id, made, answer](Expected<Done, TokenError> api) {
        if (!api) {
            answer(Unexpected{api.error().message});
            return;
        }
        m_tokens.copy({id, SecretRef::Kind::AnnotationSinkToken}, {made.id, SecretRef::Kind::AnnotationSinkToken}, this,
                      [made, answer](Expected<Done, TokenError> sink) {
                          if (sink)
                              answer(made);
                          else
                              answer(Unexpected{sink.error().message});
                      });
    };
    m_tokens.copy({id, SecretRef::Kind::ApiToken}, {made.id, SecretRef::Kind::ApiToken}, this, copySink);
}

void ProfileStore::remove(const QString &id, const QObject *context, std::function<void(Expected<Done, QString>)> done)
{
    QPointer<const QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto answer = [this, guard, hasContext, done](Expected<Done, QString> result) {
        QMetaObject::invokeMethod(this, [guard, hasContext, done, result] {
            if (!hasContext || guard)
                done(result);
        }, Qt::QueuedConnection);
    };
    const int row = indexOf(id);
    if (row < 0) {
        answer(Unexpected{tr("This profile no longer exists.")});
        return;
    }
    const bool wasCurrent = m_settings.currentProfileId() == id;
    Q_EMIT aboutToRemove(row);
    m_profiles.removeAt(row);
    save();
    Q_EMIT removed(row);
    if (wasCurrent) {
        m_settings.setCurrentProfileId(currentId());
        Q_EMIT currentChanged(currentId());
    }
    m_tokens.remove({id, SecretRef::Kind::ApiToken}, this, [this, id, answer](Expected<Done, TokenError> api) {
        m_tokens.remove({id, SecretRef::Kind::AnnotationSinkToken}, this, [api, answer](Expected<Done, TokenError> sink) {
            if (!api)
                answer(Unexpected{api.error().message});
            else if (!sink)
                answer(Unexpected{sink.error().message});
            else
                answer(Done{});
        });
    });
}

} // namespace ul
