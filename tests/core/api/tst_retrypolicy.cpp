// The retry table, row by row, plus backoff and Retry-After parsing.

#include "core/api/retrypolicy.h"

#include <QTest>

using namespace ascend::api;
using Failure = AttemptOutcome::Failure;
using Action = RetryDecision::Action;

Q_DECLARE_METATYPE(AttemptOutcome::Failure)
Q_DECLARE_METATYPE(RetryDecision::Action)

namespace {
RetryPolicy testPolicy()
{
    RetryPolicy policy;
    policy.maxAttempts = 4;
    policy.baseDelay = Milliseconds(100);
    policy.factor = 2.0;
    policy.maxDelay = Milliseconds(1000);
    policy.jitter = 0.25;
    policy.maxRetryAfter = Milliseconds(120000);
    return policy;
}
} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("retryAfterMs"); // -1: no Retry-After
        QTest::addColumn<bool>("authenticated");
        QTest::addColumn<bool>("reauthenticated");
        QTest::addColumn<Action>("action");
        QTest::addColumn<int>("delayMs");

        const auto row = [](const char *name, const char *method, int attempt, Failure failure, int status,
                            int retryAfter, bool authenticated, bool reauthenticated, Action action,
                            int delay) {
            QTest::newRow(name) << QByteArray(method) << attempt << failure << status << retryAfter
                                << authenticated << reauthenticated << action << delay;
        };
        // Answers that are final.
        row("GET 200", "GET", 1, Failure::None, 200, -1, true, false, Action::Finish, 0);
        row("GET 204", "GET", 1, Failure::None, 204, -1, true, false, Action::Finish, 0);
        row("GET 400", "GET", 1, Failure::None, 400, -1, true, false, Action::Finish, 0);
        row("GET 403", "GET", 1, Failure::None, 403, -1, true, false, Action::Finish, 0);
        row("GET 404", "GET", 1, Failure::None, 404, -1, true, false, Action::Finish, 0);
        row("POST 409", "POST", 1, Failure::None, 409, -1, true, false, Action::Finish, 0);
        row("PATCH 422", "PATCH", 1, Failure::None, 422, -1, true, false, Action::Finish, 0);
        // 5xx: idempotent methods back off exponentially until attempts run out.
        row("GET 500 #1", "GET", 1, Failure::None, 500, -1, true, false, Action::Retry, 100);
        row("GET 502 #2", "GET", 2, Failure::None, 502, -1, true, false, Action::Retry, 200);
        row("GET 503 #3", "GET", 3, Failure::None, 503, -1, true, false, Action::Retry, 400);
        row("GET 503 #4 exhausted", "GET", 4, Failure::None, 503, -1, true, false, Action::Finish, 0);
        row("GET 504", "GET", 1, Failure::None, 504, -1, true, false, Action::Retry, 100);
        row("GET 501 never changes", "GET", 1, Failure::None, 501, -1, true, false, Action::Finish, 0);
        row("GET 505 never changes", "GET", 1, Failure::None, 505, -1, true, false, Action::Finish, 0);
        row("get lower case", "get", 1, Failure::None, 500, -1, true, false, Action::Retry, 100);
        row("HEAD 500", "HEAD", 1, Failure::None, 500, -1, true, false, Action::Retry, 100);
        row("PUT 500", "PUT", 1, Failure::None, 500, -1, true, false, Action::Retry, 100);
        row("DELETE 500", "DELETE", 1, Failure::None, 500, -1, true, false, Action::Retry, 100);
        row("OPTIONS 500", "OPTIONS", 1, Failure::None, 500, -1, true, false, Action::Retry, 100);
        row("POST 500 body sent", "POST", 1, Failure::None, 500, -1, true, false, Action::Finish, 0);
        row("PATCH 503 body sent", "PATCH", 1, Failure::None, 503, -1, true, false, Action::Finish, 0);
        // 429 and Retry-After.
        row("GET 429", "GET", 1, Failure::None, 429, -1, true, false, Action::Retry, 100);
        row("GET 429 Retry-After 3s", "GET", 1, Failure::None, 429, 3000, true, false, Action::Retry, 3000);
        row("GET 429 Retry-After 0", "GET", 2, Failure::None, 429, 0, true, false, Action::Retry, 0);
        row("GET 503 Retry-After 2s", "GET", 1, Failure::None, 503, 2000, true, false, Action::Retry, 2000);
        row("GET 429 Retry-After too far", "GET", 1, Failure::None, 429, 200000, true, false, Action::Finish,
            0);
        row("GET 429 exhausted", "GET", 4, Failure::None, 429, 1000, true, false, Action::Finish, 0);
        row("DELETE 429", "DELETE", 1, Failure::None, 429, -1, true, false, Action::Retry, 100);
        row("POST 429", "POST", 1, Failure::None, 429, 1000, true, false, Action::Finish, 0);
        // 401: one re-sign, for every method, not counted against attempts.
        row("GET 401", "GET", 1, Failure::None, 401, -1, true, false, Action::Reauthenticate, 0);
        row("POST 401", "POST", 1, Failure::None, 401, -1, true, false, Action::Reauthenticate, 0);
        row("GET 401 at max attempts", "GET", 4, Failure::None, 401, -1, true, false, Action::Reauthenticate,
            0);
        row("GET 401 after re-sign", "GET", 2, Failure::None, 401, -1, true, true, Action::Finish, 0);
        row("GET 401 unauthenticated", "GET", 1, Failure::None, 401, -1, false, false, Action::Finish, 0);
        // Transport failures.
        row("GET connect failed", "GET", 1, Failure::ConnectFailed, 0, -1, true, false, Action::Retry, 100);
        row("POST connect failed", "POST", 1, Failure::ConnectFailed, 0, -1, true, false, Action::Retry, 100);
        row("PATCH connect failed #2", "PATCH", 2, Failure::ConnectFailed, 0, -1, true, false, Action::Retry,
            200);
        row("POST connect failed exhausted", "POST", 4, Failure::ConnectFailed, 0, -1, true, false,
            Action::Finish, 0);
        row("GET transport", "GET", 1, Failure::Transport, 0, -1, true, false, Action::Retry, 100);
        row("PUT transport", "PUT", 2, Failure::Transport, 0, -1, false, false, Action::Retry, 200);
        row("POST transport", "POST", 1, Failure::Transport, 0, -1, true, false, Action::Finish, 0);
        row("PATCH transport", "PATCH", 1, Failure::Transport, 0, -1, true, false, Action::Finish, 0);
        row("GET timeout", "GET", 1, Failure::Timeout, 0, -1, true, false, Action::Retry, 100);
        row("DELETE timeout #3", "DELETE", 3, Failure::Timeout, 0, -1, true, false, Action::Retry, 400);
        row("GET timeout exhausted", "GET", 4, Failure::Timeout, 0, -1, true, false, Action::Finish, 0);
        row("POST timeout", "POST", 1, Failure::Timeout, 0, -1, true, false, Action::Finish, 0);
    }

    void table()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, attempt);
        QFETCH(Failure, failure);
        QFETCH(int, status);
        QFETCH(int, retryAfterMs);
        QFETCH(bool, authenticated);
        QFETCH(bool, reauthenticated);
        QFETCH(Action, action);
        QFETCH(int, delayMs);

        AttemptOutcome outcome;
        outcome.method = method;
        outcome.attempt = attempt;
        outcome.failure = failure;
        outcome.httpStatus = status;
        if (retryAfterMs >= 0)
            outcome.retryAfter = Milliseconds(retryAfterMs);
        outcome.authenticated = authenticated;
        outcome.reauthenticated = reauthenticated;

        const RetryDecision decision = testPolicy().decide(outcome, 0.5);
        QCOMPARE(decision.action, action);
        QCOMPARE(int(decision.delay.count()), delayMs);
    }

    void backoffGrowsAndCaps()
    {
        const RetryPolicy policy = testPolicy();
        QCOMPARE(policy.backoff(1).count(), 100);
        QCOMPARE(policy.backoff(2).count(), 200);
        QCOMPARE(policy.backoff(4).count(), 800);
        QCOMPARE(policy.backoff(5).count(), 1000); // capped at maxDelay
        QCOMPARE(policy.backoff(30).count(), 1000);
    }

    void jitterStaysInBounds()
    {
        const RetryPolicy policy = testPolicy();
        QCOMPARE(policy.backoff(2, 0.0).count(), 150);  // -25 %
        QCOMPARE(policy.backoff(2, 1.0).count(), 250);  // +25 %
        QCOMPARE(policy.backoff(9, 1.0).count(), 1000); // never above maxDelay
        for (int i = 0; i <= 100; ++i) {
            const auto delay = policy.backoff(3, i / 100.0).count();
            QVERIFY(delay >= 300 && delay <= 500);
        }
        // Jitter applies to backoff, not to a server's Retry-After.
        AttemptOutcome outcome;
        outcome.httpStatus = 429;
        outcome.retryAfter = Milliseconds(700);
        QCOMPARE(policy.decide(outcome, 0.0).delay.count(), 700);
        outcome.retryAfter.reset();
        QCOMPARE(policy.decide(outcome, 0.0).delay.count(), 75);
    }

    void noRetries()
    {
        AttemptOutcome outcome;
        outcome.httpStatus = 503;
        QCOMPARE(RetryPolicy::noRetries().decide(outcome).action, Action::Finish);
        // The 401 re-sign is about credentials, not retries, and still happens.
        outcome.httpStatus = 401;
        QCOMPARE(RetryPolicy::noRetries().decide(outcome).action, Action::Reauthenticate);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedMs"); // -1: unparseable
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray("  5 ") << qint64(5000);
        QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
        QTest::newRow("words") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("http date") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << qint64(30000);
        QTest::newRow("http date numeric zone")
            << QByteArray("Wed, 21 Oct 2015 09:29:00 +0200") << qint64(60000);
        QTest::newRow("http date in the past") << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT") << qint64(0);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        const auto parsed = RetryPolicy::parseRetryAfter(value, now);
        if (expectedMs < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(parsed->count(), expectedMs);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
