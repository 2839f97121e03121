// The workbook writer in process: bytes, determinism, Excel's limits. Reading the workbook
// back (openpyxl, LibreOffice) is tests/xlsx_test.sh.
#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>

#include <filesystem>
#include <fstream>

#include "converters/xlsx/sheets.hpp"
#include "gongwen/xlsx.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

std::vector<ReportEntry> seeds() {
    std::vector<ReportEntry> out;
    for (const char* name : {"000_2ff49a1744f89f60", "004_2140a01d4004d8c4"})
        out.push_back(
            report_entry(test::parse(test::read_fixture(std::string("seeds/") + name + ".txt")), default_catalog()));
    return out;
}

TEST(Xlsx, SameInputGivesTheSameBytes) {
    const std::vector<ReportEntry> reports = seeds();
    XlsxOptions options;
    options.created = 1700000000;
    const std::string a = write_xlsx(reports, options);
    const std::string b = write_xlsx(reports, options);
    ASSERT_GT(a.size(), 1000u);
    EXPECT_EQ(a.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(a, b);
    options.created = 1700000001;
    EXPECT_NE(write_xlsx(reports, options), a);  // the date is the only thing that moved
}

TEST(Xlsx, WithoutADateTheReportsDatesAreUsedNotTheClock) {
    ::unsetenv("SOURCE_DATE_EPOCH");
    const std::vector<ReportEntry> reports = seeds();
    const std::string a = write_xlsx(reports);
    XlsxOptions options;
    options.created = 1707004800;  // 2024-02-04, the latest date the two reports state
    EXPECT_EQ(a, write_xlsx(reports, options));
}

TEST(Xlsx, CellsLongerThanExcelAllowsAreCutWithAWarning) {
    std::vector<ReportEntry> reports = seeds();
    reports[0].facts[0].quote = std::string(40000, 'x');
    std::vector<std::string> warnings;
    write_xlsx(reports, {}, &warnings);
    // The quote is cut where it is a cell (事实) and where it is a note (汇总).
    ASSERT_EQ(warnings.size(), 2u);
    for (const std::string& w : warnings) EXPECT_NE(w.find("32,767"), std::string::npos) << w;
    EXPECT_NE(warnings[0].find("事实"), std::string::npos);
}

TEST(Xlsx, AnEmptySummaryIsStillAWorkbook) {
    std::vector<std::string> warnings;
    XlsxOptions options;
    options.failures = {{"missing.txt", "missing.txt: cannot open: No such file or directory"}};
    const std::string bytes = write_xlsx({}, options, &warnings);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    // No chart (nothing to compare) is said in the workbook's 文档 sheet, not warned about:
    // warnings are for what Excel's limits cut.
    EXPECT_TRUE(warnings.empty());
}

TEST(Xlsx, AnEntrySumsUpByTheCatalogItsReaderMappedWith) {
    const std::string xml = R"(<catalog id="mine"><category label="会议">
      <indicator id="meetings" rule="max"><label>会议</label><units>次</units><cues>办公会 党组会议</cues></indicator>
    </category></catalog>)";
    ReadOptions options;
    options.catalog = std::make_shared<const Catalog>(parse_catalog(xml, "mine.xml"));
    const Reader reader(options);
    const ReportEntry e = report_entry(
        reader.read_bytes(test::read_fixture("seeds/000_2ff49a1744f89f60.txt"), "000.txt"), reader.catalog());
    EXPECT_TRUE(std::any_of(e.facts.begin(), e.facts.end(), [](const Fact& f) { return f.indicator == "meetings"; }));
    ASSERT_EQ(e.summary.values.size(), 1u);
    ASSERT_TRUE(e.summary.values[0]);
    EXPECT_EQ(e.summary.values[0]->value, "24");
    EXPECT_EQ(e.facts.size(), e.fact_sections.size());
    EXPECT_EQ(e.fact_sections.back(),
              "一、2023年度推进法治政府建设主要举措和工作成效 › （六）规范行政权力制约监督情况");
}

// --- 政府信息公开, 趋势, 图表: made-up reports --------------------------------------------

Fact fact(const std::string& indicator, const std::string& value, const std::string& unit = "件") {
    Fact f;
    f.indicator = indicator;
    f.value = value;
    f.value_text = value + unit;
    f.unit = unit;
    f.quote = "表格：" + indicator + " " + value;
    return f;
}

