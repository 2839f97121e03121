// JSON views of the document model: the full document (same content as the native XML) and
// the short summary behind `gongwen inspect --format json`. Both are 2-space indented, keep a
// fixed key order, end with a newline, and keep non-ASCII UTF-8 as is.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

// {"version": "1", "source": {…}, "metadata": {"title": {"value", "inferred", "start", "end"}
// or null, …, "extra": […]}, "blocks": [{"kind", "level", "marker", "text", "start", "end",
// "items"}], "diagnostics": [{"kind", "count", "message", "spans": [[start, end], …]}]}.
// A metadata field is null only when it is entirely default (as in the XML, a field with an
// empty value may still carry a span or the inferred flag). Offsets are code points.
// Bytes that are not valid UTF-8 are written as U+FFFD, since JSON text must be UTF-8.
std::string write_json(const Document& doc);
// The same bytes, streamed to `out` a block at a time: a large document is never held twice.
// Throws LimitError when the report's time is up.
void write_json(const Document& doc, std::ostream& out, const Budget& budget = {});

// Reads what write_json writes: read_json(write_json(doc)) == doc for every document whose
// strings are valid UTF-8. Strict JSON (RFC 8259: no comments, no trailing commas, UTF-8 only,
// no unpaired surrogates); keys may come in any order, but every key must be known, none
// repeated, and each object must have all its keys; "heading_path" is derived and ignored.
// A fact's value keeps its exact text, and must be a number a double could hold (±1.8e308).
// The model's invariants hold as in read_xml (heading levels 1–4, items in paragraphs only,
// facts naming existing blocks). Throws gongwen::Error naming `name` and the line.
Document read_json(std::string_view json, const std::string& name);

// {"file", "charset", "charset_guessed", "title", "title_inferred", "org", "year",
//  "published", "signed", "addressee", "headings": [{"level", "marker", "text"}],
//  "diagnostics": [{"kind", "count"}]}. Absent metadata is null; year is an integer, or null
// when the model's year is not plain decimal digits.
std::string write_inspect_json(const Document& doc);

}  // namespace gongwen
