// Tables written as text, found among a reader's lines before they are cleaned: pipe rows (with
// or without outer pipes, Markdown's |---| row marking the header), tab-separated rows,
// space-aligned columns as `pdftotext -layout` prints a PDF table (columns from the gaps the
// rows share, page footers and page breaks inside the table, labels wrapped over lines or
// printed one character a line), and one cell a line as plain `pdftotext` prints it when a
// header of N names is followed by rows of a label and N-1 numbers. What cannot be rebuilt into
// a sure grid stays lines, marked as table text (never chrome, headings only in sequence).
#include <algorithm>
#include <optional>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

// --- one line --------------------------------------------------------------------------------

// A run of text between gaps of two or more spaces, with where it stands: code points `begin,
// end` in the line's text, columns `x0, x1` counted in code points (as pdftotext -layout places
// text) and `w0, w1` in display width (as an editor aligns it). Form feeds take no column.
struct Piece {
    std::size_t begin = 0, end = 0;
    std::size_t x0 = 0, x1 = 0;
    std::size_t w0 = 0, w1 = 0;
    bool number = false;
    std::size_t start(bool width) const { return width ? w0 : x0; }
    std::size_t stop(bool width) const { return width ? w1 : x1; }
};

bool is_gap_space(char32_t c) { return c == ' ' || c == 0x3000 || c == 0xA0; }

std::size_t width_of(char32_t c) { return display_width(std::u32string_view(&c, 1)); }

// A number as tables print them: 3001, 96171.6, 3,985,758, -2, 4.5%, 12‰.
bool is_number(std::u32string_view s) {
    if (s.empty()) return false;
    bool digit = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = fold(s[i]);
        if (is_ascii_digit(c)) {
            digit = true;
        } else if (c == '.' || c == ',') {
            if (i == 0) return false;
        } else if (c == '%' || c == U'‰') {
            if (i + 1 != s.size()) return false;
        } else if (c == '-' || c == '+' || c == U'−') {
            if (i != 0) return false;
        } else {
            return false;
        }
    }
    return digit;
}

// The pieces of a line; a piece of numbers one space apart ("0 0 3") is one piece per number.
std::vector<Piece> pieces_of(std::u32string_view t) {
    std::vector<Piece> out;
    std::size_t x = 0, w = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        if (t[i] == '\f' || t[i] == '\r') {
            ++i;
            continue;
        }
        if (is_gap_space(t[i]) || t[i] == '\t') {
            ++x, w += width_of(t[i]), ++i;
            continue;
        }
        Piece p;
        p.begin = i, p.x0 = x, p.w0 = w;
        std::size_t end = i, xe = x, we = w;
        while (i < t.size() && t[i] != '\f' && t[i] != '\t') {
            // A gap is two spaces, or one ideographic space (two columns wide).
            std::size_t j = i, gap = 0;
            while (j < t.size() && is_gap_space(t[j])) gap += width_of(t[j]), ++j;
            if (j > i && (gap >= 2 || j == t.size())) break;
            for (; i < j; ++i) ++x, w += width_of(t[i]);
            if (i >= t.size() || t[i] == '\f' || t[i] == '\t') break;
            ++x, w += width_of(t[i]), ++i;
            end = i, xe = x, we = w;
        }
        p.end = end, p.x1 = xe, p.w1 = we;
        // Numbers a single space apart are cells of their own.
        const std::u32string_view text = t.substr(p.begin, p.end - p.begin);
        bool all_numbers = true, spaced = false;
        for (std::size_t a = 0; a < text.size();) {
            std::size_t b = a;
            while (b < text.size() && text[b] != ' ') ++b;
            all_numbers = all_numbers && is_number(text.substr(a, b - a));
            if (b < text.size()) spaced = true;
            a = b + 1;
        }
        if (all_numbers && spaced) {
            std::size_t px = p.x0, pw = p.w0;
            for (std::size_t a = 0; a < text.size();) {
                std::size_t b = a;
                std::size_t bw = pw;
                while (b < text.size() && text[b] != ' ') bw += width_of(text[b]), ++b;
                out.push_back(Piece{p.begin + a, p.begin + b, px, px + (b - a), pw, bw, true});
                px += b - a + 1, pw = bw + 1;
                a = b + 1;
            }
        } else {
            p.number = is_number(text);
            out.push_back(p);
        }
    }
    return out;
}

bool has_sentence_end(std::u32string_view t) {
    for (char32_t c : t)
        if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '!' || c == '?' || c == ';') return true;
    return false;
}

std::u32string squeezed(std::u32string_view t) {
    std::u32string s;
    for (char32_t c : fold(t))
        if (!is_space(c) && c != '\f') s.push_back(c);
    return s;
}

