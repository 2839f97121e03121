#!/usr/bin/env bash
# parallel_recipe_test.sh GONGWEN: the README's recipe beyond one machine, run. Its GNU parallel
# line, word for word, shards the bundled reports (fixtures/seeds, fixtures/html) over three
# hosts played by this machine: `ssh` is a script that runs the command here, as the host's
# shell would, and each host's /data is a folder of its own (hosts/HOST) with its own copy of
# reports/. Each host runs one shard, each shard converts some reports, together they convert
# every report once; the README's `summarize` line over their gathered outputs makes byte for
# byte the workbook that `gongwen summarize reports/` makes on one machine.
gongwen=$(realpath "$1")
source "$(dirname "$0")/cli_lib.sh"
hosts=(host1 host2 host3)
reports=(fixtures/seeds/*.txt fixtures/html/*.html)

# The two lines of the README: the parallel one, and the summarize after the shards.
recipe=$(grep -m1 '^parallel -S host1,host2,host3 ' README.md)
merge=$(sed -n "s/^\(gongwen summarize out\/ [^#]*[^# ]\) *#.*$/\1/p" README.md | head -n 1)
[[ "$recipe" == *"'cd /data && gongwen convert reports/ -d out/ "* ]] ||
  { echo "FAIL: README.md has no 'parallel -S host1,host2,host3 … cd /data && gongwen convert reports/ -d out/' line"; exit 1; }
[ -n "$merge" ] || { echo "FAIL: README.md has no 'gongwen summarize out/ … # …' line"; exit 1; }
# /data becomes the host's own folder: $GONGWEN_TEST_HOST is set by the stand-in for ssh, and
# expanded by the shell that runs the command on the host, as any variable in the command would be.
line=${recipe//"cd /data "/"cd $tmp/hosts/\$GONGWEN_TEST_HOST "}
echo "the README's line, as run: $line"
echo "then, over the gathered outputs: $merge"

# The hosts, and the one machine: each with its own reports/.
for host in "${hosts[@]}" one; do
  mkdir -p "$tmp/hosts/$host/reports"
  cp "${reports[@]}" "$tmp/hosts/$host/reports/"
done
mkdir -p "$tmp/bin"
ln -s "$gongwen" "$tmp/bin/gongwen"
# ssh [OPTION...] HOST [--] COMMAND...: runs COMMAND here with bash, as the host's shell would.
cat > "$tmp/bin/ssh" <<EOF
#!/usr/bin/env bash
while [ \$# -gt 0 ]; do
  case \$1 in
    -[bcDEeFIiJLlmOopQRSWw]) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
host=\$1; shift
[ "\${1:-}" != -- ] || shift
echo "\$host" >> "$tmp/ssh.log"
# sshd gives the command the user's login shell in \$SHELL (parallel's remote side runs the job
# with it), whatever the calling environment had: CI runs the tests without SHELL set.
export SHELL=$(command -v bash) GONGWEN_TEST_HOST=\$host
exec bash -c "\$*"
EOF
chmod +x "$tmp/bin/ssh"

# The parallel line as a user runs it, with gongwen and the stand-in for ssh on the PATH, a home
# of its own for parallel's files, and --will-cite (parallel's citation notice) from $PARALLEL.
run_recipe() { (cd "$tmp" && export PATH="$tmp/bin:$PATH" HOME="$tmp" PARALLEL=--will-cite && eval "$line"); }
check "the README's parallel line runs" exit_is 0 run_recipe
check "one job on each host" test "$(sort "$tmp/ssh.log" | paste -sd ' ')" = "host1 host2 host3"
for host in "${hosts[@]}"; do
  check "$host converted some reports" test "$(find "$tmp/hosts/$host/out" -name '*.xml' -type f 2>/dev/null | wc -l)" -gt 0
done
# Together, every report once: out/reports/NAME.xml for each, on exactly one host.
for host in "${hosts[@]}"; do (cd "$tmp/hosts/$host" && find out -type f 2>/dev/null); done | sort > "$tmp/converted"
for r in "${reports[@]}"; do echo "out/reports/$(basename "$r").xml"; done | sort > "$tmp/expected"
check "the shards converted every report, none twice" diff "$tmp/expected" "$tmp/converted"

# The outputs gathered in one folder, then the README's summarize line there.
mkdir -p "$tmp/gathered/out"
for host in "${hosts[@]}"; do cp -R "$tmp/hosts/$host/out/." "$tmp/gathered/out/" 2>/dev/null; done
merge_outputs() { (cd "$tmp/gathered" && export PATH="$tmp/bin:$PATH" && eval "$merge"); }
check "the README's summarize line runs" exit_is 0 merge_outputs
check "one machine: summarize reports/" exit_is 0 bash -c "cd '$tmp/hosts/one' && '$gongwen' summarize reports/ -o whole.xlsx -q"
# Both workbooks list every report, read, by its name under reports/ (not two empty workbooks).
check "the one-machine workbook lists every report" /usr/bin/python3 -c "
import openpyxl, sys
rows = [r for r in openpyxl.load_workbook(sys.argv[1])['文档'].iter_rows(min_row=2, values_only=True) if r[0] and r[1]]  # not the notes below
names = sorted(r[0] for r in rows)
assert names == sorted(sys.argv[2:]), names
assert all(r[1] == '已读' for r in rows), rows
" "$tmp/hosts/one/whole.xlsx" $(for r in "${reports[@]}"; do echo "reports/$(basename "$r")"; done)
check "the merged workbook is byte for byte the one-machine workbook" cmp "$tmp/hosts/one/whole.xlsx" "$tmp/gathered/summary.xlsx"
finish
