#include "clicontext.h"

#include "core/api/apiclient.h"
#include "core/auth/accountstore.h"
#include "core/auth/secretstore.h"
#include "core/session/session.h"
#include "core/session/simulatorprocess.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace ascend::cli {

namespace {
constexpr int kSimulatorStartTimeoutMs = 20000;
const auto kDefaultBaseUrl = QStringLiteral("https://api.appstoreconnect.apple.com");
} // namespace

CliContext::CliContext(GlobalOptions options)
    : m_options(std::move(options))
    , m_out(stdout)
    , m_err(stderr)
{}

CliContext::~CliContext() = default;

void CliContext::printError(const QString &message)
{
    m_err << "ascendctl: " << message << Qt::endl;
}

void CliContext::printJson(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << document.toJson(QJsonDocument::Indented);
    m_out.flush();
}

bool CliContext::resolveConnection(session::ConnectionInfo *info, QString *error)
{
    if (m_options.demo) {
        m_simulator = std::make_unique<session::SimulatorProcess>();
        m_simulator->setExtraArguments(m_simulatorArguments);
        if (!m_simulator->startAndWait(kSimulatorStartTimeoutMs, error))
            return false;
        *info = m_simulator->connectionInfo();
        return true;
    }

    const QString keyId = qEnvironmentVariable("ASC_KEY_ID");
    if (m_options.profile.isEmpty() && !keyId.isEmpty()) {
        info->name = QStringLiteral("environment");
        info->keyId = keyId;
        info->issuerId = qEnvironmentVariable("ASC_ISSUER_ID");
        info->individualKey = info->issuerId.isEmpty();
        info->baseUrl = qEnvironmentVariable("ASC_BASE_URL", kDefaultBaseUrl);
        const QByteArray inlineKey = qgetenv("ASC_PRIVATE_KEY");
        const QString keyPath = qEnvironmentVariable("ASC_PRIVATE_KEY_PATH");
        if (!inlineKey.isEmpty()) {
            info->privateKeyPem = inlineKey;
        } else if (!keyPath.isEmpty()) {
            QFile file(keyPath);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("Cannot read ASC_PRIVATE_KEY_PATH %1: %2")
                             .arg(keyPath, file.errorString());
                return false;
            }
            info->privateKeyPem = file.readAll();
        } else {
            *error =
                QStringLiteral("ASC_KEY_ID is set but neither ASC_PRIVATE_KEY_PATH nor ASC_PRIVATE_KEY is.");
            return false;
        }
        return true;
    }

    auto secrets = auth::createDefaultSecretStore();
    auth::AccountStore accounts(secrets.get());
    QString profile = m_options.profile;
    if (profile.isEmpty()) {
        const auto stored = accounts.accounts();
        if (stored.size() != 1) {
            *error =
                stored.isEmpty()
                    ? QStringLiteral("No credentials. Add an account with `ascendctl accounts add`, set "
                                     "ASC_KEY_ID, ASC_ISSUER_ID and ASC_PRIVATE_KEY_PATH, or try --demo.")
                    : QStringLiteral("Several accounts are stored; choose one with --profile NAME "
                                     "(see `ascendctl accounts list`).");
            return false;
        }
        profile = stored.first().name;
    }
    const auto account = accounts.account(profile);
    if (!account) {
        *error =
            QStringLiteral("No stored account named \"%1\" (see `ascendctl accounts list`).").arg(profile);
        return false;
    }
    QString secretError;
    const auto pem = accounts.privateKeyPem(profile, &secretError);
    if (!pem) {
        *error = QStringLiteral("The private key of account \"%1\" could not be read: %2")
                     .arg(profile, secretError);
        return false;
    }
    info->name = account->name;
    info->keyId = account->keyId;
    info->issuerId = account->issuerId;
    info->individualKey = account->individualKey;
    info->baseUrl = account->baseUrl.isEmpty() ? kDefaultBaseUrl : account->baseUrl;
    info->privateKeyPem = *pem;
    return true;
}

session::Session *CliContext::session()
{
    if (m_session)
        return m_session.get();
    session::ConnectionInfo info;
    QString error;
    if (!resolveConnection(&info, &error)) {
        printError(error);
        return nullptr;
    }
    m_session = session::Session::create(info, &error);
    if (!m_session) {
        printError(error);
        return nullptr;
    }
    return m_session.get();
}

bool CliContext::await(api::ApiReply *reply, const QString &what)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &api::ApiReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (reply->ok())
        return true;
    printError(QStringLiteral("%1 failed: %2").arg(what, reply->error().message()));
    return false;
}

} // namespace ascend::cli
