// HTML in: saved government web pages (HTML5 or XHTML, any charset a browser accepts).
#pragma once

#include <string>
#include <string_view>

#include "model/document.hpp"

namespace gongwen {

// Reads a report from a web page's raw bytes: charset (BOM, then the page's own declaration,
// then detection), HTML5 parsing, the main content without navigation, widgets and footer,
// the page's metadata (meta tags, info bar, 信息公开 index table, breadcrumb), data tables and
// images; then the same passes as for text. Spans are code point offsets into the decoded
// HTML source. Throws gongwen::Error naming `name` when the bytes are not text or the page has
// no readable text at all.
Document read_html(std::string_view bytes, const std::string& name);

// True when `bytes` start like an HTML document (<!DOCTYPE html or <html, after a BOM,
// spaces and comments), for inputs whose name does not say.
bool looks_like_html(std::string_view bytes);

}  // namespace gongwen
