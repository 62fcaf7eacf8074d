#pragma once

#include <QByteArrayView>
#include <QLoggingCategory>

namespace ascend::http {

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

// Headers whose values must never be written to a log (credentials and signatures).
bool isSensitiveHeader(QByteArrayView name);

} // namespace ascend::http
