#!/usr/bin/env bash
# golden.sh [--update] GONGWEN NAME [INPUT EXPECTED_DIR]
#
# Converts INPUT (default fixtures/seeds/NAME.txt) into every format and compares each output,
# in the form below, with its reviewed golden file in EXPECTED_DIR (default fixtures/expected):
#
#   NAME.xml            convert -t xml, byte for byte (and valid against the XSD)
#   NAME.json           convert -t json, byte for byte
#   NAME.txt, NAME.md   convert -t txt / -t md, byte for byte
#   NAME.inspect.txt    inspect, byte for byte
#   NAME.inspect.json   inspect --format json, byte for byte
#   NAME.pdf.txt        convert -t pdf, normalized: what a reader sees (see normalize_pdf)
#   NAME.xlsx/          convert -t xlsx: its workbook, sheet, note and chart XML and its
#                       core properties, each part pretty-printed (see normalize_xlsx)
#   NAME.ofd/           convert -t ofd: its parts, each XML part pretty-printed under its name
#                       in the package, and parts.txt (see normalize_ofd); every XML part is
#                       also validated against the schemas of GB/T 33190 (see validate_ofd)
#   NAME.eep.xml        convert -t eep --profile fixtures/archive-profile.conf, each base64
#                       payload replaced by its size and digest (see normalize_eep)
#   NAME.eep-ofd.xml    convert -t eep --eep-format ofd --profile …: the package holding the
#                       OFD instead of the PDF, normalized alike
#
# Prints a unified diff for every file that differs and exits 1 if any does (or a command
# fails). With --update it writes the files into EXPECTED_DIR instead (scripts/update-golden.sh
# runs it for every fixture): the goldens and this comparison share one normalizing code.
# Run from the project root (ctest does): the input's path as given is recorded in the outputs.
set -uo pipefail
update=0
if [ "${1:-}" = --update ]; then update=1; shift; fi
gongwen=$1
name=$2
input=${3:-fixtures/seeds/$name.txt}
expected=${4:-fixtures/expected}
profile=fixtures/archive-profile.conf
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "golden: $name: $*" >&2; status=1; }

# normalize_pdf PDF: the document as a reader sees it, in a form that survives a rewrite of the
# PDF writer as long as what a reader sees stays the same:
#  - pdfinfo -isodates, the fields a reader's document properties show (dates as the file states
#    them, independent of the time zone of the machine running pdfinfo), Pages, Page size, PDF
#    version, and whether the file is tagged and has an XMP metadata stream (PDF/A needs it).
#    Producer is left out (it names the versions of cairo and PoDoFo), and so are File size,
#    Optimized and the like, which only the writer's way of writing changes.
#  - pdffonts: each font's name without its subset prefix (ABCDEF+, random per file), its type
#    and whether it is embedded, subset and has a ToUnicode map (archival PDF needs all three);
#    not the object numbers or the encoding column, which are the writer's business. Sorted
#    and unique: which fonts a document uses, not in which order or how many subsets hold them.
#  - pdftotext -layout of every page, each page under a `=== page N ===` line, the form feeds
#    between pages dropped: the text, its line breaks, page breaks and, roughly, where each line
#    stands (indents, centred titles, the signature block, table columns). Where a line's
#    punctuation is squeezed (its glyph box then overlaps the next character) pdftotext breaks
#    the line in two or three, odd-looking but stable: it follows from where the glyphs are, as
#    a reader's text selection does, and changes only if they move.
normalize_pdf() {
  echo "=== pdfinfo ==="
  pdfinfo -isodates "$1" |
    grep -E '^(Title|Subject|Keywords|Author|Creator|CreationDate|ModDate|Metadata Stream|Tagged|Pages|Page size|PDF version):' ||
    return 1
  echo "=== pdffonts (name, type, emb, sub, uni) ==="
  local fonts
  fonts=$(pdffonts "$1") || return 1
  # Columns are fixed-width, as wide as the dashes of the second line; type has spaces in it.
  printf '%s\n' "$fonts" | LC_ALL=C awk '
    NR == 2 { n = split($0, dash, " "); pos = 1
              for (i = 1; i <= n; i++) { start[i] = pos; width[i] = length(dash[i]); pos += width[i] + 1 } }
    function col(i,  s) { s = substr($0, start[i], width[i]); gsub(/^ +| +$/, "", s); return s }
    NR > 2 { name = col(1); sub(/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/, "", name)
             print name " | " col(2) " | " col(4) " " col(5) " " col(6) }' | LC_ALL=C sort -u
  echo "=== pdftotext -layout ==="
  # Each page ends in a form feed: a record of its own for awk.
  pdftotext -layout -enc UTF-8 "$1" - | awk 'BEGIN { RS = "\f" } { print "=== page " NR " ==="; printf "%s", $0 }'
}

