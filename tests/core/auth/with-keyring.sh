#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service).
# Throw-away XDG directories keep the user's own keyrings out of reach.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/runtime"
export XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
       XDG_CACHE_HOME="$tmp/cache"
unset DBUS_SESSION_BUS_ADDRESS
status=0
dbus-run-session -- sh -c \
    'printf x | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' keyring "$@" \
    || status=$?
exit "$status"
