#!/usr/bin/env bash
# ofd_test.sh GONGWEN: the OFD packages of every fixture read back and checked against what
# else gongwen writes of the same report, with readers it did not write (Python's zipfile and
# XML parser, poppler's pdftotext, mupdf's outline):
#  - every object ID unique, every reference (Font, DrawParam, PageID) to an object that exists,
#    MaxUnitID the largest ID;
#  - the text of each page's TextCodes, in order, the text pdftotext -raw gives of the same
#    page of the PDF (whitespace aside: pdftotext puts line breaks and spaces of its own);
#  - every character a TextCode draws without a CGTransform mapped by the embedded font's cmap
#    (so a reader draws it with that font, never a fallback), and every font file an OpenType
#    font with the outlines it announces;
#  - the outline: the PDF's bookmarks (mutool show outline), the same titles, depth, page and
#    place (mutool gives it from the page's top, as OFD does);
#  - the custom tags: every reference a text object of the page it names, none named twice,
#    every text object tagged but page numbers and repeated table header cells;
#  - the attachment: the XML output, byte for byte;
#  - determinism: a second run, in another time zone, gives the same bytes.
# Run from the project root.
set -uo pipefail
gongwen=$1
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
unset SOURCE_DATE_EPOCH

inputs=(fixtures/seeds/*.txt fixtures/html/*.html fixtures/text/*.txt fixtures/gis/*.txt fixtures/gis/*.html)
"$gongwen" convert "${inputs[@]}" -t ofd,pdf,xml -d "$tmp/a" --quiet || { echo "ofd_test: convert failed" >&2; exit 1; }
TZ=America/Los_Angeles "$gongwen" convert "${inputs[@]}" -t ofd -d "$tmp/b" --quiet ||
  { echo "ofd_test: second convert failed" >&2; exit 1; }

for input in "${inputs[@]}"; do
  out=$tmp/a/$input
  cmp -s "$out.ofd" "$tmp/b/$input.ofd" || { echo "ofd_test: $input: a second run gives other bytes" >&2; status=1; }
  pages=$(pdfinfo "$out.pdf" | awk '/^Pages:/ { print $2 }')
  for ((p = 1; p <= pages; p++)); do
    pdftotext -raw -enc UTF-8 -f "$p" -l "$p" "$out.pdf" "$tmp/page-$p.txt" || status=1
  done
  mutool show "$out.pdf" outline > "$tmp/outline.txt" 2>/dev/null || : > "$tmp/outline.txt"
  "$python" - "$input" "$out.ofd" "$out.xml" "$tmp" "$pages" <<'EOF' || status=1
import re, struct, sys, zipfile
import xml.etree.ElementTree as ET

name, package, xml_path, tmp, pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
NS = "{http://www.ofdspec.org/2016}"
PT_PER_MM = 72 / 25.4
errors = []
def fail(message):
    errors.append(message)

z = zipfile.ZipFile(package)
def part(path):
    return ET.fromstring(z.read(path))

ofd = part("OFD.xml")
root = ofd.find(f"{NS}DocBody/{NS}DocRoot").text
base = root.rsplit("/", 1)[0] + "/"
doc = part(root)
max_id = int(doc.find(f"{NS}CommonData/{NS}MaxUnitID").text)

# IDs: every ST_ID of the document's parts (the attachment's ID is an xs:ID, a name).
ids, refs = [], []
xml_parts = [n for n in z.namelist() if n.endswith(".xml") and not n.startswith(base + "Attachs/")]
for n in xml_parts:
    for e in part(n).iter():
        if "ID" in e.attrib:
            ids.append(int(e.attrib["ID"]))
        for key in ("Font", "DrawParam", "PageID"):
            if key in e.attrib:
                refs.append((n, key, int(e.attrib[key])))
if len(ids) != len(set(ids)):
    fail(f"IDs used twice: {sorted(i for i in set(ids) if ids.count(i) > 1)[:5]}")
if ids and max(ids) != max_id:
    fail(f"MaxUnitID {max_id}, but the largest ID is {max(ids)}")
for n, key, ref in refs:
    if ref not in set(ids):
        fail(f"{n}: {key}={ref} names no object")

# Fonts: ID → the set of characters its cmap maps.
def cmap_of(data):
    if data[:4] not in (b"OTTO", b"\x00\x01\x00\x00", b"true"):
        raise ValueError("not an OpenType font")
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        tables[tag] = data[offset:offset + length]
    outlines = "cff" if b"CFF " in tables else "truetype" if b"glyf" in tables else None
    cmap, chars = tables[b"cmap"], set()
    for i in range(struct.unpack(">H", cmap[2:4])[0]):
        _, _, offset = struct.unpack(">HHI", cmap[4 + 8 * i: 12 + 8 * i])
        sub = cmap[offset:]
        fmt = struct.unpack(">H", sub[:2])[0]
        if fmt == 4:
            segs = struct.unpack(">H", sub[6:8])[0] // 2
            ends = struct.unpack(f">{segs}H", sub[14:14 + 2 * segs])
            starts = struct.unpack(f">{segs}H", sub[16 + 2 * segs:16 + 4 * segs])
            for s, e in zip(starts, ends):
                if s != 0xFFFF:
                    chars.update(range(s, e + 1))  # glyph 0 entries aside: close enough for a check
        elif fmt == 12:
            for g in range(struct.unpack(">I", sub[12:16])[0]):
                s, e, _ = struct.unpack(">III", sub[16 + 12 * g: 28 + 12 * g])
                chars.update(range(s, e + 1))
    return outlines, chars

fonts = {}
for res_loc in [e.text for e in doc.find(f"{NS}CommonData").iter() if e.tag in (f"{NS}PublicRes", f"{NS}DocumentRes")]:
    res = part(base + res_loc)
    res_base = base + res.attrib["BaseLoc"].rstrip("/") + "/"
    for f in res.iter(f"{NS}Font"):
        path = res_base + f.find(f"{NS}FontFile").text
        try:
            outlines, chars = cmap_of(z.read(path))
        except Exception as e:
            fail(f"font {path}: {e}")
            continue
        if path.endswith(".otf") != (outlines == "cff"):
            fail(f"font {path}: {outlines} outlines")
        fonts[int(f.attrib["ID"])] = chars

# Text, page by page, against the PDF's.
page_list = doc.findall(f"{NS}Pages/{NS}Page")
if len(page_list) != pages:
    fail(f"{len(page_list)} pages, the PDF {pages}")
def squeeze(text):
    return re.sub(r"\s+", "", text)
for number, p in enumerate(page_list, 1):
    content = part(base + p.attrib["BaseLoc"])
    text = []
    for obj in content.iter(f"{NS}TextObject"):
        chars = fonts.get(int(obj.attrib["Font"]), set())
        transformed = False
        for e in obj:
            if e.tag == f"{NS}CGTransform":
                transformed = True
            elif e.tag == f"{NS}TextCode":
                code = e.text or ""
                text.append(code)
                if not transformed:
                    missing = sorted({c for c in code if ord(c) not in chars})
                    if missing:
                        fail(f"page {number}: {''.join(missing)!r} not in the cmap of font {obj.attrib['Font']}")
                transformed = False
    if number <= pages:
        with open(f"{tmp}/page-{number}.txt", encoding="utf-8") as f:
            pdf_text = squeeze(f.read())
        if squeeze("".join(text)) != pdf_text:
            got = squeeze("".join(text))
            at = next((i for i, (a, b) in enumerate(zip(got, pdf_text)) if a != b), min(len(got), len(pdf_text)))
            fail(f"page {number}: the text differs from the PDF's at {at}: OFD {got[at:at + 20]!r}, PDF {pdf_text[at:at + 20]!r}")

# The outline against the PDF's bookmarks.
page_number = {int(p.attrib["ID"]): i for i, p in enumerate(page_list, 1)}
ofd_outline = []
def walk(elem, depth):
    for o in elem.findall(f"{NS}OutlineElem"):
        dest = o.find(f"{NS}Actions/{NS}Action/{NS}Goto/{NS}Dest")
        ofd_outline.append((depth, o.attrib["Title"], page_number.get(int(dest.attrib["PageID"])),
                            float(dest.attrib["Top"]) * PT_PER_MM))
        walk(o, depth + 1)
outlines = doc.find(f"{NS}Outlines")
if outlines is not None:
    walk(outlines, 0)
pdf_outline = []
with open(f"{tmp}/outline.txt", encoding="utf-8") as f:
    for line in f:
        m = re.match(r'([|+-])(\t*)"(.*)"\t#page=(\d+)&zoom=[\d.]+,[\d.]+,([\d.]+)', line.rstrip("\n"))
        if m:
            # mutool: a mark, a tab per level; the place as the distance from the page's top
            pdf_outline.append((len(m.group(2)) - 1, m.group(3), int(m.group(4)), float(m.group(5))))
if len(ofd_outline) != len(pdf_outline):
    fail(f"{len(ofd_outline)} outline items, the PDF {len(pdf_outline)}")
for o, p in zip(ofd_outline, pdf_outline):
    if o[:3] != p[:3] or abs(o[3] - p[3]) > 0.01:
        fail(f"outline item {o} is {p} in the PDF")

# The custom tags: every ObjectRef a text object of the page it names, none named twice; the
# text objects no tag names are artifacts: page numbers (— N —) and a table's header cells
# repeated on a later page (the text of a header cell tagged elsewhere).
TAGS = "{urn:gongwen:ofd-tags:1}"
objects = {}  # ID → (page ID, text)
for p in page_list:
    for obj in part(base + p.attrib["BaseLoc"]).iter(f"{NS}TextObject"):
        objects[int(obj.attrib["ID"])] = (int(p.attrib["ID"]), "".join(t.text or "" for t in obj.iter(f"{NS}TextCode")))
tags_loc = doc.find(f"{NS}CustomTags")
if tags_loc is None:
    fail("no custom tags")
else:
    listing = part(base + tags_loc.text)
    tag_dir = (base + tags_loc.text).rsplit("/", 1)[0] + "/"
    tag_files = [t.find(f"{NS}FileLoc").text for t in listing.findall(f"{NS}CustomTag")
                 if t.attrib["NameSpace"] == "urn:gongwen:ofd-tags:1"]
    if len(tag_files) != 1:
        fail(f"{len(tag_files)} gongwen tag files")
    named, header_text = {}, set()
    for loc in tag_files:
        tags = part(tag_dir + loc)
        for elem in tags.iter():
            for ref in elem.findall(f"{TAGS}ObjectRef"):
                i, page_ref = int(ref.text), int(ref.attrib["PageRef"])
                if i not in objects or objects[i][0] != page_ref:
                    fail(f"tag {elem.tag}: object {i} is no text object of page {page_ref}")
                elif i in named:
                    fail(f"object {i} tagged twice")
                else:
                    named[i] = elem
                    if elem.attrib.get("header") == "true":
                        header_text.add(squeeze(objects[i][1]))
        if len(tags.findall(f"{TAGS}title")) > 1:
            fail("more than one title")
    for i, (page_ref, text) in objects.items():
        if i not in named and not re.fullmatch(r"—\s*\d+\s*—", text.strip()) and squeeze(text) not in header_text:
            fail(f"text object {i} ({text[:20]!r}) is tagged as nothing")

# The attachment: the XML output.
attachments = doc.find(f"{NS}Attachments")
if attachments is None:
    fail("no attachments")
else:
    loc = base + attachments.text
    listing = part(loc)
    found = listing.findall(f"{NS}Attachment")
    if len(found) != 1:
        fail(f"{len(found)} attachments")
    for a in found:
        data = z.read(loc.rsplit("/", 1)[0] + "/" + a.find(f"{NS}FileLoc").text)
        if data != open(xml_path, "rb").read():
            fail(f"the attachment {a.attrib['Name']} is not the XML output")

for e in errors:
    print(f"ofd_test: {name}: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
EOF
done
[ $status -eq 0 ] && echo "ofd: ${#inputs[@]} packages: IDs, text, fonts, outline, tags, attachment, determinism"
exit $status
