#include "layout/linebreak.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "gongwen/unicode.hpp"

namespace gongwen::layout {

namespace {

constexpr std::u32string_view kLineStartForbidden = U"，。、；：？！）》」』”’…〉】〕〗〙〛］｝·～％‰℃,.;:?!)]}%";
constexpr std::u32string_view kLineEndForbidden = U"（《「『“‘〈【〔〖〘〚［｛([{";
constexpr std::u32string_view kSqueezable = U"，。、；：）》」』”’〉】〕〗〙〛（《「『“‘〈【〔〖〘〚";

// None of the sets above has a character of the CJK ideograph and Hangul blocks
// (U+3400–U+F8FF), what most characters of a report are: they are answered without a search.
constexpr bool outside_ideographs(std::u32string_view set) {
    for (char32_t cp : set)
        if (cp >= 0x3400 && cp < 0xF900) return false;
    return true;
}
static_assert(outside_ideographs(kLineStartForbidden) && outside_ideographs(kLineEndForbidden) &&
              outside_ideographs(kSqueezable));

bool in(std::u32string_view set, char32_t cp) {
    return !(cp >= 0x3400 && cp < 0xF900) && set.find(cp) != std::u32string_view::npos;
}

// Letters, digits and the connectors that occur inside numbers, percentages and URLs.
bool token_char(char32_t cp) {
    if (cp < 0x80)
        return std::isalnum(static_cast<int>(cp)) ||
               std::u32string_view(U".,:/%_-@#?=&+~'").find(cp) != std::u32string_view::npos;
    return false;
}
bool token_alnum(char32_t cp) { return cp < 0x80 && std::isalnum(static_cast<int>(cp)); }

using BreakIteratorPtr = std::unique_ptr<icu::BreakIterator>;

// ICU break iterators are costly to build and not thread-safe: one prototype per kind, built
// once, and a clone of it per thread.
icu::BreakIterator& thread_iterator(bool words) {
    static std::once_flag once;
    static BreakIteratorPtr line_proto, word_proto;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        line_proto.reset(icu::BreakIterator::createLineInstance(icu::Locale::getChinese(), status));
        word_proto.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU break iterator: ") + u_errorName(status));
    });
    thread_local BreakIteratorPtr line(line_proto->clone());
    thread_local BreakIteratorPtr word(word_proto->clone());
    return words ? *word : *line;
}

// The boundaries ICU finds in `text`, as code point indices.
std::vector<bool> icu_boundaries(std::u32string_view text, bool words) {
    icu::UnicodeString u;
    std::vector<std::size_t> cp_of_unit;  // UTF-16 offset → code point index
    for (std::size_t i = 0; i < text.size(); ++i) {
        u.append(static_cast<UChar32>(text[i]));
        cp_of_unit.resize(static_cast<std::size_t>(u.length()), i);
    }
    cp_of_unit.push_back(text.size());
    std::vector<bool> at(text.size() + 1, false);
    icu::BreakIterator& it = thread_iterator(words);
    it.setText(u);
    for (int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next())
        at[cp_of_unit[static_cast<std::size_t>(b)]] = true;
    return at;
}

bool is_space_cp(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0xA0; }

struct Scan {
    double width = 0;    // visible width (trailing spaces excluded)
    int squeezable = 0;  // squeezable characters among them
    std::size_t visible_end = 0;
};

// Width of text[begin, end) as a line would show it: trailing spaces hang outside.
Scan measure(std::u32string_view text, const std::vector<double>& widths, std::size_t begin, std::size_t end) {
    Scan s;
    s.visible_end = end;
    while (s.visible_end > begin && is_space_cp(text[s.visible_end - 1])) --s.visible_end;
    for (std::size_t k = begin; k < s.visible_end; ++k) {
        s.width += widths[k];
        if (squeezes(text, k, begin)) ++s.squeezable;
    }
    return s;
}

