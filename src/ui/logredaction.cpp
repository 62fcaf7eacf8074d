#include "ui/logredaction.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>
#include <functional>

namespace ascend::ui {

namespace {

QMutex g_valuesMutex;
QStringList g_values; // guarded by g_valuesMutex

constexpr auto kInsensitive = QRegularExpression::CaseInsensitiveOption;

QString marker()
{
    return QString::fromLatin1(kRedactedMarker);
}

// Replaces every match of re with what replacement() makes of it.
QString replaceAll(const QString &text, const QRegularExpression &re,
                   const std::function<QString(const QRegularExpressionMatch &)> &replacement)
{
    QString out;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = re.globalMatch(text);
    if (!it.hasNext())
        return text;
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += replacement(match);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

QString redactSecrets(const QString &input)
{
    QString text = input;

    // PEM private keys of any kind, also when the END line was cut off.
    static const QRegularExpression pem(
        QStringLiteral("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(?:-----END \\1PRIVATE KEY-----|\\z)"),
        QRegularExpression::DotMatchesEverythingOption);
    text = replaceAll(text, pem, [](const QRegularExpressionMatch &m) {
        return QStringLiteral("-----BEGIN %1PRIVATE KEY----- %2 -----END %1PRIVATE KEY-----")
            .arg(m.captured(1), marker());
    });

    // Authorization headers, whatever their scheme: "Authorization: Bearer …", JSON, key=value.
    static const QRegularExpression authorization(
        QStringLiteral("(\\b(?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)(?:(bearer|basic|token|digest)\\s+)?"
                       "[^\\s\",;]+"),
        kInsensitive);
    text = replaceAll(text, authorization, [](const QRegularExpressionMatch &m) {
        const QString scheme = m.captured(2);
        return m.captured(1) + (scheme.isEmpty() ? QString() : scheme + QLatin1Char(' ')) + marker();
    });

    // Bearer tokens wherever else they appear.
    static const QRegularExpression bearer(QStringLiteral("\\b(bearer)\\s+[A-Za-z0-9\\-._~+/]+=*"),
                                           kInsensitive);
    text = replaceAll(text, bearer, [](const QRegularExpressionMatch &m) {
        return m.captured(1) + QLatin1Char(' ') + marker();
    });

    // JWTs (and any other base64url JSON): "eyJ" is how '{"' starts in base64.
    static const QRegularExpression jwt(QStringLiteral(
        "\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?|\\beyJ[A-Za-z0-9_-]{16,}"));
    text = replaceAll(text, jwt,
                      [](const QRegularExpressionMatch &) { return QStringLiteral("[redacted JWT]"); });

    // Webhook signatures.
    static const QRegularExpression signature(
        QStringLiteral("(x-apple-signature\"?\\s*[:=]\\s*\"?)[^\\s\",;]+"), kInsensitive);
    text = replaceAll(text, signature,
                      [](const QRegularExpressionMatch &m) { return m.captured(1) + marker(); });

    // Fields that hold secrets, in JSON ("secret": "…") and key=value / key: value form.
    static const QRegularExpression jsonField(
        QStringLiteral("(\"[A-Za-z_-]*(?:secret|password|passphrase|token|privatekey|private_key)\"\\s*:\\s*)"
                       "(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)"),
        kInsensitive);
    text = replaceAll(text, jsonField, [](const QRegularExpressionMatch &m) {
        return m.captured(1) + QLatin1Char('"') + marker() + QLatin1Char('"');
    });
    static const QRegularExpression keyValue(
        QStringLiteral("\\b([A-Za-z_-]*(?:secret|password|passphrase|token)|private[_-]?key)(\\s*[=:]\\s*)"
                       "(?!\\[redacted)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)"),
        kInsensitive);
    text = replaceAll(text, keyValue, [](const QRegularExpressionMatch &m) {
        return m.captured(1) + m.captured(2) + marker();
    });

    // Secrets Ascend knows by value.
    QMutexLocker lock(&g_valuesMutex);
    for (const QString &value : std::as_const(g_values))
        text.replace(value, marker());
    return text;
}

void addRedactedValue(const QString &value)
{
    if (value.size() < 8)
        return;
    QMutexLocker lock(&g_valuesMutex);
    if (!g_values.contains(value))
        g_values.append(value);
}

void removeRedactedValue(const QString &value)
{
    QMutexLocker lock(&g_valuesMutex);
    g_values.removeAll(value);
}

} // namespace ascend::ui
