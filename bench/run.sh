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
#
# Ratios compare like with like: gongwen's batch with LibreOffice's batch, gongwen run once per
# file with pandoc run once per file; per wall second and per CPU-second. A peer that cannot run
# (e.g. LibreOffice without Writer) gets no ratio; when either side fails some inputs, both are
# timed again on the inputs both converted and the ratio says so.
set -euo pipefail
cd "$(dirname "$0")/.."

gongwen="" quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,18p' "$0"; exit 0 ;;
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

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Where the runs write. Each run's outputs are deleted once it is measured, and on a disk that
# makes the next run's files dearer to create: ext4 without a journal (as on some virtual
# machines) passes over every inode freed in the last minutes, one by one, when it allocates a
# new one, so a row would pay for the rows before it. A tmpfs has no such cost, and the rows then
# time the converters rather than the disk: outputs go to /dev/shm when it is a tmpfs with 4 GiB
# free (a run's outputs are under 1 GiB), else to the temporary folder. BENCH_OUT=DIR chooses.
out_root=${BENCH_OUT:-}
if [ -z "$out_root" ] && [ "$(stat -f -c %T /dev/shm 2> /dev/null)" = tmpfs ] && [ -w /dev/shm ] &&
  [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -ge $((4 * 1024 * 1024)) ]; then
  out_root=/dev/shm
fi
out_root=$(mktemp -d "${out_root:-$tmp}/gongwen-bench.XXXXXX")
trap 'rm -rf "$tmp" "$out_root"' EXIT
out_where="$out_root ($(findmnt -no FSTYPE -T "$out_root" 2> /dev/null | tail -n 1))"

# --- the peers ---------------------------------------------------------------------------------
# What is checked is the component a row needs, not a command: soffice converts text and web
# pages with Writer, and a LibreOffice installed for Calc alone (libreoffice-calc-nogui) has the
# soffice command but fails every input. So each peer converts a small report before any clock
# starts; when it cannot and its Debian package is missing, the package is installed and the
# peer tried again; a peer that still cannot is not run, and its rows say why.
printf '关于开展测试工作的通知\n\n各单位：\n现将有关事项通知如下。\n\n特此通知。\n' > "$tmp/probe.txt"
printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>通知</title></head><body><p>%s</p></body></html>\n' \
  '关于开展测试工作的通知' > "$tmp/probe.html"
writer_installed() {  # the Debian package of Writer (true without dpkg: the probe decides alone)
  command -v dpkg-query > /dev/null || return 0
  dpkg-query -W -f='${db:Status-Status}\n' libreoffice-writer-nogui libreoffice-writer 2> /dev/null | grep -qx installed
}
probe_libreoffice() {  # also makes the user profile of each soffice of the batch rows (a first start takes seconds)
  lo_version="" lo_missing=""
  command -v soffice > /dev/null || { lo_missing="not installed"; return; }
  lo_version=$(soffice --version 2> /dev/null | awk '{ print $2 }')
  local c
  for ((c = 1; c <= cores; c++)); do
    rm -rf "$tmp/lo-probe"
    soffice -env:UserInstallation="file://$tmp/profile$c" --headless --convert-to pdf --outdir "$tmp/lo-probe" \
      "$tmp/probe.txt" > /dev/null 2>&1 || true
    [ -s "$tmp/lo-probe/probe.pdf" ] || lo_missing="could not convert a text file to PDF"
  done
  [ -z "$lo_missing" ] || writer_installed || lo_missing+=", and Writer is not installed (libreoffice-writer-nogui)"
}
probe_pandoc() {
  pandoc_version="" pandoc_missing=""
  command -v pandoc > /dev/null || { pandoc_missing="not installed"; return; }
  pandoc_version=$(pandoc --version | awk 'NR == 1 { print $2 }')
  local to
  for to in plain docx; do
    rm -f "$tmp/probe.$to"
    pandoc -f html -t "$to" -o "$tmp/probe.$to" "$tmp/probe.html" > /dev/null 2>&1 || true
    [ -s "$tmp/probe.$to" ] || pandoc_missing+="${pandoc_missing:+; }could not convert a web page to $to"
  done
}
probe_libreoffice
probe_pandoc
missing=()
[ -z "$lo_missing" ] || writer_installed || missing+=(libreoffice-writer-nogui)
[ -z "$pandoc_missing" ] || command -v pandoc > /dev/null || missing+=(pandoc)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "bench: installing ${missing[*]} from Debian for the comparison" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"; } > /dev/null 2>&1 || echo "bench: could not install ${missing[*]}" >&2
  [ -z "$lo_missing" ] || probe_libreoffice
  [ -z "$pandoc_missing" ] || probe_pandoc
