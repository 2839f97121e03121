#!/usr/bin/env bash
# batch_test.sh GONGWEN [bulk]: batches beyond one machine, and at scale.
#  - Two --shard halves of a run, converted to XML and to JSON (as two machines would) and
#    merged by `summarize`, give byte for byte the workbook of one whole run.
#  - `convert --summary` gives that workbook in the same run as the conversion, for any -j and
#    when --skip-existing leaves every output alone.
#  - A broken file in the middle of a batch is named, and listed in the workbook, while every
#    other report is written.
#  - With `bulk`: the 77 reports of bench/data/bulk/ convert to every format with no failure.
# Runs from the source folder (ctest's working directory), so inputs have relative names.
set -euo pipefail
gongwen=$(realpath "$1")
bulk=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "batch_test: $*" >&2; exit 1; }
count() { find "$@" -type f | wc -l; }

inputs=(fixtures/seeds fixtures/html bench/data/bulk/gwr-provincial-2026 bench/data/bulk/gwr-national/201?.txt)
total=$("$gongwen" convert "${inputs[@]}" -t txt -d "$tmp/probe" -q && count "$tmp/probe")
[ "$total" -ge 20 ] || fail "expected at least 20 inputs, found $total"

# --- shards merged equal one whole run --------------------------------------------------------
"$gongwen" summarize "${inputs[@]}" -o "$tmp/whole.xlsx" -q
for k in 1 2; do "$gongwen" convert "${inputs[@]}" -t xml,json -d "$tmp/shard$k" --shard "$k/2" -q; done
n1=$(count "$tmp/shard1" -name '*.xml')
n2=$(count "$tmp/shard2" -name '*.xml')
[ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] || fail "a shard is empty ($n1 and $n2 reports)"
[ $((n1 + n2)) -eq "$total" ] || fail "the shards hold $n1 + $n2 reports, not $total"
[ "$(count "$tmp/shard1" -name '*.json')" -eq "$n1" ] || fail "shard 1 lacks some JSON outputs"
if comm -12 <(cd "$tmp/shard1" && find . -type f | sort) <(cd "$tmp/shard2" && find . -type f | sort) | grep -q .; then
  fail "the two shards converted the same input"
fi
"$gongwen" summarize "$tmp/shard1" "$tmp/shard2" --include '*.xml' -o "$tmp/merged-xml.xlsx" -q
cmp "$tmp/whole.xlsx" "$tmp/merged-xml.xlsx" || fail "the workbook of both shards' XML differs from the whole run's"
# The other order, and JSON: rows follow the reports' own names, not the order of the inputs.
"$gongwen" summarize "$tmp/shard2" "$tmp/shard1" --include '*.json' -o "$tmp/merged-json.xlsx" -q
cmp "$tmp/whole.xlsx" "$tmp/merged-json.xlsx" || fail "the workbook of both shards' JSON differs from the whole run's"

/usr/bin/python3 - "$tmp/whole.xlsx" "$total" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
total = int(sys.argv[2])
files = [r[0].value for r in wb["汇总"].iter_rows(min_row=4) if r[0].value and not str(r[0].value).startswith("合计")]
assert len(files) == total, (len(files), total)
assert files == sorted(files), files                      # in the order of their names
assert all(not f.startswith("/") and ".xml" not in f and ".json" not in f for f in files), files
assert "fixtures/seeds/000_2ff49a1744f89f60.txt" in files, files
status = [r[1].value for r in wb["文档"].iter_rows(min_row=2) if r[0].value]
assert status.count("已读") == total, status
EOF

# --- convert --summary: the same workbook in the same run -------------------------------------
"$gongwen" convert "${inputs[@]}" -t xml -d "$tmp/all" --summary "$tmp/convert.xlsx" -q -j 2
cmp "$tmp/whole.xlsx" "$tmp/convert.xlsx" || fail "convert --summary differs from summarize"
"$gongwen" convert "${inputs[@]}" -t xml -d "$tmp/all1" --summary "$tmp/convert1.xlsx" -q -j 1
cmp "$tmp/convert.xlsx" "$tmp/convert1.xlsx" || fail "convert --summary differs between -j 1 and -j 2"
diff -r "$tmp/all" "$tmp/all1" > /dev/null || fail "the outputs differ between -j 1 and -j 2"
"$gongwen" convert "${inputs[@]}" -t xml -d "$tmp/all" --skip-existing --log-json "$tmp/log" --summary "$tmp/again.xlsx" -q
grep -q '"status": "ok"' "$tmp/log" && fail "--skip-existing converted a report again"
cmp "$tmp/whole.xlsx" "$tmp/again.xlsx" || fail "convert --summary --skip-existing left reports out of the workbook"

