// ascendctl accounts add|list|remove: stored accounts; the private key goes to the keychain (or a 0600 file).

#include "clicontext.h"
#include "command.h"
#include "core/auth/accountstore.h"
#include "core/auth/apikey.h"
#include "core/auth/fallbacksecretstore.h"
#include "core/auth/secretstore.h"
#include "table.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace ascend::cli {

namespace {

const auto kDefaultBaseUrl = QStringLiteral("https://api.appstoreconnect.apple.com");

void noteFallback(CliContext &context, const auth::SecretStore &store)
{
    if (const auto *fallback = dynamic_cast<const auth::FallbackSecretStore *>(&store);
        fallback && fallback->usingFallback()) {
        context.err() << "Note: no keychain answered (" << fallback->fallbackReason()
                      << "); the key is stored in a file only you can read: " << store.backendDescription()
                      << Qt::endl;
    }
}

int addAccount(CliContext &context, const QCommandLineParser &parser)
{
    auth::Account account;
    account.name = parser.value(QStringLiteral("name")).trimmed();
    account.keyId = parser.value(QStringLiteral("key-id")).trimmed();
    account.issuerId = parser.value(QStringLiteral("issuer-id")).trimmed();
    account.individualKey = parser.isSet(QStringLiteral("individual"));
    account.baseUrl =
        parser.isSet(QStringLiteral("base-url")) ? parser.value(QStringLiteral("base-url")) : kDefaultBaseUrl;
    const QString keyPath = parser.value(QStringLiteral("private-key-path"));

    QStringList missing;
    if (account.name.isEmpty())
        missing << QStringLiteral("--name");
    if (account.keyId.isEmpty())
        missing << QStringLiteral("--key-id");
    if (!account.individualKey && account.issuerId.isEmpty())
        missing << QStringLiteral("--issuer-id (or --individual)");
    if (keyPath.isEmpty())
        missing << QStringLiteral("--private-key-path");
    if (!missing.isEmpty()) {
        context.printError(QStringLiteral("accounts add needs %1.").arg(missing.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    if (account.individualKey)
        account.issuerId.clear();

    QString error;
    const auth::ApiKey key = auth::ApiKey::fromPemFile(keyPath, &error);
    if (!key.isValid()) {
        context.printError(error);
        return ExitFailure;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        context.printError(QStringLiteral("Cannot read %1: %2").arg(keyPath, keyFile.errorString()));
        return ExitFailure;
    }
    auto secrets = auth::createDefaultSecretStore();
    auth::AccountStore store(secrets.get());
    if (!store.save(account, keyFile.readAll(), &error)) {
        context.printError(QStringLiteral("The account could not be saved: %1").arg(error));
        return ExitFailure;
    }
    noteFallback(context, *secrets);
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("saved"), account.name}});
    else
        context.out() << "Saved account \"" << account.name << "\" (key " << account.keyId << ").\n";
    return ExitOk;
}

int listAccounts(CliContext &context, const QCommandLineParser &)
{
    auto secrets = auth::createDefaultSecretStore();
    auth::AccountStore store(secrets.get());
    const auto accounts = store.accounts();
    if (context.json()) {
        QJsonArray array;
        for (const auto &account : accounts) {
            array.append(QJsonObject{{QStringLiteral("name"), account.name},
                                     {QStringLiteral("keyId"), account.keyId},
                                     {QStringLiteral("issuerId"), account.issuerId},
                                     {QStringLiteral("individualKey"), account.individualKey},
                                     {QStringLiteral("baseUrl"), account.baseUrl}});
        }
        context.printJson(array);
        return ExitOk;
    }
    if (accounts.isEmpty()) {
        context.out() << "No stored accounts. Add one with `ascendctl accounts add`.\n";
        return ExitOk;
    }
    Table table({QStringLiteral("NAME"), QStringLiteral("KEY ID"), QStringLiteral("ISSUER ID"),
                 QStringLiteral("SERVER")});
    for (const auto &account : accounts) {
        table.addRow({account.name, account.keyId,
                      account.individualKey ? QStringLiteral("(individual key)") : account.issuerId,
                      account.baseUrl});
    }
    table.print(context.out());
    return ExitOk;
}

int removeAccount(CliContext &context, const QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments();
    if (names.size() != 1) {
        context.printError(QStringLiteral("accounts remove needs exactly one account NAME."));
        return ExitUsage;
    }
    auto secrets = auth::createDefaultSecretStore();
    auth::AccountStore store(secrets.get());
    if (!store.account(names.first())) {
        context.printError(QStringLiteral("No stored account named \"%1\".").arg(names.first()));
        return ExitFailure;
    }
    QString error;
    if (!store.remove(names.first(), &error)) {
        context.printError(QStringLiteral("The account could not be removed: %1").arg(error));
        return ExitFailure;
    }
    if (context.json())
        context.printJson(QJsonObject{{QStringLiteral("removed"), names.first()}});
    else
        context.out() << "Removed account \"" << names.first() << "\" and its key.\n";
    return ExitOk;
}

} // namespace

QList<Command> accountsCommands()
{
    Command add;
    add.words = {QStringLiteral("accounts"), QStringLiteral("add")};
    add.summary = QStringLiteral("Store an account; its .p8 key goes to the keychain (or a 0600 file)");
    add.declareOptions = [](QCommandLineParser &parser) {
        parser.addOption(
            {QStringLiteral("name"), QStringLiteral("A name for the account."), QStringLiteral("NAME")});
        parser.addOption({QStringLiteral("key-id"), QStringLiteral("The key ID (10 characters)."),
                          QStringLiteral("KEY_ID")});
        parser.addOption({QStringLiteral("issuer-id"), QStringLiteral("The issuer ID (team keys)."),
                          QStringLiteral("UUID")});
        parser.addOption(
            {QStringLiteral("individual"), QStringLiteral("The key is an individual key (no issuer).")});
        parser.addOption({QStringLiteral("private-key-path"), QStringLiteral("The AuthKey_<KEYID>.p8 file."),
                          QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("base-url"),
                          QStringLiteral("The API server (default https://api.appstoreconnect.apple.com)."),
                          QStringLiteral("URL")});
    };
    add.run = addAccount;
    add.details = QStringLiteral(
        "Needs --name, --key-id, --private-key-path and either --issuer-id (team key) or --individual. The "
        ".p8 file must hold a PKCS#8 EC P-256 key. It is kept in the system keychain; when no keychain "
        "answers, in a file readable only by you (mode 0600) in the configuration folder, and the command "
        "says so. Use the account later with --profile NAME.");

    Command list;
    list.words = {QStringLiteral("accounts"), QStringLiteral("list")};
    list.summary = QStringLiteral("List stored accounts (never their keys)");
    list.run = listAccounts;
    list.details = QStringLiteral("Prints a table: name, key ID, issuer ID and server. With --json: an array "
                                  "of {name, keyId, issuerId, individualKey, baseUrl}.");

    Command remove;
    remove.words = {QStringLiteral("accounts"), QStringLiteral("remove")};
    remove.summary = QStringLiteral("Remove a stored account and its key");
    remove.declareOptions = [](QCommandLineParser &parser) {
        parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The account to remove."));
    };
    remove.run = removeAccount;
    remove.details =
        QStringLiteral("Removes the account from accounts.json and its key from the keychain (or file).");
    return {add, list, remove};
}

} // namespace ascend::cli