# normalize_xlsx WORKBOOK DIR: the parts of the workbook that hold what a reader sees, each
# pretty-printed with xmllint --format into DIR under its name in the zip: xl/workbook.xml (the
# sheets, filters, print titles), xl/worksheets/sheet*.xml (the cells, formats, merges, links),
# xl/sharedStrings.xml (none today: libxlsxwriter's constant-memory mode writes inline strings),
# xl/comments*.xml (the notes quoting each value's source), xl/charts/chart*.xml (what the chart
# plots) and docProps/core.xml (its dates are the report's or SOURCE_DATE_EPOCH, never the
# clock). Styles, theme, relationships and the rest are libxlsxwriter's boilerplate.
normalize_xlsx() {
  mkdir -p "$2"
  "$python" - "$1" "$2" <<'EOF' || return 1
import os, re, sys, zipfile
parts = re.compile(r"xl/workbook\.xml|xl/worksheets/sheet\d+\.xml|xl/sharedStrings\.xml|"
                   r"xl/comments\d+\.xml|xl/charts/chart\d+\.xml|docProps/core\.xml")
with zipfile.ZipFile(sys.argv[1]) as z:
    for part in z.namelist():
        if parts.fullmatch(part):
            path = os.path.join(sys.argv[2], part)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(z.read(part))
EOF
  local part
  while IFS= read -r part; do
    xmllint --format "$part" > "$part.formatted" && mv "$part.formatted" "$part" || return 1
  done < <(find "$2" -type f)
}

# normalize_ofd PACKAGE DIR: the OFD package as its parts, in DIR: parts.txt lists every part
# in the order of the zip with its size and SHA-256 (the order and the font subsets' bytes are
# pinned there: a font file is binary), and every XML part but the attached native XML (which
# must equal NAME.xml, checked by validate_ofd) is written pretty-printed with xmllint --format
# under its name in the package, so that a change of a coordinate, an ID or the outline shows
# as a line.
normalize_ofd() {
  mkdir -p "$2"
  "$python" - "$1" "$2" <<'EOF' || return 1
import hashlib, os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(os.path.join(sys.argv[2], "parts.txt"), "w") as listing:
    for info in z.infolist():
        data = z.read(info)
        listing.write(f"{info.filename} {len(data)} {hashlib.sha256(data).hexdigest()}\n")
        attached = info.filename.startswith("Doc_0/Attachs/") and info.filename != "Doc_0/Attachs/Attachments.xml"
        if info.filename.endswith(".xml") and not attached:
            path = os.path.join(sys.argv[2], info.filename)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
EOF
  local part
  while IFS= read -r part; do
    xmllint --format "$part" > "$part.formatted" && mv "$part.formatted" "$part" || return 1
  done < <(find "$2" -type f -name '*.xml')
}

