#include "core/auth/filesecretstore.h"
#include "core/webhooks/webhooksecrets.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend;
using namespace ascend::webhooks;

class TstWebhookSecrets : public QObject {
    Q_OBJECT

private slots:
    void generatedSecretsAreRandomBase64Url()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 50; ++i) {
            const QByteArray secret = generateSecret();
            QCOMPARE(secret.size(), 43);
            QVERIFY(!secret.contains('=') && !secret.contains('+') && !secret.contains('/'));
            const QByteArray raw = QByteArray::fromBase64(secret, QByteArray::Base64UrlEncoding |
                                                                      QByteArray::OmitTrailingEquals);
            QCOMPARE(raw.size(), 32);
            seen.insert(secret);
        }
        QCOMPARE(seen.size(), 50);
    }

    void storeRoundTrip()
    {
        QTemporaryDir dir;
        auth::FileSecretStore store(dir.path());
        WebhookSecrets secrets(store);
        QString error;
        QVERIFY2(secrets.save(QStringLiteral("w1"), "one", &error), qPrintable(error));
        QVERIFY(secrets.save(QStringLiteral("w2"), "two", &error));
        QCOMPARE(secrets.secret(QStringLiteral("w1"), &error), std::optional<QByteArray>("one"));
        QStringList missing;
        QCOMPARE(secrets.secretsFor({"w1", "w3", "w2"}, &missing), (QList<QByteArray>{"one", "two"}));
        QCOMPARE(missing, QStringList{"w3"});
        QVERIFY(secrets.remove(QStringLiteral("w1"), &error));
        QVERIFY(!secrets.secret(QStringLiteral("w1"), &error));
    }

    void filesAndEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cret\n");
        file.close();
        QString error;
        QCOMPARE(readSecretFile(path, &error), std::optional<QByteArray>("s3cret"));
        QVERIFY(!readSecretFile(dir.filePath(QStringLiteral("none")), &error));
        QVERIFY(!error.contains(QStringLiteral("s3cret")));
        qputenv("ASCEND_TEST_WEBHOOK_SECRET", "from-env");
        QCOMPARE(readSecretEnv(QStringLiteral("ASCEND_TEST_WEBHOOK_SECRET"), &error),
                 std::optional<QByteArray>("from-env"));
        qunsetenv("ASCEND_TEST_WEBHOOK_SECRET");
        QVERIFY(!readSecretEnv(QStringLiteral("ASCEND_TEST_WEBHOOK_SECRET"), &error));
    }
};

QTEST_GUILESS_MAIN(TstWebhookSecrets)
#include "tst_webhooksecrets.moc"
