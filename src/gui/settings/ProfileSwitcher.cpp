#include "settings/ProfileSwitcher.h"

#include "settings/ProfileListModel.h"
#include "settings/ProfileStore.h"

namespace ul::gui {

ProfileSwitcher::ProfileSwitcher(ProfileStore &store, QWidget *parent)
    : QComboBox(parent), m_model(new ProfileListModel(this))
{
    setObjectName(QStringLiteral("profileSwitcher"));
    m_model->follow(store);
    setModel(m_model);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setAccessibleName(tr("Connection profile"));
    setToolTip(tr("The server UsageLens talks to"));
    setCurrentProfileId(store.currentId());
    connect(this, &QComboBox::activated, this, [this](int row) {
        if (row >= 0)
            Q_EMIT profileChosen(itemData(row, ProfileListModel::IdRole).toString());
    });
}

void ProfileSwitcher::setCurrentProfileId(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        setCurrentIndex(row);
}

QString ProfileSwitcher::currentProfileId() const
{
    return currentIndex() < 0 ? QString() : itemData(currentIndex(), ProfileListModel::IdRole).toString();
}

} // namespace ul::gui
