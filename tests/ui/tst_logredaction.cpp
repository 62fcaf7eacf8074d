// The one redaction function, the ring buffer of log messages, the message handler that feeds it, and the
// log viewer's filters and saved file: no secret gets through any of them.

#include "../../src/app/logcapture.h"
#include "core/auth/apikey.h"
#include "core/auth/jwtsigner.h"
#include "core/webhooks/webhooksecrets.h"
#include "ui/logbuffer.h"
#include "ui/logredaction.h"
#include "ui/logviewer.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ascend::ui::LogBuffer;
using ascend::ui::LogEntry;
using ascend::ui::redactSecrets;

Q_LOGGING_CATEGORY(lcTestApi, "ascend.testapi")

namespace {

QStringList g_forwarded; // what the message handler passed on to the previous handler

void recordingHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_forwarded << message;
}

} // namespace

class TestLogRedaction : public QObject {
    Q_OBJECT

private:
    ascend::auth::ApiKey m_key;
    QByteArray m_jwt;

private slots:
    void initTestCase()
    {
        QString error;
        m_key = ascend::auth::ApiKey::generate(&error);
        QVERIFY2(m_key.isValid(), qPrintable(error));
        ascend::auth::JwtClaims claims;
        claims.keyId = QStringLiteral("ABCDE12345");
        claims.issuerId = QStringLiteral("57246542-96fe-1a63-e053-0824d011072a");
        m_jwt = ascend::auth::signJwt(m_key, claims, QDateTime::currentSecsSinceEpoch(), &error);
        QVERIFY2(m_jwt.startsWith("eyJ") && m_jwt.count('.') == 2, qPrintable(error));
    }

