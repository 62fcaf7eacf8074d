#include "core/webhooks/webhooksecrets.h"

#include "core/auth/secretstore.h"

#include <QFile>
#include <QtGlobal>
#include <openssl/rand.h>

namespace ascend::webhooks {

QByteArray generateSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), int(bytes.size())) != 1)
        qFatal("the system random number generator failed");
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

namespace {
QByteArray withoutTrailingNewline(QByteArray value)
{
    while (value.endsWith('\n') || value.endsWith('\r'))
        value.chop(1);
    return value;
}
} // namespace

std::optional<QByteArray> readSecretFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the secret file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray secret = withoutTrailingNewline(file.readAll());
    if (secret.isEmpty()) {
        *error = QStringLiteral("the secret file %1 is empty").arg(path);
        return std::nullopt;
    }
    return secret;
}

std::optional<QByteArray> readSecretEnv(const QString &variable, QString *error)
{
    const QByteArray secret = withoutTrailingNewline(qgetenv(variable.toLocal8Bit().constData()));
    if (secret.isEmpty()) {
        *error = QStringLiteral("the environment variable %1 is not set or empty").arg(variable);
        return std::nullopt;
    }
    return secret;
}

WebhookSecrets::WebhookSecrets(auth::SecretStore &store)
    : m_store(store)
{}

QString WebhookSecrets::keyFor(const QString &webhookId)
{
    return QStringLiteral("webhook/") + webhookId;
}

bool WebhookSecrets::save(const QString &webhookId, const QByteArray &secret, QString *error)
{
    return m_store.write(keyFor(webhookId), secret, error);
}

std::optional<QByteArray> WebhookSecrets::secret(const QString &webhookId, QString *error)
{
    return m_store.read(keyFor(webhookId), error);
}

bool WebhookSecrets::remove(const QString &webhookId, QString *error)
{
    return m_store.remove(keyFor(webhookId), error);
}

QList<QByteArray> WebhookSecrets::secretsFor(const QStringList &webhookIds, QStringList *missing)
{
    QList<QByteArray> out;
    for (const QString &id : webhookIds) {
        QString error;
        const auto value = secret(id, &error);
        if (value && !value->isEmpty())
            out.append(*value);
        else if (missing)
            missing->append(id);
    }
    return out;
}

} // namespace ascend::webhooks
