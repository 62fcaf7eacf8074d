#include "sim/apikeys.h"

#include <QDir>
#include <QFile>
#include <QUuid>

namespace ascend::sim {
namespace {

std::optional<ApiKey> loadKeyFile(const QString &keyId, const QString &issuerId, bool individual,
                                  const QString &path, QString *error)
{
    if (!isValidKeyId(keyId)) {
        *error = QStringLiteral("'%1' is not a key id (letters and digits, as App Store Connect shows it)")
                     .arg(keyId);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the public key file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString keyError;
    crypto::PKey key = crypto::loadPublicKeyPem(file.readAll(), &keyError);
    if (!key) {
        *error = QStringLiteral("%1: %2").arg(path, keyError);
        return std::nullopt;
    }
    return ApiKey{keyId, issuerId, individual, key};
}

} // namespace

void KeyRing::add(const ApiKey &key)
{
    m_keys.insert(key.keyId, key);
}

const ApiKey *KeyRing::find(const QString &keyId) const
{
    const auto it = m_keys.constFind(keyId);
    return it == m_keys.constEnd() ? nullptr : &it.value();
}

QStringList KeyRing::keyIds() const
{
    QStringList ids = m_keys.keys();
    ids.sort();
    return ids;
}

bool isValidKeyId(const QString &keyId)
{
    if (keyId.isEmpty() || keyId.size() > 64)
        return false;
    for (const QChar c : keyId) {
        if (!(c.isDigit() || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('z')))) {
            return false;
        }
    }
    return true;
}

std::optional<GeneratedKey> generateApiKey(const QString &directory, QString *error)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const QByteArray random = crypto::randomBytes(10);
    QString keyId;
    for (const char byte : random)
        keyId.append(QLatin1Char(alphabet[static_cast<unsigned char>(byte) % 36]));

    crypto::PKey key = crypto::generateP256(error);
    if (!key)
        return std::nullopt;
    const QByteArray pem = crypto::privateKeyPkcs8Pem(key);
    if (pem.isEmpty()) {
        *error = QStringLiteral("could not encode the generated key: %1").arg(crypto::lastError());
        return std::nullopt;
    }
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create the key folder %1").arg(directory);
        return std::nullopt;
    }
    const QString path = QDir(directory).absoluteFilePath(QStringLiteral("AuthKey_%1.p8").arg(keyId));
    QFile file(path);
    // Created with owner-only permissions so the key is never readable by others, not even briefly.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.write(pem) != pem.size() || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        file.remove();
        return std::nullopt;
    }
    file.close();

    GeneratedKey generated;
    generated.key =
        ApiKey{keyId, QUuid::createUuid().toString(QUuid::WithoutBraces), false, crypto::publicHalf(key)};
    generated.privateKeyPath = path;
    return generated;
}

std::optional<ApiKey> parseTeamKeySpec(const QString &spec, QString *error)
{
    // Split at the first two colons only: the file path may contain colons (C:\keys\key.pem).
    const qsizetype first = spec.indexOf(QLatin1Char(':'));
    const qsizetype second = first < 0 ? -1 : spec.indexOf(QLatin1Char(':'), first + 1);
    if (first <= 0 || second <= first + 1 || second + 1 >= spec.size()) {
        *error = QStringLiteral("--api-key expects KEYID:ISSUERID:PUBLIC_KEY_PEM_FILE, got '%1'").arg(spec);
        return std::nullopt;
    }
    const QString issuerId = spec.mid(first + 1, second - first - 1);
    if (QUuid::fromString(issuerId).isNull()) {
        *error =
            QStringLiteral("'%1' is not an issuer id (a UUID such as 57246542-96fe-1a63-e053-0824d011072a)")
                .arg(issuerId);
        return std::nullopt;
    }
    return loadKeyFile(spec.left(first), issuerId, false, spec.mid(second + 1), error);
}

std::optional<ApiKey> parseIndividualKeySpec(const QString &spec, QString *error)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon + 1 >= spec.size()) {
        *error = QStringLiteral("--individual-key expects KEYID:PUBLIC_KEY_PEM_FILE, got '%1'").arg(spec);
        return std::nullopt;
    }
    return loadKeyFile(spec.left(colon), QString(), true, spec.mid(colon + 1), error);
}

} // namespace ascend::sim
