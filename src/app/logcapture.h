#pragma once
// Installs the application's message handler: every qDebug/qInfo/qWarning/qCritical (and every logging
// category's output) is redacted, kept in ui::LogBuffer for the log viewer, and then written where Qt
// would have written it, redacted as well.

namespace ascend::app {

void installLogCapture();
// Restores the handler that was active before installLogCapture() (tests).
void uninstallLogCapture();

} // namespace ascend::app