// A page's footer as PDF text has it: "-3-", "— 3 —", "第 3 页 共 9 页", "共9页 第3页".
bool is_page_footer(std::u32string_view t) {
    const std::u32string s = squeezed(t);
    if (s.empty() || s.size() > 16) return false;
    const auto dash = [](char32_t c) { return c == '-' || c == U'—' || c == U'–' || c == U'－' || c == '~'; };
    std::size_t i = 0;
    while (i < s.size() && dash(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && is_ascii_digit(s[j])) ++j;
    std::size_t k = j;
    while (k < s.size() && dash(s[k])) ++k;
    if (i > 0 && j > i && k > j && k == s.size()) return true;
    // 第N页 with or without 共M页 before or after it.
    const auto page = [&](std::size_t at, char32_t lead, std::size_t& end) {
        if (at >= s.size() || s[at] != lead) return false;
        std::size_t d = at + 1;
        while (d < s.size() && is_ascii_digit(s[d])) ++d;
        if (d == at + 1 || d >= s.size() || s[d] != U'页') return false;
        end = d + 1;
        return true;
    };
    std::size_t end = 0;
    if (page(0, U'第', end)) {
        if (end < s.size() && (s[end] == ',' || s[end] == U'、')) ++end;
        std::size_t end2 = end;
        return end == s.size() || (page(end, U'共', end2) && end2 == s.size());
    }
    if (page(0, U'共', end)) {
        std::size_t end2 = end;
        return page(end, U'第', end2) && end2 == s.size();
    }
    return false;
}

enum class Kind { blank, footer, data, multi, single, number, prose };

constexpr std::size_t kLongCell = 40;   // no cell of a layout row is longer
constexpr std::size_t kLongLabel = 24;  // a line alone this long is prose, not a wrapped label

struct TextLine {
    const RawBlock* raw = nullptr;
    std::u32string text;
    Kind kind = Kind::blank;
    bool page_break = false;  // starts with a form feed or is a footer
    std::vector<Piece> pieces;
    std::size_t numbers = 0;
};

Kind classify(TextLine& l) {
    const std::u32string_view t = trim(l.text);
    std::size_t b = 0;
    while (b < t.size() && (t[b] == '\f' || is_space(t[b]))) ++b;
    if (b == t.size()) return Kind::blank;
    if (is_page_footer(t)) return Kind::footer;
    l.pieces = pieces_of(l.text);
    for (const Piece& p : l.pieces) l.numbers += p.number ? 1 : 0;
    std::size_t longest = 0;
    for (const Piece& p : l.pieces) longest = std::max(longest, p.end - p.begin);
    if (l.pieces.size() >= 2) {
        if (longest > kLongCell) return Kind::prose;
        return l.numbers > 0 ? Kind::data : Kind::multi;
    }
    if (l.numbers == 1) return Kind::number;
    const std::u32string_view only = std::u32string_view(l.text).substr(l.pieces[0].begin, longest);
    if (longest >= kLongLabel || has_sentence_end(only)) return Kind::prose;
    return Kind::single;
}

// --- where a cell came from ------------------------------------------------------------------

// Source offset of code point i of a raw block's text.
std::uint32_t origin_of(const RawBlock& r, std::size_t i) {
    if (r.origin.empty()) return static_cast<std::uint32_t>(r.start + i);
    if (i < r.origin.size()) return r.origin[i];
    return r.origin.back() + 1;
}

// Text pieces joined into one cell, cleaned as a line is, with its span.
struct CellText {
    std::u32string text;
    std::vector<std::uint32_t> origin;
    void add(const TextLine& l, std::size_t begin, std::size_t end) {
        if (!text.empty() && begin < end && is_ascii_alpha(fold(text.back())) && is_ascii_alpha(fold(l.text[begin]))) {
            text.push_back(' ');
            origin.push_back(origin_of(*l.raw, begin));
        }
        for (std::size_t i = begin; i < end; ++i) {
            text.push_back(l.text[i]);
            origin.push_back(origin_of(*l.raw, i));
        }
    }
};

TableCell make_cell(const CellText& c, std::size_t at, CleanupReport& report) {
    TableCell cell;
    if (c.text.empty()) {
        cell.span = Span{at, at};
        return cell;
    }
    const Line line = make_line(c.text, c.origin.front(), &c.origin, false, report);
    cell.text = to_utf8(line.text);
    cell.span = line.span;
    return cell;
}

TableCell piece_cell(const TextLine& l, const Piece& p, CleanupReport& report) {
    CellText c;
    c.add(l, p.begin, p.end);
    return make_cell(c, origin_of(*l.raw, p.begin), report);
}

std::size_t line_start(const TextLine& l) { return origin_of(*l.raw, 0); }

Span line_span(const TextLine& l) { return Span{line_start(l), origin_of(*l.raw, l.text.size())}; }

// The first row is the header when none of its cells is a number and a later row has one.
void guess_header(Block& table) {
    if (table.rows.size() < 2) return;
    for (const TableRow& r : table.rows)
        if (r.header) return;
    for (const TableCell& c : table.rows[0].cells)
        if (is_number(to_u32(c.text))) return;
    bool later = false;
    for (std::size_t r = 1; r < table.rows.size() && !later; ++r)
        for (const TableCell& c : table.rows[r].cells) later = later || is_number(to_u32(c.text));
    if (!later) return;
    table.rows[0].header = true;
    for (TableCell& c : table.rows[0].cells) c.header = true;
}

// Every row as wide as the widest, with empty cells at its end.
void pad_rows(Block& table) {
    std::size_t width = 0;
    for (const TableRow& r : table.rows) width = std::max(width, r.cells.size());
    for (TableRow& r : table.rows)
        while (r.cells.size() < width) {
            TableCell c;
            c.header = r.header;
            const std::size_t at = r.cells.empty() ? 0 : r.cells.back().span.end;
            c.span = Span{at, at};
            r.cells.push_back(c);
        }
}

// --- what the finder hands back ----------------------------------------------------------------

enum class Use : char { line, table, table_text, removed };

struct Found {
    std::vector<Use> use;  // per raw block
    std::vector<Block> tables;
    std::vector<Span> removed;
};

Block new_table(const TextLine& first, const TextLine& last) {
    Block b;
    b.kind = BlockKind::table;
    b.span = Span{line_start(first), line_span(last).end};
    return b;
}

// --- pipe rows and tab-separated rows -----------------------------------------------------------

// The cells of a delimited row as [begin, end) positions (trimmed), or nothing.
std::vector<std::pair<std::size_t, std::size_t>> split_row(std::u32string_view t, bool pipes) {
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    const auto is_delim = [&](char32_t c) { return pipes ? (c == '|' || c == U'｜') : c == '\t'; };
    std::size_t b = 0, e = t.size();
    while (b < e && (is_space(t[b]) || t[b] == '\f') && !is_delim(t[b])) ++b;
    while (e > b && is_space(t[e - 1]) && !is_delim(t[e - 1])) --e;
    if (b == e) return {};
    std::size_t delims = 0;
    for (std::size_t i = b; i < e; ++i) delims += is_delim(t[i]) ? 1 : 0;
    if (delims == 0) return {};
    bool outer_left = pipes && is_delim(t[b]);
    bool outer_right = pipes && e - b > 1 && is_delim(t[e - 1]);
    std::size_t from = outer_left ? b + 1 : b;
    const std::size_t to = outer_right ? e - 1 : e;
    for (std::size_t i = from; i <= to; ++i) {
        if (i < to && !is_delim(t[i])) continue;
        std::size_t cb = from, ce = i;
        while (cb < ce && is_space(t[cb])) ++cb;
        while (ce > cb && is_space(t[ce - 1])) --ce;
        cells.emplace_back(cb, ce);
        from = i + 1;
    }
    if (!pipes)  // trailing tabs end a line, they add no cells
        while (cells.size() > 1 && cells.back().first == cells.back().second) cells.pop_back();
    if (cells.size() < 2) return {};
    return cells;
}

// Markdown's header marker: |---|:--:|---:|.
bool is_rule_row(std::u32string_view t, const std::vector<std::pair<std::size_t, std::size_t>>& cells) {
    for (const auto& [b, e] : cells) {
        bool dash = false;
        for (std::size_t i = b; i < e; ++i) {
            if (t[i] == '-' || t[i] == U'—' || t[i] == U'－') {
                dash = true;
            } else if (t[i] != ':' && !is_space(t[i])) {
                return false;
            }
        }
        if (!dash) return false;
    }
    return true;
}

void find_delimited(std::vector<TextLine>& lines, Found& found, CleanupReport& report, bool pipes) {
    std::size_t i = 0;
    while (i < lines.size()) {
        if (found.use[i] != Use::line || lines[i].kind == Kind::blank) {
            ++i;
            continue;
        }
        // The run of consecutive rows with the same number of cells (the rule row aside).
        std::vector<std::size_t> rows;
        std::size_t width = 0, rule = 0;
        bool has_rule = false;
        std::size_t j = i;
        for (; j < lines.size() && found.use[j] == Use::line; ++j) {
            const auto cells = split_row(lines[j].text, pipes);
            if (cells.empty()) break;
            if (pipes && !has_rule && rows.size() >= 1 && is_rule_row(lines[j].text, cells)) {
                has_rule = true;
                rule = j;
                continue;
            }
            if (width != 0 && cells.size() != width) break;
            width = cells.size();
            rows.push_back(j);
        }
        if (rows.size() < 2 && !(has_rule && rows.size() >= 1)) {
            i = std::max(j, i + 1);
            continue;
        }
        const std::size_t last = std::max(rows.back(), has_rule ? rule : 0);
        Block table = new_table(lines[i], lines[last]);
        for (std::size_t r : rows) {
            TableRow row;
            row.header = has_rule && r < rule;
            for (const auto& [b, e] : split_row(lines[r].text, pipes)) {
                CellText c;
                c.add(lines[r], b, e);
                TableCell cell = make_cell(c, origin_of(*lines[r].raw, b), report);
                cell.header = row.header;
                row.cells.push_back(std::move(cell));
            }
            table.rows.push_back(std::move(row));
        }
        if (!has_rule) guess_header(table);
        pad_rows(table);
        found.tables.push_back(std::move(table));
        for (std::size_t k = i; k <= last; ++k) found.use[k] = Use::table;
        i = last + 1;
    }
}

// --- space-aligned columns -----------------------------------------------------------------------

struct Draft {
    std::vector<std::size_t> rows;      // data lines, in order
    std::vector<std::size_t> header;    // header lines above the first row
    std::vector<std::size_t> repeated;  // header lines repeated after a page break
    std::size_t floor = 0;              // the first line it may take
    std::size_t numbers = 0;            // the most numbers a row of it has
};

bool is_marker_line(const TextLine& l) {
    const std::u32string s = fold(trim(l.text));
    std::size_t b = 0;
    while (b < s.size() && (s[b] == '\f' || is_space(s[b]))) ++b;
    return match_marker(std::u32string_view(s).substr(b)).has_value();
}

std::size_t first_number_x(const TextLine& l) {
    for (const Piece& p : l.pieces)
        if (p.number) return p.x0;
    return 0;
}

// The header lines right above a table's first row: lines of several pieces, single pieces over
// the value columns, and the lines that continue them; not a heading, a caption or prose.
std::vector<std::size_t> header_above(const std::vector<TextLine>& lines, std::size_t first, std::size_t floor) {
    std::vector<std::size_t> header;
    const std::size_t values_at = first_number_x(lines[first]);
    std::size_t blanks = 0, skipped = 0;
    for (std::size_t k = first; k-- > floor;) {
        const TextLine& l = lines[k];
        if (l.kind == Kind::blank) {
            if (++blanks > (header.empty() ? 4 : 2)) break;
            continue;
        }
        blanks = 0;
        if (l.kind == Kind::footer || is_marker_line(l)) break;
        if (l.kind == Kind::multi) {
            header.push_back(k);
            if (l.page_break) break;  // the header starts the page
            continue;
        }
        if (l.page_break) break;
        if (l.kind != Kind::single) break;
        const bool over_values = values_at > 0 && l.pieces[0].x0 + 1 >= values_at;
        const bool continues = k > floor && lines[k - 1].kind == Kind::multi && !is_marker_line(lines[k - 1]);
        if (!over_values && !continues) {
            // A label line or two right over the first row belongs to its labels: the header
            // may stand above them.
            if (header.empty() && ++skipped <= 2) continue;
            break;
        }
        header.push_back(k);
    }
    std::reverse(header.begin(), header.end());
    return header;
}

std::vector<std::u32string> texts_of(const std::vector<TextLine>& lines, const std::vector<std::size_t>& at) {
    std::vector<std::u32string> out;
    for (std::size_t k : at) out.push_back(squeezed(lines[k].text));
    return out;
}

// Whether data line `i` continues the table: only cell lines between it and the last row, and
// across a page break nothing but what the break itself brings (a repeated header).
bool continues(const std::vector<TextLine>& lines, const Draft& d, std::size_t i, std::vector<std::size_t>& repeated) {
    const std::size_t last = d.rows.back();
    std::size_t between = 0;
    bool broken = false;
    const std::size_t max_numbers = d.numbers;
    std::vector<std::size_t> after_break;
    for (std::size_t k = last + 1; k < i; ++k) {
        const TextLine& l = lines[k];
        if (l.kind == Kind::blank) continue;
        if (l.kind == Kind::prose) return false;
        if (l.page_break) broken = true;
        if (l.kind == Kind::footer) continue;
        if (broken) {
            after_break.push_back(k);
            continue;
        }
        if (l.kind == Kind::multi) return false;  // a new header: a new table
        if (++between > 8) return false;
    }
    if (lines[i].page_break) broken = true;
    if (!broken) return true;
    if (lines[i].numbers != max_numbers) return false;
    // Before the break only what stands right under the last row (a wrapped label).
    for (std::size_t k = last + 1; k < i; ++k) {
        if (lines[k].page_break) break;
        if (lines[k].kind != Kind::blank && lines[k].kind != Kind::footer && k > last + 2) return false;
    }
    if (after_break.empty()) return true;
    // The table's header again, then at most a few label lines (of a label spanning the rows).
    const std::size_t n = d.header.size();
    if (after_break.size() >= n && n > 0) {
        const std::vector<std::size_t> head(after_break.begin(), after_break.begin() + static_cast<std::ptrdiff_t>(n));
        bool labels = after_break.size() - n <= 8;
        for (std::size_t k = n; k < after_break.size() && labels; ++k)
            labels = lines[after_break[k]].kind == Kind::single;
        if (labels && texts_of(lines, head) == texts_of(lines, d.header)) {
            repeated = head;
            return true;
        }
    }
    // No header again: label lines only.
    if (after_break.size() > 2) return false;
    for (std::size_t k : after_break)
        if (lines[k].kind != Kind::single) return false;
    return true;
}

// Columns of a page's rows: the stretches the rows' pieces cover, the gaps every row leaves
// between them.
struct Columns {
    bool width = false;                                       // positions in display width, else in code points
    std::size_t values_at = 0;                                // where the value columns start
    std::vector<std::pair<std::size_t, std::size_t>> values;  // [x0, x1) of each value column
    std::vector<std::size_t> labels;                          // start of each label column, left to right
};

// The stretches of the rows' numbers, and of the text standing right of where they start: the
// value columns, each a stretch the rows' pieces cover, the gaps every row leaves between them.
std::vector<std::pair<std::size_t, std::size_t>> stretches(const std::vector<TextLine>& lines,
                                                           const std::vector<std::size_t>& rows, bool width) {
    std::size_t from = SIZE_MAX;
    for (std::size_t r : rows)
        for (const Piece& p : lines[r].pieces)
            if (p.number) from = std::min(from, p.start(width));
    std::vector<std::pair<std::size_t, std::size_t>> all;
    for (std::size_t r : rows)
        for (const Piece& p : lines[r].pieces)
            if (p.start(width) >= from) all.emplace_back(p.start(width), p.stop(width));
    std::sort(all.begin(), all.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& s : all) {
        if (!merged.empty() && s.first < merged.back().second)
            merged.back().second = std::max(merged.back().second, s.second);
        else
            merged.push_back(s);
    }
    // No more columns than a row has cells: neighbours that no row fills both of are one column
    // its rows placed unevenly, the closest first.
    std::size_t most = 0;
    for (std::size_t r : rows) {
        std::size_t n = 0;
        for (const Piece& p : lines[r].pieces) n += p.start(width) >= from ? 1 : 0;
        most = std::max(most, n);
    }
    constexpr std::size_t kMostColumns = 64;  // more is no table: leave it as it is
    while (merged.size() > most && merged.size() >= 2 && merged.size() <= kMostColumns) {
        // Which neighbours some row fills both of, in one pass over the rows.
        std::vector<bool> both(merged.size(), false);
        for (std::size_t r : rows) {
            std::size_t previous = SIZE_MAX;
            for (const Piece& p : lines[r].pieces) {
                if (p.start(width) < from) continue;
                const auto after = std::upper_bound(
                    merged.begin(), merged.end(), p.start(width),
                    [](std::size_t x, const std::pair<std::size_t, std::size_t>& m) { return x < m.first; });
                const auto k = static_cast<std::size_t>(after - merged.begin()) - 1;
                if (previous != SIZE_MAX && k == previous + 1) both[previous] = true;
                previous = k;
            }
        }
        std::size_t best = SIZE_MAX, best_gap = SIZE_MAX;
        for (std::size_t k = 0; k + 1 < merged.size(); ++k) {
            const std::size_t gap = merged[k + 1].first - merged[k].second;
            if (!both[k] && gap < best_gap) best = k, best_gap = gap;
        }
        if (best == SIZE_MAX) break;
        merged[best].second = merged[best + 1].second;
        merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    }
    return merged;
}

Columns columns_of(const std::vector<TextLine>& lines, const std::vector<std::size_t>& rows,
                   const std::vector<std::size_t>& others) {
    // Of the two ways to count columns, the one under which the rows agree: no row with two
    // numbers in one column, then the fewest columns (rows that do not line up make more).
    Columns best;
    std::size_t best_count = 0, best_clashes = SIZE_MAX;
    for (bool width : {false, true}) {
        const auto merged = stretches(lines, rows, width);
        if (merged.empty()) continue;
        const std::size_t first = 0;
        const std::size_t count = merged.size() - first;
        std::size_t clashes = 0;
        for (std::size_t r : rows) {
            std::size_t s = first;
            std::size_t previous = SIZE_MAX;
            for (const Piece& p : lines[r].pieces) {
                if (p.start(width) < merged[first].first) continue;
                while (s + 1 < merged.size() && merged[s].second <= p.start(width)) ++s;
                if (s == previous) ++clashes;
                previous = s;
            }
        }
        if (best_count != 0 && (clashes > best_clashes || (clashes == best_clashes && count >= best_count))) continue;
        best_count = count;
        best_clashes = clashes;
        best = Columns{};
        best.width = width;
        best.values_at = merged[first].first;
        best.values.assign(merged.begin() + static_cast<std::ptrdiff_t>(first), merged.end());
    }
    if (best_count == 0) return best;
    // Label columns: where the label pieces start, starts within two columns of each other one.
    std::vector<std::size_t> starts;
    for (const auto* set : {&rows, &others})
        for (std::size_t r : *set)
            for (const Piece& p : lines[r].pieces)
                if (p.stop(best.width) <= best.values_at) starts.push_back(p.start(best.width));
    std::sort(starts.begin(), starts.end());
    for (std::size_t s : starts)
        if (best.labels.empty() || s > best.labels.back() + 2) best.labels.push_back(s);
    return best;
}

// The value column a piece stands in: the one it overlaps most, else the nearest.
std::size_t value_column(const Columns& c, const Piece& p) {
    const std::size_t a = p.start(c.width), b = p.stop(c.width);
    std::size_t best = 0, best_overlap = 0, best_distance = SIZE_MAX;
    for (std::size_t k = 0; k < c.values.size(); ++k) {
        const auto [x0, x1] = c.values[k];
        const std::size_t lo = std::max(a, x0), hi = std::min(b, x1);
        const std::size_t overlap = hi > lo ? hi - lo : 0;
        const std::size_t centre = a + b, column = x0 + x1;
        const std::size_t distance = centre > column ? centre - column : column - centre;
        if (overlap > best_overlap || (best_overlap == 0 && overlap == 0 && distance < best_distance)) {
            best = k, best_overlap = overlap, best_distance = distance;
        }
    }
    return best;
}

// How many value columns a header piece covers.
std::size_t value_span(const Columns& c, const Piece& p, std::size_t from) {
    std::size_t span = 1;
    const std::size_t b = p.stop(c.width);
    while (from + span < c.values.size() && c.values[from + span].first < b) ++span;
    return span;
}

std::size_t label_column(const Columns& c, const Piece& p) {
    const std::size_t a = p.start(c.width);
    std::size_t k = 0;
    while (k + 1 < c.labels.size() && c.labels[k + 1] <= a + 2) ++k;
    return k;
}

bool in_labels(const Columns& c, const Piece& p) { return p.stop(c.width) <= c.values_at; }

// The number of a row label's marker (1. 2、 （三）), or 0.
int label_number(const std::u32string& text) {
    const std::u32string s = fold(text);
    std::size_t i = s.size() && s[0] == '(' ? 1 : 0;
    std::size_t j = i;
    const bool arabic = j < s.size() && is_ascii_digit(s[j]);
    while (j < s.size() && (arabic ? is_ascii_digit(s[j]) : is_chinese_numeral(s[j]))) ++j;
    if (j == i || j - i > 3) return 0;
    return std::max(0, parse_numeral(std::u32string_view(s).substr(i, j - i)));
}

struct Fragment {
    std::size_t line = 0;
    Piece piece;
    std::size_t column = 0;  // global label column
    bool used = false;
};

struct RowDraft {
    std::size_t line = 0;
    const Columns* cols = nullptr;
    std::vector<const Piece*> values;  // per value column, may be null
    std::optional<Fragment> own;       // its own label piece
    std::vector<Fragment*> above, below;
    int own_column = -1;  // global label column of its label
    int number = 0;       // the number its label starts with (1. 2、 （三）), 0 for none
};

void build_layout(std::vector<TextLine>& lines, const Draft& d, Found& found, CleanupReport& report) {
    // Pages of the table: the rows and other lines of each, and each page's columns.
    struct Page {
        std::vector<std::size_t> rows, others, header;
        Columns cols;
    };
    std::vector<Page> pages(1);
    pages[0].header = d.header;
    const std::size_t begin = d.header.empty() ? d.rows.front() : d.header.front();
    std::size_t end = d.rows.back();
    // A line right under the last row continues its label.
    if (const std::size_t k = d.rows.back() + 1;
        k < lines.size() && lines[k].kind == Kind::single && !is_marker_line(lines[k]) && found.use[k] == Use::line)
        end = k;
    std::size_t next_row = 0;
    for (std::size_t k = begin; k <= end; ++k) {
        if (lines[k].page_break && !(pages.back().rows.empty() && pages.back().others.empty())) pages.emplace_back();
        if (lines[k].kind == Kind::blank || lines[k].kind == Kind::footer) continue;
        if (std::binary_search(d.header.begin(), d.header.end(), k)) continue;
        if (next_row < d.rows.size() && d.rows[next_row] == k) {
            pages.back().rows.push_back(k);
            ++next_row;
        } else if (std::binary_search(d.repeated.begin(), d.repeated.end(), k)) {
            pages.back().header.push_back(k);
        } else if (lines[k].kind == Kind::single) {
            pages.back().others.push_back(k);
        }
    }
    std::erase_if(pages, [](const Page& p) { return p.rows.empty(); });
    std::size_t label_columns = 0, value_columns = 0;
    for (Page& p : pages) {
        p.cols = columns_of(lines, p.rows, p.others);
        label_columns = std::max(label_columns, p.cols.labels.size());
        value_columns = std::max(value_columns, p.cols.values.size());
    }
    if (value_columns == 0) return;

    // Rows with their values and label pieces; pieces left of a row's own label and label lines
    // without values are fragments: of a wrapped label, or of a label spanning rows.
    std::vector<RowDraft> rows;
    std::vector<Fragment> fragments;
    fragments.reserve(4 * (end - begin + 1));
    const auto global = [&](const Page& p, std::size_t column) {
        return column + label_columns - p.cols.labels.size();
    };
    for (const Page& p : pages) {
        for (std::size_t k : p.rows) {
            RowDraft r;
            r.line = k;
            r.cols = &p.cols;
            r.values.assign(value_columns, nullptr);
            std::vector<const Piece*> labels;
            for (const Piece& piece : lines[k].pieces) {
                if (in_labels(p.cols, piece) && !piece.number) {
                    labels.push_back(&piece);
                } else {
                    const std::size_t c = value_column(p.cols, piece);
                    if (!r.values[c]) r.values[c] = &piece;
                }
            }
            if (!labels.empty()) {
                const Piece& own = *labels.back();
                r.own = Fragment{k, own, global(p, label_column(p.cols, own)), true};
                r.own_column = static_cast<int>(r.own->column);
                labels.pop_back();
            }
            for (const Piece* f : labels) fragments.push_back(Fragment{k, *f, global(p, label_column(p.cols, *f))});
            rows.push_back(std::move(r));
        }
        for (std::size_t k : p.others)
            for (const Piece& piece : lines[k].pieces)
                if (in_labels(p.cols, piece))
                    fragments.push_back(Fragment{k, piece, global(p, label_column(p.cols, piece))});
    }
    std::sort(fragments.begin(), fragments.end(), [](const Fragment& a, const Fragment& b) {
        return a.line != b.line ? a.line < b.line : a.piece.begin < b.piece.begin;
    });
    // A label wrapped over lines: a fragment next to a row (a blank line apart at most) in the
    // column of that row's label, or next to a row without a label.
    for (Fragment& f : fragments) {
        if (!lines[f.line].pieces.empty() && lines[f.line].kind == Kind::data) continue;
        RowDraft* best = nullptr;
        std::size_t best_distance = 3;
        // The rows within two lines of it: rows are in line order.
        auto from = std::lower_bound(rows.begin(), rows.end(), f.line < 2 ? 0 : f.line - 2,
                                     [](const RowDraft& r, std::size_t line) { return r.line < line; });
        for (auto it = from; it != rows.end() && it->line <= f.line + 2; ++it) {
            RowDraft& r = *it;
            const std::size_t distance = r.line > f.line ? r.line - f.line : f.line - r.line;
            if (distance >= best_distance) continue;
            if (r.own_column != -1 && r.own_column != static_cast<int>(f.column)) continue;
            best = &r, best_distance = distance;
        }
        if (!best) continue;
        f.used = true;
        (f.line < best->line ? best->above : best->below).push_back(&f);
        if (best->own_column == -1) best->own_column = static_cast<int>(f.column);
    }
    for (RowDraft& r : rows) {
        // The number its label starts with, from the label's first line.
        const Fragment* first = !r.above.empty() ? r.above.front() : r.own ? &*r.own : nullptr;
        if (!r.below.empty() && !first) first = r.below.front();
        if (first)
            r.number =
                label_number(lines[first->line].text.substr(first->piece.begin, first->piece.end - first->piece.begin));
    }
    for (RowDraft& r : rows)
        if (r.own_column == -1) r.own_column = static_cast<int>(label_columns == 0 ? 0 : label_columns - 1);

    // A label spanning rows: the rows under it (their own labels further right), split where
    // their numbering starts again; its fragments are the unused ones in its column among them.
    struct Group {
        std::size_t first = 0, count = 0;  // rows
        CellText text;
        std::size_t at = 0;
    };
    std::vector<std::vector<Group>> groups(label_columns);
    for (std::size_t c = 0; c + 1 < label_columns; ++c) {
        std::vector<Group>& gs = groups[c];
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (rows[r].own_column <= static_cast<int>(c)) continue;
            const bool restart = !gs.empty() && gs.back().first + gs.back().count == r &&
                                 rows[r].own_column == static_cast<int>(c + 1) &&
                                 rows[r - 1].own_column == rows[r].own_column && rows[r].number == 1;
            if (!gs.empty() && gs.back().first + gs.back().count == r && !restart)
                ++gs.back().count;
            else
                gs.push_back(Group{r, 1, {}, 0});
        }
        for (Fragment& f : fragments) {
            if (f.used || f.column != c) continue;
            Group* best = nullptr;
            std::size_t best_distance = SIZE_MAX;
            // The group it stands in or next to: groups are in line order.
            auto at = std::lower_bound(gs.begin(), gs.end(), f.line, [&](const Group& g, std::size_t line) {
                return rows[g.first + g.count - 1].line < line;
            });
            const auto index = static_cast<std::size_t>(at - gs.begin());
            for (std::size_t j = index == 0 ? 0 : index - 1; j < gs.size() && j <= index + 1; ++j) {
                Group& g = gs[j];
                const std::size_t top = rows[g.first].line, bottom = rows[g.first + g.count - 1].line;
                const std::size_t distance = f.line < top ? top - f.line : f.line > bottom ? f.line - bottom : 0;
                if (distance < best_distance) best = &g, best_distance = distance;
            }
            if (!best || best_distance > 2) continue;
            if (best->text.text.empty()) best->at = origin_of(*lines[f.line].raw, f.piece.begin);
            best->text.add(lines[f.line], f.piece.begin, f.piece.end);
            f.used = true;
        }
    }

    Block table = new_table(lines[begin], lines[end]);
    // Header lines into header rows: the lines that follow one another without a blank line
    // make one row, each column's text read down its lines (商业企 / 业 → 商业企业), unless a
    // column's text would join text more than a line above it (a name over several columns
    // then, not the start of this one's).
    const auto header_rows = [&](const std::vector<std::size_t>& ks, const Columns& cols) {
        struct Acc {
            CellText text;
            std::size_t span = 1;
            std::size_t last = 0;        // the line its text last came from
            std::size_t x0 = 0, x1 = 0;  // where that text stood
            bool used = false;
        };
        std::vector<Acc> acc(value_columns + 1);  // [0] the label cell, then the value columns
        std::size_t previous = 0, at = 0;
        bool open = false;
        const auto flush = [&]() {
            if (!open) return;
            TableRow row;
            row.header = true;
            if (label_columns > 0) {
                TableCell cell = make_cell(acc[0].text, at, report);
                cell.col_span = static_cast<int>(label_columns);
                row.cells.push_back(std::move(cell));
            }
            for (std::size_t c = 0; c < value_columns;) {
                const Acc& a = acc[c + 1];
                if (!a.used) {
                    row.cells.push_back(make_cell(CellText{}, at, report));
                    ++c;
                    continue;
                }
                TableCell cell = make_cell(a.text, at, report);
                const std::size_t span = std::min(a.span, value_columns - c);
                cell.col_span = static_cast<int>(span);
                row.cells.push_back(std::move(cell));
                c += span;
            }
            for (TableCell& c : row.cells) c.header = true;
            table.rows.push_back(std::move(row));
            acc.assign(value_columns + 1, Acc{});
            open = false;
        };
        for (std::size_t k : ks) {
            // A header line with a name for every value column names them in order, wherever
            // it centres them; otherwise each name goes to the column it stands over.
            std::size_t named = 0;
            for (const Piece& p : lines[k].pieces) named += in_labels(cols, p) ? 0 : 1;
            // A line naming the label column and every value column, in order, however placed.
            const std::vector<Piece>& pieces = lines[k].pieces;
            const bool complete = label_columns > 0 && pieces.size() == value_columns + 1 && in_labels(cols, pieces[0]);
            std::vector<std::pair<std::size_t, const Piece*>> placed;
            std::size_t next = 0;
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                const Piece& p = pieces[i];
                if (complete)
                    placed.emplace_back(i, &p);
                else if (in_labels(cols, p))
                    placed.emplace_back(0, &p);
                else
                    placed.emplace_back(1 + (named == value_columns ? next++ : value_column(cols, p)), &p);
            }
            // A name under a name of the row it joins continues that one.
            if (open && k == previous + 1)
                for (auto& [c, p] : placed) {
                    if (c == 0) continue;
                    for (std::size_t d = 1; d < acc.size(); ++d) {
                        const Acc& a = acc[d];
                        if (a.used && a.last + 2 >= k && p->start(cols.width) < a.x1 && a.x0 < p->stop(cols.width)) {
                            c = d;
                            break;
                        }
                    }
                }
            bool joins = open && k == previous + 1;
            for (const auto& [c, p] : placed)
                if (joins && acc[c].used && acc[c].last + 2 < k) joins = false;
            if (!joins) flush();
            if (!open) at = line_start(lines[k]), open = true;
            for (const auto& [c, p] : placed) {
                Acc& a = acc[c];
                if (!a.used && c > 0) a.span = value_span(cols, *p, c - 1);
                a.text.add(lines[k], p->begin, p->end);
                a.used = true;
                a.last = k;
                a.x0 = p->start(cols.width), a.x1 = p->stop(cols.width);
            }
            previous = k;
        }
        flush();
    };
    header_rows(pages[0].header, pages[0].cols);
    std::vector<std::size_t> next_group(label_columns, 0);  // per label column, the group a row may be in
    std::size_t r = 0;
    for (const Page& p : pages) {
        if (&p != &pages[0]) header_rows(p.header, p.cols);
        for (std::size_t n = 0; n < p.rows.size(); ++n, ++r) {
            const RowDraft& rd = rows[r];
            TableRow row;
            const std::size_t at = line_start(lines[rd.line]);
            for (std::size_t c = 0; c < static_cast<std::size_t>(rd.own_column) && c < label_columns; ++c) {
                const Group* covering = nullptr;
                std::size_t& g = next_group[c];
                while (g < groups[c].size() && groups[c][g].first + groups[c][g].count <= r) ++g;
                if (g < groups[c].size() && groups[c][g].first <= r) covering = &groups[c][g];
                if (covering && !covering->text.text.empty()) {
                    if (covering->first != r) continue;  // spanned from above
                    TableCell cell = make_cell(covering->text, covering->at, report);
                    cell.row_span = static_cast<int>(covering->count);
                    row.cells.push_back(std::move(cell));
                    continue;
                }
                row.cells.push_back(make_cell(CellText{}, at, report));
            }
            if (label_columns > 0) {
                CellText label;
                for (const Fragment* f : rd.above) label.add(lines[f->line], f->piece.begin, f->piece.end);
                if (rd.own) label.add(lines[rd.line], rd.own->piece.begin, rd.own->piece.end);
                for (const Fragment* f : rd.below) label.add(lines[f->line], f->piece.begin, f->piece.end);
                TableCell cell = make_cell(label, at, report);
                cell.col_span = static_cast<int>(label_columns - static_cast<std::size_t>(rd.own_column));
                row.cells.push_back(std::move(cell));
            }
            for (std::size_t c = 0; c < value_columns; ++c)
                row.cells.push_back(rd.values[c] ? piece_cell(lines[rd.line], *rd.values[c], report)
                                                 : make_cell(CellText{}, at, report));
            table.rows.push_back(std::move(row));
        }
    }
    if (d.header.empty()) guess_header(table);
    // The lines it took; footers inside it removed as page furniture; label lines it could not
    // place stay lines, as table text.
    std::vector<bool> taken(end - begin + 1, false);
    for (std::size_t k : d.rows) taken[k - begin] = true;
    for (std::size_t k : d.header) taken[k - begin] = true;
    for (std::size_t k : d.repeated) taken[k - begin] = true;
    for (const Fragment& f : fragments)
        if (!f.used) taken[f.line - begin] = false;
    for (const Fragment& f : fragments)
        if (f.used && lines[f.line].kind != Kind::data) taken[f.line - begin] = true;
    for (const Fragment& f : fragments)
        if (!f.used && lines[f.line].kind != Kind::data) taken[f.line - begin] = false;
    for (std::size_t k = begin; k <= end; ++k) {
        const Kind kind = lines[k].kind;
        if (kind == Kind::footer) {
            found.use[k] = Use::removed;
            found.removed.push_back(line_span(lines[k]));
        } else if (kind == Kind::blank || taken[k - begin]) {
            found.use[k] = Use::table;
        } else {
            found.use[k] = Use::table_text;
        }
    }
    found.tables.push_back(std::move(table));
}

