// 政府信息公开: one row per report in the national GIS format, every cell of the template as a
// column under its table and row, each value linked to its fact on 事实, the report's failed
// checks beside its row and the cells they name filled.
//
// Table 二 differs between the formats (2021: 本年制发/废止/现行有效…; the 2019 trial format:
// 本年新制作/新公开/对外公开总数…): each format has its own group of table-二 columns, headed as
// that format prints them, and a report fills its own format's group only. The columns of one
// format never mean what the other's mean (现行有效件数 is not 对外公开总数量), so a shared column
// would put unlike figures under one header. Tables 三 and 四 are the same in both formats
// (2021 splits （六）其他处理 into three rows; both forms are columns) and share their columns.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "converters/xlsx/sheets.hpp"
#include "gongwen/decimal.hpp"
#include "gongwen/gis.hpp"

namespace gongwen::xlsx {

namespace {

constexpr lxw_col_t kFirstCellCol = 5;  // 文件 机关 报告年度 格式 未通过的核对
constexpr lxw_row_t kFirstRow = 5;      // table, row, column group, column, id
constexpr std::size_t kShownTerms = 4;
constexpr double kCheckWidth = 44;  // 未通过的核对, in characters  // a longer sum is shown by its first and last terms

struct GisColumnRef {
    const GisTable* table = nullptr;
    const GisCell* cell = nullptr;
    std::string format;  // the only format that fills it; empty: any
    std::string row_header;
};

const GisRow* row_of(const GisTable& table, const std::string& id) {
    for (const GisRow& r : table.rows)
        if (r.id == id) return &r;
    return nullptr;
}

// "（三）不予公开 1.属于国家秘密", "行政诉讼 未经复议直接起诉".
std::string row_header(const GisTable& table, const GisCell& cell) {
    const GisRow* row = row_of(table, cell.row);
    if (!row) return cell.row_label;
    const std::string& above = !row->parent.empty() ? row->parent : row->group;
    return above.empty() || above == row->label ? row->label : above + " " + row->label;
}

// The workbook's columns: table 二 once per format, tables 三 and 四 once for all formats (the
// newest format's cells in order, each cell only an older format has after the cell before it).
const std::vector<GisColumnRef>& gis_columns() {
    static const std::vector<GisColumnRef> columns = [] {
        std::vector<GisColumnRef> out;
        const GisTemplate& t = builtin_gis_template();
        std::vector<std::string> table_ids;
        for (const GisFormat& f : t.formats)
            for (const GisTable& table : f.tables)
                if (std::find(table_ids.begin(), table_ids.end(), table.id) == table_ids.end())
                    table_ids.push_back(table.id);
        for (const std::string& table_id : table_ids) {
            // A table is shared by the formats when they give it the same columns; else each
            // format's table has columns of its own.
            bool same = true;
            const GisTable* first = nullptr;
            for (const GisFormat& f : t.formats)
                if (const GisTable* table = f.table(table_id)) {
                    if (!first) first = table;
                    same = same && table->columns == first->columns;
                }
            if (!same) {
                for (const GisFormat& f : t.formats)
                    if (const GisTable* table = f.table(table_id))
                        for (const GisCell& c : table->cells)
                            out.push_back(GisColumnRef{table, &c, f.id, row_header(*table, c)});
                continue;
            }
            const std::size_t begin = out.size();
            for (const GisFormat& f : t.formats) {
                const GisTable* table = f.table(table_id);
                if (!table) continue;
                std::size_t after = begin;  // where the next cell of this format goes if new
                for (const GisCell& c : table->cells) {
                    const auto at = std::find_if(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(),
                                                 [&](const GisColumnRef& ref) { return ref.cell->id == c.id; });
                    if (at != out.end()) {
                        after = static_cast<std::size_t>(at - out.begin()) + 1;
                        continue;
                    }
                    out.insert(out.begin() + static_cast<std::ptrdiff_t>(after),
                               GisColumnRef{table, &c, "", row_header(*table, c)});
                    ++after;
                }
            }
        }
        return out;
    }();
    return columns;
}

// The table's own title, with the format when the format has a table of its own.
std::string table_header(const GisColumnRef& ref) {
    if (ref.format.empty()) return ref.table->title;
    const GisFormat* f = builtin_gis_template().format(ref.format);
    return ref.table->title + "（" + ref.format + "年格式" + (f && !f->basis.empty() ? "，" + f->basis : "") + "）";
}

const GisCell* any_cell(const std::string& id) {
    for (const GisFormat& f : builtin_gis_template().formats)
        if (const GisCell* c = f.cell(id)) return c;
    return nullptr;
}

// "gis.t3.new.natural" → the part of the id after its table: "new.natural".
std::string short_id(const std::string& id) {
    if (const GisCell* c = any_cell(id)) return c->row + "." + c->column;
    return id.rfind("gis.", 0) == 0 ? id.substr(4) : id;
}

std::string terms(const std::vector<std::string>& parts) {
    std::string out;
    if (parts.size() > kShownTerms) {
        return parts.front() + "+" + parts[1] + "+…+" + parts.back() + "（" + std::to_string(parts.size()) + "项）";
    }
    for (const std::string& p : parts) out += (out.empty() ? "" : "+") + p;
    return out;
}

}  // namespace

// "t3 natural: new+carried_in 21 ≠ result_total+carried_out 22": the cells of both sides by
// their rows when they share a column, by their columns when they share a row.
std::string gis_check_text(const GisCheck& check) {
    std::vector<const GisCell*> cells;
    for (const auto* side : {&check.left, &check.right})
        for (const std::string& id : *side) cells.push_back(any_cell(id));
    const bool known = !cells.empty() && std::all_of(cells.begin(), cells.end(), [](const GisCell* c) { return c; });
    auto shared = [&](auto field) {
        return known && std::all_of(cells.begin(), cells.end(), [&](const GisCell* c) {
                   return c->table == cells.front()->table && (*c).*field == (*cells.front()).*field;
               });
    };
    std::string prefix;
    auto side = [&](const std::vector<std::string>& ids, std::string GisCell::*part) {
        std::vector<std::string> names;
        for (const std::string& id : ids) names.push_back(part ? (*any_cell(id)).*part : short_id(id));
        return terms(names);
    };
    std::string left;
    std::string right;
    if (shared(&GisCell::column)) {
        prefix = cells.front()->table + " " + cells.front()->column + ": ";
        left = side(check.left, &GisCell::row);
        right = side(check.right, &GisCell::row);
    } else if (shared(&GisCell::row)) {
        prefix = cells.front()->table + " " + cells.front()->row + ": ";
        left = side(check.left, &GisCell::column);
        right = side(check.right, &GisCell::column);
    } else {
        prefix = check.rule + ": ";
        left = side(check.left, nullptr);
        right = side(check.right, nullptr);
    }
    return prefix + left + " " + check.left_value + " ≠ " + right + " " + check.right_value;
}

std::string gis_cell_label(const std::string& id) {
    for (const GisColumnRef& ref : gis_columns())
        if (ref.cell->id == id) {
            std::string label = ref.table->title.substr(0, ref.table->title.find("、")) + " · " + ref.row_header;
            if (!ref.cell->column_group.empty() && ref.cell->column_group != ref.row_header)
                label += " · " + ref.cell->column_group;
            return label + " · " + ref.cell->column_label;
        }
    return id;
}

std::size_t gis_cell_order(const std::string& id) {
    const std::vector<GisColumnRef>& columns = gis_columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].cell->id == id) return i;
    return columns.size();
}

