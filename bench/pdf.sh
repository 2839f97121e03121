#!/usr/bin/env bash
# bench/pdf.sh [GONGWEN] [COPIES]: archival PDFs per second from the seed reports, gongwen and
# LibreOffice side by side on the same files in one run. Figures, not pass/fail.
#
#   GONGWEN  the binary to measure (default build/gongwen: `make build`, RelWithDebInfo)
#   COPIES   copies of each of the five seeds (default 40, so 200 reports)
#
# gongwen runs as one process over all files (-j 1 and -j <cores>), so its fonts are loaded
# once; once more with one process per report, to show what loading them costs. LibreOffice
# runs in its own best batch mode: one `soffice --headless --convert-to pdf` call per core,
# each over its share of the files, each with a profile made beforehand (a first start spends
# seconds creating one). Prints a Markdown table to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
gongwen=$(realpath "${1:-build/gongwen}")
copies=${2:-40}
cores=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/in"
for seed in fixtures/seeds/*.txt; do
  base=$(basename "$seed" .txt)
  for i in $(seq -w 1 "$copies"); do cp "$seed" "$tmp/in/${base}_$i.txt"; done
done
mapfile -t files < <(find "$tmp/in" -name '*.txt' | sort)
n=${#files[@]}

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
row() { printf '| %s | %s | %s | %s |\n' "$1" "$n" "$2" "$(rate "$n" "$2")"; }

"$gongwen" convert "${files[0]}" -t pdf -o "$tmp/warm.pdf" -q   # page cache, fontconfig cache

echo "| run | PDFs | seconds | PDFs/s |"
echo "|---|---|---|---|"
for jobs in 1 "$cores"; do
  rm -rf "$tmp/out"
  t0=$(now)
  "$gongwen" convert "$tmp/in" -t pdf -d "$tmp/out" -j "$jobs" -q
  t1=$(now)
  row "gongwen, one process, -j $jobs" "$(secs "$t0" "$t1")"
done
rm -rf "$tmp/out"
mkdir -p "$tmp/out"
t0=$(now)
printf '%s\n' "${files[@]}" | xargs -P "$cores" -I{} sh -c '"$1" convert "$2" -t pdf -o "$3/$(basename "$2").pdf" -q' _ "$gongwen" {} "$tmp/out"
t1=$(now)
row "gongwen, one process per report, $cores at a time" "$(secs "$t0" "$t1")"

if command -v soffice >/dev/null; then
  for c in $(seq 1 "$cores"); do  # profiles made before the clock starts
    soffice -env:UserInstallation="file://$tmp/profile$c" --headless --convert-to pdf --outdir "$tmp/lo-warm" "${files[0]}" >/dev/null 2>&1
  done
  rm -rf "$tmp/lo"
  t0=$(now)
  for c in $(seq 1 "$cores"); do
    share=()
    for ((k = c - 1; k < n; k += cores)); do share+=("${files[k]}"); done
    soffice -env:UserInstallation="file://$tmp/profile$c" --headless --convert-to pdf --outdir "$tmp/lo" "${share[@]}" >/dev/null 2>&1 &
  done
  wait
  t1=$(now)
  made=$(find "$tmp/lo" -name '*.pdf' | wc -l)
  [ "$made" -eq "$n" ] || echo "LibreOffice wrote $made of $n PDFs" >&2
  row "LibreOffice $(soffice --version 2>/dev/null | awk '{print $2}'), one soffice per core ($cores)" "$(secs "$t0" "$t1")"
else
  echo "| LibreOffice | – | not installed (apt-get install libreoffice-writer-nogui) | – |"
fi
