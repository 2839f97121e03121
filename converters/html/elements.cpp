// What HTML elements are, for reading: which start a line, which are never content.
#include <algorithm>
#include <array>
#include <string>

#include "converters/html/page.hpp"

namespace gongwen::html {

namespace {

template <std::size_t N>
bool one_of(std::string_view tag, const std::array<std::string_view, N>& tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// "display: none" / "visibility:hidden" in a style attribute, spaces and case ignored.
bool hidden_by_style(std::string_view style) {
    std::string s;
    for (char c : lowered(style))
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') s.push_back(c);
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

}  // namespace

bool is_block_element(std::string_view tag) {
    static constexpr std::array<std::string_view, 50> kBlocks{
        "address",   "article", "aside",   "blockquote", "body",     "center",     "dd",     "details", "dialog",
        "dir",       "div",     "dl",      "dt",         "fieldset", "figcaption", "figure", "footer",  "form",
        "h1",        "h2",      "h3",      "h4",         "h5",       "h6",         "header", "hgroup",  "hr",
        "html",      "legend",  "li",      "listing",    "main",     "menu",       "nav",    "ol",      "p",
        "plaintext", "pre",     "section", "summary",    "table",    "ul",         "tr",     "td",      "th",
        "caption",   "tbody",   "thead",   "tfoot",      "option"};
    return one_of(tag, kBlocks);
}

int heading_level(std::string_view tag) {
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
    return 0;
}

bool is_heading_element(std::string_view tag) { return heading_level(tag) > 0; }

bool is_invisible(pugi::xml_node element) {
    static constexpr std::array<std::string_view, 28> kNever{
        "head",     "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
        "applet",   "svg",    "math",  "canvas",   "video",    "audio",  "map",   "select",   "button", "input",
        "textarea", "link",   "meta",  "base",     "datalist", "source", "track", "param"};
    const std::string_view tag = element.name();
    if (one_of(tag, kNever)) return true;
    if (element.attribute("hidden")) return true;
    if (std::string_view(element.attribute("aria-hidden").value()) == "true" && tag != "img") return true;
    const pugi::xml_attribute style = element.attribute("style");
    return style && hidden_by_style(style.value());
}

bool is_bold(pugi::xml_node element) {
    const std::string_view tag = element.name();
    if (tag == "b" || tag == "strong") return true;
    std::string style;
    for (char c : lowered(element.attribute("style").value()))
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') style.push_back(c);
    for (std::string_view weight :
         {"font-weight:bold", "font-weight:bolder", "font-weight:700", "font-weight:800", "font-weight:900"})
        if (style.find(weight) != std::string::npos) return true;
    return false;
}

std::string class_and_id(pugi::xml_node element) {
    return lowered(std::string(element.attribute("class").value()) + " " + element.attribute("id").value());
}

// `token` as a whole word of class/id, where words are split at anything but letters and
// digits, and also at a letter-digit change (nav1, footer2).
bool has_token(std::string_view class_id, std::string_view token) {
    for (std::size_t at = class_id.find(token); at != std::string_view::npos; at = class_id.find(token, at + 1)) {
        const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
        const bool starts = at == 0 || !letter(class_id[at - 1]);
        const std::size_t end = at + token.size();
        const bool ends = end == class_id.size() || !letter(class_id[end]);
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace gongwen::html
