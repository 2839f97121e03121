#!/usr/bin/env bash
# install_test.sh CMAKE BUILD_DIR CXX [FLAGS]: gongwen as a library user meets it. The build
# tree is installed into a scratch prefix; examples/ is configured against that prefix with
# find_package(gongwen) and nothing else, built, and run on the fixtures, their outputs read
# back by other tools (pdfinfo, openpyxl, xmllint against the installed schema); a program is
# built with nothing but pkg-config; the installed tree has the CLI, headers, schemas and
# catalog. FLAGS are compile and link flags for what is built against the package: the
# sanitizer build's, without which its libgongwen.a cannot be linked.
# Run from the source tree (the fixtures are named relative to it, as in the golden files).
# shellcheck source=tests/cli_lib.sh
source "$(dirname "$0")/cli_lib.sh"
cmake=$1
build=$(realpath "$2")
cxx=$3
flags=${4:-}
src=$(pwd)
prefix=$tmp/prefix
python=/usr/bin/python3
die() { echo "install_test: $*" >&2; exit 1; }
# Nothing from the environment may help the package be found: only what the test passes.
unset CMAKE_PREFIX_PATH PKG_CONFIG_PATH CPATH CPLUS_INCLUDE_PATH LIBRARY_PATH

# ---- the installed tree ----------------------------------------------------------------
"$cmake" --install "$build" --prefix "$prefix" > "$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; die "cmake --install failed"; }
check "the installed CLI runs" exit_is 0 "$prefix/bin/gongwen" --version
check "the installed CLI tells its version" stdout_has "gongwen 0.1.0"
check "every public header is installed" \
  diff <(cd include/gongwen && ls) <(cd "$prefix/include/gongwen" && ls)
check "the document schema is installed" cmp converters/xml/gongwen-document-1.xsd "$prefix/share/gongwen/schemas/gongwen-document-1.xsd"
check "the package schema is installed" cmp converters/eep/eep-dat48.xsd "$prefix/share/gongwen/schemas/eep-dat48.xsd"
check "the catalog is installed" cmp catalog/indicators-v1.xml "$prefix/share/gongwen/catalog/indicators-v1.xml"
pcfile=$(find "$prefix" -name gongwen.pc)
config=$(find "$prefix" -name gongwen-config.cmake)
check "the .pc file is installed" test -n "$pcfile"
check "the CMake package is installed" test -n "$config"
check "the library is installed" test -n "$(find "$prefix" -name 'libgongwen.*')"

# ---- examples/ against the package -----------------------------------------------------
ex=$tmp/examples
"$cmake" -S examples -B "$ex" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  > "$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; die "examples/ does not configure against the installed package"; }
"$cmake" --build "$ex" -j 2 > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; die "examples/ does not build against the installed package"; }
found_dir=$(sed -n 's/^gongwen_DIR:PATH=//p' "$ex/CMakeCache.txt")
check "find_package(gongwen) found the installed package ($found_dir)" test "$found_dir" = "$(dirname "$config")"
check "the examples were compiled with the installed headers" grep -qF -- "$prefix/include" "$ex/compile_commands.json"
check "the examples were compiled without the source tree's headers" \
  bash -c '! grep -qF -- "$1" "$2"' _ "$src/include" "$ex/compile_commands.json"
check "the examples were compiled without the build tree" \
  bash -c '! grep -qF -- "$1" "$2"' _ "$build" "$ex/compile_commands.json"

seeds=(fixtures/seeds/*.txt)
mkdir -p "$tmp/out"

# report_to_pdf: a PDF/A whose title is the report's, the very PDF the installed CLI writes.
for seed in "${seeds[@]}"; do
  name=$(basename "$seed" .txt)
  title=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["title"])' "fixtures/expected/$name.inspect.json")
  check "report_to_pdf $name runs" exit_is 0 "$ex/report_to_pdf" "$seed" "$tmp/out/$name.pdf"
  check "report_to_pdf $name says the title" stdout_has "$title"
  check "the PDF of $name opens with its title" \
    bash -c '[ "$(pdfinfo "$1" | sed -n "s/^Title: *//p")" = "$2" ]' _ "$tmp/out/$name.pdf" "$title"
  check "the PDF of $name is PDF/A-2 (level A, tagged)" bash -c 'pdfinfo -meta "$1" | grep -q "<pdfaid:part>2<" && pdfinfo -meta "$1" | grep -q "<pdfaid:conformance>A<"' _ "$tmp/out/$name.pdf"
done
"$prefix/bin/gongwen" convert "${seeds[0]}" -o "$tmp/out/cli.pdf" -q
check "report_to_pdf writes the PDF the CLI writes" cmp "$tmp/out/cli.pdf" "$tmp/out/$(basename "${seeds[0]}" .txt).pdf"

