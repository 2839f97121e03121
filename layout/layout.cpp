// The grid layout engine: blocks become chunks of grid lines (compose), chunks are placed on
// pages of 22 grid lines (paginate), and placed lines become page coordinates (render).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

#include "gongwen/limits.hpp"
#include "gongwen/unicode.hpp"
#include "layout/layout_internal.hpp"

namespace gongwen::layout {

namespace {

constexpr int kIndent = 2;  // GB/T 9704: paragraphs and headings indented two characters
const TextStyle kBody{Role::body, geometry::body_size, geometry::cell};
const TextStyle kTitle{Role::title, geometry::title_size, geometry::title_size};

TextStyle heading_style(int level) {
    static constexpr std::array<Role, 4> roles{Role::heading1, Role::heading2, Role::heading3, Role::heading4};
    return TextStyle{roles[static_cast<std::size_t>(std::clamp(level, 1, 4) - 1)], geometry::body_size, geometry::cell};
}

double text_width(const Shaper::Shaped& s) { return std::accumulate(s.widths.begin(), s.widths.end(), 0.0); }

// Width of an attachment note's "附件：" label and of an item number ("1." "2、") after it.
std::pair<double, double> attachment_label(const Shaper::Shaped& s) {
    const std::u32string& t = s.text;
    std::size_t label = 0;
    if (t.rfind(U"附件", 0) == 0) {
        std::size_t colon = t.find_first_of(U"：:");
        if (colon != std::u32string::npos && colon <= 4) label = colon + 1;
        while (label > 0 && label < t.size() && (t[label] == U' ' || t[label] == U'\u3000')) ++label;
    }
    std::size_t number = label;
    while (number < t.size() && (is_ascii_digit(t[number]) || (t[number] >= U'０' && t[number] <= U'９'))) ++number;
    if (number > label && number < t.size() &&
        std::u32string_view(U".．、").find(t[number]) != std::u32string_view::npos) {
        ++number;
        while (number < t.size() && t[number] == U' ') ++number;
    } else {
        number = label;
    }
    const auto sum = [&](std::size_t a, std::size_t b) {
        return std::accumulate(s.widths.begin() + static_cast<long>(a), s.widths.begin() + static_cast<long>(b), 0.0);
    };
    return {sum(0, label), sum(label, number)};
}

class Composer {
public:
    Composer(const Document& doc, const std::vector<Block>& blocks, Shaper& shaper, const Budget& budget)
        : doc_(doc), blocks_(blocks), shaper_(shaper), budget_(budget) {}
    std::vector<Chunk> compose();

private:
    // Block i of the reading order is set from now on: its span for diagnostics, its tag.
    void enter(std::size_t i) {
        block_ = static_cast<int>(i);
        shaper_.set_block(blocks_[i].span);
        shaper_.set_tag(Tag{Tag::Part::text, block_, -1});
    }
    void add(std::vector<FlowLine> lines, bool keep_together = false) {
        for (FlowLine& l : lines) l.block = block_;
        // Every page holds at most 22 grid lines: past the limit's worth of them, the PDF would
        // be over --max-pages whatever the pagination does, so stop before setting the rest.
        lines_ += lines.size();
        budget_.check_pages(lines_ / geometry::lines_per_page);
        Chunk c;
        c.lines = std::move(lines);
        c.keep_together = keep_together;
        chunks_.push_back(std::move(c));
    }
    void blank() {
        if (chunks_.empty() || chunks_.back().blank) return;
        Chunk c;
        c.blank = true;
        c.lines.emplace_back();
        chunks_.push_back(std::move(c));
    }
    // Each line of `text` (a block may hold several) set as a paragraph of its own.
    std::vector<FlowLine> body(const std::string& text, const TextStyle& style, double indent, double hanging) {
        std::vector<FlowLine> lines;
        const std::u32string all = to_u32(text);
        for (std::size_t begin = 0; begin <= all.size();) {
            std::size_t end = all.find_first_of(U"\r\n", begin);
            if (end == std::u32string::npos) end = all.size();
            if (end > begin || all.empty())
                for (FlowLine& l :
                     shaper_.paragraph(std::u32string_view(all).substr(begin, end - begin), style, geometry::left,
                                       geometry::chars_per_line, indent, hanging, Align::justify))
                    lines.push_back(std::move(l));
            begin = end + 1;
        }
        return lines;
    }
    void title(const Block& b);
    // `text` centred in `style`, wrapped into balanced lines that never split a word.
    std::vector<FlowLine> centred_balanced(const std::string& text, const TextStyle& style);
    void heading(const Block& b);
    std::size_t subtitles(const std::vector<Block>& blocks, std::size_t i);
    std::size_t attachments(const std::vector<Block>& blocks, std::size_t i);
    std::size_t signature(const std::vector<Block>& blocks, std::size_t i);
    void table(const Block& b);
    void image(const Block& b);

