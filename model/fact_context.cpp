// Re-derives where each fact stands in its clause and sentence from the Document alone, so
// that catalog mapping and the summary rules work the same on a document read back from XML.
#include <algorithm>
#include <cstdint>
#include <string>

#include "gongwen/unicode.hpp"
#include "model/facts.hpp"
#include "model/facts_internal.hpp"

namespace gongwen {

namespace {

using facts::starts_with;

std::u32string view_of(const std::string& text) { return to_folded_u32(text); }

// For every block, the year of the innermost heading above it that names one
// (三、2024年度…安排), or 0; in one pass over the blocks.
std::vector<int> heading_years(const Document& doc) {
    std::vector<std::pair<int, int>> path;  // (level, year) of the open headings
    std::vector<int> out(doc.blocks.size(), 0);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (b.kind == BlockKind::heading) {
            while (!path.empty() && path.back().first >= b.level) path.pop_back();
            const std::u32string v = view_of(b.marker + b.text);
            const auto years = facts::years_in(v, 0, v.size());
            path.emplace_back(b.level, years.empty() ? 0 : years.front().second);
        }
        for (auto it = path.rbegin(); it != path.rend() && out[i] == 0; ++it) out[i] = it->second;
    }
    return out;
}

// Sentences end at 。！？ and, for what a part belongs to, at ；. The look back is bounded so
// that text without punctuation costs no more than text with it.
constexpr std::size_t kMaxSentence = 600;

std::size_t sentence_start(std::u32string_view block, std::size_t pos, bool semicolon) {
    std::size_t s = std::min(pos, block.size());
    const std::size_t floor = s > kMaxSentence ? s - kMaxSentence : 0;
    while (s > floor && !facts::is_sentence_break(block[s - 1]) && (semicolon || block[s - 1] != ';')) --s;
    return s;
}

// 2018年、2019年…分别为53家、72家: the k-th number after 分别 is about the k-th year.
int listed_year(const std::vector<std::pair<std::size_t, int>>& years, const std::u32string& clause, std::size_t begin,
                const std::vector<std::size_t>& starts) {
    const std::size_t respectively = clause.rfind(U"分别", begin);
    if (respectively == std::u32string::npos || years.size() < 2) return 0;
    std::size_t index = 0;
    std::size_t listed = 0;
    for (std::size_t s : starts)
        if (s > respectively) {
            if (s < begin) ++index;
            ++listed;
        }
    return listed == years.size() && index < years.size() ? years[index].second : 0;
}

struct BlockView {
    std::u32string_view text;  // analysis view of the block's text; empty when the clause is not in it
    std::size_t clause = 0;    // where the clause starts in it
    std::size_t sentence_base = 0;
    std::vector<std::uint32_t> sentences;  // sentences[k]: sentence breaks in text[0, k)
    int heading_year = 0;
};

// Where each quantity of one clause stands in it; facts of one zero statement share a place.
std::vector<std::size_t> place_group(const Document& doc, std::size_t first, std::size_t last,
                                     const std::u32string& clause, std::vector<FactContext>& out) {
    std::vector<std::size_t> starts;
    std::size_t cursor = 0;
    for (std::size_t i = first; i < last; ++i) {
        FactContext& c = out[i];
        c.clause = clause;
        if (i > first && doc.facts[i - 1].span == doc.facts[i].span) {
            c.begin = out[i - 1].begin, c.end = out[i - 1].end, c.lead_begin = out[i - 1].lead_begin;
            continue;
        }
        const std::u32string q = view_of(doc.facts[i].value_text);
        std::size_t at = clause.find(q, cursor);
        if (at == std::u32string::npos) at = std::min(cursor, clause.size());
        c.lead_begin = starts.empty() ? 0 : out[i - 1].end;
        c.begin = at;
        c.end = std::min(clause.size(), at + q.size());
        cursor = c.end;
        starts.push_back(at);
    }
    for (std::size_t i = first; i < last; ++i) out[i].last_in_clause = out[i].begin == out[last - 1].begin;
    return starts;
}

// The subject when it follows the number, and the head noun after its 的.
void place_subject(const Fact& f, FactContext& c) {
    const std::u32string& clause = c.clause;
    c.subject_end = c.end;
    const std::u32string subject = view_of(f.subject);
    if (!f.zero && !subject.empty() && starts_with(clause, c.end, subject)) c.subject_end = c.end + subject.size();
    c.head_begin = c.head_end = c.subject_end;
    if (c.subject_end > c.end && c.subject_end < clause.size() && clause[c.subject_end] == U'的') {
        c.head_begin = c.head_end = c.subject_end + 1;
        while (c.head_end < clause.size() && c.head_end - c.head_begin < 12 && is_han(clause[c.head_end])) ++c.head_end;
    }
    for (std::size_t k = c.lead_begin; k < c.begin && !f.zero; ++k)
        c.total = c.total || facts::total_word_at(clause, k) > 0;
}

// `clause`: view_of(doc.facts[first].quote).
void describe_group(const Document& doc, std::size_t first, std::size_t last, const std::u32string& clause,
                    const BlockView& bv, std::vector<FactContext>& out) {
    const std::vector<std::size_t> starts = place_group(doc, first, last, clause, out);
    const std::u32string_view block_text = bv.text.empty() ? std::u32string_view(clause) : bv.text;
    for (std::size_t i = first; i < last; ++i) {
        const Fact& f = doc.facts[i];
        FactContext& c = out[i];
        place_subject(f, c);
        const std::size_t absolute = bv.text.empty() ? c.begin : bv.clause + c.begin;
        const std::size_t sentence = sentence_start(block_text, absolute, true);
        c.sentence = bv.sentence_base + (bv.text.empty() ? 0 : bv.sentences[sentence]);
        c.part = facts::contains(block_text, sentence, absolute, U"其中") ||
                 facts::contains(block_text, sentence, absolute, U"包括");
        // A year stated earlier in the sentence dates what follows its semicolons too.
        const auto years = facts::years_in(block_text, sentence_start(block_text, absolute, false), absolute);
        if (years.empty()) {
            c.year = bv.heading_year;
            continue;
        }
        c.year = listed_year(years, clause, c.begin, starts);
        if (c.year == 0) c.year = years.back().second;
    }
}

}  // namespace

