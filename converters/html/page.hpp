// Internal to the HTML reader: the parsed page (a pugixml tree that remembers where each node
// stood in the decoded source), and the steps read_html() is made of.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "gongwen/document.hpp"
#include "gongwen/raw.hpp"

namespace gongwen::html {

// --- charset.cpp --------------------------------------------------------------------------

struct PageText {
    std::string text;               // UTF-8, BOM removed
    std::string charset;            // canonical, as in Source::charset
    bool guessed = false;           // detected statistically, nothing declared
    std::vector<Diagnostic> notes;  // declared/detected disagreements, replaced bytes
};

// The charset a page declares in its first bytes (<meta charset>, <meta http-equiv
// content="…charset=…">, <?xml encoding=…?>), as an ICU converter name, or empty.
std::string declared_charset(std::string_view bytes);
// Decodes the page: BOM, then the declaration, then decode()'s detection.
PageText decode_page(std::string_view bytes, const std::string& name);

// --- dom.cpp ------------------------------------------------------------------------------

// Byte offsets in the decoded UTF-8 text to code point offsets, without a table per byte.
class CodePoints {
public:
    explicit CodePoints(std::string_view text);
    std::uint32_t at(std::size_t byte) const;

private:
    static constexpr std::size_t kStep = 64;
    std::string_view text_;
    std::vector<std::uint32_t> marks_;  // code point offset of byte k * kStep
};

// Where a node came from: for an element its start tag to the end of its end tag (or of its
// last descendant), for text and attribute values the raw source before entity decoding.
struct Origin {
    std::uint32_t begin = 0;  // bytes
    std::uint32_t end = 0;
};

// Elements nested deeper than this are attached to their ancestor at this depth (as browsers
// do), and start tags nested deeper in the raw text are blanked before parsing, since the
// HTML5 tree builder's scope checks grow with the depth of the open-element stack.
inline constexpr std::size_t kMaxDepth = 512;

struct Page {
    std::string text;  // the decoded source; every offset refers to it
    pugi::xml_document doc;
    std::unordered_map<const void*, Origin> origins;  // by pugi node or attribute object
    std::optional<CodePoints> code_points;
    std::size_t blanked_tags = 0;  // start and end tags blanked by the depth guard
    std::size_t depth = 0;         // the deepest nesting the depth guard counted

    Page() = default;
    Page(const Page&) = delete;
    Page& operator=(const Page&) = delete;

