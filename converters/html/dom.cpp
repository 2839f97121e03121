// gumbo's HTML5 tree → a pugixml document, with a side table of where every node stood in the
// source. gumbo recovers from anything a browser does; its tree builder is quadratic in the
// nesting depth, so absurd nesting is blanked out of the text before it is parsed.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>

#include "converters/html/page.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::html {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// --- the depth guard ------------------------------------------------------------------

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Tags that never hold others open: void elements, elements whose end tag is optional (a new
// one closes the last), and the document's frame.
bool never_nests(std::string_view tag) {
    static constexpr std::array<std::string_view, 33> kTags{
        "area",     "base",  "br",    "col",   "embed",    "hr", "img", "input", "link", "meta", "param",
        "source",   "track", "wbr",   "p",     "li",       "dt", "dd",  "tr",    "td",   "th",   "option",
        "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt",  "rp",    "html", "head", "body"};
    return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

bool raw_text_element(std::string_view tag) {
    return tag == "script" || tag == "style" || tag == "textarea" || tag == "title" || tag == "xmp" ||
           tag == "noembed" || tag == "noframes" || tag == "iframe" || tag == "noscript";
}

// End of the tag starting at text[i] ('<'), past its '>', quoted attribute values skipped.
std::size_t tag_end(std::string_view text, std::size_t i) {
    char quote = 0;
    for (++i; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            if (text[i - 1] == '=' || text[i - 1] == ' ') quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return text.size();
}

// Blanks (with spaces, so every offset stays) the start and end tags of elements that would be
// nested deeper than kMaxDepth. The count is approximate, which is enough for a guard:
// elements with optional end tags are not counted, stray end tags never go below zero.
// `deepest` is the deepest nesting counted, for --max-depth.
std::size_t blank_deep_tags(std::string& text, std::size_t& deepest) {
    std::size_t depth = 0;
    std::size_t blanked = 0;
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string::npos) {
        if (text.compare(i, 4, "<!--") == 0) {
            const std::size_t e = text.find("-->", i + 4);
            i = e == std::string::npos ? text.size() : e + 3;
            continue;
        }
        const bool closing = i + 1 < text.size() && text[i + 1] == '/';
        const std::size_t name_begin = i + (closing ? 2 : 1);
        if (name_begin >= text.size() || !ascii_alpha(text[name_begin])) {
            ++i;
            continue;
        }
        std::size_t name_end = name_begin;
        std::string tag;
        while (name_end < text.size() && !std::strchr(" \t\n\r\f/>", text[name_end]))
            tag.push_back(lower(text[name_end++]));
        const std::size_t end = tag_end(text, i);
        const bool self_closing = end >= 2 && text[end - 2] == '/';
        if (!closing && raw_text_element(tag)) {  // skip to its end tag: no markup inside
            const std::size_t close = text.find("</", end);
            i = close == std::string::npos ? text.size() : close;
            while (i < text.size()) {
                std::size_t k = i + 2;
                std::string name;
                while (k < text.size() && ascii_alpha(text[k])) name.push_back(lower(text[k++]));
                if (name == tag) break;
                const std::size_t next = text.find("</", i + 2);
                i = next == std::string::npos ? text.size() : next;
            }
            continue;
        }
        if (!never_nests(tag) && !self_closing) {
            const bool deep = closing ? depth > kMaxDepth : depth >= kMaxDepth;
            if (closing && depth > 0)
                --depth;
            else if (!closing)
                deepest = std::max(deepest, ++depth);
            if (deep) {
                std::fill(text.begin() + static_cast<std::ptrdiff_t>(i),
                          text.begin() + static_cast<std::ptrdiff_t>(end), ' ');
                ++blanked;
            }
        }
        i = end;
    }
    return blanked;
}

// --- gumbo → pugixml --------------------------------------------------------------------

const GumboOptions& gumbo_options() {
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        // Every recorded parse error copies the open-element stack: quadratic memory on
        // broken pages. We never read the errors.
        o.max_errors = 0;
        return o;
    }();
    return options;
}

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&gumbo_options(), output); }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

bool xml_name_char(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'; }

std::string element_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name;
    for (std::size_t k = 0; k < piece.length; ++k) {
        const char c = lower(piece.data[k]);
        name.push_back(xml_name_char(c) ? c : '_');
    }
    if (name.empty() || !ascii_alpha(name[0])) name.insert(0, "x-");
    return name;
}

bool valid_attribute_name(const char* name) {
    if (!ascii_alpha(name[0])) return false;
    for (const char* p = name; *p; ++p)
        if (!xml_name_char(*p)) return false;
    return true;
}

bool inside_pre(pugi::xml_node node) {
    for (; node; node = node.parent()) {
        const std::string_view tag = node.name();
        if (tag == "pre" || tag == "textarea" || tag == "listing" || tag == "plaintext" || tag == "xmp") return true;
    }
    return false;
}

class Converter {
public:
    Converter(Page& page) : page_(page), begin_(page.text.data()), size_(page.text.size()) {}