Document gis_report(const std::string& name, const std::string& title, const std::string& organisation,
                    const std::string& year, const std::string& format, std::vector<Fact> facts) {
    Document doc;
    doc.source.name = name;
    doc.metadata.title.value = title;
    doc.metadata.organisation.value = organisation;
    doc.metadata.year.value = year;
    doc.blocks.push_back(test::block(BlockKind::paragraph, 0, "", "表格", {0, 6}));
    doc.facts = std::move(facts);
    doc.gis.format = format;
    return doc;
}

GisCheck check(const std::string& rule, std::vector<std::string> left, std::string lv, std::vector<std::string> right,
               std::string rv) {
    GisCheck c;
    c.rule = rule;
    c.left = std::move(left);
    c.right = std::move(right);
    c.left_value = std::move(lv);
    c.right_value = std::move(rv);
    c.passed = c.left_value == c.right_value;
    return c;
}

// Three spellings of one zone in two years (the 2021 format), a county in the 2019 format and a
// report that is no GIS report.
std::vector<ReportEntry> gis_reports() {
    std::vector<ReportEntry> out;
    Document a = gis_report(
        "a-2021.txt", "某某新区管委会2021年度政府信息公开工作年度报告", "某某新区管委会办公室", "2021", "2021",
        {fact("gis.t3.new.natural", "20"), fact("gis.t3.carried_in.natural", "1"),
         fact("gis.t3.result_total.natural", "21"), fact("gis.t3.carried_out.natural", "1"),
         fact("gis.t3.new.total", "20"), fact("gis.t3.disclosed.total", "15"), fact("gis.t4.review.total", "2"),
         fact("gis.t4.suit_direct.total", "1"), fact("gis.t2.normative.in_force", "30"),
         fact("gis.t2.fees.amount", "125000", "元"), fact("proposals_handled", "12")});
    a.gis.checks = {check("t3.natural.balance", {"gis.t3.new.natural", "gis.t3.carried_in.natural"}, "21",
                          {"gis.t3.result_total.natural", "gis.t3.carried_out.natural"}, "22"),
                    check("t4.review.total", {"gis.t4.review.total"}, "2", {"gis.t4.review.upheld"}, "2")};
    Document b = gis_report(
        "b-2022.html", "某某新区2022年度政府信息公开工作年度报告", "某某新区管理委员会", "2022", "2021",
        {fact("gis.t3.new.total", "30"), fact("gis.t3.disclosed.total", "12"), fact("gis.t4.review.total", "1"),
         fact("gis.t4.suit_direct.total", "3"), fact("gis.t2.normative.in_force", "30"), fact("proposals_handled", "9"),
         fact("gis.t2.fees.amount", "9116.36", "万元")});
    Document c = gis_report("c-2019.txt", "某县人民政府2019年政府信息公开工作年度报告", "某县人民政府", "2019", "2019",
                            {fact("gis.t2.rules.made", "3"), fact("gis.t2.permits.decisions", "40")});
    Document d = gis_report("d.txt", "某县人民政府2019年法治政府建设情况报告", "某县人民政府", "2019", "",
                            {fact("proposals_handled", "5")});
    for (Document* doc : {&a, &b, &c, &d}) out.push_back(report_entry(std::move(*doc), default_catalog()));
    return out;
}

