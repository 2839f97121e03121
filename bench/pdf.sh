#!/usr/bin/env bash
# bench/pdf.sh [GONGWEN] [COPIES]: archival PDFs per second from the seed reports, gongwen and
# LibreOffice side by side on the same files in one run. Figures, not pass/fail.
#
#   GONGWEN  the binary to measure (default build/gongwen: `make build`, RelWithDebInfo)
#   COPIES   copies of each of the five seeds (default 40, so 200 reports)
#
# gongwen runs as one process over all files (-j 1, -j <cores>), as one process per core over
# its share of the files (fonts loaded once per process in all three), and as one process per
# report (fonts loaded every time). LibreOffice runs in its own best batch mode: one
# `soffice --headless --convert-to pdf` call per core over its share of the files, each with a
# profile made before the clock starts (a first start spends seconds creating one).
#
# Besides wall-clock rates, every run's CPU time (user + system, children included) is
# reported, and "per core-second × cores": the rate the run would reach on this machine with
# nothing else running, if it kept every core busy. Prints a Markdown table.
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
for c in $(seq 1 "$cores"); do  # share c of the files, for the c-th of one process per core
  for ((k = c - 1; k < n; k += cores)); do printf '%s\n' "${files[k]}"; done > "$tmp/share$c"
done

# timed LABEL COMMAND...: runs COMMAND, prints a table row (wall and CPU time).
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@"
  read -r wall user sys < "$tmp/time"
  awk -v l="$label" -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v c="$cores" 'BEGIN {
    printf "| %s | %d | %.2f | %.1f | %.2f | %.1f |\n", l, n, w, n / w, u + s, n / (u + s) * c }'
}

# The parallel runs as scripts, so that /usr/bin/time measures them with their children.
cat > "$tmp/gongwen-per-core.sh" <<EOS
for c in \$(seq 1 $cores); do
  "$gongwen" convert --from-list "$tmp/share\$c" -t pdf -d "$tmp/out-p\$c" -j 1 -q &
done
wait
EOS
cat > "$tmp/gongwen-per-report.sh" <<EOS
mkdir -p "$tmp/out-r"
xargs -P $cores -I{} sh -c '"\$1" convert "\$2" -t pdf -o "\$3/\$(basename "\$2").pdf" -q' _ "$gongwen" {} "$tmp/out-r" \
  < "$tmp/share-all"
EOS
printf '%s\n' "${files[@]}" > "$tmp/share-all"
cat > "$tmp/soffice-per-core.sh" <<EOS
for c in \$(seq 1 $cores); do
  mapfile -t mine < "$tmp/share\$c"
  soffice -env:UserInstallation="file://$tmp/profile\$c" --headless --convert-to pdf --outdir "$tmp/lo" "\${mine[@]}" \
    > /dev/null 2>&1 &
done
wait
EOS

"$gongwen" convert "${files[0]}" -t pdf -o "$tmp/warm.pdf" -q   # page cache, fontconfig cache

echo "| run | PDFs | wall s | PDFs/s | CPU s | per core-second × $cores |"
echo "|---|---|---|---|---|---|"
timed "gongwen, one process, -j 1" "$gongwen" convert "$tmp/in" -t pdf -d "$tmp/out-1" -j 1 -q
timed "gongwen, one process, -j $cores" "$gongwen" convert "$tmp/in" -t pdf -d "$tmp/out-j" -j "$cores" -q
timed "gongwen, one process per core ($cores)" bash "$tmp/gongwen-per-core.sh"
timed "gongwen, one process per report" bash "$tmp/gongwen-per-report.sh"

if command -v soffice > /dev/null; then
  for c in $(seq 1 "$cores"); do  # profiles made before the clock starts
    soffice -env:UserInstallation="file://$tmp/profile$c" --headless --convert-to pdf --outdir "$tmp/lo-warm" \
      "${files[0]}" > /dev/null 2>&1
  done
  version=$(soffice --version 2> /dev/null | awk '{print $2}')
  timed "LibreOffice $version, one soffice per core ($cores)" bash "$tmp/soffice-per-core.sh"
  made=$(find "$tmp/lo" -name '*.pdf' | wc -l)
  [ "$made" -eq "$n" ] || echo "LibreOffice wrote $made of $n PDFs" >&2
else
  echo "| LibreOffice | – | not installed (apt-get install libreoffice-writer-nogui) | – | – | – |"
fi
