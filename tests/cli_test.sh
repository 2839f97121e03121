#!/usr/bin/env bash
# The command line as a user meets it. Each check prints what it expected when it fails.
gongwen=$(realpath "$1")
seed0=fixtures/seeds/000_2ff49a1744f89f60.txt
seed2=fixtures/seeds/002_acf107ec8495534f.txt
source "$(dirname "$0")/cli_lib.sh"

# Help: an overview of the commands; each command's own options, examples and exit status, and
# none of another command's options; every option a help names is one its parser takes.
check "--help exits 0" exit_is 0 "$gongwen" --help
for c in convert inspect summarize verify; do check "--help lists $c" stdout_has "  $c  "; done
check "--help points to the commands' help" stdout_has "gongwen COMMAND --help"
check "--help lists no options" stdout_lacks "--max-input-size"
check "help is the overview too" exit_is 0 "$gongwen" help
check "help prints the overview" stdout_has "gongwen COMMAND --help"
help_of() {  # help_of COMMAND: its help in $tmp/stdout, checked for what every command's help has
  exit_is 0 "$gongwen" "$1" --help && stdout_has "Usage: gongwen $1 " && stdout_has "Examples:" &&
    stdout_has "  gongwen $1 " && stdout_has "Exit status: 0 " && stdout_lacks "Commands:" || return 1
  [ ! -s "$tmp/stderr" ] || { echo "  help wrote to stderr"; return 1; }
}
options_accepted() {  # every option named in $tmp/stdout is one COMMAND's parser takes
  local o
  while read -r o; do
    "$gongwen" "$1" "$o" 2>&1 | grep -q "unknown option" && { echo "  $1 rejects $o, which its help names"; return 1; }
  done < <(grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' "$tmp/stdout" | sed 's/.* //')
  return 0
}
check "convert --help" help_of convert
for want in "-t, --to" "-o, --output OUT" "-d, --output-dir" "--shard K/N" "--skip-existing" "--log-json" "--summary" \
            "--pdfa" "--font ROLE" "--profile" "--eep-xml" "--max-input-size SIZE" "--max-pages" "--timeout" \
            "UTF-16" "GB18030" "HTML pages" "XML (.xml)" "JSON (.json)" "read recursively" \
            "gongwen convert reports/ -t xml,json -d out/"; do
  check "convert --help names $want" stdout_has "$want"
done
for f in xml json txt md pdf xlsx eep; do check "convert --help lists the format $f" grep -qE "^  $f +[a-zA-Z]" "$tmp/stdout"; done
check "convert --help lacks inspect's --format" stdout_lacks "--format"
check "convert's options are convert's" options_accepted convert
check "inspect --help" help_of inspect
for want in "-f, --format text|json" "--max-depth" "--timeout" "HTML pages" "JSON (.json)"; do
  check "inspect --help names $want" stdout_has "$want"
done
for other in "-t, --to" "--output" "--jobs" "--include" "--shard" "--catalog" "--pdfa" "--quiet" "--max-pages"; do
  check "inspect --help lacks $other" stdout_lacks "$other"
done
check "inspect's options are inspect's" options_accepted inspect
check "summarize --help" help_of summarize
for want in "-o, --output FILE.xlsx" "--catalog FILE" "-j, --jobs" "--include" "--exclude" "--from-list" "-q, --quiet" \
            "--max-lines" "--timeout" "read recursively" "HTML pages" "JSON (.json)"; do
  check "summarize --help names $want" stdout_has "$want"
done
for other in "-t, --to" "--output-dir" "--shard K/N" "--skip-existing" "--log-json" "--pdfa" "--profile" "--format" "--max-pages"; do
  check "summarize --help lacks $other" stdout_lacks "$other"
done
check "summarize --help: -q silences the progress bar it draws on a terminal" stdout_has "no progress bar and no summary line"
check "summarize's options are summarize's" options_accepted summarize
check "verify --help" help_of verify
for want in "-f, --format text|json" "--max-input-size SIZE" "PACKAGE.xml"; do check "verify --help names $want" stdout_has "$want"; done
for other in "--max-lines" "--max-depth" "--timeout" "--jobs" "--include" "--output" "--catalog" "--quiet"; do
  check "verify --help lacks $other" stdout_lacks "$other"
done
check "verify's options are verify's" options_accepted verify
"$gongwen" convert --help > "$tmp/convert-help"
check "-h anywhere on a convert line" exit_is 0 "$gongwen" convert "$seed0" -t docx -h
check "  … prints convert's help" cmp -s "$tmp/stdout" "$tmp/convert-help"
check "help convert" exit_is 0 "$gongwen" help convert
check "  … prints convert's help" cmp -s "$tmp/stdout" "$tmp/convert-help"
check "-h after -- is a file name" exit_is 2 "$gongwen" convert -t xml -o - -- -h "$seed0"
check "help of an unknown command" exit_is 2 "$gongwen" help frobnicate
check "every help fits 80 columns" /usr/bin/python3 -c "
import subprocess, sys, unicodedata
for args in [['--help']] + [[c, '--help'] for c in ('convert', 'inspect', 'summarize', 'verify')]:
    for line in subprocess.run([sys.argv[1]] + args, capture_output=True, text=True).stdout.splitlines():
        width = sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in line)
        assert width <= 80, (args, width, line)