void find_layout(std::vector<TextLine>& lines, Found& found, CleanupReport& report) {
    std::vector<Draft> drafts;
    std::size_t floor = 0;
    const auto close = [&](Draft& d) {
        if (d.rows.empty()) return;
        const bool shaped = d.rows.size() >= 2 || (!d.header.empty() && lines[d.header.back()].pieces.size() >= 2);
        if (shaped) {
            floor = d.rows.back() + 1;
            drafts.push_back(std::move(d));
        }
        d = Draft{};
    };
    Draft cur;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (found.use[i] != Use::line) {
            close(cur);
            floor = i + 1;
            continue;
        }
        if (lines[i].kind != Kind::data) continue;
        std::vector<std::size_t> repeated;
        if (!cur.rows.empty() && continues(lines, cur, i, repeated)) {
            cur.repeated.insert(cur.repeated.end(), repeated.begin(), repeated.end());
            cur.rows.push_back(i);
            cur.numbers = std::max(cur.numbers, lines[i].numbers);
            continue;
        }
        close(cur);
        cur.floor = std::max(floor, cur.rows.empty() ? floor : cur.rows.back() + 1);
        cur.rows = {i};
        cur.numbers = lines[i].numbers;
        cur.header = header_above(lines, i, floor);
    }
    close(cur);
    for (const Draft& d : drafts) build_layout(lines, d, found, report);
}

