// StreamingMd5: the whole file's MD5 whether the bytes come from offered blocks, from its own reads, or a
// mix (blocks in order, straddling, ahead, behind, a full queue); errors for a short file; stopping early.

#include "core/upload/filehash.h"
#include "core/upload/streamingmd5.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QtTest>

using namespace ascend::upload;

class TestStreamingMd5 : public QObject {
    Q_OBJECT

private:
    QTemporaryFile m_file;
    QByteArray m_content;
    QString m_expected;

    static bool waitFinished(StreamingMd5 &md5, QSignalSpy &spy)
    {
        return md5.isFinished() || spy.wait(20000);
    }

private slots:
    void initTestCase()
    {
        m_content.resize(5 * 1024 * 1024 + 777);
        QRandomGenerator random(7);
        random.fillRange(reinterpret_cast<quint32 *>(m_content.data()), m_content.size() / 4);
        QVERIFY(m_file.open());
        QCOMPARE(m_file.write(m_content), m_content.size());
        QVERIFY(m_file.flush());
        m_expected =
            QString::fromLatin1(QCryptographicHash::hash(m_content, QCryptographicHash::Md5).toHex());
        QCOMPARE(fileMd5Hex(m_file.fileName()), m_expected);
    }

    void readsTheFileWhenNothingIsOffered()
    {
        StreamingMd5 md5(m_file.fileName(), m_content.size());
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(md5.md5Hex(), m_expected);
        QCOMPARE(md5.bytesFromFile(), qint64(m_content.size()));
        QCOMPARE(md5.bytesFromOffers(), qint64(0));
    }

    void takesBlocksOfferedInOrder()
    {
        StreamingMd5 md5(m_file.fileName(), m_content.size());
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        const qint64 block = 256 * 1024;
        qint64 taken = 0;
        for (qint64 at = 0; at < m_content.size(); at += block) {
            // Offered like an upload does: only when the queue has room, else the worker reads it itself.
            if (md5.offer(at, m_content.mid(at, block)))
                taken += std::min<qint64>(block, m_content.size() - at);
            QTest::qWait(1);
        }
        md5.endOffers();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(md5.md5Hex(), m_expected);
        QCOMPARE(md5.bytesFromOffers() + md5.bytesFromFile(), qint64(m_content.size()));
        QVERIFY(md5.bytesFromOffers() > 0);
        QVERIFY(md5.bytesFromOffers() <= taken); // a block may have been partly read already
    }

    void acceptsOnlyBlocksThatContinueTheHash()
    {
        StreamingMd5 md5(m_file.fileName(), m_content.size());
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        QVERIFY(md5.offer(0, m_content.mid(0, 1000)));
        QVERIFY(!md5.offer(5000, m_content.mid(5000, 1000)));    // ahead: a gap would be left
        QVERIFY(md5.offer(500, m_content.mid(500, 2000)));       // overlaps: only [1000, 2500) is new
        QVERIFY(!md5.offer(0, m_content.mid(0, 2500)));          // nothing new
        QVERIFY(md5.offer(2500, m_content.mid(2500, 3 * 1024))); // continues
        md5.endOffers();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(md5.md5Hex(), m_expected);
        QCOMPARE(md5.bytesFromOffers(), qint64(2500 + 3 * 1024));
        QCOMPARE(md5.bytesFromFile(), qint64(m_content.size() - 2500 - 3 * 1024));
    }

    void queueIsBounded()
    {
        StreamingMd5 md5(m_file.fileName(), m_content.size());
        // Not started: nothing is taken at all.
        QVERIFY(!md5.offer(0, m_content.left(1024)));
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        // One block larger than the whole queue is refused; the worker reads those bytes itself.
        QVERIFY(!md5.offer(0, m_content.left(StreamingMd5::QueueLimit + 1)));
        md5.endOffers();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(md5.md5Hex(), m_expected);
    }

    void resumesFromTheFileAfterAStall()
    {
        // The uploads brought the start, then went quiet (a part finished, the others are further on).
        StreamingMd5 md5(m_file.fileName(), m_content.size());
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        QVERIFY(md5.offer(0, m_content.left(300000)));
        QVERIFY(waitFinished(md5, finished)); // without endOffers(): the stall makes it read on
        QCOMPARE(md5.md5Hex(), m_expected);
        QCOMPARE(md5.bytesFromOffers(), qint64(300000));
    }

    void shortFileIsAnError()
    {
        StreamingMd5 md5(m_file.fileName(), m_content.size() + 10);
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        md5.endOffers();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(md5.md5Hex().isEmpty());
        QVERIFY(!md5.errorString().isEmpty());
    }

    void missingFileIsAnError()
    {
        StreamingMd5 md5(m_file.fileName() + QStringLiteral(".gone"), 100);
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        md5.endOffers();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!md5.errorString().isEmpty());
    }

    void emptyFile()
    {
        QTemporaryFile empty;
        QVERIFY(empty.open());
        StreamingMd5 md5(empty.fileName(), 0);
        QSignalSpy finished(&md5, &StreamingMd5::finished);
        md5.start();
        QVERIFY(waitFinished(md5, finished));
        QCOMPARE(md5.md5Hex(), QStringLiteral("d41d8cd98f00b204e9800998ecf8427e"));
    }

    void destroyedWhileRunning()
    {
        auto md5 = std::make_unique<StreamingMd5>(m_file.fileName(), m_content.size());
        QSignalSpy finished(md5.get(), &StreamingMd5::finished);
        md5->start();
        QVERIFY(md5->offer(0, m_content.left(1000)));
        md5.reset(); // joins the worker; no signal, no crash
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStreamingMd5)
#include "tst_streamingmd5.moc"
