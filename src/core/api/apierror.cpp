#include "core/api/apierror.h"

#include <QStringList>

namespace ascend::api {

ApiError ApiError::network(const QString &errorString, const QUrl &url)
{
    ApiError error;
    error.kind = Kind::Network;
    error.networkError = errorString;
    error.url = url;
    return error;
}

ApiError ApiError::timeout(const QString &detail, const QUrl &url)
{
    ApiError error;
    error.kind = Kind::Timeout;
    error.detail = detail;
    error.url = url;
    return error;
}

ApiError ApiError::http(int status, const QList<jsonapi::Error> &errors, const QUrl &url)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = status;
    error.errors = errors;
    error.url = url;
    return error;
}

ApiError ApiError::decode(const QString &detail, int status, const QUrl &url)
{
    ApiError error;
    error.kind = Kind::Decode;
    error.detail = detail;
    error.httpStatus = status;
    error.url = url;
    return error;
}

ApiError ApiError::auth(const QString &detail)
{
    ApiError error;
    error.kind = Kind::Auth;
    error.detail = detail;
    return error;
}

ApiError ApiError::config(const QString &detail)
{
    ApiError error;
    error.kind = Kind::Config;
    error.detail = detail;
    return error;
}

ApiError ApiError::cancelled()
{
    ApiError error;
    error.kind = Kind::Cancelled;
    return error;
}

bool ApiError::hasCode(const QString &prefix) const
{
    for (const auto &error : errors) {
        if (error.codeIs(prefix))
            return true;
    }
    return false;
}

QString ApiError::hint() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Cancelled:
    case Kind::Config:
        return {};
    case Kind::Network:
        return tr("Check the internet connection, proxy and firewall, then try again.");
    case Kind::Timeout:
        return tr("The server may be slow or the connection poor; try again in a moment.");
    case Kind::Decode:
        return tr("The server's answer was not in the expected format; if this keeps happening, "
                  "check the server address in the account settings.");
    case Kind::Auth:
        return tr("Check the account's issuer ID, key ID and private key file.");
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 400:
        return tr("The request was not accepted; check the values and filters used.");
    case 401:
        return tr(
            "App Store Connect did not accept the API key. Check the issuer ID, key ID and private key, "
            "that the key has not been revoked, and that this computer's clock is correct.");
    case 403:
        return tr("The API key is not allowed to do this. Check the key's role under Users and Access → "
                  "Integrations in App Store Connect.");
    case 404:
        return tr("It was not found: it may have been deleted, or the API key's team cannot see it.");
    case 409:
        return tr("This conflicts with the current state on the server (for example a duplicate, or a change "
                  "that is not allowed right now). Refresh and try again.");
    case 413:
        return tr("The request is too large for the server.");
    case 422:
        return tr("Some values were not accepted; correct them and try again.");
    case 429:
        return tr("The API key has used up its hourly request budget. Wait a few minutes and try again.");
    default:
        break;
    }
    if (httpStatus >= 500)
        return tr("App Store Connect has a problem on its side. Try again in a few minutes.");
    return {};
}

QString ApiError::message() const
{
    QString what;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Config:
        return detail;
    case Kind::Auth:
        what = detail.isEmpty() ? tr("No access token could be created.")
                                : tr("No access token could be created: %1.").arg(detail);
        break;
    case Kind::Network: {
        const QString host = url.host();
        if (host.isEmpty())
            what = tr("The connection to the server failed: %1.").arg(networkError);
        else
            what = tr("The connection to %1 failed: %2.").arg(host, networkError);
        break;
    }
    case Kind::Timeout: {
        const QString host = url.host();
        what = host.isEmpty() ? tr("The server did not answer in time.")
                              : tr("%1 did not answer in time.").arg(host);
        if (!detail.isEmpty())
            what += QLatin1Char(' ') + detail;
        break;
    }
    case Kind::Decode:
        what = tr("The server's answer could not be read: %1.").arg(detail);
        break;
    case Kind::Http: {
        QStringList parts;
        for (const auto &error : errors) {
            const QString summary = error.summary();
            if (!summary.isEmpty() && !parts.contains(summary))
                parts << summary;
        }
        if (parts.isEmpty())
            what = tr("The server answered with HTTP status %1.").arg(httpStatus);
        else
            what = tr("%1 (HTTP %2)").arg(parts.join(QStringLiteral("; ")), QString::number(httpStatus));
        break;
    }
    }
    const QString advice = hint();
    return advice.isEmpty() ? what : what + QLatin1Char(' ') + advice;
}

} // namespace ascend::api
