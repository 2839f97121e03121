// <table>: a data table becomes a model table (rows, cells, spans, header rows); a layout
// table (the page's frame, a box around the article) is read as ordinary blocks; the 信息公开
// index table (索引号 | … | 发布机构 | …) becomes metadata lines.
#include <algorithm>
#include <array>

#include "converters/html/page.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::html {

namespace {

bool named(pugi::xml_node n, std::string_view name) { return n.type() == pugi::node_element && n.name() == name; }

std::vector<pugi::xml_node> row_cells(pugi::xml_node row) {
    std::vector<pugi::xml_node> cells;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling())
        if (named(c, "td") || named(c, "th")) cells.push_back(c);
    return cells;
}

// HTML's rules for parsing a non-negative integer: leading spaces, digits, anything after.
int span_attribute(pugi::xml_node cell, const char* name, int fallback, int max) {
    std::string_view v = cell.attribute(name).value();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n')) v.remove_prefix(1);
    if (v.empty() || v.front() < '0' || v.front() > '9') return fallback;
    long value = 0;
    for (std::size_t i = 0; i < v.size() && v[i] >= '0' && v[i] <= '9' && value <= max; ++i)
        value = value * 10 + (v[i] - '0');
    return static_cast<int>(std::min<long>(value, max));
}

std::u32string squeezed(const std::u32string& text) {
    std::u32string s;
    for (char32_t cp : fold(text))
        if (!is_space(cp)) s.push_back(cp);
    return s;
}

bool numeric(const std::u32string& s) {
    std::size_t digits = 0;
    for (char32_t cp : s)
        if (is_ascii_digit(cp)) ++digits;
    return digits > 0 && digits * 2 >= s.size();
}

// Every visible character of the cell is bold (<b>, <strong>, <th>, font-weight), as Word
// marks the header row of the tables it pastes.
bool all_bold(pugi::xml_node cell) {
    bool any = false;
    for (pugi::xpath_node x : cell.select_nodes(".//text()")) {
        const pugi::xml_node t = x.node();
        if (visible_length(to_u32(t.value())) == 0) continue;
        bool bold = false;
        for (pugi::xml_node p = t.parent(); p && !bold; p = p.parent()) {
            bold = p.name() == std::string_view("th") || is_bold(p);
            if (p == cell) break;
        }
        if (!bold) return false;
        any = true;
    }
    return any;
}

struct Shape {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::size_t cells = 0;   // with text
    std::size_t labels = 0;  // 索引号, 发布机构, …
    std::size_t numbers = 0;
    std::size_t long_cells = 0;  // more than a paragraph
    std::size_t boxes = 0;       // holding divs, lists, forms, headings: page layout
};

Shape shape_of(pugi::xml_node table) {
    Shape s;
    const std::vector<pugi::xml_node> rows = table_rows(table);
    s.rows = rows.size();
    for (pugi::xml_node row : rows) {
        std::size_t columns = 0;
        for (pugi::xml_node cell : row_cells(row)) {
            columns += static_cast<std::size_t>(span_attribute(cell, "colspan", 1, 1000));
            const std::u32string text = squeezed(visible_text(cell, 301));
            if (text.empty()) continue;
            ++s.cells;
            if (is_metadata_label(text)) ++s.labels;
            if (numeric(text)) ++s.numbers;
            if (text.size() > 300) ++s.long_cells;
            if (cell.select_node(".//div|.//ul|.//ol|.//form|.//h1|.//h2|.//h3|.//section|.//article")) ++s.boxes;
        }
        s.columns = std::max(s.columns, columns);
    }
    return s;
}

}  // namespace

std::vector<pugi::xml_node> table_rows(pugi::xml_node table) {
    std::vector<pugi::xml_node> rows;
    for (pugi::xml_node c = table.first_child(); c; c = c.next_sibling()) {
        if (named(c, "tr")) rows.push_back(c);
        if (named(c, "thead") || named(c, "tbody") || named(c, "tfoot"))
            for (pugi::xml_node r = c.first_child(); r; r = r.next_sibling())
                if (named(r, "tr")) rows.push_back(r);
    }
    return rows;
}

bool is_metadata_label(std::u32string_view text) {
    static constexpr std::array<std::u32string_view, 38> kLabels{
        U"索引号",   U"信息索引号", U"发布机构", U"发文机关", U"发布单位", U"生成日期", U"成文日期", U"发文日期",
        U"发布日期", U"公开日期",   U"印发日期", U"文号",     U"发文字号", U"主题分类", U"组配分类", U"体裁分类",
        U"信息分类", U"内容分类",   U"组织分类", U"服务对象", U"名称",     U"标题",     U"信息名称", U"文件名称",
        U"关键词",   U"主题词",     U"关键字",   U"有效性",   U"效力状态", U"时效性",   U"公开方式", U"公开范围",
        U"公开形式", U"公开时限",   U"所属栏目", U"内容概述", U"实施日期", U"废止日期"};
    std::u32string s;
    for (char32_t cp : fold(text))
        if (!is_space(cp)) s.push_back(cp);
    while (!s.empty() && s.back() == ':') s.pop_back();
    return std::find(kLabels.begin(), kLabels.end(), s) != kLabels.end();
}

