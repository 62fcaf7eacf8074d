#pragma once
// A subcommand of ascendctl: its words ("builds list"), a one-line summary, and what it runs.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <functional>

namespace ascend::cli {

class CliContext;

struct Command {
    QStringList words; // e.g. {"builds", "list"}
    QString summary;   // one line for `ascendctl --help`
    // Adds the command's own options and positional arguments to the parser.
    std::function<void(QCommandLineParser &)> declareOptions;
    // Runs after the options were parsed; returns the process exit code.
    std::function<int(CliContext &, const QCommandLineParser &)> run;
    // Optional paragraphs for `ascendctl <command> --help` and the man page: what is required, what it
    // prints. Lines are wrapped by hand (at most 100 characters).
    QString details;
};

// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

QList<Command> allCommands();

// The commands of each area, registered in allCommands().
QList<Command> appsCommands();
QList<Command> buildsCommands();
QList<Command> tokenCommands();
QList<Command> accountsCommands();
QList<Command> webhooksCommands();
QList<Command> listenCommands();
QList<Command> eventsCommands();
QList<Command> uploadCommands();
QList<Command> testflightCommands();
QList<Command> feedbackCommands();

} // namespace ascend::cli
