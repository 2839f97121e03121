// Tables written as text (model/text_tables.cpp): each rendering of a made-up table read into
// rows, cells, header flags and spans; the label lines of tables no rule rebuilds kept as text,
// not headings or chrome; txt and md printing them as tables.
#include <gtest/gtest.h>

#include "gongwen/text.hpp"
#include "gongwen/unicode.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::blocks_of;
using test::parse;
using test::slice;

// The texts of a table's cells, row by row.
std::vector<std::vector<std::string>> cells_of(const Block& table) {
    std::vector<std::vector<std::string>> out;
    for (const TableRow& r : table.rows) {
        out.emplace_back();
        for (const TableCell& c : r.cells) out.back().push_back(c.text);
    }
    return out;
}

std::vector<bool> header_rows(const Block& table) {
    std::vector<bool> out;
    for (const TableRow& r : table.rows) out.push_back(r.header);
    return out;
}

// Every cell with text points at its own text in the source: a cell of one line at exactly its
// text (spaces inside aside), a cell wrapped over lines from its first character to its last,
// its characters in order in between.
void expect_spans_point_at_cells(const std::string& source, const Block& table) {
    for (const TableRow& r : table.rows)
        for (const TableCell& c : r.cells) {
            if (c.text.empty()) {
                EXPECT_TRUE(c.span.empty());
                continue;
            }
            std::u32string from_source;
            for (char32_t cp : to_u32(slice(source, c.span)))
                if (!is_space(cp)) from_source.push_back(cp);
            std::u32string text;
            for (char32_t cp : to_u32(c.text))
                if (!is_space(cp)) text.push_back(cp);
            if (slice(source, c.span).find('\n') == std::string::npos) {
                EXPECT_EQ(to_utf8(from_source), to_utf8(text)) << "cell " << c.text;
                continue;
            }
            ASSERT_FALSE(from_source.empty()) << "cell " << c.text;
            EXPECT_EQ(from_source.front(), text.front()) << "cell " << c.text;
            EXPECT_EQ(from_source.back(), text.back()) << "cell " << c.text;
            std::size_t at = 0;
            for (char32_t cp : text) {
                at = from_source.find(cp, at);
                ASSERT_NE(at, std::u32string::npos) << "cell " << c.text;
                ++at;
            }
        }
}

const std::vector<std::vector<std::string>> kGrid{
    {"片区", "受理", "办结", "结转"}, {"北区", "12", "5", "7"}, {"南区", "8", "0", "8"}, {"西区", "3", "14", "0"}};

const Block& only_table(const Document& doc) {
    const auto tables = blocks_of(doc, BlockKind::table);
    EXPECT_EQ(tables.size(), 1u);
    static const Block none;
    return tables.empty() ? none : *tables[0];
}

TEST(TextTables, MarkdownTableWithItsRuleRowAsHeaderMarker) {
    const std::string text =
        "一、总体情况\n今年各片区办理情况如下。\n"
        "| 片区 | 受理 | 办结 | 结转 |\n|---|:---:|---:|---|\n| 北区 | 12 | 5 | 7 |\n| 南区 | 8 | 0 | 8 |\n"
        "| 西区 | 3 | 14 | 0 |\n二、下一步工作\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    EXPECT_EQ(cells_of(t), kGrid);
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, false, false, false}));
    EXPECT_TRUE(t.rows[0].cells[2].header);
    EXPECT_FALSE(t.rows[1].cells[0].header);
    expect_spans_point_at_cells(text, t);
    EXPECT_EQ(blocks_of(doc, BlockKind::heading).size(), 2u);
}

TEST(TextTables, PipeRowsWithoutOuterPipesTakeTheirHeaderFromTheNumbers) {
    const std::string text = "片区 | 受理 | 办结 | 结转\n北区 | 12 | 5 | 7\n南区 | 8 | 0 | 8\n西区 | 3 | 14 | 0\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    EXPECT_EQ(cells_of(t), kGrid);
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, false, false, false}));
    expect_spans_point_at_cells(text, t);
}

TEST(TextTables, ANavigationBarIsNoTable) {
    const Document doc = parse("首页 | 政务公开 | 联系我们\n一、总体情况\n今年工作平稳推进。\n");
    EXPECT_TRUE(blocks_of(doc, BlockKind::table).empty());
}

