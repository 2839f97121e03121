// What a reader makes of an input, before the passes: the text's lines or paragraphs with their
// source offsets, the blocks it could finish itself (tables, images), and what it knows about the
// document from outside the text. The passes (run_passes) turn it into a Document, the same way
// for every reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

// One line or paragraph as a reader found it, text exactly as in the decoded source.
struct RawBlock {
    std::string text;       // UTF-8, untrimmed
    std::size_t start = 0;  // code point offset of text's first character in the source text
    // For text assembled from pieces (HTML inline elements, entities): the source offset of
    // each code point of `text`. Empty when the text is one contiguous run from `start`.
    std::vector<std::uint32_t> origin;
    // 1–6 when the source marks the text as a heading (HTML h1–h6). A hint only: levels come
    // from the numbering grammar; an h1/h2 before the body may be the title.
    int heading_hint = 0;
    // A finished block the passes keep as it is (a table, an image), placed by its span.
    std::optional<Block> block;
};

struct RawDocument {
    Source source;
    std::vector<RawBlock> blocks;
    // Metadata found outside the text (an HTML page's <meta> tags, its index table, its
    // breadcrumb): one "label:value" line each in the vocabulary of metadata lines (发布日期:…,
    // 来源:…, 标题:…), with source offsets. They never become blocks. They fill only what the
    // text's own metadata lines left empty: the same value again counts as merged, a different one
    // as a conflict (the text's value is kept). A label the passes do not know becomes an extra field.
    std::vector<RawBlock> stated;
    // The titles the source gives itself outside the text (a page's <title>, its ArticleTitle):
    // lines at the top of the text that together spell one of them are joined into one title line.
    std::vector<std::u32string> titles;
    // The page's own address, used when no metadata line states one.
    Field source_url;
    // What the reader found about the input itself (a declared charset that was wrong …): the
    // document's first diagnostics.
    std::vector<Diagnostic> input_notes;
    // Page furniture the reader left out of the text: counted with what the passes remove.
    std::vector<Span> removed;
    // What the reader had to do to read it (nesting flattened, no body found): the last diagnostics.
    std::vector<Diagnostic> reader_notes;
};

// Splits decoded text into RawBlocks, one per line (LF, CRLF or CR), keeping offsets. Throws
// LimitError for more lines than the budget allows.
std::vector<RawBlock> split_lines(const std::string& text, const Budget& budget = {});

// Runs every pass over `raw` and returns the finished document: cleanup, page chrome and
// metadata, the title block, the outline, the closing parts, what a careful reader infers, the
// facts. Never throws for content: whatever cannot be understood stays a paragraph. Throws
// LimitError for a line over the budget's length or a report over its time. Each raw block's
// text is freed as soon as its line is made, so a large input is not held twice. The facts are
// not yet mapped to a catalog's indicators (map_facts).
Document run_passes(RawDocument raw, const Budget& budget = {});

}  // namespace gongwen
