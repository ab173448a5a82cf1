#pragma once

#include "HttpClient.h"
#include "SandboxHost.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "util/Timestamp.h"

#include <QtCore/QAnyStringView>
#include <QtCore/QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>

namespace ul::test {

/// A real sandbox server for one test: listening on a free port of 127.0.0.1 with its own
/// database, on its own thread (as the app runs it), plus an authenticated client for it.
///
/// The sandbox's clock is frozen when it starts, so rules about "now" (grace period, future skew,
/// correction window, the 48 h life of Idempotency-Keys) can be checked to the millisecond;
/// tests move it with setNow()/advance() instead of waiting.
class SandboxFixture {
public:
    /// The bearer token the fixture's sandbox demands and its client sends.
    static QString token() { return QStringLiteral("test-token-0123456789"); }
    /// Port 0, an in-memory database, the test token and Orb's default rules.
    static sandbox::SandboxOptions defaultOptions();

    /// Starts the sandbox; check isReady() before using it:
    /// `QVERIFY2(sandbox.isReady(), sandbox.startError());`
    explicit SandboxFixture(const sandbox::SandboxOptions &options = defaultOptions());
    ~SandboxFixture();
    SandboxFixture(const SandboxFixture &) = delete;
    SandboxFixture &operator=(const SandboxFixture &) = delete;

    [[nodiscard]] bool isReady() const { return m_http != nullptr; }
    [[nodiscard]] const char *startError() const { return m_error.constData(); }

    [[nodiscard]] QUrl baseUrl() const { return m_host.baseUrl(); }
    [[nodiscard]] HttpClient &http() { return *m_http; }
    [[nodiscard]] sandbox::SandboxHost &host() { return m_host; }

    /// "Now" as the sandbox sees it.
    [[nodiscard]] Timestamp now() const { return Timestamp::fromMsecs(m_clockMs->load()); }
    void setNow(Timestamp now) { m_clockMs->store(now.msecs()); }
    template <class Rep, class Period>
    void advance(std::chrono::duration<Rep, Period> by) { setNow(now() + by); }

    /// Runs `work(SandboxServer &)` on the server's thread (where its store lives) and returns its result.
    template <class Work>
    auto onServerThread(Work work) -> std::invoke_result_t<Work, sandbox::SandboxServer &>;

    // Orb calls under /v1, with the fixture's token.
    HttpResult ingest(const QJsonArray &events, const QString &query = {});
    HttpResult search(const QJsonObject &body);
    /// Searches with the default timeframe (the last week).
    HttpResult searchIds(const QStringList &ids);
    /// The current version of an event whatever its age, or nullopt if the search does not return it.
    std::optional<QJsonObject> findEvent(const QString &id);
    HttpResult amend(const QString &id, const QJsonObject &body, const RawHeaders &headers = {});
    HttpResult deprecate(const QString &id);
    HttpResult history(const QString &id);
    HttpResult createCustomer(const QJsonObject &body, const RawHeaders &headers = {});
    /// Creates a customer and returns its Orb id; empty (with a warning) when that fails.
    QString newCustomer(QAnyStringView externalCustomerId = {});

private:
    sandbox::SandboxHost m_host;
    std::unique_ptr<HttpClient> m_http;
    std::shared_ptr<std::atomic<qint64>> m_clockMs = std::make_shared<std::atomic<qint64>>(0);
    QByteArray m_error;
};

template <class Work>
auto SandboxFixture::onServerThread(Work work) -> std::invoke_result_t<Work, sandbox::SandboxServer &>
{
    using Result = std::invoke_result_t<Work, sandbox::SandboxServer &>;
    sandbox::SandboxServer *server = m_host.server();
    if constexpr (std::is_void_v<Result>) {
        QMetaObject::invokeMethod(server, [&] { work(*server); }, Qt::BlockingQueuedConnection);
    } else {
        std::optional<Result> result;
        QMetaObject::invokeMethod(server, [&] { result.emplace(work(*server)); }, Qt::BlockingQueuedConnection);
        return std::move(*result);
    }
}

} // namespace ul::test
