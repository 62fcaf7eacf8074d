#pragma once
// Opaque pagination cursors: the position of the next page, base64url-encoded so clients treat it as a token.

#include <QString>
#include <optional>

namespace ascend::sim {

QString encodeCursor(qsizetype offset);
std::optional<qsizetype> decodeCursor(const QString &cursor); // nullopt when it is not one of ours

} // namespace ascend::sim
