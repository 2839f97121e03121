// The blocks of the content region: a line per paragraph, heading, list item, table cell of a
// layout table or <br>-separated line; tables and images as finished blocks. The walk keeps
// its own stack: a page may nest as deep as kMaxDepth.
#include <algorithm>
#include <string>

#include "converters/html/page.hpp"
#include "gongwen/numbering.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::html {

namespace {

bool preformatted(std::string_view tag) {
    return tag == "pre" || tag == "listing" || tag == "plaintext" || tag == "textarea" || tag == "xmp";
}

int pixels(pugi::xml_node img, const char* name) {
    const std::string_view v = img.attribute(name).value();
    if (v.empty() || v[0] < '0' || v[0] > '9') return -1;
    int n = 0;
    for (std::size_t i = 0; i < v.size() && v[i] >= '0' && v[i] <= '9' && n < 100000; ++i) n = n * 10 + (v[i] - '0');
    return n;
}

std::string trimmed(std::string_view s) {
    const std::u32string t(trim(to_u32(s)));
    std::u32string out;
    bool space = false;
    for (char32_t cp : t) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(cp);
    }
    return to_utf8(out);
}

// An image as a note: its alternative text and address. Spacers, tracking pixels and
// images without an address are no content.
std::optional<Block> image_block(const Page& page, pugi::xml_node img) {
    std::string src = trimmed(img.attribute("src").value());
    for (const char* lazy : {"data-src", "data-original"})  // lazy-loading pages keep the real address here
        if (src.empty() || src.rfind("data:", 0) == 0)
            if (std::string alt_src = trimmed(img.attribute(lazy).value()); !alt_src.empty()) src = alt_src;
    if (src.empty()) return std::nullopt;
    const int w = pixels(img, "width");
    const int h = pixels(img, "height");
    if ((w >= 0 && w <= 2) || (h >= 0 && h <= 2) || (w >= 0 && h >= 0 && w <= 16 && h <= 16)) return std::nullopt;
    // An inline image's bytes are no address: keep only what it is.
    if (src.rfind("data:", 0) == 0) src = src.substr(0, std::min(src.find(';'), src.find(',')));
    Block b;
    b.kind = BlockKind::image;
    b.text = trimmed(img.attribute("alt").value());
    if (b.text.empty()) b.text = trimmed(img.attribute("title").value());
    b.target = src;
    b.span = page.span_of(img);
    return b;
}

// "五、评审专家名单：" in bold with the list after it on the same line: the bold lead-in is the
// heading, as a reader sees it, however long the rest of the line is.
bool bold_lead_in_heading(std::u32string_view line) {
    const std::u32string folded = fold(trim(line));
    const auto marker = match_marker(folded);
    if (!marker || folded.size() < marker->body + 2) return false;
    return folded.back() == ':' || folded.back() == U'。';
}

class Flow {
public:
    Flow(const Page& page, const Analysis& analysis, std::vector<RawBlock>& out, std::vector<RawBlock>& stated)
        : page_(page), analysis_(analysis), out_(out), stated_(stated) {}

    void run(pugi::xml_node root);

private:
    void flush() {
        if (visible_length(line_.text()) > 0) out_.push_back(line_.take(headings_.empty() ? 0 : headings_.back()));
        line_.clear();
    }
    void finished(Block block) {
        RawBlock raw;
        raw.start = block.span.start;
        raw.block = std::move(block);
        out_.push_back(std::move(raw));
    }
    // Returns true when the element's children are to be walked.
    bool enter(pugi::xml_node e);
    void leave(pugi::xml_node e);
    void text(pugi::xml_node t);

    const Page& page_;
    const Analysis& analysis_;
    std::vector<RawBlock>& out_;
    std::vector<RawBlock>& stated_;
    LineBuilder line_;
    std::vector<int> headings_;
    // Open bold elements and whether each started the current line.
    std::vector<std::pair<pugi::xml_node, bool>> bold_opens_line_;
    int preformatted_ = 0;
};

