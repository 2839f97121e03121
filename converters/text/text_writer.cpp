#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "gongwen/describe.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/text.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

bool leads_with_title(const Document& doc) {
    return !doc.blocks.empty() && doc.blocks.front().kind == BlockKind::title;
}

std::string table_text(const Block& b);

std::string block_line(const Block& b) {
    if (b.kind == BlockKind::heading || b.kind == BlockKind::list_item) return b.marker + b.text;
    if (b.kind == BlockKind::table) return table_text(b);
    if (b.kind == BlockKind::image) return "[图片: " + b.text + "] " + b.target;
    return b.text;
}

struct Labelled {
    const char* label;
    const Field* field;
};

std::array<Labelled, 13> labelled_fields(const Metadata& m) {
    return {{{"标题", &m.title},
             {"发文机关", &m.organisation},
             {"报告年度", &m.year},
             {"发布日期", &m.published},
             {"发布时间", &m.published_time},
             {"主送机关", &m.addressee},
             {"落款", &m.signer},
             {"成文日期", &m.signed_date},
             {"索引号", &m.index_number},
             {"文号", &m.document_number},
             {"发布机构", &m.publisher},
             {"来源", &m.source},
             {"主题分类", &m.category}}};
}

std::string md_escape(std::string_view text, bool line_start) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool special = std::string_view("\\`*_[]<|").find(c) != std::string_view::npos;
        const bool at_start = line_start && i == 0 && std::string_view("#>-+=").find(c) != std::string_view::npos;
        if (special || at_start) out.push_back('\\');
        out.push_back(c);
    }
    // "1. text" at a line start would become an ordered list.
    if (line_start && !out.empty() && out[0] >= '0' && out[0] <= '9') {
        std::size_t i = 0;
        while (i < out.size() && out[i] >= '0' && out[i] <= '9') ++i;
        if (i < out.size() && (out[i] == '.' || out[i] == ')')) out.insert(i, "\\");
    }
    return out;
}

// A paragraph with its inline enumerators (一是, 二是…) in bold, where they stand.
std::string md_paragraph(const Block& b) {
    std::string out;
    std::size_t pos = 0;
    for (const Item& item : b.items) {
        const std::size_t at =
            b.text.find(item.marker + item.text.substr(0, std::min<std::size_t>(item.text.size(), 6)), pos);
        if (at == std::string::npos) continue;
        out += md_escape(std::string_view(b.text).substr(pos, at - pos), pos == 0);
        out += "**" + md_escape(item.marker, false) + "**";
        pos = at + item.marker.size();
    }
    out += md_escape(std::string_view(b.text).substr(pos), pos == 0);
    return out;
}

// A Markdown table; merged cells are repeated into each grid position they cover, since
// Markdown has no spans, and the first row is the header when the table has none.
std::string md_table(const Block& b) {
    std::vector<std::vector<std::string>> grid;
    std::vector<std::vector<bool>> taken;
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
        std::size_t c = 0;
        for (const TableCell& cell : b.rows[r].cells) {
            while (r < taken.size() && c < taken[r].size() && taken[r][c]) ++c;
            for (int dr = 0; dr < cell.row_span; ++dr)
                for (int dc = 0; dc < cell.col_span; ++dc) {
                    const std::size_t rr = r + static_cast<std::size_t>(dr);
                    const std::size_t cc = c + static_cast<std::size_t>(dc);
                    if (grid.size() <= rr) grid.resize(rr + 1), taken.resize(rr + 1);
                    if (grid[rr].size() <= cc) grid[rr].resize(cc + 1), taken[rr].resize(cc + 1);
                    grid[rr][cc] = md_escape(cell.text, false);
                    taken[rr][cc] = true;
                }
            c += static_cast<std::size_t>(cell.col_span);
        }
    }
    std::size_t width = 0;
    for (const auto& row : grid) width = std::max(width, row.size());
    if (width == 0) return md_escape(b.text, true);
    std::string out = b.text.empty() ? "" : md_escape(b.text, true) + "\n\n";
    for (std::size_t r = 0; r < grid.size(); ++r) {
        grid[r].resize(width);
        out += "|";
        for (const std::string& cell : grid[r]) out += " " + cell + " |";
        out += "\n";
        if (r == 0) {
            out += "|";
            for (std::size_t c = 0; c < width; ++c) out += "---|";
            out += "\n";
        }
    }
    out.pop_back();
    return out;
}

