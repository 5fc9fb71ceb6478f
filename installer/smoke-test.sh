#!/usr/bin/env bash
# Runs an app image's launcher the way a user would, so a broken installer cannot land:
#   installer/smoke-test.sh [IMAGE]     (default target/installer/Stagedesk; `mvn verify` runs it on Linux)
# Checks: the launcher, icon and desktop entry are in the image; `--help` answers; `init` sets up a store in
# a temp folder and `audit verify` signs in and finds it intact; no command writes anything to stderr (in
# particular no SLF4J lines).
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-target/installer/Stagedesk}"
launcher="$image/bin/Stagedesk"
fail() { echo "installer smoke test FAILED: $*" >&2; exit 1; }

[ -x "$launcher" ] || fail "no launcher at $launcher"
if [ "$(uname -s)" = Linux ]; then
  [ -s "$image/lib/Stagedesk.png" ] || fail "no icon at $image/lib/Stagedesk.png"
  entry="$image/lib/stagedesk-Stagedesk.desktop"
  [ -s "$entry" ] || fail "no desktop entry at $entry"
  # The entry names the installed paths (/opt/stagedesk/...): the same files must be in the image.
  exec_path=$(sed -n 's/^Exec=//p' "$entry" | cut -d' ' -f1)
  icon_path=$(sed -n 's/^Icon=//p' "$entry")
  [ -e "$image/${exec_path#/opt/stagedesk/}" ] || fail "desktop entry Exec=$exec_path is not in the image"
  [ -e "$image/${icon_path#/opt/stagedesk/}" ] || fail "desktop entry Icon=$icon_path is not in the image"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/stagedesk-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
data="$work/data"

# run NAME ARGS...: runs the launcher, keeps stdout/stderr in $work/NAME.out/.err, fails on a non-zero exit
run() {
  local name="$1"; shift
  if ! "$launcher" --data "$data" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
    cat "$work/$name.out" "$work/$name.err" >&2
    fail "'$*' exited with an error"
  fi
  if [ -s "$work/$name.err" ]; then
    cat "$work/$name.err" >&2
    fail "'$*' wrote to stderr"
  fi
}

run help --help
grep -q "Usage: stagedesk" "$work/help.out" || fail "--help printed no usage"
grep -q "init" "$work/help.out" || fail "--help lists no init command"

export STAGEDESK_PASSWORD="smoke-test-password"
run init init --agency "Smoke Test Agency" --currency EUR --admin admin --time-zone Europe/Berlin
grep -q "Smoke Test Agency" "$work/init.out" || fail "init did not report the agency"
[ -f "$data/stagedesk.mv.db" ] || fail "init wrote no store in $data"

STAGEDESK_USER=admin run verify audit verify
grep -qi "intact" "$work/verify.out" || fail "audit verify did not find the new store intact"

echo "installer smoke test passed: $launcher (--help, init, audit verify)"