# --- a broken file in the middle --------------------------------------------------------------
mkdir -p "$tmp/mixed"
seeds=(fixtures/seeds/*.txt)
cp "${seeds[0]}" "$tmp/mixed/a.txt"; cp "${seeds[1]}" "$tmp/mixed/b.txt"
printf '\xff\xfe\xff\x00\x00\xd8' > "$tmp/mixed/c-broken.txt"  # UTF-16 with a lone surrogate
cp "${seeds[2]}" "$tmp/mixed/d.txt"; cp "${seeds[3]}" "$tmp/mixed/e.txt"
status=0
"$gongwen" convert "$tmp/mixed" -t xml,json,pdf -d "$tmp/mixed-out" --summary "$tmp/mixed.xlsx" -j 2 2> "$tmp/stderr" || status=$?
[ "$status" -eq 1 ] || fail "a batch with a broken file must exit 1, not $status"
grep -q "c-broken.txt: " "$tmp/stderr" || fail "the broken file is not named: $(cat "$tmp/stderr")"
[ "$(grep -c "gongwen: .*c-broken" "$tmp/stderr")" -eq 1 ] || fail "the broken file must be named once"
[ "$(count "$tmp/mixed-out")" -eq 12 ] || fail "expected the 12 outputs of the four good reports, found $(count "$tmp/mixed-out")"
[ "$(count "$tmp/mixed-out" -name 'c-broken*')" -eq 0 ] || fail "the broken file left an output"
status=0
"$gongwen" summarize "$tmp/mixed" -o "$tmp/mixed-summarize.xlsx" -q 2> /dev/null || status=$?
[ "$status" -eq 1 ] || fail "summarize with a broken file must exit 1, not $status"
cmp "$tmp/mixed.xlsx" "$tmp/mixed-summarize.xlsx" || fail "convert --summary and summarize differ on a batch with a failure"
/usr/bin/python3 - "$tmp/mixed.xlsx" <<'EOF'
import sys, openpyxl
rows = {r[0].value.rsplit("/", 1)[-1]: r for r in openpyxl.load_workbook(sys.argv[1])["文档"].iter_rows(min_row=2) if r[0].value}
assert rows["c-broken.txt"][1].value == "失败", rows["c-broken.txt"][1].value
assert "c-broken.txt" in rows["c-broken.txt"][-1].value, rows["c-broken.txt"][-1].value
assert all(rows[f][1].value == "已读" for f in ("a.txt", "b.txt", "d.txt", "e.txt")), rows.keys()
EOF

# --- the bulk corpus to every format ----------------------------------------------------------
if [ "$bulk" = bulk ]; then
  status=0
  "$gongwen" convert bench/data/bulk --include '*.txt' -t xml,json,txt,md,pdf,eep,xlsx \
    --profile bench/data/archive-profile.conf -d "$tmp/bulk" --summary "$tmp/bulk.xlsx" -q 2> "$tmp/stderr" || status=$?
  [ "$status" -eq 0 ] || fail "the bulk corpus did not convert (exit $status): $(head -5 "$tmp/stderr")"
  reports=$(count bench/data/bulk -name '*.txt')
  [ "$reports" -eq 77 ] || fail "bench/data/bulk holds $reports reports, not 77"
  [ "$(count "$tmp/bulk")" -eq $((reports * 7)) ] || fail "expected $((reports * 7)) outputs, found $(count "$tmp/bulk")"
  "$gongwen" verify "$tmp/bulk/bench/data/bulk/gwr-national/1955.txt.eep.xml" > /dev/null || fail "the longest report's package does not verify"
fi
echo "batch_test: passed ($total inputs, shards of $n1 and $n2)"
