#include "settings/ProfileListModel.h"

#include "LanguageManager.h"

#include "settings/ProfileStore.h"

#include <QtGui/QColor>
#include <QtGui/QPainter>
#include <QtGui/QPixmap>

namespace ul::gui {

ProfileListModel::ProfileListModel(QObject *parent) : QAbstractListModel(parent)
{
    retranslateOnLanguageChange(this);
}

void ProfileListModel::follow(ProfileStore &store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = &store;
    setProfiles(store.profiles());
    connect(&store, &ProfileStore::aboutToInsert, this, [this](int row) { beginInsertRows({}, row, row); });
    connect(&store, &ProfileStore::inserted, this, [this, &store](int row) {
        m_profiles.insert(row, store.profiles().at(row));
        endInsertRows();
    });
    connect(&store, &ProfileStore::aboutToRemove, this, [this](int row) { beginRemoveRows({}, row, row); });
    connect(&store, &ProfileStore::removed, this, [this](int row) {
        m_profiles.removeAt(row);
        endRemoveRows();
    });
    connect(&store, &ProfileStore::updated, this, [this](int row, const ConnectionProfile &profile) {
        if (row >= 0 && row < m_profiles.size()) {
            m_profiles[row] = profile;
            Q_EMIT dataChanged(index(row), index(row));
        }
    });
}

void ProfileListModel::setProfiles(const QList<ConnectionProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

int ProfileListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

int ProfileListModel::append(const ConnectionProfile &profile)
{
    const int row = int(m_profiles.size());
    beginInsertRows({}, row, row);
    m_profiles.append(profile);
    endInsertRows();
    return row;
}

void ProfileListModel::setProfile(int row, const ConnectionProfile &profile)
{
    if (row < 0 || row >= m_profiles.size() || m_profiles.at(row) == profile)
        return;
    m_profiles[row] = profile;
    Q_EMIT dataChanged(index(row), index(row));
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return p.production ? tr("%1 — production").arg(p.name) : p.name;
    case Qt::DecorationRole:
        return swatch(p.colour);
    case Qt::ToolTipRole:
        if (p.kind == ConnectionProfile::Kind::LocalSandbox)
            return tr("The embedded sandbox on this computer");
        return p.baseUrl.toString(QUrl::RemoveUserInfo);
    case IdRole:
        return p.id;
    case ColourRole:
        return QColor::fromString(p.colour);
    case ProductionRole:
        return p.production;
    case NameRole:
        return p.name;
    default:
        return {};
    }
}

bool ProfileListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_profiles.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_profiles.remove(row, count);
    endRemoveRows();
    return true;
}

QIcon ProfileListModel::swatch(const QString &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(0, 0, 0, 90));
    const QColor fill = QColor::fromString(colour);
    painter.setBrush(fill.isValid() ? fill : QColor(Qt::gray));
    painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    painter.end();
    return QIcon(pixmap);
}

} // namespace ul::gui
