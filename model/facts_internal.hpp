// Internal to model/: the small vocabulary facts.cpp, fact_context.cpp and catalog.cpp share
// (and WordSet, which boilerplate.cpp uses too).
// Every function reads an analysis view (half-width, Simplified).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace gongwen::facts {

bool starts_with(std::u32string_view view, std::size_t pos, std::u32string_view word);
// Length of the longest of `words` that starts at view[pos], or 0.
std::size_t match_any(std::u32string_view view, std::size_t pos, std::initializer_list<std::u32string_view> words);

// A list of words (none empty) that lives as long as the program, with a bit for each
// character a word starts with (by its last ten bits), and for each it ends with: most
// positions of a text start no word, and one look at the bits tells.
class WordSet {
public:
    template <std::size_t N>
    constexpr explicit WordSet(const std::u32string_view (&words)[N]) : WordSet(words, N) {}
    template <std::size_t N>
    constexpr explicit WordSet(const std::array<std::u32string_view, N>& words) : WordSet(words.data(), N) {}
    constexpr explicit WordSet(const std::initializer_list<std::u32string_view>& words)
        : WordSet(words.begin(), words.size()) {}

    constexpr bool may_start(char32_t cp) const { return (starts_[(cp >> 6) & 15] >> (cp & 63)) & 1; }
    // The same for the character a word ends with.
    constexpr bool may_end(char32_t cp) const { return (ends_[(cp >> 6) & 15] >> (cp & 63)) & 1; }
    constexpr const std::u32string_view* begin() const { return words_; }
    constexpr const std::u32string_view* end() const { return words_ + size_; }

private:
    constexpr WordSet(const std::u32string_view* words, std::size_t size) : words_(words), size_(size) {
        for (std::size_t i = 0; i < size; ++i) {
            starts_[(words[i].front() >> 6) & 15] |= std::uint64_t{1} << (words[i].front() & 63);
            ends_[(words[i].back() >> 6) & 15] |= std::uint64_t{1} << (words[i].back() & 63);
        }
    }
    const std::u32string_view* words_;
    std::size_t size_;
    std::uint64_t starts_[16] = {};
    std::uint64_t ends_[16] = {};
};

// match_any over a WordSet: the same length, most positions rejected by the first character.
std::size_t match_any_of(std::u32string_view view, std::size_t pos, const WordSet& words);
inline std::size_t match_any(std::u32string_view view, std::size_t pos, const WordSet& words) {
    return pos < view.size() && words.may_start(view[pos]) ? match_any_of(view, pos, words) : 0;
}
// Whether `word` occurs in view[begin, end).
bool contains(std::u32string_view view, std::size_t begin, std::size_t end, std::u32string_view word);

// Clause punctuation (。，；：！？) at view[k]; a comma or colon between digits (6,413 and
// 10:05) is part of a number.
bool is_clause_break(std::u32string_view view, std::size_t k);
bool is_sentence_break(char32_t cp);  // 。！？；

// 共/共计/合计/累计/总计/总额/总数 as a word at view[k] (not 公共, 共同, 中共…): its length, or 0.
std::size_t total_word_at(std::u32string_view view, std::size_t k);

// Years written as 2019年 / 2019年度 in view[begin, end): (position, year).
std::vector<std::pair<std::size_t, int>> years_in(std::u32string_view view, std::size_t begin, std::size_t end);

}  // namespace gongwen::facts
