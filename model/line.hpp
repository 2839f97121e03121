// Internal to the passes: a source line after cleanup, with its analysis view and its way back
// to source positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gongwen/document.hpp"

namespace gongwen {

// Where each code point of a line stood in the source, kept as runs of consecutive offsets: a
// line read from text is one run (a few more where cleanup removed something), so a large
// document does not hold a number per character beside its text.
class Origins {
public:
    void push_back(std::uint32_t source);  // the next code point's source offset
    std::uint32_t operator[](std::size_t i) const;
    std::size_t size() const { return size_; }
    // The first i whose offset is not below `source` (size() when none): std::lower_bound over
    // the offsets, which never decrease.
    std::size_t lower_bound(std::uint32_t source) const;

private:
    struct Run {
        std::uint32_t index;   // of its first code point
        std::uint32_t source;  // that code point's offset; the next ones follow it
    };
    std::size_t run_at(std::size_t i) const;  // the run holding code point i
    std::vector<Run> runs_;
    std::size_t size_ = 0;
};

struct Line {
    std::u32string text;   // display text: trimmed, pinyin and CJK spaces removed
    std::u32string view;   // fold(text): half-width, Simplified; same length as text
    Origins origin;        // origin[i]: source code point offset of text[i]
    Span span;             // the whole trimmed source line
    int heading_hint = 0;  // from RawBlock::heading_hint
    // The line stands among the cells of a table written as text that could not be rebuilt
    // into a grid (one cell a line, labels and numbers): never chrome, a heading only when it
    // continues the outline's numbering and no number stands right above and below it.
    bool table_run = false;
    bool flanked = false;  // a number among the three lines before it and the three after

    bool empty() const { return text.empty(); }
    // Source span of text[begin, end).
    Span span_of(std::size_t begin, std::size_t end) const;
    std::string utf8(std::size_t begin, std::size_t end) const;
};

// A diagnostic keeps where the first this many of its findings are (Diagnostic::spans may be
// fewer than its count): a hostile text with a finding every other character would otherwise
// cost memory and output many times its own size.
inline constexpr std::size_t kMaxSpans = 10'000;

// Where one kind of change was made: every one counted, the first kMaxSpans kept.
struct Places {
    std::vector<Span> spans;
    std::size_t count = 0;
    void add(Span span) {
        if (spans.size() < kMaxSpans) spans.push_back(span);
        ++count;
    }
};

// Counts of what cleanup changed in one document, with where.
struct CleanupReport {
    Places pinyin;              // annotations removed
    Places cjk_spaces;          // space runs removed between CJK characters
    Places mojibake;            // suspected mis-decoded runs (flagged, not changed)
    Places punctuation;         // Latin marks shown full-width in Chinese text
    Places joined;              // line breaks inside a paragraph (PDF text) joined
    std::size_t fullwidth = 0;  // full-width ASCII characters read as ASCII for analysis
};

// Whether t[i] is a sign of mis-decoded text: a '?' glued to Chinese text or letters, a
// box-drawing or private-use character beside Han, a lone lowercase letter between ideographs.
bool looks_mis_decoded(const std::u32string& t, std::size_t i);

// Shows the Latin punctuation of a line that stands in Chinese text in its full-width form
// (GB/T 15834): , : ; ? ! ( ) and straight quotes, paired as “…” ‘…’. Numbers, times, URLs,
// e-mail addresses and Latin text keep theirs, and so do the [begin, end) runs of `leave`
// (text flagged as mis-decoded). One character for one; returns the positions changed, in order.
std::vector<std::size_t> widen_punctuation(std::u32string& text,
                                           const std::vector<std::pair<std::size_t, std::size_t>>& leave = {});

// Number of tone-marked pinyin annotations in a raw text: above a few, toneless annotations
// such as "(de)" after a character are treated as annotations too.
std::size_t count_tone_marked_pinyin(const std::u32string& raw);

// Builds a Line from raw source text starting at source offset `start`, or, when `origin`
// is given, whose code point i stands at source offset origin[i].
Line make_line(const std::u32string& raw, std::size_t start, const std::vector<std::uint32_t>* origin,
               bool pinyin_document, CleanupReport& report);

}  // namespace gongwen
