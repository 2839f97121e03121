// Lines a PDF broke inside a paragraph. Text taken out of a PDF (pdftotext, with or without
// -layout) keeps the page's hard line breaks: every line of a paragraph but its last runs to the
// right margin, so the lines of the page have nearly one width and a paragraph's last line is
// shorter (the text is ragged as PDF lines are). A reader joins a line to the next when it runs
// to the margin, does not end a sentence, and the next line neither opens a heading, an item or
// an attachment nor stands apart (indented, centred, right-aligned, a date alone), across the
// page break and its page number too; headings, table rows and signatures are never joined.
#include <algorithm>
#include <string_view>

#include "gongwen/numbering.hpp"
#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

// What a raw line looks like on the page, in columns (a Chinese character is two, ASCII one).
struct Shape {
    std::size_t indent = 0;  // columns before its first character
    std::size_t width = 0;   // columns up to its last character, indent included
    bool empty = true;
    bool han = false;          // holds a Chinese character
    bool ends = false;         // ends a sentence
    bool opens = false;        // opens a part, or is a date alone: never the rest of a paragraph
    bool page_number = false;  // a page number alone
    bool latin_first = false;  // starts with a Latin letter
    bool latin_last = false;   // ends with one
    bool page_break = false;   // a form feed: a new page starts on this line
};

bool is_page_number(std::u32string_view text);
bool ends_sentence(std::u32string_view text);
bool is_date_line(std::u32string_view text);
bool opens_part(std::u32string_view text);

// What the joining needs of a line, without its text (a large text's lines are not held twice).
Shape shape_of(const RawBlock& r) {
    Shape s;
    const std::u32string t = to_u32(r.text);
    std::size_t b = 0;
    std::size_t e = t.size();
    for (std::size_t i = 0; i < t.size(); ++i) s.page_break = s.page_break || t[i] == U'\f';
    while (b < e && is_space(t[b])) {
        if (t[b] != U'\f') s.indent += t[b] == U'\u3000' ? 2 : 1;
        ++b;
    }
    while (e > b && is_space(t[e - 1])) --e;
    const std::u32string_view text = std::u32string_view(t).substr(b, e - b);
    s.width = s.indent;
    for (const char32_t cp : text) {
        s.width += cp < 0x80 ? 1 : 2;
        s.han = s.han || is_han(cp);
    }
    if (text.empty()) return s;
    s.empty = false;
    s.ends = ends_sentence(text);
    s.opens = opens_part(text) || is_date_line(text);
    s.page_number = is_page_number(text);
    s.latin_first = is_ascii_alpha(text.front());
    s.latin_last = is_ascii_alpha(text.back());
    return s;
}

// The page number printed in a page's footer: -1-, — 2 —, 3, 第4页, 第4页 共9页, 4/9.
bool is_page_number(std::u32string_view text) {
    // Only these characters (folded) and spaces make one: a line with any other is rejected
    // before anything is copied.
    for (const char32_t cp : text) {
        const char32_t c = fold(cp);
        if (!is_space(c) && !is_ascii_digit(c) &&
            std::u32string_view(U"-—–─/第页共,").find(c) == std::u32string_view::npos)
            return false;
    }
    const std::u32string v = fold(text);
    std::u32string t;
    for (const char32_t cp : v)
        if (!is_space(cp)) t.push_back(cp);
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < t.size() && is_ascii_digit(t[i])) ++i;
        return i - from;
    };
    const auto dash = [&] {
        while (i < t.size() && (t[i] == '-' || t[i] == U'—' || t[i] == U'–' || t[i] == U'─')) ++i;
    };
    if (t.empty()) return false;
    if (t[0] == U'第') {
        ++i;
        if (digits() == 0 || i >= t.size() || t[i] != U'页') return false;
        ++i;
        if (i < t.size() && t[i] == ',') ++i;
        if (i < t.size() && t[i] == U'共') {
            ++i;
            if (digits() == 0 || i >= t.size() || t[i] != U'页') return false;
            ++i;
        }
        return i == t.size();
    }
    dash();
    const std::size_t n = digits();
    if (n == 0 || n > 4) return false;
    if (i < t.size() && t[i] == '/') {
        ++i;
        if (digits() == 0) return false;
    }
    dash();
    return i == t.size();
}

// A line ending a sentence (。！？；：…), closing quotes and brackets after the mark aside.
bool ends_sentence(std::u32string_view text) {
    std::size_t e = text.size();
    while (e > 0 && std::u32string_view(U"”’」』）)》】\"'").find(text[e - 1]) != std::u32string_view::npos) --e;
    if (e == 0) return true;
    return std::u32string_view(U"。！？；：…!?;:").find(text[e - 1]) != std::u32string_view::npos;
}