std::string gis_cell_unit(const std::string& id) {
    const GisCell* c = any_cell(id);
    return c ? c->unit : std::string();
}

bool has_gis_reports(const std::vector<ReportEntry>& reports) {
    return std::any_of(reports.begin(), reports.end(), [](const ReportEntry& e) { return !e.gis.format.empty(); });
}

namespace {

// Consecutive columns with the same `key` share one merged header cell in `row`.
template <typename Key>
void merged_headers(Sheet& s, lxw_row_t row, const std::vector<GisColumnRef>& columns, lxw_format* f, Key key) {
    for (std::size_t k = 0; k < columns.size();) {
        std::size_t end = k + 1;
        while (end < columns.size() && key(columns[end]) == key(columns[k])) ++end;
        const auto first = static_cast<lxw_col_t>(kFirstCellCol + k);
        const auto last = static_cast<lxw_col_t>(kFirstCellCol + end - 1);
        const std::string text = key(columns[k]).back();
        if (first == last)
            s.text(row, first, text.empty() ? " " : text, f, false);
        else
            check(worksheet_merge_range(s.get(), row, first, row, last, text.c_str(), f), "cannot merge a header");
        k = end;
    }
}

}  // namespace

void write_gis(Workbook& book, Sheet& s, const std::vector<ReportEntry>& reports, const FactRows& rows) {
    const std::vector<GisColumnRef>& columns = gis_columns();
    lxw_format* group = book.format("group");
    lxw_format* header = book.format("header");
    // Row by row, as the workbook's constant-memory mode needs.
    check(worksheet_merge_range(s.get(), 0, 0, 0, kFirstCellCol - 1, "报告", group), "cannot merge a header");
    merged_headers(s, 0, columns, group, [](const GisColumnRef& c) { return std::vector{table_header(c)}; });
    for (lxw_col_t c = 0; c < kFirstCellCol; ++c) s.text(1, c, " ", header, false);
    merged_headers(s, 1, columns, header, [](const GisColumnRef& c) {
        return std::vector{table_header(c), c.row_header};
    });
    for (lxw_col_t c = 0; c < kFirstCellCol; ++c) s.text(2, c, " ", header, false);
    merged_headers(s, 2, columns, header, [](const GisColumnRef& c) {
        return std::vector{table_header(c), c.row_header, c.cell->column_group};
    });
    const char* fixed[] = {"文件", "机关", "报告年度", "格式", "未通过的核对"};
    for (lxw_col_t c = 0; c < kFirstCellCol; ++c) s.text(3, c, fixed[c], header, false);
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const GisCell& cell = *columns[k].cell;
        const std::string unit = cell.unit.empty() || cell.unit == "件" ? "" : "（" + cell.unit + "）";
        s.text(3, static_cast<lxw_col_t>(kFirstCellCol + k), cell.column_label + unit, header, false);
    }
    for (std::size_t k = 0; k < columns.size(); ++k)
        s.text(4, static_cast<lxw_col_t>(kFirstCellCol + k), columns[k].cell->id, book.format("id"), false);
    worksheet_set_row(s.get(), 1, 48, nullptr);
    worksheet_set_row(s.get(), 3, 48, nullptr);

    lxw_row_t row = kFirstRow;
    for (std::size_t r = 0; r < reports.size(); ++r) {
        const ReportEntry& e = reports[r];
        if (e.gis.format.empty()) continue;
        if (row >= kMaxRows) break;
        const Description& d = e.description;
        s.text(row, 0, e.source.name);
        s.text(row, 1, d.organisation);
        if (!d.report_year.empty()) s.decimal(row, 2, d.report_year);
        s.text(row, 3, e.gis.format);
        std::set<std::string> flagged;
        std::string failed;
        for (const GisCheck& c : e.gis.checks) {
            if (c.passed) continue;
            failed += (failed.empty() ? "" : "\n") + gis_check_text(c);
            flagged.insert(c.left.begin(), c.left.end());
            flagged.insert(c.right.begin(), c.right.end());
        }
        if (!failed.empty()) {  // tall enough for every check, wrapped in its column
            double lines = 0;
            for (std::size_t at = 0; at != std::string::npos;) {
                const std::size_t end = failed.find('\n', at);
                const std::string line = failed.substr(at, end == std::string::npos ? end : end - at);
                lines += std::max(1.0, std::ceil(display_width(line) / (kCheckWidth - 2)));
                at = end == std::string::npos ? end : end + 1;
            }
            worksheet_set_row(s.get(), row, 15 * lines, nullptr);
        }
        s.text(row, 4, failed, book.format("check"), false);
        std::map<std::string, std::size_t> first_fact;
        for (std::size_t i = 0; i < e.facts.size(); ++i)
            if (e.facts[i].indicator.rfind("gis.", 0) == 0) first_fact.emplace(e.facts[i].indicator, i);
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const GisColumnRef& ref = columns[k];
            if (!ref.format.empty() && ref.format != e.gis.format) continue;
            const auto it = first_fact.find(ref.cell->id);
            if (it == first_fact.end()) continue;
            const auto col = static_cast<lxw_col_t>(kFirstCellCol + k);
            const lxw_row_t target = it->second < rows[r].size() ? rows[r][it->second] : 0;
            if (target > 0) s.link(row, col, kFactsSheet, target);
            const Fact& f = e.facts[it->second];
            s.decimal(row, col, in_unit(f, ref.cell->unit),
                      book.number_format("General", flagged.count(ref.cell->id) > 0));
            s.note(row, col, gis_cell_label(ref.cell->id) + "：\n「" + f.quote + "」");
        }
        ++row;
    }
    worksheet_freeze_panes(s.get(), kFirstRow, 2);
    worksheet_set_landscape(s.get());
    worksheet_repeat_rows(s.get(), 0, kFirstRow - 1);  // printed: the headers and the report on every page
    worksheet_repeat_columns(s.get(), 0, 1);
    s.fit_columns(6, 40);
    s.set_width(2, 8);
    s.set_width(3, 6);
    s.set_width(4, kCheckWidth, book.format("check"));
    for (std::size_t k = 0; k < columns.size(); ++k) s.set_width(static_cast<lxw_col_t>(kFirstCellCol + k), 11);
}

}  // namespace gongwen::xlsx
