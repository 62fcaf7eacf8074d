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
    out << "Usage: ascendctl [--json] [--demo] [--profile NAME] <command> [options] [arguments]\n\n"
           "App Store Connect from the command line, for CI and scripts: apps and builds, build uploads\n"
           "that survive interruptions, webhooks and a local listener that verifies their signatures,\n"
           "TestFlight groups, testers and Beta App Review, tester feedback with its screenshots and\n"
           "crash logs, API tokens and stored accounts.\n\n"
           "Global options (anywhere on the command line):\n"
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
    out << "\nEnvironment:\n"
           "  ASC_KEY_ID, ASC_ISSUER_ID, ASC_PRIVATE_KEY_PATH, ASC_PRIVATE_KEY, ASC_BASE_URL\n"
           "                       the API key to use when no --profile is given (see above)\n"
           "  ASCEND_CONFIG_DIR    the configuration folder (default ~/.config/Ascend/Ascend on Linux)\n"
           "  ASCEND_SECRET_STORE  where keys and webhook secrets are kept: auto (the system keychain,\n"
           "                       else 0600 files in the configuration folder), keychain or file\n"
           "  ASCEND_SIM           the ascend-sim program for --demo (default: the one next to ascendctl)\n\n"
           "Files (in the configuration folder):\n"
           "  accounts.json        stored accounts (names, key and issuer IDs; never the keys)\n"
           "  secrets/             keys and secrets when no keychain answers (mode 0600)\n"
           "  events.sqlite        the webhook events received by `listen`\n"
           "  uploads.sqlite       the journal that lets `upload --resume` continue\n"
           "  feedback.sqlite      which tester feedback was read or triaged\n\n"
           "Examples:\n"
           "  ascendctl --demo                                   the demo scenario, step by step\n"
           "  ascendctl --demo apps list                         the simulator's apps\n"
           "  ascendctl --profile work builds list --app com.example.app\n"
           "  ascendctl upload MyApp.ipa --wait --json\n\n"
           "Exit status: 0 success, 1 failure (message on stderr), 2 wrong usage.\n";
    out.flush();
}

// Word-wraps each line of text at the width of Qt's option list; lines that start with two spaces (lists)
// are kept as they are.
QString wrapped(const QString &text, qsizetype width = 79)
{
    QString result;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        if (paragraph.startsWith(QLatin1String("  "))) {
            result += paragraph + QLatin1Char('\n');
            continue;
        }
        QString line;
        for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                result += line + QLatin1Char('\n');
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        result += line + QLatin1Char('\n');
    }
    return result;
}

// `ascendctl <command> --help`: Qt's option list under our own usage line, the details and a reminder of
// the global options.
QString commandHelp(const Command &command, const QCommandLineParser &parser)
{
    const QString words = command.words.join(QLatin1Char(' '));
    QString text = parser.helpText();
    const QString qtUsage = text.left(text.indexOf(QLatin1Char('\n')));
    const qsizetype optionsAt = qtUsage.indexOf(QLatin1String(" [options]"));
    const QString positionals = optionsAt < 0 ? QString() : qtUsage.mid(optionsAt + 10); // e.g. " FILE"
    text = text.mid(text.indexOf(QLatin1Char('\n')) + 1); // drop Qt's usage line naming the binary path
    text.remove(QRegularExpression(QStringLiteral("\\s*--help-all[^\n]*")));
    const qsizetype summaryEnd = text.indexOf(QLatin1Char('\n')) + 1;
    if (!command.details.isEmpty())
        text.insert(summaryEnd, QLatin1Char('\n') + wrapped(command.details));
    return QStringLiteral("Usage: ascendctl %1 [options]%2\n").arg(words, positionals) + text +
           QStringLiteral("\nGlobal options: --json, --demo, --profile NAME, --verbose (see `ascendctl "
                          "--help`).\n");
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
        } else if (argument == QLatin1String("--version") && rest.isEmpty()) {
            // Only before a command: `builds list` and `upload` have a --version option of their own.
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
    if (wantsHelp) {
        context.out() << commandHelp(*match, parser);
        return ExitOk;
    }
    if (!parser.parse(commandArguments)) {
        context.printError(
            parser.errorText() +
            QStringLiteral(". See `ascendctl %1 --help`.").arg(match->words.join(QLatin1Char(' '))));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out() << commandHelp(*match, parser);
        return ExitOk;
    }
    return match->run(context, parser);
}
