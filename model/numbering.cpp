// The official numbering grammar of GB/T 9704 headings (一、 （一） 1. （1）) and the inline
// enumerators (一是…二是…, 第一，第二，…) that structure paragraphs without being headings.
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/grammar.hpp"

namespace gongwen {

namespace {

void skip_spaces(std::u32string_view s, std::size_t& i) {
    while (i < s.size() && is_space(s[i])) ++i;
}

std::size_t numeral_run(std::u32string_view s, std::size_t i, bool arabic) {
    std::size_t j = i;
    while (j < s.size() && (arabic ? is_ascii_digit(s[j]) : is_chinese_numeral(s[j]))) ++j;
    return j - i;
}

bool is_closing(char32_t cp) { return cp == U'。' || cp == '!' || cp == '?' || cp == ';' || cp == U'…'; }

}  // namespace

std::optional<Marker> match_marker(std::u32string_view view) {
    std::size_t i = 0;
    const bool paren = !view.empty() && view[0] == '(';
    if (paren) {
        ++i;
        skip_spaces(view, i);
    }
    const bool arabic = i < view.size() && is_ascii_digit(view[i]);
    const std::size_t digits = numeral_run(view, i, arabic);
    if (digits == 0 || digits > (arabic ? 2 : 3)) return std::nullopt;
    if (parse_numeral(view.substr(i, digits)) <= 0) return std::nullopt;
    i += digits;
    skip_spaces(view, i);
    if (i >= view.size()) return std::nullopt;
    if (paren) {
        if (view[i] != ')') return std::nullopt;
    } else if (arabic) {
        if (view[i] != '.' && view[i] != U'、' && view[i] != U'．') return std::nullopt;
        // "1.2亿元" is a number, not a heading.
        if (i + 1 < view.size() && is_ascii_digit(view[i + 1])) return std::nullopt;
    } else if (view[i] != U'、' && view[i] != '.' && view[i] != U'．') {
        return std::nullopt;
    }
    Marker marker;
    marker.level = paren ? (arabic ? 4 : 2) : (arabic ? 3 : 1);
    marker.length = ++i;
    skip_spaces(view, i);
    marker.body = i;
    if (marker.body >= view.size()) return std::nullopt;  // a bare marker is not a heading
    return marker;
}

std::size_t first_sentence_end(std::u32string_view view, std::size_t from) {
    int depth = 0;  // inside 《》, “”, （）: a full stop there does not end the sentence
    for (std::size_t i = from; i < view.size(); ++i) {
        const char32_t cp = view[i];
        if (cp == U'《' || cp == U'“' || cp == '(' || cp == U'「')
            ++depth;
        else if ((cp == U'》' || cp == U'”' || cp == ')' || cp == U'」') && depth > 0)
            --depth;
        else if (depth == 0 && is_closing(cp)) {
            std::size_t end = i + 1;
            while (end < view.size() && (is_closing(view[end]) || view[end] == U'”')) ++end;
            std::size_t next = end;
            skip_spaces(view, next);
            return next < view.size() ? end : std::u32string_view::npos;
        }
    }
    return std::u32string_view::npos;
}

std::vector<Enumerator> find_enumerators(std::u32string_view view, std::size_t from) {
    std::vector<Enumerator> found;
    int expected = 0;  // 0: any number may start the series
    for (std::size_t i = from; i < view.size(); ++i) {
        // An enumerator starts with 第 or a numeral: most positions are rejected here, before
        // looking back for the clause's start (the numeral's own test below says no to them too).
        if (view[i] != U'第' && !is_chinese_numeral(view[i])) continue;
        // An enumerator starts a clause: at the beginning or after clause punctuation.
        std::size_t p = i;
        while (p > from && is_space(view[p - 1])) --p;
        const bool clause_start =
            p == from || std::u32string_view(U"。;:!?,，、”").find(view[p - 1]) != std::u32string_view::npos;
        if (!clause_start) continue;
        const bool ordinal = view[i] == U'第';
        const std::size_t at = ordinal ? i + 1 : i;
        const std::size_t digits = numeral_run(view, at, false);
        if (digits == 0 || digits > 2 || at + digits >= view.size()) continue;
        const char32_t after = view[at + digits];
        if (ordinal ? (after != ',' && after != U'、') : after != U'是') continue;
        // "第一，" needs a full clause break before it; "一是" may follow a comma.
        if (ordinal && p > from && view[p - 1] != U'。' && view[p - 1] != ';' && view[p - 1] != ':') continue;
        const int number = parse_numeral(view.substr(at, digits));
        if (number <= 0 || (expected != 0 && number != expected)) continue;
        if (!found.empty() && (view[found.back().begin] == U'第') != ordinal) continue;
        found.push_back(Enumerator{i, at + digits + 1 - i, number});
        expected = number + 1;
        i = at + digits;
    }
    return found;
}

}  // namespace gongwen
