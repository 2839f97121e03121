// What the layout says every drawn item is in the document (layout::Tag, Layout::blocks): the
// identity tagged PDF and OFD's custom tags are written from. Made-up documents of the shapes
// the readers give: a title, headings, paragraphs, list items, a signature, a table.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "gongwen/fonts.hpp"
#include "layout/layout.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using layout::Tag;

TableCell cell(std::string text, bool header = false, int row_span = 1, int col_span = 1) {
    TableCell c;
    c.text = std::move(text);
    c.header = header;
    c.row_span = row_span;
    c.col_span = col_span;
    return c;
}

TableRow row(std::vector<TableCell> cells, bool header = false) {
    TableRow r;
    r.cells = std::move(cells);
    r.header = header;
    return r;
}

Document made_up(int body_rows) {
    Document doc;
    doc.blocks.push_back(test::block(BlockKind::paragraph, 0, "", "第一段正文说明工作情况。", {}));
    doc.blocks.push_back(test::block(BlockKind::title, 0, "", "某市关于政务公开工作的报告", {}));
    doc.blocks.push_back(test::block(BlockKind::heading, 1, "一、", "总体情况", {}));
    doc.blocks.push_back(test::block(BlockKind::heading, 2, "（一）", "主动公开", {}));
    doc.blocks.push_back(test::block(BlockKind::list_item, 0, "一是", "完善制度。", {}));
    doc.blocks.push_back(test::block(BlockKind::list_item, 0, "二是", "加强培训。", {}));
    Block table = test::block(BlockKind::table, 0, "", "收到申请情况", {});
    table.rows.push_back(row({cell("项目", true, 2), cell("数量", true, 1, 2)}, true));
    table.rows.push_back(row({cell("本年", true), cell("上年", true)}, true));
    for (int i = 0; i < body_rows; ++i)
        table.rows.push_back(row({cell("申请" + std::to_string(i)), cell("十"), cell("")}));
    doc.blocks.push_back(std::move(table));
    doc.blocks.push_back(test::block(BlockKind::signature, 0, "", "某市人民政府办公室", {}));
    return doc;
}

// The text of every run with the same tag, in drawing order, page after page.
std::map<std::tuple<int, int, int>, std::string> text_by_tag(const layout::Layout& l, bool artifacts) {
    std::map<std::tuple<int, int, int>, std::string> out;
    for (const layout::Page& p : l.pages)
        for (const layout::TextRun& r : p.runs)
            if ((r.tag.part == Tag::Part::artifact) == artifacts)
                out[{static_cast<int>(r.tag.part), r.tag.block, r.tag.cell}] += r.utf8;
    return out;
}

