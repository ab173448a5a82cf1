#include "settings/ProfileSwitcher.h"

#include "settings/ProfileListModel.h"
#include "settings/ProfileStore.h"

#include <QtCore/QEvent>

namespace ul::gui {

ProfileSwitcher::ProfileSwitcher(ProfileStore &store, QWidget *parent)
    : QComboBox(parent), m_model(new ProfileListModel(this))
{
    setObjectName(QStringLiteral("profileSwitcher"));
    m_model->follow(store);
    setModel(m_model);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    retranslate();
    setCurrentProfileId(store.currentId());
    connect(this, &QComboBox::activated, this, [this](int row) {
        if (row >= 0)
            Q_EMIT profileChosen(itemData(row, ProfileListModel::IdRole).toString());
    });
}

void ProfileSwitcher::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void ProfileSwitcher::retranslate()
{
    setAccessibleName(tr("Connection profile"));
    setToolTip(tr("The connection profile every view works on"));
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
