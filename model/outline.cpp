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

bool add_heading(const Line& line, std::vector<Block>& out) {
    const auto marker = match_marker(line.view);
    if (!marker) return false;
    const std::size_t split = first_sentence_end(line.view, marker->body);
    const std::size_t heading_end = split == std::u32string_view::npos ? line.text.size() : split;
    if (heading_end - marker->body > kMaxHeadingLength) return false;
    std::size_t marker_end = marker->length;
    Block h = block_of(line, BlockKind::heading, marker->body, heading_end);
    h.level = marker->level;
    h.marker = line.utf8(0, trim_end(line, 0, marker_end));
    h.span = line.span_of(0, heading_end);
    out.push_back(std::move(h));
    if (split != std::u32string_view::npos) {
        std::size_t rest = split;
        while (rest < line.text.size() && is_space(line.view[rest])) ++rest;
        out.push_back(paragraph_of(line, rest, line.text.size()));
    }
    return true;
}

// The number of a line's numbering marker (三 of 三、), 0 when it has none.
int marker_number(std::u32string_view view) {
    std::size_t i = !view.empty() && view[0] == '(' ? 1 : 0;
    std::size_t j = i;
    while (j < view.size() && (is_chinese_numeral(view[j]) || is_ascii_digit(view[j]))) ++j;
    return j > i ? std::max(0, parse_numeral(view.substr(i, j - i))) : 0;
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
    std::vector<BlockKind> kinds = closing_kinds(content);
    const std::u32string cms_title = squeeze(fold(to_u32(doc.metadata.title.value)));
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
            ((!cms_title.empty() && squeeze(v) == cms_title) || is_title_line(v) || marked_title)) {
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
            squeeze(v) == squeeze(fold(to_u32(blocks.back().text)))) {
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
        if (line.table_run && !heads_table_text(line, last_level1)) {
            blocks.push_back(paragraph_of(line, 0, line.text.size()));
            continue;
        }
        const std::size_t before = blocks.size();
        if (!add_heading(line, blocks)) blocks.push_back(paragraph_of(line, 0, line.text.size()));
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