// openpyxl (Debian's /usr/bin/python3 has python3-openpyxl) reads the workbook back: what a
// spreadsheet shows, not the bytes.
void read_back(const std::string& bytes, const std::string& script) {
    // A folder of each test's own: ctest runs the tests of this file side by side.
    const std::filesystem::path dir =
        std::filesystem::path(::testing::TempDir()) /
        ("gongwen-xlsx-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "w.xlsx", std::ios::binary) << bytes;
    std::ofstream(dir / "check.py") << "import sys, openpyxl\n"
                                    << "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                    << "values = openpyxl.load_workbook(sys.argv[1], data_only=True)\n"
                                    << script;
    const std::string command =
        "/usr/bin/python3 " + (dir / "check.py").string() + " " + (dir / "w.xlsx").string() + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << script;
    std::filesystem::remove_all(dir);
}

TEST(XlsxGis, OneRowPerGisReportEveryCellUnderItsTableAndRowFailedChecksBesideIt) {
    const std::string bytes = write_xlsx(gis_reports());
    read_back(bytes, R"PY(
assert wb.sheetnames == ["汇总", "政府信息公开", "趋势", "事实", "文档", "指标", "图表"], wb.sheetnames
ws = wb["政府信息公开"]
ids = [c.value for c in ws[5]]
col = {}
for i, v in enumerate(ids):
    if v:
        col.setdefault(v, i + 1)  # table 二's first (2021) column of an id both formats have
# The headers: table, row, column group, column; fixed columns.
assert [ws.cell(4, c).value for c in range(1, 6)] == ["文件", "机关", "报告年度", "格式", "未通过的核对"]
c = col["gis.t3.new.business"]
def header(row, column):  # the text of a merged header cell is its first cell's
    for r in ws.merged_cells.ranges:
        if r.min_row <= row <= r.max_row and r.min_col <= column <= r.max_col:
            return ws.cell(r.min_row, r.min_col).value
    return ws.cell(row, column).value
assert header(1, c) == "三、收到和处理政府信息公开申请情况", header(1, c)
assert header(2, c) == "一、本年新收政府信息公开申请数量", header(2, c)
assert header(3, c) == "法人或其他组织", header(3, c)
assert header(4, c) == "商业企业", header(4, c)
assert header(2, col["gis.t3.withheld.state_secret.natural"]) == "（三）不予公开 1.属于国家秘密"
assert header(2, col["gis.t4.suit_direct.total"]) == "行政诉讼 未经复议直接起诉"
assert header(1, col["gis.t2.normative.in_force"]).startswith("二、主动公开政府信息情况（2021年格式")
assert header(1, col["gis.t2.rules.made"]).startswith("二、主动公开政府信息情况（2019年格式")
assert "（万元）" in header(4, col["gis.t2.fees.amount"])
# Table 二 once per format, tables 三 and 四 once for both: their ids are one column each.
later = [i for i in ids if i and not i.startswith("gis.t2.")]
assert len(later) == len(set(later)) and "gis.t3.other.total" in later and "gis.t3.other.no_fee.total" in later
assert ids.count("gis.t2.permits.decisions") == 2 and ids.count("gis.t2.normative.in_force") == 1
# One row per GIS report (not the 法治政府 report), its values linked to their facts.
rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)}
assert sorted(rows) == ["a-2021.txt", "b-2022.html", "c-2019.txt"], rows
a = rows["a-2021.txt"]
assert ws.cell(a, 2).value == "某某新区管委会" and ws.cell(a, 3).value == 2021 and ws.cell(a, 4).value == "2021"
facts = wb["事实"]
for id, value in [("gis.t3.new.natural", 20), ("gis.t3.result_total.natural", 21), ("gis.t2.fees.amount", 12.5)]:
    cell = ws.cell(a, col[id])
    assert cell.value == value, (id, cell.value)
    target = int(cell.hyperlink.location.split("!A")[1])
    assert cell.hyperlink.location.startswith("'事实'!A") and facts.cell(target, 2).value == id, (id, cell.hyperlink.location)
# The failed check beside the row, its cells filled; the passed one neither.
assert ws.cell(a, 5).value == "t3 natural: new+carried_in 21 ≠ result_total+carried_out 22", ws.cell(a, 5).value
filled = {id for id in col if ws.cell(a, col[id]).value is not None and ws.cell(a, col[id]).fill.fgColor.rgb not in (None, "00000000")}
assert filled == {"gis.t3.new.natural", "gis.t3.carried_in.natural", "gis.t3.result_total.natural", "gis.t3.carried_out.natural"}, filled
assert ws.cell(rows["b-2022.html"], 5).value is None
# An amount in 万元 whether its fact counts 元 (12.5万元 as 125000 元) or 万元 as the header says.
assert ws.cell(rows["b-2022.html"], col["gis.t2.fees.amount"]).value == 9116.36
# A 2019 report fills the 2019 columns of table 二 only.
c19 = rows["c-2019.txt"]
assert ws.cell(c19, col["gis.t2.rules.made"]).value == 3
assert ws.cell(a, col["gis.t2.rules.made"]).value is None
second = len(ids) - ids[::-1].index("gis.t2.permits.decisions")  # the 2019 format's column
assert ws.cell(c19, second).value == 40 and ws.cell(c19, col["gis.t2.permits.decisions"]).value is None
)PY");
}

