// Plain text in, and plain text / Markdown out.
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace gongwen {

// Reads a report from its raw bytes: decode, split into lines, enrich. Throws gongwen::Error
// naming `name` when the bytes are not text.
Document read_text(std::string_view bytes, const std::string& name);
// The same for bytes the caller gives up: they become the decoded text instead of being
// copied, so that a large input is not held twice.
Document read_text(std::string&& bytes, const std::string& name);

// The document as readable text: title, metadata, the outline with its markers, paragraphs.
std::string write_text(const Document& doc);
// The same as Markdown: headings as #, enumeration items as lists, metadata as a table.
std::string write_markdown(const Document& doc);
// What `gongwen inspect` prints: metadata, outline, facts and diagnostics, for a person.
std::string write_inspect_text(const Document& doc);

}  // namespace gongwen
