// The resume journal: entries, reservations, done parts and states survive closing and reopening.

#include "core/store/uploadjournal.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ascend::store;

class TestUploadJournal : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal/uploads.sqlite"));
        qint64 row = 0;
        const QJsonArray operations{QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                                                {QStringLiteral("url"), QStringLiteral("http://x/1")},
                                                {QStringLiteral("offset"), 0},
                                                {QStringLiteral("length"), 10}},
                                    QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                                                {QStringLiteral("url"), QStringLiteral("http://x/2")},
                                                {QStringLiteral("offset"), 10},
                                                {QStringLiteral("length"), 5}}};
        {
            UploadJournal journal;
            QString error;
            QVERIFY2(journal.open(path, &error), qPrintable(error));
            JournalEntry entry;
            entry.filePath = QStringLiteral("/builds/App.ipa");
            entry.fileSize = 15;
            entry.fileModifiedMs = 1234;
            entry.appId = QStringLiteral("42");
            entry.bundleId = QStringLiteral("com.example");
            entry.buildUploadId = QStringLiteral("upload-1");
            const auto added = journal.add(entry);
            QVERIFY2(added, qPrintable(journal.lastError()));
            row = *added;
            QVERIFY(journal.setReservation(row, QStringLiteral("upload-1"), QStringLiteral("file-1"),
                                           operations));
            QVERIFY(journal.markPartDone(row, 1));
            QVERIFY(journal.markPartDone(row, 1)); // idempotent
            QVERIFY(journal.setFileMd5(row, QStringLiteral("abc")));
        }
        UploadJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        const auto entry = journal.findUnfinished(QStringLiteral("/builds/App.ipa"));
        QVERIFY(entry);
        QCOMPARE(entry->row, row);
        QCOMPARE(entry->state, QString::fromLatin1(UploadJournal::StateUploading));
        QCOMPARE(entry->buildUploadFileId, QStringLiteral("file-1"));
        QCOMPARE(entry->operations, operations);
        QCOMPARE(entry->doneParts, (QSet<int>{1}));
        QCOMPARE(entry->fileMd5, QStringLiteral("abc"));
        QCOMPARE(entry->fileSize, qint64(15));
        QCOMPARE(entry->fileModifiedMs, qint64(1234));
        QCOMPARE(journal.unfinished().size(), 1);

        QVERIFY(journal.setState(row, QString::fromLatin1(UploadJournal::StateComplete)));
        QVERIFY(!journal.findUnfinished(QStringLiteral("/builds/App.ipa")));
        QVERIFY(journal.unfinished().isEmpty());
        QCOMPARE(journal.all().size(), 1);
        QVERIFY(journal.entry(row)->isFinished());
        QVERIFY(journal.remove(row));
        QVERIFY(journal.all().isEmpty());
    }

    void newestUnfinishedWins()
    {
        UploadJournal journal;
        QString error;
        QVERIFY(journal.open(QStringLiteral(":memory:"), &error));
        JournalEntry entry;
        entry.filePath = QStringLiteral("/a.ipa");
        const qint64 first = *journal.add(entry);
        const qint64 second = *journal.add(entry);
        QCOMPARE(journal.findUnfinished(QStringLiteral("/a.ipa"))->row, second);
        QVERIFY(journal.setState(second, QString::fromLatin1(UploadJournal::StateCancelled),
                                 QStringLiteral("by hand")));
        QCOMPARE(journal.findUnfinished(QStringLiteral("/a.ipa"))->row, first);
        QCOMPARE(journal.entry(second)->message, QStringLiteral("by hand"));
    }
};

QTEST_GUILESS_MAIN(TestUploadJournal)
#include "tst_uploadjournal.moc"
