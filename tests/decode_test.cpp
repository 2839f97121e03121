#include "gongwen/decode.hpp"

#include "gongwen/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gongwen {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Seed {
    std::string name;
    std::string text;
};

const std::vector<Seed>& seeds() {
    static const std::vector<Seed> all = [] {
        std::vector<Seed> v;
        for (const auto& entry : fs::directory_iterator(fs::path(GONGWEN_FIXTURES) / "seeds"))
            if (entry.path().extension() == ".txt")
                v.push_back({entry.path().filename().string(), read_bytes(entry.path())});
        std::sort(v.begin(), v.end(), [](const Seed& a, const Seed& b) { return a.name < b.name; });
        return v;
    }();
    return all;
}

const Seed& seed_starting_with(const std::string& prefix) {
    for (const auto& s : seeds())
        if (s.name.starts_with(prefix)) return s;
    throw std::runtime_error("no seed " + prefix);
}

// Runs decode() expecting an Error; returns it (fails the test if none is thrown).
Error decode_error(std::string_view bytes, const std::string& name) {
    try {
        const Decoded d = decode(bytes, name);
        ADD_FAILURE() << "decode() accepted the input as " << d.charset;
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), name);
        EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
        return e;
    }
    return Error(name, "");
}

#define EXPECT_MESSAGE_HAS(error, fragment) \
    EXPECT_NE(std::string((error).what()).find(fragment), std::string::npos) << (error).what()

// Removes pinyin annotations such as "(xué)": parentheses around ASCII lower-case letters and
// two-byte UTF-8 sequences (Latin letters with tone marks).
std::string strip_pinyin(const std::string& line) {
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == '(') {
            std::size_t j = i + 1;
            bool pinyin = true;
            while (j < line.size() && line[j] != ')') {
                const auto c = static_cast<unsigned char>(line[j]);
                if (c >= 'a' && c <= 'z') {
                    ++j;
                } else if (c >= 0xC2 && c <= 0xDF && j + 1 < line.size()) {
                    j += 2;
                } else {
                    pinyin = false;
                    break;
                }
            }
            if (pinyin && j < line.size() && j > i + 1) {
                i = j + 1;
                continue;
            }
        }
        out.push_back(line[i++]);
    }
    return out;
}

bool big5_can_encode(const std::string& text) {
    try {
        encode(text, "Big5");
        return true;
    } catch (const Error&) {
        return false;
    }
}

// A few lines of the Traditional Chinese seed, without pinyin, that Big5 can represent.
std::string big5_passage() {
    std::istringstream lines(seed_starting_with("004").text);
    std::string line, passage;
    int taken = 0;
    while (taken < 4 && std::getline(lines, line)) {
        line = strip_pinyin(line);
        if (line.empty() || !big5_can_encode(line)) continue;
        passage += line + "\n";
        ++taken;
    }
    return passage;
}

TEST(Decode, SeedFixturesArePresent) {
    ASSERT_EQ(seeds().size(), 5u);
    for (const auto& s : seeds()) EXPECT_GT(s.text.size(), 1000u) << s.name;
}

TEST(Decode, AcceptsPlainUtf8Unchanged) {
    for (const auto& s : seeds()) {
        SCOPED_TRACE(s.name);
        const Decoded d = decode(s.text, s.name);
        EXPECT_EQ(d.text, s.text);
        EXPECT_EQ(d.charset, "UTF-8");
        EXPECT_FALSE(d.guessed);
    }
}

TEST(Decode, TreatsAsciiAsUtf8) {
    const Decoded d = decode("Report 2023\r\nline two\n", "a.txt");
    EXPECT_EQ(d.text, "Report 2023\r\nline two\n");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_FALSE(d.guessed);
}

TEST(Decode, StripsUtf8ByteOrderMark) {
    for (const auto& s : seeds()) {
        SCOPED_TRACE(s.name);
        const Decoded d = decode("\xEF\xBB\xBF" + s.text, s.name);
        EXPECT_EQ(d.text, s.text);
        EXPECT_EQ(d.charset, "UTF-8");
        EXPECT_FALSE(d.guessed);
    }
}

TEST(Decode, DecodesUtf16LittleEndianWithBom) {
    for (const auto& s : seeds()) {
        SCOPED_TRACE(s.name);
        const std::string bytes = "\xFF\xFE" + encode(s.text, "UTF-16LE");
        ASSERT_EQ(bytes.size() % 2, 0u);
        const Decoded d = decode(bytes, s.name);
        EXPECT_EQ(d.text, s.text);
        EXPECT_EQ(d.charset, "UTF-16LE");
        EXPECT_FALSE(d.guessed);
    }
}

