// Plain text in, and plain text / Markdown out (the formats txt and md).
#pragma once

#include <string>
#include <string_view>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/raw.hpp"

namespace gongwen {

// Reads a report from its raw bytes for the passes: the charset decoded, one raw block a line.
// Throws gongwen::Error naming `name` when the bytes are not text, LimitError over the budget.
RawDocument read_text(std::string_view bytes, const std::string& name, const Budget& budget = {});
// The same for bytes the caller gives up: they become the decoded text instead of being
// copied, so that a large input is not held twice.
RawDocument read_text(std::string&& bytes, const std::string& name, const Budget& budget = {});

// The document as readable text: title, metadata, the outline with its markers, paragraphs.
std::string write_text(const Document& doc);
// The same as Markdown: headings as #, enumeration items as lists, metadata as a table.
std::string write_markdown(const Document& doc);
// What `gongwen inspect` prints: metadata, outline, facts and diagnostics, for a person.
std::string write_inspect_text(const Document& doc);

}  // namespace gongwen
