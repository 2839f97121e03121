// Internal to the passes: a source line after cleanup, with its analysis view and its way back
// to source positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace gongwen {

struct Line {
    std::u32string text;                // display text: trimmed, pinyin and CJK spaces removed
    std::u32string view;                // fold(text): half-width, Simplified; same length as text
    std::vector<std::uint32_t> origin;  // origin[i]: source code point offset of text[i]
    Span span;                          // the whole trimmed source line
    int heading_hint = 0;               // from RawBlock::heading_hint

    bool empty() const { return text.empty(); }
    // Source span of text[begin, end).
    Span span_of(std::size_t begin, std::size_t end) const;
    std::string utf8(std::size_t begin, std::size_t end) const;
};

// Counts of what cleanup changed in one document, with where.
struct CleanupReport {
    std::vector<Span> pinyin;      // annotations removed
    std::vector<Span> cjk_spaces;  // space runs removed between CJK characters
    std::vector<Span> mojibake;    // suspected mis-decoded runs (flagged, not changed)
    std::size_t fullwidth = 0;     // full-width ASCII characters read as ASCII for analysis
};

// Number of tone-marked pinyin annotations in a raw text: above a few, toneless annotations
// such as "(de)" after a character are treated as annotations too.
std::size_t count_tone_marked_pinyin(const std::u32string& raw);

// Builds a Line from raw source text starting at source offset `start`, or, when `origin`
// is given, whose code point i stands at source offset origin[i].
Line make_line(const std::u32string& raw, std::size_t start, const std::vector<std::uint32_t>* origin,
               bool pinyin_document, CleanupReport& report);

}  // namespace gongwen
