// The PDF writer's line breaking: Chinese line-start/line-end rules, unsplittable tokens,
// filling 28-character lines, squeezing before pushing out, and title trapezoids.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gongwen/unicode.hpp"
#include "layout/linebreak.hpp"

namespace gongwen::layout {
namespace {

// Widths as the body font has them: a cell per full-width character, half for Latin and digits.
std::vector<double> widths_of(std::u32string_view text) {
    std::vector<double> w;
    for (char32_t cp : text) w.push_back(full_width(cp) ? 1.0 : 0.5);
    return w;
}

std::vector<std::u32string> lines_of(std::u32string_view text, LineWidths available = {}) {
    std::vector<std::u32string> out;
    for (const LineSpan& l : break_lines(text, widths_of(text), available))
        out.emplace_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

std::u32string han(std::size_t n) {
    std::u32string s;
    for (std::size_t i = 0; i < n; ++i) s.push_back(U'国' + static_cast<char32_t>(i % 50));
    return s;
}

TEST(PdfKinsoku, ForbiddenCharactersMatchTheRules) {
    for (char32_t cp : std::u32string(U"，。、；：？！）》」』”’…"))
        EXPECT_TRUE(forbidden_at_line_start(cp)) << to_utf8(std::u32string(1, cp));
    for (char32_t cp : std::u32string(U"（《「『“‘"))
        EXPECT_TRUE(forbidden_at_line_end(cp)) << to_utf8(std::u32string(1, cp));
    EXPECT_FALSE(forbidden_at_line_start(U'国'));
    EXPECT_FALSE(forbidden_at_line_end(U'国'));
}

TEST(PdfKinsoku, NoBreakBeforeClosingOrAfterOpeningPunctuation) {
    const std::u32string text = U"我们，他们。《条例》（一）“好”";
    const std::vector<bool> allowed = break_opportunities(text);
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (forbidden_at_line_start(text[i]) || forbidden_at_line_end(text[i - 1])) {
            EXPECT_FALSE(allowed[i]) << "break allowed before index " << i;
        }
    }
    EXPECT_TRUE(allowed[1]);  // between two ideographs
}

TEST(PdfKinsoku, NumbersPercentagesAndUrlsStayWhole) {
    const std::u32string text = U"增长13.9%，见https://www.gov.cn/zhengce/2023-10/01.html和2023年";
    const std::vector<bool> allowed = break_opportunities(text);
    const auto whole = [&](std::u32string_view token) {
        const std::size_t at = text.find(token);
        ASSERT_NE(at, std::u32string::npos);
        for (std::size_t i = at + 1; i < at + token.size(); ++i)
            EXPECT_FALSE(allowed[i]) << to_utf8(std::u32string(token)) << " split at " << i - at;
    };
    whole(U"13.9%");
    whole(U"https://www.gov.cn/zhengce/2023-10/01.html");
    whole(U"2023");
}

TEST(PdfLineBreak, FillsLinesOf28FullWidthCharacters) {
    const std::vector<std::u32string> lines = lines_of(han(60));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].size(), 28u);
    EXPECT_EQ(lines[1].size(), 28u);
    EXPECT_EQ(lines[2].size(), 4u);
}

TEST(PdfLineBreak, FirstLineIndentedTwoCharacters) {
    const std::vector<std::u32string> lines = lines_of(han(60), {26, 28});
    EXPECT_EQ(lines[0].size(), 26u);
    EXPECT_EQ(lines[1].size(), 28u);
}

TEST(PdfLineBreak, SqueezesPunctuationToKeepAClosingMarkOnTheLine) {
    // 28 characters fill the line; the 29th is a comma, which may not start the next line. The
    // line holds two squeezable marks, so it takes the comma in by squeezing both.
    const std::u32string text = han(10) + U"、" + han(17) + U"，" + han(5);
    const std::vector<LineSpan> lines = break_lines(text, widths_of(text), {});
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 29u);
    EXPECT_NEAR(lines[0].squeeze, 0.5, 1e-9);
    EXPECT_EQ(lines[0].stretch, 0);
    EXPECT_NE(text[lines[1].begin], U'，');
}

TEST(PdfLineBreak, PushesOutWhenSqueezingCannotMakeRoom) {
    // Only the comma itself could be squeezed (half a cell), not enough: the character before it
    // moves down with it and the short line is justified.
    const std::u32string text = han(28) + U"，" + han(5);
    const std::vector<LineSpan> lines = break_lines(text, widths_of(text), {});
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 27u);
    EXPECT_GT(lines[0].stretch, 0);
    EXPECT_NEAR(lines[0].natural + 26 * lines[0].stretch, 28.0, 1e-9);
    EXPECT_EQ(text.substr(lines[1].begin, 2), han(28).substr(27, 1) + U"，");
}

TEST(PdfLineBreak, OpeningBracketNeverEndsALine) {
    const std::u32string text = han(27) + U"《" + han(10) + U"》";
    const std::vector<std::u32string> lines = lines_of(text);
    ASSERT_GE(lines.size(), 2u);
    EXPECT_FALSE(forbidden_at_line_end(lines[0].back()));
    EXPECT_EQ(lines[1].front(), U'《');
}

