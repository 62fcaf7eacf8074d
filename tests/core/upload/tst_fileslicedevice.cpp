// FileSliceDevice: exactly the slice's bytes, seek(0) for a resend, no reads past the slice, read-only.

#include "core/upload/fileslicedevice.h"

#include <QTemporaryFile>
#include <QtTest>

using namespace ascend::upload;

class TestFileSliceDevice : public QObject {
    Q_OBJECT

private:
    QTemporaryFile m_file;
    QByteArray m_content;

private slots:
    void initTestCase()
    {
        m_content.resize(1000003);
        for (qsizetype i = 0; i < m_content.size(); ++i)
            m_content[i] = char((i * 7919) % 251);
        QVERIFY(m_file.open());
        QCOMPARE(m_file.write(m_content), m_content.size());
        m_file.flush();
    }

    void readsTheSlice_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("length");
        QTest::newRow("first") << qint64(0) << qint64(65536);
        QTest::newRow("middle") << qint64(12345) << qint64(400000);
        QTest::newRow("last, short") << qint64(1000000) << qint64(3);
        QTest::newRow("whole") << qint64(0) << qint64(1000003);
    }
    void readsTheSlice()
    {
        QFETCH(qint64, offset);
        QFETCH(qint64, length);
        FileSliceDevice device(m_file.fileName(), offset, length);
        QVERIFY(device.open(QIODevice::ReadOnly));
        QCOMPARE(device.size(), length);
        QVERIFY(!device.isSequential());
        QByteArray read;
        char buffer[7777];
        for (;;) {
            const qint64 n = device.read(buffer, sizeof buffer);
            QVERIFY(n >= 0);
            if (n == 0)
                break;
            read.append(buffer, n);
        }
        QVERIFY(device.atEnd());
        QCOMPARE(read.size(), length);
        QVERIFY(read == m_content.mid(offset, length));

        // A resend starts over.
        QVERIFY(device.seek(0));
        QCOMPARE(device.bytesAvailable(), length);
        QVERIFY(device.readAll() == m_content.mid(offset, length));
        QVERIFY(device.seek(length / 2));
        QVERIFY(device.readAll() == m_content.mid(offset + length / 2, length - length / 2));
        QVERIFY(!device.seek(length + 1));
    }

    void refusesSlicesBeyondTheFile()
    {
        FileSliceDevice device(m_file.fileName(), 999999, 10);
        QVERIFY(!device.open(QIODevice::ReadOnly));
        QVERIFY(device.errorString().contains(QLatin1String("shorter")));
    }

    void isReadOnly()
    {
        FileSliceDevice device(m_file.fileName(), 0, 10);
        QVERIFY(!device.open(QIODevice::ReadWrite));
        QVERIFY(device.open(QIODevice::ReadOnly));
        QCOMPARE(device.write("x", 1), qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestFileSliceDevice)
#include "tst_fileslicedevice.moc"
