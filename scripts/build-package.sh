#!/usr/bin/env bash
# Builds the Debian package of Ascend into build/packages/ and checks it with lintian.
# Usage: scripts/build-package.sh        (ASCEND_BUILD_DIR overrides build/, as for the other scripts)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ascend_install_packages
ascend_build

out="$ASCEND_BUILD_DIR/packages"
mkdir -p "$out"
rm -f "$out"/ascend_*.deb
# cpack installs the built programs, icons and manual pages into a staging folder, strips the programs,
# runs dpkg-shlibdeps and writes the .deb.
cpack -G DEB --config "$ASCEND_BUILD_DIR/CPackConfig.cmake" -B "$out"
rm -rf "$out/_CPack_Packages"
deb="$(ls "$out"/ascend_*.deb)"

echo
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Recommends
echo
echo "lintian $deb:"
status=0
lintian --tag-display-limit 0 "$deb" || status=$?
if [ "$status" -eq 0 ]; then
  echo "lintian: no errors"
else
  echo "lintian reported errors (exit status $status)" >&2
fi
echo
echo "Package: $deb"
echo "Install it with: sudo apt install $deb"
exit "$status"
