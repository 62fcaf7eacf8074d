#include "core/auth/apikey.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

namespace ascend::auth {

namespace {

// A .p8 key is about 250 bytes; anything this large is certainly something else.
constexpr qint64 kMaxKeyFileSize = 64 * 1024;

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}

QString whereToGetKey()
{
    return ApiKey::tr(
        "Use the AuthKey_<KEY ID>.p8 file downloaded from App Store Connect → Users and Access → "
        "Integrations → App Store Connect API. Apple lets you download a key only once; if the "
        "file is lost, generate a new key there.");
}

struct BioDeleter {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

QByteArray readBio(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 ? QByteArray(data, int(length)) : QByteArray();
}

// Undo what copying a PEM through environment variables, YAML or e-mail tends to do to it: literal "\n"
// instead of line breaks, CR LF, indentation, a UTF-8 byte order mark.
QByteArray normalizedPem(QByteArray text)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    if (!text.contains('\n') && text.contains("\\n"))
        text.replace("\\n", "\n");
    QByteArray out;
    out.reserve(text.size());
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            out += trimmed + '\n';
    }
    return out;
}

// The labels of all "-----BEGIN <label>-----" lines.
QList<QByteArray> pemLabels(const QByteArray &pem)
{
    static const QRegularExpression re(QStringLiteral("-----BEGIN ([A-Z0-9 ]+)-----"));
    QList<QByteArray> labels;
    auto it = re.globalMatch(QString::fromLatin1(pem));
    while (it.hasNext())
        labels.append(it.next().captured(1).toLatin1());
    return labels;
}

int refusePassphrase(char *, int, int, void *)
{
    return -1; // never prompt on the terminal; .p8 keys are not encrypted
}

EVP_PKEY *parsePemPrivateKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return nullptr;
    return PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr);
}

EVP_PKEY *parseDerPrivateKey(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return d2i_AutoPrivateKey(nullptr, &p, long(der.size()));
}

bool looksLikeBase64(const QByteArray &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9+/=\\s]+$"));
    return text.size() >= 16 && re.match(QString::fromLatin1(text)).hasMatch();
}

// Checks that a parsed key is what App Store Connect issues: EC on P-256.
bool checkKeyType(EVP_PKEY *pkey, QString *errorMessage)
{
    if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_EC) {
        const char *typeName = EVP_PKEY_get0_type_name(pkey);
        setError(
            errorMessage,
            ApiKey::tr("Wrong key type: this key is %1, but App Store Connect API keys are EC keys on the "
                       "P-256 curve (ES256). %2")
                .arg(QString::fromLatin1(typeName ? typeName : "unknown"), whereToGetKey()));
        return false;
    }
    char group[80] = {};
    size_t groupLength = 0;
    if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                        &groupLength)) {
        setError(errorMessage,
                 ApiKey::tr("Wrong curve: this EC key uses explicit curve parameters instead of the "
                            "named curve P-256 that App Store Connect API keys use. %1")
                     .arg(whereToGetKey()));
        return false;
    }
    const int nid = OBJ_sn2nid(group);
    if (nid != NID_X9_62_prime256v1) {
        const char *nistName = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
        const QString curve = nistName ? QStringLiteral("%1 (%2)").arg(QString::fromLatin1(nistName),
                                                                       QString::fromLatin1(group))
                                       : QString::fromLatin1(group);
        setError(errorMessage,
                 ApiKey::tr("Wrong curve: this EC key uses %1, but App Store Connect API keys use "
                            "P-256 (prime256v1). %2")
                     .arg(curve, whereToGetKey()));
        return false;
    }
    return true;
}

} // namespace

ApiKey ApiKey::fromPemFile(const QString &path, QString *errorMessage)
{
    const QFileInfo info(path);
    if (path.isEmpty()) {
        setError(errorMessage, tr("No API key file was given. %1").arg(whereToGetKey()));
        return {};
    }
    if (!info.exists()) {
        setError(errorMessage, tr("The API key file “%1” does not exist. %2").arg(path, whereToGetKey()));
        return {};
    }
    if (info.isDir()) {
        setError(errorMessage, tr("“%1” is a folder, not an API key file. %2").arg(path, whereToGetKey()));
        return {};
    }
    if (info.size() > kMaxKeyFileSize) {
        setError(errorMessage, tr("“%1” is too large to be an App Store Connect API key (%2 bytes; a .p8 key "
                                  "is about 250 bytes). %3")
                                   .arg(path)
                                   .arg(info.size())
                                   .arg(whereToGetKey()));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(errorMessage, tr("Cannot read the API key file “%1”: %2. Check that the file is readable by "
                                  "your user account.")
                                   .arg(path, file.errorString()));
        return {};
    }
    const QByteArray contents = file.read(kMaxKeyFileSize + 1);
    QString message;
    ApiKey key = fromPem(contents, &message);
    if (!key.isValid())
        setError(errorMessage, tr("“%1”: %2").arg(QFileInfo(path).fileName(), message));
    return key;
}