# inspect_facts: describe()'s answers and every fact as the golden files have them.
for seed in "${seeds[@]}"; do
  name=$(basename "$seed" .txt)
  check "inspect_facts $name runs" exit_is 0 "$ex/inspect_facts" "$seed"
  cp "$tmp/stdout" "$tmp/out/$name.facts"
  check "inspect_facts $name prints the golden description and facts" \
    "$python" - "$tmp/out/$name.facts" "fixtures/expected/$name" <<'PY'
import json, sys, xml.etree.ElementTree as ET
out, expected = sys.argv[1], sys.argv[2]
lines = [l.split("\t") for l in open(out, encoding="utf-8").read().splitlines()]
got = {l[0]: l[1:] for l in lines if l[0] in ("title", "issuer", "report_year", "date")}
meta = json.load(open(expected + ".inspect.json", encoding="utf-8"))
date = meta["signed"] or meta["published"]
want = {"title": [meta["title"]], "issuer": [meta["org"]], "report_year": [str(meta["year"])],
        "date": [date, "signed" if meta["signed"] else "published"] if date else ["-", "-"]}
ok = got == want
if not ok: print(f"  description {got}, wanted {want}")
ns = {"g": "urn:gongwen:document:1"}
def text(fact, tag):
    e = fact.find("g:" + tag, ns)
    return e.text if e is not None and e.text else "-"
facts = []
for f in ET.parse(expected + ".xml").getroot().iterfind("g:facts/g:fact", ns):
    value = text(f, "value") + ("" if text(f, "value-max") == "-" else "-" + text(f, "value-max"))
    unit = text(f, "unit") if text(f, "unit") != "-" else text(f, "implied-unit")  # the counting unit
    facts.append(["fact", text(f, "indicator"), value, unit, text(f, "qualifier"), text(f, "quote")])
printed = [l for l in lines if l[0] == "fact"]
if printed != facts:
    ok = False
    print(f"  {len(printed)} facts printed, {len(facts)} in the golden XML; first difference:",
          next(((a, b) for a, b in zip(printed, facts) if a != b), None))
if not facts:
    ok = False
    print("  the golden XML has no facts: nothing was compared")
sys.exit(0 if ok else 1)
PY
done

# folder_to_workbook: a row per report, the broken file named in the workbook and on stderr,
# the values those inspect_facts printed.
mkdir -p "$tmp/folder"
cp "${seeds[@]}" "$tmp/folder/"
printf '\xff\xfe\xff\x00\x00\xd8' > "$tmp/folder/broken.txt"  # not text
check "folder_to_workbook exits 1 when a file fails" exit_is 1 "$ex/folder_to_workbook" "$tmp/folder" "$tmp/out/summary.xlsx"
check "folder_to_workbook names the failed file on stderr" stderr_has "$tmp/folder/broken.txt"
cp "$tmp/stderr" "$tmp/out/summary.stderr"
check "folder_to_workbook counts the reports" stdout_has "${#seeds[@]} reports, 1 failed"
check "the workbook opens with a row per report, the failure listed and the indicators' values" \
  "$python" - "$tmp/out/summary.xlsx" "$tmp/folder" "$tmp/out" "${seeds[@]}" <<'PY'
import json, os, sys
import openpyxl
path, folder, out, seeds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
stderr = open(f"{out}/summary.stderr", encoding="utf-8").read()
wb = openpyxl.load_workbook(path)
ok = True
def fail(message):
    global ok
    ok = False
    print("  " + message)
summary = wb["汇总"]
ids = [c.value for c in summary[2]]
header = [c.value for c in summary[3]]
rows = [r for r in summary.iter_rows(min_row=4, values_only=True) if r[0] and r[0].startswith(folder)]
names = [os.path.basename(r[0]) for r in rows]
want = sorted(os.path.basename(s) for s in seeds)
if names != want: fail(f"汇总 lists {names}, wanted {want}")
for row in rows:
    name = os.path.basename(row[0])[:-4]
    meta = json.load(open(f"fixtures/expected/{name}.inspect.json", encoding="utf-8"))
    if row[header.index("标题")] != meta["title"]: fail(f"{name}: title {row[header.index('标题')]!r}")
    # The indicators' values are those inspect_facts printed for the same report.
    values = {l.split("\t")[1]: l.split("\t")[2] for l in open(f"{out}/{name}.facts", encoding="utf-8")
              if l.startswith("indicator\t")}
    compared = 0
    for i, id in enumerate(ids):
        if id is None or i < 5: continue
        cell, value = row[i], values.get(id)
        if value is not None and "-" in value: continue  # a range: a text cell
        # Money is shown in 万元 (its column says so), the facts' values are in 元.
        scale = 10000 if "（万元）" in header[i] else 1
        if (cell is None) != (value is None) or (value is not None and float(cell) * scale != float(value)):
            fail(f"{name}: {id} is {cell!r} in the workbook, {value!r} by inspect_facts")
        compared += value is not None
    if compared == 0: fail(f"{name}: no indicator value of the workbook was compared")
