#include "model/numerals.hpp"

#include <algorithm>
#include <cstdint>

#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

constexpr std::u32string_view kDigitChars = U"零一二三四五六七八九";
constexpr std::size_t kMaxDigits = 24;  // longer runs of digits are codes, never amounts

// Value of a Chinese digit character, or -1. 几 ("some") is read as 1 for a minimum and 9 for
// a maximum by the caller.
constexpr int digit_value(char32_t cp) {
    switch (cp) {  // kDigitChars, each at its value, and 〇 and 两
        case U'零':
        case U'〇': return 0;
        case U'一': return 1;
        case U'二':
        case U'两': return 2;
        case U'三': return 3;
        case U'四': return 4;
        case U'五': return 5;
        case U'六': return 6;
        case U'七': return 7;
        case U'八': return 8;
        case U'九': return 9;
        default: return -1;
    }
}
static_assert([] {
    for (std::size_t k = 0; k < kDigitChars.size(); ++k)
        if (digit_value(kDigitChars[k]) != static_cast<int>(k)) return false;
    return digit_value(U'〇') == 0 && digit_value(U'两') == 2 && digit_value(U'十') == -1 && digit_value(U'1') == -1;
}());

int scale_power(char32_t cp) {
    switch (cp) {
        case U'十': return 1;
        case U'百': return 2;
        case U'千': return 3;
        case U'万': return 4;
        case U'亿': return 8;
        default: return 0;
    }
}

// 千 and 百 before these are SI prefixes of a unit (千米, 千瓦, 千克) or 百分点, not scale words.
bool scale_belongs_to_unit(std::u32string_view view, std::size_t i) {
    if (i + 1 >= view.size()) return false;
    const char32_t next = view[i + 1];
    if (view[i] == U'千') return next == U'米' || next == U'瓦' || next == U'克' || next == U'伏' || next == U'帕';
    if (view[i] == U'百') return next == U'分';
    return false;
}

// Consumes scale words (万, 亿, 千万, 万亿…) after a number; returns the total power of ten.
int read_scale(std::u32string_view view, std::size_t& i, bool allow_ten) {
    int power = 0;
    while (i < view.size() && is_scale_char(view[i]) && (allow_ten || view[i] != U'十') &&
           !scale_belongs_to_unit(view, i)) {
        power += scale_power(view[i]);
        ++i;
    }
    return power;
}

bool is_infix(char32_t cp) { return cp == U'余' || cp == U'多'; }

// 余/多 followed by a scale word: "十余万", "6600多万".
bool infix_before_scale(std::u32string_view view, std::size_t i) {
    return i + 1 < view.size() && is_infix(view[i]) && (view[i + 1] == U'万' || view[i + 1] == U'亿');
}

struct ChineseParse {
    std::uint64_t value = 0;
    bool ranged = false;
    bool ok = true;
};

// Evaluates a Chinese integer; `high` picks the upper reading of a range (两三 → 3, 几 → 9).
ChineseParse evaluate_chinese(std::u32string_view core, bool high) {
    ChineseParse out;
    std::uint64_t total = 0;
    std::uint64_t section = 0;
    std::uint64_t number = 0;
    bool pending = false;  // `number` holds a digit not yet multiplied
    int last_digit = -1;
    int last_big = 0;  // the scale character just read, when it was 万 or 亿
    for (char32_t cp : core) {
        if (cp == U'几' || digit_value(cp) >= 0) {
            const int d = cp == U'几' ? (high ? 9 : 1) : digit_value(cp);
            if (pending) {
                // Two digits in a row: a range such as 两三 or 七八, ascending by one or two.
                if (out.ranged || cp == U'几' || d <= last_digit || d - last_digit > 2) out.ok = false;
                out.ranged = true;
                if (high) number = static_cast<std::uint64_t>(d);
            } else {
                number = static_cast<std::uint64_t>(d);
            }
            if (cp == U'几') out.ranged = true;
            pending = d != 0 || cp == U'几';
            last_digit = d;
            last_big = 0;
            continue;
        }
        const int power = scale_power(cp);
        if (power == 0) {
            out.ok = false;
            break;
        }
        if (power < 4) {
            std::uint64_t unit = 1;
            for (int k = 0; k < power; ++k) unit *= 10;
            section += (pending ? number : 1) * unit;
        } else if (power == 4 && last_big == 4 && section == 0 && number == 0) {
            total *= 10000;  // 六万万 = 6 亿, as older texts write it
        } else {
            section += number;
            if (power == 4)
                total += section * 10000;
            else
                total = (total + section) * 100000000ULL;
            section = 0;
        }
        last_big = power;
        number = 0;
        pending = false;
        last_digit = -1;
    }
    out.value = total + section + number;
    return out;
}

