// The outline pass: content lines into blocks. The title block at the top (title.cpp), the
// addressee, headings by the GB/T 9704 numbering grammar (numbering.cpp) with a heading's lead
// sentence split off, paragraphs with their inline enumerations (一是…), list items, attachment
// notes and the closing parts (closing.cpp).
#include <algorithm>
#include <iterator>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

Block block_of(const Line& line, BlockKind kind, std::size_t begin, std::size_t end) {
    Block b;
    b.kind = kind;
    b.text = line.utf8(begin, end);
    b.span = line.span_of(begin, end);
    return b;
}

// A paragraph (or a line that is a single enumerated item) from line.text[begin, end).
Block paragraph_of(const Line& line, std::size_t begin, std::size_t end) {
    Block b = block_of(line, BlockKind::paragraph, begin, end);
    const std::u32string_view view = std::u32string_view(line.view).substr(0, end);
    const std::vector<Enumerator> found = find_enumerators(view, begin);
    if (found.size() == 1 && found[0].begin == begin) {
        std::size_t text_begin = begin + found[0].length;
        while (text_begin < end && is_space(line.view[text_begin])) ++text_begin;
        b.kind = BlockKind::list_item;
        b.marker = line.utf8(begin, begin + found[0].length);
        b.text = line.utf8(text_begin, end);
        return b;
    }
    if (found.size() < 2) return b;
    for (std::size_t k = 0; k < found.size(); ++k) {
        const std::size_t item_begin = found[k].begin;
        const std::size_t item_end = trim_end(line, item_begin, k + 1 < found.size() ? found[k + 1].begin : end);
        std::size_t text_begin = item_begin + found[k].length;
        while (text_begin < item_end && is_space(line.view[text_begin])) ++text_begin;
        b.items.push_back(Item{line.utf8(item_begin, item_begin + found[k].length), line.utf8(text_begin, item_end),
                               line.span_of(item_begin, item_end)});
    }
    return b;
}

// A heading line: the marker, the heading (its first sentence when body text follows on the
// same line) and that body text as a paragraph.
constexpr std::size_t kMaxHeadingLength = 80;

// The parts a report says it is made of (本报告由概述、主动公开政府信息情况…和…共六个部分组成):
// the names its top-level headings carry.
std::vector<std::u32string> stated_parts(const std::vector<const Line*>& content) {
    constexpr std::size_t kLookLines = 12;
    for (std::size_t k = 0; k < content.size() && k < kLookLines; ++k) {
        const std::u32string_view v = content[k]->view;
        for (std::size_t end = v.find(U"部分组成"); end != std::u32string_view::npos;
             end = v.find(U"部分组成", end + 1)) {
            const std::size_t by = v.rfind(U'由', end);
            if (by == std::u32string_view::npos || end - by > 200) continue;
            std::u32string_view list = v.substr(by + 1, end - by - 1);
            // …和X共六个部分, …X五个部分, …X等部分: the count is no part's name.
            if (const std::size_t total = list.rfind(U'共'); total != std::u32string_view::npos)
                list = list.substr(0, total);
            while (!list.empty() && (is_chinese_numeral(list.back()) || list.back() == U'个' || list.back() == U'等'))
                list.remove_suffix(1);
            std::vector<std::u32string> parts;
            std::size_t begin = 0;
            for (std::size_t i = 0; i <= list.size(); ++i)
                if (i == list.size() || list[i] == U'、' || list[i] == ',' || list[i] == U'，' ||
                    (list[i] == U'和' && list.find(U'、', i) == std::u32string_view::npos)) {
                    if (i - begin >= 2) parts.emplace_back(list.substr(begin, i - begin));
                    begin = i + 1;
                }
            if (parts.size() >= 3) return parts;
        }
    }
    return {};
}

// Where a heading glued to its text ends: after the name of one of the report's stated parts
// (四、存在的主要问题及改进情况目前，… ends at 情况), else npos.
std::size_t end_of_stated_part(std::u32string_view view, std::size_t body, const std::vector<std::u32string>& parts) {
    std::size_t best = std::u32string_view::npos;
    for (const std::u32string& part : parts)
        if (view.substr(body, part.size()) == part && body + part.size() < view.size() &&
            is_han(view[body + part.size()]) && (best == std::u32string_view::npos || body + part.size() > best))
            best = body + part.size();
    return best;
}