# validate_ofd PACKAGE XML: every XML part of the package valid against its schema of
# GB/T 33190 (schemas/ofd, see its SOURCE) — the custom tag file against gongwen's own
# (converters/ofd/gongwen-ofd-tags-1.xsd) — and the attached native XML equal to XML.
validate_ofd() {
  local dir=$tmp/ofd-parts part schema
  rm -rf "$dir" && mkdir -p "$dir" && (cd "$dir" && unzip -q "$1") || return 1
  while IFS= read -r part; do
    case $part in
      OFD.xml) schema=OFD.xsd ;;
      */Document.xml) schema=Document.xsd ;;
      */PublicRes.xml | */DocumentRes.xml) schema=Res.xsd ;;
      */Pages/Page_*/Content.xml) schema=Page.xsd ;;
      */Attachs/Attachments.xml) schema=Attachments.xsd ;;
      */CustomTags.xml) schema=CustomTags.xsd ;;
      */Tags/CustomTag.xml) schema=../../converters/ofd/gongwen-ofd-tags-1.xsd ;;
      */Attachs/*.xml) cmp -s "$dir/$part" "$2" || { echo "$part is not the XML output" >&2; return 1; }; continue ;;
      *.xml) echo "$part: no schema known for this part" >&2; return 1 ;;
      *) continue ;;
    esac
    xmllint --noout --schema "schemas/ofd/$schema" "$dir/$part" 2> "$tmp/xmllint" ||
      { cat "$tmp/xmllint" >&2; return 1; }
  done < <(cd "$dir" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
}

# normalize_eep PACKAGE: the package as written, but for the content of each 编码数据 (the
# base64 of a payload), which becomes one line naming the decoded bytes' size and SHA-256 and
# the base64 text's lines, so that the golden stays small and still pins every payload byte
# and its layout (RFC 2045: lines of 76). The whitespace around the base64 text stays, and so
# does everything else, the 电子签名 blocks' own SM3/SHA-256 digests included.
normalize_eep() {
  "$python" - "$1" <<'EOF'
import base64, binascii, collections, hashlib, re, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
def placeholder(m):
    lead, body, trail = re.fullmatch(r"(\s*)(.*?)(\s*)", m.group(2), re.S).groups()
    lines = body.split("\n")
    widths = collections.Counter(len(line) for line in lines)
    layout = ", ".join(f"{n} of {w}" for w, n in sorted(widths.items(), key=lambda wn: (-wn[1], -wn[0])))
    try:
        data = base64.b64decode(body.replace("\n", ""), validate=True)
        what = f"base64 of {len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}"
    except binascii.Error as e:
        what = f"not base64 ({e}): {len(body)} characters, SHA-256 of the text {hashlib.sha256(body.encode()).hexdigest()}"
    return f"{m.group(1)}{lead}[{what}; {len(lines)} lines: {layout}]{trail}{m.group(3)}"
sys.stdout.write(re.sub(r"(<编码数据\b[^>]*>)(.*?)(</编码数据>)", placeholder, text, flags=re.S))
EOF
}

# The report's date decides the dates of the PDF, the workbook and the package; a report that
# states none (004) takes SOURCE_DATE_EPOCH when it is set. The goldens are without it.
unset SOURCE_DATE_EPOCH

# The outputs: one convert for every format (each report is read once), as a batch writes them:
# -d mirrors the input's path, fixtures/seeds/a.txt → $tmp/out/fixtures/seeds/a.txt.xml.
got=$tmp/got
mkdir -p "$got"
"$gongwen" convert "$input" -t xml,json,txt,md,pdf,ofd,xlsx,eep --profile "$profile" -d "$tmp/out" --quiet ||
  fail "convert failed"
out=$tmp/out/$input
for format in xml json txt md; do
  cp "$out.$format" "$got/$name.$format" || fail "no $format output"
done
"$gongwen" inspect "$input" > "$got/$name.inspect.txt" || fail "inspect failed"
"$gongwen" inspect "$input" --format json > "$got/$name.inspect.json" || fail "inspect --format json failed"
normalize_pdf "$out.pdf" > "$got/$name.pdf.txt" || fail "the PDF could not be read"
normalize_xlsx "$out.xlsx" "$got/$name.xlsx" || fail "the workbook could not be read"
normalize_ofd "$out.ofd" "$got/$name.ofd" || fail "the OFD could not be read"
validate_ofd "$out.ofd" "$out.xml" || fail "the OFD's parts are not valid"
normalize_eep "$out.eep.xml" > "$got/$name.eep.xml" || fail "the archival package could not be read"
"$gongwen" convert "$input" -t eep --eep-format ofd --profile "$profile" -o "$tmp/ofd.eep.xml" ||
  fail "convert -t eep --eep-format ofd failed"
normalize_eep "$tmp/ofd.eep.xml" > "$got/$name.eep-ofd.xml" || fail "the archival package of the OFD could not be read"
if command -v xmllint > /dev/null; then
  xmllint --noout --schema converters/xml/gongwen-document-1.xsd "$got/$name.xml" 2> "$tmp/xmllint" ||
    { cat "$tmp/xmllint" >&2; fail "$name.xml is not valid against its XSD"; }
fi

goldens=("$name.xml" "$name.json" "$name.txt" "$name.md" "$name.inspect.txt" "$name.inspect.json"
         "$name.pdf.txt" "$name.ofd" "$name.xlsx" "$name.eep.xml")
goldens+=("$name.eep-ofd.xml")
if [ $update -eq 1 ]; then
  # Nothing is written unless every output was made.
  [ $status -eq 0 ] || { echo "golden: $name: not updated" >&2; exit 1; }
  mkdir -p "$expected"
  for golden in "${goldens[@]}"; do
    rm -rf "${expected:?}/$golden"
    cp -R "$got/$golden" "$expected/$golden"
  done
  exit 0
fi

# compare FILE: diff -u of the golden and this build's FILE; a file missing on one side is
# compared with nothing.
compare() {
  local a=$expected/$1 b=$got/$1
  [ -e "$a" ] || a=/dev/null
  [ -e "$b" ] || b=/dev/null
  diff -u --label "$expected/$1 (golden)" --label "$1 (this build)" "$a" "$b" || fail "$1 differs"
}
for golden in "${goldens[@]}"; do
  if [ -d "$got/$golden" ] || [ -d "$expected/$golden" ]; then
    # A folder of parts: each part on either side.
    while IFS= read -r part; do compare "$golden/$part"; done < <(
      { [ -d "$expected/$golden" ] && (cd "$expected/$golden" && find . -type f)
        [ -d "$got/$golden" ] && (cd "$got/$golden" && find . -type f); } | sed 's|^\./||' | LC_ALL=C sort -u)
  else
    compare "$golden"
  fi
done
[ $status -eq 0 ] || echo "golden: $name: outputs differ from the goldens; if the change is intended, run scripts/update-golden.sh and review the diff" >&2
exit $status
