#include "core/upload/uploadlogging.h"

namespace ascend::upload {
Q_LOGGING_CATEGORY(lcUpload, "ascend.upload", QtInfoMsg)
}
