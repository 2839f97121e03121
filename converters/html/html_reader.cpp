// read_html(): decode → parse → page metadata → main content → lines and blocks → enrich().
#include <algorithm>

#include "converters/html/html.hpp"
#include "converters/html/page.hpp"
#include "model/error.hpp"
#include "model/limits.hpp"
#include "model/sha256.hpp"
#include "model/text_util.hpp"

namespace gongwen {

namespace {

using html::Analysis;
using html::Content;
using html::Page;

constexpr std::size_t kMaxSpans = 50;  // spans listed per diagnostic; the count says the rest

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

std::u32string squeezed(std::u32string_view text) {
    std::u32string s;
    for (char32_t cp : fold(text))
        if (!is_space(cp)) s.push_back(cp);
    return s;
}

// What the page says its title is: <meta ArticleTitle>, <title>, the index table's 标题.
std::vector<std::u32string> known_titles(const html::PageMetadata& meta, const std::vector<RawBlock>& stated) {
    std::vector<std::u32string> titles{squeezed(meta.title), squeezed(meta.html_title)};
    for (const RawBlock& line : stated) {
        const std::u32string s = squeezed(to_u32(line.text));
        const std::size_t colon = s.find(':');
        if (colon == std::u32string::npos) continue;
        const std::u32string_view label = std::u32string_view(s).substr(0, colon);
        if (label == U"标题" || label == U"名称" || label == U"文件名称" || label == U"信息名称") titles.push_back(s.substr(colon + 1));
    }
    return titles;
}

// `run` is the whole title, or the title part of a <title> that goes on with the site's name.
bool is_title(std::u32string_view run, std::u32string_view title) {
    if (title.substr(0, run.size()) != run) return false;
    return run.size() == title.size() || !is_han(title[run.size()]);
}

// A long title printed over two or three lines (gov.cn centres it in bold, one <p> a line)
// becomes one line again when the lines together are the title the page states.
void join_title_lines(std::vector<RawBlock>& raw, const std::vector<std::u32string>& titles) {
    constexpr std::size_t kLook = 12;  // the title comes before the text: only the first lines
    for (std::size_t i = 0; i < raw.size() && i < kLook; ++i) {
        std::u32string run;
        std::size_t end = i;  // one past the last line of the longest run that is the title
        for (std::size_t j = i; j < raw.size() && j < i + 4 && !raw[j].block; ++j) {
            const std::u32string line = to_u32(raw[j].text);
            if (html::has_sentence(line)) break;
            run += squeezed(line);
            if (j > i && std::any_of(titles.begin(), titles.end(), [&](const std::u32string& t) { return is_title(run, t); }))
                end = j + 1;
        }
        if (end == i) continue;
        for (std::size_t j = i + 1; j < end; ++j) {
            raw[i].text += raw[j].text;
            raw[i].origin.insert(raw[i].origin.end(), raw[j].origin.begin(), raw[j].origin.end());
        }
        raw.erase(raw.begin() + static_cast<std::ptrdiff_t>(i) + 1, raw.begin() + static_cast<std::ptrdiff_t>(end));
        return;
    }
}

// The chrome the reader dropped joins what the passes removed as one finding.
void report_removed(Document& doc, std::vector<Span> removed) {
    if (removed.empty()) return;
    auto it = std::find_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                           [](const Diagnostic& d) { return d.kind == "boilerplate_removed"; });
    if (it == doc.diagnostics.end()) {
        doc.diagnostics.push_back(Diagnostic{"boilerplate_removed", 0,
                                             "web-page navigation, widgets and footer lines removed from the body", {}});
        it = doc.diagnostics.end() - 1;
    }
    it->count += removed.size();
    it->spans.insert(it->spans.end(), removed.begin(), removed.end());
    std::sort(it->spans.begin(), it->spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    if (it->spans.size() > kMaxSpans) it->spans.resize(kMaxSpans);
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
    std::string url;
    Span url_span;
    std::vector<Span> removed;
    std::size_t blanked_tags = 0;
};

PageReading read_page(std::string_view bytes, const std::string& name) {
    PageReading r;
    r.decoded = html::decode_page(bytes, name);
    Page page;
    page.text = std::move(r.decoded.text);
    html::parse_page(page);
    check_depth(page.depth, name);  // --max-depth: deeper than that is refused, not flattened

    html::PageMetadata meta = html::read_head(page);
    Analysis analysis;
    const Content content = html::find_content(page, analysis, meta.title);
    html::read_breadcrumb(page, analysis, meta);
    // The page's visible index tables first: they outrank meta tags.
    if (content.article) r.raw = read_lines(page, analysis, content, r.stated);
    join_title_lines(r.raw, known_titles(meta, r.stated));
    if (r.raw.empty() && !has_visible_text(page) && meta.stated.empty())
        throw Error(name, "no body text: the page shows no text or images to read");
    r.stated.insert(r.stated.end(), std::make_move_iterator(meta.stated.begin()), std::make_move_iterator(meta.stated.end()));
    r.url = std::move(meta.url);
    r.url_span = meta.url_span;
    r.removed = std::move(analysis.removed);
    r.blanked_tags = page.blanked_tags;
    return r;
}

}  // namespace

Document read_html(std::string_view bytes, const std::string& name) {
    PageReading page = read_page(bytes, name);
    const bool no_body = page.raw.empty();
    Source source;
    source.name = name;
    source.size = bytes.size();
    source.sha256 = sha256_hex(bytes);
    source.charset = page.decoded.charset;
    source.charset_guessed = page.decoded.guessed;
    Document doc = enrich(std::move(source), std::move(page.raw), page.stated);  // frees each line's text as it goes

    if (!doc.metadata.source_url.present() && !page.url.empty())
        doc.metadata.source_url = Field{page.url, false, page.url_span};
    doc.diagnostics.insert(doc.diagnostics.begin(), page.decoded.notes.begin(), page.decoded.notes.end());
    report_removed(doc, std::move(page.removed));
    if (page.blanked_tags > 0)
        doc.diagnostics.push_back(Diagnostic{"nesting_flattened", page.blanked_tags,
                                             "elements nested more than " + std::to_string(html::kMaxDepth) +
                                                 " deep were read as if not nested",
                                             {}});
    if (no_body)
        doc.diagnostics.push_back(Diagnostic{"no_body_text", 1,
                                             "the page's text is all navigation, widgets and footer: no body was found", {}});
    return doc;
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
