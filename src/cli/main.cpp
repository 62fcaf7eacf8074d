// ascendctl: the command-line client of Ascend, on the same core as the GUI.

#include "clicontext.h"
#include "command.h"
#include "demoscenario.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace ascend::cli;

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: ascendctl [--json] [--demo] [--profile NAME] <command> [options]\n\n"
           "App Store Connect from the command line: apps, builds, tokens and stored accounts.\n\n"
           "Global options:\n"
           "  --json            machine-readable JSON on stdout\n"
           "  --demo            start a local App Store Connect simulator and use it\n"
           "                    (alone: run the demo scenario and print each step)\n"
           "  --profile NAME    use a stored account (see `accounts list`)\n"
           "  --verbose         diagnostic messages on stderr (never secrets)\n"
           "  --version         print the version\n"
           "  --help            this text; `ascendctl <command> --help` for a command\n\n"
           "Credentials without --profile come from the environment: ASC_KEY_ID, ASC_ISSUER_ID (absent for\n"
           "an individual key), ASC_PRIVATE_KEY_PATH or ASC_PRIVATE_KEY (the PEM text), ASC_BASE_URL.\n\n"
           "Commands:\n";
    const QList<Command> commands = allCommands();
    qsizetype width = 0;
    for (const Command &command : commands)
        width = std::max(width, command.words.join(QLatin1Char(' ')).size());
    for (const Command &command : commands)
        out << "  " << command.words.join(QLatin1Char(' ')).leftJustified(width + 2) << command.summary
            << '\n';
    out << "\nExit status: 0 success, 1 failure (message on stderr), 2 wrong usage.\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Ascend"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ascend"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASCEND_VERSION));

    // Diagnostics stay quiet unless asked for: --verbose, or QT_LOGGING_RULES for finer control.
    if (!app.arguments().contains(QStringLiteral("--verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("ascend.*.debug=false\nascend.*.info=false"));

    GlobalOptions globals;
    QStringList rest;
    bool wantsHelp = false;
    const QStringList arguments = app.arguments().mid(1);
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--json")) {
            globals.json = true;
        } else if (argument == QLatin1String("--demo")) {
            globals.demo = true;
        } else if (argument == QLatin1String("--profile") && i + 1 < arguments.size()) {
            globals.profile = arguments.at(++i);
        } else if (argument.startsWith(QLatin1String("--profile="))) {
            globals.profile = argument.section(QLatin1Char('='), 1);
        } else if (argument == QLatin1String("--version")) {
            QTextStream(stdout) << "ascendctl " << QCoreApplication::applicationVersion() << Qt::endl;
            return ExitOk;
        } else if (argument == QLatin1String("--verbose")) {
            continue;
        } else if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            wantsHelp = true;
        } else {
            rest << argument;
        }
    }

    CliContext context(globals);
    if (rest.isEmpty()) {
        if (globals.demo && !wantsHelp)
            return runDemoScenario(context);
        printUsage(wantsHelp ? context.out() : context.err());
        return wantsHelp ? ExitOk : ExitUsage;
    }

    const QList<Command> commands = allCommands();
    const Command *match = nullptr;
    for (const Command &command : commands) {
        if (rest.size() >= command.words.size() && rest.mid(0, command.words.size()) == command.words &&
            (!match || command.words.size() > match->words.size()))
            match = &command;
    }
    if (!match) {
        context.printError(
            QStringLiteral("unknown command \"%1\". See `ascendctl --help`.").arg(rest.join(' ')));
        return ExitUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(match->summary);
    parser.addHelpOption();
    if (match->declareOptions)
        match->declareOptions(parser);
    QStringList commandArguments = rest.mid(match->words.size());
    commandArguments.prepend(QStringLiteral("ascendctl ") + match->words.join(QLatin1Char(' ')));
    const auto commandHelp = [&] {
        QString text = parser.helpText();
        text = text.mid(text.indexOf(QLatin1Char('\n')) + 1); // drop Qt's usage line naming the binary path
        text.remove(QRegularExpression(QStringLiteral("\\s*--help-all[^\n]*")));
        return QStringLiteral("Usage: ascendctl %1 [options]\n").arg(match->words.join(QLatin1Char(' '))) +
               text;
    };
    if (wantsHelp) {
        context.out() << commandHelp();
        return ExitOk;
    }
    if (!parser.parse(commandArguments)) {
        context.printError(
            parser.errorText() +
            QStringLiteral(". See `ascendctl %1 --help`.").arg(match->words.join(QLatin1Char(' '))));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out() << commandHelp();
        return ExitOk;
    }
    return match->run(context, parser);
}
