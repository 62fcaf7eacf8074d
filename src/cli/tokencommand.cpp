// ascendctl token: prints one signed JWT, e.g. for `curl -H "Authorization: Bearer $(ascendctl token)"`.

#include "clicontext.h"
#include "command.h"
#include "core/auth/jwtsigner.h"
#include "core/session/session.h"

#include <QJsonObject>

namespace ascend::cli {

namespace {

int printToken(CliContext &context, const QCommandLineParser &)
{
    session::Session *session = context.session();
    if (!session)
        return ExitFailure;
    const QByteArray token = session->signer()->bearerToken();
    if (token.isEmpty()) {
        context.printError(
            QStringLiteral("Could not sign a token: %1").arg(session->signer()->errorString()));
        return ExitFailure;
    }
    if (context.json()) {
        context.printJson(QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                      {QStringLiteral("baseUrl"), session->info().baseUrl}});
    } else {
        context.out() << token << '\n';
    }
    return ExitOk;
}

} // namespace

QList<Command> tokenCommands()
{
    Command token;
    token.words = {QStringLiteral("token")};
    token.summary = QStringLiteral("Print one signed ES256 JWT (valid for 20 minutes)");
    token.run = printToken;
    token.details =
        QStringLiteral("Signs a token with the account's key (from --profile, --demo or the ASC_* variables) "
                       "and prints it alone on stdout, e.g. for curl -H \"Authorization: Bearer $(ascendctl "
                       "token)\" ... With --json: {\"token\": ..., \"baseUrl\": ...}.");
    return {token};
}

} // namespace ascend::cli