TEST(TextTables, TabSeparatedRows) {
    const std::string text = "说明如下。\n片区\t受理\t办结\t结转\n北区\t12\t5\t7\n南区\t8\t0\t8\n西区\t3\t14\t0\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    EXPECT_EQ(cells_of(t), kGrid);
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, false, false, false}));
    expect_spans_point_at_cells(text, t);
}

TEST(TextTables, ALineEndingInATabIsNoRow) {
    const Document doc = parse("今年工作平稳推进。\t\n各项指标完成良好。\t\n");
    EXPECT_TRUE(blocks_of(doc, BlockKind::table).empty());
}

TEST(TextTables, SpaceAlignedColumnsAsPdftotextLaysThemOut) {
    // pdftotext -layout counts a Chinese character one column; numbers stand left or right in
    // their column as the PDF had them.
    const std::string text =
        "一、总体情况\n"
        "片区          受理      办结      结转\n\n"
        "北区          12        5         7\n\n"
        "南区           8        0         8\n\n"
        "西区           3       14         0\n\n"
        "二、下一步工作\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    EXPECT_EQ(cells_of(t), kGrid);
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, false, false, false}));
    expect_spans_point_at_cells(text, t);
    ASSERT_EQ(blocks_of(doc, BlockKind::heading).size(), 2u);
    EXPECT_EQ(blocks_of(doc, BlockKind::heading)[1]->text, "下一步工作");
}

TEST(TextTables, SpaceAlignedColumnsAsAnEditorAlignsThem) {
    // In an editor a Chinese character takes two columns: aligned by display width.
    const std::string text =
        "片区        受理  办结  结转\n"
        "北区        12    5     7\n"
        "东南片区    8     0     8\n"
        "西区        3     14    0\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    ASSERT_EQ(t.rows.size(), 4u);
    EXPECT_EQ(cells_of(t)[2], (std::vector<std::string>{"东南片区", "8", "0", "8"}));
    EXPECT_EQ(cells_of(t)[3], (std::vector<std::string>{"西区", "3", "14", "0"}));
    expect_spans_point_at_cells(text, t);
}

TEST(TextTables, PageFooterAndRepeatedHeaderInsideALayoutTable) {
    const std::string text =
        "一、办理情况\n"
        "片区          受理      办结      结转\n\n"
        "北区          12        5         7\n\n"
        "南区           8        0         8\n\n\n"
        "                    — 1 —\n"
        "\f片区            受理      办结      结转\n\n"
        "西区             3       14         0\n\n"
        "东区             6        2         4\n\n"
        "二、下一步工作\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    ASSERT_EQ(t.rows.size(), 6u);
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, false, false, true, false, false}));
    EXPECT_EQ(cells_of(t)[3], kGrid[0]);
    EXPECT_EQ(cells_of(t)[4], kGrid[3]);
    EXPECT_EQ(cells_of(t)[5], (std::vector<std::string>{"东区", "6", "2", "4"}));
    expect_spans_point_at_cells(text, t);
    // The footer is page furniture, said to be removed; nothing else of the table is a paragraph.
    EXPECT_EQ(test::diagnostic_count(doc, "boilerplate_removed"), 1u);
    for (const Block& b : doc.blocks) EXPECT_EQ(b.text.find("1 —"), std::string::npos) << b.text;
    EXPECT_EQ(blocks_of(doc, BlockKind::paragraph).size(), 0u);
    // A value under the repeated header is named by its column once.
    bool named = false;
    for (const Fact& f : doc.facts)
        if (f.value == "14") {
            EXPECT_EQ(f.subject, "西区 办结");
            named = true;
        }
    EXPECT_TRUE(named);
}

TEST(TextTables, PageFootersOfEveryShapeInsideALayoutTable) {
    for (const std::string footer : {"第 1 页 共 2 页", "-1-", "共2页 第1页"}) {
        const std::string text =
            "片区          受理      办结      结转\n"
            "北区          12        5         7\n"
            "南区           8        0         8\n\n" +
            footer +
            "\n"
            "\f西区           3       14         0\n";
        const Document doc = parse(text);
        const Block& t = only_table(doc);
        EXPECT_EQ(cells_of(t), kGrid) << footer;
        EXPECT_EQ(test::diagnostic_count(doc, "boilerplate_removed"), 1u) << footer;
    }
}

