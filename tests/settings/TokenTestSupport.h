#pragma once

// What the settings suites share: waiting for asynchronous answers, reading the keychain
// directly (not through TokenStore) to check what it really holds, and temporary settings files.

#include "settings/TokenStore.h"

#include <QtCore/QCoreApplication>
#include <QtTest/QTest>

#include <qt6keychain/keychain.h>

#include <chrono>
#include <optional>

namespace ul::test {

/// Collects the one answer of a callback-style call.
template <class T, class E>
class Answer {
public:
    std::function<void(Expected<T, E>)> callback()
    {
        return [this](Expected<T, E> r) { m_result.emplace(std::move(r)); };
    }
    bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(30))
    {
        return QTest::qWaitFor([this] { return m_result.has_value(); }, int(timeout.count()));
    }
    Expected<T, E> &result() { return *m_result; }
    [[nodiscard]] bool delivered() const { return m_result.has_value(); }

private:
    std::optional<Expected<T, E>> m_result;
};

/// What the keychain itself says about `key` of `service`: its error code and text.
struct RawEntry {
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
};

inline RawEntry readKeychainDirectly(const QString &service, const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(false);
    job->setKey(key);
    bool done = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&done] { done = true; });
    job->start();
    if (!QTest::qWaitFor([&done] { return done; }, 30'000))
        return RawEntry{QKeychain::OtherError, QStringLiteral("no answer from the keychain")}; // the job leaks: it may still answer
    RawEntry entry{job->error(), job->textData()};
    delete job;
    return entry;
}

/// A keychain service name of this test run's own, so no analyst's entry is ever touched.
inline QString testService()
{
    return QStringLiteral("UsageLens-test-%1").arg(QCoreApplication::applicationPid());
}

} // namespace ul::test