    void authorizationHeaders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header") << QStringLiteral("GET /v1/apps Authorization: Bearer abc.def-ghi_123")
                                << QStringLiteral("GET /v1/apps Authorization: Bearer [redacted]");
        QTest::newRow("lowercase, no space") << QStringLiteral("authorization:bearer QWERTY==")
                                             << QStringLiteral("authorization:bearer [redacted]");
        QTest::newRow("json") << QStringLiteral("{\"Authorization\": \"Bearer xyz123\", \"x\": 1}")
                              << QStringLiteral("{\"Authorization\": \"Bearer [redacted]\", \"x\": 1}");
        QTest::newRow("basic") << QStringLiteral("Proxy-Authorization: Basic dXNlcjpwYXNz")
                               << QStringLiteral("Proxy-Authorization: Basic [redacted]");
        QTest::newRow("no scheme") << QStringLiteral("Authorization=s3cr3tvalue; next")
                                   << QStringLiteral("Authorization=[redacted]; next");
        QTest::newRow("bare bearer") << QStringLiteral("retrying with Bearer Zm9vYmFy/+= after 401")
                                     << QStringLiteral("retrying with Bearer [redacted] after 401");
    }

    void authorizationHeaders()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(redactSecrets(text), expected);
    }

    void realJwtIsRemoved()
    {
        const QString jwt = QString::fromLatin1(m_jwt);
        const QString text = QStringLiteral("token %1 expires in 20 minutes").arg(jwt);
        const QString redacted = redactSecrets(text);
        QVERIFY2(!redacted.contains(jwt.section(QLatin1Char('.'), 1, 1)), qPrintable(redacted));
        QVERIFY(!redacted.contains(QStringLiteral("eyJ")));
        QVERIFY(redacted.startsWith(QStringLiteral("token [redacted")));
        QVERIFY(redacted.endsWith(QStringLiteral(" expires in 20 minutes")));
        // Also inside a header and a URL query.
        for (const QString &form :
             {QStringLiteral("Authorization: Bearer %1"), QStringLiteral("?jwt=%1&x=1")}) {
            const QString out = redactSecrets(form.arg(jwt));
            QVERIFY2(!out.contains(QStringLiteral("eyJ")), qPrintable(out));
        }
    }

    void privateKeyBlocks()
    {
        const QString pem = QString::fromLatin1(m_key.privateKeyPem());
        const QString body = pem.split(QLatin1Char('\n')).value(1);
        QVERIFY(body.size() > 20);
        const QString text = QStringLiteral("loaded key:\n%1\nand went on").arg(pem);
        const QString redacted = redactSecrets(text);
        QVERIFY2(!redacted.contains(body), qPrintable(redacted));
        QVERIFY(redacted.contains(
            QStringLiteral("-----BEGIN PRIVATE KEY----- [redacted] -----END PRIVATE KEY-----")));
        QVERIFY(redacted.endsWith(QStringLiteral("and went on")));
        // A block cut off before its END line is removed to the end.
        const QString cut = redactSecrets(QStringLiteral("oops -----BEGIN EC PRIVATE KEY-----\n") + body);
        QVERIFY2(!cut.contains(body), qPrintable(cut));
        QVERIFY(cut.startsWith(QStringLiteral("oops -----BEGIN EC PRIVATE KEY----- [redacted]")));
    }

    void webhookSignaturesAndSecrets()
    {
        const QString secret = QString::fromLatin1(ascend::webhooks::generateSecret());
        QVERIFY(secret.size() >= 32);
        QCOMPARE(redactSecrets(QStringLiteral("x-apple-signature: hmacsha256=9f86d081884c7d65")),
                 QStringLiteral("x-apple-signature: [redacted]"));
        QCOMPARE(redactSecrets(QStringLiteral("{\"X-Apple-SIGNATURE\":\"hmacsha256=abc\"}")),
                 QStringLiteral("{\"X-Apple-SIGNATURE\":\"[redacted]\"}"));
        const QString json =
            QStringLiteral(
                "{\"data\":{\"attributes\":{\"name\":\"CI\",\"secret\":\"%1\",\"url\":\"https://x\"}}}")
                .arg(secret);
        const QString redactedJson = redactSecrets(json);
        QVERIFY2(!redactedJson.contains(secret), qPrintable(redactedJson));
        QVERIFY(redactedJson.contains(QStringLiteral("\"secret\":\"[redacted]\"")));
        QVERIFY(redactedJson.contains(QStringLiteral("\"url\":\"https://x\"")));
        QCOMPARE(redactSecrets(QStringLiteral("webhookSecret=%1 name=CI").arg(secret)),
                 QStringLiteral("webhookSecret=[redacted] name=CI"));
        QCOMPARE(redactSecrets(QStringLiteral("access_token: abc123, password='hunter2'")),
                 QStringLiteral("access_token: [redacted], password=[redacted]"));

        // A secret without a label is caught once Ascend knows it.
        const QString bare = QStringLiteral("delivered with %1 attached").arg(secret);
        QCOMPARE(redactSecrets(bare), bare);
        ascend::ui::addRedactedValue(secret);
        QCOMPARE(redactSecrets(bare), QStringLiteral("delivered with [redacted] attached"));
        ascend::ui::removeRedactedValue(secret);
        QCOMPARE(redactSecrets(bare), bare);
    }

    void ordinaryTextIsLeftAlone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("upload") << QStringLiteral(
            "Part 3 of 12 sent (4.0 MiB) to https://upload.example/part/3");
        QTest::newRow("prose") << QStringLiteral(
            "Secrets are kept in the system keychain; the token is renewed.");
        QTest::newRow("json") << QStringLiteral(
            "{\"type\":\"apps\",\"id\":\"123\",\"attributes\":{\"bundleId\":\"com.x\"}}");
        QTest::newRow("header") << QStringLiteral("X-Rate-Limit: user-hour-lim:3600;user-hour-rem:3598;");
        QTest::newRow("base64 word") << QStringLiteral("eyJ alone is not a token");
    }

    void ordinaryTextIsLeftAlone()
    {
        QFETCH(QString, text);
        QCOMPARE(redactSecrets(text), text);
    }

    void ringBufferKeepsTheNewest()
    {
        LogBuffer buffer(4);
        QSignalSpy added(&buffer, &LogBuffer::entriesAdded);
        for (int i = 1; i <= 10; ++i)
            buffer.append(QtInfoMsg, QStringLiteral("ascend.test"), QStringLiteral("message %1").arg(i));
        QCOMPARE(buffer.count(), 4);
        QCOMPARE(buffer.lastSequence(), quint64(10));
        const QList<LogEntry> all = buffer.entries();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.first().message, QStringLiteral("message 7"));
        QCOMPARE(all.last().message, QStringLiteral("message 10"));
        QCOMPARE(all.last().sequence, quint64(10));
        const QList<LogEntry> newer = buffer.entries(8);
        QCOMPARE(newer.size(), 2);
        QCOMPARE(newer.first().sequence, quint64(9));
        // Ten appends in one turn of the event loop: one notification.
        QTRY_COMPARE(added.size(), 1);
        QTest::qWait(20);
        QCOMPARE(added.size(), 1);
        buffer.clear();
        QCOMPARE(buffer.count(), 0);
        QVERIFY(buffer.entries().isEmpty());
    }

    void bufferStoresRedactedTextFromAnyThread()
    {
        LogBuffer buffer(100);
        const QString jwt = QString::fromLatin1(m_jwt);
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads << QThread::create([&buffer, jwt, t] {
                for (int i = 0; i < 25; ++i)
                    buffer.append(QtWarningMsg, QStringLiteral("ascend.api"),
                                  QStringLiteral("thread %1 Authorization: Bearer %2").arg(t).arg(jwt));
            });
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(10000));
            delete thread;
        }
        const QList<LogEntry> entries = buffer.entries();
        QCOMPARE(entries.size(), 100);
        for (const LogEntry &entry : entries) {
            QVERIFY2(!entry.message.contains(QStringLiteral("eyJ")), qPrintable(entry.message));
            QVERIFY(entry.message.endsWith(QStringLiteral("Authorization: Bearer [redacted]")));
        }
        QCOMPARE(LogBuffer::format(entries.first()).section(QLatin1Char(' '), 2, 3),
                 QStringLiteral("warning ascend.api:"));
    }

    void messageHandlerRedactsBeforeAnythingSeesIt()
    {
        g_forwarded.clear();
        const QtMessageHandler before = qInstallMessageHandler(recordingHandler);
        ascend::app::installLogCapture();
        const quint64 last = LogBuffer::instance()->lastSequence();
        const QString pem = QString::fromLatin1(m_key.privateKeyPem());
        qWarning("request failed, Authorization: Bearer %s", m_jwt.constData());
        qCInfo(lcTestApi) << "key file was" << pem;
        qCDebug(lcTestApi, "x-apple-signature: hmacsha256=00ff00ff00ff");
        ascend::app::uninstallLogCapture();
        qInstallMessageHandler(before);

        const QList<LogEntry> entries = LogBuffer::instance()->entries(last);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).type, QtWarningMsg);
        QCOMPARE(entries.at(0).category, QStringLiteral("default"));
        QCOMPARE(entries.at(0).message, QStringLiteral("request failed, Authorization: Bearer [redacted]"));
        QCOMPARE(entries.at(1).category, QStringLiteral("ascend.testapi"));
        QCOMPARE(entries.at(1).type, QtInfoMsg);
        QCOMPARE(entries.at(2).type, QtDebugMsg);
        QCOMPARE(g_forwarded.size(), 3);
        const QString body = pem.split(QLatin1Char('\n')).value(1);
        for (const QString &line : std::as_const(g_forwarded) + QStringList{entries.at(1).message}) {
            QVERIFY2(!line.contains(QStringLiteral("eyJ")), qPrintable(line));
            QVERIFY2(!line.contains(body), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("00ff00ff")), qPrintable(line));
        }
    }

    void viewerFiltersCopiesAndSaves()
    {
        LogBuffer buffer(50);
        buffer.append(QtDebugMsg, QStringLiteral("ascend.http"), QStringLiteral("GET /v1/apps 200"));
        buffer.append(QtInfoMsg, QStringLiteral("ascend.upload"), QStringLiteral("part 1 of 3 sent"));
        buffer.append(
            QtWarningMsg, QStringLiteral("ascend.api"),
            QStringLiteral("retry after 429, Authorization: Bearer %1").arg(QString::fromLatin1(m_jwt)));
        buffer.append(QtCriticalMsg, QStringLiteral("ascend.upload"), QStringLiteral("part 2 failed"));

        ascend::ui::LogViewer viewer(&buffer);
        QCOMPARE(viewer.visibleCount(), 4);
        QCOMPARE(viewer.categoryFilter()->count(), 4); // all + three categories
        viewer.setLevel(ascend::ui::LogViewer::WarningsAndAbove);
        QCOMPARE(viewer.visibleCount(), 2);
        viewer.setLevel(ascend::ui::LogViewer::AllLevels);
        viewer.setCategory(QStringLiteral("ascend.upload"));
        QCOMPARE(viewer.visibleCount(), 2);
        viewer.setCategory(QString());
        viewer.searchField()->setText(QStringLiteral("FAILED"));
        QCOMPARE(viewer.visibleCount(), 1);
        QVERIFY(
            viewer.visibleLines().first().endsWith(QStringLiteral("critical ascend.upload: part 2 failed")));
        viewer.searchField()->clear();

        // New messages appear while the viewer is open.
        buffer.append(QtInfoMsg, QStringLiteral("ascend.webhooks"), QStringLiteral("listener started"));
        QTRY_COMPARE(viewer.visibleCount(), 5);
        QCOMPARE(viewer.categoryFilter()->count(), 5);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ascend.log"));
        QString error;
        QVERIFY2(viewer.saveTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QCOMPARE(saved.count('\n'), 5);
        QVERIFY(saved.contains("warning ascend.api: retry after 429, Authorization: Bearer [redacted]"));
        QVERIFY(!saved.contains("eyJ"));

        viewer.clearLog();
        QCOMPARE(viewer.visibleCount(), 0);
    }
};

QTEST_MAIN(TestLogRedaction)
#include "tst_logredaction.moc"
