#!/usr/bin/env bash
# The command line as a user meets it. Each check prints what it expected when it fails.
set -uo pipefail
gongwen=$1
seed0=fixtures/seeds/000_2ff49a1744f89f60.txt
seed2=fixtures/seeds/002_acf107ec8495534f.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
exit_is() {  # exit_is CODE COMMAND...
  local want=$1; shift
  "$@" > "$tmp/stdout" 2> "$tmp/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { echo "  exit $got, wanted $want: $*"; cat "$tmp/stderr"; return 1; }
}
stderr_has() { grep -qF -- "$1" "$tmp/stderr" || { echo "  stderr lacks '$1':"; cat "$tmp/stderr"; return 1; }; }
stdout_has() { grep -qF -- "$1" "$tmp/stdout" || { echo "  stdout lacks '$1'"; return 1; }; }
no_temp_files() { ! find "$1" -name '.*.tmp-*' | grep -q .; }

# Help, version, usage errors (exit 2).
check "--help exits 0 with usage" exit_is 0 "$gongwen" --help
check "--help shows convert" stdout_has "gongwen convert IN"
check "--version" exit_is 0 "$gongwen" --version
check "--version prints the name" stdout_has "gongwen 0."
check "no command is a usage error" exit_is 2 "$gongwen"
check "unknown command" exit_is 2 "$gongwen" frobnicate
check "unknown command named" stderr_has "frobnicate"
check "convert without input" exit_is 2 "$gongwen" convert -t xml
check "-o with two inputs" exit_is 2 "$gongwen" convert "$seed0" "$seed2" -o "$tmp/x.xml"
check "unknown format" exit_is 2 "$gongwen" convert "$seed0" -t docx -o -
check "format needed for stdout" exit_is 2 "$gongwen" convert "$seed0"
check "unknown option" exit_is 2 "$gongwen" convert --frob "$seed0"
check "inspect takes one input" exit_is 2 "$gongwen" inspect "$seed0" "$seed2"

# Conversions.
check "convert to xml by extension" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/a.xml"
check "xml output is xml" grep -q '<document xmlns="urn:gongwen:document:1"' "$tmp/a.xml"
check "convert to json by extension" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/a.json"
check "json output parses" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['metadata']['title']['value'].startswith('亳州市科学技术局')" "$tmp/a.json"
check "stdin to stdout" exit_is 0 bash -c "cat '$seed2' | '$gongwen' convert - -t txt"
check "stdin text has the inferred title" stdout_has "漯河市科学技术局2020年度法治政府建设工作报告"
check "markdown headings" exit_is 0 "$gongwen" convert "$seed2" -t md -o -
check "markdown level-3 heading" stdout_has "#### 1.领导高度重视。"
check "native xml read back" exit_is 0 "$gongwen" convert "$tmp/a.xml" -t json -o "$tmp/b.json"
check "xml → json equals text → json" cmp -s "$tmp/a.json" "$tmp/b.json"

# A batch with broken files in the middle: the others are written, exit 1, each bad file named.
mkdir -p "$tmp/in" "$tmp/out"
cp "$seed0" "$tmp/in/good1.txt"; cp "$seed2" "$tmp/in/good2.txt"
: > "$tmp/in/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01' > "$tmp/in/image.txt"
check "batch with bad files exits 1" exit_is 1 "$gongwen" convert "$tmp/in/good1.txt" "$tmp/in/empty.txt" "$tmp/in/image.txt" "$tmp/in/missing.txt" "$tmp/in/good2.txt" -d "$tmp/out" -t json
check "good files written" test -s "$tmp/out/good1.json" -a -s "$tmp/out/good2.json"
check "no output for bad files" test ! -e "$tmp/out/empty.json" -a ! -e "$tmp/out/image.json"
check "empty file named" stderr_has "empty.txt: empty file"
check "binary file named" stderr_has "image.txt: binary"
check "missing file named" stderr_has "missing.txt: cannot open"
check "no temporary files left" no_temp_files "$tmp/out"

# Nothing lost: an input is never overwritten, a failed run leaves an old output untouched.
cp "$seed0" "$tmp/self.txt"
before=$(sha256sum < "$tmp/self.txt")
check "refuses to overwrite its input" exit_is 1 "$gongwen" convert "$tmp/self.txt" -t txt -o "$tmp/self.txt"
check "input unchanged" test "$(sha256sum < "$tmp/self.txt")" = "$before"
echo keep > "$tmp/old.xml"
check "failed conversion exits 1" exit_is 1 "$gongwen" convert "$tmp/in/empty.txt" -o "$tmp/old.xml"
check "old output untouched" test "$(cat "$tmp/old.xml")" = keep
check "no temporary files after failure" no_temp_files "$tmp"
echo file > "$tmp/plainfile"
check "unwritable output dir" exit_is 1 "$gongwen" convert "$seed0" -d "$tmp/plainfile/sub" -t xml
check "unwritable output named" stderr_has "plainfile/sub"
check "two inputs, one output name" exit_is 2 "$gongwen" convert "$tmp/in/good1.txt" "$tmp/out/good1.json" -d "$tmp/o2" -t txt
check "name collision explained" stderr_has "both be written"

# Inspect.
check "inspect text" exit_is 0 "$gongwen" inspect "$seed2"
check "inspect shows inferred title" stdout_has "标题: 漯河市科学技术局2020年度法治政府建设工作报告 (inferred)"
check "inspect json" exit_is 0 "$gongwen" inspect "$seed2" --format json
check "inspect json fields" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
assert d['title']=='漯河市科学技术局2020年度法治政府建设工作报告' and d['title_inferred'] is True, d['title']
assert d['year']==2020 and d['signed']=='2021-01-22' and d['published'] is None
assert d['addressee']=='市法治政府建设领导小组办公室'
assert [h['level'] for h in d['headings']].count(1)==4
assert any(x['kind']=='cjk_space_removed' for x in d['diagnostics'])
" "$tmp/stdout"
check "inspect of a bad file exits 1" exit_is 1 "$gongwen" inspect "$tmp/in/empty.txt"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
