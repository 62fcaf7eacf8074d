#pragma once
// Where a request body goes while it streams in: memory for small bodies, a temporary file otherwise.

#include <QByteArray>
#include <QString>
#include <memory>

class QTemporaryFile;

namespace ascend::http {

class BodySink {
public:
    // Bodies are kept in memory up to memoryLimit bytes and moved to a temporary file beyond that;
    // toFile starts with the file straight away. expectedSize (-1 = unknown) only sizes the memory buffer.
    BodySink(qint64 memoryLimit, bool toFile, qint64 expectedSize = -1);
    ~BodySink(); // removes the temporary file unless takeFilePath() was called
    BodySink(const BodySink &) = delete;
    BodySink &operator=(const BodySink &) = delete;

    bool write(const char *data, qint64 length); // false on an I/O error, see errorString()
    bool finish();                               // flushes and closes the file
    qint64 size() const { return m_size; }
    bool isFile() const { return !m_path.isEmpty(); }
    QString errorString() const { return m_error; }

    QByteArray takeBody();
    QString takeFilePath(); // the caller owns (and must remove) the file from now on

private:
    bool moveToFile();

    qint64 m_memoryLimit;
    qint64 m_size = 0;
    QByteArray m_memory;
    std::unique_ptr<QTemporaryFile> m_file;
    QString m_path;
    QString m_error;
};

} // namespace ascend::http