// A heading at line.text[begin, end): the marker, the heading (its first sentence when body text
// follows, or up to a space or a sub-heading's bracket when `spaced`, as a text run together from
// a page's separate lines has them) and that body text as a paragraph.
bool add_heading_at(const Line& line, std::size_t begin, std::size_t end, bool spaced,
                    const std::vector<std::u32string>& parts, std::vector<Block>& out) {
    const std::u32string_view v = std::u32string_view(line.view).substr(0, end);
    const auto marker = match_marker(v.substr(begin));
    if (!marker) return false;
    const std::size_t body = begin + marker->body;
    std::size_t split = first_sentence_end(v, body);
    if (const std::size_t part = end_of_stated_part(v, body, parts); part != std::u32string_view::npos && part < split)
        split = part;
    // A space the source had there (cleanup removes those between Chinese characters).
    const auto spaced_before = [&](std::size_t i) {
        return is_space(v[i]) || (line.origin.size() == line.text.size() && line.origin[i] > line.origin[i - 1] + 1);
    };
    if (spaced)
        for (std::size_t i = body + 1; i < split && i < v.size(); ++i)
            if (spaced_before(i) || v[i] == '(') {
                split = i;
                break;
            }
    const std::size_t heading_end = split == std::u32string_view::npos ? end : trim_end(line, body, split);
    if (heading_end - body > kMaxHeadingLength) return false;
    Block h = block_of(line, BlockKind::heading, body, heading_end);
    h.level = marker->level;
    h.marker = line.utf8(begin, trim_end(line, begin, begin + marker->length));
    h.span = line.span_of(begin, heading_end);
    out.push_back(std::move(h));
    if (split != std::u32string_view::npos) {
        std::size_t rest = split;
        while (rest < end && is_space(line.view[rest])) ++rest;
        if (rest < end) out.push_back(paragraph_of(line, rest, end));
    }
    return true;
}

bool add_heading(const Line& line, const std::vector<std::u32string>& parts, std::vector<Block>& out) {
    return add_heading_at(line, 0, line.text.size(), false, parts, out);
}

// A text whose body a crawler ran into one long line keeps its top-level headings inside it: a
// 一、, then 二、… in order, each where a sentence has ended. Their positions, when at least two
// are there in sequence from 一、.
constexpr std::size_t kRunTogetherLine = 400;

std::vector<std::size_t> run_in_headings(std::u32string_view v) {
    std::vector<std::size_t> found;
    if (v.size() < kRunTogetherLine) return found;
    int next = 1;
    for (std::size_t i = 1; i + 2 < v.size(); ++i) {
        if (!is_chinese_numeral(v[i])) continue;
        std::size_t p = i;
        while (p > 0 && is_space(v[p - 1])) --p;
        if (p == 0 || std::u32string_view(U"。!?").find(v[p - 1]) == std::u32string_view::npos) continue;
        const auto marker = match_marker(v.substr(i, 12));
        if (!marker || marker->level != 1) continue;
        std::size_t digits = 0;
        while (is_chinese_numeral(v[i + digits])) ++digits;
        if (parse_numeral(v.substr(i, digits)) != next) continue;
        found.push_back(i);
        ++next;
    }
    if (found.size() < 2) found.clear();
    return found;
}

