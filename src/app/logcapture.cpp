#include "logcapture.h"

#include "ui/logbuffer.h"

#include <QString>
#include <QtGlobal>

namespace ascend::app {

namespace {

QtMessageHandler g_previous = nullptr;
bool g_installed = false;

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category = context.category ? QString::fromLatin1(context.category) : QString();
    const QString redacted = ui::LogBuffer::instance()->append(type, category, message);
    if (g_previous)
        g_previous(type, context, redacted);
}

} // namespace

void installLogCapture()
{
    if (g_installed)
        return;
    ui::LogBuffer::instance(); // created on this (the GUI) thread
    g_previous = qInstallMessageHandler(handleMessage);
    g_installed = true;
}

void uninstallLogCapture()
{
    if (!g_installed)
        return;
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    g_installed = false;
}

} // namespace ascend::app
