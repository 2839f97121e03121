#include <gtest/gtest.h>

#include "gongwen/unicode.hpp"
#include "model/grammar.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::blocks_of;
using test::parse;

int level_of(std::u32string_view line) {
    auto m = match_marker(fold(line));
    return m ? m->level : 0;
}

TEST(Outline, RecognisesEveryMarkerSpelling) {
    EXPECT_EQ(level_of(U"一、主要举措"), 1);
    EXPECT_EQ(level_of(U"一 、 主要举措和成效"), 1);
    EXPECT_EQ(level_of(U"十二、其他"), 1);
    EXPECT_EQ(level_of(U"(一)加强领导"), 2);
    EXPECT_EQ(level_of(U"（一）加强领导"), 2);
    EXPECT_EQ(level_of(U"(二) 强化统筹推进"), 2);
    EXPECT_EQ(level_of(U"1.领导高度重视"), 3);
    EXPECT_EQ(level_of(U"1 .完善政策激励"), 3);
    EXPECT_EQ(level_of(U"1、完善制度"), 3);
    EXPECT_EQ(level_of(U"1．完善制度"), 3);
    EXPECT_EQ(level_of(U"１２．完善制度"), 3);
    EXPECT_EQ(level_of(U"(1)具体事项"), 4);
    EXPECT_EQ(level_of(U"（1）具体事项"), 4);
}

TEST(Outline, RejectsNumbersThatAreNotMarkers) {
    EXPECT_EQ(level_of(U"1.2亿元投入研发"), 0);
    EXPECT_EQ(level_of(U"2018、2019年全市"), 0);
    EXPECT_EQ(level_of(U"2017年全市企业研发经费"), 0);
    EXPECT_EQ(level_of(U"一是持续学习"), 0);
    EXPECT_EQ(level_of(U"一、"), 0);
    EXPECT_EQ(level_of(U"(此件主动公开)"), 0);
}

TEST(Outline, SplitsHeadingFromLeadSentence) {
    const Document doc = parse("一、法治政府建设情况\n(一)强化法治工作组织领导。一是调整领导小组。二是制定方案。\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::heading);
    EXPECT_EQ(doc.blocks[1].level, 2);
    EXPECT_EQ(doc.blocks[1].marker, "（一）");
    EXPECT_EQ(doc.blocks[1].text, "强化法治工作组织领导。");
    EXPECT_EQ(doc.blocks[2].kind, BlockKind::paragraph);
    EXPECT_EQ(doc.blocks[2].text, "一是调整领导小组。二是制定方案。");
}

TEST(Outline, HeadingEndingInFullStopStaysOneHeading) {
    const Document doc = parse("(一)深入学习贯彻习近平法治思想、加强法治政府建设等情况。\n正文内容。\n");
    ASSERT_EQ(doc.blocks.size(), 2u);
    EXPECT_EQ(doc.blocks[0].kind, BlockKind::heading);
    EXPECT_EQ(doc.blocks[0].text, "深入学习贯彻习近平法治思想、加强法治政府建设等情况。");
}

TEST(Outline, KeepsMarkerAsWrittenApartFromText) {
    const Document doc = parse("一 、 主要举措和成效\n2 .加大 科技 财 政投入。 近年来,市财政加大投入。\n");
    ASSERT_GE(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[0].marker, "一、");  // the space between CJK characters is cleaned up
    EXPECT_EQ(doc.blocks[0].text, "主要举措和成效");
    EXPECT_EQ(doc.blocks[1].marker, "2 .");
    EXPECT_EQ(doc.blocks[1].level, 3);
    EXPECT_EQ(doc.blocks[1].text, "加大科技财政投入。");
}

TEST(Outline, InlineEnumerationsAreItemsNotHeadings) {
    const Document doc = parse("正文开头。一是强化学习,提升能力。二是完善制度;三是注重落实。\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    const Block& p = doc.blocks[0];
    EXPECT_EQ(p.kind, BlockKind::paragraph);
    ASSERT_EQ(p.items.size(), 3u);
    EXPECT_EQ(p.items[0].marker, "一是");
    EXPECT_EQ(p.items[0].text, "强化学习，提升能力。");
    EXPECT_EQ(p.items[1].text, "完善制度；");
    EXPECT_EQ(p.items[2].marker, "三是");
    EXPECT_TRUE(blocks_of(doc, BlockKind::heading).empty());
}

TEST(Outline, EnumerationsMustFollowTheirSequence) {
    const auto found = find_enumerators(fold(std::u32string(U"一是学习。三是落实。二是制度。")), 0);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].number, 1);
    EXPECT_EQ(found[1].number, 2);
    EXPECT_TRUE(find_enumerators(U"实现统一是目标", 0).empty());
}

