#pragma once

#include <QMetaType>

namespace ascend::upload {

// One upload operation's state as the chunk grid shows it.
enum class PartState { Waiting, InFlight, Done, Retrying, Failed };

} // namespace ascend::upload

Q_DECLARE_METATYPE(ascend::upload::PartState)