TEST(Decode, DecodesUtf16BigEndianWithBom) {
    for (const auto& s : seeds()) {
        SCOPED_TRACE(s.name);
        const Decoded d = decode("\xFE\xFF" + encode(s.text, "UTF-16BE"), s.name);
        EXPECT_EQ(d.text, s.text);
        EXPECT_EQ(d.charset, "UTF-16BE");
        EXPECT_FALSE(d.guessed);
    }
}

TEST(Decode, DecodesUtf32WithBomBeforeUtf16) {
    const Seed& s = seeds().front();
    const Decoded le = decode("\xFF\xFE\x00\x00"s + encode(s.text, "UTF-32LE"), s.name);
    EXPECT_EQ(le.text, s.text);
    EXPECT_EQ(le.charset, "UTF-32LE");
    const Decoded be = decode("\x00\x00\xFE\xFF"s + encode(s.text, "UTF-32BE"), s.name);
    EXPECT_EQ(be.text, s.text);
    EXPECT_EQ(be.charset, "UTF-32BE");
    EXPECT_FALSE(be.guessed);
}

TEST(Decode, DecodesSupplementaryCharactersInUtf16) {
    const std::string text = "数据\xF0\xA0\x80\x80\xF0\x9F\x98\x80\n";  // U+20000, U+1F600
    const Decoded d = decode("\xFF\xFE" + encode(text, "UTF-16LE"), "s.txt");
    EXPECT_EQ(d.text, text);
}

TEST(Decode, DetectsGb18030WithoutDeclaration) {
    for (const auto& s : seeds()) {
        SCOPED_TRACE(s.name);
        const std::string bytes = encode(s.text, "GB18030");
        ASSERT_NE(bytes, s.text);
        const Decoded d = decode(bytes, s.name);
        EXPECT_EQ(d.charset, "GB18030");
        EXPECT_TRUE(d.guessed);
        EXPECT_EQ(d.text, s.text);
    }
}

TEST(Decode, DetectsBig5TraditionalText) {
    const std::string passage = big5_passage();
    ASSERT_GT(passage.size(), 300u);
    ASSERT_NE(passage.find("法治政府"), std::string::npos);  // really the seed's text
    ASSERT_EQ(passage.find("(xu"), std::string::npos);       // pinyin removed
    const std::string bytes = encode(passage, "Big5");
    const Decoded d = decode(bytes, "004.big5.txt");
    EXPECT_EQ(d.charset, "Big5");
    EXPECT_TRUE(d.guessed);
    EXPECT_EQ(d.text, passage);
}

TEST(Decode, DetectsShortGbkLineAsGb18030) {
    const std::string line = "市科技局关于二〇二三年度法治政府建设工作情况的报告已经局党组会议审议通过";
    const std::string bytes = encode(line, "GBK");
    ASSERT_EQ(bytes.size() * 3, line.size() * 2);  // two bytes per character
    const Decoded d = decode(bytes, "short.txt");
    EXPECT_EQ(d.charset, "GB18030");
    EXPECT_TRUE(d.guessed);
    EXPECT_EQ(d.text, line);
}

TEST(Decode, PrefersFrequentCharactersWhenIcuHasNoOpinion) {
    // Too short for ICU's statistics; both byte strings decode cleanly as GB18030 and as Big5,
    // and only the frequent-character count tells them apart.
    const std::string traditional = "政府工作報告", simplified = "政府工作报告";
    const Decoded big5 = decode(encode(traditional, "Big5"), "t.txt");
    EXPECT_EQ(big5.charset, "Big5");
    EXPECT_EQ(big5.text, traditional);
    const Decoded gb = decode(encode(simplified, "GB18030"), "s.txt");
    EXPECT_EQ(gb.charset, "GB18030");
    EXPECT_EQ(gb.text, simplified);
}

TEST(Decode, KeepsLineEndingsOfGuessedText) {
    const std::string text = "一、主要举措\r\n二、存在问题\r\n三、下一步工作计划\n";
    const Decoded d = decode(encode(text, "GB18030"), "crlf.txt");
    EXPECT_EQ(d.charset, "GB18030");
    EXPECT_EQ(d.text, text);
}

TEST(Decode, DecodesUtf16WithoutBomWhenItReadsAsText) {
    const Seed& s = seeds().front();
    const Decoded le = decode(encode(s.text, "UTF-16LE"), s.name);
    EXPECT_EQ(le.charset, "UTF-16LE");
    EXPECT_TRUE(le.guessed);
    EXPECT_EQ(le.text, s.text);
    const Decoded be = decode(encode(s.text, "UTF-16BE"), s.name);
    EXPECT_EQ(be.charset, "UTF-16BE");
    EXPECT_EQ(be.text, s.text);
}