// The lines whose top-level marker (一、) really opens a part of the report, not a table's row
// label: a row label has the table's numbers beside it or right under it, or comes out of order (a 二、 or
// 三、 after 三、) with no sentence under it, only the next label or cell.
std::vector<bool> top_level_in_order(const std::vector<const Line*>& content, const std::vector<BlockKind>& kinds) {
    std::vector<bool> keep(content.size(), true);
    const auto bare_number = [](std::u32string_view v) {
        return !v.empty() && v.find_first_not_of(U"0123456789.%- ") == std::u32string_view::npos;
    };
    // A row label with the row's cells after it: two numbers or more, each after a space.
    const auto row_with_cells = [](std::u32string_view v) {
        std::size_t cells = 0;
        for (std::size_t i = 1; i < v.size(); ++i)
            // after a column's gap (a tab or two spaces), not a year spaced out as 1 9 9 8
            if (is_ascii_digit(v[i]) && is_space(v[i - 1]) && (v[i - 1] == '\t' || (i > 1 && is_space(v[i - 2])))) {
                std::size_t e = i;
                while (e < v.size() && (is_ascii_digit(v[e]) || v[e] == '.' || v[e] == '%')) ++e;
                if (e == v.size() || is_space(v[e])) ++cells;
            }
        return cells >= 2;
    };
    int current = 0;
    for (std::size_t k = 0; k < content.size(); ++k) {
        const std::u32string_view v = content[k]->view;
        const auto marker = match_marker(v);
        if (!marker || marker->level != 1 || kinds[k] != BlockKind::paragraph) continue;
        std::size_t digits = 0;
        while (digits < v.size() && is_chinese_numeral(v[digits])) ++digits;
        const int n = parse_numeral(v.substr(0, digits));
        const std::size_t split = first_sentence_end(v, marker->body);
        if ((split == std::u32string_view::npos ? v.size() : split) - marker->body > kMaxHeadingLength) continue;
        // The next line, when nothing (a table) stands between them.
        const Line* next =
            k + 1 < content.size() && content[k + 1]->span.start <= content[k]->span.end + 4 ? content[k + 1] : nullptr;
        if (row_with_cells(v) ||
            (next && (bare_number(next->view) || (n <= current && !has_sentence_punct(next->view))))) {
            keep[k] = false;
            continue;
        }
        current = n;
    }
    return keep;
}

// The number of a line's numbering marker (三 of 三、), 0 when it has none.
int marker_number(std::u32string_view view) {
    std::size_t i = !view.empty() && view[0] == '(' ? 1 : 0;
    std::size_t j = i;
    while (j < view.size() && (is_chinese_numeral(view[j]) || is_ascii_digit(view[j]))) ++j;
    return j > i ? std::max(0, parse_numeral(view.substr(i, j - i))) : 0;
}

// An appendix at the end of a report (附件1, 附件2：某某清单, 附件：): its head alone on a line,
// no sentence, and under it a numbering of its own that starts at 一、. Its parts are not the
// report's outline. Returns the head's index (the last head before that 一、), or content.size().
std::size_t appendix_start(const std::vector<const Line*>& content) {
    constexpr std::size_t kMaxHead = 60;
    std::size_t head = content.size();
    for (std::size_t k = 1; k < content.size(); ++k) {
        const std::u32string_view v = content[k]->view;
        if (const auto marker = match_marker(v); marker && marker->level == 1 && head < content.size()) {
            if (marker_number(v) == 1) return head;
            head = content.size();  // the report's own numbering goes on after a 附件 line
            continue;
        }
        if (v.substr(0, 2) != U"附件" || v.size() > kMaxHead || has_sentence_punct(v)) continue;
        std::size_t i = 2;
        while (i < v.size() && (is_ascii_digit(v[i]) || is_chinese_numeral(v[i]))) ++i;
        // 附件 alone, 附件1, 附件1：…, 附件1 某某清单 (not 附件说明, 附件中…)
        if (i == v.size() || v[i] == ':' || is_space(v[i])) head = k;
    }
    return content.size();
}

// Sections a 统计公报 numbers with two digits, the name right after them on a line of its own
// (01综合, 02农业 … 12资源、环境和应急管理): top-level headings when they run 01, 02, 03… in
// order, at least three of them, the first written 01. Table text is never one.
std::vector<bool> two_digit_sections(const std::vector<const Line*>& content) {
    constexpr std::size_t kMaxSection = 20;
    constexpr int kMinSections = 3;
    std::vector<bool> section(content.size(), false);
    int next = 1;
    for (std::size_t k = 0; k < content.size(); ++k) {
        const std::u32string_view v = content[k]->view;
        if (content[k]->table_run || v.size() < 3 || v.size() > kMaxSection || !is_ascii_digit(v[0]) ||
            !is_ascii_digit(v[1]) || !is_han(v[2]) || has_sentence_punct(v) || v.find(':') != std::u32string_view::npos)
            continue;
        const int n = (static_cast<int>(v[0] - '0') * 10) + static_cast<int>(v[1] - '0');
        if (n != next) continue;
        section[k] = true;
        ++next;
    }
    if (next - 1 < kMinSections) section.assign(content.size(), false);
    return section;
}

