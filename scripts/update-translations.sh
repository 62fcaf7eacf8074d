#!/usr/bin/env bash
# Brings translations/ascend_<lang>.ts up to date with the sources: lupdate over the folders listed in
# translations/sources.txt, keeping every translation and dropping entries no source uses any more.
#
#   scripts/update-translations.sh            update the .ts files in place, then report what is left to translate
#   scripts/update-translations.sh --check    update temporary copies only; fail (exit 1) when a source string has
#                                             no finished translation (the "translations_complete" test runs this)
#
# lupdate is taken from $LUPDATE, else from Qt's binary folder (/usr/lib/qt6/bin on Debian).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=update
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

lupdate="${LUPDATE:-}"
if [ -z "$lupdate" ]; then
  for candidate in "$(command -v qtpaths6 >/dev/null 2>&1 && qtpaths6 --query QT_HOST_BINS)/lupdate" \
                   /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)"; do
    if [ -x "$candidate" ]; then lupdate="$candidate"; break; fi
  done
fi
if [ -z "$lupdate" ] || [ ! -x "$lupdate" ]; then
  echo "error: lupdate not found; install qt6-l10n-tools or set LUPDATE=/path/to/lupdate" >&2
  exit 2
fi

mapfile -t folders < <(grep -v -E '^[[:space:]]*(#|$)' "$root/translations/sources.txt")
shopt -s nullglob
ts_files=("$root"/translations/ascend_*.ts)
if [ ${#ts_files[@]} -eq 0 ]; then
  echo "error: no translations/ascend_*.ts file" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
status=0
for ts in "${ts_files[@]}"; do
  # The version before the update tells new strings from old ones, and shows what the update dropped.
  before="$work/before-$(basename "$ts")"
  cp "$ts" "$before"
  target="$ts"
  if [ "$mode" = check ]; then
    target="$work/$(basename "$ts")"
    cp "$ts" "$target"
  fi
  # -I src resolves the project's includes, so tr() gets the class (context) it has at run time.
  # English is the source language: its file only holds the plural forms ("%n build(s)" → "1 build").
  extra=()
  if [ "$(basename "$ts")" = ascend_en.ts ]; then extra=(-pluralonly); fi
  if ! output="$("$lupdate" -silent -I src -extensions cpp,h,ui -source-language en -no-obsolete \
                 -locations relative "${extra[@]}" "${folders[@]}" -ts "$target" 2>&1)"; then
    echo "$output" >&2
    echo "error: lupdate failed for $(basename "$ts")" >&2
    exit 2
  fi
  if [ -n "$output" ]; then
    echo "lupdate warnings:"
    echo "$output" | sed "s|$root/||; s/^/  /"
  fi
  checker=(python3 "$root/scripts/check-translations.py" --root "$root" --original "$before" --label "$ts")
  if [ "$mode" = update ]; then checker+=(--updating); fi
  "${checker[@]}" "$target" || status=$?
done
if [ "$mode" = update ] && [ $status -eq 1 ]; then
  # Updating is not a failure; the list above is the work left.
  status=0
fi
exit $status
