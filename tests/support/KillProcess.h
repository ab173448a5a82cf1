#pragma once
// For the kill tests (outbox, import, soak): a helper process doing real work is killed with
// SIGKILL at a chosen point (no destructor, no close()), then started again on the same files.

#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtTest/QTest>

#include <functional>

namespace ul::test {

/// Waits until `reached()` holds (checked every few ms while the event loop runs), then kills
/// `helper` with SIGKILL and waits for it to end. Returns an empty string when it was killed
/// running; otherwise what went wrong (it ended by itself first — its output is quoted —, the
/// point was not reached within `timeoutMs`, or it did not die), for QVERIFY2.
inline QString killWhen(QProcess &helper, const std::function<bool()> &reached, int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return reached() || helper.state() == QProcess::NotRunning; }, timeoutMs))
        return QStringLiteral("the kill point was not reached within %1 ms").arg(timeoutMs);
    if (helper.state() != QProcess::Running)
        return QStringLiteral("the helper ended before it was killed: ") + QString::fromUtf8(helper.readAll());
    helper.kill();
    if (!helper.waitForFinished(timeoutMs))
        return QStringLiteral("the helper did not end after SIGKILL");
    if (helper.exitStatus() != QProcess::CrashExit)
        return QStringLiteral("the helper ended normally although it was killed");
    return {};
}

} // namespace ul::test