    const Document& doc_;
    const std::vector<Block>& blocks_;
    Shaper& shaper_;
    const Budget& budget_;
    std::vector<Chunk> chunks_;
    std::size_t lines_ = 0;
    int tables_ = 0;
    int block_ = -1;
};

std::vector<FlowLine> Composer::centred_balanced(const std::string& text, const TextStyle& style) {
    const Shaper::Shaped s = shaper_.shape(to_u32(text), style.role);
    const double max_width = geometry::width / style.em;
    std::vector<std::size_t> starts = title_breaks(s.text, s.widths, max_width);
    starts.push_back(s.text.size());
    std::vector<FlowLine> lines;
    std::size_t begin = 0;
    for (std::size_t end : starts) {
        LineSpan line{begin, end, 0, 0, 0, true};
        for (std::size_t k = begin; k < end; ++k) line.natural += s.widths[k];
        FlowLine& fl = lines.emplace_back();
        shaper_.draw(fl, s, line, style, geometry::left + (max_width - line.natural) / 2 * style.em,
                     shaper_.ascent(style));
        begin = end;
    }
    return lines;
}

// The title in 2号 bold Song, centred, wrapped into a balanced trapezoid; a blank line under it.
void Composer::title(const Block& b) {
    std::vector<FlowLine> lines = centred_balanced(b.text, kTitle);
    if (!chunks_.empty()) blank();
    add(std::move(lines), true);
    chunks_.back().keep_with_next = true;
    blank();
}

// The title block's other lines (题注, the speaker, a 文号) centred under the title in Kai, the
// face of the heading2 role, with a blank line under the last.
std::size_t Composer::subtitles(const std::vector<Block>& blocks, std::size_t i) {
    static const TextStyle kSubtitle{Role::heading2, geometry::body_size, geometry::cell};
    for (; i < blocks.size() && blocks[i].kind == BlockKind::subtitle; ++i) {
        enter(i);
        add(centred_balanced(blocks[i].text, kSubtitle), true);
        chunks_.back().keep_with_next = true;
    }
    blank();
    return i;
}

void Composer::heading(const Block& b) {
    add(body(b.marker + b.text, heading_style(b.level), kIndent, 0));
    Chunk& c = chunks_.back();
    c.keep_with_next = true;
    if (b.level >= 1 && b.level <= 3) c.bookmark_level = b.level, c.bookmark_title = b.marker + b.text;
}

// 附件说明: a blank line under the body, indented two characters; later items and wrapped lines
// align with the first item's name.
std::size_t Composer::attachments(const std::vector<Block>& blocks, std::size_t i) {
    blank();
    double label = 0;
    for (bool first = true; i < blocks.size() && blocks[i].kind == BlockKind::attachment; ++i, first = false) {
        enter(i);
        const auto [own_label, number] = attachment_label(shaper_.shape(to_u32(blocks[i].text), kBody.role, false));
        if (first) label = own_label;
        const double indent = first ? kIndent : kIndent + label;
        add(body(blocks[i].text, kBody, indent, kIndent + label + number));
    }
    return i;
}

// 落款 without a seal: a blank line under the body; the organisation right-indented two
// characters, the date on the next line starting two characters right of it (moved left
// with the organisation when it would come closer than two characters to the right edge);
// a note (附注) on the line after the date, indented two characters.
std::size_t Composer::signature(const std::vector<Block>& blocks, std::size_t i) {
    blank();
    const Field& date = doc_.metadata.signed_date;
    std::vector<const Block*> orgs;
    const Block* date_block = nullptr;
    for (; i < blocks.size() && blocks[i].kind == BlockKind::signature; ++i) {
        const bool is_date = date.present() && blocks[i].span == date.span;
        if (is_date)
            date_block = &blocks[i];
        else
            orgs.push_back(&blocks[i]);
    }
    std::vector<Shaper::Shaped> org_text;
    double org_width = 0;
    for (const Block* b : orgs) {
        enter(static_cast<std::size_t>(b - blocks.data()));
        org_text.push_back(shaper_.shape(to_u32(b->text), kBody.role));
        org_width = std::max(org_width, text_width(org_text.back()));
    }
    const double right = geometry::chars_per_line - kIndent;
    double org_start = right - org_width;
    std::optional<Shaper::Shaped> date_text;
    double date_start = right;
    if (date_block) {
        enter(static_cast<std::size_t>(date_block - blocks.data()));
        date_text = shaper_.shape(to_u32(date_block->text), kBody.role);
        const double w = text_width(*date_text);
        date_start = orgs.empty() ? right - w : std::min(org_start + kIndent, right - w);
        if (!orgs.empty()) org_start = std::min(org_start, date_start - kIndent);
    }
    std::vector<FlowLine> lines;
    const auto place = [&](const Shaper::Shaped& s, double start) {
        LineSpan line{0, s.text.size(), text_width(s), 0, 0, true};
        FlowLine& fl = lines.emplace_back();
        shaper_.draw(fl, s, line, kBody, geometry::left + std::max(0.0, start) * kBody.em, shaper_.ascent(kBody));
    };
    for (const Shaper::Shaped& s : org_text) place(s, org_start + (org_width - text_width(s)));
    if (date_text) place(*date_text, date_start);
    for (; i < blocks.size() && blocks[i].kind == BlockKind::annotation; ++i) {
        enter(i);
        for (FlowLine& l : body(blocks[i].text, kBody, kIndent, 0)) lines.push_back(std::move(l));
    }
    add(std::move(lines), true);
    return i;
}

void Composer::table(const Block& b) {
    if (!b.text.empty()) {  // the caption, centred above the table in 黑体
        const TextStyle caption{Role::heading1, geometry::body_size, geometry::cell};
        shaper_.set_tag(Tag{Tag::Part::caption, block_, -1});
        add(shaper_.paragraph(to_u32(b.text), caption, geometry::left, geometry::chars_per_line, 0, 0, Align::center));
        chunks_.back().keep_with_next = true;
    }
    shaper_.set_tag(Tag{Tag::Part::text, block_, -1});
    for (Chunk& c : table_chunks(b, tables_++, shaper_)) {
        for (FlowLine& l : c.lines) l.block = block_;
        chunks_.push_back(std::move(c));
    }
    blank();  // the next line's characters would otherwise touch the table's bottom rule
}

// Pictures are not fetched (their address may be remote): a framed place with the
// alternative text, so the page shows where one belongs.
void Composer::image(const Block& b) {
    constexpr int kLines = 3;
    std::vector<FlowLine> lines(kLines);
    const double x0 = geometry::left + 4 * geometry::cell, x1 = geometry::left + geometry::width - 4 * geometry::cell;
    const double h = geometry::line_pitch;
    for (int j = 0; j < kLines; ++j) {
        lines[j].strokes = {{x0, 0, x0, h, {}}, {x1, 0, x1, h, {}}};
        if (j == 0) lines[j].strokes.push_back({x0, 0, x1, 0, {}});
        if (j == kLines - 1) lines[j].strokes.push_back({x0, h, x1, h, {}});
    }
    const TextStyle alt{Role::heading2, geometry::body_size, geometry::cell};
    std::vector<FlowLine> text = shaper_.paragraph(to_u32(b.text), alt, x0, (x1 - x0) / alt.em, 0, 0, Align::center);
    if (text.size() == 1)
        lines[1].runs = std::move(text.front().runs), lines[1].boxes = std::move(text.front().boxes);
    else
        for (FlowLine& l : text) lines.insert(lines.end() - 1, std::move(l));
    add(std::move(lines), true);
}

std::vector<Chunk> Composer::compose() {
    const std::vector<Block>& blocks = blocks_;
    for (std::size_t i = 0; i < blocks.size();) {
        const Block& b = blocks[i];
        budget_.check_time();
        enter(i);
        switch (b.kind) {
            case BlockKind::title: title(b), ++i; break;
            case BlockKind::subtitle: i = subtitles(blocks, i); break;
            case BlockKind::heading: heading(b), ++i; break;
            case BlockKind::addressee: add(body(b.text, kBody, 0, 0)), ++i; break;
            case BlockKind::paragraph: add(body(b.text, kBody, kIndent, 0)), ++i; break;
            case BlockKind::list_item: add(body(b.marker + b.text, kBody, kIndent, 0)), ++i; break;
            case BlockKind::attachment: i = attachments(blocks, i); break;
            case BlockKind::signature: i = signature(blocks, i); break;
            case BlockKind::annotation: blank(), add(body(b.text, kBody, kIndent, 0)), ++i; break;
            case BlockKind::table: table(b), ++i; break;
            case BlockKind::image: image(b), ++i; break;
        }
    }
    return std::move(chunks_);
}

// Where each grid line went: page and grid line (0–21).
struct Placed {
    const FlowLine* line;
    std::size_t page;
    int slot;
    bool repeat = false;  // a table's header line drawn again on a page the table continues on
};

struct Pagination {
    std::vector<Placed> placed;
    std::vector<Bookmark> bookmarks;
    std::size_t pages = 1;
};

// Fills pages top to bottom. Blank lines never start a page, kept-together chunks move whole
// to the next page, a heading keeps its following line, and a table that continues repeats
// its header rows.
class Paginator {
public:
    explicit Paginator(const Budget& budget) : budget_(budget) {}
    Pagination run(const std::vector<Chunk>& chunks) {
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            const Chunk& c = chunks[i];
            if (c.blank) {
                if (slot_ >= kLines) new_page(-1);
                if (slot_ > 0 || page_ == 0) place(c.lines.front());
                continue;
            }
            if (c.table_header) header_of(c.table) = &c;
            const int table = c.table_header ? -1 : c.table;  // the table this chunk continues
            const int need = lines_needed(c, i + 1 < chunks.size() ? &chunks[i + 1] : nullptr);
            if (slot_ > 0 && slot_ + need > kLines && need <= kLines - repeated_lines(table)) new_page(table);
            for (const FlowLine& l : c.lines) {
                if (slot_ >= kLines) new_page(table);
                if (&l == &c.lines.front() && c.bookmark_level > 0)
                    result_.bookmarks.push_back(Bookmark{c.bookmark_level, c.bookmark_title, page_,
                                                         geometry::top + slot_ * geometry::line_pitch});
                place(l);
            }
        }
        result_.pages = page_ + 1;
        return std::move(result_);
    }

private:
    static constexpr int kLines = geometry::lines_per_page;

