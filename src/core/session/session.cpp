#include "core/session/session.h"

#include "core/api/apiclient.h"
#include "core/auth/apikey.h"
#include "core/auth/jwtsigner.h"

#include <QUrl>

namespace ascend::session {

std::unique_ptr<Session> Session::create(const ConnectionInfo &info, QString *errorMessage, QObject *parent)
{
    QString keyError;
    auth::ApiKey key = auth::ApiKey::fromPem(info.privateKeyPem, &keyError);
    if (!key.isValid()) {
        if (errorMessage)
            *errorMessage = keyError;
        return nullptr;
    }
    if (info.keyId.trimmed().isEmpty()) {
        if (errorMessage)
            *errorMessage =
                tr("The key ID is missing. It is shown next to the key in App Store Connect → Users "
                   "and Access → Integrations.");
        return nullptr;
    }
    if (!info.individualKey && info.issuerId.trimmed().isEmpty()) {
        if (errorMessage)
            *errorMessage =
                tr("The issuer ID is missing. Team keys need it; it is shown above the key list in App "
                   "Store Connect → Users and Access → Integrations.");
        return nullptr;
    }
    const QUrl baseUrl(info.baseUrl);
    if (!baseUrl.isValid() || baseUrl.scheme().isEmpty() || baseUrl.host().isEmpty()) {
        if (errorMessage)
            *errorMessage = tr("The server address \"%1\" is not a valid URL.").arg(info.baseUrl);
        return nullptr;
    }

    auth::JwtClaims claims;
    claims.keyId = info.keyId.trimmed();
    claims.issuerId = info.individualKey ? QString() : info.issuerId.trimmed();
    claims.individualKey = info.individualKey;
    auto signer = std::make_unique<auth::JwtSigner>(key, claims);
    return std::unique_ptr<Session>(new Session(info, std::move(signer), parent));
}

Session::Session(ConnectionInfo info, std::unique_ptr<auth::JwtSigner> signer, QObject *parent)
    : QObject(parent)
    , m_info(std::move(info))
    , m_signer(std::move(signer))
{
    m_client = std::make_unique<api::ApiClient>(m_signer.get());
    m_client->setBaseUrl(QUrl(m_info.baseUrl));
}

Session::~Session() = default;

} // namespace ascend::session
