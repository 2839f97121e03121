#!/usr/bin/env bash
# golden.sh [--update] GONGWEN NAME [INPUT EXPECTED_DIR]
#
# Converts INPUT (default fixtures/seeds/NAME.txt) into the formats below and compares each output,
# in the form below, with its reviewed golden file in EXPECTED_DIR (default fixtures/expected):
#
#   NAME.xml            convert -t xml, byte for byte (and valid against the XSD)
#   NAME.json           convert -t json, byte for byte
#   NAME.txt, NAME.md   convert -t txt / -t md, byte for byte
#   NAME.inspect.txt    inspect, byte for byte
#   NAME.inspect.json   inspect --format json, byte for byte
#
# Prints a unified diff for every file that differs and exits 1 if any does (or a command
# fails). With --update it writes the files into EXPECTED_DIR instead (scripts/update-golden.sh
# runs it for every fixture): the goldens and this comparison share one normalizing code.
# Run from the project root (ctest does): the input's path as given is recorded in the outputs.
set -uo pipefail
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
gongwen=$1
name=$2
input=${3:-fixtures/seeds/$name.txt}
expected=${4:-fixtures/expected}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "golden: $name: $*" >&2; status=1; }

# The outputs: one convert for all the formats (each report is read once), as a batch writes them:
# -d mirrors the input's path, fixtures/seeds/a.txt → $tmp/out/fixtures/seeds/a.txt.xml.
got=$tmp/got
mkdir -p "$got"
"$gongwen" convert "$input" -t xml,json,txt,md -d "$tmp/out" --quiet ||
  fail "convert failed"
out=$tmp/out/$input
for format in xml json txt md; do
  cp "$out.$format" "$got/$name.$format" || fail "no $format output"
done
"$gongwen" inspect "$input" > "$got/$name.inspect.txt" || fail "inspect failed"
"$gongwen" inspect "$input" --format json > "$got/$name.inspect.json" || fail "inspect --format json failed"
if command -v xmllint > /dev/null; then
  xmllint --noout --schema converters/xml/gongwen-document-1.xsd "$got/$name.xml" 2> "$tmp/xmllint" ||
    { cat "$tmp/xmllint" >&2; fail "$name.xml is not valid against its XSD"; }
fi

goldens=("$name.xml" "$name.json" "$name.txt" "$name.md" "$name.inspect.txt" "$name.inspect.json")
if [ $update -eq 1 ]; then
  # Nothing is written unless every output was made.
  [ $status -eq 0 ] || { echo "golden: $name: not updated" >&2; exit 1; }
  mkdir -p "$expected"
  for golden in "${goldens[@]}"; do
    rm -rf "${expected:?}/$golden"
    cp -R "$got/$golden" "$expected/$golden"
  done
  exit 0
fi

# compare FILE: diff -u of the golden and this build's FILE; a file missing on one side is
# compared with nothing.
compare() {
  local a=$expected/$1 b=$got/$1
  [ -e "$a" ] || a=/dev/null
  [ -e "$b" ] || b=/dev/null
  diff -u --label "$expected/$1 (golden)" --label "$1 (this build)" "$a" "$b" || fail "$1 differs"
}
for golden in "${goldens[@]}"; do compare "$golden"; done
[ $status -eq 0 ] || echo "golden: $name: outputs differ from the goldens; if the change is intended, run scripts/update-golden.sh and review the diff" >&2
exit $status