LineSpan make_line(std::u32string_view text, const std::vector<double>& widths, std::size_t begin, std::size_t end,
                   double available, bool last) {
    const Scan s = measure(text, widths, begin, end);
    LineSpan line{begin, s.visible_end, s.width, 0, 0, last};
    constexpr double eps = 1e-9;
    if (s.width > available + eps && s.squeezable > 0)
        line.squeeze = std::min(0.5, (s.width - available) / s.squeezable);
    const double adjusted = s.width - line.squeeze * s.squeezable;
    if (!last && adjusted < available - eps) {
        int gaps = 0;
        for (std::size_t k = begin + 1; k < s.visible_end; ++k) gaps += stretchable_gap(text[k - 1], text[k]);
        if (gaps > 0) line.stretch = (available - adjusted) / gaps;
    }
    return line;
}

// Where the line starting at `begin` ends: the furthest allowed break that fits, or the next
// one when squeezing punctuation makes it fit (pull-in before push-out), or a forced break
// inside an over-long token.
std::size_t line_end(std::u32string_view text, const std::vector<double>& widths, const std::vector<bool>& allowed,
                     std::size_t begin, double available) {
    constexpr double eps = 1e-9;
    std::size_t fit = 0;
    double fit_width = 0;
    double width = 0, trailing_spaces = 0;  // of text[begin, k), the spaces at its end apart
    int squeezable = 0;
    for (std::size_t k = begin; k < text.size();) {
        width += widths[k];
        trailing_spaces = is_space_cp(text[k]) ? trailing_spaces + widths[k] : 0;
        squeezable += squeezes(text, k, begin);
        if (++k < text.size() && !allowed[k]) continue;
        const double visible = width - trailing_spaces;
        if (visible <= available + eps) {
            fit = k, fit_width = visible;
            continue;
        }
        const bool short_line = fit != 0 && fit_width < available - eps;
        if ((fit == 0 || short_line) && visible - 0.5 * squeezable <= available + eps) return k;
        break;
    }
    if (fit != 0) return fit;
    // Nothing breakable fits: a token longer than the line is cut where the line is full.
    double w = 0;
    std::size_t k = begin;
    while (k < text.size() && (k == begin || w + widths[k] <= available + eps)) w += widths[k++];
    return k;
}

}  // namespace

bool forbidden_at_line_start(char32_t cp) { return in(kLineStartForbidden, cp); }
bool forbidden_at_line_end(char32_t cp) { return in(kLineEndForbidden, cp); }
bool squeezable(char32_t cp) { return in(kSqueezable, cp); }
bool squeezes(std::u32string_view text, std::size_t k, std::size_t line_begin) {
    return squeezable(text[k]) && !(k == line_begin && forbidden_at_line_end(text[k]));
}

bool full_width(char32_t cp) {
    const int width = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return true;
    // Quotes, dashes and the ellipsis are ambiguous in Unicode but full cells in Chinese text.
    return cp == U'“' || cp == U'”' || cp == U'‘' || cp == U'’' || cp == U'—' || cp == U'…';
}

bool stretchable_gap(char32_t before, char32_t after) { return !(token_char(before) && token_char(after)); }