// --- one cell a line ---------------------------------------------------------------------------

constexpr std::size_t kMaxHeaderCell = 16;
constexpr std::size_t kMaxColumns = 9;

// Whether every bracket of a cell closes in it: a piece of a cell wrapped over lines does not.
bool balanced(std::u32string_view t) {
    int depth = 0;
    for (char32_t c : t) {
        c = fold(c);
        if (c == '(' || c == U'《' || c == U'“' || c == '[') ++depth;
        if (c == ')' || c == U'》' || c == U'”' || c == ']') --depth;
        if (depth < 0) return false;
    }
    return depth == 0;
}

// A header of N names, then rows of a label and N-1 numbers, one cell a line (blank lines and
// page footers between them aside).
void find_cell_lines(std::vector<TextLine>& lines, Found& found, CleanupReport& report) {
    // The cell lines, in order, as indices of `lines`; a line that is not a cell ends a stretch.
    std::vector<std::size_t> cells;
    const auto cell_text = [&](std::size_t k) { return trim(std::u32string_view(lines[k].text)); };
    const auto is_name = [&](std::size_t k, std::size_t max) {
        const TextLine& l = lines[k];
        if (l.kind != Kind::single && l.kind != Kind::multi) return false;
        if (max == kMaxHeaderCell && is_marker_line(l)) return false;  // a heading, not a column's name
        const std::u32string_view t = cell_text(k);
        return t.size() <= max && !has_sentence_end(t) && !is_number(t) && balanced(t);
    };
    const auto flush = [&]() {
        std::size_t a = 0;
        while (a < cells.size()) {
            std::size_t best_k = 0, best_rows = 0;
            for (std::size_t k = 2; is_name(cells[a], kMaxHeaderCell) && k <= kMaxColumns && a + k <= cells.size();
                 ++k) {
                if (!is_name(cells[a + k - 1], kMaxHeaderCell)) break;
                std::size_t n = 0;
                for (std::size_t at = a + k; at + k <= cells.size(); at += k, ++n) {
                    bool ok = is_name(cells[at], kLongLabel);
                    for (std::size_t v = 1; v < k && ok; ++v) ok = lines[cells[at + v]].kind == Kind::number;
                    if (!ok) break;
                }
                if (n >= 2 && n > best_rows) best_k = k, best_rows = n;
            }
            if (best_k == 0) {
                ++a;
                continue;
            }
            const std::size_t last = cells[a + best_k * (best_rows + 1) - 1];
            Block table = new_table(lines[cells[a]], lines[last]);
            for (std::size_t r = 0; r <= best_rows; ++r) {
                TableRow row;
                row.header = r == 0;
                for (std::size_t c = 0; c < best_k; ++c) {
                    const TextLine& l = lines[cells[a + r * best_k + c]];
                    const std::u32string_view t = l.text;
                    std::size_t b = 0, e = t.size();
                    while (b < e && (is_space(t[b]) || t[b] == '\f')) ++b;
                    while (e > b && is_space(t[e - 1])) --e;
                    CellText text;
                    text.add(l, b, e);
                    TableCell cell = make_cell(text, line_start(l), report);
                    cell.header = row.header;
                    row.cells.push_back(std::move(cell));
                }
                table.rows.push_back(std::move(row));
            }
            for (std::size_t k = cells[a]; k <= last; ++k) {
                if (lines[k].kind == Kind::footer) {
                    found.use[k] = Use::removed;
                    found.removed.push_back(line_span(lines[k]));
                } else {
                    found.use[k] = Use::table;
                }
            }
            found.tables.push_back(std::move(table));
            a += best_k * (best_rows + 1);
        }
        cells.clear();
    };
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Kind kind = lines[k].kind;
        if (kind == Kind::blank || kind == Kind::footer) continue;
        if (found.use[k] != Use::line || (kind != Kind::single && kind != Kind::number)) {
            flush();
            continue;
        }
        cells.push_back(k);
    }
    flush();
}