// Fraction digits after 点 ("三点五" → "5").
std::string chinese_fraction(std::u32string_view view, std::size_t& i) {
    std::string digits;
    if (i + 1 >= view.size() || view[i] != U'点' || digit_value(view[i + 1]) < 0 || view[i + 1] == U'两') return digits;
    ++i;
    while (i < view.size() && digit_value(view[i]) >= 0 && view[i] != U'两')
        digits.push_back(static_cast<char>('0' + digit_value(view[i++])));
    return digits;
}

bool has_real_digit(std::u32string_view core) {
    return std::any_of(core.begin(), core.end(), [](char32_t cp) { return digit_value(cp) > 0; });
}

}  // namespace

bool is_chinese_digit(char32_t cp) { return cp == U'几' || digit_value(cp) >= 0; }
bool is_scale_char(char32_t cp) { return scale_power(cp) > 0; }

std::string normalize_decimal(std::string_view text) {
    bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    const std::size_t point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view frac = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
    while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    std::string out(whole.empty() ? "0" : whole);
    if (!frac.empty()) out += "." + std::string(frac);
    if (negative && out != "0") out.insert(0, "-");
    return out;
}

std::string shift_decimal(std::string_view decimal, int power) {
    if (!decimal.empty() && decimal[0] == '-') return normalize_decimal("-" + shift_decimal(decimal.substr(1), power));
    if (power < 0) {
        // Moving the point left: 8800000 ÷ 10^4 = 880.
        const std::size_t p = decimal.find('.');
        std::string whole(decimal.substr(0, p));
        const std::string frac = p == std::string_view::npos ? std::string() : std::string(decimal.substr(p + 1));
        const auto n = static_cast<std::size_t>(-power);
        if (whole.size() <= n) whole.insert(0, n + 1 - whole.size(), '0');
        return normalize_decimal(whole.substr(0, whole.size() - n) + "." + whole.substr(whole.size() - n) + frac);
    }
    const std::size_t point = decimal.find('.');
    std::string whole(decimal.substr(0, point));
    std::string frac = point == std::string_view::npos ? std::string() : std::string(decimal.substr(point + 1));
    const auto moved = std::min<std::size_t>(static_cast<std::size_t>(power), frac.size());
    whole += frac.substr(0, moved);
    frac.erase(0, moved);
    whole.append(static_cast<std::size_t>(power) - moved, '0');
    return normalize_decimal(frac.empty() ? whole : whole + "." + frac);
}

namespace {
// Splits a non-negative decimal into integer and fraction digits, the fraction padded to `width`.
std::pair<std::string, std::string> split_decimal(std::string_view d, std::size_t width) {
    const std::size_t point = d.find('.');
    std::string whole(d.substr(0, point));
    std::string frac = point == std::string_view::npos ? std::string() : std::string(d.substr(point + 1));
    frac.append(width - frac.size(), '0');
    return {whole, frac};
}

std::size_t fraction_width(std::string_view d) {
    const std::size_t point = d.find('.');
    return point == std::string_view::npos ? 0 : d.size() - point - 1;
}
}  // namespace

std::string add_decimals(std::string_view a, std::string_view b) {
    const std::size_t width = std::max(fraction_width(a), fraction_width(b));
    auto [aw, af] = split_decimal(a, width);
    auto [bw, bf] = split_decimal(b, width);
    std::string x = aw + af;
    std::string y = bw + bf;
    if (x.size() < y.size()) std::swap(x, y);
    y.insert(0, x.size() - y.size(), '0');
    std::string sum(x.size(), '0');
    int carry = 0;
    for (std::size_t k = x.size(); k-- > 0;) {
        const int s = (x[k] - '0') + (y[k] - '0') + carry;
        sum[k] = static_cast<char>('0' + s % 10);
        carry = s / 10;
    }
    if (carry) sum.insert(0, "1");
    if (width > 0) sum.insert(sum.size() - width, ".");
    return normalize_decimal(sum);
}