TEST(Outline, LineWithOneEnumeratorIsAListItem) {
    const Document doc = parse("二、下一步工作打算\n一是持续学习,不断增强法治意识。\n二是 遵规守法。\n");
    const auto items = blocks_of(doc, BlockKind::list_item);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0]->marker, "一是");
    EXPECT_EQ(items[0]->text, "持续学习，不断增强法治意识。");
    EXPECT_EQ(items[1]->text, "遵规守法。");
}

TEST(Outline, LongNumberedSentenceIsNotAHeading) {
    std::string text = "1.";
    for (int i = 0; i < 90; ++i) text += "字";
    text += "。后文。\n";
    const Document doc = parse(text);
    EXPECT_TRUE(blocks_of(doc, BlockKind::heading).empty());
}

TEST(Outline, TraditionalHeadingsAreFoundThroughTheSimplifiedView) {
    const Document doc = parse("一、本年度推進依法行政工作的舉措和成效\n(一)加強組織保障。一是履行職責。\n");
    const auto h = blocks_of(doc, BlockKind::heading);
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(h[0]->text, "本年度推進依法行政工作的舉措和成效");  // script kept
    EXPECT_EQ(h[1]->text, "加強組織保障。");
}

TEST(Outline, SpansPointAtTheSourceText) {
    const std::string text = "标题报告\n\n(一)强化领导。一是调整。二是制定。\n";
    const Document doc = parse(text);
    for (const Block& b : doc.blocks) {
        const std::string src = test::slice(text, b.span);
        EXPECT_NE(src.find(b.text), std::string::npos) << src << " / " << b.text;
    }
    const Block& p = doc.blocks.back();
    ASSERT_EQ(p.items.size(), 2u);
    EXPECT_EQ(test::slice(text, p.items[1].span), "二是制定。");
}

std::vector<std::string> top_headings(const Document& doc) {
    std::vector<std::string> out;
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::heading && b.level == 1) out.push_back(b.marker + b.text);
    return out;
}

// A crawler ran the page into one line: the 一、二、三、 after full stops are the headings, each
// ending where the source had a space, a sub-heading's bracket, or the name of a part the report
// says it is made of (本报告由…组成).
TEST(Outline, HeadingsInsideALineRunTogether) {
    std::string filler;
    for (int i = 0; i < 12; ++i) filler += "各单位认真落实公开要求，持续完善工作机制，稳步推进各项工作。";
    const std::string text = "本报告由概述、主动公开情况、存在的问题及改进情况共三个部分组成。" + filler +
                             " 一、 概述 " + filler + " 二、主动公开情况（一）公开数量 " + filler +
                             "三、存在的问题及改进情况目前，我局仍有不足。\n";
    const Document doc = parse(text);
    EXPECT_EQ(top_headings(doc),
              (std::vector<std::string>{"一、概述", "二、主动公开情况", "三、存在的问题及改进情况"}));
}

// Numbers after a full stop that do not run 一、二、… in order are no headings.
TEST(Outline, RunTogetherLineNeedsHeadingsInOrder) {
    std::string filler;
    for (int i = 0; i < 12; ++i) filler += "各单位认真落实公开要求，持续完善工作机制，稳步推进各项工作。";
    const Document doc = parse(filler + " 二、主动公开情况 " + filler + " 三、存在的问题 " + filler + "\n");
    EXPECT_TRUE(top_headings(doc).empty());
}

