#!/usr/bin/env bash
# xlsx_test.sh GONGWEN: the summary workbook as its readers see it. openpyxl (Debian's
# /usr/bin/python3 has python3-openpyxl) reads it back: the facts equal `convert -t json`'s,
# report text that looks like a formula stays text, links, notes, frozen panes and filters are
# there, Excel's cell limit is kept with a warning. LibreOffice (`soffice --convert-to csv`)
# reads it back too. The same input gives the same bytes.
set -euo pipefail
gongwen=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python=/usr/bin/python3
fail() { echo "xlsx_test: $*" >&2; exit 1; }

# A report whose text starts cells with = + - @, and one (gongwen's XML, which keeps whatever
# it is given) with a 40,000-character quote.
mkdir -p "$tmp/in"
printf '=1+1工作报告\n=SUM(A1)+1开展宣传活动5次。\n+cmd|calc发放宣传资料300份。\n@HYPERLINK("x")+0收到群众咨询12件。\n-2+3召开局长办公会4次。\n' > "$tmp/in/inject.txt"
printf '关于2023年工作的报告\n全年共受理行政复议案件3件。\n' > "$tmp/long-source.txt"
"$gongwen" convert "$tmp/long-source.txt" -t xml -o "$tmp/in/long.xml" -q
"$python" - "$tmp/in/long.xml" <<'PY'
import sys
path = sys.argv[1]
xml = open(path, encoding="utf-8").read()
xml = xml.replace("<quote>全年共受理行政复议案件3件</quote>", "<quote>" + "测试" * 20000 + "</quote>")
open(path, "w", encoding="utf-8").write(xml)
PY
printf '\xff\xfe\xff\x00\x00\xd8' > "$tmp/in/broken.txt"  # not text: this input fails