TEST(TextTables, StackedHeaderLinesReadDownTheirColumns) {
    // Header cells wrapped over lines (商业企 / 业), a name centred between them (其他), a name
    // over several columns three lines above them (法人或其他组织), one over all (申请人情况).
    const std::string text =
        "                        申请人情况\n"
        "\n"
        "（本列合计，                  法人或其他组织\n"
        "等于总计）\n"
        "              自然人                                   总计\n"
        "                        商业企       科研机\n"
        "                                            其他\n"
        "                        业         构\n"
        "\n"
        "收到            12        5         7         1       25\n"
        "办结            8         0         8         0       16\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, true, true, false, false}));
    EXPECT_EQ(cells_of(t)[0], (std::vector<std::string>{"", "", "申请人情况", "", "", ""}));
    EXPECT_EQ(cells_of(t)[1],
              (std::vector<std::string>{"（本列合计，等于总计）", "自然人", "法人或其他组织", "", "", "总计"}));
    EXPECT_EQ(cells_of(t)[2], (std::vector<std::string>{"", "", "商业企业", "科研机构", "其他", ""}));
    EXPECT_EQ(cells_of(t)[3], (std::vector<std::string>{"收到", "12", "5", "7", "1", "25"}));
    expect_spans_point_at_cells(text, t);
}

TEST(TextTables, ACaptionBetweenTablesWithTheSameHeaderKeepsThemApart) {
    const std::string text =
        "第一项\n\n"
        "事项          数量\n\n"
        "许可          447\n\n\n"
        "第二项\n\n\n"
        "              — 2 —\n"
        "\f事项          数量\n\n"
        "处罚          39\n\n"
        "强制          88\n\n";
    const Document doc = parse(text);
    const auto tables = blocks_of(doc, BlockKind::table);
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(cells_of(*tables[0]), (std::vector<std::vector<std::string>>{{"事项", "数量"}, {"许可", "447"}}));
    EXPECT_EQ(cells_of(*tables[1]),
              (std::vector<std::vector<std::string>>{{"事项", "数量"}, {"处罚", "39"}, {"强制", "88"}}));
}

// The shape of a GIS table 3 as pdftotext -layout prints it: a row label printed one character
// a line (三/本/年/度), a group label wrapped over two lines beside its rows, and a label
// wrapped around the line of its values.
const std::string kVertical =
    "二、办理情况\n"
    "事项                            甲       乙      总计\n\n"
    "一、本年新收申请数量                    10      3      13\n\n"
    "      （一）予以公开                 4       1      5\n\n"
    "      （二）部分公开（区分处理\n"
    "                              2       1      3\n"
    "      的，只计这一情形）\n\n"
    "             1.属于国家秘密         1       0      1\n"
    "三、\n\n"
    "本            2.危及安全稳定         2       0      2\n"
    "      （三）不\n"
    "年\n"
    "      予公开\n"
    "             3.属于过程信息         1       1      2\n"
    "度\n\n"
    "      （四）总计                   10      3      13\n\n"
    "四、结转下年度办理                     0       0      0\n\n"
    "三、存在的问题\n"
    "个别单位答复不够及时。\n";

TEST(TextTables, VerticalLabelAndWrappedLabelsInALayoutTable) {
    const Document doc = parse(kVertical);
    const Block& t = only_table(doc);
    ASSERT_EQ(t.rows.size(), 9u);
    const auto grid = cells_of(t);
    // Header: the label cell spans the three label columns.
    EXPECT_TRUE(t.rows[0].header);
    EXPECT_EQ(t.rows[0].cells[0].col_span, 3);
    EXPECT_EQ(grid[1], (std::vector<std::string>{"一、本年新收申请数量", "10", "3", "13"}));
    EXPECT_EQ(t.rows[1].cells[0].col_span, 3);
    // 三、本年度 spans the rows from （一） to （四）.
    EXPECT_EQ(grid[2][0], "三、本年度");
    EXPECT_EQ(t.rows[2].cells[0].row_span, 6);
    EXPECT_EQ(grid[2][1], "（一）予以公开");
    EXPECT_EQ(t.rows[2].cells[1].col_span, 2);
    EXPECT_EQ(grid[3], (std::vector<std::string>{"（二）部分公开（区分处理的，只计这一情形）", "2", "1", "3"}));
    // （三）不予公开 spans its three numbered rows.
    EXPECT_EQ(grid[4], (std::vector<std::string>{"（三）不予公开", "1.属于国家秘密", "1", "0", "1"}));
    EXPECT_EQ(t.rows[4].cells[0].row_span, 3);
    EXPECT_EQ(grid[5], (std::vector<std::string>{"2.危及安全稳定", "2", "0", "2"}));
    EXPECT_EQ(grid[6], (std::vector<std::string>{"3.属于过程信息", "1", "1", "2"}));
    EXPECT_EQ(grid[7], (std::vector<std::string>{"（四）总计", "10", "3", "13"}));
    EXPECT_EQ(grid[8][0], "四、结转下年度办理");
    expect_spans_point_at_cells(kVertical, t);
    // The row labels are no headings; the report's own headings are.
    std::vector<std::string> headings;
    for (const Block* b : blocks_of(doc, BlockKind::heading)) headings.push_back(b->marker + b->text);
    EXPECT_EQ(headings, (std::vector<std::string>{"二、办理情况", "三、存在的问题"}));
}

