#!/usr/bin/env bash
# bench/run.sh [GONGWEN] [--quick]: how fast gongwen converts reports, and LibreOffice and
# pandoc side by side on the same inputs in the same run. Prints a Markdown table and writes
# bench/RESULTS.md with the machine described. Figures, not pass/fail (see bench/README.md).
#
#   GONGWEN  the binary to measure (default build/gongwen, built with `make build` if missing)
#   --quick  fewer copies and one run each: a first look in a few minutes, printed only (not
#            written to bench/RESULTS.md)
#
# Inputs: the fixtures (fixtures/seeds, fixtures/html: typical 公文, 3–19 KB) copied COPIES
# times, and the bulk corpus (bench/data/bulk: 77 long 政府工作报告 and resolutions, 1–170 KB).
# pandoc reads HTML, so it gets each text report wrapped as an HTML page (one <p> a line) and
# the fixtures' own web pages; gongwen is measured on those same pages too.
set -euo pipefail
cd "$(dirname "$0")/.."

gongwen="" quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) gongwen=$arg ;;
  esac
done
if [ -z "$gongwen" ]; then
  [ -x build/gongwen ] || make build
  gongwen=build/gongwen
fi
gongwen=$(realpath "$gongwen")
cores=$(nproc)
copies=${COPIES:-$((quick ? 8 : 40))}  # of each fixture
repeat=${REPEAT:-$((quick ? 1 : 3))}   # runs of each gongwen measurement; the median is kept
summary_reports=${SUMMARY_REPORTS:-1000}
profile=bench/data/archive-profile.conf
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the peers, from Debian when missing -------------------------------------------------------
missing=()
command -v soffice > /dev/null || missing+=(libreoffice-writer-nogui)
command -v pandoc > /dev/null || missing+=(pandoc)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "bench: installing ${missing[*]} from Debian for the comparison" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"; } > /dev/null || echo "bench: could not install ${missing[*]}: their rows are left out" >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- inputs ------------------------------------------------------------------------------------
declare -A set_dir set_reports set_bytes
add_set() {  # add_set NAME DIR: a folder of inputs, counted
  set_dir[$1]=$2
  set_reports[$1]=$(find "$2" -type f | wc -l)
  set_bytes[$1]=$(find "$2" -type f -exec cat {} + | wc -c)
}
mkdir -p "$tmp/in/fixtures" "$tmp/in/bulk"
for f in fixtures/seeds/*.txt fixtures/html/*.html; do
  for ((i = 1; i <= copies; i++)); do cp "$f" "$tmp/in/fixtures/$(printf '%03d' "$i")_$(basename "$f")"; done
done
cp -r bench/data/bulk/gwr-* "$tmp/in/bulk/"  # folders kept: the archive profile names them
# The same reports as HTML pages for pandoc (made before any clock starts): a text report
# becomes a page with one <p> a line; a web page is kept, in UTF-8 (pandoc reads nothing else)
# and without its <img> tags (pandoc -t docx stops at a picture it cannot fetch).
for s in fixtures bulk; do
  /usr/bin/python3 - "$tmp/in/$s" "$tmp/in/$s-html" <<'EOF'
import html, pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for p in sorted(f for f in src.rglob("*") if f.is_file()):
    out = dst / p.relative_to(src).with_suffix(".html")
    out.parent.mkdir(parents=True, exist_ok=True)
    data = p.read_bytes()
    if p.suffix == ".html":
        declared = re.search(rb'charset=["\']?([\w-]+)', data[:4096])
        gb = declared and declared.group(1).lower() in (b"gb2312", b"gbk", b"gb18030")
        page = data.decode("gb18030" if gb else "utf-8", errors="replace")
        page = re.sub(r'charset=["\']?[\w-]+', "charset=utf-8", page, count=1)
        out.write_text(re.sub(r"<img\b[^>]*>", "", page, flags=re.I), encoding="utf-8")
        continue
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    page = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head><meta charset="utf-8">',
            f"<title>{html.escape(lines[0] if lines else p.stem)}</title></head>", "<body>"]
    page += [f"<p>{html.escape(l)}</p>" for l in lines] + ["</body>", "</html>", ""]
    out.write_text("\n".join(page), encoding="utf-8")
EOF
done
add_set fixtures "$tmp/in/fixtures"
add_set bulk "$tmp/in/bulk"
add_set fixtures-html "$tmp/in/fixtures-html"
add_set bulk-html "$tmp/in/bulk-html"
# The summary workbook's inputs: the fixtures, and separately the bulk corpus, repeated.
for s in fixtures bulk; do
  mapfile -t pool < <(find "$tmp/in/$s" -type f | sort)
  mkdir -p "$tmp/in/summary-$s"
  for ((i = 0; i < summary_reports; i++)); do
    src=${pool[$((i % ${#pool[@]}))]}
    cp "$src" "$tmp/in/summary-$s/$(printf '%05d' "$i")_$(basename "$src")"
  done
  add_set "summary-$s" "$tmp/in/summary-$s"
done

# --- measuring ---------------------------------------------------------------------------------
rows=()
declare -A rate  # "TASK SET" -> reports per second, for the ratios
runs=0
# measure TASK SET OUTPUTS_PER_REPORT RUNS COMMAND...: runs COMMAND RUNS times, each time with
# a fresh output folder in place of the argument {out}; keeps the run of median wall time. A
# report counts as failed when it left fewer outputs than OUTPUTS_PER_REPORT (0: a workbook,
# whose failures are named on stderr).
measure() {
  local task=$1 set=$2 per=$3 times=$4
  shift 4
  local n=${set_reports[$set]} bytes=${set_bytes[$set]} runs_done=() out command
  for ((r = 0; r < times; r++)); do
    out=$tmp/out/$((++runs))
    mkdir -p "$out"
    command=("${@//\{out\}/$out}")
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "${command[@]}" > /dev/null 2> "$tmp/stderr" || true
    local wall user sys kib failed
    read -r wall user sys kib < <(tail -1 "$tmp/time")
    if [ "$per" -gt 0 ]; then
      failed=$((n - $(find "$out" -type f ! -name '.*' | wc -l) / per))
    else
      failed=$(grep '^gongwen: ' "$tmp/stderr" | grep -v -e ': warning: ' -e ' reports -> ' -c || true)
    fi
    runs_done+=("$wall $user $sys $kib $failed")
    rm -rf "$out"
  done
  local median
  median=$(printf '%s\n' "${runs_done[@]}" | sort -n | sed -n "$(((times + 1) / 2))p")
  read -r wall user sys kib failed <<< "$median"
  rate["$task $set"]=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')
  rows+=("$(awk -v t="$task" -v s="$set" -v n="$n" -v b="$bytes" -v f="$failed" -v w="$wall" -v u="$user" -v y="$sys" \
    -v k="$kib" 'BEGIN { printf "| %s | %s | %d | %.1f | %d | %.2f | %.1f | %.2f | %.2f | %.1f | %.0f |", t, s, n, b / 1e6, f, w, n / w, b / 1e6 / w, u + y, n / (u + y), k / 1024 }')")
  echo "${rows[-1]}" >&2
}

# Scripts for the runs made of several processes, so that /usr/bin/time measures them whole.
share() {  # share SET: one list of files per core, round robin
  mapfile -t files < <(find "${set_dir[$1]}" -type f | sort)
  for ((c = 1; c <= cores; c++)); do
    for ((k = c - 1; k < ${#files[@]}; k += cores)); do printf '%s\n' "${files[k]}"; done > "$tmp/share-$1-$c"
  done
}
cat > "$tmp/soffice.sh" <<'EOS'
# soffice.sh LISTS PROFILES CORES OUT: one `soffice --convert-to pdf` per core over the files of
# LISTS1, LISTS2 …, each with its own profile PROFILES1, PROFILES2 … made beforehand.
for ((c = 1; c <= $3; c++)); do
  mapfile -t mine < "$1$c"
  soffice -env:UserInstallation="file://$2$c" --headless --convert-to pdf --outdir "$4" "${mine[@]}" > /dev/null 2>&1 &
done
wait
EOS
cat > "$tmp/per-file.sh" <<'EOS'
# per-file.sh DIR CORES EXT OUT COMMAND...: `COMMAND -o OUT/NAME.EXT FILE` for every FILE of
# DIR, CORES at a time, as a script that calls a converter once per file does.
dir=$1 cores=$2 ext=$3 out=$4
shift 4
export out
find "$dir" -type f -print0 | xargs -0 -P "$cores" -I{} sh -c '"$@" -o "$out/${0##*/}.'"$ext"'" "$0"' {} "$@"
EOS

