// Exact decimal arithmetic on the decimal strings of Fact::value: no binary floating point,
// so that 16.4亿 is 1640000000, never 1639999999.
#pragma once

#include <string>
#include <string_view>

namespace gongwen {

// "0012.500" → "12.5", "-0" → "0", "7." → "7". The input is digits with at most one point
// and an optional leading minus.
std::string normalize_decimal(std::string_view text);
// `decimal` × 10^power, normalized: shift_decimal("9.98", 4) == "99800",
// shift_decimal("8800000", -4) == "880".
std::string shift_decimal(std::string_view decimal, int power);
// Exact sum of two non-negative decimals, normalized.
std::string add_decimals(std::string_view a, std::string_view b);
// <0, 0, >0 as a is less than, equal to or greater than b (non-negative decimals).
int compare_decimals(std::string_view a, std::string_view b);

}  // namespace gongwen
