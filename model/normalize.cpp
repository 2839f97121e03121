// The normalize pass: each raw line cleaned for display and analysis (cleanup.cpp: pinyin,
// spaces, mojibake flagged; punctuation.cpp: Latin marks in Chinese text shown full-width), and
// the blocks a reader finished itself (tables, images) kept aside, their cells cleaned the same way.
#include <algorithm>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

// Whether a line may hold a pinyin annotation: one needs an opening parenthesis.
bool may_hold_pinyin(const std::string& text) {
    return text.find('(') != std::string::npos || text.find("\xEF\xBC\x88") != std::string::npos;  // （
}

// A finished table's cells get the cleanup of punctuation the lines get; a cell knows only its
// own span, so that is where each change is said to be.
void widen_cells(Block& table, CleanupReport& report) {
    for (TableRow& row : table.rows)
        for (TableCell& cell : row.cells) {
            std::u32string text = to_u32(cell.text);
            const std::vector<std::size_t> widened = widen_punctuation(text);
            if (widened.empty()) continue;
            for (std::size_t k = 0; k < widened.size(); ++k) report.punctuation.add(cell.span);
            cell.text = to_utf8(text);
        }
}

}  // namespace

void normalize(std::vector<RawBlock>& raw, PassState& s) {
    s.budget.check_lines(raw.size());
    const std::size_t max_length = s.budget.limits().max_line_length;
    std::size_t toned = 0;
    for (const RawBlock& r : raw) {
        // A line's bytes are at least its code points: only a long one needs counting.
        if (max_length > 0 && r.text.size() > max_length && !r.block)
            s.budget.check_line_length(count_code_points(r.text), r.start);
        if (toned < 3 && may_hold_pinyin(r.text)) toned += count_tone_marked_pinyin(to_u32(r.text));
    }
    TextTables tables = find_text_tables(raw, s.cleanup, s.budget);
    const std::vector<char> wraps = find_wrapped_lines(raw, tables.use);
    s.entries.reserve(raw.size());
    bool continues = false;  // the last line kept goes on in the next line of text
    for (std::size_t i = 0; i < raw.size(); ++i) {
        RawBlock& r = raw[i];
        s.budget.check_time();
        const char use = i < tables.use.size() ? tables.use[i] : 0;
        if (use == 1 && !r.block) {
            std::string().swap(r.text);
            continue;
        }
        if (wraps[i] == 2) {  // the page number inside a paragraph a page break cut
            const Line footer = make_line(to_u32(r.text), r.start, nullptr, false, s.cleanup);
            s.found.boilerplate.push_back(footer.span);
            std::string().swap(r.text);
            continue;
        }
        if (r.block) {
            s.finished.push_back(std::move(*r.block));
            widen_cells(s.finished.back(), s.cleanup);
            continue;
        }
        Line line = make_line(to_u32(r.text), r.start, r.origin.empty() ? nullptr : &r.origin, toned >= 3, s.cleanup);
        line.heading_hint = r.heading_hint;
        line.table_run = use >= 2;
        line.flanked = use == 3;
        std::string().swap(r.text);  // swapped out: assigning an empty string keeps the buffer
        std::vector<std::uint32_t>().swap(r.origin);
        if (line.empty()) continue;
        if (continues && !s.entries.empty()) {
            Line& above = s.entries.back().line;
            s.cleanup.joined.add(Span{above.span.end, line.span.start});
            append_line(above, std::move(line));
        } else {
            s.entries.push_back(Entry{std::move(line), Role::content, {}, std::nullopt, {}});
        }
        continues = wraps[i] == 1;
    }
    // The tables found in the text join the reader's own finished blocks, in source order.
    if (!tables.tables.empty()) {
        for (Block& b : tables.tables) s.finished.push_back(std::move(b));
        std::stable_sort(s.finished.begin(), s.finished.end(),
                         [](const Block& a, const Block& b) { return a.span.start < b.span.start; });
    }
    s.found.boilerplate.insert(s.found.boilerplate.end(), tables.removed.begin(), tables.removed.end());
}

}  // namespace gongwen