cp fixtures/seeds/*.txt "$tmp/in/"
status=0
"$gongwen" summarize "$tmp"/in/0*.txt "$tmp/in/inject.txt" "$tmp/in/long.xml" "$tmp/in/broken.txt" \
  -o "$tmp/s.xlsx" -q 2> "$tmp/stderr" || status=$?
[ "$status" -eq 1 ] || fail "a failed input must give exit status 1, got $status"
[ -s "$tmp/s.xlsx" ] || fail "the workbook must still be written when an input fails"
grep -q "broken.txt" "$tmp/stderr" || fail "the failed input is not named on stderr"
grep -q "32,767" "$tmp/stderr" || fail "no warning for the cell cut to Excel's limit"
for f in "$tmp"/in/0*.txt "$tmp/in/inject.txt" "$tmp/in/long.xml"; do
  "$gongwen" convert "$f" -t json -o "$tmp/$(basename "$f").json" -q
done

"$python" - "$tmp" <<'PY'
import json, sys, zipfile
from decimal import Decimal
import openpyxl

tmp = sys.argv[1]
path = f"{tmp}/s.xlsx"
wb = openpyxl.load_workbook(path)
# No GIS report and no organisation with several years: neither 政府信息公开 nor 趋势.
assert wb.sheetnames == ["汇总", "事实", "文档", "指标", "图表"], wb.sheetnames
# 图表: the figures charted, reports named by organisation and year; one bar chart per
# indicator, its one series over those names, one unit on its axis.
chart = wb["图表"]
labels = [r[0].value for r in chart.iter_rows(min_row=2) if r[0].value]
assert len(labels) == 7 and not any("/" in l for l in labels), labels
assert any(l.endswith(" 2023") for l in labels), labels
heads = [c.value for c in chart[1]][1:]
assert heads and len(chart._charts) == len(heads), (heads, len(chart._charts))
for c, head in zip(chart._charts, heads):
    assert len(c.series) == 1, len(c.series)
    cat = c.series[0].cat.strRef or c.series[0].cat.numRef
    assert cat.f.replace("'", "") == f"图表!$A$2:$A${len(labels) + 1}", cat.f
    unit = head[head.rindex("（") + 1:-1]
    assert "".join(r.t for p in c.y_axis.title.tx.rich.p for r in p.r) == unit, head  # the value axis

# 事实: every fact of every report, in order, equal to the JSON facts.
facts = wb["事实"]
header = [c.value for c in facts[1]]
col = {name: i for i, name in enumerate(header)}
rows = [r for r in facts.iter_rows(min_row=2, values_only=True)]
by_report = {}
for r in rows:
    by_report.setdefault(r[col["报告"]], []).append(r)
import glob, os
checked = 0
for j in sorted(glob.glob(f"{tmp}/*.txt.json") + glob.glob(f"{tmp}/*.xml.json")):
    doc = json.load(open(j, encoding="utf-8"))
    name = doc["source"]["name"]  # gongwen's XML keeps the name of the report it came from
    got = by_report.get(name, [])
    assert len(got) == len(doc["facts"]), (name, len(got), len(doc["facts"]))
    for r, f in zip(got, doc["facts"]):
        assert Decimal(str(r[col["数值"]])) == Decimal(str(f["value"])), (r[:8], f["value_text"])
        assert r[col["原文数量"]] == f["value_text"], (r[:8], f["value_text"])
        # the counting unit: as written, else what a zero statement's noun implies
        assert (r[col["单位"]] or "") == (f["unit"] or f["implied_unit"] or ""), (r[:8], f["value_text"])
        assert (r[col["限定词"]] or None) == f["qualifier"], (r[:8], f["value_text"])
        if not j.endswith(".xml.json"):  # its quote was replaced: mapped again, it counts nothing
            assert (r[col["指标"]] or None) == f["indicator"], (r[:4], f["value_text"])
        assert (r[col["零陈述"]] == "是") == f["zero"], (r[:8], f["value_text"])
        assert r[col["起"]] == f["start"] and r[col["止"]] == f["end"], (r[:8], f["value_text"])
        if len(f["quote"]) < 32000:
            assert r[col["引文"]] == f["quote"], (r[:8], f["value_text"])
        else:
            assert len(r[col["引文"]]) <= 32767 and r[col["引文"]].endswith("…"), len(r[col["引文"]])
        checked += 1
assert checked > 150, checked

# 汇总: the seeds' figures, each cell linked to a fact of its indicator and noted with its quote.
summary = wb["汇总"]
assert summary.freeze_panes == "C4", summary.freeze_panes
assert summary.auto_filter.ref.startswith("A3:"), summary.auto_filter.ref
assert "A1:E2" in [str(m) for m in summary.merged_cells.ranges]
ids = [c.value for c in summary[2]]
values = {}
for row in summary.iter_rows(min_row=4):
    name = row[0].value
    if not name or name.startswith("合计"):
        continue
    for cell, ind in zip(row, ids):
        if ind is None or cell.value is None or cell.column <= 5:
            continue
        values[(os.path.basename(name), ind)] = cell.value
        link = cell.hyperlink.location if cell.hyperlink else None
        assert link and link.startswith("'事实'!A"), (name, ind, cell.hyperlink)
        target = int(link.split("!A")[1])
        assert facts.cell(target, col["指标"] + 1).value == ind, (name, ind, target)
        quote = facts.cell(target, col["引文"] + 1).value
        assert cell.comment and quote[:20] in cell.comment.text, (name, ind)
expect = {("000_2ff49a1744f89f60.txt", "executive_meetings"): 37,
          ("000_2ff49a1744f89f60.txt", "proposals_handled"): 22,
          ("000_2ff49a1744f89f60.txt", "funds_obtained"): 880,          # 万元
          ("001_9633c70aebd6e55d.txt", "publicity_materials"): 7000,
          ("002_acf107ec8495534f.txt", "funds_obtained"): 2048,
          ("004_2140a01d4004d8c4.txt", "proposals_handled"): 79,
          ("004_2140a01d4004d8c4.txt", "admin_penalties"): 0,
          ("004_2140a01d4004d8c4.txt", "publicity_reach"): 99800}
for key, v in expect.items():
    assert values.get(key) == v, (key, values.get(key))
# A qualified value keeps its number and shows its qualifier.
qualified = [c for row in summary.iter_rows(min_row=4) for c in row if c.number_format and "余" in c.number_format]
assert qualified and all(isinstance(c.value, (int, float)) for c in qualified)

# Report text is text: nothing but the totals row holds a formula.
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        if name.startswith("xl/worksheets/sheet"):
            xml = z.read(name).decode("utf-8")
            formulas = xml.count("<f>")
            if name.endswith("sheet1.xml"):
                assert formulas == len([i for i in ids if i]), (name, formulas)
            else:
                assert formulas == 0, (name, formulas)
injected = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value[:1] in "=+-@" and c.data_type == "s"]
for needle in ("=SUM(A1)+1", "+cmd|", "@HYPERLINK(\"x\")+0", "-2+3", "=1+1工作报告"):
    assert any(v.startswith(needle) for v in injected), (needle, injected[:5])

# 文档: one row per report, the failed one marked, the cut cell explained.
docs = [r for r in wb["文档"].iter_rows(min_row=2, values_only=True)]
status = {os.path.basename(r[0]): r[1] for r in docs if r[0] and r[1]}
assert status["broken.txt"] == "失败" and status["000_2ff49a1744f89f60.txt"] == "已读", status
assert any(r[0] and "32,767" in str(r[0]) for r in docs)
catalog = wb["指标"]
assert catalog.cell(3, 2).value == "law_study_sessions"
print("xlsx_test: openpyxl read", checked, "facts back")
PY

# Deterministic: the same input gives the same bytes, whatever the clock or the time zone. The
# second run's clock reads twenty years on (faketime), in another time zone, on one thread.
# GONGWEN_FAKETIME=0 (the sanitizer build) runs it on the real clock: libfaketime 0.9.10
# deadlocks in the start-up of an ASan program (libfaketime issue 365).
later=()
if [ "${GONGWEN_FAKETIME:-1}" = 1 ]; then
  later=(faketime -m '2045-03-01 08:00:00')
  [ "$("${later[@]}" date -u +%Y)" = 2045 ] || fail "faketime does not fake the clock"
fi
"$gongwen" summarize "$tmp"/in/0*.txt -o "$tmp/a.xlsx" -q
TZ=Asia/Shanghai "${later[@]}" "$gongwen" summarize "$tmp"/in/0*.txt -o "$tmp/b.xlsx" -q -j 1
cmp -s "$tmp/a.xlsx" "$tmp/b.xlsx" || fail "two runs, twenty years apart, gave different workbooks"
SOURCE_DATE_EPOCH=1700000000 "$gongwen" summarize "$tmp"/in/0*.txt -o "$tmp/c.xlsx" -q
"$python" -c "import zipfile,sys; x=zipfile.ZipFile(sys.argv[1]).read('docProps/core.xml').decode(); assert '2023-11-14T22:13:20Z' in x, x" "$tmp/c.xlsx" \
  || fail "SOURCE_DATE_EPOCH was not used as the workbook's date"
"$gongwen" convert "$tmp/in/004_2140a01d4004d8c4.txt" -t xlsx -o "$tmp/one.xlsx" -q
"$python" -c "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); assert wb['汇总'].max_row >= 5" "$tmp/one.xlsx" \
  || fail "convert -t xlsx did not write a workbook"

# The command line: usage errors are status 2; a catalog names its problems; --catalog applies.
status=0; "$gongwen" summarize fixtures/seeds/000_2ff49a1744f89f60.txt 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] && grep -q -- "-o" "$tmp/err" || fail "summarize without -o must be a usage error"
printf '<catalog id="x">\n<category label="A">\n<indicator id="a" rule="avg"><label>A</label><units>件</units><cues>a</cues></indicator>\n</category></catalog>\n' > "$tmp/bad.xml"
status=0; "$gongwen" summarize fixtures/seeds/000_2ff49a1744f89f60.txt -o "$tmp/x.xlsx" --catalog "$tmp/bad.xml" 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "a broken catalog must be a usage error, got $status"
grep -q "bad.xml: line 3: indicator 'a': rule must be sum, max or total" "$tmp/err" || fail "catalog error: $(cat "$tmp/err")"
[ ! -e "$tmp/x.xlsx" ] || fail "no workbook may be written with a broken catalog"
cat > "$tmp/hotline.xml" <<'XML'
<catalog xmlns="urn:gongwen:catalog:1" id="hotline" extends="gongwen-v1">
  <category id="D" label="监督与纠纷">
    <indicator id="meetings_max" rule="max"><label>会议（最多一次）</label><units>次</units><cues>办公会 党组会议</cues></indicator>
  </category>
</catalog>
XML
"$gongwen" summarize fixtures/seeds/000_2ff49a1744f89f60.txt -o "$tmp/x.xlsx" --catalog "$tmp/hotline.xml" -q
"$python" -c "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])['汇总']; ids=[c.value for c in ws[2]]; assert 'meetings_max' in ids and 'executive_meetings' in ids, ids" "$tmp/x.xlsx" \
  || fail "an extending catalog must add its indicator to the built-in ones"
"$gongwen" convert fixtures/seeds/000_2ff49a1744f89f60.txt -t json -o "$tmp/x.json" --catalog "$tmp/hotline.xml" -q
grep -q '"indicator": "executive_meetings"' "$tmp/x.json" || fail "convert --catalog must map the facts of the JSON"

# LibreOffice reads it back: every sheet to CSV, the facts equal again.
if command -v soffice > /dev/null; then
  # The sheets' CSV files are named after them (a-事实.csv): LibreOffice needs a UTF-8 locale to
  # write such names, and the test's caller may have none (LANG unset).
  (cd "$tmp" && LC_ALL=C.UTF-8 timeout 180 soffice -env:UserInstallation=file://"$tmp"/lo --headless \
     --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' a.xlsx > /dev/null 2>&1) \
    || fail "soffice could not convert the workbook"
  "$python" - "$tmp" <<'PY'
import csv, glob, json, os, sys
from decimal import Decimal
tmp = sys.argv[1]
facts = list(csv.reader(open(f"{tmp}/a-事实.csv", encoding="utf-8")))
header, rows = facts[0], facts[1:]
col = {n: i for i, n in enumerate(header)}
total = 0
for j in sorted(glob.glob(f"{tmp}/0*.txt.json")):
    doc = json.load(open(j, encoding="utf-8"))
    name = f"{tmp}/in/" + os.path.basename(j)[:-5]
    got = [r for r in rows if r[col["报告"]] == name]
    assert len(got) == len(doc["facts"]), (name, len(got))
    for r, f in zip(got, doc["facts"]):
        assert Decimal(r[col["数值"]]) == Decimal(str(f["value"])), (r, f)
        assert r[col["原文数量"]] == f["value_text"] and r[col["引文"]] == f["quote"], (r, f)
        total += 1
summary = list(csv.reader(open(f"{tmp}/a-汇总.csv", encoding="utf-8")))
ids = summary[1]
row = next(r for r in summary if r[0].endswith("000_2ff49a1744f89f60.txt"))
assert row[ids.index("executive_meetings")] == "37", row
qualified = next(r for r in summary if r[0].endswith("001_9633c70aebd6e55d.txt"))
assert qualified[ids.index("publicity_materials")] == "7000余", qualified
totals = next(r for r in summary if r[0].startswith("合计"))
assert totals[ids.index("proposals_handled")] == str(22 + 8 + 79), totals
print("xlsx_test: LibreOffice read", total, "facts back")
PY
else
  echo "xlsx_test: soffice not installed (scripts/bootstrap.sh installs libreoffice-calc-nogui); LibreOffice check skipped"
fi
# 趋势: one organisation under three spellings (管委会, 管理委员会, the zone) over three years, and
# one with a single year; the years side by side with their change, read back by openpyxl (the
# formulas and their cached values) and by LibreOffice (which calculates them).
mkdir -p "$tmp/years"
printf '某某新区管委会2021年度法治政府建设情况报告\n2021年，召开党组会议研究法治工作12次，办理人大建议8件。\n' > "$tmp/years/a.txt"
printf '某某新区管理委员会2022年度法治政府建设情况报告\n2022年，召开党组会议研究法治工作15次，办理人大建议8件。\n' > "$tmp/years/b.txt"
printf '某某新区2023年度法治政府建设情况报告\n2023年，召开党组会议研究法治工作9次。\n' > "$tmp/years/c.txt"
printf '某某县人民政府2023年度法治政府建设情况报告\n2023年，召开党组会议研究法治工作4次。\n' > "$tmp/years/d.txt"
"$gongwen" summarize "$tmp/years" -o "$tmp/years.xlsx" -q || fail "summarize of the years failed"
"$python" - "$tmp/years.xlsx" <<'PY' || fail "the 趋势 sheet is not right"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)["趋势"]
assert wb.sheetnames == ["汇总", "趋势", "事实", "文档", "指标", "图表"], wb.sheetnames
ws = wb["趋势"]
cells = [[c.value for c in row] for row in ws.iter_rows()]
assert [r[0] for r in cells if r[0] and "年" in str(r[0]) and "：" in str(r[0])] == ["某某新区：2021—2023年"], cells[:3]
head = next(i for i, r in enumerate(cells) if r[0] == "指标")
assert cells[head][3:9] == ["2021", "2022", "2023", "变化 2021→2022", "变化率 2021→2022", "变化 2022→2023"], cells[head]
assert cells[head + 1][3:6] == ["某某新区管委会", "某某新区管理委员会", "某某新区"], cells[head + 1]
row = next(i for i, r in enumerate(cells) if r[1] == "executive_meetings") + 1
assert cells[row - 1][3:6] == [12, 15, 9], cells[row - 1]
assert [cached.cell(row, c).value for c in (7, 9)] == [3, -6], [cached.cell(row, c).value for c in (7, 9)]
assert abs(cached.cell(row, 8).value - 0.25) < 1e-9 and abs(cached.cell(row, 10).value + 0.4) < 1e-9
assert ws.cell(row, 7).number_format.startswith("[Red]") and "▼" in ws.cell(row, 9).number_format
link = ws.cell(row, 4).hyperlink.location
facts = wb["事实"]
assert facts.cell(int(link.split("!A")[1]), 2).value == "executive_meetings", link
# No GIS key figure: the chart plots the catalog's indicators stated in two years or more.
assert len(ws._charts) == 1 and len(ws._charts[0].series) >= 1, ws._charts
PY
if command -v soffice > /dev/null; then
  (cd "$tmp" && LC_ALL=C.UTF-8 timeout 180 soffice -env:UserInstallation=file://"$tmp"/lo --headless \
     --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' years.xlsx > /dev/null 2>&1) \
    || fail "soffice could not convert the years' workbook"
  "$python" - "$tmp/years-趋势.csv" <<'PY' || fail "LibreOffice does not read the 趋势 sheet back"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
row = next(r for r in rows if len(r) > 1 and r[1] == "executive_meetings")
assert row[3:6] == ["12", "15", "9"], row
assert row[6] == "▲3" and row[8] == "▼6", row            # calculated and marked by LibreOffice
assert row[7] == "▲25.0%" and row[9] == "▼40.0%", row
PY
fi

# 政府信息公开 and 趋势 from made-up GIS reports of one zone in two years (two spellings of its
# name); the 2022 report's table 四 states a total of 0 over 1 + 1.
mkdir -p "$tmp/gis"
"$python" tests/gis_report.py "某某新区管委会2021年度政府信息公开工作年度报告" 2021 20 15 2 > "$tmp/gis/a.html"
"$python" tests/gis_report.py "某某新区2022年度政府信息公开工作年度报告" 2022 30 12 0 > "$tmp/gis/b.html"
"$gongwen" summarize "$tmp/gis" -o "$tmp/gis.xlsx" -q || fail "summarize of the GIS reports failed"
"$python" - "$tmp/gis.xlsx" <<'PY' || fail "the GIS sheets are not right"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
# No catalog indicator has a value (the tables' figures are template cells): no 图表.
assert wb.sheetnames == ["汇总", "政府信息公开", "趋势", "事实", "文档", "指标"], wb.sheetnames
ws = wb["政府信息公开"]
ids = [c.value for c in ws[5]]
col = {}
for i, v in enumerate(ids):
    if v:
        col.setdefault(v, i + 1)
rows = {ws.cell(r, 1).value.rsplit("/", 1)[-1]: r for r in range(6, ws.max_row + 1)}
assert sorted(rows) == ["a.html", "b.html"], rows
a, b = rows["a.html"], rows["b.html"]
assert [ws.cell(b, c).value for c in range(2, 5)] == ["某某新区", 2022, "2021"], [ws.cell(b, c).value for c in range(2, 5)]
assert ws.cell(a, col["gis.t3.new.total"]).value == 20 and ws.cell(b, col["gis.t3.new.total"]).value == 30
assert ws.cell(b, col["gis.t2.normative.in_force"]).value == 30 and ws.cell(b, col["gis.t2.permits.decisions"]).value == 100
facts = wb["事实"]
link = ws.cell(b, col["gis.t4.review.total"]).hyperlink.location
assert facts.cell(int(link.split("!A")[1]), 2).value == "gis.t4.review.total", link
assert ws.cell(a, 5).value is None, ws.cell(a, 5).value
assert ws.cell(b, 5).value == "t4 review: total 0 ≠ upheld+corrected+other+pending 2", ws.cell(b, 5).value
def filled(r):
    return {i for i, c in col.items() if ws.cell(r, c).value is not None and ws.cell(r, c).fill.fgColor.rgb not in (None, "00000000")}
assert filled(a) == set(), filled(a)
assert filled(b) == {"gis.t4.review." + x for x in ("upheld", "corrected", "other", "pending", "total")}, filled(b)
t = wb["趋势"]
cells = [[c.value for c in row] for row in t.iter_rows()]
assert cells[0][0] == "某某新区：2021—2022年", cells[0]
row = next(i for i, r in enumerate(cells) if r[1] == "gis.t3.new.total") + 1
assert cells[row - 1][3:5] == [20, 30] and cached["趋势"].cell(row, 6).value == 10, cells[row - 1]
assert abs(cached["趋势"].cell(row, 7).value - 0.5) < 1e-9
row = next(i for i, r in enumerate(cells) if r[1] == "gis.t4.review.total") + 1
assert cached["趋势"].cell(row, 6).value == -2 and cached["趋势"].cell(row, 7).value == -1
charts = t._charts
assert len(charts) == 1 and len(charts[0].series) == 6, [len(c.series) for c in charts]
names = [s.tx.v for s in charts[0].series]
assert names == ["现行有效规范性文件", "新收申请", "予以公开", "行政复议", "行政诉讼（直接起诉）", "行政诉讼（复议后起诉）"], names
PY
if command -v soffice > /dev/null; then
  (cd "$tmp" && LC_ALL=C.UTF-8 timeout 180 soffice -env:UserInstallation=file://"$tmp"/lo --headless \
     --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' gis.xlsx > /dev/null 2>&1) \
    || fail "soffice could not convert the GIS workbook"
  "$python" - "$tmp/gis-政府信息公开.csv" "$tmp/gis-趋势.csv" <<'PY' || fail "LibreOffice does not read the GIS sheets back"
import csv, sys
gis = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
ids = gis[4]
b = next(r for r in gis if r[0].endswith("b.html"))
assert b[ids.index("gis.t3.new.total")] == "30" and b[ids.index("gis.t4.review.upheld")] == "1", b[:8]
assert b[4].startswith("t4 review: total 0 ≠"), b[4]
trend = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
row = next(r for r in trend if len(r) > 1 and r[1] == "gis.t3.disclosed.total")
assert row[3:7] == ["15", "12", "▼3", "▼20.0%"], row
PY
fi

# 201 reports: the chart compares the first 200, which the 文档 sheet says; it is no warning
# (warnings are for what Excel's limits cut).
mkdir -p "$tmp/many"
for i in $(seq 1 201); do ln -s "$(realpath fixtures/seeds/001_9633c70aebd6e55d.txt)" "$tmp/many/r$i.txt"; done
"$gongwen" summarize "$tmp/many" -o "$tmp/many.xlsx" 2> "$tmp/many.stderr" || fail "summarize of 201 reports failed"
! grep -q "图表" "$tmp/many.stderr" || fail "the chart's design limit was printed as a warning: $(cat "$tmp/many.stderr")"
"$python" - "$tmp/many.xlsx" <<'PY' || fail "the 文档 sheet does not say the chart compares 200 reports"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
texts = [c for row in wb["文档"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
assert any("只比较前 200 份报告" in t for t in texts), texts[-5:]
assert not any("×" in t and "只比较" in t for t in texts), texts[-5:]
PY
echo "xlsx_test: ok"
