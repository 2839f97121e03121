// JSON views of the document model: the full document (same content as the native XML) and
// the short summary behind `gongwen inspect --format json`. Both are 2-space indented, keep a
// fixed key order, end with a newline, and keep non-ASCII UTF-8 as is.
#pragma once

#include <string>

#include "model/document.hpp"

namespace gongwen {

// {"version": "1", "source": {…}, "metadata": {"title": {"value", "inferred", "start", "end"}
// or null, …, "extra": […]}, "blocks": [{"kind", "level", "marker", "text", "start", "end",
// "items"}], "diagnostics": [{"kind", "count", "message", "spans": [[start, end], …]}]}.
// A metadata field is null only when it is entirely default (as in the XML, a field with an
// empty value may still carry a span or the inferred flag). Offsets are code points.
// Bytes that are not valid UTF-8 are written as U+FFFD, since JSON text must be UTF-8.
std::string write_json(const Document& doc);

// {"file", "charset", "charset_guessed", "title", "title_inferred", "org", "year",
//  "published", "signed", "addressee", "headings": [{"level", "marker", "text"}],
//  "diagnostics": [{"kind", "count"}]}. Absent metadata is null; year is an integer, or null
// when the model's year is not plain decimal digits.
std::string write_inspect_json(const Document& doc);

}  // namespace gongwen