" "$gongwen"

# Version, usage errors (exit 2), each naming the help to read.
check "--version" exit_is 0 "$gongwen" --version
check "--version prints the name" stdout_has "gongwen 0."
check "no command is a usage error" exit_is 2 "$gongwen"
check "unknown command" exit_is 2 "$gongwen" frobnicate
check "unknown command named" stderr_has "frobnicate"
check "  … and the overview to read" stderr_has "Try 'gongwen --help'."
check "convert without input" exit_is 2 "$gongwen" convert -t xml
check "-o with two inputs" exit_is 2 "$gongwen" convert "$seed0" "$seed2" -o "$tmp/x.xml"
check "unknown format" exit_is 2 "$gongwen" convert "$seed0" -t docx -o -
check "  … names the formats there are" stderr_has "gongwen: unknown format 'docx': the formats are xml, json, txt, md, pdf, ofd, xlsx, eep"
check "  … and does not ask for the -t given" stderr_lacks "give"
check "unknown format without -o" exit_is 2 "$gongwen" convert "$seed0" -t docx
check "  … names the formats there are" stderr_has "unknown format 'docx': the formats are xml, json"
check "unknown extension of -o" exit_is 2 "$gongwen" convert "$seed0" -o "$tmp/report.docx"
check "  … says the format came from it" stderr_has "gongwen: cannot tell the format from '$tmp/report.docx': the formats are xml, json, txt, md, pdf, ofd, xlsx, eep; give one with -t"
check "no output" exit_is 2 "$gongwen" convert "$seed0"
check "  … says what to add, with the input's name" stderr_has "gongwen: convert needs an output: add -o ${seed0%.txt}.pdf (the format from its extension), -t FORMAT -o - (standard output) or -d OUTDIR"
check "no output for a directory" exit_is 2 "$gongwen" convert fixtures/seeds
check "  … asks for -d" stderr_has "gongwen: convert needs an output: add -d OUTDIR"
check "standard output without -t" exit_is 2 "$gongwen" convert "$seed0" -o -
check "  … asks for -t" stderr_has "gongwen: standard output needs -t FORMAT, one of xml, json"
check "standard output for a directory" exit_is 2 "$gongwen" convert fixtures/seeds -t xml
check "  … asks for -d" stderr_has "gongwen: standard output takes one input"
check "unknown option" exit_is 2 "$gongwen" convert --frob "$seed0"
check "  … and convert's help to read" stderr_has "Try 'gongwen convert --help'."
check "inspect takes one input" exit_is 2 "$gongwen" inspect "$seed0" "$seed2"
check "  … and inspect's help to read" stderr_has "Try 'gongwen inspect --help'."
check "summarize without -o" exit_is 2 "$gongwen" summarize "$seed0"
check "  … and summarize's help to read" stderr_has "Try 'gongwen summarize --help'."
check "verify with a limit it does not take" exit_is 2 "$gongwen" verify x.eep.xml --max-lines 3
check "  … and verify's help to read" stderr_has "Try 'gongwen verify --help'."