TEST(TextTables, OneCellALineUnderAHeaderOfItsColumns) {
    const std::string text =
        "二、主动公开情况\n第二十条第（一）项\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n"
        "规章\n\n0\n\n1\n\n2\n\n行政规范性文件\n\n3\n\n5\n\n12\n\n三、依申请公开情况\n今年共受理申请21件。\n";
    const Document doc = parse(text);
    const Block& t = only_table(doc);
    EXPECT_EQ(cells_of(t),
              (std::vector<std::vector<std::string>>{{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                                                     {"规章", "0", "1", "2"},
                                                     {"行政规范性文件", "3", "5", "12"}}));
    EXPECT_EQ(header_rows(t), (std::vector<bool>{true, false, false}));
    expect_spans_point_at_cells(text, t);
    EXPECT_EQ(blocks_of(doc, BlockKind::heading, 1).size(), 2u);
}

TEST(TextTables, ValuesBeforeTheirLabelAreNoSureGrid) {
    const Document doc = parse("信息内容\n本年处理决定数量\n550\n行政许可\n120\n行政处罚\n");
    EXPECT_TRUE(blocks_of(doc, BlockKind::table).empty());
}

TEST(TextTables, LabelsAmongNumbersOneALineAreNoHeadingsNorChrome) {
    // Cells in an order no general rule rebuilds: left as lines, but the row labels in them do
    // not head the report, and none of them is dropped.
    const std::string text =
        "一、总体情况\n今年工作平稳推进。\n二、主动公开情况\n今年主动公开信息一千条。\n三、收到和处理申请情况\n"
        "申请人情况\n自然人\n法人\n总计\n21\n0\n21\n二、上年结转申请数量\n0\n0\n0\n（一）予以公开\n4\n0\n4\n"
        "三、本年度办理结果\n一、本年新收申请数量\n1.属于国家秘密\n分享\n"
        "1\n0\n1\n四、结转下年度继续办理\n0\n0\n0\n四、存在的主要问题\n个别单位答复不够及时。\n";
    const Document doc = parse(text);
    std::vector<std::string> headings;
    for (const Block* b : blocks_of(doc, BlockKind::heading)) headings.push_back(b->marker + b->text);
    EXPECT_EQ(headings, (std::vector<std::string>{"一、总体情况", "二、主动公开情况", "三、收到和处理申请情况",
                                                  "四、存在的主要问题"}));
    EXPECT_EQ(test::diagnostic_count(doc, "boilerplate_removed"), 0u);
    bool kept = false;
    for (const Block& b : doc.blocks) kept = kept || b.text == "分享";
    EXPECT_TRUE(kept);
}

TEST(TextTables, TxtAlignsColumnsByDisplayWidthAndMdWritesATable) {
    const Document doc = parse("片区 | 受理 | 办结\n东南片区 | 12 | 5\n北区 | 8 | 10\n");
    const std::string txt = write_text(doc);
    EXPECT_NE(txt.find("片区      受理  办结\n东南片区  12    5\n北区      8     10"), std::string::npos) << txt;
    const std::string md = write_markdown(doc);
    EXPECT_NE(md.find("| 片区 | 受理 | 办结 |\n|---|---|---|\n| 东南片区 | 12 | 5 |\n| 北区 | 8 | 10 |"),
              std::string::npos)
        << md;
}

TEST(TextTables, DisplayWidthCountsWideCharactersTwice) {
    EXPECT_EQ(display_width(U"abc"), 3u);
    EXPECT_EQ(display_width(U"片区"), 4u);
    EXPECT_EQ(display_width(U"（一）"), 6u);
    EXPECT_EQ(display_width(U"１２"), 4u);
}

}  // namespace
}  // namespace gongwen
