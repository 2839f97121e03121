#!/usr/bin/env bash
# Archival packages from the command line: a package for every fixture that validates against
# the XSD and passes `verify`; verify naming what is wrong in broken packages; the PDF in a
# package byte-identical to `convert -t pdf`, the OFD (--eep-format ofd) to `-t ofd`; OFDs of
# the user's (--payload FILE.ofd); profile and metadata errors; batches.
gongwen=$(realpath "$1")
xsd=converters/eep/eep-dat48.xsd
profile=fixtures/archive-profile.conf
seed0=fixtures/seeds/000_2ff49a1744f89f60.txt
seed4=fixtures/seeds/004_2140a01d4004d8c4.txt
source "$(dirname "$0")/cli_lib.sh"
valid() { xmllint --noout --schema "$xsd" "$1" 2> "$tmp/xmllint" || { cat "$tmp/xmllint"; return 1; }; }
# payload N PACKAGE OUT: the N-th payload of a package, decoded as an archivist's tool would.
payload() {
  python3 - "$@" <<'EOF'
import base64, re, sys
n, package, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
text = open(package, encoding="utf-8").read()
data = re.findall(r"<编码数据[^>]*>(.*?)</编码数据>", text, re.S)[n - 1]
open(out, "wb").write(base64.b64decode("".join(data.split())))
EOF
}
# mutate PACKAGE OUT PYTHON-EXPRESSION-ON-s: a broken copy of a package.
mutate() {
  python3 - "$@" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = eval(sys.argv[3])
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
}

