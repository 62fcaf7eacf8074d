#pragma once
// Whole-file checksums in one pass over the file (256 KiB at a time); blocking, so keep them off the GUI
// thread. An upload computes its MD5 with StreamingMd5 instead, from the blocks it sends.

#include <QString>

namespace ascend::upload {

// Lowercase hex MD5 of the whole file; empty when it cannot be read.
QString fileMd5Hex(const QString &path);
QString fileSha256Hex(const QString &path);

} // namespace ascend::upload
