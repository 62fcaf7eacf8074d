#!/usr/bin/env bash
# Installs what is missing, builds into build/ and runs the demo against a local App Store Connect simulator:
# the GUI when a display is available, otherwise the headless scenario through ascendctl.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ascend_install_packages
ascend_build

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$ASCEND_BUILD_DIR/src/app/ascend" --demo "$@"
else
  echo "No display found: running the headless demo scenario with ascendctl."
  exec "$ASCEND_BUILD_DIR/src/cli/ascendctl" --demo "$@"
fi
