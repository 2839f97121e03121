#!/usr/bin/env bash
# Regenerates fixtures/expected/ from the current build. A changed golden file is a reviewed
# change: read `git diff fixtures/expected` against the source text before committing it.
set -euo pipefail
gongwen=${1:-build/gongwen}
mkdir -p fixtures/expected
for input in fixtures/seeds/*.txt; do
  name=$(basename "${input%.txt}")
  "$gongwen" convert "$input" -t xml -o "fixtures/expected/$name.xml" --quiet
  "$gongwen" inspect "$input" > "fixtures/expected/$name.inspect.txt"
done
mkdir -p fixtures/expected/html
for input in fixtures/html/*.html; do
  name=$(basename "${input%.html}")
  "$gongwen" convert "$input" -t xml -o "fixtures/expected/html/$name.xml" --quiet
  "$gongwen" inspect "$input" > "fixtures/expected/html/$name.inspect.txt"
done
git --no-pager diff --stat fixtures/expected || true
