// HTML in: saved government web pages (HTML5 or XHTML, any charset a browser accepts).
#pragma once

#include <string>
#include <string_view>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/raw.hpp"

namespace gongwen {

// Reads a report from a web page's raw bytes for the passes: charset (BOM, then the page's own
// declaration, then detection), HTML5 parsing, the main content without navigation, widgets and
// footer, the page's metadata (meta tags, info bar, 信息公开 index table, breadcrumb) as stated
// lines, data tables and images as finished blocks. Spans are code point offsets into the decoded
// HTML source. Throws gongwen::Error naming `name` when the bytes are not text or the page has no
// readable text at all, LimitError over the budget (nesting deeper than its max_depth).
RawDocument read_html(std::string_view bytes, const std::string& name, const Budget& budget = {});

// True when `bytes` start like an HTML document (<!DOCTYPE html or <html, after a BOM,
// spaces and comments), for inputs whose name does not say.
bool looks_like_html(std::string_view bytes);

}  // namespace gongwen
