#pragma once

#include "settings/ConnectionProfile.h"

#include <QtWidgets/QLabel>

namespace ul::gui {

/// A coloured bar, "PRODUCTION — <name>", in the profile's colour: visible only while the
/// current profile is flagged production. Put it above the views (e.g. at the top of the
/// central widget) and feed it ProfileSession::profileChanged.
class ProductionBanner : public QLabel {
    Q_OBJECT
public:
    explicit ProductionBanner(QWidget *parent = nullptr);

    void setProfile(const ul::ConnectionProfile &profile);
    [[nodiscard]] const ConnectionProfile &profile() const { return m_profile; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ConnectionProfile m_profile;
};

} // namespace ul::gui
