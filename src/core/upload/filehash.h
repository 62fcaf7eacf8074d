#pragma once
// Streaming file checksums (64 KiB at a time), meant to run on a worker thread (QtConcurrent::run).

#include <QString>

namespace ascend::upload {

// Lowercase hex MD5 of the whole file; empty when it cannot be read.
QString fileMd5Hex(const QString &path);
QString fileSha256Hex(const QString &path);

} // namespace ascend::upload