// A line among the cells of a table written as text heads the report only when it continues
// the outline's 一、二、三、 and no number of the table stands right above and below it: row
// labels (一、本年新收…, （一）予以公开, 1.属于国家秘密) are not headings.
bool heads_table_text(const Line& line, int last_level1) {
    const auto marker = match_marker(line.view);
    return marker && marker->level == 1 && !line.flanked && marker_number(line.view) == last_level1 + 1;
}

void build_blocks(Document& doc, InferenceInput& in, std::vector<Span>& merged, const Budget& budget) {
    const std::vector<const Line*>& content = in.content;
    const std::size_t appendix = appendix_start(content);
    std::vector<BlockKind> kinds = closing_kinds(
        std::vector<const Line*>(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(appendix)));
    kinds.resize(content.size(), BlockKind::paragraph);
    const std::vector<bool> top_level = top_level_in_order(content, kinds);
    const std::vector<bool> sections = two_digit_sections(content);
    const std::vector<std::u32string> parts = stated_parts(content);
    const std::u32string cms_title = squeeze(to_folded_u32(doc.metadata.title.value));
    bool body_started = false;
    bool title_seen = false;
    bool in_attachment = false;
    // Room for the most blocks the lines can make (a line makes one, or a heading and its
    // paragraph): the blocks are never moved while they are made, and the room left unused
    // costs address space, not memory.
    int last_level1 = 0;  // the number of the last 一、 heading
    std::vector<Block>& blocks = doc.blocks;
    blocks.reserve(blocks.size() + 2 * content.size());
    for (std::size_t k = 0; k < content.size(); ++k) {
        budget.check_time();
        const Line& line = *content[k];
        const std::u32string_view v = line.view;
        if (k >= appendix) {  // the appendix: its head, then its text, none of it the report's outline
            blocks.push_back(k == appendix ? block_of(line, BlockKind::attachment, 0, line.text.size())
                                           : paragraph_of(line, 0, line.text.size()));
            continue;
        }
        const BlockKind closing = kinds[k];
        if (closing != BlockKind::paragraph) {
            Block b = block_of(line, closing, 0, line.text.size());
            if (closing == BlockKind::attachment) {
                std::size_t colon = v.find(':') + 1;
                while (colon < v.size() && is_space(v[colon])) ++colon;
                Field& f = in.attachment_title;
                if (!f.present() && is_title_line(v.substr(colon)))
                    f = Field{line.utf8(colon, v.size()), true, line.span_of(colon, v.size())};
            }
            blocks.push_back(std::move(b));
            continue;
        }
        if (in_attachment && match_marker(v) && !has_sentence_punct(v)) {
            blocks.push_back(block_of(line, BlockKind::attachment, 0, line.text.size()));
            continue;
        }
        in_attachment = false;
        const bool opens_body = match_marker(v) || has_sentence_punct(v);
        const bool marked_title = (line.heading_hint == 1 || line.heading_hint == 2) && !has_sentence_punct(v) &&
                                  !match_marker(v) && v.size() <= 80;
        if (!body_started && !title_seen && !opens_body &&
            ((!cms_title.empty() && squeeze(v) == cms_title) || is_title_line(v) || marked_title ||
             is_stated_title(v, in.page_titles))) {
            Block title = block_of(line, BlockKind::title, 0, line.text.size());
            // A title wrapped over lines: the line right above it, short and no sentence, starts it.
            while (!blocks.empty() && wraps_into(blocks.back(), title)) {
                title.text = blocks.back().text + title.text;
                title.span.start = blocks.back().span.start;
                blocks.pop_back();
            }
            blocks.push_back(std::move(title));
            title_seen = true;
            continue;
        }
        if (!body_started && !blocks.empty() && blocks.back().kind == BlockKind::title &&
            squeeze(v) == squeeze(to_folded_u32(blocks.back().text))) {
            merged.push_back(line.span);  // the title printed again under itself, as pages do
            continue;
        }
        if (!body_started && !blocks.empty() &&
            (blocks.back().kind == BlockKind::title || blocks.back().kind == BlockKind::subtitle) &&
            line.heading_hint == 0 && is_subtitle(content, k, follows_dash(blocks))) {
            Block b = block_of(line, BlockKind::subtitle, 0, line.text.size());
            // One or two characters are the end of the line above, cut by the page (政府工作报 / 告).
            if (blocks.back().kind == BlockKind::subtitle && line.text.size() <= 2) {
                blocks.back().text += b.text;
                blocks.back().span.end = b.span.end;
            } else {
                blocks.push_back(std::move(b));
            }
            continue;
        }
        if (!body_started && line.heading_hint == 0 && is_addressee_line(v)) {  // never a marked-up heading
            Block b = block_of(line, BlockKind::addressee, 0, line.text.size());
            std::size_t e = line.text.size() - 1;
            doc.metadata.addressee = Field{line.utf8(0, e), false, line.span_of(0, e)};
            blocks.push_back(std::move(b));
            body_started = true;
            continue;
        }
        body_started = body_started || opens_body;
        if (is_attachment_line(v)) {
            blocks.push_back(block_of(line, BlockKind::attachment, 0, line.text.size()));
            in_attachment = true;
            continue;
        }
        if (const std::vector<std::size_t> at = run_in_headings(v); !at.empty()) {
            if (const std::size_t lead = trim_end(line, 0, at[0]); lead > 0)
                blocks.push_back(paragraph_of(line, 0, lead));
            for (std::size_t h = 0; h < at.size(); ++h) {
                const std::size_t end = trim_end(line, at[h], h + 1 < at.size() ? at[h + 1] : line.text.size());
                if (!add_heading_at(line, at[h], end, true, parts, blocks))
                    blocks.push_back(paragraph_of(line, at[h], end));
            }
            continue;
        }
        if (sections[k]) {
            Block h = block_of(line, BlockKind::heading, 2, line.text.size());
            h.level = 1;
            h.marker = line.utf8(0, 2);
            h.span = line.span;
            blocks.push_back(std::move(h));
            continue;
        }
        if (line.table_run && !heads_table_text(line, last_level1)) {
            blocks.push_back(paragraph_of(line, 0, line.text.size()));
            continue;
        }
        const std::size_t before = blocks.size();
        if (!top_level[k] || !add_heading(line, parts, blocks))
            blocks.push_back(paragraph_of(line, 0, line.text.size()));
        if (blocks.size() > before && blocks[before].kind == BlockKind::heading && blocks[before].level == 1)
            last_level1 = marker_number(line.view);
    }
}

// Blocks a reader finished itself (tables, images) join the others in source order.
void merge_by_position(std::vector<Block>& blocks, std::vector<Block> finished) {
    if (finished.empty()) return;
    std::vector<Block> merged;
    merged.reserve(blocks.size() + finished.size());
    std::merge(std::make_move_iterator(blocks.begin()), std::make_move_iterator(blocks.end()),
               std::make_move_iterator(finished.begin()), std::make_move_iterator(finished.end()),
               std::back_inserter(merged), [](const Block& a, const Block& b) { return a.span.start < b.span.start; });
    blocks = std::move(merged);
}

}  // namespace

std::size_t trim_end(const Line& line, std::size_t begin, std::size_t end) {
    while (end > begin && is_space(line.view[end - 1])) --end;
    return end;
}

bool is_addressee_line(std::u32string_view view) {
    return view.size() >= 3 && view.size() <= 60 && view.back() == ':' &&
           view.find_first_of(U"。;!?") == std::u32string_view::npos && !match_marker(view);
}

void build_outline(PassState& s) {
    build_blocks(s.doc, s.in, s.found.merged, s.budget);
    merge_by_position(s.doc.blocks, std::move(s.finished));
}

}  // namespace gongwen
