#include "core/webhooks/signature.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend::webhooks;

class TstSignature : public QObject {
    Q_OBJECT

private slots:
    void appleDocumentedVector()
    {
        const QByteArray expected =
            "hmacsha256=7f062172b01cb00b53ca068614674a3d982a34062a0f5d37687d5e3377e54657";
        QCOMPARE(signatureHeaderValue("This is my secret", "Hello, World!"), expected);
        const auto result = verifySignature(expected, "Hello, World!", {"This is my secret"});
        QVERIFY(result.ok());
        QCOMPARE(result.secretIndex, 0);
    }

    void hexAndPrefixAreCaseInsensitive()
    {
        const QByteArray upper =
            "HMACSHA256=7F062172B01CB00B53CA068614674A3D982A34062A0F5D37687D5E3377E54657";
        QVERIFY(verifySignature(upper, "Hello, World!", {"This is my secret"}).ok());
        QVERIFY(verifySignature("  " + upper + " ", "Hello, World!", {"This is my secret"}).ok());
    }

    void triesEveryCandidate()
    {
        const QByteArray body = R"({"data":{"type":"x","id":"1"}})";
        const QByteArray header = signatureHeaderValue("second", body);
        const auto result = verifySignature(header, body, {"first", "second", "third"});
        QVERIFY(result.ok());
        QCOMPARE(result.secretIndex, 1);
        QCOMPARE(verifySignature(header, body, {"first", "third"}).verdict, SignatureVerdict::Mismatch);
        QCOMPARE(verifySignature(header, body, {}).verdict, SignatureVerdict::NoSecrets);
    }

    void badHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("verdict");
        const QByteArray good = signatureHeaderValue("s", "body");
        QTest::newRow("empty") << QByteArray() << int(SignatureVerdict::Missing);
        QTest::newRow("blank") << QByteArray("   ") << int(SignatureVerdict::Missing);
        QTest::newRow("no prefix") << good.mid(11) << int(SignatureVerdict::Malformed);
        QTest::newRow("other algorithm") << "hmacsha1=" + good.mid(11) << int(SignatureVerdict::Malformed);
        QTest::newRow("short") << good.chopped(2) << int(SignatureVerdict::Malformed);
        QTest::newRow("long") << good + "00" << int(SignatureVerdict::Malformed);
        QTest::newRow("non-hex") << good.chopped(1) + "g" << int(SignatureVerdict::Malformed);
        QByteArray flipped = good;
        flipped[20] = flipped[20] == 'a' ? 'b' : 'a';
        QTest::newRow("one digit off") << flipped << int(SignatureVerdict::Mismatch);
        QTest::newRow("other body") << signatureHeaderValue("s", "body2") << int(SignatureVerdict::Mismatch);
    }

    void badHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, verdict);
        QCOMPARE(int(verifySignature(header, "body", {"s"}).verdict), verdict);
    }

    void bodyBytesAreUsedExactly()
    {
        const QByteArray body = "{\"a\": 1}\n";
        const QByteArray header = signatureHeaderValue("k", body);
        QVERIFY(verifySignature(header, body, {"k"}).ok());
        QVERIFY(!verifySignature(header, body.trimmed(), {"k"}).ok());
    }

    void constantTimeEquals()
    {
        QVERIFY(ascend::webhooks::constantTimeEquals("abc", "abc"));
        QVERIFY(!ascend::webhooks::constantTimeEquals("abc", "abd"));
        QVERIFY(!ascend::webhooks::constantTimeEquals("abc", "abcd"));
        QVERIFY(ascend::webhooks::constantTimeEquals("", ""));
    }

    // Cross-checked against the openssl command line, an independent implementation.
    void matchesOpensslCli()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl command line not installed");
        const QByteArray secret = "a secret with spaces and ünïcode";
        QByteArray body;
        for (int i = 0; i < 5000; ++i)
            body.append(char(i * 7 % 256));
        QProcess process;
        process.start(openssl, {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-hmac"),
                                QString::fromUtf8(secret), QStringLiteral("-r")});
        QVERIFY(process.waitForStarted());
        process.write(body);
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished());
        const QByteArray hex = process.readAllStandardOutput().split(' ').first().trimmed();
        QCOMPARE(hmacSha256Hex(secret, body), hex);
    }
};

QTEST_GUILESS_MAIN(TstSignature)
#include "tst_signature.moc"
