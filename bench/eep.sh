#!/usr/bin/env bash
# bench/eep.sh [GONGWEN] [MB]: seconds and peak memory of archival packages (DA/T 48 EEP) with
# a large payload, to show that the base64 is streamed: packaging a PDF of MB megabytes
# (default 50) must take far less memory than the PDF itself, and so must verifying it.
# Prints a Markdown table to stdout. Figures, not pass/fail.
#
#   GONGWEN  the binary to measure (default build/gongwen: `make build`, RelWithDebInfo)
#
# The large PDF is real: the seeds' archival PDFs (`convert -t pdf`) merged by qpdf, each copy
# a file of its own so that its fonts are copied too, until it reaches MB megabytes. It is
# packaged with `--payload`, which streams it from disk; for comparison, the same run with a
# one-report PDF, and the whole pipeline (layout, PDF, package) for one long report.
set -euo pipefail
cd "$(dirname "$0")/.."
gongwen=$(realpath "${1:-build/gongwen}")
megabytes=${2:-50}
profile=fixtures/archive-profile.conf
seed=fixtures/seeds/000_2ff49a1744f89f60.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The seeds' PDFs, then as many numbered copies of them as it takes to reach the size.
pdfs=()
for s in fixtures/seeds/*.txt; do
  "$gongwen" convert "$s" -t pdf -o "$tmp/$(basename "$s" .txt).pdf" -q
  pdfs+=("$tmp/$(basename "$s" .txt).pdf")
done
mkdir -p "$tmp/copies"
parts=()
total=0
for ((i = 0; total < megabytes * 1030000; i++)); do  # qpdf shares a little
  src=${pdfs[$((i % ${#pdfs[@]}))]}
  cp "$src" "$tmp/copies/$i.pdf"
  parts+=("$tmp/copies/$i.pdf")
  total=$((total + $(stat -c %s "$src")))
done
qpdf --empty --pages "${parts[@]}" -- "$tmp/large.pdf"
rm -rf "$tmp/copies"

# One long report: the five seeds one after another, four times over.
for _ in 1 2 3 4; do cat fixtures/seeds/*.txt; done > "$tmp/long.txt"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000000 }'; }
# measure LABEL INPUT_BYTES OUTPUT COMMAND...: one table row from /usr/bin/time -v.
measure() {
  local label=$1 in_bytes=$2 output=$3; shift 3
  /usr/bin/time -v "$@" 2> "$tmp/time.txt" > /dev/null
  local wall kib out_bytes
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$tmp/time.txt")
  kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
  out_bytes=$( [ -n "$output" ] && stat -c %s "$output" || echo 0)
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$(mb "$in_bytes")" "$( [ "$out_bytes" -gt 0 ] && mb "$out_bytes" || echo -)" \
    "$wall" "$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')"
}

large=$(stat -c %s "$tmp/large.pdf")
small=$(stat -c %s "${pdfs[0]}")
echo "gongwen $("$gongwen" --version | cut -d' ' -f2), $(nproc) cores; payload: $(pdfinfo "$tmp/large.pdf" | awk '/^Pages/ { print $2 }') pages, $(mb "$large") MB"
echo
echo "| run | payload MB | package MB | seconds | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|"
measure "package a one-report PDF (--payload)" "$small" "$tmp/small.eep.xml" \
  "$gongwen" convert "$seed" -t eep --profile "$profile" --payload "${pdfs[0]}" -o "$tmp/small.eep.xml"
measure "package the large PDF (--payload)" "$large" "$tmp/large.eep.xml" \
  "$gongwen" convert "$seed" -t eep --profile "$profile" --payload "$tmp/large.pdf" -o "$tmp/large.eep.xml"
measure "verify the large package" "$large" "" "$gongwen" verify "$tmp/large.eep.xml"
"$gongwen" verify "$tmp/large.eep.xml" > /dev/null || echo "(the large package did not verify)"
measure "long report: -t pdf" "$(stat -c %s "$tmp/long.txt")" "$tmp/long.pdf" \
  "$gongwen" convert "$tmp/long.txt" -t pdf -o "$tmp/long.pdf"
measure "long report: -t eep (layout, PDF, package)" "$(stat -c %s "$tmp/long.pdf")" "$tmp/long.eep.xml" \
  env SOURCE_DATE_EPOCH=0 "$gongwen" convert "$tmp/long.txt" -t eep --profile "$profile" -o "$tmp/long.eep.xml"
