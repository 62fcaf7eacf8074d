#pragma once
// A read-only, seekable QIODevice over the bytes [offset, offset + length) of a file on disk. It reads
// straight from the file on demand, so a part body never sits in memory, and a resend is seek(0).

#include <QFile>
#include <QIODevice>

namespace ascend::upload {

class FileSliceDevice : public QIODevice {
    Q_OBJECT
public:
    FileSliceDevice(const QString &path, qint64 offset, qint64 length, QObject *parent = nullptr);

    // Opens the file; fails when the slice lies beyond the file's end.
    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_length; }

    qint64 offset() const { return m_offset; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace ascend::upload
