#pragma once

namespace ascend::cli {
class CliContext;

// `ascendctl --demo` without a command: runs the demo scenario against a fresh simulator and prints each
// step.
int runDemoScenario(CliContext &context);
} // namespace ascend::cli