TEST(PdfLineBreak, NumberIsNotSplitAcrossLines) {
    const std::u32string text = han(26) + U"20231231" + han(4);
    const std::vector<std::u32string> lines = lines_of(text);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], han(26));
    EXPECT_EQ(lines[1].substr(0, 8), U"20231231");
}

TEST(PdfLineBreak, TokenLongerThanALineIsCut) {
    const std::u32string url = U"https://example.gov.cn/" + std::u32string(60, U'a');
    const std::vector<std::u32string> lines = lines_of(url);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].size(), 56u);  // 28 em of half-width characters
}

TEST(PdfLineBreak, JustifiesEveryLineButTheLast) {
    const std::u32string text = han(20) + U" abc def " + han(40);
    const std::vector<LineSpan> lines = break_lines(text, widths_of(text), {});
    ASSERT_GE(lines.size(), 2u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_FALSE(lines[i].last);
    EXPECT_TRUE(lines.back().last);
    EXPECT_EQ(lines.back().stretch, 0);
}

TEST(PdfLineBreak, SpacesNeitherEndNorStartALine) {
    const std::u32string text = han(27) + U" " + U"abc" + han(3);
    const std::vector<std::u32string> lines = lines_of(text);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], han(27));
    EXPECT_EQ(lines[1].front(), U'a');
}

std::vector<std::u32string> title_lines(const std::u32string& title, double max_width = 20) {
    std::vector<std::size_t> starts = title_breaks(title, widths_of(title), max_width);
    starts.push_back(title.size());
    std::vector<std::u32string> lines;
    std::size_t begin = 0;
    for (std::size_t end : starts) lines.push_back(title.substr(begin, end - begin)), begin = end;
    return lines;
}

double width(const std::u32string& s) {
    double w = 0;
    for (double x : widths_of(s)) w += x;
    return w;
}

TEST(PdfTitle, ShortTitleStaysOnOneLine) { EXPECT_EQ(title_lines(U"关于2023年法治政府建设情况的报告").size(), 1u); }

TEST(PdfTitle, LongTitleWrapsIntoABalancedTrapezoid) {
    const std::vector<std::u32string> lines = title_lines(U"亳州市科学技术局关于2023年法治政府建设情况的报告");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], U"亳州市科学技术局关于2023年");  // the number keeps its 年; 关于 ends the line
    EXPECT_EQ(lines[1], U"法治政府建设情况的报告");
    EXPECT_GE(width(lines[0]), width(lines[1]));
    EXPECT_LE(width(lines[0]) - width(lines[1]), 3);
}

TEST(PdfTitle, ThreeLinesNarrowTowardsTheBottomAndKeepWordsWhole) {
    const std::u32string title =
        U"中华人民共和国科学技术部办公厅关于进一步加强和改进新时代科技领域法治政府建设工作的实施意见的通知";
    const std::vector<std::u32string> lines = title_lines(title);
    ASSERT_EQ(lines.size(), 3u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_GE(width(lines[i]), width(lines[i + 1]));
    for (const std::u32string& l : lines) EXPECT_LE(width(l), 20);
    // Words that must not be cut at a line end.
    for (const std::u32string& word :
         {std::u32string(U"科学"), std::u32string(U"技术"), std::u32string(U"法治"), std::u32string(U"政府"),
          std::u32string(U"建设"), std::u32string(U"实施"), std::u32string(U"意见"), std::u32string(U"通知")})
        for (std::size_t i = 0; i + 1 < lines.size(); ++i)
            EXPECT_FALSE(lines[i].back() == word[0] && lines[i + 1].front() == word[1]) << to_utf8(word);
}

TEST(PdfTitle, BreaksOnlyAtWordBoundaries) {
    const std::u32string title = U"漯河市科学技术局二〇二〇年度法治政府建设工作情况报告";
    const std::vector<std::u32string> lines = title_lines(title, 16);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[1].front(), U'术');
    EXPECT_NE(lines[1].front(), U'学');
    EXPECT_GE(width(lines[0]), width(lines[1]));
}

TEST(PdfTitle, NumberPhrasesAndDatesStayWhole) {
    const std::u32string subtitle = U"——2026年1月25日在北京市第十六届人民代表大会第四次会议上";
    for (double max_width : {16.0, 20.0, 24.0, 28.0}) {
        const std::vector<std::u32string> lines = title_lines(subtitle, max_width);
        ASSERT_GE(lines.size(), 2u) << max_width;
        std::u32string joined;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            const std::u32string cut = lines[i].substr(lines[i].size() - 1) + U"|" + lines[i + 1].substr(0, 1);
            for (const char32_t* bad : {U"十|六", U"六|届", U"第|十", U"第|四", U"四|次", U"年|1", U"月|2"})
                EXPECT_NE(cut, bad) << max_width << " " << to_utf8(cut);
        }
    }
    const std::vector<std::u32string> lines = title_lines(U"某市科学技术局二〇二〇年度法治政府建设工作情况报告", 14);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        EXPECT_FALSE(is_chinese_numeral(lines[i].back()) || lines[i].back() == U'〇') << to_utf8(lines[i]);
}

}  // namespace
}  // namespace gongwen::layout