TEST(LayoutTags, BlocksFollowTheReadingOrderWithTheirKindsAndLevels) {
    const Fonts fonts;
    const Document doc = made_up(2);
    const layout::Layout l = layout::lay_out(doc, fonts.set());
    const std::vector<Block> order = layout::reading_order(doc);
    ASSERT_EQ(l.blocks.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(l.blocks[i].kind, order[i].kind) << i;
    EXPECT_EQ(l.blocks[0].kind, BlockKind::title);  // the title first, though the source has it second
    EXPECT_EQ(l.blocks[2].level, 1);
    EXPECT_EQ(l.blocks[3].level, 2);
    EXPECT_EQ(l.blocks[1].level, 0);
}

TEST(LayoutTags, EveryRunSaysItsBlockAndPart) {
    const Fonts fonts;
    const layout::Layout l = layout::lay_out(made_up(2), fonts.set());
    const auto text = text_by_tag(l, false);
    const auto at = [&](Tag::Part part, int block, int cell = -1) {
        const auto it = text.find({static_cast<int>(part), block, cell});
        return it == text.end() ? std::string("(none)") : it->second;
    };
    EXPECT_EQ(at(Tag::Part::text, 0), "某市关于政务公开工作的报告");
    EXPECT_EQ(at(Tag::Part::text, 1), "第一段正文说明工作情况。");
    EXPECT_EQ(at(Tag::Part::text, 2), "一、总体情况");
    EXPECT_EQ(at(Tag::Part::text, 4), "一是完善制度。");
    EXPECT_EQ(at(Tag::Part::caption, 6), "收到申请情况");
    EXPECT_EQ(at(Tag::Part::text, 7), "某市人民政府办公室");
    // The cells as the source gives them, each under its own index.
    const layout::TaggedBlock& t = l.blocks[6];
    ASSERT_EQ(t.cells.size(), 10u);
    EXPECT_EQ(t.rows, 4);
    EXPECT_EQ(t.columns, 3);
    EXPECT_EQ(t.header_rows, 2);
    EXPECT_EQ(at(Tag::Part::cell, 6, 0), "项目");
    EXPECT_EQ(at(Tag::Part::cell, 6, 3), "上年");
    EXPECT_EQ(at(Tag::Part::cell, 6, 5), "十");
    EXPECT_EQ(at(Tag::Part::cell, 6, 6), "(none)");  // an empty cell draws nothing
}

TEST(LayoutTags, CellsKnowTheirGridPositionSpansAndHeaders) {
    const Fonts fonts;
    const layout::Layout l = layout::lay_out(made_up(1), fonts.set());
    const std::vector<layout::TaggedCell>& c = l.blocks[6].cells;
    ASSERT_EQ(c.size(), 7u);
    // 项目 spans two rows, so the second header row starts in the second column.
    EXPECT_EQ(std::tie(c[0].row, c[0].col, c[0].row_span, c[0].col_span), std::make_tuple(0, 0, 2, 1));
    EXPECT_EQ(std::tie(c[1].row, c[1].col, c[1].row_span, c[1].col_span), std::make_tuple(0, 1, 1, 2));
    EXPECT_EQ(std::tie(c[2].row, c[2].col), std::make_tuple(1, 1));
    EXPECT_EQ(std::tie(c[3].row, c[3].col), std::make_tuple(1, 2));
    EXPECT_EQ(std::tie(c[4].row, c[4].col), std::make_tuple(2, 0));
    EXPECT_TRUE(c[0].header && c[1].header && c[2].header && c[3].header);
    EXPECT_FALSE(c[4].header || c[5].header || c[6].header);
}

TEST(LayoutTags, PageNumbersRulesAndRepeatedHeadersAreArtifacts) {
    const Fonts fonts;
    const layout::Layout l = layout::lay_out(made_up(40), fonts.set());  // the table goes on over a page
    ASSERT_GE(l.pages.size(), 2u);
    const auto artifacts = text_by_tag(l, true);
    // Page numbers belong to no block.
    const auto numbers = artifacts.find({static_cast<int>(Tag::Part::artifact), -1, -1});
    ASSERT_NE(numbers, artifacts.end());
    EXPECT_NE(numbers->second.find("— 1 —"), std::string::npos);
    EXPECT_NE(numbers->second.find("— 2 —"), std::string::npos);
    // The header rows drawn again on the next page are artifacts of their cells; their content
    // is the first drawing, once.
    std::string repeated;
    for (const layout::Page& p : l.pages)
        if (!p.strokes.empty() && &p != &l.pages.front()) repeated += "项目";  // a page the table goes on to
    EXPECT_EQ(artifacts.at({static_cast<int>(Tag::Part::artifact), 6, 0}), repeated);
    EXPECT_EQ(text_by_tag(l, false).at({static_cast<int>(Tag::Part::cell), 6, 0}), "项目");
    std::set<int> rule_blocks;
    for (const layout::Page& p : l.pages)
        for (const layout::Stroke& s : p.strokes) {
            EXPECT_EQ(s.tag.part, Tag::Part::artifact);
            rule_blocks.insert(s.tag.block);
        }
    EXPECT_EQ(rule_blocks, std::set<int>{6});  // the table's rules, on both pages
}

// A table's rules as the layout gives them: one stroke a line, each rule drawn once.
TEST(LayoutRules, CollinearTouchingRulesOfABlockBecomeOneAndARuleDrawnTwiceIsDrawnOnce) {
    const Tag a{Tag::Part::artifact, 3, -1}, b{Tag::Part::artifact, 4, -1};
    std::vector<layout::Stroke> s = {
        {10, 5, 20, 5, a},          // a row's top, cell by cell: [0, 30] at y 5
        {0, 5, 10, 5, a},           //
        {20, 5, 30, 5, a},          //
        {0, 5, 10, 5, a},           // the same rule again (the row above's bottom)
        {40, 5, 50, 5, a},          // after a gap: a rule of its own
        {0, 5, 30, 5, b},           // another block's rule on the same line stays its own
        {7, 0, 7, 14.5, a},         // a column's rule, line by line: [0, 29] at x 7
        {7, 14.5, 7, 29, a},        //
        {7.0000004, 29, 7, 20, a},  // drawn upwards, a rounding away: the same line
        {0, 0, 10, 10, a},          // neither horizontal nor vertical: as it is
    };
    layout::join_rules(s);
    const auto same = [](const layout::Stroke& x, double x0, double y0, double x1, double y1, int block) {
        return std::abs(x.x0 - x0) < 1e-6 && std::abs(x.y0 - y0) < 1e-6 && std::abs(x.x1 - x1) < 1e-6 &&
               std::abs(x.y1 - y1) < 1e-6 && x.tag.block == block;
    };
    ASSERT_EQ(s.size(), 5u);
    EXPECT_TRUE(same(s[0], 0, 5, 30, 5, 3));
    EXPECT_TRUE(same(s[1], 40, 5, 50, 5, 3));
    EXPECT_TRUE(same(s[2], 7, 0, 7, 29, 3));
    EXPECT_TRUE(same(s[3], 0, 5, 30, 5, 4));
    EXPECT_TRUE(same(s[4], 0, 0, 10, 10, 3));
}

TEST(LayoutRules, ALaidOutTableHasNoRuleTwiceAndNoRuleInPieces) {
    const Fonts fonts;
    const layout::Layout l = layout::lay_out(made_up(40), fonts.set());  // over two pages
    for (const layout::Page& p : l.pages) {
        std::set<double> rows, columns;
        for (std::size_t i = 0; i < p.strokes.size(); ++i) {
            const layout::Stroke& x = p.strokes[i];
            if (x.y0 == x.y1) rows.insert(x.y0);
            if (x.x0 == x.x1) columns.insert(x.x0);
            for (std::size_t k = i + 1; k < p.strokes.size(); ++k) {
                const layout::Stroke& y = p.strokes[k];
                if (x.y0 == x.y1 && y.y0 == y.y1 && x.y0 == y.y0) {
                    EXPECT_GT(std::max(x.x0, y.x0), std::min(x.x1, y.x1)) << "rules meet at y " << x.y0;
                }
                if (x.x0 == x.x1 && y.x0 == y.x1 && x.x0 == y.x0) {
                    EXPECT_GT(std::max(x.y0, y.y0), std::min(x.y1, y.y1)) << "rules meet at x " << x.x0;
                }
            }
        }
        // A rule a row boundary, a column edge in at most two pieces (数量 spans the header's
        // first row over two columns); drawn line by line it would be one piece a line.
        if (!p.strokes.empty()) {
            EXPECT_LE(p.strokes.size(), rows.size() + 2 * columns.size());
            EXPECT_EQ(columns.size(), 4u);
        }
    }
}

}  // namespace
}  // namespace gongwen
