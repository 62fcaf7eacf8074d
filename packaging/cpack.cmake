# CPack: one Debian package "ascend" with the three programs and the desktop integration.
# Build it with scripts/build-package.sh, or `cpack -G DEB --config build/CPackConfig.cmake -B <dir>`.

set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGE_NAME ascend)
set(CPACK_PACKAGE_VENDOR "The Ascend developers")
set(CPACK_PACKAGE_CONTACT "${ASCEND_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop workbench for App Store Connect")
# Debian's extended description: paragraphs separated by an empty line (CPack writes them as " .").
set(CPACK_PACKAGE_DESCRIPTION [=[
Ascend uploads iOS and macOS builds to App Store Connect and shows each part
of the transfer; an interrupted upload resumes with only the missing parts.
It manages App Store Connect webhooks and runs a local listener that verifies
their signatures, and it hands builds to TestFlight groups and testers and
submits them for Beta App Review.

The package contains the desktop application (ascend), the command-line client
for CI and scripts (ascendctl, with JSON output) and a local App Store Connect
simulator used by the demo mode and by tests (ascend-sim).]=])
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_RELEASE ${ASCEND_PACKAGE_REVISION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries the programs link to come from dpkg-shlibdeps. What they load at run time does not show up
# there: Qt's SVG image and icon plugins (the icons), Qt's SQLite driver (upload journal, event log,
# feedback triage) and libsecret, which qtkeychain opens with dlopen() to reach the Secret Service.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4), libqt6sql6-sqlite (>= 6.4), libsecret-1-0")
# A Secret Service (or KWallet) keeps the keys; without one Ascend falls back to 0600 files.
# qt6-wayland lets the app run as a native Wayland client (otherwise it uses XWayland).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc, qt6-wayland")

include(CPack)
