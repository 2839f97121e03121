// read_html(): decode → parse → page metadata → main content → lines and blocks for the passes.
#include <algorithm>

#include "converters/html/page.hpp"
#include "gongwen/digest.hpp"
#include "gongwen/error.hpp"
#include "gongwen/html.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

using html::Analysis;
using html::Content;
using html::Page;

// Lines from the region and from around it, in source order (stable: a finished block and
// the line of its caption can share a start).
std::vector<RawBlock> read_lines(const Page& page, const Analysis& analysis, const Content& content,
                                 std::vector<RawBlock>& stated) {
    std::vector<RawBlock> raw;
    for (pugi::xml_node table : content.index_tables) html::index_lines(page, analysis, table, stated);
    for (pugi::xml_node node : content.outside) html::read_flow(page, analysis, node, raw, stated);
    html::read_flow(page, analysis, content.article, raw, stated);
    std::stable_sort(raw.begin(), raw.end(), [](const RawBlock& a, const RawBlock& b) { return a.start < b.start; });
    return raw;
}

bool has_visible_text(const Page& page) {
    const pugi::xml_node body = page.body();
    return body && !html::visible_text(body, 1).empty();
}

}  // namespace

namespace {

// What the passes need of a page, read out of it so that the page's DOM and its analysis are
// freed before the passes run: they would otherwise stay beside the document, costing more than
// the document itself on a large page.
struct PageReading {
    html::PageText decoded;
    std::vector<RawBlock> raw;
    std::vector<RawBlock> stated;
    std::vector<std::u32string> titles;  // <meta ArticleTitle> or <title>, and the <title>
    std::string url;
    Span url_span;
    std::vector<Span> removed;
    std::size_t blanked_tags = 0;
};

PageReading read_page(std::string_view bytes, const std::string& name, const Budget& budget) {
    PageReading r;
    r.decoded = html::decode_page(bytes, name);
    Page page;
    page.text = std::move(r.decoded.text);
    html::parse_page(page);
    budget.check_depth(page.depth);  // deeper than the limit is refused, not flattened

    html::PageMetadata meta = html::read_head(page);
    Analysis analysis;
    const Content content = html::find_content(page, analysis, meta.title);
    html::read_breadcrumb(page, analysis, meta);
    // The page's visible index tables first: they outrank meta tags.
    if (content.article) r.raw = read_lines(page, analysis, content, r.stated);
    if (r.raw.empty() && !has_visible_text(page) && meta.stated.empty())
        throw Error(name, "no body text: the page shows no text or images to read");
    r.stated.insert(r.stated.end(), std::make_move_iterator(meta.stated.begin()),
                    std::make_move_iterator(meta.stated.end()));
    r.titles = {std::move(meta.title), std::move(meta.html_title)};
    r.url = std::move(meta.url);
    r.url_span = meta.url_span;
    r.removed = std::move(analysis.removed);
    r.blanked_tags = page.blanked_tags;
    return r;
}

}  // namespace

RawDocument read_html(std::string_view bytes, const std::string& name, const Budget& budget) {
    PageReading page = read_page(bytes, name, budget);
    RawDocument raw;
    raw.source.name = name;
    raw.source.size = bytes.size();
    raw.source.sha256 = sha256_hex(bytes);
    raw.source.charset = page.decoded.charset;
    raw.source.charset_guessed = page.decoded.guessed;
    raw.blocks = std::move(page.raw);
    raw.stated = std::move(page.stated);
    raw.titles = std::move(page.titles);
    if (!page.url.empty()) raw.source_url = Field{page.url, false, page.url_span};
    raw.input_notes = std::move(page.decoded.notes);
    raw.removed = std::move(page.removed);
    if (page.blanked_tags > 0)
        raw.reader_notes.push_back(Diagnostic{
            "nesting_flattened",
            page.blanked_tags,
            "elements nested more than " + std::to_string(html::kMaxDepth) + " deep were read as if not nested",
            {}});
    if (raw.blocks.empty())
        raw.reader_notes.push_back(Diagnostic{
            "no_body_text", 1, "the page's text is all navigation, widgets and footer: no body was found", {}});
    return raw;
}

bool looks_like_html(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    for (std::size_t guard = 0; guard < 64; ++guard) {
        while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\t' || bytes.front() == '\r' ||
                                  bytes.front() == '\n' || bytes.front() == '\f'))
            bytes.remove_prefix(1);
        const std::string_view end = bytes.starts_with("<!--") ? "-->" : bytes.starts_with("<?") ? "?>" : "";
        if (end.empty()) break;
        const std::size_t at = bytes.find(end);
        if (at == std::string_view::npos) return false;
        bytes.remove_prefix(at + end.size());
    }
    std::string head(bytes.substr(0, 14));
    for (char& c : head)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head");
}

}  // namespace gongwen
