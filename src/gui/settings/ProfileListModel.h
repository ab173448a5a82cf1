#pragma once

#include "settings/ConnectionProfile.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointer>
#include <QtGui/QIcon>

namespace ul {
class ProfileStore;
}

namespace ul::gui {

/// Connection profiles as a list: name (with "production" marked), a colour swatch, the
/// address as tooltip. Either a working copy the settings dialog edits (setProfiles, append,
/// setProfile, removeRows) or a live mirror of a ProfileStore (follow), as the switcher uses.
class ProfileListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString
        ColourRole,                ///< QColor
        ProductionRole,            ///< bool
        NameRole,                  ///< QString, the bare name
    };

    explicit ProfileListModel(QObject *parent = nullptr);

    /// Mirrors `store` from now on (its rows, edits, insertions and removals).
    void follow(ProfileStore &store);

    void setProfiles(const QList<ConnectionProfile> &profiles);
    [[nodiscard]] const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    [[nodiscard]] const ConnectionProfile &at(int row) const { return m_profiles.at(row); }
    [[nodiscard]] int rowOf(const QString &id) const;
    /// Appends and returns the new row.
    int append(const ConnectionProfile &profile);
    void setProfile(int row, const ConnectionProfile &profile);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    /// A square of `colour`, for lists and combo boxes.
    static QIcon swatch(const QString &colour);

private:
    QList<ConnectionProfile> m_profiles;
    QPointer<ProfileStore> m_store;
};

} // namespace ul::gui
