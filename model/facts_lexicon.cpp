// The shared vocabulary of facts.cpp, fact_context.cpp and catalog.cpp.
#include "model/facts_internal.hpp"

#include "gongwen/unicode.hpp"

namespace gongwen::facts {

bool starts_with(std::u32string_view view, std::size_t pos, std::u32string_view word) {
    return pos <= view.size() && view.substr(pos, word.size()) == word;
}

std::size_t match_any(std::u32string_view view, std::size_t pos, std::initializer_list<std::u32string_view> words) {
    if (pos >= view.size()) return 0;
    const char32_t first = view[pos];  // most positions start no word: one comparison each
    std::size_t best = 0;
    for (std::u32string_view w : words)
        if (w[0] == first && w.size() > best && starts_with(view, pos, w)) best = w.size();
    return best;
}

std::size_t match_any_of(std::u32string_view view, std::size_t pos, const WordSet& words) {
    if (pos >= view.size()) return 0;
    const char32_t first = view[pos];
    std::size_t best = 0;
    for (std::u32string_view w : words)
        if (w[0] == first && w.size() > best && starts_with(view, pos, w)) best = w.size();
    return best;
}

bool contains(std::u32string_view view, std::size_t begin, std::size_t end, std::u32string_view word) {
    if (begin >= end || end > view.size()) return false;
    return view.substr(begin, end - begin).find(word) != std::u32string_view::npos;
}

bool is_clause_break(std::u32string_view view, std::size_t k) {
    const char32_t cp = view[k];
    if (cp == U'。' || cp == ';' || cp == '!' || cp == '?') return true;
    if (cp != ',' && cp != ':') return false;
    const bool digit_before = k > 0 && is_ascii_digit(view[k - 1]);
    const bool digit_after = k + 1 < view.size() && is_ascii_digit(view[k + 1]);
    return !(digit_before && digit_after);
}

bool is_sentence_break(char32_t cp) { return cp == U'。' || cp == ';' || cp == '!' || cp == '?'; }

std::size_t total_word_at(std::u32string_view view, std::size_t k) {
    if (const std::size_t n = match_any(view, k, {U"共计", U"合计", U"累计", U"总计", U"总额", U"总数", U"总量"}))
        return n;
    if (view[k] != U'共') return 0;
    if (k > 0 && (view[k - 1] == U'公' || view[k - 1] == U'中' || view[k - 1] == U'总')) return 0;
    if (k + 1 < view.size() &&
        std::u32string_view(U"同享建商治识产青性和赢担创抓筑促育推").find(view[k + 1]) != std::u32string_view::npos)
        return 0;
    return 1;
}

std::vector<std::pair<std::size_t, int>> years_in(std::u32string_view view, std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, int>> out;
    for (std::size_t k = begin; k + 4 < end && k + 4 < view.size(); ++k) {
        if (k > 0 && is_ascii_digit(view[k - 1])) continue;
        bool digits = true;
        for (std::size_t j = k; j < k + 4; ++j) digits = digits && is_ascii_digit(view[j]);
        if (!digits || view[k + 4] != U'年') continue;
        const int year = static_cast<int>((view[k] - '0') * 1000 + (view[k + 1] - '0') * 100 +
                                          (view[k + 2] - '0') * 10 + (view[k + 3] - '0'));
        if (year >= 1900 && year <= 2199) out.emplace_back(k, year);
    }
    return out;
}

}  // namespace gongwen::facts
