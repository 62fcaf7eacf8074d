#!/usr/bin/env bash
# Shared set-up for the README's commands: install missing Debian packages, then configure and build into build/.
# Sourced by run-demo.sh and run-tests.sh; also usable on its own.
set -euo pipefail

ASCEND_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ASCEND_BUILD_DIR="${ASCEND_BUILD_DIR:-$ASCEND_ROOT/build}"

ASCEND_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-svg-dev
  qt6-image-formats-plugins
  libqt6sql6-sqlite libqt6svg6 qtkeychain-qt6-dev libssl-dev openssl libgl-dev
  libzip-dev libplist-dev libhttp-parser-dev
  python3 python3-jsonschema curl xz-utils
  xvfb xauth imagemagick fonts-dejavu-core dbus gnome-keyring
  dpkg-dev file lintian appstream desktop-file-utils man-db
)

ascend_install_packages() {
  local missing=()
  local pkg
  for pkg in "${ASCEND_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
      return 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ascend_build() {
  local generator=()
  if command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
  fi
  if [ ! -f "$ASCEND_BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$ASCEND_ROOT" -B "$ASCEND_BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fi
  cmake --build "$ASCEND_BUILD_DIR" --parallel "$(nproc)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ascend_install_packages
  ascend_build
fi