std::vector<FactContext> fact_contexts(const Document& doc) {
    std::vector<FactContext> out(doc.facts.size());
    const std::vector<int> years = doc.facts.empty() ? std::vector<int>() : heading_years(doc);
    std::size_t i = 0;
    while (i < doc.facts.size()) {
        const std::size_t block = doc.facts[i].block;
        BlockView bv;
        const std::u32string text = block < doc.blocks.size() ? view_of(doc.blocks[block].text) : std::u32string();
        bv.sentence_base = block * 100000;
        bv.heading_year = block < years.size() ? years[block] : 0;
        bv.sentences.assign(text.size() + 1, 0);
        for (std::size_t k = 0; k < text.size(); ++k)
            bv.sentences[k + 1] = bv.sentences[k] + (facts::is_sentence_break(text[k]) ? 1 : 0);
        std::size_t cursor = 0;
        while (i < doc.facts.size() && doc.facts[i].block == block) {
            std::size_t j = i;
            while (j < doc.facts.size() && doc.facts[j].block == block &&
                   doc.facts[j].quote_span == doc.facts[i].quote_span)
                ++j;
            const std::u32string clause = view_of(doc.facts[i].quote);
            std::size_t at = text.find(clause, cursor);
            if (at == std::u32string::npos) at = text.find(clause);
            bv.text = at == std::u32string::npos ? std::u32string_view() : std::u32string_view(text);
            bv.clause = at == std::u32string::npos ? 0 : at;
            if (at != std::u32string::npos) cursor = at;
            describe_group(doc, i, j, clause, bv, out);
            i = j;
        }
    }
    return out;
}

}  // namespace gongwen
