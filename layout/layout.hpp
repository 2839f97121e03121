// The GB/T 9704 grid layout engine: a Document becomes pages of positioned glyphs and rules.
// Every line of a page sits on one of 22 grid lines of the type area; body characters sit in
// 28 cells per line. Coordinates are PDF points with the origin at the top left of the page.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"
#include "layout/fonts.hpp"

namespace gongwen::layout {

inline constexpr double kPointsPerMm = 72.0 / 25.4;

// GB/T 9704-2012: A4, type area (版心) 156 × 225 mm at 37 mm from the top and 28 mm from the
// left, 22 lines of 28 characters of 3号 (16 pt) text filling it.
namespace geometry {
inline constexpr double page_width = 210 * kPointsPerMm;
inline constexpr double page_height = 297 * kPointsPerMm;
inline constexpr double left = 28 * kPointsPerMm;
inline constexpr double top = 37 * kPointsPerMm;
inline constexpr double width = 156 * kPointsPerMm;
inline constexpr double height = 225 * kPointsPerMm;
inline constexpr int lines_per_page = 22;
inline constexpr int chars_per_line = 28;
inline constexpr double line_pitch = height / lines_per_page;  // 28.99 pt
inline constexpr double cell = width / chars_per_line;         // 15.79 pt
inline constexpr double body_size = 16;                        // 3号
inline constexpr double title_size = 22;                       // 2号
inline constexpr double page_number_size = 14;                 // 4号
inline constexpr double table_size = 14;                       // 4号, so tables fit more per row
inline constexpr double page_number_top = top + height + 7 * kPointsPerMm;
inline constexpr double rule_width = 0.5;
}  // namespace geometry

// What a drawn item is in the document, for tagged output (the PDF structure tree, OFD's custom
// tags): the block it belongs to, by its position in Layout::blocks (reading order; -1 for what
// belongs to no block: page numbers), and which part of the block it draws.
struct Tag {
    enum class Part : unsigned char {
        artifact,  // drawn but not content: page numbers, table rules, picture frames, the empty box
                   // of a character no font has, a table's header rows repeated on a later page
        text,      // the block's own text (an image's alternative text in its frame)
        caption,   // a table's caption
        cell,      // the text of the table cell `cell`
    };
    Part part = Part::artifact;
    int block = -1;
    int cell = -1;  // index into Layout::blocks[block].cells
    friend bool operator==(const Tag&, const Tag&) = default;
};

// A table cell at its grid position (rows and columns counted as HTML places spanning cells).
struct TaggedCell {
    int row = 0, col = 0, row_span = 1, col_span = 1;
    bool header = false;  // a header cell, or a cell of a header row
};

// A block as tagged output presents it: one per block of reading_order(), in that order.
struct TaggedBlock {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;                  // headings: outline level 1–4
    std::string alt;                // images: the alternative text
    int rows = 0, columns = 0;      // tables: the grid
    int header_rows = 0;            // tables: leading header rows (repeated on every page)
    std::vector<TaggedCell> cells;  // tables: every cell, row by row as the source gives them
};

struct PlacedGlyph {
    unsigned index = 0;
    double x = 0;
    double y = 0;  // baseline
};

// Glyphs of one face at one size, with their text: one cluster of `cluster_bytes[i]` UTF-8
// bytes per glyph, so the PDF maps every glyph back to its character.
struct TextRun {
    int face = 0;
    double size = 0;
    std::vector<PlacedGlyph> glyphs;
    std::string utf8;
    std::vector<int> cluster_bytes;
    Tag tag;
};

// A rule or frame line; always an artifact, of the block that draws it.
struct Stroke {
    double x0, y0, x1, y1;
    Tag tag;
};

// The cell of a character no font has: drawn as an empty box, never as .notdef.
struct Box {
    double x, y, w, h;
    Tag tag;
};

struct Page {
    std::vector<TextRun> runs;
    std::vector<Stroke> strokes;
    std::vector<Box> boxes;
};

// A heading of outline levels 1–3 and where it landed.
struct Bookmark {
    int level = 1;
    std::string title;
    std::size_t page = 0;
    double y = 0;  // top of its first line
};

struct Layout {
    std::vector<Page> pages;
    std::vector<TaggedBlock> blocks;  // reading_order(doc), as every Tag::block counts them
    std::vector<Bookmark> bookmarks;
    std::vector<Diagnostic> diagnostics;  // glyph_missing, font_substituted
};

// A page's rules as few strokes as draw the same lines: strokes of one block on one horizontal
// (or vertical) line that overlap or touch become one, and a rule drawn twice (a cell's bottom
// and the next row's top) is drawn once. Strokes that are neither stay as they are. The order
// is by block, then horizontals top to bottom, then verticals left to right.
void join_rules(std::vector<Stroke>& strokes);

// A number as the page descriptions (PDF, OFD) write it: at most `decimals` decimals, no
// trailing zeros, never "-0".
void put_decimal(std::string& out, double v, int decimals);

Layout lay_out(const Document& doc, const FontSet& fonts, const Budget& budget = {});

// The blocks in the order the layout draws them: the title first (a title line the reader found
// at the end of the page moves to the top; a document without one gets its metadata title).
std::vector<Block> reading_order(const Document& doc);

}  // namespace gongwen::layout