TableKind classify_table(const Page& page, const Analysis& analysis, pugi::xml_node table) {
    (void)page;
    const std::string_view role = table.attribute("role").value();
    if (role == "presentation" || role == "none" || std::string_view(table.attribute("datatable").value()) == "0")
        return TableKind::layout;
    // A table holding tables is a frame (checked first: reading the shape of every level of
    // nested tables would be quadratic).
    const std::size_t id = analysis.id(table);
    if (id != Analysis::npos ? analysis.stats[id].tables > 0 : static_cast<bool>(table.select_node(".//table")))
        return TableKind::layout;
    const Shape s = shape_of(table);
    if (s.labels >= 2 && s.labels * 4 >= s.cells) return TableKind::index;
    if (analysis.best && analysis.best != table && analysis.inside(analysis.best, table)) return TableKind::layout;
    if (s.rows <= 1 || s.columns <= 1 || s.long_cells > 0 || s.boxes * 2 > s.cells) return TableKind::layout;
    if (table.child("caption") || table.child("thead") || table.child("colgroup") || table.child("col") ||
        table.attribute("summary") || table.select_node(".//th"))
        return TableKind::data;
    if (s.rows >= 10 || s.columns > 4 || s.rows * s.columns > 10) return TableKind::data;
    if (s.cells > 0 && s.numbers * 4 >= s.cells) return TableKind::data;
    return TableKind::layout;
}

namespace {

TableCell cell_of(const Page& page, const Analysis& analysis, pugi::xml_node cell) {
    TableCell c;
    const LineBuilder text = inline_text(page, analysis, cell);
    const std::u32string& t = text.text();
    std::size_t b = 0;
    std::size_t e = t.size();
    while (b < e && is_space(t[b])) ++b;
    while (e > b && is_space(t[e - 1])) --e;
    c.text = to_utf8(std::u32string_view(t).substr(b, e - b));
    if (b < e) {
        c.span = Span{text.origins()[b], text.origins()[e - 1] + 1u};
    } else {
        const Span whole = page.span_of(cell);
        c.span = Span{whole.start, whole.start};
    }
    c.header = named(cell, "th");
    return c;
}

}  // namespace

Block table_block(const Page& page, const Analysis& analysis, pugi::xml_node table) {
    Block b;
    b.kind = BlockKind::table;
    b.span = page.span_of(table);
    const std::vector<pugi::xml_node> rows = table_rows(table);
    bool leading = true;  // header rows are the ones at the top
    for (std::size_t r = 0; r < rows.size(); ++r) {
        TableRow row;
        const bool in_head = named(rows[r].parent(), "thead");
        bool all_th = true;
        for (pugi::xml_node cell : row_cells(rows[r])) {
            TableCell c = cell_of(page, analysis, cell);
            const int remaining = static_cast<int>(rows.size() - r);
            c.col_span = std::max(1, span_attribute(cell, "colspan", 1, 1000));
            const int row_span = span_attribute(cell, "rowspan", 1, 65534);
            c.row_span = std::clamp(row_span == 0 ? remaining : row_span, 1, remaining);
            all_th = all_th && c.header;
            row.cells.push_back(std::move(c));
        }
        if (row.cells.empty()) continue;
        row.header = leading && (in_head || all_th);
        leading = row.header;
        if (row.header)
            for (TableCell& c : row.cells) c.header = true;
        b.rows.push_back(std::move(row));
    }
    // Without th or thead, the leading rows that are bold throughout are the header (Word).
    const bool has_header = !b.rows.empty() && b.rows.front().header;
    std::size_t r = 0;
    for (pugi::xml_node row : rows) {
        if (has_header || r + 1 >= b.rows.size()) break;
        const std::vector<pugi::xml_node> cells = row_cells(row);
        if (cells.empty()) continue;
        bool bold = false;
        for (pugi::xml_node cell : cells) {
            if (visible_text(cell, 1).empty()) continue;
            if (!all_bold(cell)) {
                bold = false;
                break;
            }
            bold = true;
        }
        if (!bold) break;
        b.rows[r].header = true;
        for (TableCell& c : b.rows[r].cells) c.header = true;
        ++r;
    }
    return b;
}

void index_lines(const Page& page, const Analysis& analysis, pugi::xml_node table, std::vector<RawBlock>& out) {
    for (pugi::xml_node row : table_rows(table)) {
        const std::vector<pugi::xml_node> cells = row_cells(row);
        for (std::size_t k = 0; k < cells.size(); ++k) {
            const LineBuilder label = inline_text(page, analysis, cells[k]);
            if (label.empty()) continue;
            if (!is_metadata_label(label.text())) {
                // "索引号：…" in one cell.
                const std::u32string folded = fold(label.text());
                const std::size_t colon = folded.find(':');
                if (colon != std::u32string::npos && is_metadata_label(std::u32string_view(folded).substr(0, colon)))
                    out.push_back(labelled_line(label, LineBuilder{}));
                continue;
            }
            LineBuilder value;
            if (k + 1 < cells.size()) {
                LineBuilder next = inline_text(page, analysis, cells[k + 1]);
                if (!is_metadata_label(next.text())) value = std::move(next), ++k;
            }
            if (visible_length(value.text()) > 0) out.push_back(labelled_line(label, value));
        }
    }
}

}  // namespace gongwen::html
