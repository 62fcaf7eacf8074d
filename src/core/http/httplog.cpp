#include "core/http/httplog.h"

#include <QByteArray>

namespace ascend::http {

Q_LOGGING_CATEGORY(lcHttp, "ascend.http", QtInfoMsg)

bool isSensitiveHeader(QByteArrayView name)
{
    static const QByteArrayView sensitive[] = {"authorization", "proxy-authorization", "x-apple-signature",
                                               "cookie", "set-cookie"};
    for (QByteArrayView candidate : sensitive) {
        if (qstrnicmp(name.data(), name.size(), candidate.data(), candidate.size()) == 0)
            return true;
    }
    return false;
}

} // namespace ascend::http
