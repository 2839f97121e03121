// Internal to model/: the small vocabulary facts.cpp, fact_context.cpp and catalog.cpp share.
// Every function reads an analysis view (half-width, Simplified).
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace gongwen::facts {

bool starts_with(std::u32string_view view, std::size_t pos, std::u32string_view word);
// Length of the longest of `words` that starts at view[pos], or 0.
std::size_t match_any(std::u32string_view view, std::size_t pos, std::initializer_list<std::u32string_view> words);
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