    // Grid lines that must fit on the current page before the chunk may start there.
    static int lines_needed(const Chunk& c, const Chunk* next) {
        const int size = static_cast<int>(c.lines.size());
        if (c.keep_with_next && next) return size + (next->keep_together ? static_cast<int>(next->lines.size()) : 1);
        return c.keep_together ? size : 1;
    }
    const Chunk*& header_of(int table) {
        const std::size_t t = static_cast<std::size_t>(table);
        if (headers_.size() <= t) headers_.resize(t + 1, nullptr);
        return headers_[t];
    }
    int repeated_lines(int table) {
        return table >= 0 && header_of(table) ? static_cast<int>(header_of(table)->lines.size()) : 0;
    }
    void place(const FlowLine& l, bool repeat = false) { result_.placed.push_back(Placed{&l, page_, slot_++, repeat}); }
    void new_page(int table) {
        ++page_, slot_ = 0;
        budget_.check_pages(page_ + 1);
        if (table >= 0 && header_of(table))
            for (const FlowLine& l : header_of(table)->lines) place(l, true);
    }

    const Budget& budget_;
    Pagination result_;
    std::size_t page_ = 0;
    int slot_ = 0;
    std::vector<const Chunk*> headers_;
};

void add_table_rules(Page& out, const FlowLine::TableEdges& t, double y0, bool first_on_page, bool last_on_page,
                     Tag tag) {
    const double y1 = y0 + geometry::line_pitch;
    if (first_on_page && !t.first)
        out.strokes.push_back({t.x0, y0, t.x1, y0, tag});
    else
        for (const auto& [a, b] : t.top) out.strokes.push_back({a, y0, b, y0, tag});
    if (last_on_page && !t.last)
        out.strokes.push_back({t.x0, y1, t.x1, y1, tag});
    else
        for (const auto& [a, b] : t.bottom) out.strokes.push_back({a, y1, b, y1, tag});
}

// 页码: "— N —" in 4号 Song, the top of its dashes (一字线) 7 mm under the type area, odd pages
// one character in from the right edge of the type area, even pages one character in from the left.
void add_page_number(Page& out, std::size_t number, Shaper& shaper) {
    const TextStyle style{Role::page_number, geometry::page_number_size, geometry::page_number_size};
    shaper.set_tag(Tag{});  // page furniture, no block's
    const Shaper::Shaped s = shaper.shape(to_u32("— " + std::to_string(number) + " —"), style.role);
    const double w = text_width(s) * style.em;
    const double x = number % 2 == 1 ? geometry::left + geometry::width - style.size - w : geometry::left + style.size;
    const Glyph& dash = s.glyphs.front();
    const double dash_top =
        dash.found() ? shaper.fonts().face(dash.face).ink_top(dash.index) * style.size : shaper.ascent(style);
    FlowLine line;
    shaper.draw(line, s, LineSpan{0, s.text.size(), text_width(s), 0, 0, true}, style, x,
                geometry::page_number_top + dash_top);
    for (TextRun& r : line.runs) out.runs.push_back(std::move(r));
}

// Runs in reading order: as placed, except that the lines of a table row are read cell by cell.
struct OrderedRuns {
    struct Entry {
        std::size_t first;  // where its row started on the page (or where it was placed)
        int cell;
        std::size_t sequence;
        TextRun run;
    };
    std::vector<Entry> entries;
    std::map<int, std::size_t> row_start;

