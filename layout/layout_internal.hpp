// Pieces the layout engine's files share: grid lines before pagination, and text shaping.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/layout.hpp"
#include "layout/linebreak.hpp"

namespace gongwen::layout {

// How text of one kind is set: its font role, its size, and how many points one em advances
// (body text advances one grid cell per em, slightly less than its 16 pt size, so that 28
// characters fill the 156 mm line exactly).
struct TextStyle {
    Role role = Role::body;
    double size = geometry::body_size;
    double em = geometry::cell;
};

enum class Align {
    justify,
    left,
    center,
    right,
    center_single,  // centred when it fits on one line, justified when it wraps (table cells)
};

// One grid line before pagination: what it draws, relative to the top of its grid line.
struct FlowLine {
    std::vector<TextRun> runs;
    std::vector<Stroke> strokes;
    std::vector<Box> boxes;
    // A line of a ruled table: the rules above and below it, which pagination completes to the
    // full table width where a page break cuts the table.
    struct TableEdges {
        double x0 = 0, x1 = 0;
        std::vector<std::pair<double, double>> top, bottom;
        bool first = false, last = false;  // the table's first / last line
    };
    std::optional<TableEdges> table;
    // Table lines: the rows they belong to and the cell of each run, so that a page draws
    // each cell's lines one after the other and text extracts cell by cell.
    int rows = -1;
    std::vector<int> run_cell;
    int block = -1;  // the block whose chunk the line is (its strokes' Tag::block)
};

// Grid lines that paginate as one unit.
struct Chunk {
    std::vector<FlowLine> lines;
    bool blank = false;           // one empty grid line; dropped at the top of a page
    bool keep_together = false;   // never split across pages (unless taller than a page)
    bool keep_with_next = false;  // its last line stays on the page of the next chunk's first line
    int table = -1;               // the table (numbered per document) whose rows these are
    bool table_header = false;    // header rows, repeated on every page the table continues on
    int bookmark_level = 0;       // 1–3 for headings that become bookmarks
    std::string bookmark_title;
};

// Turns text into glyphs of a role's font chain and collects the characters no font has.
class Shaper {
public:
    explicit Shaper(const FontSet& fonts) : fonts_(fonts) {}

    struct Shaped {
        std::u32string text;
        std::vector<Glyph> glyphs;
        std::vector<double> widths;  // em; a full cell for every full-width character
        Tag tag;                     // what its runs are in the document (the shaper's tag when shaped)
    };
    // `record`: count the characters no font has (false when only measuring).
    Shaped shape(std::u32string_view text, Role role, bool record = true);

    // Breaks `text` into lines `width` em wide (after `indent` em on the first line and
    // `hanging` em on the others) starting `x` points from the page's left edge.
    std::vector<FlowLine> paragraph(std::u32string_view text, const TextStyle& style, double x, double width,
                                    double indent, double hanging, Align align);
    // Draws one broken line of `shaped` at `x` on a grid line, baseline `baseline` below its top.
    void draw(FlowLine& out, const Shaped& shaped, const LineSpan& line, const TextStyle& style, double x,
              double baseline) const;
    double ascent(const TextStyle& style) const { return fonts_.primary(style.role).ascent() * style.size; }
    const FontSet& fonts() const { return fonts_; }

    void set_block(Span span) { block_span_ = span; }
    // What the text shaped from now on is in the document.
    void set_tag(Tag tag) { tag_ = tag; }
    const Tag& tag() const { return tag_; }
    // glyph_missing for every character no font had, with the blocks they are in.
    std::optional<Diagnostic> missing_diagnostic() const;

private:
    const FontSet& fonts_;
    Span block_span_;
    Tag tag_;
    std::map<char32_t, std::size_t> missing_;
    std::vector<Span> missing_spans_;
    // This document's characters by role, each resolved once: the font set's shared cache takes
    // a lock per lookup, and whether a character is invisible is a Unicode property lookup.
    struct Resolved {
        Glyph glyph;
        bool invisible = false;
        double width = 0;  // in em: a full cell for wide characters and missing glyphs, else the advance
    };
    std::unordered_map<std::uint32_t, Resolved> resolved_;
};

// Width of a broken line once squeezed and stretched, in em.
double adjusted_width(const Shaper::Shaped& shaped, const LineSpan& line);

// A ruled table as grid lines: header rows (if any) as one chunk, then one chunk per group of
// rows that row spans tie together.
// The text of cell k (of tagged_cells) is tagged as that cell of the shaper's current block.
std::vector<Chunk> table_chunks(const Block& table, int table_id, Shaper& shaper);

// A table's cells at their grid positions, in the order of the source's rows and cells.
TaggedBlock tagged_table(const Block& table);

}  // namespace gongwen::layout
