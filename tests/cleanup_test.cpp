#include <gtest/gtest.h>
#include <unicode/translit.h>

#include <memory>
#include <string>
#include <vector>

#include "gongwen/unicode.hpp"
#include "model/line.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

using test::diagnostic_count;
using test::parse;

TEST(Cleanup, RemovesPinyinAnnotationsAfterCharacters) {
    const Document doc = parse("深入學(xué)習(xí)貫徹習(xí)近平法治思想,認(rèn)真落實(shí)。\n");
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(doc.blocks[0].text, "深入學習貫徹習近平法治思想，認真落實。");
    EXPECT_EQ(diagnostic_count(doc, "pinyin_removed"), 5u);
    EXPECT_EQ(diagnostic_count(doc, "punctuation_widened"), 1u);  // the comma; the pinyin brackets went
}

TEST(Cleanup, KeepsParenthesesThatAreNotPinyin) {
    // Kept, in the full-width form of brackets in Chinese text.
    const Document doc = parse("《管理辦法(試行)》(2021-2025年)和附件(a)及OA(系统)。\n");
    EXPECT_EQ(doc.blocks[0].text, "《管理辦法（試行）》（2021-2025年）和附件（a）及OA（系统）。");
    EXPECT_EQ(diagnostic_count(doc, "pinyin_removed"), 0u);
}

TEST(Cleanup, RemovesSpacesBetweenChineseCharactersOnly) {
    const Document doc = parse("加大 科技 财 政投入,使用 OA 系统 和 Windows 10 平台。\n");
    EXPECT_EQ(doc.blocks[0].text, "加大科技财政投入，使用 OA 系统和 Windows 10 平台。");
    EXPECT_EQ(diagnostic_count(doc, "cjk_space_removed"), 4u);
}

TEST(Cleanup, KeepsOneSpaceBetweenFieldsOfAShortLine) {
    // A post and a name, two parts of a title: short lines that are not sentences.
    const Document doc =
        parse("政府工作报告\n广东省省长  孟凡利\n第一部分　总体情况\n现在，我代表省人民政府，向大会报告工作。\n");
    ASSERT_GE(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[1].text, "广东省省长 孟凡利");
    EXPECT_EQ(doc.blocks[2].text, "第一部分 总体情况");
    EXPECT_EQ(diagnostic_count(doc, "cjk_space_removed"), 0u);
}

TEST(Cleanup, RemovesSpacesOfLetterSpacedTextLabelsAndMarkers) {
    const Document doc = parse(
        "法 治 政 府 建 设 报 告\n标 题：依法行政工作报告\n一 、总体情况\n局长 张 三\n坚持 依法行政，推进 "
        "法治建设。\n");
    ASSERT_GE(doc.blocks.size(), 4u);
    EXPECT_EQ(doc.blocks[0].text, "法治政府建设报告");
    std::string all;
    for (const Block& b : doc.blocks) all += b.marker + b.text + "|";
    for (const ExtraField& e : doc.metadata.extra) all += e.key + "=" + e.value + "|";
    EXPECT_EQ(all.find(" "), std::string::npos) << all;
}

TEST(Cleanup, InvisibleJoinersAreSpaceNotText) {
    // A zero-width joiner a web page left after the colon must not hide the addressee.
    const Document doc = parse("政府工作报告\n各位代表：\u200d\n现在，我代表国务院，向大会报告政府工作。\u2060\n");
    ASSERT_EQ(doc.blocks.size(), 3u);
    EXPECT_EQ(doc.blocks[1].kind, BlockKind::addressee);
    EXPECT_EQ(doc.blocks[1].text, "各位代表：");
    EXPECT_EQ(doc.metadata.addressee.value, "各位代表");
    EXPECT_EQ(doc.blocks[2].text, "现在，我代表国务院，向大会报告政府工作。");
}