    void add(const FlowLine& line, double y0, bool repeat) {
        const std::size_t first =
            line.rows < 0 ? entries.size() : row_start.emplace(line.rows, entries.size()).first->second;
        for (std::size_t r = 0; r < line.runs.size(); ++r) {
            TextRun run = line.runs[r];
            for (PlacedGlyph& g : run.glyphs) g.y += y0;
            if (repeat) run.tag.part = Tag::Part::artifact;
            const int cell = r < line.run_cell.size() ? line.run_cell[r] : 0;
            entries.push_back(Entry{first, cell, entries.size(), std::move(run)});
        }
    }
    std::vector<TextRun> take() {
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return std::tie(a.first, a.cell, a.sequence) < std::tie(b.first, b.cell, b.sequence);
        });
        std::vector<TextRun> runs;
        for (Entry& e : entries) runs.push_back(std::move(e.run));
        return runs;
    }
};

std::vector<Page> render(const Pagination& p, Shaper& shaper, const Budget& budget) {
    std::vector<Page> pages(p.pages);
    std::vector<OrderedRuns> runs(p.pages);
    for (std::size_t i = 0; i < p.placed.size(); ++i) {
        const Placed& at = p.placed[i];
        Page& page = pages[at.page];
        const double y0 = geometry::top + at.slot * geometry::line_pitch;
        runs[at.page].add(*at.line, y0, at.repeat);
        const Tag rule{Tag::Part::artifact, at.line->block, -1};
        for (const Stroke& s : at.line->strokes) page.strokes.push_back({s.x0, s.y0 + y0, s.x1, s.y1 + y0, rule});
        for (const Box& b : at.line->boxes) page.boxes.push_back({b.x, b.y + y0, b.w, b.h, b.tag});
        if (at.line->table) {
            const bool last_on_page = i + 1 == p.placed.size() || p.placed[i + 1].page != at.page;
            add_table_rules(page, *at.line->table, y0, at.slot == 0, last_on_page, rule);
        }
    }
    for (std::size_t i = 0; i < pages.size(); ++i) {
        budget.check_time();
        join_rules(pages[i].strokes);
        pages[i].runs = runs[i].take();
        add_page_number(pages[i], i + 1, shaper);
    }
    return pages;
}

