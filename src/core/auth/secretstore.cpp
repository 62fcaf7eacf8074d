#include "core/auth/secretstore.h"

#include "core/auth/authlogging.h"
#include "core/auth/configdir.h"
#include "core/auth/fallbacksecretstore.h"
#include "core/auth/filesecretstore.h"
#include "core/auth/keychainsecretstore.h"

namespace ascend::auth {

SecretStore::~SecretStore() = default;

QString defaultSecretsDir()
{
    return defaultConfigDir() + QStringLiteral("/secrets");
}

std::unique_ptr<SecretStore> createDefaultSecretStore()
{
    const QString mode = qEnvironmentVariable("ASCEND_SECRET_STORE").trimmed().toLower();
    if (mode == QLatin1String("file"))
        return std::make_unique<FileSecretStore>(defaultSecretsDir());
    if (mode == QLatin1String("keychain"))
        return std::make_unique<KeychainSecretStore>();
    if (!mode.isEmpty() && mode != QLatin1String("auto"))
        qCWarning(lcAuth) << "Ignoring unknown ASCEND_SECRET_STORE value" << mode
                          << "(expected file, keychain or auto)";
    return std::make_unique<FallbackSecretStore>(std::make_unique<KeychainSecretStore>(),
                                                 std::make_unique<FileSecretStore>(defaultSecretsDir()));
}

} // namespace ascend::auth
