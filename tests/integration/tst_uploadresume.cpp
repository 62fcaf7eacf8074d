// Crash safety: `ascendctl upload` is killed with SIGKILL midway, run again with --resume, and the
// simulator's --record shows that the second run sent exactly the parts the journal lacked; the stored
// file is byte-identical to the original.

#include "core/store/uploadjournal.h"
#include "core/upload/filehash.h"
#include "core/upload/sampleipa.h"
#include "simfixture.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace ascend;

class TestUploadResume : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcessEnvironment environment(const testing::SimFixture &sim) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ASC_KEY_ID"), sim.info().keyId);
        env.insert(QStringLiteral("ASC_ISSUER_ID"), sim.info().issuerId);
        env.insert(QStringLiteral("ASC_BASE_URL"), sim.info().baseUrl);
        env.insert(QStringLiteral("ASC_PRIVATE_KEY"), QString::fromLatin1(sim.info().privateKeyPem));
        env.insert(QStringLiteral("ASCEND_CONFIG_DIR"), m_dir.filePath(QStringLiteral("config")));
        return env;
    }

    static QList<QJsonObject> recordLines(const QString &path)
    {
        QFile file(path);
        QList<QJsonObject> lines;
        if (!file.open(QIODevice::ReadOnly))
            return lines;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        }
        return lines;
    }

