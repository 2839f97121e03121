#!/usr/bin/env bash
# scripts/fuzz.sh [--build DIR] [--no-build] TARGET SECONDS
# scripts/fuzz.sh [--build DIR] [--no-build] --smoke N TARGET
#
# Runs the libFuzzer target TARGET (decode, text, xml, json, html, eep, facts: fuzz/fuzz_bodies.hpp)
# for SECONDS, seeded from fixtures/, fuzz/seeds/TARGET/ and fuzz/regressions/TARGET/, with the
# dictionary fuzz/TARGET.dict when there is one.
#
# --smoke N (the fuzz smoke of `make test`): every seed, then N mutations from a fixed random seed,
# so every run does the same work however fast or busy the machine is. Slow inputs are not
# findings there; an input still running after 600 s is (a hang on any machine).
#
# The targets live in the sanitizer build of `make test` (DIR, default build-asan: clang, ASan + UBSan + coverage), which this builds
# first unless --no-build. The corpus grows in DIR/fuzz-corpus/TARGET/ from run to run.
#
# Exit 0 when nothing was found. A crash, leak, hang (an input taking over 20 s; 600 s in --smoke), a memory
# blow-up (over 2 GB) or a broken invariant exits 1 and prints the input's path, saved in
# DIR/fuzz-findings/TARGET/. After fixing it, copy the input into fuzz/regressions/TARGET/ so the
# ordinary test suite replays it (tests/fuzz_regression_test.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=$(sed -n 's/^set(GONGWEN_FUZZ_TARGETS \(.*\))$/\1/p' fuzz/CMakeLists.txt)
usage() {
  echo "usage: scripts/fuzz.sh [--build DIR] [--no-build] TARGET SECONDS | --smoke MUTATIONS TARGET (targets: $targets)" >&2
  exit 2
}

build=build-asan
build_first=1
smoke=
while [ $# -gt 0 ]; do
  case $1 in
    --build) [ $# -ge 2 ] || usage; build=$2; shift 2 ;;
    --smoke) [ $# -ge 2 ] || usage; smoke=$2; shift 2 ;;
    --no-build) build_first=0; shift ;;
    -*) usage ;;
    *) break ;;
  esac
done
if [ -n "$smoke" ]; then
  [ $# -eq 1 ] || usage
  target=$1
  seconds=$smoke  # only checked for being a number
else
  [ $# -eq 2 ] || usage
  target=$1
  seconds=$2
fi
case $seconds in '' | *[!0-9]*) usage ;; esac
case " $targets " in *" $target "*) ;; *) usage ;; esac

if [ $build_first -eq 1 ]; then
  make --no-print-directory -s build-asan ASAN_BUILD="$build"
fi
binary="$build/fuzz/${target}_fuzz"
if [ ! -x "$binary" ]; then
  echo "fuzz.sh: $binary is missing; build it with: make build-asan ASAN_BUILD=$build" >&2
  exit 2
fi

corpus="$build/fuzz-corpus/$target"
findings="$build/fuzz-findings/$target"
log="$build/fuzz-findings/$target.log"
mkdir -p "$corpus" "$findings"
# New inputs go to the first folder; the others are read-only seeds (read recursively).
seeds=(fixtures)
for d in "fuzz/seeds/$target" "fuzz/regressions/$target"; do [ -d "$d" ] && seeds+=("$d"); done
options=(-rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1)
if [ -n "$smoke" ]; then
  # libFuzzer counts the seeds (and one empty input) among its runs.
  seed_count=$(find "$corpus" "${seeds[@]}" -type f | wc -l)
  options+=(-runs=$((seed_count + 1 + smoke)) -seed=1 -timeout=600 -report_slow_units=100000)
else
  options+=(-max_total_time="$seconds" -timeout=20)
fi
[ -f "fuzz/$target.dict" ] && options+=(-dict="fuzz/$target.dict")

# The same suppressions as the test suite (leaks inside fontconfig and PoDoFo themselves).
before=$(find "$findings" -type f | wc -l)
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$binary" "${options[@]}" "$corpus" "${seeds[@]}" > "$log" 2>&1 || status=$?

# The closing statistics: executions, coverage (cov), features (ft) and corpus size.
done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true)
echo "$target: ${done_line:-no final statistics} (corpus: $(find "$corpus" -type f | wc -l) files)"
if [ $status -ne 0 ] || [ "$(find "$findings" -type f | wc -l)" -ne "$before" ]; then
  tail -n 60 "$log"
  input=$(ls -t "$findings"/* 2>/dev/null | head -n 1 || true)
  echo "fuzz.sh: $target found a problem (exit status $status); the full log is $log" >&2
  if [ -n "$input" ]; then
    echo "fuzz.sh: the input is $input; replay it with: $binary $input" >&2
  fi
  exit 1
fi
