#include "command.h"

namespace ascend::cli {

QList<Command> allCommands()
{
    QList<Command> commands;
    commands += appsCommands();
    commands += buildsCommands();
    commands += tokenCommands();
    commands += accountsCommands();
    commands += webhooksCommands() + listenCommands() + eventsCommands();
    commands += uploadCommands();
    commands += testflightCommands();
    commands += feedbackCommands();
    return commands;
}

} // namespace ascend::cli