private slots:
    void killedThenResumed()
    {
        const QString record = m_dir.filePath(QStringLiteral("record.jsonl"));
        const QString data = m_dir.filePath(QStringLiteral("sim"));
        testing::SimFixture sim;
        // 64 KiB parts at 256 KiB/s per connection: a quarter second per part, so the kill lands midway.
        QVERIFY(sim.start({QStringLiteral("--data-dir"), data, QStringLiteral("--record"), record,
                           QStringLiteral("--part-size"), QStringLiteral("65536"),
                           QStringLiteral("--part-bandwidth"), QStringLiteral("262144"),
                           QStringLiteral("--processing-seconds"), QStringLiteral("1")}));

        upload::SampleIpaSpec spec;
        spec.appName = QStringLiteral("Trailhead");
        spec.bundleId = QStringLiteral("com.ascend.demo.trailhead");
        spec.shortVersion = QStringLiteral("9.0");
        spec.bundleVersion = QStringLiteral("900");
        spec.executableBytes = 2 * 1024 * 1024;
        const QString ipa = m_dir.filePath(QStringLiteral("Trailhead.ipa"));
        QString error;
        QVERIFY2(upload::writeSampleIpa(ipa, spec, &error), qPrintable(error));
        const qint64 size = QFileInfo(ipa).size();
        const int partCount = int((size + 65535) / 65536);

        // First run: killed after some parts are done.
        QProcess first;
        first.setProcessEnvironment(environment(sim));
        first.start(QStringLiteral(ASCENDCTL_BINARY),
                    {QStringLiteral("upload"), ipa, QStringLiteral("--parallel"), QStringLiteral("2")});
        QVERIFY(first.waitForStarted());
        QByteArray stderrText;
        static const QRegularExpression doneLine(QStringLiteral("^part \\d+/\\d+ done"),
                                                 QRegularExpression::MultilineOption);
        QElapsedTimer clock;
        clock.start();
        while (QString::fromUtf8(stderrText).count(doneLine) < 8 && clock.elapsed() < 60000 &&
               first.state() == QProcess::Running) {
            first.waitForReadyRead(200);
            stderrText += first.readAllStandardError();
        }
        QVERIFY2(first.state() == QProcess::Running, stderrText.constData());
        first.kill(); // SIGKILL
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);

        store::UploadJournal journal;
        QVERIFY(journal.open(m_dir.filePath(QStringLiteral("config/uploads.sqlite")), &error));
        const auto entry = journal.findUnfinished(QFileInfo(ipa).absoluteFilePath());
        QVERIFY(entry);
        const QSet<int> journaled = entry->doneParts;
        QVERIFY2(journaled.size() >= 8 && journaled.size() < partCount,
                 qPrintable(QStringLiteral("%1 of %2").arg(journaled.size()).arg(partCount)));
        const QString partPrefix = QStringLiteral("/upload-parts/%1/").arg(entry->buildUploadFileId);
        const qsizetype linesBefore = recordLines(record).size();
        // Every journaled part had been acknowledged by the server in the first run.
        QSet<int> acknowledged;
        for (const QJsonObject &line : recordLines(record)) {
            const QString path = line.value(QStringLiteral("path")).toString();
            if (path.startsWith(partPrefix) && line.value(QStringLiteral("status")).toInt() == 200)
                acknowledged.insert(path.mid(partPrefix.size()).toInt() - 1);
        }
        QVERIFY(acknowledged.contains(journaled));

        // Second run: resume and wait for processing.
        QProcess second;
        second.setProcessEnvironment(environment(sim));
        second.start(QStringLiteral(ASCENDCTL_BINARY),
                     {QStringLiteral("--json"), QStringLiteral("upload"), ipa, QStringLiteral("--resume"),
                      QStringLiteral("--wait"), QStringLiteral("--parallel"), QStringLiteral("2")});
        QVERIFY(second.waitForFinished(120000));
        const QByteArray secondErr = second.readAllStandardError();
        QVERIFY2(second.exitCode() == 0, secondErr.constData());
        const QJsonObject result = QJsonDocument::fromJson(second.readAllStandardOutput()).object();
        QCOMPARE(result.value(QStringLiteral("state")).toString(), QStringLiteral("COMPLETE"));
        QCOMPARE(result.value(QStringLiteral("resumed")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("buildUploadId")).toString(), entry->buildUploadId);
        QCOMPARE(result.value(QStringLiteral("buildUploadFileId")).toString(), entry->buildUploadFileId);
        QVERIFY(!result.value(QStringLiteral("buildId")).toString().isEmpty());
        QCOMPARE(result.value(QStringLiteral("md5")).toString(), upload::fileMd5Hex(ipa));
        QCOMPARE(result.value(QStringLiteral("bytes")).toInteger(), size);
        QVERIFY(secondErr.contains("Resuming"));

        // The second run sent exactly the parts the journal lacked, each once.
        QList<int> sentAgain;
        const auto lines = recordLines(record);
        for (qsizetype i = linesBefore; i < lines.size(); ++i) {
            const QString path = lines[i].value(QStringLiteral("path")).toString();
            if (path.startsWith(partPrefix)) {
                QCOMPARE(lines[i].value(QStringLiteral("status")).toInt(), 200);
                QVERIFY(!lines[i]
                             .value(QStringLiteral("requestHeaders"))
                             .toObject()
                             .contains(QStringLiteral("Authorization")));
                sentAgain << path.mid(partPrefix.size()).toInt() - 1;
            }
        }
        QSet<int> missing;
        for (int i = 0; i < partCount; ++i) {
            if (!journaled.contains(i))
                missing.insert(i);
        }
        QCOMPARE(QSet<int>(sentAgain.cbegin(), sentAgain.cend()), missing);
        QCOMPARE(sentAgain.size(), missing.size());
        QCOMPARE(result.value(QStringLiteral("partsSent")).toInt(), int(missing.size()));

        // Byte-identical storage.
        const QString stored =
            data + QStringLiteral("/uploads/") + entry->buildUploadFileId + QStringLiteral(".bin");
        QCOMPARE(upload::fileSha256Hex(stored), upload::fileSha256Hex(ipa));
        QVERIFY(journal.unfinished().isEmpty());

        // Every API exchange of both runs matches the spec's schemas. The presigned part URLs are the
        // simulator's own (the spec has no path for them), so they are left out.
        const QString apiRecord = m_dir.filePath(QStringLiteral("record-api.jsonl"));
        QFile filtered(apiRecord);
        QVERIFY(filtered.open(QIODevice::WriteOnly));
        int apiLines = 0;
        for (const QJsonObject &line : recordLines(record)) {
            if (line.value(QStringLiteral("path")).toString().startsWith(QLatin1String("/upload-parts/")))
                continue;
            filtered.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
            ++apiLines;
        }
        filtered.close();
        QVERIFY(apiLines >= 8);
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral(ASCEND_RECORD_VALIDATOR), QStringLiteral("--spec"),
                         QStringLiteral(ASCEND_SPEC_FILE), QStringLiteral("--record"), apiRecord});
        QVERIFY(validator.waitForFinished(60000));
        const QByteArray report = validator.readAll();
        QVERIFY2(validator.exitCode() == 0, report.constData());
        QVERIFY(report.contains("BuildUploadFileResponse"));
    }
};

QTEST_GUILESS_MAIN(TestUploadResume)
#include "tst_uploadresume.moc"
