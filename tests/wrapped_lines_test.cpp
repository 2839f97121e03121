// Lines a PDF broke inside a paragraph (model/wrapped_lines.cpp): made-up reports wrapped at a
// margin as pdftotext gives them, with and without -layout's indents, read back into paragraphs;
// headings, items, signatures, dates, tables and text that is not wrapped kept as they are.
#include <gtest/gtest.h>

#include "gongwen/unicode.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::blocks_of;
using test::diagnostic_count;
using test::parse;

// A paragraph as a PDF prints it: `width` characters a line, the first line after `indent`.
std::string wrapped(const std::string& paragraph, std::size_t width, const std::string& indent = "") {
    const std::u32string text = to_u32(paragraph);
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += width)
        out += (i == 0 ? indent : "") + to_utf8(text.substr(i, width)) + "\n";
    return out;
}

const std::string kFirst =
    "本年度市政府网站主动公开各类政府信息五千余条，新增公开市政府规章若干件，通过文字和图片等形式制作政策解读若干个，"
    "组织召开新闻发布会若干场，努力传递政府声音并回应社会关切。";
const std::string kSecond =
    "全市共受理政府信息公开申请若干件，均在法定期限内予以答复，着力强化与申请人的直接沟通，准确了解申请人诉求，"
    "提高答复的及时性和针对性，依申请公开工作规范有序开展。";

std::vector<std::string> paragraph_texts(const Document& doc) {
    std::vector<std::string> out;
    for (const Block* b : blocks_of(doc, BlockKind::paragraph)) out.push_back(b->text);
    return out;
}

TEST(WrappedLines, JoinsTheLinesOfAParagraphWrappedAtTheMargin) {
    const std::string text = "一、总体情况\n" + wrapped(kFirst, 22) + "二、依申请公开情况\n" + wrapped(kSecond, 22);
    const Document doc = parse(text);
    EXPECT_EQ(paragraph_texts(doc), (std::vector<std::string>{kFirst, kSecond}));
    EXPECT_EQ(blocks_of(doc, BlockKind::heading, 1).size(), 2u);  // the headings stay alone
    EXPECT_GT(diagnostic_count(doc, "lines_joined"), 0u);
    // Every character still points at its own place in the source.
    const Block* first = blocks_of(doc, BlockKind::paragraph)[0];
    EXPECT_EQ(test::slice(text, first->span).substr(0, 12), kFirst.substr(0, 12));
}

TEST(WrappedLines, FindsAFactTheLineBreakCut) {
    // 政府信息 and 351 件 are cut by the margin as PDF text cuts them (pdftotext -layout).
    const std::string text =
        "   2024 年，市政府网站主动公开各类政\n"
        "府信息 5500 余条，全年新增公开市政府规\n"
        "章 1 件，政府办政策性文件 11 件，通过文\n"
        "字、图片等形式制作政策解读 21 个。全市\n"
        "共受理政府信息公开申请 3119 件，答复均\n"
        "在法定期限内。政府信息公开行政复议 351\n"
        "件，其中结果维持 72 件，结果纠正 64 件，\n"
        "尚未审结 37 件，均依法办理完毕。\n";
    const Document doc = parse(text);
    ASSERT_EQ(doc.blocks.size(), 1u);
    bool info = false;
    bool review = false;
    for (const Fact& f : doc.facts) {
        if (f.value == "5500") info = f.subject == "各类政府信息" && f.unit == "条";
        if (f.value == "351") review = f.unit == "件" && f.subject.find("行政复议") != std::string::npos;
    }
    EXPECT_TRUE(info);
    EXPECT_TRUE(review);
}

// The lines of `text`, each with its newline.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t b = 0, e = 0; b < text.size(); b = e + 1) {
        e = text.find('\n', b);
        out.push_back(text.substr(b, e - b + 1));
    }
    return out;
}

TEST(WrappedLines, JoinsOverAPageBreakAndDropsItsPageNumber) {
    const std::vector<std::string> lines = lines_of(wrapped(kFirst, 22) + wrapped(kSecond, 22));
    std::string text = "一、总体情况\n";
    for (std::size_t i = 0; i < lines.size(); ++i) text += (i == 3 ? "\n                    -1-\n\f" : "") + lines[i];
    const Document doc = parse(text);
    EXPECT_EQ(paragraph_texts(doc), (std::vector<std::string>{kFirst, kSecond}));
    EXPECT_EQ(diagnostic_count(doc, "boilerplate_removed"), 1u);  // the page number
}

