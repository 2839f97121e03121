// Line breaking for Chinese official documents: where a line may end (ICU's line
// BreakIterator plus the Chinese line-start/line-end rules and unsplittable Latin/digit tokens),
// how a paragraph fills lines of a fixed width, and how a long title wraps into a balanced
// trapezoid. Pure functions over code points and widths, so they are testable without fonts.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace gongwen::layout {

// 行首禁则: characters no line may start with (closing punctuation, pause and stop marks).
bool forbidden_at_line_start(char32_t cp);
// 行尾禁则: characters no line may end with (opening brackets and quotes).
bool forbidden_at_line_end(char32_t cp);
// Full-width punctuation whose glyph fills only one half of its cell, so half the cell may be
// taken away when a line must squeeze (标点挤压).
bool squeezable(char32_t cp);
// Whether text[k] gives up half its cell on a line starting at `line_begin`: not an opening
// bracket at the very start of a line, whose glyph would then reach into the margin.
bool squeezes(std::u32string_view text, std::size_t k, std::size_t line_begin);
// Characters that take a whole grid cell (ideographs, full-width punctuation and forms).
bool full_width(char32_t cp);

// allowed[i] is true when a line may start at text[i] (allowed[0] is false). Combines ICU's line
// break rules with the Chinese rules above and keeps Latin/digit tokens (2023, 13.9%, URLs) whole.
std::vector<bool> break_opportunities(std::u32string_view text);

// One line of a broken paragraph. Widths are in em of the text's size.
struct LineSpan {
    std::size_t begin = 0;  // first code point drawn
    std::size_t end = 0;    // one past the last code point drawn (trailing spaces excluded)
    double natural = 0;     // width of [begin, end) before adjustment
    double squeeze = 0;     // em taken from each squeezable character (0 to 0.5)
    double stretch = 0;     // em added at each stretchable gap (justification)
    bool last = false;      // the paragraph's last line (not justified)
};

struct LineWidths {
    double first = 28;  // em available on the first line (after the indent)
    double rest = 28;   // em available on the following lines
};

// Breaks `text` (with the advance of each code point in `widths`) into lines: greedy, preferring
// to squeeze punctuation over pushing a character to the next line when a Chinese rule forbids
// the natural break, and justifying every line but the last to the full width.
std::vector<LineSpan> break_lines(std::u32string_view text, const std::vector<double>& widths, LineWidths available);

// Whether extra space may go between text[i - 1] and text[i] when a line is justified: not
// inside a Latin/digit token, where it would read as a word space.
bool stretchable_gap(char32_t before, char32_t after);

// Splits a title wider than `max_width` into balanced lines shaped like a trapezoid (each line
// no shorter than the one below), breaking only between words (ICU's dictionary word
// segmentation) where the line rules allow it. Returns the start index of every line after the
// first; empty when the title fits on one line.
std::vector<std::size_t> title_breaks(std::u32string_view title, const std::vector<double>& widths, double max_width);

}  // namespace gongwen::layout
