#include "command.h"

namespace ascend::cli {

QList<Command> allCommands() {
    QList<Command> commands;
    commands += appsCommands();
    commands += buildsCommands();
    commands += tokenCommands();
    commands += accountsCommands();
    return commands;
}

} // namespace ascend::cli