fi
[ -z "$lo_missing" ] || echo "bench: LibreOffice${lo_version:+ $lo_version}: $lo_missing; its rows are not run" >&2
[ -z "$pandoc_missing" ] || echo "bench: pandoc${pandoc_version:+ $pandoc_version}: $pandoc_missing; its rows are not run" >&2

# --- inputs ------------------------------------------------------------------------------------
declare -A set_dir set_label set_reports set_bytes
add_set() {  # add_set NAME DIR [LABEL]: a folder of inputs, counted, its files listed in $tmp/list-NAME
  set_dir[$1]=$2 set_label[$1]=${3:-$1}
  find "$2" -type f | sort > "$tmp/list-$1"
  set_reports[$1]=$(wc -l < "$tmp/list-$1")
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
# By "TASK SET": rate and cpu_rate, reports per wall second and per CPU-second; failures, how many
# inputs left no output; converted, a file listing those that did; not_run, why a row was not
# run. spec: by TASK, the rest of its measure command, to time it again on another set.
declare -A rate cpu_rate failures converted not_run spec
runs=0
# converted_inputs LIST OUT PER: the inputs of LIST (paths, one a line) that left at least PER
# outputs in OUT. An output is an input's when its name is the input's name or the input's name
# less its extension, followed by extensions (a.txt → a.txt.xml, a.txt.eep.xml; LibreOffice's
# a.pdf). The names of a set's inputs are unique, and so are their stems.
converted_inputs() {
  awk -v per="$3" 'FILENAME == ARGV[1] { sub(/.*\//, ""); while (sub(/\.[^.]*$/, "")) count[$0]++; next }
    { name = $0; sub(/.*\//, "", name); stem = name; sub(/\.[^.]*$/, "", stem)
      if (count[name] >= per || (stem != name && count[stem] >= per)) print }' \
    <(find "$2" -type f ! -name '.*') "$1"
}
# measure TASK SET OUTPUTS_PER_REPORT RUNS COMMAND...: runs COMMAND RUNS times, {in} replaced by
# SET's folder and {out} by a fresh output folder each time; keeps the run of median wall time. A
# report counts as failed when it left fewer than OUTPUTS_PER_REPORT outputs (0: a workbook,
# whose failures are named on stderr).
measure() {
  local task=$1 set=$2 per=$3 times=$4
  shift 4
  spec[$task]=$(printf '%q ' "$per" "$times" "$@")
  local n=${set_reports[$set]} bytes=${set_bytes[$set]} runs_done=() out command r
  local wall user sys kib failed run
  for ((r = 0; r < times; r++)); do
    out=$out_root/$((++runs))
    mkdir -p "$out"
    command=("${@//\{out\}/$out}")
    command=("${command[@]//\{in\}/${set_dir[$set]}}")
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "${command[@]}" > /dev/null 2> "$tmp/stderr" || true
    read -r wall user sys kib < <(tail -1 "$tmp/time")
    if [ "$per" -gt 0 ]; then
      converted_inputs "$tmp/list-$set" "$out" "$per" > "$tmp/converted-$runs"
      failed=$((n - $(wc -l < "$tmp/converted-$runs")))
    else
      failed=$(grep '^gongwen: ' "$tmp/stderr" | grep -v -e ': warning: ' -e ' reports -> ' -c || true)
    fi
    runs_done+=("$wall $user $sys $kib $failed $runs")
    rm -rf "$out"
  done
  read -r wall user sys kib failed run < <(printf '%s\n' "${runs_done[@]}" | sort -n | sed -n "$(((times + 1) / 2))p")
  local key="$task $set" good=$((n - failed)) good_bytes=$bytes
  [ "$per" -eq 0 ] || good_bytes=$(xargs -r -d '\n' cat -- < "$tmp/converted-$run" | wc -c)
  rate[$key]=$(awk -v n="$good" -v w="$wall" 'BEGIN { if (n > 0 && w > 0) printf "%.6g", n / w }')
  cpu_rate[$key]=$(awk -v n="$good" -v u="$user" -v y="$sys" 'BEGIN { if (n > 0 && u + y > 0) printf "%.6g", n / (u + y) }')
  failures[$key]=$failed
  converted[$key]=$tmp/converted-$run
  # The rates count the reports converted: a run that fails every input has none ("–").
  rows+=("$(awk -v t="$task" -v s="${set_label[$set]}" -v n="$n" -v b="$bytes" -v f="$failed" -v d="$good" -v db="$good_bytes" \
    -v w="$wall" -v u="$user" -v y="$sys" -v k="$kib" 'function per(x, secs, fmt) { return d > 0 && secs > 0 ? sprintf(fmt, x / secs) : "–" }
    BEGIN { printf "| %s | %s | %d | %.1f | %d | %.2f | %s | %s | %.2f | %s | %.0f |", t, s, n, b / 1e6, f, w, per(d, w, "%.1f"),
      per(db / 1e6, w, "%.2f"), u + y, per(d, u + y, "%.1f"), k / 1024 }')")
  echo "${rows[-1]}" >&2
}
measure_again() {  # measure_again TASK SET: TASK as it was measured, on another set
  eval "measure $(printf '%q %q ' "$1" "$2") ${spec[$1]}"
}
skip() {  # skip TASK SET WHY: the row of a measurement not made
  not_run["$1 $2"]=$3
  rows+=("$(awk -v t="$1" -v s="${set_label[$2]}" -v n="${set_reports[$2]}" -v b="${set_bytes[$2]}" -v why="$3" \
    'BEGIN { printf "| %s | %s | %d | %.1f | not run: %s | – | – | – | – | – | – |", t, s, n, b / 1e6, why }')")
  echo "${rows[-1]}" >&2
}

# --- ratios ------------------------------------------------------------------------------------
comparisons=() subsets=0
# failed_inputs SET TASK WHO: "WHO failed K of the N: NAME ×COUNT, …", the inputs of SET that
# TASK left without output, by name (a fixture's copies counted together); nothing if none.
failed_inputs() {
  local key="$2 $1"
  [ "${failures[$key]}" -gt 0 ] || return 0
  printf '%s failed %d of the %d: %s' "$3" "${failures[$key]}" "${set_reports[$1]}" \
    "$(comm -23 "$tmp/list-$1" "${converted[$key]}" | sed 's#.*/##; s/^[0-9][0-9][0-9]_//' | sort | uniq -c | sort -k1,1nr -k2 |
      awk 'NR <= 4 { n = $1; sub(/^ *[0-9]+ /, ""); printf "%s%s ×%d", (NR > 1 ? ", " : ""), $0, n } END { if (NR > 4) printf ", …" }')"
}
# compare SET A B HOW A_SAYS B_SAYS WHO: a line of the report, the rates of row A (gongwen) over
# those of row B (the peer WHO) on SET, per wall second and per CPU-second. When either failed
# inputs, both are timed again on the inputs both converted and the ratio is over those, said as
# such; when no input is left, or a row was not run, or the second runs fail, there is no ratio.
compare() {
  local set=$1 a=$2 b=$3 how=$4 a_says=$5 b_says=$6 who=$7
  local line="- \`$set\`, $how — $a_says beside $b_says:" n=${set_reports[$set]}
  if [ -n "${not_run[$b $set]:-}" ]; then
    comparisons+=("$line no ratio: $who was not run — ${not_run[$b $set]}.")
    return
  fi
  if [ "${failures[$a $set]}" -eq 0 ] && [ "${failures[$b $set]}" -eq 0 ]; then
    comparisons+=("$line $(ratios "$a $set" "$b $set"); over all $n inputs.")
    return
  fi
  local why both sub
  why=$(failed_inputs "$set" "$a" gongwen)
  why+=${why:+; }$(failed_inputs "$set" "$b" "$who")
  why=${why%; }
  both=$tmp/both-$((++subsets))
  comm -12 "${converted[$a $set]}" "${converted[$b $set]}" > "$both"
  local k
  k=$(wc -l < "$both")
  if [ "$k" -eq 0 ]; then
    comparisons+=("$line no ratio: no input was converted by both ($why).")
    return
  fi
  sub=both$subsets
  mkdir -p "$tmp/in/$sub"
  (cd "${set_dir[$set]}" && cut -c "$((${#set_dir[$set]} + 2))-" "$both" | xargs -d '\n' cp --parents -t "$tmp/in/$sub")
  add_set "$sub" "$tmp/in/$sub" "$set: the $k both converted"
  measure_again "$a" "$sub"
  measure_again "$b" "$sub"
  if [ "${failures[$a $sub]}" -gt 0 ] || [ "${failures[$b $sub]}" -gt 0 ]; then
    comparisons+=("$line no ratio ($why; timed again on the $k inputs both had converted, gongwen failed ${failures[$a $sub]} and $who ${failures[$b $sub]} of them).")
  else
    comparisons+=("$line $(ratios "$a $sub" "$b $sub"); over the $k inputs both converted, both timed again on those alone ($why).")
  fi
}
ratios() {  # ratios A B: row A's rates over row B's, per wall second and per CPU-second
  awk -v a="${rate[$1]:-}" -v b="${rate[$2]:-}" -v ac="${cpu_rate[$1]:-}" -v bc="${cpu_rate[$2]:-}" 'BEGIN {
    printf "%s as many reports per wall second, %s per CPU-second",
      (a == "" || b == "" || b == 0) ? "–" : sprintf("%.1f×", a / b), (ac == "" || bc == "" || bc == 0) ? "–" : sprintf("%.1f×", ac / bc) }'
}

# Scripts for the runs made of several processes, so that /usr/bin/time measures them whole.
cat > "$tmp/soffice.sh" <<'EOS'
# soffice.sh DIR PROFILES CORES OUT: one `soffice --convert-to pdf` per core, each over its share
# of the files of DIR (round robin) with its own profile PROFILES1, PROFILES2 … made beforehand.
mapfile -t files < <(find "$1" -type f | sort)
for ((c = 1; c <= $3; c++)); do
  mine=()
  for ((k = c - 1; k < ${#files[@]}; k += $3)); do mine+=("${files[k]}"); done
  [ ${#mine[@]} -eq 0 ] ||
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
  measure "gongwen → xml + json" "$s" 2 "$repeat" "${convert[@]}" {in} -t xml,json
  measure "gongwen → pdf" "$s" 1 "$repeat" "${convert[@]}" {in} -t pdf
  measure "gongwen → ofd" "$s" 1 "$repeat" "${convert[@]}" {in} -t ofd
  measure "gongwen → eep (PDF inside)" "$s" 1 "$repeat" "${convert[@]}" {in} -t eep --profile "$profile"
done
measure "gongwen → all 7 formats" bulk 7 1 "${convert[@]}" {in} -t xml,json,txt,md,pdf,eep,xlsx --profile "$profile"
for s in fixtures bulk; do
  measure "gongwen → summary workbook" "summary-$s" 0 "$repeat" "$gongwen" summarize {in} -o {out}/summary.xlsx -j "$cores" -q
done
lo="LibreOffice${lo_version:+ $lo_version} → pdf, $cores batch processes"
for s in fixtures bulk; do
  if [ -n "$lo_missing" ]; then
    skip "$lo" "$s" "$lo_missing"
  else
    measure "$lo" "$s" 1 1 bash "$tmp/soffice.sh" {in} "$tmp/profile" "$cores" {out}
  fi
  compare "$s" "gongwen → pdf" "$lo" "batch beside batch" "gongwen → pdf (one process, $cores threads)" \
    "LibreOffice → pdf ($cores soffice processes, each converting its share of the files)" LibreOffice
done
per_file="gongwen html → json, a process per file"
for s in fixtures-html bulk-html; do
  measure "gongwen html → xml + json" "$s" 2 "$repeat" "${convert[@]}" {in} -t xml,json
  measure "$per_file" "$s" 1 1 bash "$tmp/per-file.sh" {in} "$cores" json {out} "$gongwen" convert -t json -q
  for to in plain docx; do
    task="pandoc${pandoc_version:+ $pandoc_version} html → $to, a process per file"
    if [ -n "$pandoc_missing" ]; then
      skip "$task" "$s" "$pandoc_missing"
    else
      measure "$task" "$s" 1 1 bash "$tmp/per-file.sh" {in} "$cores" "${to/plain/txt}" {out} pandoc -f html -t "$to"
    fi
    compare "$s" "$per_file" "$task" "a process per file beside a process per file, $cores at a time" \
      "gongwen html → json" "pandoc html → $to" pandoc
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the report --------------------------------------------------------------------------------
# field TASK SET N: the N-th column of a row (3 reports, 5 failed, 6 seconds, 7 reports/s,
# 10 reports/CPU-s, 11 MiB)
field() { printf '%s\n' "${rows[@]}" | grep -F "| $1 | $2 |" | head -1 | awk -F'|' -v i="$(($3 + 1))" '{ gsub(/ /, "", $i); print $i }'; }
cpu=$(lscpu | awk -F': +' '/^Model name/ { print $2; exit }')
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bash bench/run.sh\` on $(date -u +%Y-%m-%d) (see bench/README.md for what each row does)."
  echo
  echo "- Machine: $cores × $cpu, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
    "Debian $(cat /etc/debian_version), kernel $(uname -r)."
  echo "- gongwen $("$gongwen" --version | cut -d' ' -f2) ($gongwen);" \
    "LibreOffice ${lo_version:-not installed}${lo_missing:+ (not run: $lo_missing)};" \
    "pandoc ${pandoc_version:-not installed}${pandoc_missing:+ (not run: $pandoc_missing)}."
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after. The machine is shared:" \
    "a load above $cores means other work competed for the cores, and wall-clock figures suffer."
  echo "- Inputs: \`fixtures\` = the $(ls fixtures/seeds/*.txt fixtures/html/*.html | wc -l) fixtures × $copies copies;" \
    "\`bulk\` = the 77 reports of bench/data/bulk once; \`…-html\` = the same as HTML pages;" \
    "\`summary-…\` = $summary_reports reports cycling through those. gongwen rows: median of $repeat runs," \
    "every core in one process unless said; peers: one run."
  echo "- Outputs written to $out_where, each run's deleted after it (see bench/README.md, \"The machine\")."
  echo
  echo "| task | inputs | reports | MB | failed | seconds | reports/s | MB/s | CPU s | reports/CPU-s | peak MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Ratios, like with like, same inputs, same run (how many times as many reports gongwen converts):"
  echo
  printf '%s\n' "${comparisons[@]}"
  echo
  echo "Targets (the 2-core machine; typical reports are the fixtures):"
  echo
  echo "- fixtures → xml + json ≥ 500 reports/s: $(field "gongwen → xml + json" fixtures 7)/s" \
    "($(field "gongwen → xml + json" fixtures 10) per CPU-second)."
  echo "- → pdf ≥ 300 reports/s (issue 17; ≥ 50 before): $(field "gongwen → pdf" fixtures 7)/s" \
    "($(field "gongwen → pdf" fixtures 10) per CPU-second); bulk → pdf ≥ 100/s: $(field "gongwen → pdf" bulk 7)/s" \
    "($(field "gongwen → pdf" bulk 10) per CPU-second); ≥ 10× LibreOffice's batch per CPU-second: see the ratios above."
  echo "- → ofd as fast as → pdf (measured, not a target of its own): $(field "gongwen → ofd" fixtures 7)/s" \
    "($(field "gongwen → ofd" fixtures 10) per CPU-second)."
  echo "- $summary_reports-report summary workbook, parsing included, < 5 s:" \
    "$(field "gongwen → summary workbook" summary-fixtures 6) s (fixtures), $(field "gongwen → summary workbook" summary-bulk 6) s (bulk corpus)."
  echo "- peak memory < 300 MiB (→ pdf: below the 194 MiB of the cairo era, issue 17): the largest gongwen figure above is" \
    "$(printf '%s\n' "${rows[@]}" | grep '^| gongwen' | awk -F'|' '{ print $12 + 0 }' | sort -n | tail -1) MiB."
  echo "- the bulk corpus to every format with zero failures: $(field "gongwen → all 7 formats" bulk 5) failed."
} > "$tmp/results.md"
# Where a PDF's CPU time goes, stage by stage: bench/pdf_stages, built beside the binary with the
# tests (one thread, in memory; see its header). Left out when it is not there.
stages=$(dirname "$gongwen")/pdf_stages
if [ -x "$stages" ]; then
  {
    echo
    echo "## A PDF's CPU time by stage (bench/pdf_stages, one thread, nothing written to disk)"
    for s in fixtures bulk; do
      echo
      echo "\`$s\`: $("$stages" --copies 1 "${set_dir[$s]}")"
    done
  } >> "$tmp/results.md"
fi
if [ "$quick" -eq 0 ] && [ "${SKIP_EEP_LARGE:-0}" != 1 ]; then
  { echo; echo "## A package with a 50 MB payload (bench/eep.sh)"; echo; bash bench/eep.sh "$gongwen" 50; } >> "$tmp/results.md"
fi
cat "$tmp/results.md"
if [ "$quick" -eq 0 ]; then
  cp "$tmp/results.md" bench/RESULTS.md
  echo "bench: written to bench/RESULTS.md" >&2
fi