ApiKey ApiKey::fromPem(const QByteArray &pemText, QString *errorMessage)
{
    const QByteArray pem = normalizedPem(pemText);
    if (pem.isEmpty()) {
        setError(errorMessage, tr("The API key is empty. %1").arg(whereToGetKey()));
        return {};
    }

    EVP_PKEY *parsed = nullptr;
    const QList<QByteArray> labels = pemLabels(pem);
    if (labels.isEmpty()) {
        // Not PEM: maybe the DER form, or the base64 body without its BEGIN/END lines.
        parsed = parseDerPrivateKey(pemText);
        if (!parsed && looksLikeBase64(pem))
            parsed = parseDerPrivateKey(QByteArray::fromBase64(pem));
        if (!parsed) {
            ERR_clear_error();
            setError(errorMessage, tr("This is not a PKCS#8 .p8 key: no “-----BEGIN PRIVATE KEY-----” block "
                                      "was found. %1")
                                       .arg(whereToGetKey()));
            return {};
        }
    } else {
        const auto has = [&labels](const char *label) { return labels.contains(QByteArray(label)); };
        bool hasPrivateKey = false;
        for (const QByteArray &label : labels) {
            if (label.endsWith("PRIVATE KEY") && label != "ENCRYPTED PRIVATE KEY" &&
                label != "OPENSSH PRIVATE KEY")
                hasPrivateKey = true;
        }
        if (has("ENCRYPTED PRIVATE KEY") || (hasPrivateKey && pem.contains("Proc-Type: 4,ENCRYPTED"))) {
            setError(
                errorMessage,
                tr("This private key is protected by a passphrase, but App Store Connect .p8 keys are not. "
                   "Use the original file, or remove the passphrase with "
                   "“openssl pkey -in encrypted.pem -out AuthKey.p8”."));
            return {};
        }
        if (!hasPrivateKey) {
            QString what;
            if (has("OPENSSH PRIVATE KEY"))
                what = tr("This is an OpenSSH private key, not a PKCS#8 .p8 key.");
            else if (has("PUBLIC KEY") || has("RSA PUBLIC KEY"))
                what = tr("This is a public key; Ascend needs the private key, a PKCS#8 .p8 key.");
            else if (has("CERTIFICATE"))
                what = tr("This is a certificate, not a PKCS#8 .p8 key.");
            else
                what = tr("This is not a PKCS#8 .p8 key (found a “%1” block instead of “PRIVATE KEY”).")
                           .arg(QString::fromLatin1(labels.first()));
            setError(errorMessage, what + QLatin1Char(' ') + whereToGetKey());
            return {};
        }
        parsed = parsePemPrivateKey(pem);
        if (!parsed) {
            ERR_clear_error();
            setError(errorMessage,
                     tr("This is not a PKCS#8 .p8 key: its “PRIVATE KEY” block cannot be decoded "
                        "(the text is damaged or incomplete). %1")
                         .arg(whereToGetKey()));
            return {};
        }
    }

    std::shared_ptr<EVP_PKEY> key(parsed, EVP_PKEY_free);
    if (!checkKeyType(key.get(), errorMessage)) {
        ERR_clear_error();
        return {};
    }
    return ApiKey(std::move(key));
}

ApiKey ApiKey::generate(QString *errorMessage)
{
    EVP_PKEY *pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!pkey) {
        ERR_clear_error();
        setError(errorMessage, tr("Could not generate a P-256 key (OpenSSL failed)."));
        return {};
    }
    return ApiKey(std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free));
}

QString ApiKey::keyIdFromFileName(const QString &path)
{
    // Browsers add " (1)" to a second download of the same name.
    static const QRegularExpression re(QStringLiteral("^AuthKey_([A-Za-z0-9]+)(?: ?\\(\\d+\\))?\\.p8$"));
    const QRegularExpressionMatch match = re.match(QFileInfo(path).fileName());
    return match.hasMatch() ? match.captured(1) : QString();
}

QByteArray ApiKey::publicKeyPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_PUBKEY(bio.get(), m_key.get())) {
        ERR_clear_error();
        return {};
    }
    return readBio(bio.get());
}

QByteArray ApiKey::privateKeyPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)) {
        ERR_clear_error();
        return {};
    }
    return readBio(bio.get());
}

} // namespace ascend::auth
