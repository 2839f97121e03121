#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/read.hpp"
#include "gongwen/text.hpp"

namespace gongwen::test {

inline std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(GONGWEN_FIXTURES) + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Bytes read as a report in `format` ("txt", "html", "xml", "json"): the passes run and the
// facts mapped with the built-in catalog, as the command line reads them.
inline Document read_as(std::string bytes, const std::string& name, const std::string& format) {
    ReadOptions options;
    options.format = format;
    return read_bytes(std::move(bytes), name, options);
}

// A text as the text reader gives it to the passes.
inline RawDocument read_as_raw(const std::string& text, const std::string& name) { return read_text(text, name); }

inline Document read_as_txt(std::string bytes, const std::string& name) {
    return read_as(std::move(bytes), name, "txt");
}
inline Document read_as_html(std::string bytes, const std::string& name) {
    return read_as(std::move(bytes), name, "html");
}

// A text read as a report is: the passes run and the facts mapped with the built-in catalog.
inline Document parse(const std::string& text, const Limits& limits = {}) {
    ReadOptions options;
    options.format = "txt";
    options.limits = limits;
    return read_bytes(text, "test.txt", options);
}

// A web page the same way.
inline Document parse_html(const std::string& html, const std::string& name = "page.html", const Limits& limits = {}) {
    ReadOptions options;
    options.format = "html";
    options.limits = limits;
    return read_bytes(html, name, options);
}

// A block of the given kind, for documents built by hand.
inline Block block(BlockKind kind, int level, std::string marker, std::string text, Span span) {
    Block b;
    b.kind = kind;
    b.level = level;
    b.marker = std::move(marker);
    b.text = std::move(text);
    b.span = span;
    return b;
}

inline std::vector<const Block*> blocks_of(const Document& doc, BlockKind kind, int level = 0) {
    std::vector<const Block*> out;
    for (const Block& b : doc.blocks)
        if (b.kind == kind && (level == 0 || b.level == level)) out.push_back(&b);
    return out;
}

inline std::size_t diagnostic_count(const Document& doc, const std::string& kind) {
    for (const Diagnostic& d : doc.diagnostics)
        if (d.kind == kind) return d.count;
    return 0;
}

// The source text of a span (code point offsets into the decoded text).
inline std::string slice(const std::string& utf8, Span span) {
    std::size_t cp = 0;
    std::size_t begin = std::string::npos;
    std::size_t end = utf8.size();
    for (std::size_t i = 0; i <= utf8.size(); ++i) {
        const bool boundary = i == utf8.size() || (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80;
        if (!boundary) continue;
        if (cp == span.start && begin == std::string::npos) begin = i;
        if (cp == span.end) {
            end = i;
            break;
        }
        ++cp;
    }
    return begin == std::string::npos ? std::string() : utf8.substr(begin, end - begin);
}

}  // namespace gongwen::test