    void run(const GumboNode* root);

private:
    struct Frame {
        const GumboNode* node;
        pugi::xml_node element;
        pugi::xml_node container;  // where its children go: itself, or above the depth limit
        std::size_t next_child = 0;
        std::size_t depth = 0;
    };

    std::optional<std::uint32_t> offset(const char* p) const {
        if (!p || p < begin_ || p > begin_ + size_) return std::nullopt;
        return static_cast<std::uint32_t>(p - begin_);
    }
    void add_text(pugi::xml_node parent, const GumboText& text, bool whitespace);
    pugi::xml_node add_element(pugi::xml_node parent, const GumboElement& element);
    void finish(const Frame& frame);

    Page& page_;
    const char* begin_;
    std::size_t size_;
};

void Converter::add_text(pugi::xml_node parent, const GumboText& text, bool whitespace) {
    pugi::xml_node node = parent.append_child(pugi::node_pcdata);
    // A long run of whitespace (what the depth guard blanks, or a page's indentation) renders
    // as one space or line break; keeping it whole would make every walk over it slow.
    const std::size_t length = std::strlen(text.text);
    if (whitespace && length > 64 && !inside_pre(parent))
        node.set_value(std::strpbrk(text.text, "\n\r") ? "\n" : " ");
    else
        node.set_value(text.text);
    const auto b = offset(text.original_text.data);
    if (b)
        page_.origins[node.internal_object()] = Origin{*b, *b + static_cast<std::uint32_t>(text.original_text.length)};
}

pugi::xml_node Converter::add_element(pugi::xml_node parent, const GumboElement& element) {
    pugi::xml_node node = parent.append_child(element_name(element).c_str());
    for (unsigned k = 0; k < element.attributes.length; ++k) {
        const auto* a = static_cast<const GumboAttribute*>(element.attributes.data[k]);
        if (!valid_attribute_name(a->name) || node.attribute(a->name)) continue;
        pugi::xml_attribute attribute = node.append_attribute(a->name);
        attribute.set_value(a->value);
        if (const auto b = offset(a->original_value.data)) {
            std::uint32_t begin = *b;
            std::uint32_t end = begin + static_cast<std::uint32_t>(a->original_value.length);
            if (end > begin && (page_.text[begin] == '"' || page_.text[begin] == '\'')) {
                ++begin;
                if (end > begin && page_.text[end - 1] == page_.text[begin - 1]) --end;
            }
            page_.origins[attribute.internal_object()] = Origin{begin, end};
        }
    }
    const auto b = offset(element.original_tag.data);
    if (b && element.original_tag.length > 0)
        page_.origins[node.internal_object()] =
            Origin{*b, *b + static_cast<std::uint32_t>(element.original_tag.length)};
    return node;
}

// An element's end: its end tag, or the furthest of its start tag and its children.
void Converter::finish(const Frame& frame) {
    const GumboElement& element = frame.node->v.element;
    std::uint32_t begin = UINT32_MAX;
    std::uint32_t end = 0;
    if (auto it = page_.origins.find(frame.element.internal_object()); it != page_.origins.end()) {
        begin = it->second.begin;
        end = it->second.end;
    }
    for (pugi::xml_node child = frame.element.first_child(); child; child = child.next_sibling()) {
        auto it = page_.origins.find(child.internal_object());
        if (it == page_.origins.end()) continue;
        begin = std::min(begin, it->second.begin);
        end = std::max(end, it->second.end);
    }
    if (const auto e = offset(element.original_end_tag.data); e && element.original_end_tag.length > 0)
        end = std::max(end, *e + static_cast<std::uint32_t>(element.original_end_tag.length));
    if (begin != UINT32_MAX) page_.origins[frame.element.internal_object()] = Origin{begin, std::max(begin, end)};
}

void Converter::run(const GumboNode* root) {
    std::vector<Frame> stack;
    stack.push_back(Frame{root, page_.doc, page_.doc, 0, 0});
    while (!stack.empty()) {
        Frame& top = stack.back();
        const GumboVector& children =
            top.node->type == GUMBO_NODE_DOCUMENT ? top.node->v.document.children : top.node->v.element.children;
        if (top.next_child == children.length) {
            if (top.node->type == GUMBO_NODE_ELEMENT) finish(top);
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
        switch (child->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
            case GUMBO_NODE_WHITESPACE:
                if (top.node->type == GUMBO_NODE_ELEMENT)
                    add_text(top.container, child->v.text, child->type == GUMBO_NODE_WHITESPACE);
                break;
            case GUMBO_NODE_ELEMENT: {
                // Past the depth limit an element's children join the deepest allowed
                // ancestor, after it, as browsers do: the text stays, in order.
                const std::size_t depth = top.depth + 1;
                pugi::xml_node container = top.container;
                pugi::xml_node element = add_element(container, child->v.element);
                stack.push_back(Frame{child, element, depth < kMaxDepth ? element : container, 0, depth});
                break;
            }
            case GUMBO_NODE_DOCUMENT:
            case GUMBO_NODE_COMMENT:
            case GUMBO_NODE_TEMPLATE: break;
        }
    }
}

}  // namespace

