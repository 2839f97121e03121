// Reports in the national format of 政府信息公开工作年度报告: their tables 二/三/四 found in the raw
// lines and finished tables of any rendering, every value placed on its template cell, and the
// template's sums checked.
//
// The template fixes each table's cells and their order, and every rendering keeps that order for
// the values, whatever it does to the labels: HTML rows and `pdftotext -layout` lines hold one
// row's values each; plain `pdftotext` prints one cell per line, row by row or, for blocks of rows,
// column by column (a run of L values on consecutive lines, then the next column's run), and puts
// labels anywhere, values before their labels. So a table is read as the sequence of its values,
// in runs, and placed on the template's rows in order; a block of W runs of equal length L > 1 is a
// column-major block of L rows of W cells. A table is placed only when its values fill the
// template's rows exactly (rows the template allows in two forms, 其他处理 as one row or three, are
// tried both ways); when both readings of a block fit, the one whose sums agree wins.
#include "model/gis.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "gongwen/decimal.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

// --- labels ------------------------------------------------------------------------------

bool is_label_punct(char32_t cp) {
    switch (cp) {
        case U'(':
        case U')':
        case U'[':
        case U']':
        case U'【':
        case U'】':
        case U'“':
        case U'”':
        case U'"':
        case U'\'':
        case U'‘':
        case U'’':
        case U'、':
        case U',':
        case U'，':
        case U'.':
        case U'。':
        case U':':
        case U'：':
        case U';':
        case U'；':
        case U'·':
        case U'-':
        case U'—':
        case U'〔':
        case U'〕':
        case U'/':
        case U'「':
        case U'」':
        case U'《':
        case U'》':
        case U'<':
        case U'>': return true;
        default: return false;
    }
}

// A label for matching: half-width and Simplified, its leading marker (一、 （三） 1. 2、) and its
// spaces, brackets, quotes and punctuation dropped.
std::u32string label_key(std::u32string_view text) {
    std::u32string s;
    s.reserve(text.size());
    for (char32_t cp : text)
        if (const char32_t c = fold(cp); !is_space(c)) s.push_back(c);
    std::size_t i = 0;
    if (i < s.size() && s[i] == U'(') {
        std::size_t j = i + 1;
        while (j < s.size() && (is_chinese_numeral(s[j]) || is_ascii_digit(s[j]))) ++j;
        if (j > i + 1 && j < s.size() && s[j] == U')') i = j + 1;
    } else {
        std::size_t j = i;
        while (j < s.size() && (is_chinese_numeral(s[j]) || is_ascii_digit(s[j]))) ++j;
        if (j > i && j < s.size() && (s[j] == U'、' || s[j] == U'.' || s[j] == U',')) i = j + 1;
    }
    std::u32string out;
    for (; i < s.size(); ++i)
        if (!is_label_punct(s[i])) out.push_back(s[i]);
    return out;
}

