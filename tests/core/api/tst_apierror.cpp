// ApiError::message(): the server's words first, then what to do.

#include "core/api/apierror.h"

#include <QTest>

using namespace ascend::api;
using ascend::jsonapi::Error;

class TestApiError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void serverWordsAndAdvice_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("advice");
        QTest::newRow("400") << 400 << QStringLiteral("PARAMETER_ERROR.INVALID")
                             << QStringLiteral("check the values");
        QTest::newRow("401") << 401 << QStringLiteral("NOT_AUTHORIZED")
                             << QStringLiteral("issuer ID, key ID and private key");
        QTest::newRow("403") << 403 << QStringLiteral("FORBIDDEN_ERROR") << QStringLiteral("role");
        QTest::newRow("404") << 404 << QStringLiteral("NOT_FOUND") << QStringLiteral("deleted");
        QTest::newRow("409") << 409 << QStringLiteral("ENTITY_ERROR.ATTRIBUTE.INVALID")
                             << QStringLiteral("Refresh and try again");
        QTest::newRow("422") << 422 << QStringLiteral("ENTITY_UNPROCESSABLE")
                             << QStringLiteral("correct them");
        QTest::newRow("429") << 429 << QStringLiteral("RATE_LIMIT_EXCEEDED")
                             << QStringLiteral("hourly request budget");
        QTest::newRow("500") << 500 << QStringLiteral("UNEXPECTED_ERROR")
                             << QStringLiteral("Try again in a few minutes");
        QTest::newRow("503") << 503 << QStringLiteral("SERVICE_UNAVAILABLE")
                             << QStringLiteral("Try again in a few minutes");
    }

    void serverWordsAndAdvice()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, advice);
        const ApiError error =
            ApiError::http(status, {Error::make(status, code, QStringLiteral("Server title %1").arg(status),
                                                QStringLiteral("Server detail."))});
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QCOMPARE(error.code(), code);
        const QString message = error.message();
        QVERIFY2(message.startsWith(QStringLiteral("Server title %1: Server detail. (HTTP %1)").arg(status)),
                 qPrintable(message));
        QVERIFY2(message.contains(advice), qPrintable(message));
    }

    void severalErrorsAreJoined()
    {
        const ApiError error = ApiError::http(
            409, {Error::make(409, QStringLiteral("A"), QStringLiteral("First"), QStringLiteral("one")),
                  Error::make(409, QStringLiteral("B"), QStringLiteral("Second"), QStringLiteral("two")),
                  Error::make(409, QStringLiteral("A"), QStringLiteral("First"), QStringLiteral("one"))});
        QVERIFY(error.message().startsWith(QStringLiteral("First: one; Second: two (HTTP 409)")));
        QVERIFY(error.hasCode(QStringLiteral("B")));
        QVERIFY(!error.hasCode(QStringLiteral("C")));
    }

    void httpWithoutBody()
    {
        const QString message = ApiError::http(502, {}).message();
        QVERIFY(message.contains(QStringLiteral("HTTP status 502")));
        QVERIFY(message.contains(QStringLiteral("Try again in a few minutes")));
    }

    void otherKinds()
    {
        const QUrl url(QStringLiteral("https://api.appstoreconnect.apple.com/v1/apps"));
        const QString network = ApiError::network(QStringLiteral("Connection refused"), url).message();
        QVERIFY(network.contains(
            QStringLiteral("The connection to api.appstoreconnect.apple.com failed: Connection refused.")));
        QVERIFY(network.contains(QStringLiteral("internet connection")));

        const QString timeout =
            ApiError::timeout(QStringLiteral("No progress for 60 seconds."), url).message();
        QVERIFY(timeout.contains(QStringLiteral("did not answer in time")));
        QVERIFY(timeout.contains(QStringLiteral("60 seconds")));

        QVERIFY(ApiError::decode(QStringLiteral("invalid JSON at offset 3"), 200)
                    .message()
                    .contains(QStringLiteral("invalid JSON at offset 3")));
        QVERIFY(ApiError::auth(QStringLiteral("the key file AuthKey_X.p8 does not exist"))
                    .message()
                    .contains(QStringLiteral("AuthKey_X.p8")));
        QCOMPARE(ApiError::config(QStringLiteral("limit 500 is out of range")).message(),
                 QStringLiteral("limit 500 is out of range"));
        QCOMPARE(ApiError::cancelled().message(), QStringLiteral("The request was cancelled."));
        QVERIFY(ApiError().message().isEmpty());
        QVERIFY(!ApiError().isError());
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
