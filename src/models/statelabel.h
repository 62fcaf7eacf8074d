#pragma once

#include <QString>

namespace ascend::models {

// What a person reads for an App Store Connect state value, translated: "READY_FOR_BETA_TESTING" →
// "Ready for beta testing" (German "Bereit für Betatests"). Covers the build processing, internal and
// external beta, beta review and beta tester states; a value it does not know is spelled out from its name
// ("SOME_NEW_STATE" → "Some new state"). Empty for an empty value.
QString stateLabel(const QString &apiValue);

} // namespace ascend::models
