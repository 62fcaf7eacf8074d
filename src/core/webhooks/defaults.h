#pragma once

#include <QString>

namespace ascend::webhooks {

// <config dir>/events.sqlite: the event log the GUI's listener and `ascendctl listen` share by default.
QString defaultEventLogPath();

} // namespace ascend::webhooks
