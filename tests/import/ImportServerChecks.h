#pragma once
// What the import suites check on the server after an import.

#include "OrbJson.h"
#include "SandboxFixture.h"
#include "store/SandboxStore.h"

#include <QtTest/QTest>

namespace ul::test {

/// Events the sandbox stores (every version counts once).
inline qint64 storedEventCount(SandboxFixture &sandbox)
{
    return sandbox.onServerThread([](sandbox::SandboxServer &s) { return s.store().eventCount(); });
}

/// The sandbox holds exactly the events `keys` and nothing else, each ingested once (its history
/// is checked for every `historyStride`-th key). Check QTest::currentTestFailed() afterwards.
inline void expectStoredExactlyOnce(SandboxFixture &sandbox, const QStringList &keys, qsizetype historyStride)
{
    QCOMPARE(storedEventCount(sandbox), qint64(keys.size()));
    for (qsizetype from = 0; from < keys.size(); from += 500) {
        const QStringList ids = keys.mid(from, 500);
        const HttpResult r = sandbox.search(QJsonObject{
            {QStringLiteral("event_ids"), QJsonArray::fromStringList(ids)},
            {QStringLiteral("timeframe_start"), QStringLiteral("1970-01-01T00:00:00Z")},
            {QStringLiteral("timeframe_end"), QStringLiteral("9999-01-01T00:00:00Z")}});
        QCOMPARE(r.array(u"data").size(), ids.size());
    }
    for (qsizetype i = 0; i < keys.size(); i += historyStride)
        QCOMPARE(historyChanges(sandbox.history(keys[i])), QStringList{QStringLiteral("ingested")});
}

} // namespace ul::test
