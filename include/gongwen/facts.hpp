// Facts: every quantity a report states, with its subject and where it was said
// (../shared/docs/indicators.md), and where each stands in its sentence and outline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"

namespace gongwen {

// The facts of one piece of text read as a single paragraph (block 0) starting at source
// offset 0; for tests and tools.
std::vector<Fact> extract_facts(std::string_view text);

// Where a fact stands in its clause and sentence. Derived from the Document alone (the quote,
// the block's text and the facts beside it), so that a catalog applies in the same way to a
// document read back from XML as to one just extracted.
struct FactContext {
    std::u32string clause;  // analysis view of the quote
    std::size_t begin = 0;  // the quantity within `clause`
    std::size_t end = 0;
    std::size_t lead_begin = 0;   // where this fact's own words start: after the previous fact
    std::size_t subject_end = 0;  // end of the subject when it follows the number (5次专题会议), else `end`
    std::size_t head_begin = 0;   // the head noun after 的 (5家企业的网上检查), else == head_end
    std::size_t head_end = 0;
    bool last_in_clause = false;  // the words after it, to the clause's end, are its own too
    bool total = false;           // 共/合计/累计/总计/总额 stated before it
    bool part = false;            // after 其中/包括 in its sentence: a part of a total said before
    std::size_t sentence = 0;     // facts with the same number were said in the same sentence
    int year = 0;                 // the year it is about (2019年…, 2018年、2019年…分别), 0 if unsaid
};
std::vector<FactContext> fact_contexts(const Document& doc);

// The headings each block stands under, outermost first ("一、…", "（二）…"), found in one pass
// over the blocks (each block's innermost heading, each heading's enclosing one), so that the
// paths of all facts are not a scan from the top for each: quadratic in a long report.
class HeadingPaths {
public:
    explicit HeadingPaths(const std::vector<Block>& blocks);
    // A block past the end stands under the headings still open at the end.
    std::vector<std::string> of(std::size_t block) const;

private:
    static constexpr std::size_t kNone = SIZE_MAX;
    const std::vector<Block>& blocks_;
    std::vector<std::size_t> inner_;  // per block: its innermost heading, or none
    std::vector<std::size_t> outer_;  // per heading: the heading it stands under, or none
};

}  // namespace gongwen
