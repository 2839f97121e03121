#!/usr/bin/env bash
# scripts/fuzz.sh TARGET SECONDS — runs the libFuzzer target fuzz/TARGET_fuzz.cpp for SECONDS,
# seeded from fixtures/. Builds it first (clang, ASan + UBSan) in build-fuzz/. A finding is
# saved in build-fuzz/findings/TARGET/; after fixing it, copy the input into
# fuzz/regressions/TARGET/ so the ordinary test suite replays it. Exit 0 when nothing was found.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS (targets: $(ls fuzz/*_fuzz.cpp | sed 's|fuzz/||;s|_fuzz.cpp||' | tr '\n' ' '))}
seconds=${2:-60}
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGONGWEN_FUZZ=ON -DGONGWEN_TESTS=OFF > /dev/null
fi
cmake --build "$build" --target "${target}_fuzz" > /dev/null
corpus="$build/corpus/$target"
findings="$build/findings/$target"
mkdir -p "$corpus" "$findings"
# Seeds: every fixture (text, HTML, XML) and the kept regressions of this target.
find fixtures -type f -size -2M -exec cp -n {} "$corpus/" \; 2>/dev/null || true
[ -d "fuzz/regressions/$target" ] && cp -n fuzz/regressions/"$target"/* "$corpus/" 2>/dev/null || true
dict=()
[ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/${target}_fuzz" "$corpus" "${dict[@]}" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tail -n 25
