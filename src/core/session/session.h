#pragma once
// One live connection: the API key, the JWT signer that reuses its token, and the API client over them.

#include "core/session/connectioninfo.h"

#include <QObject>
#include <memory>

namespace ascend::auth {
class JwtSigner;
}
namespace ascend::api {
class ApiClient;
}

namespace ascend::session {

class Session : public QObject {
    Q_OBJECT
public:
    // Validates the key; nullptr plus a message saying what to fix when it is unusable.
    static std::unique_ptr<Session> create(const ConnectionInfo &info, QString *errorMessage,
                                           QObject *parent = nullptr);
    ~Session() override;

    const ConnectionInfo &info() const { return m_info; }
    api::ApiClient *client() const { return m_client.get(); }
    auth::JwtSigner *signer() const { return m_signer.get(); }

private:
    Session(ConnectionInfo info, std::unique_ptr<auth::JwtSigner> signer, QObject *parent);

    ConnectionInfo m_info;
    std::unique_ptr<auth::JwtSigner> m_signer;
    std::unique_ptr<api::ApiClient> m_client;
};

} // namespace ascend::session
