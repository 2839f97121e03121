#!/usr/bin/env bash
# layering_test.sh: the architecture holds, read off the #include lines and file sizes.
# - model/ includes only the public model (include/gongwen/) and its own headers, and no format
#   library: ICU and the standard library are all it uses.
# - a converter includes the public headers, its own folder's headers, converters/registry.hpp
#   and its format's library; never another converter, model/, pipeline/ or cli/. The fixed-layout
#   writers (PDF, OFD) also include layout/, the page layout and fonts they share.
# - layout/ includes the public headers, its own headers, ICU (line breaking) and the font
#   libraries (FreeType, fontconfig, HarfBuzz); never model/, pipeline/, cli/ or a converter.
# - cli/ includes only include/gongwen/ and its own headers, and no file of it is over 300 lines.
# - the public headers include only one another and the standard library.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
fail() { echo "layering: $*"; status=1; }

includes() {  # includes FILE...: "file: header" for every quoted or bracketed #include
  grep -HoE '^#include [<"][^">]+[">]' "$@" | sed -E 's/#include [<"]([^">]+)[">]/\1/'
}

# Quoted headers a layer may include (an extended regex on the path), and libraries it may not.
check() {  # check LAYER ALLOWED FILES...
  local layer=$1 allowed=$2; shift 2
  while IFS=: read -r file header; do
    case "$header" in *.h|*.hpp) ;; *) continue ;; esac
    [[ "$header" =~ ^($allowed)$ ]] || fail "$file includes $header ($layer may not)"
  done < <(includes "$@" | grep -v ':[a-z_]*$')  # standard headers have no extension
}

model_libs='pugixml|podofo|cairo|gumbo|xlsxwriter|libxml|simdjson|CLI/|ft2build|fontconfig|hb'
check "model/" "gongwen/[a-z_]+\.hpp|model/[a-z_]+\.hpp|unicode/[a-z0-9_]+\.h|openssl/[a-z]+\.h" model/*.cpp model/*.hpp
while read -r line; do fail "model/ uses a format library: $line"; done < <(includes model/*.cpp model/*.hpp | grep -E ":($model_libs)")

check "layout/" "gongwen/[a-z_]+\.hpp|layout/[a-z_]+\.hpp|unicode/[a-z0-9_]+\.h|ft2build\.h|fontconfig/fontconfig\.h|hb(-[a-z]+)?\.h" layout/*.cpp layout/*.hpp
while read -r line; do fail "$line: layout/ includes only the public model"; done < <(includes layout/*.cpp layout/*.hpp | grep -E ':(model|pipeline|cli|converters)/')

for dir in converters/*/; do
  folder=${dir%/}
  files=("$folder"/*.cpp $(ls "$folder"/*.hpp 2>/dev/null))
  check "$folder" "gongwen/[a-z_]+\.hpp|$folder/[a-z_]+\.hpp|layout/[a-z_]+\.hpp|converters/registry\.hpp|catalog/catalog_data\.hpp|[A-Za-z0-9_/+-]+\.h(pp)?" "${files[@]}"
  while read -r line; do fail "$line: a converter includes only the public model"; done < <(includes "${files[@]}" | grep -E ':(model|pipeline|cli)/')
  while read -r line; do fail "$line: no converter includes another"; done < <(includes "${files[@]}" | grep -E ':converters/' | grep -vE ":($folder/|converters/registry\.hpp)")
done

check "cli/" "gongwen/[a-z_]+\.hpp|cli/[a-z_]+\.hpp|CLI/CLI\.hpp|malloc\.h|fnmatch\.h|unistd\.h|sys/stat\.h" cli/*.cpp cli/*.hpp
for f in cli/*.cpp cli/*.hpp; do
  lines=$(wc -l < "$f")
  [ "$lines" -le 300 ] || fail "$f has $lines lines (cli/ files stay under 300)"
done

check "include/gongwen/" "gongwen/[a-z_]+\.hpp" include/gongwen/*.hpp

[ $status -eq 0 ] && echo "layering: model/, layout/, converters/, cli/ and include/gongwen/ include only what their layer may"
exit $status