documents = wb["文档"]
status = {r[0]: r for r in documents.iter_rows(min_row=2, values_only=True) if r[0]}
broken = status.get(f"{folder}/broken.txt")
reasons = [c for c in (broken or [])[2:] if c]
if not broken or broken[1] != "失败" or len(reasons) != 1 or reasons[0] not in stderr:
    fail(f"文档 does not list broken.txt as failed with the reason given on stderr: {broken}")
sys.exit(0 if ok else 1)
PY

# xml_roundtrip: the keywords set and the change recorded, nothing else changed; valid against
# the installed schema; a malformed XML refused with the file and line named.
xml=fixtures/expected/$(basename "${seeds[1]}" .txt).xml
keywords='法治政府；科技创新 <&>'
check "xml_roundtrip runs" exit_is 0 "$ex/xml_roundtrip" "$xml" "$tmp/out/changed.xml" "$keywords"
valid() {  # valid SCHEMA FILE: quiet unless it is not
  xmllint --noout --schema "$1" "$2" 2> "$tmp/xmllint.log" || { cat "$tmp/xmllint.log"; return 1; }
}
check "the changed XML is valid against the installed schema" \
  valid "$prefix/share/gongwen/schemas/gongwen-document-1.xsd" "$tmp/out/changed.xml"
check "the changed XML has the keywords and the diagnostic, and is otherwise the original" \
  "$python" - "$xml" "$tmp/out/changed.xml" "$keywords" <<'PY'
import sys, xml.etree.ElementTree as ET
original, changed, keywords = sys.argv[1], sys.argv[2], sys.argv[3]
ns = {"g": "urn:gongwen:document:1"}
doc = ET.parse(changed).getroot()
metadata = doc.find("g:metadata", ns)
k = metadata.find("g:keywords", ns)
if k is None or k.text != keywords:
    sys.exit(f"  keywords: {None if k is None else k.text!r}, wanted {keywords!r}")
metadata.remove(k)
diagnostics = doc.find("g:diagnostics", ns)
last = diagnostics[-1]
if last.findtext("g:kind", namespaces=ns) != "keywords_set":
    sys.exit("  the last diagnostic is not keywords_set")
diagnostics.remove(last)
before = ET.parse(original).getroot()
if ET.canonicalize(ET.tostring(doc), strip_text=True) != ET.canonicalize(ET.tostring(before), strip_text=True):
    sys.exit("  more than the keywords and the diagnostic changed")
PY
sed 's/level="1"/level="5"/' "$xml" > "$tmp/bad.xml"
check "xml_roundtrip refuses a malformed XML" exit_is 1 "$ex/xml_roundtrip" "$tmp/bad.xml" "$tmp/out/bad-out.xml" x
check "the refusal names the file and the line" stderr_matches "$tmp/bad.xml: line [0-9]+: "
check "nothing is written for a malformed XML" test ! -e "$tmp/out/bad-out.xml"

# ---- pkg-config ------------------------------------------------------------------------
PKG_CONFIG_PATH=$(dirname "$pcfile")
export PKG_CONFIG_PATH
check "pkg-config knows gongwen's version" bash -c '[ "$(pkg-config --modversion gongwen)" = 0.1.0 ]'
check "pkg-config points into the prefix" bash -c 'pkg-config --cflags gongwen | grep -q -- "-I$1/lib[^ ]*/include"' _ "$prefix"
cat > "$tmp/tiny.cpp" <<'CPP'
#include <gongwen/read.hpp>
#include <gongwen/write.hpp>
#include <iostream>
int main(int argc, char** argv) {
    if (argc != 2) return 2;
    std::cout << gongwen::write_string(gongwen::read_file(argv[1]), "xml");
}
CPP
# shellcheck disable=SC2046,SC2086  # pkg-config's words and the flags are meant to split
if "$cxx" -std=c++20 -Wall -Wextra -Werror $flags "$tmp/tiny.cpp" -o "$tmp/tiny" $(pkg-config --cflags --libs gongwen) 2> "$tmp/tiny.log"; then
  passes=$((passes + 1))
  # (A shared libgongwen outside the loader's paths must be pointed to, as any would.)
  check "a program built with pkg-config alone writes the golden XML" \
    cmp <(LD_LIBRARY_PATH=$(pkg-config --variable=libdir gongwen) "$tmp/tiny" "${seeds[0]}") \
        "fixtures/expected/$(basename "${seeds[0]}" .txt).xml"
else
  echo "FAIL: a program does not build with pkg-config --cflags --libs gongwen:"; cat "$tmp/tiny.log"
  failures=$((failures + 1))
fi
finish