TEST(Decode, RejectsEmptyFile) {
    const Error e = decode_error("", "empty.txt");
    EXPECT_EQ(e.reason(), "empty file");
}

TEST(Decode, RejectsFileWithOnlyByteOrderMark) {
    const Error e = decode_error("\xEF\xBB\xBF", "bom.txt");
    EXPECT_MESSAGE_HAS(e, "empty file");
    const Error e16 = decode_error("\xFF\xFE", "bom16.txt");
    EXPECT_MESSAGE_HAS(e16, "empty file");
}

TEST(Decode, RejectsPngImageAsBinary) {
    std::string png = "\x89PNG\r\n\x1a\n"s + "\x00\x00\x00\x0dIHDR\x00\x00\x01\x00"s;
    for (int i = 0; i < 200; ++i) png.push_back(static_cast<char>(i * 37));
    const Error e = decode_error(png, "logo.png");
    EXPECT_MESSAGE_HAS(e, "binary data");
    EXPECT_MESSAGE_HAS(e, "PNG");
    EXPECT_MESSAGE_HAS(e, "offset 0");
}

TEST(Decode, RejectsNulBytesAsBinary) {
    const Error e = decode_error(std::string(4096, '\0'), "zeros.bin");
    EXPECT_MESSAGE_HAS(e, "binary data");
    EXPECT_MESSAGE_HAS(e, "NUL byte at offset 0");
}

TEST(Decode, RejectsStrayNulInUtf8TextAsBinary) {
    std::string text = seeds().front().text;
    text.insert(1001, 1, '\0');
    const Error e = decode_error(text, "nul.txt");
    EXPECT_MESSAGE_HAS(e, "NUL byte at offset 1001");
}

TEST(Decode, RejectsStrayNulsInAsciiTextAsBinary) {
    // Even length, NUL bytes on one parity: shaped like UTF-16, but it does not read as text.
    std::string text;
    for (int i = 0; i < 4; ++i) text += "The annual report on law-based government, 2023.\n";
    ASSERT_EQ(text.size() % 2, 0u);
    text[10] = '\0';
    text[40] = '\0';
    const Error e = decode_error(text, "nul-ascii.txt");
    EXPECT_MESSAGE_HAS(e, "NUL byte at offset 10");
}

TEST(Decode, RejectsControlCharactersAsBinary) {
    std::string text(2000, 'a');
    for (std::size_t i = 100; i < text.size(); i += 50) text[i] = '\x01';
    const Error e = decode_error(text, "ctl.txt");
    EXPECT_MESSAGE_HAS(e, "binary data");
    EXPECT_MESSAGE_HAS(e, "0x01 at offset 100");
}

// The control characters are counted eight bytes at a time where none is below 0x20: every one
// is still counted, at any place in a word of eight, among multi-byte characters, tabs and
// line breaks (which are allowed).
TEST(Decode, CountsEveryControlCharacterAmongChineseText) {
    for (std::size_t shift = 0; shift < 8; ++shift) {
        std::string text(shift, 'x');
        for (int unit = 0; unit < 250; ++unit) text += unit % 3 == 0 ? "中文a\t" : "中文a\n";  // 8 bytes
        for (std::size_t j = 12; j < 37; ++j) text[shift + 6 + 8 * j] = '\x01';
        const Error e = decode_error(text, "ctl.txt");
        EXPECT_MESSAGE_HAS(e, "25 control characters in the first " + std::to_string(text.size()) +
                                  " bytes, the first 0x01 at offset " + std::to_string(shift + 102));
    }
}

TEST(Decode, ReportsTruncatedUtf8AtItsOffset) {
    const std::string& text = seeds().front().text;
    const std::string cut = text + "\xE4\xB8";  // first two bytes of 中
    const Error e = decode_error(cut, "cut.txt");
    EXPECT_MESSAGE_HAS(e, "truncated UTF-8");
    EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(text.size()));
}

TEST(Decode, ReportsTruncatedShortUtf8InsteadOfGuessingGb18030) {
    // These bytes happen to be valid GB18030 (as mojibake); the valid UTF-8 before the cut
    // shows what the file really is.
    const std::string text = "政府工作报告";
    const Error e = decode_error(text + "\xE5\xB7", "short-cut.txt");
    EXPECT_MESSAGE_HAS(e, "truncated UTF-8");
    EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(text.size()));
}

TEST(Decode, ReportsTruncatedGb18030AtItsOffset) {
    const std::string prefix = encode(seed_starting_with("002").text, "GB18030");
    const std::string next = encode("中", "GB18030");
    ASSERT_EQ(next.size(), 2u);
    const Error e = decode_error(prefix + next.substr(0, 1), "cut-gb.txt");
    EXPECT_MESSAGE_HAS(e, "truncated GB18030");
    EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(prefix.size()));
}

