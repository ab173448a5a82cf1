#pragma once

#include "FaultInjector.h"
#include "SandboxOptions.h"
#include "http/HttpMessage.h"
#include "http/Router.h"
#include "util/Timestamp.h"

#include <QtCore/QUrl>
#include <QtHttpServer/QAbstractHttpServer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace ul::sandbox {

class AnnotationRoutes;
class SandboxStore;
class WebhookDeliverer;
class WebhookStore;

/// What every route handler may use: the store, the options and the clock.
struct SandboxContext {
    SandboxStore &store;
    const SandboxOptions &options;
    std::function<Timestamp()> now;
};

/// The Orb-compatible sandbox: Qt HttpServer in front, SQLite behind. Routes are served at
/// `/v1/...` and at the root. Lives on one thread; the app runs it on its own (SandboxHost).
class SandboxServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    /// Opens the database and seeds demo data when asked; does not listen yet.
    static Expected<std::unique_ptr<SandboxServer>, QString> create(const SandboxOptions &options);
    ~SandboxServer() override;

    /// Starts listening as the options say; the port actually bound (useful with port 0).
    Expected<quint16, QString> start();
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] SandboxStore &store() { return *m_store; }
    [[nodiscard]] const SandboxOptions &options() const { return m_options; }
    /// Replaces the clock (tests move time instead of waiting for it).
    void setClock(std::function<Timestamp()> clock);
    /// Sends webhook deliveries and keeps webhooks, deliveries and attempts.
    [[nodiscard]] WebhookDeliverer &webhooks() { return *m_deliverer; }

    /// Answers one request; the HTTP layer calls this, and so can tests and benchmarks.
    HttpResponse dispatch(const HttpRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SandboxServer(const SandboxOptions &options, std::unique_ptr<SandboxStore> store,
                  std::unique_ptr<WebhookStore> webhookStore);
    void watchSocket(QTcpSocket *socket);
    void checkRequestSize(QTcpSocket *socket);
    /// Answers `refusal` before the request is read whole, then closes the connection.
    void refuse(QTcpSocket *socket, const ApiError &refusal);
    /// Carries out an injected fault's delivery (latency, drop, slow body).
    void deliverLater(QTcpSocket *socket, const HttpResponse &response);
    [[nodiscard]] bool isAuthorized(QByteArrayView authorization) const;
    void addFaultRoutes();
    HttpResponse route(const HttpRequest &request);
    HttpResponse withIdempotencyKey(const HttpRequest &request, const QString &key);

    SandboxOptions m_options;
    std::unique_ptr<SandboxStore> m_store;
    std::function<Timestamp()> m_clock;
    SandboxContext m_context;
    std::unique_ptr<WebhookStore> m_webhookStore;
    std::unique_ptr<WebhookDeliverer> m_deliverer; ///< Declared after the stores it uses: destroyed first.
    std::unique_ptr<AnnotationRoutes> m_annotations;
    Router m_router;
    FaultInjector m_faults;
    quint16 m_port = 0;
};

} // namespace ul::sandbox
