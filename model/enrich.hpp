// The format-independent passes that turn a reader's raw lines into a structured Document:
// cleanup, web-page chrome removal, metadata, title, outline, enumerations, closing parts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

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

// Splits decoded text into RawBlocks, one per line (LF, CRLF or CR), keeping offsets. Throws
// gongwen::Error naming `name` for more lines than --max-lines (model/limits.hpp).
std::vector<RawBlock> split_lines(const std::string& text, const std::string& name = {});

// Runs every pass over `raw` and returns the finished document. Never throws for content:
// whatever cannot be understood stays a paragraph. Throws gongwen::Error naming the source
// for a line over --max-line-length or a report over its time (model/limits.hpp).
//
// `stated` is metadata a reader found outside the text of `raw` (an HTML page's <meta> tags,
// its breadcrumb), one "label:value" line each in the vocabulary of the metadata lines
// (发布日期:…, 来源:…, 标题:…), with source offsets like any RawBlock. These lines never become
// blocks. They are applied after the metadata lines of `raw` and only fill what those left
// empty: the same value stated again counts as merged, a different one as a conflict (the
// text's value is kept). A label the metadata lines do not know becomes an extra field.
Document enrich(Source source, const std::vector<RawBlock>& raw, const std::vector<RawBlock>& stated = {});
// The same, freeing each raw block's text as soon as its line is made: for large inputs, the
// raw text and the cleaned lines are then never both held whole.
Document enrich(Source source, std::vector<RawBlock>&& raw, const std::vector<RawBlock>& stated = {});

}  // namespace gongwen