std::vector<bool> break_opportunities(std::u32string_view text) {
    std::vector<bool> allowed = icu_boundaries(text, false);
    allowed.resize(text.size());
    if (!allowed.empty()) allowed[0] = false;
    for (std::size_t i = 1; i < text.size(); ++i)
        if (forbidden_at_line_start(text[i]) || forbidden_at_line_end(text[i - 1])) allowed[i] = false;
    // Keep each Latin/digit token whole: no break strictly inside a run that holds a letter or digit.
    for (std::size_t i = 0; i < text.size();) {
        if (!token_char(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool alnum = false;
        for (; j < text.size() && token_char(text[j]); ++j) alnum = alnum || token_alnum(text[j]);
        if (alnum)
            for (std::size_t k = i + 1; k < j; ++k) allowed[k] = false;
        i = j;
    }
    return allowed;
}

std::vector<LineSpan> break_lines(std::u32string_view text, const std::vector<double>& widths, LineWidths available) {
    if (widths.size() != text.size()) throw std::invalid_argument("break_lines: one width per code point");
    const std::vector<bool> allowed = break_opportunities(text);
    std::vector<LineSpan> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const double avail = lines.empty() ? available.first : available.rest;
        const std::size_t end = line_end(text, widths, allowed, begin, avail);
        std::size_t next = end;
        while (next < text.size() && is_space_cp(text[next])) ++next;  // spaces never start a line
        lines.push_back(make_line(text, widths, begin, end, avail, next >= text.size()));
        begin = next;
    }
    return lines;
}

namespace {

struct TitleSearch {
    const std::vector<double>& prefix;  // prefix[i] = width of title[0, i)
    const std::vector<std::size_t>& candidates;
    double max_width;
    double mean;
    double best_cost = std::numeric_limits<double>::infinity();
    std::vector<std::size_t> chosen, best;

    double width(std::size_t a, std::size_t b) const { return prefix[b] - prefix[a]; }

    // Tries every way to cut title[start, end) into `lines` lines after a line `above` wide.
    void search(std::size_t start, std::size_t end, int lines, double above, double cost) {
        if (cost >= best_cost) return;
        if (lines == 1) {
            const double w = width(start, end);
            if (w > max_width + 1e-9) return;
            const double total = cost + line_cost(w, above);
            if (total < best_cost) best_cost = total, best = chosen;
            return;
        }
        for (std::size_t c : candidates) {
            if (c <= start || c >= end) continue;
            const double w = width(start, c);
            if (w > max_width + 1e-9) break;
            chosen.push_back(c);
            search(c, end, lines - 1, w, cost + line_cost(w, above));
            chosen.pop_back();
        }
    }

    // Balanced lines; a line longer than the one above it breaks the trapezoid and costs more.
    double line_cost(double w, double above) const {
        const double d = w - mean;
        const double rise = above >= 0 ? std::max(0.0, w - above) : 0.0;
        return d * d + 16 * rise * rise;
    }
};

}  // namespace

namespace {

// Whether a break before title[i] would cut a number phrase a reader takes in at once: a
// Chinese numeral, with its 第 and its measure word (第十六届, 二〇二〇年, 十四五), or a date
// (2026年1月25日).
bool inside_number_phrase(std::u32string_view title, std::size_t i) {
    const char32_t before = title[i - 1], at = title[i];
    const auto numeral = [](char32_t c) { return is_chinese_numeral(c) || c == U'〇'; };
    if (numeral(before) && numeral(at)) return true;
    if (before == U'第' && (numeral(at) || is_ascii_digit(at))) return true;
    if (numeral(before) && std::u32string_view(U"届次年月日号条项个批期").find(at) != std::u32string_view::npos)
        return true;
    const auto number = [&](char32_t c) { return is_ascii_digit(c) || numeral(c); };
    return (before == U'年' || before == U'月') && i >= 2 && number(at) && number(title[i - 2]);
}

}  // namespace

std::vector<std::size_t> title_breaks(std::u32string_view title, const std::vector<double>& widths, double max_width) {
    if (widths.size() != title.size()) throw std::invalid_argument("title_breaks: one width per code point");
    std::vector<double> prefix(title.size() + 1, 0);
    for (std::size_t i = 0; i < title.size(); ++i) prefix[i + 1] = prefix[i] + widths[i];
    const double total = prefix.back();
    if (total <= max_width + 1e-9) return {};
    const std::vector<bool> words = icu_boundaries(title, true);
    const std::vector<bool> allowed = break_opportunities(title);
    std::vector<std::size_t> candidates;
    // A number stays with the character after it (2023年, 15项): ICU counts them as two words.
    for (std::size_t i = 1; i < title.size(); ++i)
        if (words[i] && allowed[i] && !token_alnum(title[i - 1]) && !inside_number_phrase(title, i))
            candidates.push_back(i);
    for (int lines = static_cast<int>(std::ceil(total / max_width - 1e-9)); lines <= 8; ++lines) {
        TitleSearch s{prefix, candidates, max_width, total / lines, std::numeric_limits<double>::infinity(), {}, {}};
        s.search(0, title.size(), lines, -1, 0);
        if (!s.best.empty()) return s.best;
    }
    // No word boundary gives lines that fit: fall back to the line breaker's own rules.
    std::vector<std::size_t> starts;
    for (const LineSpan& l : break_lines(title, widths, {max_width, max_width}))
        if (l.begin != 0) starts.push_back(l.begin);
    return starts;
}

}  // namespace gongwen::layout
