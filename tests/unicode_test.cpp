// The UTF-8 helpers' fast paths against the plain byte-by-byte reading they replace.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gongwen/unicode.hpp"

namespace gongwen {
namespace {

std::size_t lead_bytes(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// The reading next_code_point documents, written out plainly: a lead byte takes
// as many bytes after it as it announces when there are that many, else it stands alone.
std::u32string decoded_plainly(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto b0 = static_cast<unsigned char>(text[pos]);
        std::size_t length = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
        if (pos + length > text.size()) length = 1;
        char32_t cp = length == 1 ? b0 : length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07;
        for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
        out.push_back(cp);
        pos += length;
    }
    return out;
}

std::u32string decoded_one_by_one(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
    return out;
}

// Valid text of every sequence length, at every offset from an eight-byte boundary, and
// malformed text: stray continuation bytes, a lead byte that swallows ASCII, one cut at the end.
std::vector<std::string> samples() {
    const std::vector<std::string> pieces = {"a",
                                             "é",
                                             "中",
                                             "𠀀",
                                             "\x80",
                                             "\xBF\xBF",
                                             "\xE4"
                                             "ab",
                                             "\xF0\x9F"};
    std::vector<std::string> out = {""};
    for (std::size_t shift = 0; shift < 9; ++shift)
        for (const std::string& p : pieces)
            for (const std::string& q : pieces) {
                out.push_back(std::string(shift, 'x') + p + q + "年度报告");
                out.push_back(std::string(shift, 'x') + p + std::string(9, 'y') + q);
            }
    return out;
}

TEST(Unicode, CountsCodePointsAsEveryByteIsRead) {
    for (const std::string& s : samples()) EXPECT_EQ(count_code_points(s), lead_bytes(s)) << s;
}

TEST(Unicode, DecodesAsNextCodePointDoesEvenMalformedText) {
    for (const std::string& s : samples()) {
        EXPECT_EQ(to_u32(s), decoded_one_by_one(s)) << s;
        EXPECT_EQ(to_u32(s), decoded_plainly(s)) << s;
    }
    // Three-byte sequences, the most read, with every lead byte, good and bad second and third
    // bytes, whole and cut at the end.
    for (int lead = 0xE0; lead <= 0xEF; ++lead)
        for (int b1 : {0x00, 0x41, 0x80, 0xB8, 0xBF, 0xC0, 0xFF})
            for (int b2 : {0x00, 0x7F, 0x80, 0xAD, 0xBF, 0xE4}) {
                const std::string whole = {static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2)};
                for (const std::string& s : {whole, whole.substr(0, 2), "a" + whole + "b", whole + whole})
                    EXPECT_EQ(to_u32(s), decoded_plainly(s));
            }
    EXPECT_EQ(to_u32("\xE4"
                     "ab"),
              std::u32string(1, U'\x4862'));                            // fewer code points than lead bytes
    EXPECT_EQ(to_u32("\x80\x80"), (std::u32string{U'\x80', U'\x80'}));  // more
    EXPECT_EQ(to_u32("\xE4\xB8"), (std::u32string{U'\xE4', U'\xB8'}));  // cut at the end
}

// to_utf8 writes in place the bytes append_utf8 appends, at every length's edges, for a lone
// surrogate and past U+10FFFF too.
TEST(Unicode, EncodesAsAppendUtf8Does) {
    const std::u32string text = {0x0,     0x7F,    0x80,     0x7FF,    0x800, 0xD800, 0xFFFF,
                                 0x10000, 0x20000, 0x10FFFF, 0x110000, U'中', U'a',   U'é'};
    std::string appended;
    for (char32_t cp : text) appended += utf8_of(cp);
    EXPECT_EQ(to_utf8(text), appended);
    for (std::size_t n = 0; n <= text.size(); ++n) {
        std::string head;
        for (char32_t cp : text.substr(0, n)) append_utf8(head, cp);
        EXPECT_EQ(to_utf8(text.substr(0, n)), head) << n;
    }
}

TEST(Unicode, ChineseNumeralsAreExactlyTheListedOnes) {
    const std::u32string numerals = U"一二三四五六七八九十百千零〇两";
    for (char32_t cp = 0; cp < 0x10000; ++cp)
        EXPECT_EQ(is_chinese_numeral(cp), numerals.find(cp) != std::u32string::npos) << static_cast<unsigned>(cp);
}

// is_space rejects printable ASCII before its list: the list, code point by code point.
TEST(Unicode, SpacesAreExactlyTheListedOnes) {
    const std::u32string spaces = U" \t\n\r\f\v\u00A0\u3000\u202F\u205F\u2060\uFEFF";
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        const bool listed = spaces.find(cp) != std::u32string::npos || (cp >= 0x2000 && cp <= 0x200D);
        EXPECT_EQ(is_space(cp), listed) << static_cast<unsigned>(cp);
    }
}

TEST(Unicode, FoldsAtTheEdgesOfEachRange) {
    const std::vector<std::pair<char32_t, char32_t>> cases = {
        {U'\x9F', U'\x9F'}, {U'\xA0', U' '},        {U'\xA1', U'\xA1'},     {U'\x2FFF', U'\x2FFF'},
        {U'\x3000', U' '},  {U'\x3001', U'\x3001'}, {U'\x33FF', U'\x33FF'}, {U'\x3400', U'\x3400'},
        {U'說', U'说'},     {U'\x9FFF', U'\x9FFF'}, {U'\xA000', U'\xA000'}, {U'\xFF00', U'\xFF00'},
        {U'\xFF01', U'!'},  {U'\xFF5E', U'~'},      {U'\xFF5F', U'\xFF5F'}, {U'\x20000', U'\x20000'},
    };
    for (const auto& [from, to] : cases) EXPECT_EQ(fold(from), to) << static_cast<unsigned>(from);
}

TEST(Unicode, FoldsAStringAsItsCodePoints) {
    for (const std::string& s : samples()) {
        const std::u32string u = to_u32(s + "　Ａ說明");
        std::u32string one_by_one;
        for (char32_t cp : u) one_by_one.push_back(fold(cp));
        EXPECT_EQ(fold(u), one_by_one);
        EXPECT_EQ(to_folded_u32(s + "　Ａ說明"), one_by_one);
    }
}

}  // namespace
}  // namespace gongwen
