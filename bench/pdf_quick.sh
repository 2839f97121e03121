#!/usr/bin/env bash
# bench/pdf_quick.sh [GONGWEN] [COPIES]: a repeatable look at the PDF writer's cost on a loaded
# machine: the fixtures (fixtures/seeds, fixtures/html) copied COPIES times (default 40) are
# converted to PDF in one batch; prints CPU seconds (user + sys), PDFs per CPU-second, peak RSS
# and the bytes written. CPU time, not wall time, compares runs on a shared machine (perf has no
# hardware counters here, so no instruction counts).
set -euo pipefail
cd "$(dirname "$0")/.."
gongwen=$(realpath "${1:-build/gongwen}")
copies=${2:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The outputs go where bench/run.sh puts them: a tmpfs when there is one (see bench/README.md).
out=$tmp/out
[ "$(stat -f -c %T /dev/shm 2> /dev/null)" != tmpfs ] || [ ! -w /dev/shm ] ||
  { out=$(mktemp -d /dev/shm/gongwen-quick.XXXXXX) && trap 'rm -rf "$tmp" "$out"' EXIT; }
n=0
for ((c = 0; c < copies; c++)); do
  mkdir -p "$tmp/in/$c"
  for f in fixtures/seeds/* fixtures/html/*; do cp "$f" "$tmp/in/$c/"; n=$((n + 1)); done
done
/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$gongwen" convert -q "$tmp/in" -t pdf -d "$out" -j 2 > /dev/null 2>&1 ||
  "$gongwen" convert "$tmp/in" -t pdf -d "$out" -j 2 > /dev/null
read -r user sys rss < "$tmp/time"
made=$(find "$out" -name '*.pdf' | wc -l)
bytes=$(find "$out" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')
awk -v u="$user" -v s="$sys" -v r="$rss" -v n="$made" -v b="$bytes" 'BEGIN {
  printf "pdfs %d  cpu %.2f s (user %.2f sys %.2f)  %.1f PDFs/CPU-s  peak RSS %.0f MiB  bytes %d\n", n, u + s, u, s, n / (u + s), r / 1024, b }'
