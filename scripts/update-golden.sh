#!/usr/bin/env bash
# update-golden.sh [GONGWEN]: regenerates every golden file in fixtures/expected/ (and
# fixtures/expected/html/, fixtures/expected/text/) from the current build, with the normalizing code of the runner
# (tests/golden.sh --update), then prints what changed.
#
# A changed golden file is a reviewed change. The goldens were checked by hand against the
# sources once; after this script, read `git diff fixtures/expected` against the source text
# (and the reason for the change) before committing it, as you would a change of the code.
set -euo pipefail
gongwen=$(realpath "${1:-build/gongwen}")
cd "$(dirname "$0")/.."
for input in fixtures/seeds/*.txt; do
  bash tests/golden.sh --update "$gongwen" "$(basename "${input%.txt}")"
done
for input in fixtures/html/*.html; do
  bash tests/golden.sh --update "$gongwen" "$(basename "${input%.html}")" "$input" fixtures/expected/html
done
for input in fixtures/text/*.txt; do
  mkdir -p fixtures/expected/text
  bash tests/golden.sh --update "$gongwen" "$(basename "${input%.txt}")" "$input" fixtures/expected/text
done
git --no-pager diff --stat fixtures/expected || true
git status --short --untracked-files=normal fixtures/expected | grep "^??" || true