CodePoints::CodePoints(std::string_view text) : text_(text) {
    marks_.reserve(text.size() / kStep + 1);
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kStep == 0) marks_.push_back(count);
        if (!is_continuation(text[i])) ++count;
    }
    if (text.size() % kStep == 0) marks_.push_back(count);
}

std::uint32_t CodePoints::at(std::size_t byte) const {
    byte = std::min(byte, text_.size());
    const std::size_t mark = byte / kStep;
    std::uint32_t count = marks_[mark];
    for (std::size_t i = mark * kStep; i < byte; ++i)
        if (!is_continuation(text_[i])) ++count;
    return count;
}

Span Page::span_of(pugi::xml_node element) const {
    auto it = origins.find(element.internal_object());
    if (it == origins.end()) return {};
    return Span{code_point(it->second.begin), code_point(it->second.end)};
}

namespace {

// Length of a character reference at raw[i] ('&'): "&amp;", "&#38;", "&#x26", "&nbsp"; 1 when
// the ampersand is just itself.
std::size_t reference_length(std::string_view raw, std::size_t i) {
    std::size_t j = i + 1;
    if (j < raw.size() && raw[j] == '#') {
        ++j;
        if (j < raw.size() && (raw[j] == 'x' || raw[j] == 'X')) ++j;
        while (j < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[j]))) ++j;
    } else {
        while (j < raw.size() && std::isalnum(static_cast<unsigned char>(raw[j]))) ++j;
    }
    if (j == i + 1) return 1;
    if (j < raw.size() && raw[j] == ';') ++j;
    return j - i;
}

bool is_ampersand_reference(std::string_view ref) {
    return ref == "&amp;" || ref == "&amp" || ref == "&AMP;" || ref == "&AMP" || ref == "&#38;" || ref == "&#x26;" ||
           ref == "&#X26;";
}

// Aligns the decoded value of a node with its raw source raw = text[begin, end): each decoded
// code point gets the offset of the source character (or character reference) it came from.
// gumbo turns CR LF into LF and references into characters; anything else unexpected maps to
// the current position and moves on, so offsets stay inside the node and in order.
std::vector<std::uint32_t> align(const Page& page, std::string_view decoded, Origin origin) {
    std::vector<std::uint32_t> out;
    out.reserve(decoded.size());
    const std::string_view raw = std::string_view(page.text).substr(origin.begin, origin.end - origin.begin);
    std::size_t p = 0;
    std::uint32_t cp = page.code_point(origin.begin);
    const auto advance = [&](std::size_t bytes) {
        for (std::size_t k = 0; k < bytes && p < raw.size(); ++k, ++p)
            if (!is_continuation(raw[p])) ++cp;
    };
    std::uint32_t last_reference = UINT32_MAX;
    for (std::size_t i = 0; i < decoded.size();) {
        const std::size_t start = i;
        next_code_point(decoded, i);
        const std::string_view ch = decoded.substr(start, i - start);
        if (p < raw.size() && raw[p] == '\r' && ch == "\n") {
            out.push_back(cp);
            advance(p + 1 < raw.size() && raw[p + 1] == '\n' ? 2 : 1);
            last_reference = UINT32_MAX;
            continue;
        }
        if (p < raw.size() && raw[p] == '&') {
            const std::size_t n = reference_length(raw, p);
            if (!(ch == "&" && !is_ampersand_reference(raw.substr(p, n)))) {
                out.push_back(cp);
                last_reference = cp;
                advance(n);
                continue;
            }
        }
        if (raw.substr(p, ch.size()) == ch) {
            out.push_back(cp);
            advance(ch.size());
        } else if (last_reference != UINT32_MAX) {
            out.push_back(last_reference);  // the second character of a two-character reference
            continue;
        } else {
            out.push_back(cp);
            std::size_t q = p + 1;
            while (q < raw.size() && is_continuation(raw[q])) ++q;
            advance(q - p);
        }
        last_reference = UINT32_MAX;
    }
    return out;
}

}  // namespace

std::vector<std::uint32_t> Page::text_origins(pugi::xml_node text) const {
    const std::string_view value = text.value();
    auto it = origins.find(text.internal_object());
    if (it == origins.end()) return std::vector<std::uint32_t>(count_code_points(value), 0);
    return align(*this, value, it->second);
}

std::vector<std::uint32_t> Page::value_origins(pugi::xml_attribute attribute) const {
    const std::string_view value = attribute.value();
    auto it = origins.find(attribute.internal_object());
    if (it == origins.end()) return std::vector<std::uint32_t>(count_code_points(value), 0);
    return align(*this, value, it->second);
}

void parse_page(Page& page) {
    page.blanked_tags = blank_deep_tags(page.text, page.depth);
    page.code_points.emplace(page.text);
    GumboOutputPtr output(gumbo_parse_with_options(&gumbo_options(), page.text.data(), page.text.size()));
    if (!output) return;
    Converter(page).run(output->document);
}

}  // namespace gongwen::html
