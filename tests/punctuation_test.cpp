// Latin punctuation in Chinese text shown full-width (model/punctuation.cpp), through the whole
// pipeline: display text, spans, diagnostics, and an analysis that does not change.
#include <gtest/gtest.h>

#include "gongwen/html.hpp"
#include "gongwen/unicode.hpp"
#include "model/line.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::diagnostic_count;
using test::parse;

std::string widened(const std::u32string& text) {
    std::u32string t = text;
    widen_punctuation(t);
    return to_utf8(t);
}

TEST(Punctuation, CommasColonsAndSemicolonsInChineseTextAreFullWidth) {
    EXPECT_EQ(widened(U"及时调整,明确专人;现报告如下:"), "及时调整，明确专人；现报告如下：");
    EXPECT_EQ(widened(U"共办理12件,其中按时办结10件"), "共办理12件，其中按时办结10件");
    EXPECT_EQ(widened(U"数量为12,其中"), "数量为12，其中");  // a number before, Chinese after
    EXPECT_EQ(widened(U"是否完成? 已完成!"), "是否完成？ 已完成！");
}

TEST(Punctuation, NumbersTimesAndRangesKeepTheirs) {
    EXPECT_EQ(widened(U"投入12,345万元,同比增长9.5%"), "投入12,345万元，同比增长9.5%");
    EXPECT_EQ(widened(U"上午9:30开会,比例为3:2"), "上午9:30开会，比例为3:2");
    EXPECT_EQ(widened(U"规划(2021-2025年)"), "规划（2021-2025年）");
}

TEST(Punctuation, UrlsAndEmailAddressesKeepTheirs) {
    EXPECT_EQ(widened(U"网址:http://www.example.gov.cn/a?b=1,2,电话:0371-1234"),
              "网址：http://www.example.gov.cn/a?b=1,2，电话：0371-1234");
    EXPECT_EQ(widened(U"邮箱:office@example.gov.cn,欢迎来信"), "邮箱：office@example.gov.cn，欢迎来信");
    EXPECT_EQ(widened(U"登录www.example.cn:8080查询"), "登录www.example.cn:8080查询");
}

TEST(Punctuation, LatinTextAndCodeKeepTheirs) {
    EXPECT_EQ(widened(U"see (Smith 2020), p. 3: \"law\"; don't"), "see (Smith 2020), p. 3: \"law\"; don't");
    EXPECT_EQ(widened(U"f(x) = a;b"), "f(x) = a;b");
    EXPECT_EQ(widened(U"A,B两类"), "A,B两类");
}

TEST(Punctuation, BracketsArePairedWhenTheyStandInChineseText) {
    EXPECT_EQ(widened(U"(一)强化组织领导"), "（一）强化组织领导");
    EXPECT_EQ(widened(U"(1) 加强学习"), "（1） 加强学习");  // the space goes in make_line
    EXPECT_EQ(widened(U"生产总值(GDP)增长"), "生产总值（GDP）增长");
    EXPECT_EQ(widened(U"(此件主动公开)"), "（此件主动公开）");
    EXPECT_EQ(widened(U"(一）强化"), "（一）强化");        // half of a pair typed full-width already
    EXPECT_EQ(widened(U"其中协办5件)"), "其中协办5件）");  // its opening one on the line before
}

TEST(Punctuation, StraightQuotesArePairedAsCurlyOnes) {
    EXPECT_EQ(widened(U"推进\"放管服\"改革,落实'首问负责'制度"), "推进“放管服”改革，落实‘首问负责’制度");
    EXPECT_EQ(widened(U"“三重一大\"事项"), "“三重一大”事项");  // its partner is already curly
    EXPECT_EQ(widened(U"\"八五\"普法,\"两学一做\""), "“八五”普法，“两学一做”");
    EXPECT_EQ(widened(U"\"河长制全面推行"), "“河长制全面推行");  // closed on another line
    EXPECT_EQ(widened(U"全面推行河长制\""), "全面推行河长制”");  // opened on one before
    EXPECT_EQ(widened(U"称为\"河长制"), "称为\"河长制");         // which of the two, no one can tell
}

TEST(Punctuation, DisplayTextChangesSpansAndAnalysisDoNot) {
    const std::string latin =
        "关于2023年法治政府建设情况的报告\n(一)强化组织领导, 明确责任\n全年办理申请12件,其中\"放管服\"事项3件。\n";
    const std::string wide =
        "关于2023年法治政府建设情况的报告\n（一）强化组织领导，明确责任\n全年办理申请12件，其中“放管服”事项3件。\n";
    const Document a = parse(latin);
    const Document b = parse(wide);
    ASSERT_EQ(a.blocks.size(), b.blocks.size());
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
        EXPECT_EQ(a.blocks[i].kind, b.blocks[i].kind);
        EXPECT_EQ(a.blocks[i].level, b.blocks[i].level);
        EXPECT_EQ(a.blocks[i].marker, b.blocks[i].marker);
        EXPECT_EQ(a.blocks[i].text, b.blocks[i].text);
    }
    ASSERT_EQ(a.facts.size(), 2u);
    EXPECT_EQ(a.facts[0].value, "12");
    EXPECT_EQ(a.facts[1].value, "3");
    EXPECT_EQ(a.facts[1].quote, "其中“放管服”事项3件");
    // Every widened mark is counted where the source has its Latin form; the space after the
    // comma goes with the other spaces.
    EXPECT_EQ(diagnostic_count(a, "punctuation_widened"), 6u);
    EXPECT_EQ(diagnostic_count(b, "punctuation_widened"), 0u);
    EXPECT_EQ(diagnostic_count(a, "cjk_space_removed"), 1u);
    for (const Diagnostic& d : a.diagnostics) {
        if (d.kind != "punctuation_widened") continue;
        for (const Span& s : d.spans) EXPECT_NE(std::string("(),\"").find(test::slice(latin, s)), std::string::npos);
    }
}

TEST(Punctuation, MisDecodedTextIsLeftAsItIs) {
    const Document doc = parse("该条例于2025年1月1日起施行?!稐l例》是一部法规,具有基础性。\n");
    EXPECT_EQ(doc.blocks[0].text, "该条例于2025年1月1日起施行?!稐l例》是一部法规，具有基础性。");
    EXPECT_EQ(diagnostic_count(doc, "mojibake_suspected"), 1u);
    // A '?' between Chinese characters is what mis-decoding leaves: flagged, never widened.
    EXPECT_EQ(widened(U"是否完成?已完成"), "是否完成?已完成");
}

TEST(Punctuation, TableCellsOfPagesToo) {
    const Document doc = test::read_as_html(
        "<html><body><p>2023年，我局全面推进政务公开工作，取得积极成效。</p>"
        "<table><tr><th>项目</th><th>数量</th></tr><tr><td>(一)主动公开,合计</td><td>12</td></tr></table></body></"
        "html>",
        "page.html");
    const auto tables = test::blocks_of(doc, BlockKind::table);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0]->rows.at(1).cells.at(0).text, "（一）主动公开，合计");
    EXPECT_EQ(diagnostic_count(doc, "punctuation_widened"), 3u);
}

}  // namespace
}  // namespace gongwen
