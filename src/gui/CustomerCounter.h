#pragma once

#include "ServerConnection.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace ul::gui {

/// Counts the customers a server knows by paging through GET /v1/customers. It is the first call
/// the app makes, and shows in the status bar that the connection and the token work. One count
/// at a time: a new count abandons the one under way.
class CustomerCounter : public QObject {
    Q_OBJECT
public:
    explicit CustomerCounter(QObject *parent = nullptr);
    ~CustomerCounter() override;

    void count(const ServerConnection &connection);

Q_SIGNALS:
    void counted(qint64 customers);
    void failed(const QString &message);

private:
    void requestPage(const QString &cursor);
    void readPage(QNetworkReply *reply);
    void abandon();

    QNetworkAccessManager *m_network = nullptr; ///< Created on first use: not needed to show the window.
    QPointer<QNetworkReply> m_reply;
    ServerConnection m_connection;
    qint64 m_counted = 0;
};

} // namespace ul::gui