// The longest common subsequence of a and b over the longer's length: 1 for the same label,
// near 1 for a label missing a character or two.
double similarity(std::u32string_view a, std::u32string_view b) {
    if (a.empty() || b.empty()) return 0;
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (char32_t x : a) {
        for (std::size_t j = 0; j < b.size(); ++j) cur[j + 1] = x == b[j] ? prev[j] + 1 : std::max(prev[j + 1], cur[j]);
        std::swap(prev, cur);
    }
    return static_cast<double>(prev[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

// --- the rendering as lines of tokens ------------------------------------------------------

struct Token {
    std::u32string text;
    Span span;
    std::string value;    // the decimal when the token is a bare number
    bool vacant = false;  // a cell that holds no number (empty, —, /, 无) among a row's numbers
};

struct GLine {
    std::vector<Token> tokens;
    bool row = false;  // a row of a finished table
    Span span;
    std::u32string key;  // label_key of its text that is not a number
    std::vector<const Token*> numbers() const {
        std::vector<const Token*> out;
        for (const Token& t : tokens)
            if (!t.value.empty() || t.vacant) out.push_back(&t);
        return out;
    }
};

// "12", "7730.28", "1,234", "-3", "+2": the decimal, or empty.
std::string bare_number(std::u32string_view raw) {
    // Only digits, signs, points and commas (folded) make one: most tokens are words, rejected
    // here before anything is copied.
    for (char32_t cp : raw)
        if (const char32_t c = fold(cp); !is_ascii_digit(c) && c != U'.' && c != U',' && c != U'-' && c != U'+')
            return {};
    const std::u32string t = fold(raw);
    std::size_t i = 0;
    bool negative = false;
    if (i < t.size() && (t[i] == U'-' || t[i] == U'+')) negative = t[i] == U'-', ++i;
    std::string digits;
    bool point = false;
    std::size_t group = 0;  // digits since the last comma
    bool comma = false;
    for (; i < t.size(); ++i) {
        const char32_t c = t[i];
        if (is_ascii_digit(c)) {
            digits.push_back(static_cast<char>(c));
            ++group;
        } else if (c == U'.' && !point && !digits.empty() && i + 1 < t.size()) {
            if (comma && group != 3) return {};
            digits.push_back('.');
            point = true;
            group = 0;
            comma = false;
        } else if (c == U',' && !point && !digits.empty() && (comma ? group == 3 : group <= 3)) {
            comma = true;
            group = 0;
        } else {
            return {};
        }
    }
    if (digits.empty() || digits.back() == '.' || (comma && group != 3)) return {};
    std::string v = normalize_decimal(digits);
    return negative && v != "0" ? "-" + v : v;
}

// A cell's text that stands for no number: —, -, /, 无.
bool is_vacant_text(std::u32string_view text) {
    const std::u32string t = fold(text);
    if (t == U"无") return true;
    return !t.empty() &&
           std::all_of(t.begin(), t.end(), [](char32_t c) { return c == U'-' || c == U'—' || c == U'/'; });
}

// Marks the vacant cells of a line that holds numbers: they keep their place in the row.
void mark_vacant(GLine& line) {
    if (std::none_of(line.tokens.begin(), line.tokens.end(), [](const Token& t) { return !t.value.empty(); })) {
        std::erase_if(line.tokens, [](const Token& t) { return t.text.empty(); });
        return;
    }
    for (Token& t : line.tokens) t.vacant = t.value.empty() && (t.text.empty() || is_vacant_text(t.text));
}

void finish(GLine& line) {
    std::u32string label;
    for (const Token& t : line.tokens)
        if (t.value.empty() && !t.vacant) label += t.text;
    line.key = label_key(label);
}

// A line of a page footer: a page number between dashes, 第3页.
bool is_footer(const GLine& line) {
    if (line.row || line.numbers().size() != 1) return false;
    for (const Token& t : line.tokens) {
        if (!t.value.empty()) continue;
        for (char32_t cp : fold(t.text))
            if (cp != U'-' && cp != U'—' && cp != U'第' && cp != U'页' && cp != U'共' && cp != U'/') return false;
    }
    return line.tokens.size() > 1;
}

// A token that is one of the tables' titles or the heading after them (what a long line is cut at).
bool is_split_title(std::u32string_view text) {
    static const std::vector<std::u32string> keys = [] {
        std::vector<std::u32string> k;
        for (const GisFormat& f : builtin_gis_template().formats)
            for (const GisTable& t : f.tables) k.push_back(label_key(to_u32(t.title)));
        k.push_back(U"存在的主要问题及改进情况");
        return k;
    }();
    const std::u32string key = label_key(text);
    return std::any_of(keys.begin(), keys.end(), [&](const std::u32string& k) {
        return key.size() <= k.size() + 4 && key.size() + 4 >= k.size() && similarity(key, k) >= 0.8;
    });
}

std::vector<GLine> lines_of(const std::vector<RawBlock>& blocks, std::size_t from, std::size_t to) {
    std::vector<GLine> out;
    for (std::size_t i = from; i < to && i < blocks.size(); ++i) {
        const RawBlock& b = blocks[i];
        if (b.block && b.block->kind == BlockKind::table) {
            for (const TableRow& r : b.block->rows) {
                GLine line;
                line.row = true;
                for (const TableCell& c : r.cells) {
                    Token t;
                    t.text = std::u32string(trim(to_u32(c.text)));
                    t.span = c.span;
                    t.value = bare_number(t.text);
                    line.tokens.push_back(std::move(t));
                }
                // An empty cell after the row's label is a cell the report left empty.
                while (!line.tokens.empty() && line.tokens.front().text.empty()) line.tokens.erase(line.tokens.begin());
                mark_vacant(line);
                if (line.tokens.empty()) continue;
                line.span = Span{line.tokens.front().span.start, line.tokens.back().span.end};
                finish(line);
                out.push_back(std::move(line));
            }
            out.push_back(GLine{});  // a table ends its runs
            continue;
        }
        if (b.block) continue;
        const std::u32string text = to_u32(b.text);
        auto origin = [&](std::size_t i) { return b.origin.empty() ? b.start + i : std::size_t{b.origin[i]}; };
        GLine line;
        for (std::size_t i = 0; i < text.size();) {
            if (is_space(text[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < text.size() && !is_space(text[j])) ++j;
            // A label and its value glued together by a crawler (行政许可10690): two tokens.
            std::size_t d = j;
            while (d > i && is_ascii_digit(text[d - 1])) --d;
            if (d < j && d > i + 1 && text[d - 1] == U'.' && is_ascii_digit(text[d - 2]))
                for (--d; d > i && is_ascii_digit(text[d - 1]);) --d;
            if (d > i && d < j && d - i >= 2 && !is_ascii_digit(text[d - 1]) && text[d - 1] != U'.' &&
                text[d - 1] != U'-' && (text[d - 1] >= 0x4E00 && text[d - 1] <= 0x9FFF) && j - d <= 12) {
                line.tokens.push_back(Token{text.substr(i, d - i), Span{origin(i), origin(d - 1) + 1}, "", false});
                i = d;
            }
            Token t;
            t.text = text.substr(i, j - i);
            t.span = Span{origin(i), origin(j - 1) + 1};
            t.value = bare_number(t.text);
            line.tokens.push_back(std::move(t));
            i = j;
        }
        // A crawler's whole page on one line: a line a table's title starts (二、主动公开政府信息情况 …).
        std::vector<GLine> parts;
        if (line.tokens.size() > 40) {
            GLine part;
            for (Token& t : line.tokens) {
                if (!part.tokens.empty() && t.value.empty() && is_split_title(t.text))
                    parts.push_back(std::move(part)), part = GLine{};
                part.tokens.push_back(std::move(t));
            }
            parts.push_back(std::move(part));
        } else {
            parts.push_back(std::move(line));
        }
        for (GLine& l : parts) {
            if (!l.tokens.empty()) l.span = Span{l.tokens.front().span.start, l.tokens.back().span.end};
            finish(l);
            if (is_footer(l)) continue;
            mark_vacant(l);
            finish(l);
            out.push_back(std::move(l));
        }
    }
    return out;
}

// --- the tables' places ----------------------------------------------------------------------

// The line that is the table's title (二、主动公开政府信息情况, a character off allowed), from `from`.
std::size_t find_title(const std::vector<GLine>& lines, std::size_t from, std::u32string_view title) {
    const std::u32string key = label_key(title);
    for (std::size_t i = from; i < lines.size(); ++i) {
        const GLine& l = lines[i];
        // The line, or its first word when it is a crawler's run of cells (the title, then the table).
        const std::u32string first = l.tokens.empty() ? std::u32string() : label_key(l.tokens.front().text);
        for (const std::u32string* k : {&l.key, &first}) {
            if (k == &l.key && !l.numbers().empty()) continue;
            if (k->size() > key.size() + 4 || k->size() + 4 < key.size()) continue;
            if (similarity(*k, key) >= 0.8) return i;
        }
    }
    return lines.size();
}

// The same on the reader's raw blocks: a short line without digits, from block `from`. Only
// short lines are looked at, so that a long report costs little.
std::size_t find_raw_title(const std::vector<RawBlock>& blocks, std::size_t from, std::u32string_view title) {
    const std::u32string key = label_key(title);
    auto near = [&](const std::string& text) {
        if (text.size() > 4 * (key.size() + 12)) return false;
        if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        const std::u32string k = label_key(to_u32(text));
        return k.size() <= key.size() + 4 && k.size() + 4 >= key.size() && similarity(k, key) >= 0.8;
    };
    for (std::size_t i = from; i < blocks.size(); ++i) {
        const RawBlock& b = blocks[i];
        // A table whose first rows carry its title (二、主动公开政府信息情况 as a caption row).
        if (b.block && b.block->kind == BlockKind::table) {
            for (std::size_t r = 0; r < b.block->rows.size() && r < 3; ++r) {
                std::string row;
                for (const TableCell& c : b.block->rows[r].cells) row += c.text;
                if (near(row)) return i;
            }
            continue;
        }
        if (!b.block && near(b.text)) return i;
        // A crawler's whole page on one line, the title among its words.
        if (!b.block && b.text.size() > 400 && b.text.find(to_utf8(title.substr(2))) != std::string::npos) return i;
    }
    return blocks.size();
}

// The heading after table 四: 五、存在的主要问题及改进情况, or any 五、.
std::size_t find_end(const std::vector<GLine>& lines, std::size_t from) {
    for (std::size_t i = from; i < lines.size(); ++i) {
        const GLine& l = lines[i];
        if (l.row || l.tokens.empty()) continue;
        const std::u32string first = fold(l.tokens.front().text);
        if (first.size() >= 2 && first[0] == U'五' && (first[1] == U'、' || first[1] == U'.')) return i;
        if (similarity(l.key, U"存在的主要问题及改进情况") >= 0.8) return i;
    }
    return lines.size();
}

// --- values into rows ----------------------------------------------------------------------

struct Run {
    std::vector<const Token*> values;
    bool vertical = false;  // one value a line, on consecutive lines
};

// The runs of values in lines [from, to); with `vacant`, vacant cells keep their places.
std::vector<Run> runs_of(const std::vector<GLine>& lines, std::size_t from, std::size_t to, bool vacant) {
    std::vector<Run> runs;
    bool open = false;  // the last run is vertical and may go on
    for (std::size_t i = from; i < to; ++i) {
        const GLine& l = lines[i];
        std::vector<const Token*> numbers = l.numbers();
        if (!vacant) std::erase_if(numbers, [](const Token* t) { return t->vacant; });
        if (l.tokens.empty() || numbers.empty()) {
            open = false;
            continue;
        }
        if (l.row || !l.key.empty() || numbers.size() > 1) {
            open = false;
            if (!numbers.empty()) runs.push_back(Run{numbers, false});
            continue;
        }
        if (open) {
            runs.back().values.push_back(numbers.front());
        } else {
            runs.push_back(Run{numbers, true});
            open = true;
        }
    }
    return runs;
}

// The values of `runs` on rows of the given widths, or nothing when they do not fill them
// exactly. With `blocks`, W vertical runs of one length L > 1 are L rows of W cells.
std::optional<std::vector<std::vector<const Token*>>> place(const std::vector<Run>& runs,
                                                            const std::vector<std::size_t>& widths, bool blocks) {
    std::vector<std::vector<const Token*>> rows;
    std::size_t run = 0, off = 0;
    for (std::size_t k = 0; k < widths.size();) {
        const std::size_t w = widths[k];
        if (blocks && off == 0 && run < runs.size() && runs[run].vertical && runs[run].values.size() > 1 && w > 1) {
            const std::size_t len = runs[run].values.size();
            bool block = run + w <= runs.size() && k + len <= widths.size();
            for (std::size_t c = 0; block && c < w; ++c)
                block = runs[run + c].vertical && runs[run + c].values.size() == len;
            for (std::size_t r = 0; block && r < len; ++r) block = widths[k + r] == w;
            if (block) {
                for (std::size_t r = 0; r < len; ++r) {
                    std::vector<const Token*> row;
                    for (std::size_t c = 0; c < w; ++c) row.push_back(runs[run + c].values[r]);
                    rows.push_back(std::move(row));
                }
                run += w;
                k += len;
                continue;
            }
        }
        std::vector<const Token*> row;
        while (row.size() < w) {
            if (run >= runs.size()) return std::nullopt;
            row.push_back(runs[run].values[off]);
            if (++off == runs[run].values.size()) ++run, off = 0;
        }
        rows.push_back(std::move(row));
        ++k;
    }
    if (run != runs.size()) return std::nullopt;
    return rows;
}

// The template's rows in the forms a report may print: a row whose id heads others' ids
// (other / other.no_correction …) stands either for itself or for them.
std::vector<std::vector<const GisRow*>> row_forms(const GisTable& t) {
    std::vector<const GisRow*> whole, parts;
    bool alternatives = false;
    for (const GisRow& r : t.rows) {
        const bool head =
            std::any_of(t.rows.begin(), t.rows.end(), [&](const GisRow& o) { return o.id.rfind(r.id + ".", 0) == 0; });
        const std::size_t dot = r.id.find('.');
        const bool part = dot != std::string::npos && std::any_of(t.rows.begin(), t.rows.end(), [&](const GisRow& o) {
                              return o.id == r.id.substr(0, dot);
                          });
        alternatives = alternatives || head;
        if (!head) parts.push_back(&r);
        if (!part) whole.push_back(&r);
    }
    if (!alternatives) return {whole};
    return {parts, whole};
}

const GisCell* cell_of(const GisTable& t, const GisRow& r, const std::string& column) {
    const std::string id = "gis." + t.id + "." + r.id + "." + column;
    for (const GisCell& c : t.cells)
        if (c.id == id) return &c;
    return nullptr;
}

// How many of the format's rules over this table fail with these values.
std::size_t failures(const GisFormat& f, const std::map<std::string, std::string>& values) {
    std::size_t n = 0;
    for (const GisRule& rule : f.rules) {
        std::string left = "0", right = "0";
        bool ok = true;
        std::size_t present = 0;
        for (const std::string& id : rule.left) {
            auto it = values.find(id);
            if (it == values.end() || it->second[0] == '-')
                ok = false;
            else
                left = add_decimals(left, it->second);
        }
        for (const std::string& id : rule.right) {
            auto it = values.find(id);
            if (it == values.end()) continue;
            if (it->second[0] == '-')
                ok = false;
            else
                right = add_decimals(right, it->second), ++present;
        }
        if (ok && present > 0 && compare_decimals(left, right) != 0) ++n;
    }
    return n;
}

// One table's values on its cells; empty with a note when they do not fill the template.
std::vector<GisValue> read_table(const GisFormat& f, const GisTable& t, const std::vector<Run>& runs,
                                 std::vector<Diagnostic>& notes) {
    std::size_t count = 0;
    for (const Run& r : runs) count += r.values.size();
    std::vector<GisValue> best;
    std::size_t best_failures = 0;
    bool found = false;
    for (const std::vector<const GisRow*>& form : row_forms(t)) {
        std::vector<std::size_t> widths;
        for (const GisRow* r : form) widths.push_back(r->columns.size());
        for (const bool blocks : {true, false}) {
            const auto rows = place(runs, widths, blocks);
            if (!rows) continue;
            std::vector<GisValue> values;
            std::map<std::string, std::string> by_id;
            for (std::size_t k = 0; k < form.size(); ++k)
                for (std::size_t c = 0; c < form[k]->columns.size(); ++c) {
                    const Token* tok = (*rows)[k][c];
                    if (tok->vacant) continue;  // its place is kept; the report states no value
                    GisValue v{cell_of(t, *form[k], form[k]->columns[c]), tok->value, to_utf8(tok->text), tok->span};
                    by_id[v.cell->id] = v.value;
                    values.push_back(std::move(v));
                }
            const std::size_t n = failures(f, by_id);
            if (!found || n < best_failures) best = std::move(values), best_failures = n, found = true;
        }
    }
    if (!found && count > 0) {
        std::size_t expected = 0;
        for (const GisRow& r : t.rows) expected += r.columns.size();
        notes.push_back(Diagnostic{
            "gis_table_unplaced",
            1,
            "table " + t.title + ": " + std::to_string(count) + " values do not fill the rows of the " + f.id +
                " template (" + std::to_string(expected) + " cells); its values are not read as template cells",
            {Span{runs.front().values.front()->span.start, runs.back().values.back()->span.end}}});
    }
    return best;
}

// The text before the tables as one string without spaces, each character with its source offset.
struct Prose {
    std::u32string text;  // folded
    std::vector<std::size_t> at;
};

Prose prose_of(const std::vector<GLine>& lines, std::size_t to) {
    Prose p;
    for (std::size_t i = 0; i < to && i < lines.size(); ++i) {
        if (lines[i].row) continue;
        for (const Token& t : lines[i].tokens) {
            const bool contiguous = t.span.end - t.span.start == t.text.size();
            const std::u32string f = fold(t.text);
            for (std::size_t k = 0; k < f.size(); ++k) {
                p.text.push_back(f[k]);
                p.at.push_back(t.span.start + (contiguous ? k : 0));
            }
        }
    }
    return p;
}

// 受理/收到(政府信息公开)申请N件 in the prose: the number of applications table 三 counts.
std::optional<GisProse> applications_in(const Prose& p) {
    for (const std::u32string_view verb : {std::u32string_view(U"受理"), std::u32string_view(U"收到")}) {
        for (std::size_t at = p.text.find(verb); at != std::u32string::npos; at = p.text.find(verb, at + 1)) {
            const std::size_t near = std::u32string_view(p.text).substr(at, 20).find(U"信息公开申请");
            if (near == std::u32string::npos || near > 12) continue;
            const std::size_t apply = at + near;
            const std::u32string_view between = std::u32string_view(p.text).substr(at, apply - at);
            if (between.find_first_of(U"。；;，,") != std::u32string_view::npos) continue;
            std::size_t k = apply + 6;
            while (k < p.text.size() && k < apply + 8 &&
                   (p.text[k] == U'共' || p.text[k] == U'数' || p.text[k] == U'为'))
                ++k;
            std::size_t e = k;
            while (e < p.text.size() && is_ascii_digit(p.text[e])) ++e;
            if (e == k || e >= p.text.size() || p.text[e] != U'件') continue;
            GisProse g;
            g.name = "prose.applications_received";
            g.value_text = to_utf8(std::u32string_view(p.text).substr(k, e + 1 - k));
            g.value = normalize_decimal(to_utf8(std::u32string_view(p.text).substr(k, e - k)));
            g.span = Span{p.at[k], p.at[e - 1] + 1};
            return g;
        }
    }
    return std::nullopt;
}

// --- prose that contradicts itself (reports before the national tables state their totals in
// the text) --------------------------------------------------------------------------------------

bool is_count_unit(char32_t cp) { return cp == U'条' || cp == U'件' || cp == U'项' || cp == U'个'; }

// A number at `k` (digits, a point and digits): its end, or k.
std::size_t number_end(const std::u32string& t, std::size_t k) {
    std::size_t e = k;
    while (e < t.size() && is_ascii_digit(t[e])) ++e;
    if (e > k && e + 1 < t.size() && t[e] == U'.' && is_ascii_digit(t[e + 1])) {
        ++e;
        while (e < t.size() && is_ascii_digit(t[e])) ++e;
    }
    return e;
}

struct Count {
    std::string value;
    char32_t unit = 0;
    Span span;
};

// The counts "N条" in t[from, to), in order (numbers not part of a longer number or a date).
std::vector<Count> counts_in(const Prose& p, std::size_t from, std::size_t to) {
    std::vector<Count> out;
    for (std::size_t k = from; k < to; ++k) {
        if (!is_ascii_digit(p.text[k]) || (k > 0 && (is_ascii_digit(p.text[k - 1]) || p.text[k - 1] == U'.'))) continue;
        const std::size_t e = number_end(p.text, k);
        if (e < to && is_count_unit(p.text[e]) && e - k <= 12)
            out.push_back(Count{normalize_decimal(to_utf8(std::u32string_view(p.text).substr(k, e - k))), p.text[e],
                                Span{p.at[k], p.at[e - 1] + 1}});
        k = e;
    }
    return out;
}

// The share "占34.8%" in t[from, to), as a decimal, or empty.
std::string share_in(const Prose& p, std::size_t from, std::size_t to) {
    const std::size_t at = p.text.find(U'占', from);
    if (at == std::u32string::npos || at >= to) return {};
    const std::size_t e = number_end(p.text, at + 1);
    if (e == at + 1 || e >= to || p.text[e] != U'%') return {};
    return normalize_decimal(to_utf8(std::u32string_view(p.text).substr(at + 1, e - at - 1)));
}

std::vector<std::pair<std::size_t, std::size_t>> pieces(const Prose& p, std::size_t from, std::size_t to) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t b = from;
    for (std::size_t k = from; k <= to; ++k)
        if (k == to || p.text[k] == U';' || p.text[k] == U',') {
            if (k > b) out.emplace_back(b, k);
            b = k + 1;
        }
    return out;
}

std::string unit_text(char32_t u) { return to_utf8(std::u32string(1, u)); }

Diagnostic parts_note(const Count& whole, const std::vector<Count>& parts, const std::string& sum) {
    std::vector<Span> spans{whole.span};
    for (const Count& c : parts) spans.push_back(c.span);
    if (spans.size() > 16) spans.resize(16);
    return Diagnostic{"prose_check", 1,
                      "the " + std::to_string(parts.size()) + " parts listed add up to " + sum + unit_text(whole.unit) +
                          ", the whole they divide is stated as " + whole.value + unit_text(whole.unit),
                      std::move(spans)};
}

// The end of the sentence at `from` (at most 1000 characters on).
std::size_t sentence_end(const Prose& p, std::size_t from) {
    const std::size_t e = std::u32string_view(p.text).substr(from, 1000).find(U'。');
    return e == std::u32string::npos ? std::min(p.text.size(), from + 1000) : from + e;
}

// "在…的425条政府信息中，A 148条，占34.8%；B …" where the shares add up to about 100%: the parts
// are the whole, and must add up to it.
void shares_of_whole(const Prose& p, std::vector<Diagnostic>& out) {
    for (std::size_t at = p.text.find(U'在'); at != std::u32string::npos; at = p.text.find(U'在', at + 1)) {
        const std::size_t near = std::u32string_view(p.text).substr(at, 42).find(U"中,");
        if (near == std::u32string::npos) continue;
        const std::size_t close = at + near;
        const std::u32string_view head = std::u32string_view(p.text).substr(at, close - at);
        if (head.find_first_of(U"。;,") != std::u32string_view::npos) continue;
        const std::vector<Count> wholes = counts_in(p, at, close);
        if (wholes.empty()) continue;
        const Count& whole = wholes.back();
        const std::size_t end = sentence_end(p, close);
        std::vector<Count> parts;
        std::string shares = "0", sum = "0";
        bool ok = true;
        for (const auto& [b, e] : pieces(p, close + 2, end)) {
            const std::vector<Count> c = counts_in(p, b, e);
            const std::string share = share_in(p, b, e);
            if (c.empty() && !share.empty() && !parts.empty()) {  // "，占34.8%" after its part
                shares = add_decimals(shares, share);
                continue;
            }
            if (c.size() != 1 || c.front().unit != whole.unit) {
                ok = false;
                break;
            }
            parts.push_back(c.front());
            sum = add_decimals(sum, c.front().value);
            if (!share.empty()) shares = add_decimals(shares, share);
        }
        if (!ok || parts.size() < 3 || compare_decimals(shares, "95") < 0 || compare_decimals(shares, "105") > 0)
            continue;
        if (compare_decimals(sum, whole.value) != 0) out.push_back(parts_note(whole, parts, sum));
    }
}

// "主动公开政府信息的主要类别有：A x条，B y条，…，其他…z条": a list closed by 其他 is the whole
// the text states elsewhere ("主动公开政府信息2543条"), and must add up to it.
void categories_of_whole(const Prose& p, std::vector<Diagnostic>& out) {
    const std::u32string cue = U"的主要类别有:";
    for (std::size_t at = p.text.find(cue); at != std::u32string::npos; at = p.text.find(cue, at + 1)) {
        std::size_t b = at;
        while (b > 0 && at - b < 12 && p.text[b - 1] != U',' && p.text[b - 1] != U'。' &&
               !is_ascii_digit(p.text[b - 1]) && p.text[b - 1] != U'年')
            --b;
        // The subject: the words before 的, without who states it (我区各工作部门).
        std::u32string subject = p.text.substr(b, at - b);
        if (subject.size() > 8) subject = subject.substr(subject.size() - 8);
        if (subject.size() < 4) continue;
        const std::size_t end = sentence_end(p, at);
        std::vector<Count> parts;
        std::string sum = "0";
        bool ok = true, other = false;
        for (const auto& [pb, pe] : pieces(p, at + cue.size(), end)) {
            const std::vector<Count> c = counts_in(p, pb, pe);
            if (c.size() != 1 || (!parts.empty() && c.front().unit != parts.front().unit)) {
                ok = false;
                break;
            }
            parts.push_back(c.front());
            sum = add_decimals(sum, c.front().value);
            other = std::u32string_view(p.text).substr(pb, pe - pb).find(U"其他") != std::u32string_view::npos;
        }
        if (!ok || !other || parts.size() < 3) continue;
        // The whole: the subject followed by its count, before the list.
        for (std::size_t w = p.text.find(subject); w != std::u32string::npos && w < b;
             w = p.text.find(subject, w + 1)) {
            const std::size_t k = w + subject.size();
            const std::vector<Count> c = counts_in(p, k, std::min(k + 14, p.text.size()));
            if (c.empty() || c.front().unit != parts.front().unit) continue;
            // The count must follow the subject directly (主动公开政府信息2543条).
            if (number_end(p.text, k) == k) continue;
            if (compare_decimals(sum, c.front().value) != 0) out.push_back(parts_note(c.front(), parts, sum));
            break;
        }
    }
}

// "受理…117件，办结171件，办结率100%": the rate the counts make must be the one stated.
void stated_rates(const Prose& p, std::vector<Diagnostic>& out) {
    const std::u32string cue = U"办结率";
    for (std::size_t at = p.text.find(cue); at != std::u32string::npos; at = p.text.find(cue, at + 1)) {
        std::size_t k = at + cue.size();
        while (k < p.text.size() && k < at + cue.size() + 2 && (p.text[k] == U'为' || p.text[k] == U'达')) ++k;
        const std::size_t e = number_end(p.text, k);
        if (e == k || e >= p.text.size() || p.text[e] != U'%') continue;
        const std::string rate = normalize_decimal(to_utf8(std::u32string_view(p.text).substr(k, e - k)));
        const std::size_t window = at > 200 ? at - 200 : 0;  // a sentence, not the whole text
        const std::size_t start = std::u32string_view(p.text).substr(window, at - window).rfind(U'。');
        const std::size_t s = start == std::u32string::npos ? window : window + start + 1;
        const std::size_t accepted = s + std::u32string_view(p.text).substr(s, at - s).find(U"受理");
        const std::size_t done = p.text.rfind(U"办结", at - 1);
        if (accepted >= at || done == std::u32string::npos || done < accepted) continue;
        const std::vector<Count> a = counts_in(p, accepted, std::min(done, accepted + 24));
        const std::vector<Count> d = counts_in(p, done + 2, at);
        if (a.empty() || d.empty() || a.front().unit != d.front().unit ||
            a.front().value.find('.') != std::string::npos || d.front().value.find('.') != std::string::npos ||
            a.front().value.size() > 12 || d.front().value.size() > 12)
            continue;
        const long long n = std::stoll(a.front().value), m = std::stoll(d.front().value);
        if (n == 0) continue;
        const long double computed = 100.0L * static_cast<long double>(m) / static_cast<long double>(n);
        const long double stated = std::stold(rate);
        if (computed - stated <= 1 && stated - computed <= 1) continue;
        out.push_back(Diagnostic{"prose_check",
                                 1,
                                 "受理 " + a.front().value + unit_text(a.front().unit) + " and 办结 " +
                                     d.front().value + unit_text(d.front().unit) + " make a 办结率 of " +
                                     std::to_string(static_cast<long long>(computed + 0.5L)) + "%, the text states " +
                                     rate + "%",
                                 {a.front().span, d.front().span}});
    }
}

// Rows placed by their labels, for tables whose values do not fill the template in order (a row
// left out, a row the template does not have): each line holding a label and as many numbers as a
// template row has cells goes to the best-matching row after the last one placed (a character or
// two off still matches). Rows no line matches state nothing.
std::vector<GisValue> read_by_labels(const GisTable& t, const std::vector<GLine>& lines, std::size_t from,
                                     std::size_t to, std::size_t& unmatched) {
    std::vector<std::vector<std::u32string>> keys;  // per template row: its label, variants, with the parent
    for (const GisRow& r : t.rows) {
        std::vector<std::u32string> k{label_key(to_u32(r.label))};
        for (const std::string& v : r.variants) k.push_back(label_key(to_u32(v)));
        keys.push_back(std::move(k));
    }
    std::vector<GisValue> out;
    std::size_t next = 0;  // template rows before it are behind us
    unmatched = 0;
    for (std::size_t i = from; i < to; ++i) {
        const GLine& l = lines[i];
        const std::vector<const Token*> numbers = l.numbers();
        if (numbers.empty() || l.key.empty()) continue;
        double best = 0;
        std::size_t at = t.rows.size();
        for (std::size_t r = next; r < t.rows.size(); ++r) {
            if (t.rows[r].columns.size() != numbers.size()) continue;
            for (const std::u32string& k : keys[r]) {
                // The line's label may carry its group's (三、本年度办理结果（一）予以公开).
                double score = similarity(l.key, k);
                if (k.size() >= 2 && l.key.size() > k.size() && l.key.ends_with(k)) score = std::max(score, 0.95);
                if (score > best + 1e-9) best = score, at = r;
            }
        }
        if (best < 0.6) {
            ++unmatched;
            continue;
        }
        for (std::size_t c = 0; c < numbers.size(); ++c) {
            if (numbers[c]->vacant) continue;
            out.push_back(GisValue{cell_of(t, t.rows[at], t.rows[at].columns[c]), numbers[c]->value,
                                   to_utf8(numbers[c]->text), numbers[c]->span});
        }
        next = at + 1;
    }
    return out;
}

}  // namespace

GisFound recognize_gis(const std::vector<RawBlock>& blocks, const GisTemplate& tmpl) {
    GisFound found;
    if (tmpl.formats.empty()) return found;
    // A cheap look first: a report on government information disclosure.
    bool likely = false;
    for (const RawBlock& b : blocks) {
        if (b.text.find("政府信息公开") != std::string::npos || b.text.find("主动公开") != std::string::npos) {
            likely = true;
            break;
        }
    }
    if (!likely) return found;
    // The prose's own sums, a stretch of blocks at a time (a sentence split at a stretch's end
    // is not checked; a stretch holds 64k characters or more).
    for (std::size_t a = 0; a < blocks.size();) {
        std::size_t b = a, size = 0;
        while (b < blocks.size() && (size < 65536 || b == a)) size += blocks[b++].text.size();
        const Prose p = prose_of(lines_of(blocks, a, b), std::size_t(-1));
        shares_of_whole(p, found.prose_notes);
        categories_of_whole(p, found.prose_notes);
        stated_rates(p, found.prose_notes);
        a = b;
    }
    const GisFormat& any = tmpl.formats.front();
    if (any.tables.size() < 3) return found;
    // The tables: from the title of 二 on, the lines up to 五 (at most 5000 blocks).
    const std::size_t first = find_raw_title(blocks, 0, to_u32(any.tables.front().title));
    if (first == blocks.size()) return found;
    const std::vector<GLine> lines = lines_of(blocks, first, std::min(blocks.size(), first + 5000));
    std::vector<std::size_t> starts;
    std::size_t from = 0;
    for (const GisTable& t : any.tables) {
        const std::size_t at = find_title(lines, from, to_u32(t.title));
        if (at == lines.size()) return found;
        starts.push_back(at);
        from = at + 1;
    }
    starts.push_back(find_end(lines, from));
    // The format: the one whose own column labels table 二 prints.
    std::u32string t2;
    for (std::size_t i = starts[0]; i < starts[1]; ++i) t2 += lines[i].key;
    std::size_t best = 0;
    for (const GisFormat& f : tmpl.formats) {
        std::size_t n = 0;
        for (const std::string& w : f.detect)
            if (t2.find(label_key(to_u32(w))) != std::u32string::npos) ++n;
        if (n > best) best = n, found.format = &f;
    }
    if (!found.format) return found;
    for (std::size_t k = 0; k < found.format->tables.size() && k + 1 < starts.size(); ++k) {
        const GisTable& t = found.format->tables[k];
        // Vacant cells (empty, —) keep their places; when that does not fill the template, the
        // rows are read without them (an empty column the table does not have).
        std::vector<Diagnostic> ignored;
        std::vector<GisValue> values =
            read_table(*found.format, t, runs_of(lines, starts[k], starts[k + 1], true), ignored);
        std::vector<Diagnostic> notes;
        if (values.empty())
            values = read_table(*found.format, t, runs_of(lines, starts[k], starts[k + 1], false), notes);
        if (values.empty() && !notes.empty()) {
            std::size_t unmatched = 0;
            values = read_by_labels(t, lines, starts[k], starts[k + 1], unmatched);
            if (!values.empty()) {
                std::vector<std::string> missing;
                for (const GisRow& r : t.rows) {
                    const std::string head = "gis." + t.id + "." + r.id + ".";
                    const bool placed = std::any_of(values.begin(), values.end(), [&](const GisValue& v) {
                        return v.cell->id.rfind(head, 0) == 0 && v.cell->id.find('.', head.size()) == std::string::npos;
                    });
                    const bool part_placed = std::any_of(values.begin(), values.end(), [&](const GisValue& v) {
                        return v.cell->id.rfind("gis." + t.id + "." + r.id + ".", 0) == 0;
                    });
                    if (!placed && !part_placed) missing.push_back(r.id);
                }
                std::string list;
                for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
                notes.front().kind = "gis_rows_by_label";
                notes.front().message = "table " + t.title +
                                        ": its values do not fill the rows of the template in order; " +
                                        std::to_string(values.size()) + " values placed by their rows' labels" +
                                        (list.empty() ? std::string() : "; rows not found: " + list) +
                                        (unmatched ? "; " + std::to_string(unmatched) + " lines matched no row" : "");
            }
        }
        for (Diagnostic& d : notes) found.notes.push_back(std::move(d));
        for (GisValue& v : values) found.values.push_back(std::move(v));
    }
    // The prose before the tables that restates one of their figures.
    std::vector<GLine> before = lines_of(blocks, first > 2000 ? first - 2000 : 0, first);
    before.insert(before.end(), lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(starts[0]));
    if (auto g = applications_in(prose_of(before, before.size()))) found.prose.push_back(std::move(*g));
    std::size_t end = 0;
    if (starts.back() < lines.size()) {
        end = lines[starts.back()].span.start;
    } else {
        for (const GisValue& v : found.values) end = std::max(end, v.span.end);
        end = std::max(end, lines[starts[0]].span.end);
    }
    found.regions.push_back(Span{lines[starts[0]].span.start, end});
    return found;
}

namespace {

std::string join_sum(const std::vector<std::string>& ids, bool by_row) {
    std::string out;
    for (const std::string& id : ids) {
        // gis.TABLE.ROW.COLUMN; rows may hold dots, columns do not.
        const std::size_t a = id.find('.', 4), b = id.rfind('.');
        out += (out.empty() ? "" : "+") + (by_row ? id.substr(a + 1, b - a - 1) : id.substr(b + 1));
    }
    return out;
}

// "t3 natural: new+carried_in 21 ≠ result_total+carried_out 22"
std::string describe(const GisCheck& c) {
    std::vector<std::string> all = c.left;
    all.insert(all.end(), c.right.begin(), c.right.end());
    if (all.empty() || all.front().rfind("gis.", 0) != 0) return c.rule;
    auto column = [](const std::string& id) { return id.substr(id.rfind('.') + 1); };
    auto row = [](const std::string& id) {
        const std::size_t a = id.find('.', 4), b = id.rfind('.');
        return id.substr(a + 1, b - a - 1);
    };
    const std::string table = all.front().substr(4, all.front().find('.', 4) - 4);
    const bool same_column =
        std::all_of(all.begin(), all.end(), [&](const std::string& id) { return column(id) == column(all.front()); });
    const std::string head = table + " " + (same_column ? column(all.front()) : row(all.front())) + ": ";
    return head + join_sum(c.left, same_column) + " " + c.left_value + (c.passed ? " = " : " ≠ ") +
           join_sum(c.right, same_column) + " " + c.right_value;
}

}  // namespace

std::string describe_gis_check(const GisCheck& c) {
    if (c.rule.rfind("prose.", 0) == 0) {
        std::string cells;
        for (const std::string& id : c.left) cells += (cells.empty() ? "" : "+") + id.substr(4);
        return "table " + cells + " " + c.left_value + (c.passed ? " = " : " ≠ ") + "the text " + c.right_value;
    }
    return describe(c);
}

namespace {

// gis.t3.other.total when the rule also sums gis.t3.other.no_fee.total and the report states it:
// a row printed both as its sum and as its parts counts once, by its parts.
bool has_parts(const std::string& id, const std::vector<std::string>& ids,
               const std::map<std::string, const Fact*>& cells) {
    const std::size_t dot = id.rfind('.');
    const std::string row = id.substr(0, dot), column = id.substr(dot);
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& other) {
        return other.size() > id.size() && other.rfind(row + ".", 0) == 0 && other.ends_with(column) &&
               cells.count(other) > 0;
    });
}

}  // namespace

std::vector<GisCheck> check_gis(const Document& doc, const GisFormat& format, const std::vector<GisProse>& prose) {
    std::map<std::string, const Fact*> cells;
    for (const Fact& f : doc.facts)
        if (f.indicator.rfind("gis.", 0) == 0) cells.emplace(f.indicator, &f);
    std::vector<GisCheck> checks;
    for (const GisRule& rule : format.rules) {
        GisCheck c;
        c.rule = rule.name;
        c.left_value = "0";
        c.right_value = "0";
        bool ok = true;
        for (const std::string& id : rule.left) {
            auto it = cells.find(id);
            if (it == cells.end() || it->second->value.empty() || it->second->value[0] == '-') {
                ok = false;
                break;
            }
            c.left.push_back(id);
            c.left_value = add_decimals(c.left_value, it->second->value);
        }
        for (const std::string& id : rule.right) {
            auto it = cells.find(id);
            if (it == cells.end() || has_parts(id, rule.right, cells)) continue;
            if (it->second->value.empty() || it->second->value[0] == '-') ok = false;
            if (!ok) break;
            c.right.push_back(id);
            c.right_value = add_decimals(c.right_value, it->second->value);
        }
        if (!ok || c.right.empty()) continue;
        c.passed = compare_decimals(c.left_value, c.right_value) == 0;
        checks.push_back(std::move(c));
    }
    // The prose restating table 三's applications: the new ones, or with those carried over
    // (reports say 收到/受理 for either).
    for (const GisProse& p : prose) {
        if (p.name != "prose.applications_received") continue;
        auto received = cells.find("gis.t3.new.total");
        if (received == cells.end()) continue;
        GisCheck c;
        c.rule = p.name;
        c.left = {received->first};
        c.left_value = received->second->value;
        c.right_value = p.value;
        c.passed = compare_decimals(c.left_value, c.right_value) == 0;
        auto carried = cells.find("gis.t3.carried_in.total");
        if (!c.passed && carried != cells.end() &&
            compare_decimals(add_decimals(c.left_value, carried->second->value), p.value) == 0) {
            c.left.push_back(carried->first);
            c.left_value = add_decimals(c.left_value, carried->second->value);
            c.passed = true;
        }
        checks.push_back(std::move(c));
    }
    return checks;
}

void apply_gis(Document& doc, GisFound found) {
    for (Diagnostic& d : found.notes) doc.diagnostics.push_back(std::move(d));
    for (Diagnostic& d : found.prose_notes) doc.diagnostics.push_back(std::move(d));
    if (!found.format) return;
    doc.gis.format = found.format->id;
    if (!found.values.empty()) {
        auto inside = [&](const Span& s) {
            return std::any_of(found.regions.begin(), found.regions.end(),
                               [&](const Span& r) { return s.start >= r.start && s.start < r.end; });
        };
        std::erase_if(doc.facts, [&](const Fact& f) { return inside(f.span); });
        for (GisValue& v : found.values) {
            Fact f;
            f.value = v.value;
            f.value_text = v.value_text;
            f.unit = v.cell->unit;
            f.zero = v.value == "0";
            f.subject = v.cell->row_label + " " + v.cell->column_label;
            f.indicator = v.cell->id;
            f.span = v.span;
            f.quote_span = v.span;
            f.quote = f.subject + "：" + v.value_text;
            // The block holding it: the narrowest whose span contains it, else the last before it.
            std::size_t block = doc.blocks.size();
            for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
                const Span& s = doc.blocks[i].span;
                if (s.start <= v.span.start && v.span.end <= s.end &&
                    (block == doc.blocks.size() ||
                     s.end - s.start < doc.blocks[block].span.end - doc.blocks[block].span.start))
                    block = i;
            }
            if (block == doc.blocks.size())
                for (std::size_t i = 0; i < doc.blocks.size(); ++i)
                    if (doc.blocks[i].span.start <= v.span.start) block = i;
            f.block = block == doc.blocks.size() ? 0 : block;
            doc.facts.push_back(std::move(f));
        }
        std::stable_sort(doc.facts.begin(), doc.facts.end(),
                         [](const Fact& a, const Fact& b) { return a.span.start < b.span.start; });
    }
    doc.gis.checks = check_gis(doc, *found.format, found.prose);
    std::map<std::string, Span> spans;
    for (const Fact& f : doc.facts)
        if (f.indicator.rfind("gis.", 0) == 0) spans.emplace(f.indicator, f.span);
    for (const GisCheck& c : doc.gis.checks) {
        if (c.passed) continue;
        std::vector<Span> where;
        for (const auto* side : {&c.left, &c.right})
            for (const std::string& id : *side)
                if (auto it = spans.find(id); it != spans.end()) where.push_back(it->second);
        std::string message = describe(c);
        for (const GisProse& p : found.prose)
            if (p.name == c.rule) {
                where.push_back(p.span);
                message = "the text states " + p.value_text + " applications received, table 三 " +
                          c.left.front().substr(4) + " states " + c.left_value;
            }
        std::sort(where.begin(), where.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
        if (where.size() > 16) where.resize(16);
        doc.diagnostics.push_back(Diagnostic{"gis_check", 1, message, std::move(where)});
    }
}

}  // namespace gongwen