int compare_decimals(std::string_view a, std::string_view b) {
    const std::size_t width = std::max(fraction_width(a), fraction_width(b));
    auto [aw, af] = split_decimal(normalize_decimal(a), width);
    auto [bw, bf] = split_decimal(normalize_decimal(b), width);
    if (aw.size() != bw.size()) return aw.size() < bw.size() ? -1 : 1;
    const int c = (aw + af).compare(bw + bf);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::optional<Numeral> read_arabic(std::u32string_view view, std::size_t pos) {
    if (pos >= view.size() || !is_ascii_digit(view[pos])) return std::nullopt;
    std::string digits;
    std::size_t i = pos;
    while (i < view.size() && is_ascii_digit(view[i])) digits.push_back(static_cast<char>(view[i++]));
    // Thousands separators: groups of exactly three digits after a first group of one to three.
    // Anything else after a comma is the next clause ("3件,500余人").
    const bool may_group = digits.size() <= 3;
    while (may_group && i < view.size() && view[i] == ',') {
        std::size_t k = i + 1;
        while (k < view.size() && is_ascii_digit(view[k])) ++k;
        if (k - i - 1 != 3) break;
        for (std::size_t j = i + 1; j < k; ++j) digits.push_back(static_cast<char>(view[j]));
        i = k;
    }
    if (i + 1 < view.size() && view[i] == '.' && is_ascii_digit(view[i + 1])) {
        digits.push_back('.');
        ++i;
        while (i < view.size() && is_ascii_digit(view[i])) digits.push_back(static_cast<char>(view[i++]));
    }
    if (digits.size() > kMaxDigits) return std::nullopt;  // an identifier, not an amount
    Numeral n;
    if (infix_before_scale(view, i)) n.infix = utf8_of(view[i++]);
    n.power = read_scale(view, i, false);
    n.scaled = n.power >= 4;
    n.end = i;
    n.min = shift_decimal(normalize_decimal(digits), n.power);
    return n;
}

std::optional<Numeral> read_chinese(std::u32string_view view, std::size_t pos, bool scale_alone) {
    std::size_t i = pos;
    while (i < view.size() && (is_chinese_digit(view[i]) || is_scale_char(view[i])) && !scale_belongs_to_unit(view, i))
        ++i;
    // 两 after a scale word is the measure word (七万万两, 三十两), never a last digit: 102 is
    // 一百零二, and no number ends in a bare 两.
    if (i - pos >= 2 && view[i - 1] == U'两' &&
        std::u32string_view(U"十百千万亿").find(view[i - 2]) != std::u32string_view::npos)
        --i;
    std::u32string_view core = view.substr(pos, i - pos);
    if (core.size() > kMaxDigits) return std::nullopt;
    // A number never starts with 零 (一年零三个月) and 几 alone is no number.
    if (core.empty() || core[0] == U'几' || core[0] == U'零' || core[0] == U'〇') return std::nullopt;
    const bool followed_by_infix = i < view.size() && is_infix(view[i]);
    // Scale words alone are adverbs or parts of words (千万不要, 百姓), except before 余/多.
    if (!has_real_digit(core) && core[0] != U'十' && !(is_scale_char(core[0]) && (followed_by_infix || scale_alone)))
        return std::nullopt;
    // 千亿 read as 一千亿 when it may stand alone.
    const std::u32string implied =
        has_real_digit(core) || core[0] == U'十' ? std::u32string(core) : U"一" + std::u32string(core);
    const ChineseParse low = evaluate_chinese(implied, false);
    const ChineseParse high = evaluate_chinese(implied, true);
    if (!low.ok || !high.ok) return std::nullopt;
    Numeral n;
    n.chinese = true;
    n.lone_one = core == U"一";
    n.lone_two = core == U"二";
    const std::string fraction = low.ranged ? std::string() : chinese_fraction(view, i);
    n.min = std::to_string(low.value) + (fraction.empty() ? "" : "." + fraction);
    if (low.ranged) n.max = std::to_string(high.value);
    if (infix_before_scale(view, i)) n.infix = utf8_of(view[i++]);
    n.power = n.infix.empty() ? 0 : read_scale(view, i, true);
    n.scaled = n.power >= 4 || core.find_first_of(U"万亿") != std::u32string_view::npos;
    n.min = shift_decimal(normalize_decimal(n.min), n.power);
    if (!n.max.empty()) n.max = shift_decimal(n.max, n.power);
    n.end = i;
    return n;
}

}  // namespace gongwen
