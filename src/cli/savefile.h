#pragma once

#include <QByteArray>
#include <QString>

namespace ascend::cli {

// Writes bytes to path atomically (QSaveFile); on failure error says which file and why.
bool saveFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace ascend::cli
