#!/usr/bin/env bash
# bad_input_test.sh GONGWEN: whatever gongwen is given, it never crashes, hangs, runs out of
# memory, writes invalid output or loses work. Every bad input gets a clear message naming the
# file and the documented exit status (1 for a file that fails, 2 for a usage error), no
# output or temporary file is left for it, and no input is ever changed.
# GONGWEN_BIG_INPUTS=0 skips the runs over large inputs (the 100 MB text and its peak memory,
# a 10 MB line read whole): the sanitizer build sets it, where they would take minutes and
# memory figures mean nothing.
# GONGWEN_FAKETIME=0 skips the runs under faketime, which cannot run an ASan program.
gongwen=$(realpath "$1")
source "$(dirname "$0")/cli_lib.sh"
big_inputs=${GONGWEN_BIG_INPUTS:-1}
faketime=${GONGWEN_FAKETIME:-1}
seed=fixtures/seeds/001_9633c70aebd6e55d.txt
seeds=(fixtures/seeds/*.txt)
in="$tmp/in"
mkdir -p "$in"
# remember FILE...: their checksums, checked at the end (inputs are never changed).
remember() { sha256sum -- "$@" >> "$tmp/inputs.sha256"; }
remember "${seeds[@]}"

# refused FILE MESSAGE [OPTION...]: converting FILE to XML and JSON fails with exit status 1,
# stderr names the file and MESSAGE on one line, and nothing is written for it.
refused() {
  local file=$1 message=$2; shift 2
  local dir="$tmp/out.$RANDOM$RANDOM"
  exit_is 1 "$gongwen" convert "$file" -t xml,json -d "$dir" "$@" || return 1
  local line
  line=$(grep -F -- "gongwen: $file: " "$tmp/stderr")
  [[ "$line" == *"$message"* ]] || { echo "  stderr lacks '$file: …$message':"; cat "$tmp/stderr"; return 1; }
  local written
  written=$(find "$dir" -type f 2>/dev/null)
  [ -z "$written" ] || { echo "  written for a refused input: $written"; return 1; }
}
# well_formed XML: xmllint reads it, and gongwen reads it back to the same JSON.
well_formed() {
  xmllint --noout "$1.xml" || return 1
  /usr/bin/python3 -c "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))" "$1.json" || return 1
  "$gongwen" convert "$1.xml" -t json -o "$tmp/back.json" && cmp -s "$tmp/back.json" "$1.json" ||
    { echo "  $1.xml does not read back to $1.json"; return 1; }
}
# python3 BYTES-EXPRESSION FILE: writes bytes made by a Python expression (s: the seed's text).
make_input() {
  /usr/bin/python3 -c "import sys; s = open(sys.argv[1], encoding='utf-8').read(); open(sys.argv[2], 'wb').write($1)" "$seed" "$2"
}

# --- inputs that are not text, or not whole ------------------------------------------------
: > "$in/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89' > "$in/image.png"
head -c 4096 /dev/zero > "$in/nul.bin"
# Cut inside a character: the last byte is the first of a multi-byte sequence.
make_input "s.encode()[:s.encode().index('。'.encode()) + 1]" "$in/utf8-cut.txt"
make_input "(lambda b: b[:next(i for i in range(len(b) // 2, len(b)) if b[i] >= 0x81) + 1])(s.encode('gb18030'))" "$in/gb18030-cut.txt"
# A lone surrogate: encoded in UTF-8 (not valid UTF-8), and in UTF-16 after a byte order mark.
make_input "s[:40].encode() + b'\xed\xa0\x80' + s[40:].encode()" "$in/surrogate-utf8.txt"
make_input "b'\xff\xfe' + s[:40].encode('utf-16-le') + b'\x00\xd8' + s[40:].encode('utf-16-le')" "$in/surrogate-utf16.txt"
remember "$in"/*.txt "$in/image.png" "$in/nul.bin"
check "empty file" refused "$in/empty.txt" "empty file"
check "PNG image" refused "$in/image.png" "binary data, not text (PNG image signature at offset 0)"
check "NUL bytes" refused "$in/nul.bin" "binary data, not text (NUL byte at offset 0)"
check "truncated UTF-8" refused "$in/utf8-cut.txt" "cannot decode: truncated UTF-8 sequence at offset"
check "truncated GB18030" refused "$in/gb18030-cut.txt" "cannot decode: truncated GB18030 sequence at offset"
surrogate_at=$(/usr/bin/python3 -c "import sys; print(len(open(sys.argv[1], encoding='utf-8').read()[:40].encode()))" "$seed")
check "UTF-8 lone surrogate" refused "$in/surrogate-utf8.txt" "invalid UTF-8 byte sequence at offset $surrogate_at"
check "UTF-16 lone surrogate" refused "$in/surrogate-utf16.txt" "unpaired surrogate U+D800"

# --- text that is odd but readable ----------------------------------------------------------
# UTF-16 without a byte order mark is recognised and reads as its UTF-8 original does.
make_input "s.encode('utf-16-le')" "$in/utf16-no-bom.txt"
remember "$in/utf16-no-bom.txt"
check "UTF-16 without BOM converts" exit_is 0 "$gongwen" convert "$in/utf16-no-bom.txt" -t xml,txt -d "$tmp/u16"
check "UTF-16LE detected" grep -q '<charset>UTF-16LE</charset>' "$tmp/u16/${in#/}/utf16-no-bom.txt.xml"
"$gongwen" convert "$seed" -t txt -o "$tmp/seed.txt"
check "UTF-16 text equals the UTF-8 text" cmp -s "$tmp/seed.txt" "$tmp/u16/${in#/}/utf16-no-bom.txt.txt"
# Control characters XML 1.0 forbids: the XML stays well-formed and reads back.
make_input "'\n'.join(l + ('\x1b[0m' if i == 5 else '\x07' if i == 8 else '') for i, l in enumerate(s.split('\n'))).encode()" "$in/controls.txt"
remember "$in/controls.txt"
check "control characters convert" exit_is 0 "$gongwen" convert "$in/controls.txt" -t xml -o "$tmp/controls.xml"
"$gongwen" convert "$in/controls.txt" -t json -o "$tmp/controls.json"
check "control characters kept as <char>" grep -q '<char code="1B" />' "$tmp/controls.xml"
check "XML with control characters well-formed, JSON valid" well_formed "$tmp/controls"
# A finding every other character (a space between every two): all counted, the places of the
# first 10,000 kept, so that neither memory nor the output grows many times the input's size.
/usr/bin/python3 -c "import sys; open(sys.argv[1], 'w').write('报告\n' + ('学 ' * 499 + '学。\n') * 1000)" "$in/spaced.txt"
remember "$in/spaced.txt"
check "a finding every other character" exit_is 0 "$gongwen" convert "$in/spaced.txt" -t json -o "$tmp/spaced.json"
check "all counted, 10,000 places kept" /usr/bin/python3 -c "
import json, sys
d = {x['kind']: x for x in json.load(open(sys.argv[1], encoding='utf-8'))['diagnostics']}['cjk_space_removed']
assert d['count'] == 499000 and len(d['spans']) == 10000, (d['count'], len(d['spans']))
" "$tmp/spaced.json"
# In gongwen's own XML and JSON, a forbidden character or lone surrogate is refused.
/usr/bin/python3 - "$tmp/controls" "$in" <<'EOF'
import sys
base, out = sys.argv[1], sys.argv[2]
xml = open(base + ".xml", encoding="utf-8").read()
open(out + "/char-ref.xml", "w", encoding="utf-8").write(xml.replace('<char code="1B" />', "&#1;", 1))
open(out + "/surrogate.xml", "w", encoding="utf-8").write(xml.replace('<char code="1B" />', '<char code="D800" />', 1))
text = open(base + ".json", encoding="utf-8").read()
open(out + "/surrogate.json", "w", encoding="utf-8").write(text.replace("\\u001b", "\\ud800", 1))
EOF
remember "$in/char-ref.xml" "$in/surrogate.xml" "$in/surrogate.json"
check "XML character reference to a control" refused "$in/char-ref.xml" "&#1; is not a reference to an XML character"
check "XML lone surrogate" refused "$in/surrogate.xml" '<char code="D800"> is not a character XML forbids'
check "JSON lone surrogate" refused "$in/surrogate.json" "unpaired surrogate in \\u escape"

# --- hostile XML: entities are never expanded, nothing is fetched ---------------------------
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE document ['
  echo ' <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
  prev=a
  for n in b c d e f g h i j; do
    printf ' <!ENTITY %s "%s">\n' $n "$(printf "&$prev;%.0s" 1 2 3 4 5 6 7 8 9 10)"
    prev=$n
  done
  echo ']>'
  echo '<document xmlns="urn:gongwen:document:1" version="1"><source size="1" charset-guessed="false"><name>&j;</name></source></document>'
} > "$in/billion-laughs.xml"
# An external entity naming a FIFO: opening it would block, so fetching it would hang the run.
mkfifo "$tmp/fifo"
cat > "$in/external-entity.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE document [ <!ENTITY secret SYSTEM "file://$tmp/fifo"> <!ENTITY web SYSTEM "http://127.0.0.1:9/x"> ]>
<document xmlns="urn:gongwen:document:1" version="1"><source size="1" charset-guessed="false"><name>&secret;&web;</name></source></document>
EOF
printf '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>一、总体情况</p></body></html>\n' > "$in/xhtml.xml"
/usr/bin/python3 -c "
import sys
open(sys.argv[1], 'w').write('<?xml version=\"1.0\"?>\n<document xmlns=\"urn:gongwen:document:1\" version=\"1\">' + '<a>' * 100000 + '</a>' * 100000 + '</document>')
" "$in/deep.xml"
remember "$in/billion-laughs.xml" "$in/external-entity.xml" "$in/xhtml.xml" "$in/deep.xml"
check "billion laughs refused" refused "$in/billion-laughs.xml" "DOCTYPE declarations are not allowed (no DTD or entity is ever expanded)"
check "external entity refused, not fetched" refused "$in/external-entity.xml" "DOCTYPE declarations are not allowed" --timeout 20
check "XML of another schema" refused "$in/xhtml.xml" "expected root element <document> in namespace urn:gongwen:document:1, found <html>"
check "XML nested 100,000 deep" refused "$in/deep.xml" "expected <source> in <document>, found <a>"
check "verify: billion laughs refused" exit_is 1 timeout 20 "$gongwen" verify "$in/billion-laughs.xml"
check "verify names the DTD" stdout_has "the package declares a DTD (<!DOCTYPE>); refused"
check "verify: external entity refused" exit_is 1 timeout 20 "$gongwen" verify "$in/external-entity.xml"
check "verify names the DTD" stdout_has "the package declares a DTD (<!DOCTYPE>); refused"
# HTML has no entities of its own making: a DTD in a page is not read.
printf '<!DOCTYPE html [ <!ENTITY x SYSTEM "file://%s"> ]>\n<html><body><p>一、总体情况</p><p>全年办理行政许可申请十二件&x;。</p></body></html>\n' "$tmp/fifo" > "$in/entity.html"
remember "$in/entity.html"
check "HTML with a DTD converts without fetching" exit_is 0 timeout 20 "$gongwen" convert "$in/entity.html" -t txt -o -
check "HTML text read" stdout_has "全年办理行政许可申请十二件"

# --- limits -----------------------------------------------------------------------------------
# HTML nested 100,000 deep: refused by default, flattened as browsers do when allowed.
/usr/bin/python3 -c "
import sys
open(sys.argv[1], 'w').write('<html><body>' + '<div>' * 100000 + '<p>全年办理行政许可申请十二件。</p>' + '</div>' * 100000 + '</body></html>')
" "$in/deep.html"
remember "$in/deep.html"
check "HTML nested 100,000 deep refused" refused "$in/deep.html" "elements nested 100000 deep, over the 10000 limit (--max-depth)"
check "deep HTML with --max-depth 0" exit_is 0 timeout 120 "$gongwen" convert "$in/deep.html" --max-depth 0 -t xml -o "$tmp/deep.xml"
check "deep HTML flattened" grep -q '<kind>nesting_flattened</kind>' "$tmp/deep.xml"
check "deep HTML text kept" grep -q '全年办理行政许可申请十二件' "$tmp/deep.xml"
# A single 10 MB line: refused by default; read whole when allowed.
make_input "(s.replace('\n', '') * (10_000_000 // len(s.encode()) + 1)).encode()[:10_000_000].decode('utf-8', 'ignore').encode()" "$in/one-line.txt"
remember "$in/one-line.txt"
check "10 MB line refused" refused "$in/one-line.txt" "over the 1048576 limit (--max-line-length)"
check "the line's length named" stderr_has "the line at character 0 is "
if [ "$big_inputs" = 1 ]; then
  check "10 MB line with --max-line-length 16M" exit_is 0 timeout 300 "$gongwen" convert "$in/one-line.txt" --max-line-length 16M -t xml -o "$tmp/one-line.xml"
  check "10 MB line's XML well-formed" xmllint --noout --huge "$tmp/one-line.xml"
fi
# Lines: each costs memory of its own, so a text of 1.5 million one-letter lines (3 MB) is
# refused by default.
/usr/bin/python3 -c "import sys; open(sys.argv[1], 'w').write('报告\n' + 'a\n' * 1_500_000)" "$in/many-lines.txt"
remember "$in/many-lines.txt"
check "too many lines refused" refused "$in/many-lines.txt" "1500002 lines, over the 1048576 limit (--max-lines)"
check "--max-lines" refused "$seed" "lines, over the 10 limit (--max-lines)" --max-lines 10
# Pages: a PDF (and the package holding one) stops at --max-pages, while its lines are set.
check "--max-pages: the PDF refused" exit_is 1 "$gongwen" convert "$seed" -t xml,pdf,eep --profile fixtures/archive-profile.conf -d "$tmp/pages" --max-pages 2
check "--max-pages named" stderr_has "$seed: its PDF would have more than 2 pages, the limit (--max-pages)"
check "--max-pages: no PDF or package left" test -z "$(find "$tmp/pages" -name '*.pdf' -o -name '*.eep.xml' -o -name '*.tmp*')"
check "--max-pages: a PDF of exactly that many pages" exit_is 0 "$gongwen" convert "$seed" -t pdf -o "$tmp/pages.pdf" --max-pages 4
if [ "$big_inputs" = 1 ]; then
  # 120,000 one-line paragraphs would be some 5,500 pages: over the default 5,000.
  /usr/bin/python3 -c "import sys; open(sys.argv[1], 'w').write('报告\n' + '全年办理行政许可申请十二件。\n' * 120_000)" "$in/many-pages.txt"
  remember "$in/many-pages.txt"
  check "over the default pages" exit_is 1 "$gongwen" convert "$in/many-pages.txt" -t pdf -o "$tmp/many-pages.pdf"
  check "the default pages named" stderr_has "its PDF would have more than 5000 pages, the limit (--max-pages)"
  check "no PDF over the pages" test ! -e "$tmp/many-pages.pdf"
fi
# Largest input: a sparse file of 257 MiB is refused before it is read; smaller limits by option.
truncate -s 257M "$in/huge.txt"
check "over the default input size" refused "$in/huge.txt" "input is 257 MiB (269484032 bytes), over the 256 MiB limit (--max-input-size)"
check "over --max-input-size" refused "${seeds[0]}" "over the 8 KiB limit (--max-input-size)" --max-input-size 8K
check "standard input over --max-input-size" exit_is 1 bash -c "cat '${seeds[0]}' | '$gongwen' convert - -t xml -o '$tmp/stdin.xml' --max-input-size 8k"
check "standard input named" stderr_has "standard input: input is over the 8 KiB limit (--max-input-size)"
check "no output from standard input" test ! -e "$tmp/stdin.xml"
check "inspect over --max-input-size" exit_is 1 "$gongwen" inspect "${seeds[0]}" --max-input-size 1K
check "inspect names the limit" stderr_has "over the 1 KiB limit (--max-input-size)"
check "verify over --max-input-size" exit_is 1 "$gongwen" verify "${seeds[0]}" --max-input-size 1K
check "verify names the limit" stderr_has "over the 1 KiB limit (--max-input-size)"
# --timeout: a report over its time fails alone, the batch goes on, and each report has a time
# of its own. No outcome may depend on the machine's speed, so the clock is faked: under
# faketime's "i1" each reading of the clock moves it on by one second, and nothing else does. A
# report's time is then the number of times its work reads the clock (with --timeout, once for
# each line or block in the loops of the passes and writers): some 16 for the three-line report,
# over 100,000 for the 10 MB one, on any machine. The limit, 1000 s, lies between; one job, so
# that one report's readings do not count for the other.
make_input "s.encode() * (10_000_000 // len(s.encode()))" "$in/ten-mb.txt"
printf '关于2023年法治政府建设情况的报告\n一、总体情况\n全年办理行政许可申请十二件。\n' > "$in/short.txt"
remember "$in/ten-mb.txt" "$in/short.txt"
# timed LOG LIMIT STATUS...: each line of the --log-json LOG (ten-mb.txt, then short.txt) has one
# of the STATUSes (ok, or failed over the LIMIT); outputs are listed only for an ok report and
# exist, whole.
timed() {
  /usr/bin/python3 - "$@" <<'PY'
import json, os, sys
log, limit, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = [json.loads(l) for l in open(log, encoding="utf-8")]
assert [os.path.basename(l["input"]) for l in lines] == ["ten-mb.txt", "short.txt"], lines
for line, statuses in zip(lines, wanted):
    if line["status"] == "ok":
        assert "ok" in statuses.split("|") and line["outputs"], line
        for f in line["outputs"]:
            assert open(f, "rb").read().rstrip().endswith(b"</document>"), f + " is not whole"
    else:
        assert "failed" in statuses.split("|") and not line["outputs"], line
        assert line["error"] == f"{line['input']}: took longer than the {limit} s limit per report (--timeout)", line
PY
}
# summarized WORKBOOK STATUS...: the workbook's 文档 sheet lists ten-mb.txt, then short.txt, each
# with one of the STATUSes (已读 read, 失败 failed).
summarized() {
  /usr/bin/python3 - "$@" <<'PY'
import openpyxl, os, sys
rows = [r for r in openpyxl.load_workbook(sys.argv[1])["文档"].iter_rows(min_row=2, values_only=True) if r[0]]
got = {os.path.basename(r[0]): r[1] for r in rows}
for name, statuses in zip(["ten-mb.txt", "short.txt"], sys.argv[2:]):
    assert got.get(name) in statuses.split("|"), (name, got)
PY
}
if [ "$faketime" = 1 ]; then
  counted=(faketime -f '+0 i1')
  check "a report over --timeout fails" exit_is 1 "${counted[@]}" "$gongwen" convert "$in/ten-mb.txt" "$in/short.txt" \
    -t xml -d "$tmp/timed" -j 1 --timeout 1000 --log-json "$tmp/timed.jsonl"
  check "the timeout named" stderr_has "ten-mb.txt: took longer than the 1000 s limit per report (--timeout)"
  check "one failure" stderr_matches "^gongwen: 2 reports → $tmp/timed/ \(xml\) in [0-9]+\.[0-9] s, 1 failed\$"
  check "the other report written, on its own time" timed "$tmp/timed.jsonl" 1000 failed ok
  check "nothing written for the slow one" test ! -e "$tmp/timed/${in#/}/ten-mb.txt.xml"
  check "summarize: a report over --timeout" exit_is 1 "${counted[@]}" "$gongwen" summarize "$in/ten-mb.txt" "$in/short.txt" \
    -o "$tmp/timed.xlsx" -j 1 --timeout 1000
  check "summarize names it" stderr_has "ten-mb.txt: took longer than the 1000 s limit per report (--timeout)"
  check "summarize still writes the workbook, the other report read" summarized "$tmp/timed.xlsx" 失败 已读
fi
# On the real clock too, and in the sanitizer build, where faketime cannot run (GONGWEN_FAKETIME=0:
# libfaketime 0.9.10 deadlocks in the start-up of an ASan program): a limit of 1e-3 s for the
# 10 MB report, which reads and splits 10 MB before its first look at the clock. Whether the
# three-line report fits in a thousandth of a second depends on the machine, so either outcome
# is accepted for it, and only either: written whole, or failed over the limit.
check "real clock: a report over --timeout fails" exit_is 1 "$gongwen" convert "$in/ten-mb.txt" "$in/short.txt" \
  -t xml -d "$tmp/timed-real" -j 1 --timeout 1e-3 --log-json "$tmp/timed-real.jsonl"
check "real clock: the timeout named" stderr_has "ten-mb.txt: took longer than the 0.001 s limit per report (--timeout)"
check "real clock: each report logged, the slow one failed" timed "$tmp/timed-real.jsonl" 0.001 failed "ok|failed"
check "real clock: nothing written for the slow one" test ! -e "$tmp/timed-real/${in#/}/ten-mb.txt.xml"
check "real clock: summarize" exit_is 1 "$gongwen" summarize "$in/ten-mb.txt" "$in/short.txt" -o "$tmp/timed-real.xlsx" -j 1 --timeout 1e-3
check "real clock: summarize names it" stderr_has "ten-mb.txt: took longer than the 0.001 s limit per report (--timeout)"
check "real clock: summarize still writes the workbook" summarized "$tmp/timed-real.xlsx" 失败 "已读|失败"
for bad in "--max-input-size 12Q" "--max-input-size -1" "--max-depth x" "--max-line-length 1.5" "--max-lines 2X" "--max-pages -3" "--timeout -1" "--timeout abc" "--max-input-size"; do
  # shellcheck disable=SC2086
  check "usage error: $bad" exit_is 2 "$gongwen" convert "$seed" -t xml -o "$tmp/u.xml" $bad
done
check "limits named in convert --help" exit_is 0 "$gongwen" convert --help
check "convert --help shows --max-input-size" stdout_has "--max-input-size SIZE"

# A 100 MB report: converted to XML and JSON in one run in under 1 GiB of memory.
if [ "$big_inputs" = 1 ]; then
  /usr/bin/python3 - "$in/hundred-mb.txt" "${seeds[@]}" <<'EOF'
import sys
one = b"".join(open(p, "rb").read() for p in sys.argv[2:])
open(sys.argv[1], "wb").write(one * (100 * 1024 * 1024 // len(one)))
EOF
  sha256sum "$in/hundred-mb.txt" > "$tmp/hundred-mb.sha256"
  check "100 MB report converts" exit_is 0 /usr/bin/time -f %M -o "$tmp/peak-kb" "$gongwen" convert "$in/hundred-mb.txt" -t xml,json -d "$tmp/big"
  peak=$(tail -1 "$tmp/peak-kb")
  echo "100 MB text to XML and JSON: peak memory $((peak / 1024)) MiB"
  check "100 MB report: peak memory under 1 GiB" test "$peak" -lt 1048576
  check "100 MB report: XML complete" bash -c "tail -c 12 '$tmp/big/${in#/}/hundred-mb.txt.xml' | grep -q '</document>'"
  check "100 MB report: JSON complete" bash -c "tail -c 3 '$tmp/big/${in#/}/hundred-mb.txt.json' | grep -q '}'"
  check "100 MB report unchanged" sha256sum -c --quiet "$tmp/hundred-mb.sha256"
  rm -rf "$tmp/big" "$in/hundred-mb.txt"
fi

# --- the indicator catalog ----------------------------------------------------------------------
printf '<?xml version="1.0"?>\n<catalog xmlns="urn:gongwen:catalog:1" version="1">\n<category id="A" label="x">\n</catalog>\n' > "$tmp/broken-catalog.xml"
printf '<?xml version="1.0"?>\n<catalog xmlns="urn:gongwen:catalog:1" version="1" extends="gongwen-v1">\n  <bogus/>\n</catalog>\n' > "$tmp/wrong-catalog.xml"
check "catalog not well-formed" exit_is 2 "$gongwen" convert "$seed" -t xml -o "$tmp/c.xml" --catalog "$tmp/broken-catalog.xml"
check "catalog error named with its line" stderr_has "--catalog: $tmp/broken-catalog.xml: line 4: not well-formed XML"
check "catalog with an unknown element" exit_is 2 "$gongwen" summarize "$seed" -o "$tmp/c.xlsx" --catalog "$tmp/wrong-catalog.xml"
check "unknown element named" stderr_has "--catalog: $tmp/wrong-catalog.xml: line 3: unknown element <bogus>"
check "nothing written with a broken catalog" test ! -e "$tmp/c.xml" -a ! -e "$tmp/c.xlsx"

# --- file names: spaces, Unicode, leading dashes -------------------------------------------------
mkdir -p "$in/odd names"
cp "$seed" "$in/odd names/my report 2023.txt"
cp "$seed" "$in/odd names/报告（二〇二三年）.txt"
cp "$seed" "$in/odd names/-r.txt"
: > "$in/odd names/empty report.txt"
remember "$in/odd names"/*
(cd "$in/odd names" && check "a name with a leading dash after --" exit_is 0 "$gongwen" convert -t xml -o "$tmp/dash.xml" -- -r.txt)
check "its output" test -s "$tmp/dash.xml"
(cd "$in/odd names" && check "inspect after --" exit_is 0 "$gongwen" inspect -- -r.txt)
(cd "$in/odd names" && check "a leading dash is an option without --" exit_is 2 "$gongwen" convert -t xml -o "$tmp/x.xml" -r.txt)
check "odd names in a batch" exit_is 1 "$gongwen" convert "$in/odd names" -t xml -d "$tmp/odd"
check "space in the name" test -s "$tmp/odd/${in#/}/odd names/my report 2023.txt.xml"
check "Chinese name" test -s "$tmp/odd/${in#/}/odd names/报告（二〇二三年）.txt.xml"
check "dash name" test -s "$tmp/odd/${in#/}/odd names/-r.txt.xml"
check "failure named with its spaces" stderr_has "odd names/empty report.txt: empty file"

# --- where the output goes -------------------------------------------------------------------------
echo file > "$tmp/plain-file"
check "output folder under a file" exit_is 1 "$gongwen" convert "$seed" -t xml -d "$tmp/plain-file/sub"
check "unwritable output named" stderr_has "$tmp/plain-file/sub"
if [ "$(id -u)" -ne 0 ]; then  # root may write anywhere
  mkdir "$tmp/read-only" && chmod 555 "$tmp/read-only"
  check "read-only output folder" exit_is 1 "$gongwen" convert "$seed" -t xml -o "$tmp/read-only/a.xml"
  check "permission named" stderr_has "Permission denied"
fi
# A report whose outputs take about a second to write: 10 MB, or 1 MB under the sanitizers.
if [ "$big_inputs" = 1 ]; then medium="$in/ten-mb.txt"; else medium="$in/one-mb.txt"; fi
make_input "s.encode() * (1_000_000 // len(s.encode()))" "$in/one-mb.txt"
remember "$in/one-mb.txt"
# A full disk, as a file size limit: the write fails cleanly, nothing is left behind.
mkdir -p "$tmp/full"
check "full disk (ulimit -f)" exit_is 1 bash -c "ulimit -f 256; exec '$gongwen' convert '$medium' -t xml,json -d '$tmp/full'"
check "full disk named" stderr_has "cannot write: File too large"
check "nothing left on the full disk" test -z "$(find "$tmp/full" -type f)"
check "old output kept when a write fails" bash -c "echo keep > '$tmp/full/kept.xml'; ulimit -f 256; '$gongwen' convert '$medium' -t xml -o '$tmp/full/kept.xml' 2>/dev/null; test \"\$(cat '$tmp/full/kept.xml')\" = keep"

# --- interrupted runs: the signal ends the run at once, no partial file -----------------------------
# interrupt SIGNAL DIR: signals a conversion while one of its outputs is being written. Outputs
# finished before stay, whole; the one being written is removed and never appears under its own
# name. inotifywait reports each file made in the output folder; on a temporary one gongwen is
# stopped (SIGSTOP), then signalled and let go (SIGCONT) if that file is still there (still being
# written), else let go until the next. The run cannot end before the signal, whatever the
# machine's speed: its last input is a FIFO that no one writes.
mkfifo "$tmp/never-written.txt"
interrupt() {
  local out="$2/${in#/}" line="" caught="" state status pid
  command -v inotifywait > /dev/null || { echo "  no inotifywait: scripts/bootstrap.sh installs inotify-tools"; return 1; }
  mkdir -p "$out"
  coproc watch { exec inotifywait -m -e create --format %f "$out" 2>&1; }
  # The limits of the two reads only guard against a hang: the events come in milliseconds.
  until [ "$line" = "Watches established." ]; do read -r -t 60 line <&"${watch[0]}" || break; done
  "$gongwen" convert "$medium" "$tmp/never-written.txt" -j 1 -t xml,json,md,txt -d "$2" & pid=$!
  while [ -z "$caught" ] && read -r -t 120 line <&"${watch[0]}"; do
    [[ "$line" == .*.tmp-* ]] || continue
    kill -STOP $pid
    state=R
    until [ "$state" = T ] || [ "$state" = Z ] || [ ! -e /proc/$pid ]; do read -r _ _ state _ < /proc/$pid/stat; done  # microseconds
    if [ -e "$out/$line" ]; then caught=$line; else kill -CONT $pid; fi
  done
  kill "$watch_PID"; wait "$watch_PID"
  kill -"$1" $pid 2>/dev/null; kill -CONT $pid 2>/dev/null
  wait $pid
  status=$?
  [ -n "$caught" ] || { echo "  no output was seen being written"; return 1; }
  [ "$status" -eq $((128 + $(kill -l "$1"))) ] || { echo "  exit $status after SIG$1"; return 1; }
  no_temp_files "$2" || return 1
  local target=${caught#.}
  target=${target%.tmp-*}
  [ ! -e "$out/$target" ] || { echo "  $target, being written at the signal, was finished after it"; return 1; }
  local xml json
  xml=$(find "$2" -name '*.xml') json=$(find "$2" -name '*.json')
  [ -z "$xml" ] || tail -c 12 "$xml" | grep -q '</document>' || { echo "  $xml is cut"; return 1; }
  [ -z "$json" ] || /usr/bin/python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$json" || { echo "  $json is cut"; return 1; }
}
check "SIGINT while writing: no partial output" interrupt INT "$tmp/int"
check "SIGTERM while writing: no partial output" interrupt TERM "$tmp/term"

# --- one batch with everything: each bad input named, the good ones written -------------------
batch=("$seed" "$in/empty.txt" "$in/image.png" "$in/nul.bin" "$in/utf8-cut.txt" "$in/gb18030-cut.txt"
       "$in/surrogate-utf8.txt" "$in/billion-laughs.xml" "$in/xhtml.xml" "$in/deep.html" "$in/one-line.txt"
       "$in/utf16-no-bom.txt" "$in/controls.txt" "${seeds[4]}")
check "batch of bad inputs" exit_is 1 "$gongwen" convert "${batch[@]}" -t xml,json -d "$tmp/batch" --log-json "$tmp/batch.jsonl"
check "ten failures counted" stderr_matches "^gongwen: 14 reports → $tmp/batch/ \(xml, json\) in [0-9]+\.[0-9] s, 10 failed\$"
check "the good ones written" bash -c "ls '$tmp/batch/${in#/}/utf16-no-bom.txt.json' '$tmp/batch/${in#/}/controls.txt.xml' '$tmp/batch/$seed.xml' '$tmp/batch/${seeds[4]}.json' > /dev/null"
check "each failure logged with its reason" /usr/bin/python3 -c "
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
failed = [l for l in lines if l['status'] == 'failed']
assert len(lines) == 14 and len(failed) == 10, (len(lines), len(failed))
assert all(l['error'] and l['input'] in l['error'] and not l['outputs'] for l in failed)
" "$tmp/batch.jsonl"
check "no temporary files anywhere" no_temp_files "$tmp"

# --- inputs are never changed ------------------------------------------------------------------------
check "inputs unchanged" sha256sum -c --quiet "$tmp/inputs.sha256"
finish