# Conversions.
check "convert to xml by extension" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/a.xml"
check "xml output is xml" grep -q '<document xmlns="urn:gongwen:document:1"' "$tmp/a.xml"
check "convert to json by extension" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/a.json"
check "json output parses" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['metadata']['title']['value'].startswith('亳州市科学技术局')" "$tmp/a.json"
check "convert to ofd by extension" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/a.ofd"
check "ofd output is an OFD package" python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert b'DocType=\"OFD\"' in z.read('OFD.xml')" "$tmp/a.ofd"
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
out="$tmp/out/$(echo "$tmp" | sed 's|^/||')/in"
check "good files written" test -s "$out/good1.txt.json" -a -s "$out/good2.txt.json"
check "no output for bad files" test ! -e "$out/empty.txt.json" -a ! -e "$out/image.txt.json"
check "the batch ends with its summary line" stderr_matches "^gongwen: 5 reports → $tmp/out/ \(json\) in [0-9]+\.[0-9] s, 3 failed\$"
check "  … as its last line" bash -c "tail -1 '$tmp/stderr' | grep -q '^gongwen: 5 reports → '"
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
cp "$seed0" "$tmp/in/same.txt"; cp "$tmp/a.xml" "$tmp/in/same.xml"
check "same stem, different extensions" exit_is 0 "$gongwen" convert -q "$tmp/in/same.txt" "$tmp/in/same.xml" -d "$tmp/o2" -t txt
check "both outputs kept apart" test -s "$tmp/o2/$(echo "$tmp" | sed 's|^/||')/in/same.txt.txt" -a -s "$tmp/o2/$(echo "$tmp" | sed 's|^/||')/in/same.xml.txt"

