// The workbook writer in process: bytes, determinism, Excel's limits. Reading the workbook
// back (openpyxl, LibreOffice) is tests/xlsx_test.sh.
#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>

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

}  // namespace
}  // namespace gongwen
