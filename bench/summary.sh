#!/usr/bin/env bash
# bench/summary.sh [GONGWEN] [REPORTS]: seconds and peak memory of one summary workbook
# (`gongwen summarize`) of REPORTS reports (default 1000): the five seeds and the fifteen long
# government work reports of bench/data/ repeated, each copy a file of its own. Runs with one
# worker and with every core; prints a Markdown table to stdout. Figures, not pass/fail.
#
#   GONGWEN  the binary to measure (default build/gongwen: `make build`, RelWithDebInfo)
set -euo pipefail
cd "$(dirname "$0")/.."
gongwen=$(realpath "${1:-build/gongwen}")
reports=${2:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t pool < <(ls fixtures/seeds/*.txt bench/data/*.txt | sort)
mkdir -p "$tmp/in"
for ((i = 0; i < reports; i++)); do
  src=${pool[$((i % ${#pool[@]}))]}
  cp "$src" "$tmp/in/$(printf '%05d' "$i")_$(basename "$src")"
done
find "$tmp/in" -name '*.txt' | sort > "$tmp/list"
bytes=$(cat "$tmp"/in/*.txt | wc -c)

# /usr/bin/time -v: wall clock as [h:]mm:ss.ss and the peak resident set in KiB.
measure() {
  local jobs=$1
  /usr/bin/time -v "$gongwen" summarize --from-list "$tmp/list" -o "$tmp/summary.xlsx" -j "$jobs" -q \
    2> "$tmp/time.txt" > /dev/null
  local wall kib cpu
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$tmp/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/time.txt")
  kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  printf '| %s | %s | %.2f | %.2f | %d | %d |\n' "$reports" "$jobs" "$wall" "$cpu" $((kib / 1024)) \
    $(($(stat -c %s "$tmp/summary.xlsx") / 1024))
}

echo "Input: $reports reports, $((bytes / 1024 / 1024)) MiB of text, on $(nproc) cores (load average $(cut -d' ' -f1 /proc/loadavg))."
echo
echo "| reports | jobs | seconds | CPU seconds | peak MiB | workbook KiB |"
echo "|---|---|---|---|---|---|"
measure 1
measure "$(nproc)"
facts=$(/usr/bin/python3 -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1], read_only=True)['事实'].max_row - 1)" "$tmp/summary.xlsx" 2> /dev/null || echo "?")
echo
echo "Facts in the workbook: $facts"
