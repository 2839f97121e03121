#!/usr/bin/env bash
# agreement_test.sh GONGWEN: every writer tells the same title, issuer, report year (报告年度)
# and document date (成文日期, else 发布日期) of every fixture — the native XML and JSON, inspect's
# text and JSON, Markdown, text, the PDF's Info dictionary, the workbook (convert -t xlsx and
# summarize) and the archival package, whose 年度 is the year of its 日期 (DA/T 46's 文件形成年度).
set -euo pipefail
gongwen=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=(fixtures/seeds/*.txt fixtures/html/*.html)
"$gongwen" convert -q "${inputs[@]}" -t xml,json,md,txt,pdf,xlsx,eep --profile fixtures/archive-profile.conf -d "$tmp/out"
for f in "${inputs[@]}"; do
  "$gongwen" inspect "$f" > "$tmp/out/$f.inspect.txt"
  "$gongwen" inspect "$f" --format json > "$tmp/out/$f.inspect.json"
  pdfinfo -isodates "$tmp/out/$f.pdf" > "$tmp/out/$f.pdfinfo"
done
"$gongwen" summarize -q "${inputs[@]}" -o "$tmp/summary.xlsx"

/usr/bin/python3 - "$tmp" "${inputs[@]}" <<'EOF'
import json, re, sys
import xml.etree.ElementTree as ET
import openpyxl

tmp, inputs = sys.argv[1], sys.argv[2:]
failures = []

def check(name, writer, what, got, want):
    if got != want:
        failures.append(f"{name}: {writer} says {what} {got!r}, the model {want!r}")

def value(field):
    return field["value"] if field else ""

summary = {r[0]: r for r in openpyxl.load_workbook(f"{tmp}/summary.xlsx")["汇总"].iter_rows(min_row=4, values_only=True) if r[0]}
seen = 0
for name in inputs:
    out = f"{tmp}/out/{name}"
    doc = json.load(open(out + ".json", encoding="utf-8"))
    m = doc["metadata"]
    # The model's answers, by the rules of model/describe.hpp.
    title = value(m["title"]) or next((b["text"] for b in doc["blocks"] if b["kind"] == "title"), "")
    issuer = value(m["organisation"]) or value(m["signer"])
    year = value(m["year"])
    date = value(m["signed_date"]) or value(m["published"])
    assert title and issuer and year, (name, title, issuer, year)  # every fixture has them
    seen += 1

    x = ET.parse(out + ".xml").getroot()
    ns = {"g": "urn:gongwen:document:1"}
    text = lambda tag: (x.findtext(f"g:metadata/g:{tag}", "", ns) or "")
    check(name, "xml", "title", text("title") or title, title)
    check(name, "xml", "issuer", text("organisation") or text("signer"), issuer)
    check(name, "xml", "year", text("year"), year)
    check(name, "xml", "date", text("signed-date") or text("published"), date)

    i = json.load(open(out + ".inspect.json", encoding="utf-8"))
    check(name, "inspect --format json", "title", i["title"], title)
    check(name, "inspect --format json", "year", str(i["year"]), year)
    check(name, "inspect --format json", "date", i["signed"] or i["published"] or "", date)

    lines = {}  # the model's fields come first; a page's extra fields may repeat a label (成文日期)
    for l in open(out + ".inspect.txt", encoding="utf-8").read().splitlines():
        if ": " in l:
            lines.setdefault(*l.split(": ", 1))
    strip = lambda v: "" if v == "-" else v.removesuffix(" (inferred)")
    check(name, "inspect", "title", strip(lines["标题"]), title)
    check(name, "inspect", "issuer", strip(lines["发文机关"]) or strip(lines["落款"]), issuer)
    check(name, "inspect", "报告年度", strip(lines["报告年度"]), year)
    check(name, "inspect", "date", strip(lines["成文日期"]) or strip(lines["发布日期"]), date)

    md = open(out + ".md", encoding="utf-8").read()
    rows = {}
    for k, v in re.findall(r"^\| (\S+) \| (.*) \|$", md, re.M):
        rows.setdefault(k, v)
    unmark = lambda v: v.removesuffix("（推断）").replace("\\", "")
    check(name, "md", "title", md.splitlines()[0].removeprefix("# ").replace("\\", ""), title)
    check(name, "md", "issuer", unmark(rows.get("发文机关", "") or rows.get("落款", "")), issuer)
    check(name, "md", "报告年度", unmark(rows.get("报告年度", "")), year)
    check(name, "md", "date", unmark(rows.get("成文日期", "") or rows.get("发布日期", "")), date)

    check(name, "txt", "title", open(out + ".txt", encoding="utf-8").readline().rstrip("\n"), title)

    info = dict(l.split(":", 1) for l in open(out + ".pdfinfo", encoding="utf-8").read().splitlines() if ":" in l)
    check(name, "pdf", "Title", info["Title"].strip(), title)
    check(name, "pdf", "Author", info["Author"].strip(), issuer)
    if date:
        check(name, "pdf", "CreationDate", info["CreationDate"].strip()[:10], date)

    for writer, row in (("convert -t xlsx", next(openpyxl.load_workbook(out + ".xlsx")["汇总"].iter_rows(min_row=4, max_row=4, values_only=True))),
                        ("summarize", summary[name])):
        check(name, writer, "标题", row[1], title)
        check(name, writer, "发文机关", row[2], issuer)
        check(name, writer, "报告年度", str(row[3]), year)
        check(name, writer, "文件日期", row[4].strftime("%Y-%m-%d") if row[4] else "", date)

    eep = open(out + ".eep.xml", encoding="utf-8").read()
    element = lambda tag: (re.search(f"<{tag}>([^<]*)</{tag}>", eep) or [None, ""])[1]
    check(name, "eep", "题名", element("题名"), title)
    check(name, "eep", "责任者", element("责任者"), issuer)
    if date:
        check(name, "eep", "日期", element("日期"), date.replace("-", ""))
    # DA/T 46's 年度 is the year of 日期 (the document's, or the profile's when it states none).
    check(name, "eep", "年度", element("年度"), element("日期")[:4])

assert seen == len(inputs) > 5, seen
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
EOF
echo "agreement_test: ${#inputs[@]} fixtures, every writer agrees"
