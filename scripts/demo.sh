#!/usr/bin/env bash
# Converts the bundled fixtures into OUTDIR in every format and prints what each report is.
set -euo pipefail
gongwen=${1:-build/gongwen}
outdir=${2:-out}
mkdir -p "$outdir"
shopt -s nullglob
inputs=(fixtures/seeds/*.txt)
for format in xml json md txt; do
  "$gongwen" convert --quiet "${inputs[@]}" -t "$format" -d "$outdir"
done
for f in "${inputs[@]}"; do
  name=$(basename "${f%.*}")
  "$gongwen" inspect "$f" --format json > "$outdir/$name.inspect.json"
  "$gongwen" inspect "$f" | sed -n '1,4p;/^outline:/,/^diagnostics:/p' | sed '$d'
  echo
done
echo "demo: wrote $(ls "$outdir" | wc -l) files to $outdir/ (xml, json, md, txt and inspect.json per report)"
