#include "core/auth/fallbacksecretstore.h"

#include "core/auth/authlogging.h"

namespace ascend::auth {

FallbackSecretStore::FallbackSecretStore(std::unique_ptr<SecretStore> keychain,
                                         std::unique_ptr<SecretStore> fallback)
    : m_keychain(std::move(keychain))
    , m_fallback(std::move(fallback))
{}

bool FallbackSecretStore::keychainUsable() const
{
    QMutexLocker locker(&m_mutex);
    return !m_usingFallback;
}

void FallbackSecretStore::switchToFallback(const QString &reason)
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_usingFallback)
            return;
        m_usingFallback = true;
        m_reason = reason;
    }
    qCWarning(lcAuth).noquote() << reason << "Secrets are stored in" << m_fallback->backendDescription()
                                << "instead.";
}

bool FallbackSecretStore::probe()
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_usingFallback || m_keychainAnswered)
            return !m_usingFallback;
    }
    QString error;
    m_keychain->read(QStringLiteral("ascend-keychain-probe"), &error);
    if (!error.isEmpty()) {
        switchToFallback(error);
        return false;
    }
    QMutexLocker locker(&m_mutex);
    m_keychainAnswered = true;
    return true;
}

bool FallbackSecretStore::write(const QString &key, const QByteArray &secret, QString *error)
{
    if (keychainUsable()) {
        QString keychainError;
        if (m_keychain->write(key, secret, &keychainError)) {
            // A copy saved while the keychain was unavailable is stale now; don't leave it on disk.
            QString ignored;
            m_fallback->remove(key, &ignored);
            QMutexLocker locker(&m_mutex);
            m_keychainAnswered = true;
            return true;
        }
        switchToFallback(keychainError);
    }
    return m_fallback->write(key, secret, error);
}

std::optional<QByteArray> FallbackSecretStore::read(const QString &key, QString *error)
{
    if (keychainUsable()) {
        QString keychainError;
        std::optional<QByteArray> secret = m_keychain->read(key, &keychainError);
        if (secret)
            return secret;
        if (keychainError.isEmpty()) {
            QMutexLocker locker(&m_mutex);
            m_keychainAnswered = true;
        } else {
            switchToFallback(keychainError);
        }
    }
    return m_fallback->read(key, error);
}

bool FallbackSecretStore::remove(const QString &key, QString *error)
{
    if (keychainUsable()) {
        QString keychainError;
        if (!m_keychain->remove(key, &keychainError))
            switchToFallback(keychainError);
    }
    return m_fallback->remove(key, error);
}

QString FallbackSecretStore::backendDescription() const
{
    if (usingFallback())
        return tr("%1 (the system keychain is not available)").arg(m_fallback->backendDescription());
    return m_keychain->backendDescription();
}

bool FallbackSecretStore::usingFallback() const
{
    QMutexLocker locker(&m_mutex);
    return m_usingFallback;
}

QString FallbackSecretStore::fallbackReason() const
{
    QMutexLocker locker(&m_mutex);
    return m_reason;
}

} // namespace ascend::auth