// A table as aligned text: each cell in its grid column, columns as wide as their widest cell
// in display width (a Chinese character takes two), two spaces apart. A merged cell stands in
// its first grid position, the positions it covers stay blank.
std::string table_text(const Block& b) {
    struct Placed {
        std::size_t column = 0, span = 1;
        std::u32string text;
    };
    std::vector<std::vector<Placed>> rows(b.rows.size());
    std::vector<std::vector<bool>> taken(b.rows.size());
    std::size_t columns = 0;
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
        std::size_t c = 0;
        for (const TableCell& cell : b.rows[r].cells) {
            while (c < taken[r].size() && taken[r][c]) ++c;
            const auto col_span = static_cast<std::size_t>(std::max(cell.col_span, 1));
            const auto row_span = static_cast<std::size_t>(std::max(cell.row_span, 1));
            for (std::size_t dr = 0; dr < row_span && r + dr < b.rows.size(); ++dr) {
                std::vector<bool>& t = taken[r + dr];
                if (t.size() < c + col_span) t.resize(c + col_span, false);
                for (std::size_t dc = 0; dc < col_span; ++dc) t[c + dc] = true;
            }
            std::u32string text = to_u32(cell.text);
            std::replace(text.begin(), text.end(), U'\n', U' ');
            rows[r].push_back(Placed{c, col_span, std::move(text)});
            c += col_span;
            columns = std::max(columns, c);
        }
    }
    std::vector<std::size_t> width(columns, 0);
    for (const auto& row : rows)
        for (const Placed& p : row)
            if (p.span == 1) width[p.column] = std::max(width[p.column], display_width(p.text));
    for (const auto& row : rows)  // a merged cell wider than its columns widens the last of them
        for (const Placed& p : row) {
            if (p.span == 1) continue;
            std::size_t room = 2 * (p.span - 1);
            for (std::size_t k = 0; k < p.span; ++k) room += width[p.column + k];
            const std::size_t need = display_width(p.text);
            if (need > room) width[p.column + p.span - 1] += need - room;
        }
    std::string out = b.text.empty() ? "" : b.text + "\n";
    for (const auto& row : rows) {
        std::string line;
        std::size_t at = 0;       // grid column the line has reached
        std::size_t pending = 0;  // spaces owed before the next text
        for (const Placed& p : row) {
            for (; at < p.column; ++at) pending += width[at] + 2;
            if (!p.text.empty()) {
                line.append(pending, ' ');
                pending = 0;
                line += to_utf8(p.text);
            }
            std::size_t room = 2 * (p.span - 1);
            for (std::size_t k = 0; k < p.span; ++k) room += width[p.column + k];
            pending += room - std::min(room, display_width(p.text)) + 2;
            at = p.column + p.span;
        }
        out += line + "\n";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

// One line per fact: as written, its value and unit (a zero statement's implied unit marked
// inferred, as inferred metadata is), the indicator it counts for, its subject.
std::string facts_text(const Document& doc) {
    std::size_t mapped = 0;
    for (const Fact& f : doc.facts) mapped += f.indicator.empty() ? 0 : 1;
    std::string out =
        "facts: " + std::to_string(doc.facts.size()) + " (" + std::to_string(mapped) + " with an indicator)\n";
    for (const Fact& f : doc.facts) {
        out += "  " + f.value_text + ": " + f.value + (f.value_max.empty() ? "" : "–" + f.value_max);
        out += f.unit.empty() ? "" : " " + f.unit;
        out += f.implied_unit.empty() ? "" : " (" + f.implied_unit + ", inferred)";
        out += f.qualifier.empty() ? "" : " (" + f.qualifier + ")";
        out += " [" + (f.indicator.empty() ? std::string("-") : f.indicator) + "] " + f.subject + "\n";
    }
    return out;
}

}  // namespace

std::string write_text(const Document& doc) {
    std::string out;
    if (const std::string title = describe(doc).title; !leads_with_title(doc) && !title.empty()) out += title + "\n\n";
    for (const Block& b : doc.blocks) out += block_line(b) + "\n\n";
    if (!out.empty()) out.pop_back();
    return out;
}