# Batches: one parse for several formats, directories, lists, shards, resuming, logs, -j.
mkdir -p "$tmp/tree/a/b"
cp fixtures/seeds/000_*.txt fixtures/seeds/001_*.txt "$tmp/tree/"
cp fixtures/seeds/002_*.txt fixtures/seeds/003_*.txt "$tmp/tree/a/"
cp fixtures/seeds/004_*.txt "$tmp/tree/a/b/"
echo "not a report" > "$tmp/tree/a/notes.md"
(cd "$tmp" && check "several formats from a directory" exit_is 0 "$gongwen" convert -q tree -t xml,json --include '*.txt' -d multi)
check "mirrored tree, every format" test -s "$tmp/multi/tree/a/b/004_2140a01d4004d8c4.txt.xml" -a -s "$tmp/multi/tree/a/b/004_2140a01d4004d8c4.txt.json"
check "include filter" test ! -e "$tmp/multi/tree/a/notes.md.xml"
check "ten outputs" test "$(find "$tmp/multi" -type f | wc -l)" -eq 10
(cd "$tmp" && "$gongwen" convert -q tree --include '*.txt' -t xml -j 1 -d j1 && "$gongwen" convert -q tree --include '*.txt' -t xml -j 2 -d j2)
check "same output whatever -j" diff -r "$tmp/j1" "$tmp/j2"
(cd "$tmp" && for k in 1 2 3; do "$gongwen" convert -q tree --include '*.txt' -t xml --shard $k/3 -d shards; done)
check "three shards make the whole run" diff -r "$tmp/j1" "$tmp/shards"
(cd "$tmp" && find tree -name '*.txt' | sort > list.txt)
(cd "$tmp" && check "inputs from a list" exit_is 0 "$gongwen" convert -q --from-list list.txt -t json -d fromlist)
check "list inputs converted" test "$(find "$tmp/fromlist" -name '*.json' | wc -l)" -eq 5
(cd "$tmp" && check "log-json" exit_is 1 "$gongwen" convert -q tree in/empty.txt -t xml -d logged --include '*.txt' --log-json log.jsonl)
check "one log line per report, failures named" /usr/bin/python3 -c "
import json,sys
lines=[json.loads(l) for l in open(sys.argv[1])]
assert len(lines)==6, len(lines)
bad=[l for l in lines if l['status']=='failed']
assert len(bad)==1 and 'empty file' in bad[0]['error'] and bad[0]['input']=='in/empty.txt'
assert all(l['outputs'] and l['seconds']>=0 for l in lines if l['status']=='ok')
" "$tmp/log.jsonl"
# --skip-existing: file times set explicitly, a year apart. Every input dated 2020, every output
# 2021 (newer: left alone), but one output of 000 older than its input and one of 002 exactly as
# old: both reports are converted again.
find "$tmp/tree" -name '*.txt' -exec touch -d '2020-01-01 00:00:00' {} +
find "$tmp/multi" -type f -exec touch -d '2021-01-01 00:00:00' {} +
touch -d '2019-01-01 00:00:00' "$tmp/multi/tree/000_2ff49a1744f89f60.txt.xml"
touch -d '2020-01-01 00:00:00' "$tmp/multi/tree/a/002_acf107ec8495534f.txt.json"
newer=$(date -d '2021-01-01 00:00:00' +%s)
(cd "$tmp" && "$gongwen" convert -q tree -t xml,json --include '*.txt' -d multi --skip-existing --log-json skip.jsonl)
check "skip-existing leaves newer outputs" test "$(stat -c %Y "$tmp/multi/tree/001_9633c70aebd6e55d.txt.xml" "$tmp/multi/tree/a/b/004_2140a01d4004d8c4.txt.json" | sort -u)" = "$newer"
check "skip-existing redoes older outputs" test "$tmp/multi/tree/000_2ff49a1744f89f60.txt.xml" -nt "$tmp/tree/000_2ff49a1744f89f60.txt"
check "…and outputs as old as their input" test "$tmp/multi/tree/a/002_acf107ec8495534f.txt.json" -nt "$tmp/tree/a/002_acf107ec8495534f.txt"
check "…with all their formats" test "$tmp/multi/tree/a/002_acf107ec8495534f.txt.xml" -nt "$tmp/multi/tree/001_9633c70aebd6e55d.txt.xml"
check "skips are logged" /usr/bin/python3 -c "
import json,sys
status={l['input']:l['status'] for l in map(json.loads, open(sys.argv[1]))}
assert sorted(k for k,v in status.items() if v=='ok')==['tree/000_2ff49a1744f89f60.txt','tree/a/002_acf107ec8495534f.txt'], status
assert sum(v=='skipped' for v in status.values())==3, status
" "$tmp/skip.jsonl"
(cd "$tmp" && check "a batch not quiet" exit_is 0 "$gongwen" convert tree -t xml,json --include '*.txt' -d multi --skip-existing)
check "  … counts its skipped reports" stderr_matches "^gongwen: 5 reports → multi/ \(xml, json\) in [0-9]+\.[0-9] s, 0 failed, 5 skipped\$"
check "  … and prints nothing else" test "$(wc -l < "$tmp/stderr")" -eq 1
(cd "$tmp" && check "a batch with --summary" exit_is 0 "$gongwen" convert tree/a/b -d one/ --summary one.xlsx)
check "  … names the workbook too" stderr_matches "^gongwen: 1 report → one/ \(xml\) and one.xlsx in [0-9]+\.[0-9] s, 0 failed\$"
check "one input, one -o: nothing printed" exit_is 0 "$gongwen" convert "$seed0" -o "$tmp/quiet.xml"
check "  … on stderr" test ! -s "$tmp/stderr"
if command -v script > /dev/null; then  # on a terminal: the progress bar, then the line
  (cd "$tmp" && script -qec "'$gongwen' convert tree --include '*.txt' -d tty" /dev/null > tty.out)
  check "on a terminal the progress bar ends" bash -c "tr -d '\r' < '$tmp/tty.out' | tail -2 | head -1 | grep -q '] 5/5 '"
  check "  … and the summary line follows it" bash -c "tr -d '\r' < '$tmp/tty.out' | tail -1 | grep -q '^gongwen: 5 reports → tty/ (xml) in '"