    pugi::xml_node html() const { return doc.document_element(); }
    pugi::xml_node body() const { return html().child("body"); }
    // The element's source range in code points.
    Span span_of(pugi::xml_node element) const;
    // Each code point of a text node's value, or of an attribute's value: its source offset.
    std::vector<std::uint32_t> text_origins(pugi::xml_node text) const;
    std::vector<std::uint32_t> value_origins(pugi::xml_attribute attribute) const;
    std::uint32_t code_point(std::size_t byte) const { return code_points->at(byte); }
};

// Parses decoded HTML with gumbo and converts the tree. `page.text` must be set.
void parse_page(Page& page);

// --- elements.cpp: what the HTML elements are ---------------------------------------------

bool is_block_element(std::string_view tag);  // starts a new line (p, div, li, h1, td, …)
bool is_heading_element(std::string_view tag);
int heading_level(std::string_view tag);  // 1–6, else 0
// Never content: scripts, styles, form controls, embedded objects, hidden elements.
bool is_invisible(pugi::xml_node element);
// <b>, <strong> or a bold font-weight in the style attribute.
bool is_bold(pugi::xml_node element);
// class and id, lower-cased, for the class-name heuristics.
std::string class_and_id(pugi::xml_node element);
bool has_token(std::string_view class_id, std::string_view token);

// --- text.cpp: inline text with its source positions --------------------------------------

// Text gathered from inline content: whitespace collapsed as a browser renders it (a line
// break between two Chinese characters disappears), each code point with its source offset.
class LineBuilder {
public:
    void add_text(std::u32string_view text, const std::vector<std::uint32_t>& origins, bool preformatted);
    // A character the page does not write (a colon between a label cell and its value).
    void add_synthetic(char32_t cp);
    void space();       // a break between inline boxes that renders as a space
    void line_break();  // a block boundary inside one line (paragraphs of a table cell)
    bool empty() const { return text_.empty(); }
    const std::u32string& text() const { return text_; }
    const std::vector<std::uint32_t>& origins() const { return origins_; }
    RawBlock take(int heading_hint);  // the line so far, then starts a new one
    void clear();

private:
    std::u32string text_;
    std::vector<std::uint32_t> origins_;
    bool pending_space_ = false;
    bool pending_break_ = false;  // the pending whitespace held a line break
    std::uint32_t pending_origin_ = 0;
};

bool has_sentence(std::u32string_view text);  // holds 。！？； or ，
// The first `max` visible characters below `node` (scripts, styles and hidden parts skipped).
std::u32string visible_text(pugi::xml_node node, std::size_t max);
std::size_t visible_length(std::u32string_view text);  // code points that are not spaces

// --- content.cpp: the main content ---------------------------------------------------------

// Per-element statistics and marks, indexed by pre-order number.
struct Stats {
    std::size_t text = 0;       // visible code points below, pruned parts excluded
    std::size_t link_text = 0;  // of them inside <a>
    std::size_t punct = 0;      // Chinese clause punctuation (，。；、！？)
    std::size_t periods = 0;    // 。 alone: full sentences
    std::size_t links = 0;
    std::size_t tables = 0;       // <table> elements below
    std::size_t inline_text = 0;  // visible code points of its own line(s): not in nested blocks
    std::size_t inline_punct = 0;
    bool mark = false;    // chrome, hidden or never content (the whole subtree)
    bool pruned = false;  // marked, or inside a marked element
};

struct Analysis {
    std::vector<pugi::xml_node> elements;  // pre-order
    std::vector<std::size_t> parent;       // pre-order number of the parent; npos for the root
    std::vector<std::size_t> last;         // pre-order number of the last descendant
    std::unordered_map<const void*, std::size_t> index;
    std::vector<Stats> stats;
    std::vector<Span> removed;  // chrome the reader dropped, for the diagnostic
    pugi::xml_node best;        // the densest content container

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t id(pugi::xml_node element) const;
    const Stats& of(pugi::xml_node element) const { return stats[id(element)]; }
    bool pruned(pugi::xml_node element) const {
        const std::size_t i = id(element);
        return i < stats.size() && stats[i].pruned;
    }
    bool inside(pugi::xml_node element, pugi::xml_node ancestor) const;
};

struct Content {
    pugi::xml_node article;                    // the region read as the document
    std::vector<pugi::xml_node> outside;       // title and info bar lines found before it
    std::vector<pugi::xml_node> index_tables;  // 信息公开 index tables outside it
};

// Numbers the elements of `page`, marks chrome, scores containers, chooses the region to read.
Content find_content(const Page& page, Analysis& analysis, std::u32string_view title);

// --- flow.cpp: blocks --------------------------------------------------------------------

// The lines (RawBlocks) and finished blocks (tables, images) of `root`, in source order;
// index tables inside it go to `stated`.
void read_flow(const Page& page, const Analysis& analysis, pugi::xml_node root, std::vector<RawBlock>& out,
               std::vector<RawBlock>& stated);
// The inline text of an element (block breaks become spaces).
LineBuilder inline_text(const Page& page, const Analysis& analysis, pugi::xml_node element);

// --- tables.cpp ---------------------------------------------------------------------------

enum class TableKind { data, layout, index };
TableKind classify_table(const Page& page, const Analysis& analysis, pugi::xml_node table);
Block table_block(const Page& page, const Analysis& analysis, pugi::xml_node table);
// The 信息公开 index table as "label:value" lines for enrich()'s stated metadata.
void index_lines(const Page& page, const Analysis& analysis, pugi::xml_node table, std::vector<RawBlock>& out);
// Rows of a table (thead/tbody/tfoot looked into, nested tables not).
std::vector<pugi::xml_node> table_rows(pugi::xml_node table);
bool is_metadata_label(std::u32string_view text);  // 索引号, 发布机构, … (colon optional)

// --- page_metadata.cpp --------------------------------------------------------------------

struct PageMetadata {
    std::vector<RawBlock> stated;  // "label:value" lines for enrich()
    std::string url;
    Span url_span;
    std::u32string title;       // <meta ArticleTitle> or <title>, for locating the title
    std::u32string html_title;  // the <title> element
};

PageMetadata read_head(const Page& page);
// The breadcrumb outside `content` as a 栏目路径 line, if the page has one.
void read_breadcrumb(const Page& page, const Analysis& analysis, PageMetadata& meta);
// A "label:value" line for enrich(), the value with its source offsets; the label is one the
// page does not write (a meta tag's name in Chinese).
RawBlock stated_line(std::u32string_view label, const LineBuilder& value);
// A label cell and its value cell as one "label:value" line; with an empty value, the label
// cell holds both.
RawBlock labelled_line(const LineBuilder& label, const LineBuilder& value);

}  // namespace gongwen::html
