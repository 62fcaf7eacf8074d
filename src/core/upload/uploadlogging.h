#pragma once

#include <QLoggingCategory>

namespace ascend::upload {
Q_DECLARE_LOGGING_CATEGORY(lcUpload)
}
