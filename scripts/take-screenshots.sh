#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ from the real program, rendered offscreen:
#   main-window.png     `ascend --demo`: connected to the demo simulator, first app selected, Uploads pane
#   welcome.png         `ascend` with no account stored
#   account-dialog.png  the account dialog after "Test Connection" succeeded (taken by tst_accountdialog)
#   feedback.png        the Feedback pane of the demo app, thumbnails loaded
#   settings.png        Settings ▸ Uploads over the demo window
#   log-viewer.png      Help ▸ Show Log after connecting to the demo (secrets redacted)
# Usage: scripts/take-screenshots.sh [OUTPUT_DIR]   (ASCEND_BUILD_DIR selects the build tree, default build/)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

out="${1:-$ASCEND_ROOT/docs/screenshots}"
size="1280x800"

ascend_install_packages
if [ ! -f "$ASCEND_BUILD_DIR/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  cmake -S "$ASCEND_ROOT" -B "$ASCEND_BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$ASCEND_BUILD_DIR" --parallel "$(nproc)" --target ascend ascend-sim tst_accountdialog tst_webhookspane

# A clean, private environment: no stored accounts, no keychain prompts, no window state from earlier runs.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
export ASCEND_SECRET_STORE=file
export ASCEND_CONFIG_DIR="$work/config"
export XDG_CONFIG_HOME="$work/xdg"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$out" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

ascend="$ASCEND_BUILD_DIR/src/app/ascend"
"$ascend" --demo --size "$size" --screenshot "$out/main-window.png"
"$ascend" --size "$size" --screenshot "$out/welcome.png"
# Uploads: a generated sample build caught mid-transfer (the demo throttles parts like a real connection).
"$ascend" --demo --size "$size" --pane uploads --sample-upload --screenshot-delay 1300 --screenshot "$out/uploads.png"
"$ascend" --demo --size "$size" --pane testflight --screenshot-delay 1500 --screenshot "$out/testflight.png"
# Feedback: the demo app's inbox with thumbnails loaded.
"$ascend" --demo --size 1400x900 --pane feedback --screenshot-delay 4000 --screenshot "$out/feedback.png"
# Settings and the log viewer, opened over the connected demo window.
"$ascend" --demo --screenshot-window settings:Uploads --screenshot "$out/settings.png"
"$ascend" --demo --screenshot-window log --screenshot-delay 1500 --screenshot "$out/log-viewer.png"

ASCEND_SCREENSHOT_DIR="$work/shots" "$ASCEND_BUILD_DIR/tests/ui/tst_accountdialog" testConnectionAgainstSimulator \
  >"$work/test.log" 2>&1 || { cat "$work/test.log" >&2; exit 1; }
cp "$work/shots/account-dialog.png" "$out/account-dialog.png"
echo "$out/account-dialog.png"

# Webhooks: the end-to-end test leaves the pane with a running listener and verified events.
ASCEND_SCREENSHOT_DIR="$work/shots" "$ASCEND_BUILD_DIR/tests/ui/tst_webhookspane" webhooksEndToEndAgainstTheSimulator \
  >"$work/webhooks.log" 2>&1 || { cat "$work/webhooks.log" >&2; exit 1; }
for shot in webhooks webhooks-form webhooks-deliveries; do
  cp "$work/shots/$shot.png" "$out/$shot.png"
  echo "$out/$shot.png"
done