# A package for every fixture: valid against the XSD, passes verify, its PDF is -t pdf's.
for input in fixtures/seeds/*.txt fixtures/html/*.html; do
  name=$(basename "$input")
  check "$name: packaged" exit_is 0 "$gongwen" convert "$input" -t eep --profile "$profile" -o "$tmp/$name.eep.xml"
  check "$name: valid against the XSD" valid "$tmp/$name.eep.xml"
  check "$name: verify passes" exit_is 0 "$gongwen" verify "$tmp/$name.eep.xml"
  check "$name: verify says passed" stdout_has "result: passed"
  check "$name: -t pdf" exit_is 0 "$gongwen" convert "$input" -t pdf -o "$tmp/$name.pdf"
  payload 1 "$tmp/$name.eep.xml" "$tmp/$name.decoded.pdf"
  check "$name: decoded PDF is byte-identical to -t pdf" cmp -s "$tmp/$name.pdf" "$tmp/$name.decoded.pdf"
done
pkg="$tmp/000_2ff49a1744f89f60.txt.eep.xml"
# Again, the clock twenty years on (faketime) in another time zone: the same bytes.
# GONGWEN_FAKETIME=0 (the sanitizer build, where libfaketime deadlocks) keeps the real clock.
later=()
[ "${GONGWEN_FAKETIME:-1}" = 0 ] || later=(faketime -m '2045-03-01 08:00:00')
check "deterministic" exit_is 0 env TZ=Asia/Shanghai "${later[@]}" "$gongwen" convert "$seed0" -t eep --profile "$profile" -o "$tmp/again.xml"
check "same bytes twice" cmp -s "$pkg" "$tmp/again.xml"
check "the same with PDF/A-3b" exit_is 0 "$gongwen" convert "$seed0" -t eep --pdfa 3b --profile "$profile" -o "$tmp/a3.xml"
check "PDF/A-3a recorded (part 3 as asked, level A: tagged)" grep -q "<格式信息>PDF/A-3a</格式信息>" "$tmp/a3.xml"
check "verify --format json" exit_is 0 "$gongwen" verify --format json "$pkg"
check "json parses and passed" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['passed'] and d['failed']==[] and len(d['checks'])>30" "$tmp/stdout"

# --eep-xml: the native XML as a second 文档, decoding to what -t xml writes.
check "--eep-xml" exit_is 0 "$gongwen" convert "$seed0" -t eep --eep-xml --profile "$profile" -o "$tmp/with-xml.xml"
check "--eep-xml valid" valid "$tmp/with-xml.xml"
check "--eep-xml verifies" exit_is 0 "$gongwen" verify "$tmp/with-xml.xml"
check "-t xml" exit_is 0 "$gongwen" convert "$seed0" -t xml -o "$tmp/native.xml"
payload 2 "$tmp/with-xml.xml" "$tmp/decoded-native.xml"
check "second 文档 is the native XML" cmp -s "$tmp/native.xml" "$tmp/decoded-native.xml"
check "second 文档 is 附属文档" grep -q "<文档主从声明>附属文档</文档主从声明>" "$tmp/with-xml.xml"

# Broken packages: verify exits 1 and names the failing item.
mutate "$pkg" "$tmp/byte.xml" 's[:s.index("\n", s.index("<编码数据 ")) + 999] + ("B" if s[s.index("\n", s.index("<编码数据 ")) + 999] == "A" else "A") + s[s.index("\n", s.index("<编码数据 ")) + 1000:]'
check "one changed payload byte fails" exit_is 1 "$gongwen" verify "$tmp/byte.xml"
check "…naming the SM3 digest" stdout_has "真实性 文件实体1/文档1/编码1 (000_2ff49a1744f89f60.pdf) SM3 digest: recorded"
mutate "$pkg" "$tmp/missing.xml" 're.sub(r"\s*<保管期限>[^<]*</保管期限>", "", s)'
check "a missing mandatory element fails" exit_is 1 "$gongwen" verify "$tmp/missing.xml"
check "…naming it" stdout_has "完整性 文件实体1/档号/保管期限: missing"
mutate "$pkg" "$tmp/size.xml" 're.sub(r"<计算机文件大小>(\d+)<", lambda m: "<计算机文件大小>%d<" % (int(m.group(1)) - 1), s)'
check "a wrong file size fails" exit_is 1 "$gongwen" verify "$tmp/size.xml"
check "…naming it" stdout_has "真实性 文件实体1/文档1/编码1 (000_2ff49a1744f89f60.pdf) 计算机文件大小: recorded"
mutate "$pkg" "$tmp/notpdf.xml" 're.sub(r"(<编码数据[^>]*>)[^<]*", lambda m: m.group(1) + "\nSGVsbG8sIHdvcmxkCg==\n", s)'
check "a payload that is not a PDF fails" exit_is 1 "$gongwen" verify "$tmp/notpdf.xml"
check "…naming usability" stdout_has "可用性 文件实体1/文档1/编码1 (000_2ff49a1744f89f60.pdf) opens as a PDF: no %PDF- header"
mutate "$pkg" "$tmp/date.xml" 's.replace("<日期>20240204</日期>", "<日期>20240231</日期>")'
check "an impossible date fails" exit_is 1 "$gongwen" verify "$tmp/date.xml"
check "…naming it" stdout_has "文件实体1/内容描述/日期 is a real date: 20240231"
check "json names the failures" exit_is 1 "$gongwen" verify --format json "$tmp/missing.xml"
check "json failed list" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert not d['passed'] and d['failed']==['完整性 文件实体1/档号/保管期限']" "$tmp/stdout"
check "a missing package fails" exit_is 1 "$gongwen" verify "$tmp/none.xml"
check "verify needs a package" exit_is 2 "$gongwen" verify
check "verify --format must be text or json" exit_is 2 "$gongwen" verify --format xml "$pkg"

# Metadata the report lacks comes from the profile, or is an error naming the element.
check "no profile: exit 1" exit_is 1 "$gongwen" convert "$seed0" -t eep -o "$tmp/none.eep.xml"
check "…naming the elements" stderr_has "the mandatory elements 保管期限, 密级, 室编件号 have no value"
check "…and no output" test ! -e "$tmp/none.eep.xml"
check "…and no temporary file" no_temp_files "$tmp"
printf '保管期限 = 永久\n密级 = 公开\n件号 = 1\n' > "$tmp/nodate.conf"
check "a report without a date needs one in the profile" exit_is 1 "$gongwen" convert "$seed4" -t eep --profile "$tmp/nodate.conf" -o "$tmp/x.xml"
check "…naming 日期" stderr_has "the mandatory element 日期 has no value"
check "a missing profile is a usage error" exit_is 2 "$gongwen" convert "$seed0" -t eep --profile "$tmp/nope.conf" -o "$tmp/x.xml"
check "…naming it" stderr_has "--profile: $tmp/nope.conf: cannot read the archive profile"
printf '# ok\n保管期限 = 永久\n保存期限 = 永久\n' > "$tmp/typo.conf"
check "an unknown key is a usage error" exit_is 2 "$gongwen" convert "$seed0" -t eep --profile "$tmp/typo.conf" -o "$tmp/x.xml"
check "…naming the line" stderr_has "typo.conf: line 3: unknown key '保存期限'"
printf '密级 = 保密\n' > "$tmp/level.conf"
check "a bad 密级 is a usage error" exit_is 2 "$gongwen" convert "$seed0" -t eep --profile "$tmp/level.conf" -o "$tmp/x.xml"
check "--profile belongs to -t eep" exit_is 2 "$gongwen" convert "$seed0" -t xml --profile "$profile" -o "$tmp/x.xml"

# 封装包创建时间 is never the clock: the report's date, else SOURCE_DATE_EPOCH, else the profile's.
check "004 packaged" exit_is 0 "$gongwen" convert "$seed4" -t eep --profile "$profile" -o "$tmp/d4.xml"
check "…dated from the profile" grep -q "<封装包创建时间>2025-01-20T00:00:00+08:00</封装包创建时间>" "$tmp/d4.xml"
check "004 with SOURCE_DATE_EPOCH" exit_is 0 env SOURCE_DATE_EPOCH=86400 "$gongwen" convert "$seed4" -t eep --profile "$profile" -o "$tmp/d4e.xml"
check "…dated from SOURCE_DATE_EPOCH" grep -q "<封装包创建时间>1970-01-02T00:00:00Z</封装包创建时间>" "$tmp/d4e.xml"
check "000 dated from the report" grep -q "<封装包创建时间>2024-02-04T10:05:00+08:00</封装包创建时间>" "$pkg"

# --payload packages an existing PDF, streamed from disk; anything but a usable PDF is refused.
check "--payload" exit_is 0 "$gongwen" convert "$seed0" -t eep --profile "$profile" --payload "$tmp/002_acf107ec8495534f.txt.pdf" -o "$tmp/p.xml"
check "--payload verifies" exit_is 0 "$gongwen" verify "$tmp/p.xml"
payload 1 "$tmp/p.xml" "$tmp/p.pdf"
check "--payload decodes to the file" cmp -s "$tmp/p.pdf" "$tmp/002_acf107ec8495534f.txt.pdf"
check "--payload names the file" grep -q "<计算机文件名>002_acf107ec8495534f.txt.pdf</计算机文件名>" "$tmp/p.xml"
check "--payload of a non-PDF fails" exit_is 1 "$gongwen" convert "$seed0" -t eep --profile "$profile" --payload "$profile" -o "$tmp/q.xml"
check "…saying why" stderr_has "not a usable PDF"
check "--payload with -d is a usage error" exit_is 2 "$gongwen" convert "$seed0" -t eep --profile "$profile" --payload "$tmp/p.pdf" -d "$tmp/out"

# --payload FILE.ofd: an OFD (by its extension) is packaged as base64-ofd, probed first.
# made_up_ofd OUT [WHAT]: a small OFD written here (zip, OFD.xml, Document.xml, one page, one
# font file); WHAT=nofont leaves the font's FontFile out.
made_up_ofd() {
  python3 - "$@" <<'EOF2'
import sys, zipfile
out, what = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
font_file = "" if what == "nofont" else "<ofd:FontFile>f.ttf</ofd:FontFile>"
parts = {
  "OFD.xml": f'<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>a</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
  "Doc_0/Document.xml": f'<ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
  "Doc_0/DocumentRes.xml": f'<ofd:Res {ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="Made-Up">{font_file}</ofd:Font></ofd:Fonts></ofd:Res>',
  "Doc_0/Res/f.ttf": b"\x00\x01\x00\x00" + bytes(60),
  "Doc_0/Pages/Page_0/Content.xml": f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="3"/></ofd:Content></ofd:Page>',
}
with zipfile.ZipFile(out, "w") as z:
    for name, data in parts.items():
        z.writestr(name, data)
EOF2
}
mkdir -p "$tmp/in0" && cp "$seed0" "$tmp/in0/"
made_up_ofd "$tmp/made-up.ofd"
check "--payload FILE.ofd" exit_is 0 "$gongwen" convert "$seed0" -t eep --profile "$profile" --payload "$tmp/made-up.ofd" -o "$tmp/o.xml"
check "…valid against the XSD" valid "$tmp/o.xml"
check "…verifies" exit_is 0 "$gongwen" verify "$tmp/o.xml"
check "…opening the OFD" stdout_has "文件实体1/文档1/编码1 (made-up.ofd) opens as an OFD: 1 pages, OFD 1.0"
check "…with its fonts embedded" stdout_has "(made-up.ofd) fonts embedded: every font is embedded (1)"
check "…recorded as OFD" grep -q "<格式信息>OFD</格式信息>" "$tmp/o.xml"
check "…decoded as base64-ofd" grep -q "<反编码关键字>base64-ofd</反编码关键字>" "$tmp/o.xml"
payload 1 "$tmp/o.xml" "$tmp/o.ofd"
check "…decodes to the file" cmp -s "$tmp/o.ofd" "$tmp/made-up.ofd"
made_up_ofd "$tmp/nofont.ofd" nofont
check "an OFD without its font is refused" exit_is 1 "$gongwen" convert "$seed0" -t eep --profile "$profile" --payload "$tmp/nofont.ofd" -o "$tmp/q.xml"
check "…saying why" stderr_has "the OFD does not embed the font Made-Up (no FontFile)"
check "…and no output" test ! -e "$tmp/q.xml"
cp "$tmp/p.pdf" "$tmp/pdf-named.ofd"
check "a PDF named .ofd is refused" exit_is 1 "$gongwen" convert "$seed0" -t eep --profile "$profile" --payload "$tmp/pdf-named.ofd" -o "$tmp/q.xml"
check "…saying why" stderr_has "the payload is not a usable OFD: not a zip container"
# --eep-format ofd: the report's OFD, the same bytes as -t ofd, instead of its PDF.
check "--eep-format ofd" exit_is 0 "$gongwen" convert "$seed0" -t eep --eep-format ofd --profile "$profile" -o "$tmp/r.xml"
check "…valid against the XSD" valid "$tmp/r.xml"
check "…verifies" exit_is 0 "$gongwen" verify "$tmp/r.xml"
check "…with its fonts embedded" stdout_has "(000_2ff49a1744f89f60.ofd) fonts embedded: every font is embedded"
check "…and its 页数 the OFD's" stdout_has "文件实体1/形式特征/页数: recorded 7, the OFD has 7"
check "…recorded as OFD" grep -q "<格式信息>OFD</格式信息>" "$tmp/r.xml"
check "-t ofd" exit_is 0 "$gongwen" convert "$seed0" -t ofd -o "$tmp/r.ofd"
payload 1 "$tmp/r.xml" "$tmp/r.decoded.ofd"
check "…the decoded OFD is byte-identical to -t ofd" cmp -s "$tmp/r.ofd" "$tmp/r.decoded.ofd"
check "--eep-format ofd with --eep-xml" exit_is 0 "$gongwen" convert "$seed0" -t eep --eep-format ofd --eep-xml --profile "$profile" -o "$tmp/rx.xml"
check "…verifies" exit_is 0 "$gongwen" verify "$tmp/rx.xml"
check "--eep-format ofd in a batch with -t ofd" exit_is 0 "$gongwen" convert "$tmp/in0" -t ofd,eep --eep-format ofd --profile "$profile" -d "$tmp/rb" -q
rb="$tmp/rb/$(echo "$tmp" | sed 's|^/||')/in0/000_2ff49a1744f89f60.txt"
payload 1 "$rb.eep.xml" "$tmp/rb.decoded.ofd"
check "…the packaged OFD is the batch's .ofd" cmp -s "$rb.ofd" "$tmp/rb.decoded.ofd"
check "--eep-format is pdf or ofd" exit_is 2 "$gongwen" convert "$seed0" -t eep --profile "$profile" --eep-format docx -o "$tmp/q.xml"
check "…saying so" stderr_has "--eep-format is pdf or ofd, not 'docx'"
check "--eep-format belongs to -t eep" exit_is 2 "$gongwen" convert "$seed0" -t pdf --eep-format ofd -o "$tmp/q.pdf"
check "--eep-format must fit --payload" exit_is 2 "$gongwen" convert "$seed0" -t eep --profile "$profile" --eep-format pdf --payload "$tmp/made-up.ofd" -o "$tmp/q.xml"
check "…saying so" stderr_has "--eep-format pdf does not fit --payload"

# Batches: 件号 numbered in input order on any -j, streamed through temporary files.
mkdir -p "$tmp/in"
cp fixtures/seeds/00[0-3]_*.txt "$tmp/in/"
check "batch -j 2" exit_is 0 "$gongwen" convert "$tmp/in" -t eep,xml --profile "$profile" -d "$tmp/b2" -j 2 -q
check "batch -j 1" exit_is 0 "$gongwen" convert "$tmp/in" -t eep --profile "$profile" -d "$tmp/b1" -j 1 -q
out2="$tmp/b2/$(echo "$tmp" | sed 's|^/||')/in"
out1="$tmp/b1/$(echo "$tmp" | sed 's|^/||')/in"
check "outputs are .eep.xml" test -s "$out2/000_2ff49a1744f89f60.txt.eep.xml"
check "the same for any -j" diff -r -x '*.txt.xml' "$out1" "$out2"
items=$(for f in "$out2"/*.eep.xml; do sed -n 's|.*<室编件号>\(.*\)</室编件号>.*|\1|p' "$f"; done | tr '\n' ' ')
check "件号 1…4 in input order" test "$items" = "1 2 3 4 "
check "no temporary files" no_temp_files "$tmp/b2"
check "to standard output" exit_is 0 "$gongwen" convert "$seed0" -t eep --profile "$profile" -o -
check "standard output is the same package" cmp -s "$tmp/stdout" "$pkg"

finish
