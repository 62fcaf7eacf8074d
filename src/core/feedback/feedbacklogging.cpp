#include "core/feedback/feedbacklogging.h"

Q_LOGGING_CATEGORY(lcFeedback, "ascend.feedback")
