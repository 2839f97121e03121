// Internal to model/: the facts pass over the cleaned lines. Extraction reads their analysis
// view (half-width, Simplified, pinyin removed) and maps every finding back to source spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/facts.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

struct Line;

// The facts of `blocks`, which the passes built from `lines` (the content lines, in source
// order): numbers with their counting unit, scale and qualifier, ranges, and zero statements
// (未发生…, 无A和B案件 → two facts, 零投诉). Never years and dates, document numbers, ordinals,
// names (十四五, 二十大, "532"发展战略), enumerators, phone numbers or anything inside a title
// 《…》 or a quoted name “…”. Table cells are read too. Facts come in source order;
// `indicator` stays empty: the catalog maps facts afterwards (gongwen/catalog.hpp).
// `done(k)`, when given, is called once lines[0, k) are needed no more, so that the caller may
// free them as extraction goes on. Throws LimitError when the report's time is up.
std::vector<Fact> extract_facts(const std::vector<const Line*>& lines, const std::vector<Block>& blocks,
                                const Budget& budget = {}, const std::function<void(std::size_t)>& done = nullptr);

}  // namespace gongwen
