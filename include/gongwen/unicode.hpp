// Small Unicode helpers over UTF-8 and UTF-32 used by the structure passes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongwen {

// Decodes the code point starting at text[pos] and advances pos. The input is valid UTF-8
// (it comes from decode()); a malformed byte is returned as itself so the loop always ends.
char32_t next_code_point(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);
std::string utf8_of(char32_t cp);
// Length of the valid UTF-8 sequence starting at s[i] (its code point in `cp`), or 0 when the
// byte there does not start one: overlong forms, surrogates and truncated sequences are invalid.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp);
std::u32string to_u32(std::string_view text);
std::string to_utf8(std::u32string_view text);
std::size_t count_code_points(std::string_view text);

// The character classes are inline: the passes ask them of nearly every character.

// CJK ideographs (unified, extensions, compatibility)
inline bool is_han(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}
// 。，、；：？！（）《》“”‘’【】… and full-width forms
inline bool is_cjk_punct(char32_t cp) {
    return (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2018 && cp <= 0x201F) ||
           cp == 0x2026 || cp == 0x2014 || cp == 0x00B7 || cp == 0x2022;
}
inline bool is_cjk(char32_t cp) { return is_han(cp) || is_cjk_punct(cp); }
// ASCII whitespace, NBSP, U+3000, other Unicode spaces and the invisible U+200B–U+200D, U+2060, U+FEFF
inline bool is_space(char32_t cp) {
    if (cp > 0x20 && cp < 0xA0) return false;  // printable ASCII and C1: most of what is asked
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x00A0 ||
           cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
           cp == 0xFEFF;
}
inline bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
inline bool is_ascii_alpha(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }
bool is_chinese_numeral(char32_t cp);  // 一二三四五六七八九十百千零〇两

// The analysis view of one code point: full-width ASCII folded to ASCII, U+3000 to a space,
// Traditional folded to Simplified. Always exactly one code point, so positions in a folded
// string are positions in the original.
char32_t fold(char32_t cp);
std::u32string fold(std::u32string_view text);
// fold(to_u32(text)) in one pass.
std::u32string to_folded_u32(std::string_view text);

// Converts Simplified `text` to Traditional (used when a Traditional document needs a derived
// string, such as an inferred title, in its own script).
std::string to_traditional(std::string_view text);

// Parses a Chinese or Arabic numeral ("十二", "二十一", "12"); returns -1 when it is not one.
int parse_numeral(std::u32string_view text);

std::u32string_view trim(std::u32string_view text);
// Columns `text` takes in a fixed-width (terminal) font: East Asian wide and full-width
// characters two, combining marks and invisible characters none, the rest one.
std::size_t display_width(std::u32string_view text);
// Without the ASCII spaces, tabs and line breaks at either end.
std::string_view trim_ascii(std::string_view text);
// Whether `text` is one or more ASCII digits.
bool all_digits(std::string_view text);

// `text` as a JSON string, quotes included (RFC 8259): ", \ and control characters escaped,
// bytes that are not valid UTF-8 written as U+FFFD (JSON text is UTF-8).
void append_json_string(std::string& out, std::string_view text);
std::string json_quote(std::string_view text);
// `text` for XML element content or a double-quoted attribute: & < > " escaped; characters
// XML 1.0 cannot carry at all (C0 controls other than tab and line breaks) dropped.
std::string xml_escape(std::string_view text);

}  // namespace gongwen