// Runs of short lines, many of them bare numbers, that no rule rebuilt: table text.
void mark_table_text(std::vector<TextLine>& lines, Found& found) {
    std::size_t k = 0;
    while (k < lines.size()) {
        const auto cell = [&](std::size_t i) {
            return found.use[i] == Use::line &&
                   (lines[i].kind == Kind::single || lines[i].kind == Kind::number || lines[i].kind == Kind::blank ||
                    lines[i].kind == Kind::footer || (lines[i].kind == Kind::multi));
        };
        if (!cell(k)) {
            ++k;
            continue;
        }
        std::size_t e = k, numbers = 0, count = 0;
        for (; e < lines.size() && cell(e); ++e) {
            if (lines[e].kind == Kind::blank || lines[e].kind == Kind::footer) continue;
            ++count;
            numbers += lines[e].kind == Kind::number ? 1 : 0;
        }
        if (numbers >= 4 && 4 * numbers >= count)
            for (std::size_t i = k; i < e; ++i)
                if (lines[i].kind != Kind::blank && lines[i].kind != Kind::footer) found.use[i] = Use::table_text;
        k = e;
    }
}

}  // namespace

TextTables find_text_tables(const std::vector<RawBlock>& raw, CleanupReport& report, const Budget& budget) {
    std::vector<TextLine> lines(raw.size());
    Found found;
    found.use.assign(raw.size(), Use::line);
    bool any = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        TextLine& l = lines[i];
        l.raw = &raw[i];
        if (raw[i].block) {
            found.use[i] = Use::removed;  // not a line: a block its reader finished
            l.kind = Kind::prose;
            continue;
        }
        // Only lines with a gap, a delimiter or few characters can be cells.
        const std::string& s = raw[i].text;
        const bool short_line = s.size() <= 3 * kLongCell;
        if (!short_line && s.find("  ") == std::string::npos && s.find('\t') == std::string::npos &&
            s.find('|') == std::string::npos && s.find("\xE3\x80\x80") == std::string::npos &&
            s.find("\xEF\xBD\x9C") == std::string::npos) {
            l.kind = Kind::prose;
            continue;
        }
        l.text = to_u32(s);
        l.page_break = l.text.find('\f') != std::u32string::npos;
        l.kind = classify(l);
        if (l.kind == Kind::footer) l.page_break = true;
        any = any || l.kind == Kind::data || l.kind == Kind::number || l.text.find('\t') != std::u32string::npos ||
              l.text.find('|') != std::u32string::npos || l.text.find(U'｜') != std::u32string::npos;
    }
    TextTables out;
    out.use.assign(raw.size(), 0);
    if (!any) return out;
    budget.check_time();
    find_delimited(lines, found, report, true);
    find_delimited(lines, found, report, false);
    budget.check_time();
    find_layout(lines, found, report);
    budget.check_time();
    find_cell_lines(lines, found, report);
    mark_table_text(lines, found);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].block) continue;
        switch (found.use[i]) {
            case Use::line: break;
            case Use::table: out.use[i] = 1; break;
            case Use::removed: out.use[i] = 1; break;
            case Use::table_text: out.use[i] = 2; break;
        }
    }
    // Table text flanked by numbers: one among the three cell lines before and the three after.
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (out.use[i] != 2) continue;
        const auto number_near = [&](int step) {
            std::size_t seen = 0;
            for (std::size_t k = i; seen < 3;) {
                if (step < 0 ? k == 0 : k + 1 >= raw.size()) return false;
                k = step < 0 ? k - 1 : k + 1;
                if (lines[k].kind == Kind::blank || lines[k].kind == Kind::footer) continue;
                if (out.use[k] == 0 && lines[k].kind != Kind::number) return false;
                if (lines[k].kind == Kind::number || lines[k].kind == Kind::data) return true;
                ++seen;
            }
            return false;
        };
        if (number_near(-1) && number_near(1)) out.use[i] = 3;
    }
    out.tables = std::move(found.tables);
    out.removed = std::move(found.removed);
    return out;
}

}  // namespace gongwen