// A table's row labels numbered like headings (二、上年结转… over its numbers or with its cells
// beside it, a 三、 after the 三、 over the next label) are no part of the outline; a list of
// sentences numbered 一、二、 inside a part keeps its items.
TEST(Outline, TableRowLabelsAreNotTopLevelHeadings) {
    const Document doc = parse(
        "一、总体情况\n我局推进公开工作。\n"
        "二、收到和处理申请情况\n申请人情况\n"
        "一、本年新收申请数量\n\n12\n\n"
        "二、上年结转申请数量      0      0\n"
        "二、部分公开\n三、结转下年度继续办理\n\n3\n\n"
        "三、存在的主要问题\n仍有不足。\n"
        "四、其他需要报告的事项\n无。\n");
    EXPECT_EQ(top_headings(doc), (std::vector<std::string>{"一、总体情况", "二、收到和处理申请情况",
                                                           "三、存在的主要问题", "四、其他需要报告的事项"}));
}

// Markdown headings are headings at the level their numbering says, whatever the # count.
TEST(Outline, MarkdownHeadingsTakeTheLevelOfTheirNumbering) {
    const Document doc = parse(
        "# 某某局2023年工作情况报告\n"
        "### 一、主要工作\n"
        "#### （一）加强领导\n"
        "全年召开会议5次。\n"
        "## 二、存在问题\n"
        "仍有不足。\n");
    EXPECT_EQ(top_headings(doc), (std::vector<std::string>{"一、主要工作", "二、存在问题"}));
    bool second_level = false;
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::heading && b.marker == "（一）") second_level = b.level == 2;
    EXPECT_TRUE(second_level);
}

// An appendix at the end that numbers its own parts from 一、 is not the report's outline, and
// the signature above it is still the report's.
TEST(Outline, AnAppendixNumberingItsOwnPartsIsNotTheOutline) {
    const Document doc = parse(
        "某某县人民政府关于2023年法治政府建设情况的报告\n"
        "一、主要做法\n全县坚持依法行政。\n"
        "二、下一步打算\n继续努力。\n"
        "某某县人民政府\n2024年2月1日\n"
        "附件1\n"
        "某某县重点任务清单\n"
        "一、任务一\n二、任务二\n三、任务三\n");
    EXPECT_EQ(top_headings(doc), (std::vector<std::string>{"一、主要做法", "二、下一步打算"}));
    EXPECT_EQ(doc.metadata.signed_date.value, "2024-02-01");
    // An attachment line inside the report, its numbering going on after it, is no appendix.
    const Document inside = parse(
        "某某县人民政府关于2023年工作情况的报告\n"
        "一、主要做法\n全县坚持依法行政。\n"
        "附件1：某某表\n"
        "表中为全年数据。\n"
        "二、下一步打算\n继续努力。\n");
    EXPECT_EQ(top_headings(inside), (std::vector<std::string>{"一、主要做法", "二、下一步打算"}));
}

// A 统计公报's sections numbered 01, 02, 03… each alone on its line are its top-level headings;
// numbers out of sequence or fewer than three are not.
TEST(Outline, TwoDigitSectionsInSequenceAreTopLevelHeadings) {
    const Document doc = parse(
        "某省2022年国民经济和社会发展统计公报\n"
        "2022年，全省经济平稳运行。\n"
        "01综合\n全年地区生产总值增长4.7%。\n"
        "02农业\n全年粮食产量增长1.2%。\n"
        "03工业和建筑业\n全年工业增加值增长5.5%。\n");
    EXPECT_EQ(top_headings(doc), (std::vector<std::string>{"01综合", "02农业", "03工业和建筑业"}));
    const Document two =
        parse("某省统计公报\n2022年，全省经济平稳运行。\n01综合\n全年增长4.7%。\n02农业\n全年增长1.2%。\n");
    EXPECT_TRUE(top_headings(two).empty());
    const Document out_of_order =
        parse("某省统计公报\n2022年，全省经济平稳运行。\n02综合\n增长。\n03农业\n增长。\n04工业\n增长。\n");
    EXPECT_TRUE(top_headings(out_of_order).empty());
}

}  // namespace
}  // namespace gongwen