"$gongwen" convert fixtures/seeds/000_2ff49a1744f89f60.txt -t pdf -o "$tmp/warm.pdf" -q  # caches warm
echo "| task | inputs | reports | MB | failed | seconds | reports/s | MB/s | CPU s | reports/CPU-s | peak MiB |" >&2
convert=("$gongwen" convert -d {out} -j "$cores" -q)
for s in fixtures bulk; do
  measure "gongwen → xml + json" "$s" 2 "$repeat" "${convert[@]}" "${set_dir[$s]}" -t xml,json
  measure "gongwen → pdf" "$s" 1 "$repeat" "${convert[@]}" "${set_dir[$s]}" -t pdf
  measure "gongwen → eep (PDF inside)" "$s" 1 "$repeat" "${convert[@]}" "${set_dir[$s]}" -t eep --profile "$profile"
done
measure "gongwen → all 7 formats" bulk 7 1 "${convert[@]}" "${set_dir[bulk]}" -t xml,json,txt,md,pdf,eep,xlsx --profile "$profile"
for s in fixtures bulk; do
  measure "gongwen → summary workbook" "summary-$s" 0 "$repeat" \
    "$gongwen" summarize "${set_dir[summary-$s]}" -o {out}/summary.xlsx -j "$cores" -q
done
if command -v soffice > /dev/null; then
  lo_version=$(soffice --version 2> /dev/null | awk '{ print $2 }')
  for c in $(seq 1 "$cores"); do  # profiles made before the clock starts (the first start takes seconds)
    soffice -env:UserInstallation="file://$tmp/profile$c" --headless --convert-to pdf --outdir "$tmp/lo-warm" \
      fixtures/seeds/000_2ff49a1744f89f60.txt > /dev/null 2>&1 || true
  done
  for s in fixtures bulk; do
    share "$s"
    measure "LibreOffice $lo_version → pdf, $cores batch processes" "$s" 1 1 \
      bash "$tmp/soffice.sh" "$tmp/share-$s-" "$tmp/profile" "$cores" {out}
  done
