#!/usr/bin/env bash
# Converts the bundled fixtures into OUTDIR in every format and prints what each report is.
set -euo pipefail
gongwen=$(realpath "${1:-build/gongwen}")
outdir=$(realpath -m "${2:-out}")
mkdir -p "$outdir"
profile=$(realpath fixtures/archive-profile.conf)
# Each report read once: native XML, JSON, Markdown, text, the archival PDF, the OFD and its DA/T 48 package.
(cd fixtures/seeds && "$gongwen" convert --quiet ./*.txt -t xml,json,md,txt,pdf,ofd,eep --profile "$profile" -d "$outdir")
for f in fixtures/seeds/*.txt; do
  name=$(basename "$f")
  "$gongwen" inspect "$f" --format json > "$outdir/$name.inspect.json"
  "$gongwen" inspect "$f" | sed -n '1,4p;/^outline:/,/^diagnostics:/p' | sed '$d'
  echo
done
"$gongwen" summarize --quiet fixtures/seeds/*.txt -o "$outdir/summary.xlsx"  # every report's indicators in one workbook
echo "demo: wrote $(find "$outdir" -type f | wc -l) files to $outdir/ (xml, json, md, txt, pdf, ofd, eep.xml and inspect.json per report; summary.xlsx)"