std::string write_markdown(const Document& doc) {
    const Metadata& m = doc.metadata;
    std::string out;
    if (const std::string title = describe(doc).title; !title.empty()) out += "# " + md_escape(title, false) + "\n\n";
    out += "| 字段 | 值 |\n|---|---|\n";
    for (const auto& [label, field] : labelled_fields(m)) {
        if (!field->present() || field == &m.title) continue;
        out += std::string("| ") + label + " | " + md_escape(field->value, false) +
               (field->inferred ? "（推断）" : "") + " |\n";
    }
    for (const ExtraField& x : m.extra)
        out += "| " + md_escape(x.key, false) + " | " + md_escape(x.value, false) + " |\n";
    out += "\n";
    bool first = true;
    for (const Block& b : doc.blocks) {
        if (b.kind == BlockKind::title && first) {
            first = false;
            continue;  // already the document heading
        }
        first = false;
        switch (b.kind) {
            case BlockKind::heading:
                out +=
                    std::string(static_cast<std::size_t>(b.level) + 1, '#') + " " + md_escape(b.marker + b.text, false);
                break;
            case BlockKind::list_item:
                out += "- **" + md_escape(b.marker, false) + "**" + md_escape(b.text, false);
                break;
            case BlockKind::paragraph: out += md_paragraph(b); break;
            case BlockKind::subtitle:
            case BlockKind::signature:
            case BlockKind::annotation:
            case BlockKind::attachment:
            case BlockKind::addressee:
            case BlockKind::title: out += md_escape(b.text, true); break;
            case BlockKind::table: out += md_table(b); break;
            case BlockKind::image: out += "![" + md_escape(b.text, false) + "](" + b.target + ")"; break;
        }
        out += "\n\n";
    }
    out.pop_back();
    return out;
}

std::string write_inspect_text(const Document& doc) {
    const Metadata& m = doc.metadata;
    std::string out = "file: " + doc.source.name + "\n";
    out += "charset: " + doc.source.charset + (doc.source.charset_guessed ? " (detected)" : "") + "\n";
    for (const auto& [label, field] : labelled_fields(m))
        out += std::string(label) + ": " + (field->present() ? field->value : "-") +
               (field->present() && field->inferred ? " (inferred)" : "") + "\n";
    for (const ExtraField& x : m.extra) out += x.key + ": " + x.value + "\n";
    if (const std::string kind = describe(doc).report_kind; !kind.empty()) out += "报告类别: " + kind + "\n";
    std::array<std::size_t, 5> per_level{};
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::heading) ++per_level[static_cast<std::size_t>(b.level)];
    out += "blocks: " + std::to_string(doc.blocks.size()) + ", headings by level: " + std::to_string(per_level[1]) +
           " / " + std::to_string(per_level[2]) + " / " + std::to_string(per_level[3]) + " / " +
           std::to_string(per_level[4]) + "\n";
    out += "outline:\n";
    for (const Block& b : doc.blocks)
        if (b.kind == BlockKind::heading)
            out += std::string(static_cast<std::size_t>(b.level) * 2, ' ') + b.marker + b.text + "\n";
    out += facts_text(doc);
    out += "diagnostics:\n";
    if (doc.diagnostics.empty()) out += "  (none)\n";
    for (const Diagnostic& d : doc.diagnostics)
        out += "  " + d.kind + " ×" + std::to_string(d.count) + ": " + d.message + "\n";
    // A report in the national GIS format: the format and its checks, failed ones first.
    if (!doc.gis.format.empty() || !doc.gis.checks.empty()) {
        const auto failed =
            std::count_if(doc.gis.checks.begin(), doc.gis.checks.end(), [](const GisCheck& c) { return !c.passed; });
        out += "gis: format " + (doc.gis.format.empty() ? std::string("-") : doc.gis.format) + ", " +
               std::to_string(doc.gis.checks.size()) + " checks, " + std::to_string(failed) + " failed\n";
        for (const bool passed : {false, true})
            for (const GisCheck& c : doc.gis.checks)
                if (c.passed == passed)
                    out +=
                        std::string(passed ? "  ok     " : "  FAILED ") + c.rule + ": " + describe_gis_check(c) + "\n";
    }
    return out;
}

}  // namespace gongwen
