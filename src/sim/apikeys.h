#pragma once
// The API keys the simulator accepts: team keys (key id + issuer id) and individual keys (sub "user"),
// each with its public key. Keys come from --generate-key, --api-key and --individual-key.

#include "sim/simcrypto.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace ascend::sim {

struct ApiKey {
    QString keyId;
    QString issuerId; // empty for individual keys
    bool individual = false;
    crypto::PKey publicKey;
};

class KeyRing {
public:
    void add(const ApiKey &key); // replaces a key with the same id
    const ApiKey *find(const QString &keyId) const;
    qsizetype size() const { return m_keys.size(); }
    QStringList keyIds() const;

private:
    QHash<QString, ApiKey> m_keys;
};

struct GeneratedKey {
    ApiKey key;
    QString privateKeyPath; // <dir>/AuthKey_<KEYID>.p8, PKCS#8 PEM, mode 0600
};

// A fresh P-256 team key with a random 10-character key id and a random issuer UUID; the private key is
// written into directory (created if needed) readable by the owner only.
std::optional<GeneratedKey> generateApiKey(const QString &directory, QString *error);

// "KEYID:ISSUERID:PUBLIC_KEY_PEM_FILE" (team) or "KEYID:PUBLIC_KEY_PEM_FILE" (individual). The file may also
// hold the private key; only its public half is kept.
std::optional<ApiKey> parseTeamKeySpec(const QString &spec, QString *error);
std::optional<ApiKey> parseIndividualKeySpec(const QString &spec, QString *error);

bool isValidKeyId(const QString &keyId);

} // namespace ascend::sim