fi
command -v pandoc > /dev/null && pandoc_version=$(pandoc --version | awk 'NR == 1 { print $2 }')
for s in fixtures-html bulk-html; do
  measure "gongwen html → xml + json" "$s" 2 "$repeat" "${convert[@]}" "${set_dir[$s]}" -t xml,json
  measure "gongwen html → json, a process per file" "$s" 1 1 \
    bash "$tmp/per-file.sh" "${set_dir[$s]}" "$cores" json {out} "$gongwen" convert -t json -q
  if [ -n "${pandoc_version:-}" ]; then
    pandoc -f html -t plain fixtures/html/xxgk_annual_report.html > /dev/null  # caches warm
    measure "pandoc $pandoc_version html → plain, a process per file" "$s" 1 1 \
      bash "$tmp/per-file.sh" "${set_dir[$s]}" "$cores" txt {out} pandoc -f html -t plain
    measure "pandoc $pandoc_version html → docx, a process per file" "$s" 1 1 \
      bash "$tmp/per-file.sh" "${set_dir[$s]}" "$cores" docx {out} pandoc -f html -t docx
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the report --------------------------------------------------------------------------------
ratio() {  # ratio A B: A's rate over B's, or – when either is missing
  awk -v a="${rate[$1]:-}" -v b="${rate[$2]:-}" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%.1f×", a / b }'
}
# field TASK SET N: the N-th column of a row (3 reports, 5 failed, 6 seconds, 7 reports/s,
# 10 reports/CPU-s, 11 MiB)
field() { printf '%s\n' "${rows[@]}" | grep -F "| $1 | $2 |" | head -1 | awk -F'|' -v i="$(($3 + 1))" '{ gsub(/ /, "", $i); print $i }'; }
lo="LibreOffice ${lo_version:-} → pdf, $cores batch processes"
pd="pandoc ${pandoc_version:-} html → plain, a process per file"
pdx="pandoc ${pandoc_version:-} html → docx, a process per file"
cpu=$(lscpu | awk -F': +' '/^Model name/ { print $2; exit }')
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bash bench/run.sh\` on $(date -u +%Y-%m-%d) (see bench/README.md for what each row does)."
  echo
  echo "- Machine: $cores × $cpu, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
    "Debian $(cat /etc/debian_version), kernel $(uname -r)."
  echo "- gongwen $("$gongwen" --version | cut -d' ' -f2) ($gongwen); LibreOffice ${lo_version:-not installed};" \
    "pandoc ${pandoc_version:-not installed}."
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after. The machine is shared:" \
    "a load above $cores means other work competed for the cores, and wall-clock figures suffer."
  echo "- Inputs: \`fixtures\` = the $(ls fixtures/seeds/*.txt fixtures/html/*.html | wc -l) fixtures × $copies copies;" \
    "\`bulk\` = the 77 reports of bench/data/bulk once; \`…-html\` = the same as HTML pages;" \
    "\`summary-…\` = $summary_reports reports cycling through those. gongwen rows: median of $repeat runs," \
    "every core in one process unless said; peers: one run."
  echo
  echo "| task | inputs | reports | MB | failed | seconds | reports/s | MB/s | CPU s | reports/CPU-s | peak MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Ratios, same inputs, same run:"
  echo
  for s in fixtures bulk; do
    echo "- $s: gongwen → pdf is $(ratio "gongwen → pdf $s" "$lo $s") LibreOffice's batch mode;" \
      "gongwen html → xml + json is $(ratio "gongwen html → xml + json $s-html" "$pd $s-html") pandoc html → plain" \
      "and $(ratio "gongwen html → xml + json $s-html" "$pdx $s-html") pandoc html → docx, run per file."
  done
  echo
  echo "Targets (the 2-core machine; typical reports are the fixtures):"
  echo
  echo "- fixtures → xml + json ≥ 500 reports/s: $(field "gongwen → xml + json" fixtures 7)/s" \
    "($(field "gongwen → xml + json" fixtures 10) per CPU-second)."
  echo "- → pdf ≥ 50 reports/s: $(field "gongwen → pdf" fixtures 7)/s ($(field "gongwen → pdf" fixtures 10) per CPU-second)."
  echo "- $summary_reports-report summary workbook, parsing included, < 5 s:" \
    "$(field "gongwen → summary workbook" summary-fixtures 6) s (fixtures), $(field "gongwen → summary workbook" summary-bulk 6) s (bulk corpus)."
  echo "- peak memory < 300 MiB: the largest gongwen figure above is" \
    "$(printf '%s\n' "${rows[@]}" | grep '^| gongwen' | awk -F'|' '{ print $12 + 0 }' | sort -n | tail -1) MiB."
  echo "- the bulk corpus to every format with zero failures: $(field "gongwen → all 7 formats" bulk 5) failed."
} > "$tmp/results.md"
if [ "$quick" -eq 0 ] && [ "${SKIP_EEP_LARGE:-0}" != 1 ]; then
  { echo; echo "## A package with a 50 MB payload (bench/eep.sh)"; echo; bash bench/eep.sh "$gongwen" 50; } >> "$tmp/results.md"
fi
cat "$tmp/results.md"
if [ "$quick" -eq 0 ]; then
  cp "$tmp/results.md" bench/RESULTS.md
  echo "bench: written to bench/RESULTS.md" >&2
fi
