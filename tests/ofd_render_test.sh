#!/usr/bin/env bash
# ofd_render_test.sh GONGWEN WORKDIR: the OFDs of the seeds and fixtures opened and drawn by a
# real OFD reader no one here wrote — ofd.js (npm, Apache-2.0) in Debian's headless Chromium,
# driven by playwright-core (tests/ofd-reader/) — and each drawn page compared with the same
# page of the PDF as poppler (pdftoppm) draws it and mupdf (mutool) reads its characters, at
# the same resolution (4 px/mm = 101.6 dpi). Pages: 1, the first with a table's rules, the
# last. For each (compare.mjs):
#  - every embedded font loaded by the browser, every character drawn by its own resource's
#    embedded font, none by a system font (DevTools' CSS.getPlatformFontsForNode);
#  - the same characters at the same places (origins within 0.35 mm), both ways, each in the
#    font the PDF uses for it;
#  - the page number, the lowest line, the same;
#  - every path (table rule) the reader drew on the PDF's ink, point by point;
#  - the ink of the two rasters coinciding (97 % of each page's dark pixels within 2 px of the
#    other's).
# And once, that the comparison fails when the pages differ (page 1 of an OFD against page 2
# of its PDF).
#
# The reader's npm packages (tests/ofd-reader/package-lock.json) are installed into WORKDIR by
# `npm ci`; the test is skipped (exit 77), saying why, only when node, npm, Chromium or the
# packages cannot be had. GONGWEN_OFD_PNG=DIR keeps the drawn pages there for a person to look
# at. Run from the project root.
set -uo pipefail
gongwen=$(realpath "$1")
work=$2
src=tests/ofd-reader
skip() { echo "ofd_render_test: SKIPPED: $*" >&2; exit 77; }

command -v node > /dev/null || skip "node is not installed (Debian's nodejs; scripts/bootstrap.sh installs it)"
command -v npm > /dev/null || skip "npm is not installed (Debian's npm; scripts/bootstrap.sh installs it)"
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || skip "$chromium is missing (Debian's chromium; scripts/bootstrap.sh installs it)"
for tool in pdftoppm mutool; do command -v $tool > /dev/null || { echo "ofd_render_test: $tool is missing" >&2; exit 1; }; done

# The reader's packages, installed again only when the lock file changed.
mkdir -p "$work"
if ! cmp -s "$src/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules" ]; then
  rm -rf "$work/node_modules" "$work/package-lock.json"
  cp "$src/package.json" "$src/package-lock.json" "$work/"
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error > npm.log 2>&1) ||
    { cat "$work/npm.log" >&2; rm -f "$work/package-lock.json"; skip "npm ci could not install the reader's packages (above)"; }
fi
cp "$src/render.mjs" "$src/compare.mjs" "$work/"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
unset SOURCE_DATE_EPOCH
export CHROMIUM=$chromium

inputs=(fixtures/seeds/*.txt fixtures/html/*.html fixtures/text/*.txt fixtures/gis/*.txt fixtures/gis/*.html)
"$gongwen" convert "${inputs[@]}" -t ofd,pdf -d "$tmp/out" --quiet || { echo "ofd_render_test: convert failed" >&2; exit 1; }

pages_checked=0
for input in "${inputs[@]}"; do
  name=$(basename "$input")
  ofd=$tmp/out/$input.ofd pdf=$tmp/out/$input.pdf dir=$tmp/render/$name
  if ! node "$work/render.mjs" --ofd "$ofd" --out "$dir" --pages auto --scale 4 > "$tmp/render.log" 2>&1; then
    echo "FAIL $name: ofd.js could not draw it:"
    cat "$tmp/render.log"
    status=1
    continue
  fi
  for page in $(cat "$dir/pages.txt"); do
    pdftoppm -r 101.6 -png -f "$page" -l "$page" -singlefile "$pdf" "$dir/pdf-$page" &&
      mutool draw -q -F stext -o "$dir/pdf-$page.xml" "$pdf" "$page" 2> /dev/null ||
      { echo "FAIL $name: the PDF's page $page could not be drawn"; status=1; continue; }
    node "$work/compare.mjs" --ofd-json "$dir/ofd-page-$page.json" --ofd-png "$dir/ofd-page-$page.png" \
      --pdf-png "$dir/pdf-$page.png" --pdf-stext "$dir/pdf-$page.xml" --label "$name p$page" || status=1
    pages_checked=$((pages_checked + 1))
  done
  if [ -n "${GONGWEN_OFD_PNG:-}" ]; then
    mkdir -p "$GONGWEN_OFD_PNG/$name" && cp "$dir"/*.png "$GONGWEN_OFD_PNG/$name/"
  fi
done

# The comparison can fail: page 1 of the first OFD drawn against page 2 of its PDF.
first=$(basename "${inputs[0]}")
dir=$tmp/render/$first
pdftoppm -r 101.6 -png -f 2 -l 2 -singlefile "$tmp/out/${inputs[0]}.pdf" "$dir/other" &&
  mutool draw -q -F stext -o "$dir/other.xml" "$tmp/out/${inputs[0]}.pdf" 2 2> /dev/null
if node "$work/compare.mjs" --ofd-json "$dir/ofd-page-1.json" --ofd-png "$dir/ofd-page-1.png" \
  --pdf-png "$dir/other.png" --pdf-stext "$dir/other.xml" > "$tmp/other.log" 2>&1 ||
  ! grep -q "^FAIL .*same text at the same places" "$tmp/other.log" ||
  ! grep -q "^FAIL .*ink coincides" "$tmp/other.log"; then
  echo "FAIL the comparison did not tell page 1 from page 2:"
  cat "$tmp/other.log"
  status=1
else
  echo "ok   the comparison tells page 1 of $first from page 2"
fi

[ "$pages_checked" -gt 0 ] || { echo "ofd_render_test: no page compared" >&2; exit 1; }
echo "ofd_render_test: ${#inputs[@]} OFDs, $pages_checked pages compared"
exit $status
