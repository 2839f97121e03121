# Helpers shared by the command-line tests. Source it from a test script:
#   source "$(dirname "$0")/cli_lib.sh"
# It makes a scratch folder $tmp (removed on exit) and counts checks; end the script with
# `finish`, which prints the counts and fails when a check failed. Each check prints what it
# expected when it fails.
set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

exit_is() {  # exit_is CODE COMMAND...: its output goes to $tmp/stdout and $tmp/stderr
  local want=$1; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "  exit $got, wanted $want: $*"; cat "$tmp/stderr"; head -c 3000 "$tmp/stdout"; return 1; }
}

stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "  stderr lacks '$1':"; cat "$tmp/stderr"; return 1; }; }
stderr_matches() { grep -qE -- "$1" "$tmp/stderr" || { echo "  stderr matches no '$1':"; cat "$tmp/stderr"; return 1; }; }
stderr_lacks() { ! grep -qF -- "$1" "$tmp/stderr" || { echo "  stderr has '$1':"; cat "$tmp/stderr"; return 1; }; }
stdout_has() { grep -qF -- "$1" "$tmp/stdout" || { echo "  stdout lacks '$1':"; head -c 3000 "$tmp/stdout"; return 1; }; }
stdout_lacks() { ! grep -qF -- "$1" "$tmp/stdout" || { echo "  stdout has '$1':"; grep -F -- "$1" "$tmp/stdout"; return 1; }; }

# Temporary files of an output being written (cli/io.cpp names them .NAME.tmp-PID-N).
no_temp_files() {
  local left
  left=$(find "$1" -name '.*.tmp-*' 2>/dev/null)
  [ -z "$left" ] || { echo "  temporary files left: $left"; return 1; }
}

finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