TEST(Cleanup, FlagsMojibakeWithoutChangingIt) {
    const std::string line = "該《條例》于2025年1月1日起施行?!稐l例》是常州市科技創新領域一部法規。\n";
    const Document doc = parse(line);
    EXPECT_EQ(doc.blocks[0].text + "\n", line);
    EXPECT_EQ(diagnostic_count(doc, "mojibake_suspected"), 1u);
    const Diagnostic& d = doc.diagnostics.back();
    ASSERT_EQ(d.spans.size(), 1u);
    EXPECT_NE(test::slice(line, d.spans[0]).find("?!稐l"), std::string::npos);
}

TEST(Cleanup, OrdinaryQuestionMarksAreNotMojibake) {
    const Document doc = parse("这是为什么? 我们认为 (a)?\n是否完成?\n");
    EXPECT_EQ(diagnostic_count(doc, "mojibake_suspected"), 0u);
}

TEST(Cleanup, FullWidthDigitsAreReadForAnalysisButKeptForDisplay) {
    const Document doc = parse("２０２３年度工作报告\n１．完善制度。正文。\n");
    const auto h = test::blocks_of(doc, BlockKind::heading);
    ASSERT_EQ(h.size(), 1u);
    EXPECT_EQ(h[0]->marker, "１．");
    EXPECT_EQ(doc.metadata.year.value, "2023");
    EXPECT_GT(diagnostic_count(doc, "fullwidth_folded"), 0u);
}

// looks_mis_decoded rejects every character that cannot be a sign before looking at its
// neighbours: each sign beside Han and away from it, and characters that are never one.
TEST(Cleanup, SignsOfMisDecodedTextAndNothingElse) {
    const std::u32string t = U"中\uFFFD文\u2500字\uE000词?词a字 ? a \u2500 ?! A字b!";
    std::vector<std::size_t> signs;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (looks_mis_decoded(t, i)) signs.push_back(i);
    EXPECT_EQ(signs, (std::vector<std::size_t>{1, 3, 5, 7, 9}));
}

TEST(Fold, MapsTraditionalToSimplifiedOneToOne) {
    const std::u32string t = U"推進依法行政工作的舉措和成效";
    const std::u32string s = fold(t);
    EXPECT_EQ(s, U"推进依法行政工作的举措和成效");
    EXPECT_EQ(fold(U'Ａ'), U'A');
    EXPECT_EQ(fold(U'：'), U':');
}

// to_traditional() compiles the rules of ICU's Simplified-Traditional itself (taken from ICU at
// build time); it must convert as the transliterator ICU makes by that name does, words and
// context rules included.
TEST(Traditional, ConvertsAsIcusSimplifiedTraditional) {
    EXPECT_EQ(to_traditional("某区2023年度政府信息公开工作年度报告"), "某區2023年度政府信息公開工作年度報告");
    EXPECT_EQ(to_traditional("生姜和姜"), "生薑和姜");              // a word's rule before the character's
    EXPECT_EQ(to_traditional("十余人"), "十餘人");                  // 余 after a numeral
    EXPECT_EQ(to_traditional("三万余人"), "三萬余人");              // ... as the text left of it already reads
    EXPECT_EQ(to_traditional("周一开会，每周"), "週一開會，每周");  // 周 before a numeral
    EXPECT_EQ(to_traditional("abc 1,2"), "abc 1,2");
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::Transliterator> icu_own(
        icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
    ASSERT_TRUE(U_SUCCESS(status) && icu_own);
    for (const char* text :
         {"昆仑山下的茶余饭后，一周三次，干部于归", "姜片、余额、海里、只有、出戏", "發展和发展", ""}) {
        icu::UnicodeString expected = icu::UnicodeString::fromUTF8(text);
        icu_own->transliterate(expected);
        std::string want;
        expected.toUTF8String(want);
        EXPECT_EQ(to_traditional(text), want) << text;
    }
}

TEST(Numerals, ParsesChineseAndArabic) {
    EXPECT_EQ(parse_numeral(U"十二"), 12);
    EXPECT_EQ(parse_numeral(U"二十一"), 21);
    EXPECT_EQ(parse_numeral(U"十"), 10);
    EXPECT_EQ(parse_numeral(U"九"), 9);
    EXPECT_EQ(parse_numeral(U"12"), 12);
    EXPECT_EQ(parse_numeral(U"x"), -1);
}

}  // namespace
}  // namespace gongwen
