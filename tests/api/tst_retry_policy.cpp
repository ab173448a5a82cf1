#include "api/RetryPolicy.h"

#include <QtCore/QTimeZone>
#include <QtTest/QTest>

using namespace std::chrono_literals;

class TestRetryPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void retriesWhatTheSdksRetry_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("transportRetryable");
        QTest::addColumn<bool>("retried");
        QTest::newRow("connection refused") << 0 << true << true;
        QTest::newRow("tls failure") << 0 << false << false;
        QTest::newRow("400") << 400 << false << false;
        QTest::newRow("401") << 401 << false << false;
        QTest::newRow("404") << 404 << false << false;
        QTest::newRow("408") << 408 << false << true;
        QTest::newRow("409") << 409 << false << true;
        QTest::newRow("413") << 413 << false << false;
        QTest::newRow("429") << 429 << false << true;
        QTest::newRow("500") << 500 << false << true;
        QTest::newRow("503") << 503 << false << true;
    }
    void retriesWhatTheSdksRetry()
    {
        QFETCH(int, status);
        QFETCH(bool, transportRetryable);
        QFETCH(bool, retried);
        const ul::RetryPolicy policy;
        QCOMPARE(policy.shouldRetry(0, status, transportRetryable), retried);
    }

    void stopsAtTheRetryLimit()
    {
        ul::RetryPolicy policy;
        policy.maxRetries = 2;
        QVERIFY(policy.shouldRetry(1, 503, false));
        QVERIFY(!policy.shouldRetry(2, 503, false));
    }

    void serverHeaderOverridesTheStatus()
    {
        const ul::RetryPolicy policy;
        QVERIFY(!policy.shouldRetry(0, 503, false, "false"));
        QVERIFY(policy.shouldRetry(0, 400, false, "true"));
    }

    void backoffDoublesWithJitterUpToTheCap()
    {
        const ul::RetryPolicy policy; // 0.5 s × 2^n, capped at 8 s, × 0.75–1.0
        QCOMPARE(policy.delay(0, {}, {}, 0.0), 500ms);
        QCOMPARE(policy.delay(0, {}, {}, 0.9999), 375ms);
        QCOMPARE(policy.delay(1, {}, {}, 0.0), 1000ms);
        QCOMPARE(policy.delay(3, {}, {}, 0.0), 4000ms);
        QCOMPARE(policy.delay(6, {}, {}, 0.0), 8000ms);
    }

    void honoursRetryAfterHeaders()
    {
        const ul::RetryPolicy policy;
        const QDateTime now = QDateTime(QDate(2026, 11, 23), QTime(12, 0, 0), QTimeZone::utc());
        QCOMPARE(policy.delay(0, "250", {}, 0.5, now), 250ms);
        QCOMPARE(policy.delay(0, {}, "2", 0.5, now), 2000ms);
        QCOMPARE(policy.delay(0, {}, "1.5", 0.5, now), 1500ms);
        QCOMPARE(policy.delay(0, {}, "Mon, 23 Nov 2026 12:00:07 GMT", 0.5, now), 7000ms);
        QCOMPARE(policy.delay(0, {}, "3600", 0.5, now), policy.maxServerDelay);
        // Unreadable values fall back to backoff.
        QCOMPARE(policy.delay(0, "soon", "later", 0.0, now), 500ms);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retry_policy.moc"