fi
(cd "$tmp" && check "summarize" exit_is 0 "$gongwen" summarize tree --include '*.txt' -o tree.xlsx)
check "  … ends with the same summary line" stderr_matches "^gongwen: 5 reports → tree.xlsx in [0-9]+\.[0-9] s, 0 failed\$"
(cd "$tmp" && check "summarize -q" exit_is 0 "$gongwen" summarize tree --include '*.txt' -o tree.xlsx -q)
check "  … prints nothing" test ! -s "$tmp/stderr"
(cd "$tmp" && check "convert -q" exit_is 0 "$gongwen" convert tree --include '*.txt' -d quiet -q)
check "  … prints nothing" test ! -s "$tmp/stderr"
check "bad shard" exit_is 2 "$gongwen" convert tree --shard 4/3 -d x
check "bad -j" exit_is 2 "$gongwen" convert tree -j 0 -d x
# An interrupted run ends at once with the signal's status: finished outputs stay, whole, and no
# temporary file remains. The batch cannot end by itself, however fast the machine: its first
# input is a FIFO that no one writes, on which one of its two workers waits for ever while the
# other converts 400 reports. The signal comes when the log (a FIFO too, read here) says that a
# report was written.
big="$tmp/big"; mkdir -p "$big"
for i in $(seq 1 400); do cp "$seed2" "$big/r$i.txt"; done
mkfifo "$tmp/never-written.txt"
"$gongwen" convert "$big/r1.txt" -t md -o "$tmp/r.md"
# interrupted DIR SIGNAL: runs the batch into $tmp/DIR and signals it after its first report.
interrupted() {
  local dir=$1 log="$tmp/$1.jsonl" first="" fd status
  mkfifo "$log"
  exec {fd}<> "$log"  # read-write: opening it does not wait for gongwen, nor gongwen's for us
  (cd "$tmp" && exec "$gongwen" convert -q never-written.txt big -t xml,json,md -j 2 -d "$dir" --log-json "$log") &
  local pid=$!
  read -r -t 120 first <&"$fd"  # the limit only guards against a hang: a report takes milliseconds
  kill -"$2" $pid
  wait $pid
  status=$?
  exec {fd}<&-
  [ "$status" -eq $((128 + $(kill -l "$2"))) ] || { echo "  exit $status after SIG$2"; return 1; }
  no_temp_files "$tmp/$dir" || return 1
  /usr/bin/python3 - "$tmp" "$dir" "$first" <<'PY' || return 1
import json, os, sys
tmp, out, first = sys.argv[1], os.path.join(sys.argv[1], sys.argv[2]), json.loads(sys.argv[3])
assert first["status"] == "ok" and first["input"].startswith("big/r"), first
for f in first["outputs"]:
    assert os.path.isfile(os.path.join(tmp, f)), f
files = [os.path.join(d, f) for d, _, names in os.walk(out) for f in names]
assert not any("never-written" in f for f in files), files
reference = open(os.path.join(tmp, "r.md"), "rb").read()
for f in files:
    data = open(f, "rb").read()
    if f.endswith(".xml"): assert data.rstrip().endswith(b"</document>"), f + " is cut"
    elif f.endswith(".json"): json.loads(data)
    elif f.endswith(".md"): assert data == reference, f + " is cut"
    else: raise AssertionError("unexpected output " + f)
print(f"  {sys.argv[2]}: {len(files)} outputs written before the signal, all whole")
PY
}
check "SIGINT ends a batch at once; no temporary file; finished outputs whole" interrupted interrupted INT
check "SIGTERM likewise" interrupted terminated TERM

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

finish