TEST(Decode, ReportsInvalidUtf8InsideValidText) {
    std::string text = seeds().front().text;
    const std::size_t at = text.find("\xE6\x8A\xA5", 500);  // 报
    ASSERT_NE(at, std::string::npos);
    text[at + 1] = 'x';
    const Error e = decode_error(text, "bad.txt");
    EXPECT_MESSAGE_HAS(e, "invalid UTF-8");
    EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(at));
}

TEST(Decode, RejectsUtf8OverlongsSurrogatesAndOutOfRange) {
    // After plenty of valid UTF-8 the file is known to be UTF-8, so the error names the offset.
    const std::string& prefix = seeds().front().text;
    for (const auto& bad :
         {"\xC0\xAF"s, "\xE0\x80\xAF"s, "\xED\xA0\x80"s, "\xF4\x90\x80\x80"s, "\xF8\x88\x80\x80\x80"s, "\x80"s}) {
        const Error e = decode_error(prefix + bad + " tail\n", "strict.txt");
        EXPECT_MESSAGE_HAS(e, "invalid UTF-8");
        EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(prefix.size()));
    }
}

TEST(Decode, RejectsUtf16WithOddLength) {
    const std::string bytes = "\xFF\xFE" + encode("法治政府", "UTF-16LE") + "\x31";
    const Error e = decode_error(bytes, "odd16.txt");
    EXPECT_MESSAGE_HAS(e, "UTF-16LE");
    EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(bytes.size() - 1));
}

TEST(Decode, RejectsUnpairedSurrogateInUtf16) {
    const std::string bytes = "\xFE\xFF"s + "\x4E\x2D"s + "\xD8\x3D"s + "\x00\x41"s;
    const Error e = decode_error(bytes, "sur16.txt");
    EXPECT_MESSAGE_HAS(e, "surrogate");
    EXPECT_MESSAGE_HAS(e, "offset 4");
}

TEST(Decode, RejectsStrayByteThatIcuBig5WouldMapToAControl) {
    // ICU's "Big5" (windows-950) maps a lone 0x80 to U+0080; that is not Big5 text.
    const std::string head = encode("政府工作報告", "Big5");
    const Error e = decode_error(head + "\x80" + encode("依法行政", "Big5"), "b5.txt");
    EXPECT_MESSAGE_HAS(e, "cannot decode");
    EXPECT_MESSAGE_HAS(e, "offset " + std::to_string(head.size()));
}

TEST(Decode, NeverAcceptsLatinSingleByteCharsets) {
    // Latin-1 text is not valid GB18030/Big5 here (0xE9 before a space or at the end).
    const Error e = decode_error("caf\xE9 au lait, r\xE9sum\xE9", "latin.txt");
    EXPECT_MESSAGE_HAS(e, "cannot decode");
    EXPECT_MESSAGE_HAS(e, "tried UTF-8, GB18030, Big5");
}

TEST(Encode, RoundTripsThroughGb18030) {
    const std::string text = "法治政府 © 2023\xC2\xA0年";
    const std::string bytes = encode(text, "GB18030");
    EXPECT_EQ(decode(bytes, "x").text, text);
}

TEST(Encode, ThrowsForCharacterBig5CannotRepresent) {
    try {
        encode("设计", "Big5");  // simplified 设 has no Big5 code
        FAIL() << "encode() accepted a Simplified-only character";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "character U+8BBE cannot be encoded in Big5");
    }
}

TEST(Encode, ThrowsForUnknownCharset) { EXPECT_THROW(encode("abc", "no-such-charset"), Error); }

// A charset the file declares: strict, or with U+FFFD for what does not decode.
TEST(DecodeAs, FollowsTheDeclaredCharsetStrictly) {
    const std::string gbk = encode("政府信息公开", "GB18030");
    const Decoded d = decode_as(gbk, "GB18030", "page.html");
    EXPECT_EQ(d.text, "政府信息公开");
    EXPECT_EQ(d.charset, "GB18030");
    EXPECT_FALSE(d.guessed);
    try {
        decode_as(gbk, "UTF-8", "page.html");
        ADD_FAILURE() << "GBK bytes accepted as UTF-8";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), "page.html");
        EXPECT_NE(e.reason().find("offset 0"), std::string::npos) << e.reason();
    }
    std::size_t replaced = 0;
    const Decoded r = decode_replacing(gbk + "\xFF" + gbk, "GB18030", replaced);
    EXPECT_EQ(replaced, 1u);
    EXPECT_EQ(r.text, "政府信息公开\xEF\xBF\xBD政府信息公开");
}

}  // namespace
}  // namespace gongwen