std::vector<TaggedBlock> tagged_blocks(const std::vector<Block>& blocks) {
    std::vector<TaggedBlock> out;
    for (const Block& b : blocks) {
        TaggedBlock t = b.kind == BlockKind::table ? tagged_table(b) : TaggedBlock{};
        t.kind = b.kind;
        t.level = b.kind == BlockKind::heading ? b.level : 0;
        if (b.kind == BlockKind::image) t.alt = b.text;
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

void join_rules(std::vector<Stroke>& strokes) {
    constexpr double kSame = 1e-6;  // points: the layout computes positions to a millionth
    struct Segment {
        int block;
        int axis;   // 0: horizontal, 1: vertical
        double at;  // the y of a horizontal, the x of a vertical
        double from, to;
        Tag tag;
    };
    std::vector<Segment> lines;
    std::vector<Stroke> other;
    for (const Stroke& s : strokes) {
        if (std::abs(s.y0 - s.y1) <= kSame)
            lines.push_back({s.tag.block, 0, s.y0, std::min(s.x0, s.x1), std::max(s.x0, s.x1), s.tag});
        else if (std::abs(s.x0 - s.x1) <= kSame)
            lines.push_back({s.tag.block, 1, s.x0, std::min(s.y0, s.y1), std::max(s.y0, s.y1), s.tag});
        else
            other.push_back(s);
    }
    // Positions equal to a millionth of a point are one line: sort on the rounded value.
    const auto key = [](double v) { return std::llround(v * 1e6); };
    std::stable_sort(lines.begin(), lines.end(), [&](const Segment& a, const Segment& b) {
        return std::make_tuple(a.block, a.axis, key(a.at), a.from) <
               std::make_tuple(b.block, b.axis, key(b.at), b.from);
    });
    std::vector<Stroke> out;
    out.reserve(lines.size() + other.size());
    for (std::size_t i = 0; i < lines.size();) {
        Segment joined = lines[i];
        std::size_t k = i + 1;
        for (; k < lines.size(); ++k) {
            const Segment& next = lines[k];
            if (next.block != joined.block || next.axis != joined.axis || key(next.at) != key(joined.at) ||
                next.from > joined.to + kSame)
                break;
            joined.to = std::max(joined.to, next.to);
        }
        out.push_back(joined.axis == 0 ? Stroke{joined.from, joined.at, joined.to, joined.at, joined.tag}
                                       : Stroke{joined.at, joined.from, joined.at, joined.to, joined.tag});
        i = k;
    }
    out.insert(out.end(), other.begin(), other.end());
    strokes = std::move(out);
}

std::vector<Block> reading_order(const Document& doc) {
    std::vector<Block> blocks;
    const auto title =
        std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const Block& b) { return b.kind == BlockKind::title; });
    if (title != doc.blocks.end()) {
        blocks.push_back(*title);
    } else if (doc.metadata.title.present()) {
        Block b;
        b.kind = BlockKind::title;
        b.text = doc.metadata.title.value;
        b.span = doc.metadata.title.span;
        blocks.push_back(std::move(b));
    }
    for (auto it = doc.blocks.begin(); it != doc.blocks.end(); ++it)
        if (it != title) blocks.push_back(*it);
    return blocks;
}

Layout lay_out(const Document& doc, const FontSet& fonts, const Budget& budget) {
    Shaper shaper(fonts);
    const std::vector<Block> blocks = reading_order(doc);
    const std::vector<Chunk> chunks = Composer(doc, blocks, shaper, budget).compose();
    const Pagination p = Paginator(budget).run(chunks);
    Layout layout;
    layout.pages = render(p, shaper, budget);
    layout.bookmarks = p.bookmarks;
    layout.blocks = tagged_blocks(blocks);
    for (const std::string& s : fonts.substitutions())
        layout.diagnostics.push_back(Diagnostic{"font_substituted", 1, s, {}});
    if (std::optional<Diagnostic> d = shaper.missing_diagnostic()) layout.diagnostics.push_back(std::move(*d));
    return layout;
}

void put_decimal(std::string& out, double v, int decimals) {
    char buf[48];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    char* end = r.ptr;
    if (char* dot = std::find(buf, end, '.'); dot != end) {
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
        out += '0';
        return;
    }
    out.append(buf, end);
}

}  // namespace gongwen::layout