TEST(XlsxGis, AnOrganisationsYearsSideBySideWithTheirChangeAndAChart) {
    read_back(write_xlsx(gis_reports()), R"PY(
ws = wb["趋势"]
cells = [[c.value for c in row] for row in ws.iter_rows()]
titles = [r[0] for r in cells if r[0] and "—" in str(r[0])]
assert titles == ["某某新区：2021—2022年"], titles  # the county has one year only
head = next(i for i, r in enumerate(cells) if r[0] == "指标")
assert cells[head][3:7] == ["2021", "2022", "变化 2021→2022", "变化率 2021→2022"], cells[head]
assert cells[head + 1][3:5] == ["某某新区管委会", "某某新区"], cells[head + 1]
rows = {r[1]: (i + 1, r) for i, r in enumerate(cells) if r[1]}
row, r = rows["gis.t3.new.total"]
assert r[3:5] == [20, 30], r
assert r[5] == "=E%d-D%d" % (row, row) and r[6] == "=(E%d-D%d)/D%d" % (row, row, row), r
v = values["趋势"]
assert v.cell(row, 6).value == 10 and abs(v.cell(row, 7).value - 0.5) < 1e-9, (v.cell(row, 6).value, v.cell(row, 7).value)
row, r = rows["gis.t3.disclosed.total"]
assert v.cell(row, 6).value == -3
assert "▲" in ws.cell(rows["gis.t3.new.total"][0], 6).number_format and "▼" in ws.cell(row, 6).number_format
assert rows["gis.t2.normative.in_force"][1][3:5] == [30, 30]
assert values["趋势"].cell(rows["gis.t2.normative.in_force"][0], 6).value == 0
assert rows["proposals_handled"][1][3:5] == [12, 9]       # the catalog's indicators too
assert "gis.t3.new.natural" in rows and rows["gis.t3.new.natural"][1][4] is None
assert rows["gis.t3.new.natural"][1][5] is None            # no change without both years
link = ws.cell(rows["gis.t3.new.total"][0], 4).hyperlink.location
assert link.startswith("'事实'!A"), link
assert rows["gis.t3.new.total"][1][0].startswith("三 · 一、本年新收"), rows["gis.t3.new.total"][1][0]
charts = ws._charts
assert len(charts) == 1, charts
series = charts[0].series
assert len(series) == 5, len(series)  # new, disclosed, review, suit_direct, normative in force
refs = [s.val.numRef.f for s in series]
assert all(f.startswith("趋势!$D$") or f.startswith("'趋势'!$D$") for f in refs), refs
)PY");
}

TEST(XlsxGis, TheChartSheetNamesReportsByOrganisationAndYearOneChartPerIndicator) {
    read_back(write_xlsx(gis_reports()), R"PY(
ws = wb["图表"]
labels = [r[0].value for r in ws.iter_rows(min_row=2)]
assert labels == ["某某新区管委会 2021", "某某新区 2022", "某县人民政府 2019（c-2019.txt）", "某县人民政府 2019（d.txt）"], labels
heads = [c.value for c in ws[1]][1:]
assert len(ws._charts) == len([h for h in heads if h]), (len(ws._charts), heads)
for chart, head in zip(ws._charts, heads):
    assert len(chart.series) == 1
)PY");
}

TEST(XlsxGis, WithoutGisReportsOrSeveralYearsTheSheetsAreLeftOutAndTheWorkbookSaysSo) {
    std::vector<ReportEntry> reports = gis_reports();
    reports.erase(reports.begin(), reports.begin() + 3);  // the 法治政府 report, twice: one year
    reports.push_back(reports.front());
    reports.back().source.name = "d-again.txt";
    read_back(write_xlsx(reports), R"PY(
assert wb.sheetnames == ["汇总", "事实", "文档", "指标", "图表"], wb.sheetnames
texts = [c for row in wb["文档"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
assert any(t.startswith("政府信息公开：") for t in texts) and any(t.startswith("趋势：") for t in texts), texts
)PY");
}

TEST(XlsxGis, ACheckReadsByTheCellsItNames) {
    EXPECT_EQ(xlsx::gis_check_text(check("t4.review.total", {"gis.t4.review.total"}, "0",
                                         {"gis.t4.review.upheld", "gis.t4.review.corrected"}, "11")),
              "t4 review: total 0 ≠ upheld+corrected 11");
}

}  // namespace
}  // namespace gongwen
