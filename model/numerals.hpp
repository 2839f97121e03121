// Numbers as Chinese reports write them — Arabic with separators and decimals, Chinese
// numerals, scale words (万, 亿) — read into exact decimal strings, never binary floating point:
// 16.4亿 must be 1640000000, not 1639999999.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "gongwen/decimal.hpp"

namespace gongwen {

// A number read from the analysis view, before its unit.
struct Numeral {
    std::size_t end = 0;    // position after the numeral (scale words included)
    std::string min;        // exact decimal; the value
    std::string max;        // a range's upper bound (两三, 三十几万), else empty
    std::string infix;      // 余 or 多 standing between the number and its scale (十余万)
    int power = 0;          // scale words read after the number (万 = 4, 亿 = 8)
    bool scaled = false;    // multiplied by 万 or 亿 somewhere (一万二千, 1.2亿)
    bool chinese = false;   // written in Chinese numerals
    bool lone_one = false;  // exactly 一 (mostly an article: 一批, 一项重要工作)
    bool lone_two = false;  // exactly 二 (二次, 二期, 二级: a rank, not a count)
};

// Reads an Arabic number at view[pos] ("6,413", "9.98", "1.2万亿", "6600多万"), or nothing.
std::optional<Numeral> read_arabic(std::u32string_view view, std::size_t pos);
// Reads a Chinese numeral at view[pos] ("二十二", "一百零五", "十余万", "两三", "三十几万",
// "三点五"), or nothing. Scale characters alone (百, 千, 万) are not numbers unless 余/多
// follows (百余家).
// `scale_alone` lets 千亿 stand for 一千亿, as after a qualifier (超千亿元).
std::optional<Numeral> read_chinese(std::u32string_view view, std::size_t pos, bool scale_alone = false);

bool is_chinese_digit(char32_t cp);  // 零〇一二三四五六七八九两几
bool is_scale_char(char32_t cp);     // 十百千万亿

}  // namespace gongwen
