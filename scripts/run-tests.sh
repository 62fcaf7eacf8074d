#!/usr/bin/env bash
# Installs what is missing, builds into build/ and runs the whole test suite; the exit status is the result.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ascend_install_packages
ascend_build

export QT_QPA_PLATFORM=offscreen
# Secrets of the test run go to throw-away 0600 files, never to a developer's keychain.
export ASCEND_SECRET_STORE=file
export ASCEND_CONFIG_DIR="$(mktemp -d)"
trap 'rm -rf "$ASCEND_CONFIG_DIR"' EXIT

cd "$ASCEND_BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" "$@"
