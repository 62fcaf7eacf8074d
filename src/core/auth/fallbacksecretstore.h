#pragma once
// The keychain when it answers, otherwise a file store. The first keychain error switches to the file store
// for the rest of this object's life, and usingFallback()/fallbackReason() say so for the UI.

#include "core/auth/secretstore.h"

#include <QCoreApplication>
#include <QMutex>

namespace ascend::auth {

class FallbackSecretStore : public SecretStore {
    Q_DECLARE_TR_FUNCTIONS(ascend::auth::FallbackSecretStore)

public:
    FallbackSecretStore(std::unique_ptr<SecretStore> keychain, std::unique_ptr<SecretStore> fallback);

    bool write(const QString &key, const QByteArray &secret, QString *error) override;
    // A key missing from the keychain is also looked up in the file store: it may have been saved while the
    // keychain was unavailable.
    std::optional<QByteArray> read(const QString &key, QString *error) override;
    // Removes the key from both stores.
    bool remove(const QString &key, QString *error) override;
    QString backendDescription() const override;

    // Asks the keychain once (a read of a probe entry) unless that was decided already; returns
    // !usingFallback(). Lets the UI show where secrets go before anything is stored.
    bool probe();
    bool usingFallback() const;
    QString fallbackReason() const; // the keychain's error; empty while the keychain is used

private:
    bool keychainUsable() const;
    void switchToFallback(const QString &reason);

    std::unique_ptr<SecretStore> m_keychain;
    std::unique_ptr<SecretStore> m_fallback;
    mutable QMutex m_mutex;
    bool m_keychainAnswered = false;
    bool m_usingFallback = false;
    QString m_reason;
};

} // namespace ascend::auth