// Page numbers in full-width forms are page numbers too (is_page_number folds them; it rejects
// a line by its characters before that); a line with one character more is none.
TEST(WrappedLines, PageNumbersInEveryFormAreDropped) {
    const std::vector<std::string> lines = lines_of(wrapped(kFirst, 22) + wrapped(kSecond, 22));
    for (const std::string number : {"第２页，共９页", "— ２ —", "３／９", "第 12 页", "-1-", "第2页共9页号"}) {
        std::string text = "一、总体情况\n";
        for (std::size_t i = 0; i < lines.size(); ++i)
            text += (i == 3 ? "\n                    " + number + "\n\f" : "") + lines[i];
        const Document doc = parse(text);
        const bool page_number = std::string(number) != "第2页共9页号";
        EXPECT_EQ(diagnostic_count(doc, "boilerplate_removed"), page_number ? 1u : 0u) << number;
        if (page_number) {
            EXPECT_EQ(paragraph_texts(doc), (std::vector<std::string>{kFirst, kSecond})) << number;
        }
    }
}

TEST(WrappedLines, ABlankLineWithoutAPageBreakEndsTheParagraph) {
    const std::vector<std::string> lines = lines_of(wrapped(kFirst, 22) + wrapped(kSecond, 22));
    std::string text;
    for (std::size_t i = 0; i < lines.size(); ++i) text += (i == 3 ? "\n" : "") + lines[i];
    const Document doc = parse(text);
    EXPECT_EQ(paragraph_texts(doc).size(), 3u);
}

TEST(WrappedLines, NeverJoinsWhatEndsOrOpensAPart) {
    const std::vector<std::string> lines = lines_of(wrapped(kFirst, 22));
    ASSERT_GE(lines.size(), 4u);
    const std::string text = lines[0] + lines[1] + lines[2] + lines[3] + "\n" +
                             "本年度市政府网站主动公开各类政府信息五千余条。\n"  // a sentence ends at the margin
                             "新增公开市政府规章若干件，通过文字和图片等形\n"
                             "（一）主动公开情况，通过文字和图片等形式制。\n"  // an item opens
                             "新增公开市政府规章若干件，通过文字和图片等形\n"
                             "第二章政府信息公开情况，通过文字和图片等形。\n"  // a chapter opens
                             "新增公开市政府规章若干件，通过文字和图片等形\n"
                             "附件：政府信息公开情况统计表\n"  // an attachment
                             "新增公开市政府规章若干件，通过文字和图片等形\n"
                             "                        淮安市人民政府办公室\n"  // a signature, right-aligned
                             "新增公开市政府规章若干件，通过文字和图片等形\n"
                             "2025年1月20日\n";  // a date alone
    const Document doc = parse(text);
    EXPECT_EQ(diagnostic_count(doc, "lines_joined"), 3u);  // only the lines of the paragraph above
    std::size_t joined = 0;
    for (const Block& b : doc.blocks)
        joined += b.text.find("形（") != std::string::npos || b.text.find("形第") != std::string::npos ||
                  b.text.find("形附") != std::string::npos || b.text.find("形淮") != std::string::npos ||
                  b.text.find("形2025") != std::string::npos;
    EXPECT_EQ(joined, 0u);
}

TEST(WrappedLines, TextThatIsNotWrappedStaysAsItIs) {
    // One paragraph a line, of any length, as reports typed or copied from pages are: no margin.
    const std::string text =
        "一、总体情况\n"
        "本年度市政府网站主动公开各类政府信息五千余条\n"
        "新增公开市政府规章若干件\n"
        "通过文字和图片等形式制作政策解读若干个，组织召开新闻发布会若干场，努力传递政府声音\n"
        "回应社会关切\n"
        "全市共受理政府信息公开申请若干件，均在法定期限内予以答复\n"
        "着力强化与申请人的直接沟通，准确了解申请人诉求，提高答复的及时性和针对性，依申请公开工作规范有序开展\n"
        "政务公开水平稳步提高\n"
        "各项工作取得成效\n";
    const Document doc = parse(text);
    EXPECT_EQ(diagnostic_count(doc, "lines_joined"), 0u);
    EXPECT_EQ(paragraph_texts(doc).size(), 8u);
}

TEST(WrappedLines, TablesWrittenAsTextAreNotJoined) {
    // A space-aligned table among wrapped prose: its rows stay rows.
    const std::string text = wrapped(kFirst, 22) + wrapped(kSecond, 22) +
                             "信息内容        本年制发件数  本年废止件数  现行有效件数\n"
                             "规章            1             0             11\n"
                             "行政规范性文件  8             26            66\n"
                             "二、依申请公开情况\n" +
                             wrapped(kSecond, 22);
    const Document doc = parse(text);
    EXPECT_EQ(paragraph_texts(doc), (std::vector<std::string>{kFirst, kSecond, kSecond}));
    const std::vector<const Block*> tables = blocks_of(doc, BlockKind::table);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0]->rows.size(), 3u);
}

}  // namespace
}  // namespace gongwen