bool Flow::enter(pugi::xml_node e) {
    const std::string_view tag = e.name();
    if (analysis_.pruned(e)) return false;
    if (tag == "br" || tag == "hr") {
        flush();
        return false;
    }
    if (tag == "img") {
        flush();
        if (auto b = image_block(page_, e)) finished(std::move(*b));
        return false;
    }
    if (tag == "table") {
        flush();
        switch (classify_table(page_, analysis_, e)) {
            case TableKind::index: index_lines(page_, analysis_, e, stated_); return false;
            case TableKind::data:
                if (pugi::xml_node caption = e.child("caption")) {
                    line_ = inline_text(page_, analysis_, caption);
                    flush();
                }
                finished(table_block(page_, analysis_, e));
                return false;
            case TableKind::layout: return true;
        }
    }
    if (tag == "caption") return true;
    if (is_block_element(tag)) flush();
    if (const int level = heading_level(tag)) headings_.push_back(level);
    if (preformatted(tag)) ++preformatted_;
    if (is_bold(e)) bold_opens_line_.emplace_back(e, visible_length(line_.text()) == 0);
    return true;
}

void Flow::leave(pugi::xml_node e) {
    const std::string_view tag = e.name();
    if (is_block_element(tag)) flush();
    if (heading_level(tag)) headings_.pop_back();
    if (preformatted(tag)) --preformatted_;
    if (!bold_opens_line_.empty() && bold_opens_line_.back().first == e) {
        const bool opened_line = bold_opens_line_.back().second;
        bold_opens_line_.pop_back();
        if (opened_line && bold_lead_in_heading(line_.text())) flush();
    }
}

void Flow::text(pugi::xml_node t) {
    const std::u32string value = to_u32(t.value());
    const std::vector<std::uint32_t> origins = page_.text_origins(t);
    if (preformatted_ == 0) {
        line_.add_text(value, origins, false);
        return;
    }
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i < value.size() && value[i] != '\n') continue;
        const std::vector<std::uint32_t> piece(origins.begin() + static_cast<std::ptrdiff_t>(begin),
                                               origins.begin() + static_cast<std::ptrdiff_t>(i));
        line_.add_text(std::u32string_view(value).substr(begin, i - begin), piece, true);
        if (i < value.size()) flush();
        begin = i + 1;
    }
}

void Flow::run(pugi::xml_node root) {
    // (node, entered): a node is pushed once to enter and, if it has children walked, once
    // more to leave.
    std::vector<std::pair<pugi::xml_node, bool>> stack{{root, false}};
    while (!stack.empty()) {
        auto [node, entered] = stack.back();
        stack.pop_back();
        if (node.type() == pugi::node_pcdata) {
            text(node);
            continue;
        }
        if (node.type() != pugi::node_element) continue;
        if (entered) {
            leave(node);
            continue;
        }
        if (!enter(node)) continue;
        stack.emplace_back(node, true);
        std::vector<pugi::xml_node> children;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) children.push_back(c);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, false);
    }
    flush();
}

}  // namespace

void read_flow(const Page& page, const Analysis& analysis, pugi::xml_node root, std::vector<RawBlock>& out,
               std::vector<RawBlock>& stated) {
    Flow(page, analysis, out, stated).run(root);
}

LineBuilder inline_text(const Page& page, const Analysis& analysis, pugi::xml_node element) {
    LineBuilder line;
    std::vector<std::pair<pugi::xml_node, bool>> stack{{element, false}};
    while (!stack.empty()) {
        auto [node, entered] = stack.back();
        stack.pop_back();
        if (node.type() == pugi::node_pcdata) {
            line.add_text(to_u32(node.value()), page.text_origins(node), false);
            continue;
        }
        if (node.type() != pugi::node_element) continue;
        const std::string_view tag = node.name();
        if (entered || tag == "br") {
            if (is_block_element(tag) || tag == "br") line.line_break();
            continue;
        }
        if (is_invisible(node) || (node != element && analysis.pruned(node))) continue;
        if (is_block_element(tag)) line.line_break();
        stack.emplace_back(node, true);
        std::vector<pugi::xml_node> children;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) children.push_back(c);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, false);
    }
    return line;
}

}  // namespace gongwen::html