// A date alone on its line (2024年1月20日, 二〇二四年一月二十日, 2024-01-20): a signature's date.
bool is_date_line(std::u32string_view text) {
    if (text.size() > 16 || text.empty()) return false;  // fold() keeps the length
    const std::u32string v = fold(text);
    const char32_t last = v.back();
    if (last != U'日' && !is_ascii_digit(last)) return false;
    for (const char32_t cp : v)
        if (!is_ascii_digit(cp) && !is_chinese_numeral(cp) && !is_space(cp) &&
            std::u32string_view(U"〇○O年月日-./").find(cp) == std::u32string_view::npos)
            return false;
    return v.find(U'年') != std::u32string::npos || v.find('-') != std::u32string::npos ||
           v.find('.') != std::u32string::npos || v.find('/') != std::u32string::npos;
}

// A line that opens a part of its own: a heading or item marker (一、 （一） 1. （1）), a chapter
// or article (第一章, 第三条), an attachment (附件, 附：), a bullet.
bool opens_part(std::u32string_view text) {
    const std::u32string v = fold(text);
    if (match_marker(v)) return true;
    if (v.starts_with(U"附件") || v.starts_with(U"附:") || v.starts_with(U"附表")) return true;
    if (!v.empty() && std::u32string_view(U"•·●○■□◆◇▲△★☆※-*>#").find(v[0]) != std::u32string_view::npos) return true;
    if (v.size() > 2 && v[0] == U'第') {
        std::size_t i = 1;
        while (i < v.size() && (is_chinese_numeral(v[i]) || is_ascii_digit(v[i]))) ++i;
        if (i > 1 && i < v.size() && std::u32string_view(U"章节条部篇").find(v[i]) != std::u32string_view::npos)
            return true;
    }
    return false;
}

// The width of a full line: the width most lines of prose come close to, from below. None (0)
// when too few lines share it for the text to be wrapped at a margin.
std::size_t margin_of(const std::vector<Shape>& shapes, const std::vector<char>& prose) {
    std::vector<std::size_t> widths;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (prose[i]) widths.push_back(shapes[i].width);
    constexpr std::size_t kMinLines = 6;
    if (widths.size() < kMinLines) return 0;
    std::sort(widths.begin(), widths.end());
    std::size_t best = 0;
    std::size_t best_count = 0;
    for (std::size_t k = 0; k < widths.size(); ++k) {
        const std::size_t f = widths[k];
        // The lines within an eighth of f below it, up to f itself.
        const auto lo = std::lower_bound(widths.begin(), widths.end(), f - f / 8);
        const auto hi = std::upper_bound(widths.begin(), widths.end(), f);
        const auto count = static_cast<std::size_t>(hi - lo);
        if (count >= best_count) best = f, best_count = count;
    }
    // A page holds between 15 and 100 characters a line; most of the text's lines are full.
    if (best < 30 || best > 200 || best_count < kMinLines || best_count * 5 < widths.size() * 2) return 0;
    return best;
}

}  // namespace

std::vector<char> find_wrapped_lines(const std::vector<RawBlock>& raw, const std::vector<char>& use) {
    std::vector<char> out(raw.size(), 0);
    std::vector<Shape> shapes(raw.size());
    std::vector<char> prose(raw.size(), 0);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].block || (i < use.size() && use[i] != 0)) continue;
        shapes[i] = shape_of(raw[i]);
        prose[i] = shapes[i].han;
    }
    const std::size_t margin = margin_of(shapes, prose);
    if (margin == 0) return out;
    const std::size_t full = margin - margin / 8;
    const std::size_t slack = margin / 8;
    // The left margin: the indent most full lines have.
    std::size_t left = margin;
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (prose[i] && shapes[i].width >= full) left = std::min(left, shapes[i].indent);
    for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
        const Shape& a = shapes[i];
        if (!prose[i] || a.width < full || a.width > margin + slack || a.indent > left + 8 || a.ends) continue;
        // The next line of text, over the blank lines and the page number of a page break.
        std::size_t j = i + 1;
        std::size_t footer = raw.size();
        bool page_break = false;
        for (; j < raw.size(); ++j) {
            if (raw[j].block || (j < use.size() && use[j] != 0)) break;
            const Shape& s = shapes[j];
            page_break = page_break || s.page_break;
            if (s.empty) continue;
            if (footer == raw.size() && s.page_number) {
                footer = j;
                page_break = true;
                continue;
            }
            break;
        }
        if (j >= raw.size() || raw[j].block || (j < use.size() && use[j] != 0)) continue;
        const bool gap = j > i + 1;
        if (gap && !page_break) continue;  // a blank line alone ends a paragraph
        const Shape& b = shapes[j];
        if (!prose[j] || b.indent > left + 1 || b.opens) continue;
        // Latin words broken at the margin would need the space the break stood for.
        if (a.latin_last && b.latin_first) continue;
        out[i] = 1;
        if (footer < j) out[footer] = 2;
    }
    return out;
}

void append_line(Line& line, Line&& next) {
    line.text += next.text;
    line.view += next.view;
    for (std::size_t i = 0; i < next.text.size(); ++i) line.origin.push_back(next.origin[i]);
    line.span.end = next.span.end;
    line.flanked = line.flanked || next.flanked;
}

}  // namespace gongwen
