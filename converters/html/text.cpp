// Inline text as a browser lays it out: runs of collapsible whitespace become one space, a
// line break between two Chinese characters becomes nothing (CSS Text's segment break rule),
// and text split across inline elements (Word's 20</span><span>23年) joins as it is.
#include "converters/html/page.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::html {

namespace {

bool collapsible(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f'; }

}  // namespace

void LineBuilder::add_text(std::u32string_view text, const std::vector<std::uint32_t>& origins, bool preformatted) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i];
        const std::uint32_t at = i < origins.size() ? origins[i] : (origins.empty() ? 0 : origins.back());
        if (!preformatted && collapsible(cp)) {
            if (!pending_space_) pending_origin_ = at;
            pending_space_ = true;
            pending_break_ = pending_break_ || cp == '\n' || cp == '\r';
            continue;
        }
        if (pending_space_ && !text_.empty()) {
            const bool cjk_join = pending_break_ && is_cjk(text_.back()) && is_cjk(cp);
            if (!cjk_join) {
                text_.push_back(' ');
                origins_.push_back(pending_origin_);
            }
        }
        pending_space_ = false;
        pending_break_ = false;
        text_.push_back(cp);
        origins_.push_back(at);
    }
}

void LineBuilder::add_synthetic(char32_t cp) {
    pending_space_ = false;
    pending_break_ = false;
    text_.push_back(cp);
    origins_.push_back(origins_.empty() ? 0 : origins_.back());
}

void LineBuilder::space() {
    if (text_.empty() || pending_space_) return;
    pending_space_ = true;
    pending_break_ = false;
    pending_origin_ = origins_.back();
}

void LineBuilder::line_break() {
    if (text_.empty()) return;
    if (!pending_space_) pending_origin_ = origins_.back();
    pending_space_ = true;
    pending_break_ = true;
}

RawBlock LineBuilder::take(int heading_hint) {
    RawBlock raw;
    raw.text = to_utf8(text_);
    raw.start = origins_.empty() ? 0 : origins_.front();
    raw.origin = std::move(origins_);
    raw.heading_hint = heading_hint;
    clear();
    return raw;
}

void LineBuilder::clear() {
    text_.clear();
    origins_.clear();
    pending_space_ = false;
    pending_break_ = false;
}

bool has_sentence(std::u32string_view text) { return text.find_first_of(U"。！？；，") != std::u32string_view::npos; }

std::size_t visible_length(std::u32string_view text) {
    std::size_t n = 0;
    for (char32_t cp : text)
        if (!is_space(cp)) ++n;
    return n;
}

std::u32string visible_text(pugi::xml_node node, std::size_t max) {
    std::u32string out;
    pugi::xml_node n = node.first_child();
    while (n && out.size() < max) {
        const bool skip = n.type() == pugi::node_element && is_invisible(n);
        if (n.type() == pugi::node_pcdata) {
            const std::string_view value = n.value();
            for (std::size_t i = std::min(value.size(), value.find_first_not_of(" \t\n\r\f"));
                 i < value.size() && out.size() < max;)
                if (const char32_t cp = next_code_point(value, i); !is_space(cp)) out.push_back(cp);
        }
        if (!skip && n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    return out;
}

}  // namespace gongwen::html
