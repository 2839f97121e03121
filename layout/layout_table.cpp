// Ruled tables on the grid: every text line of a cell takes one grid line, so a table paginates
// like the text around it and may split between rows, its header rows repeated on each page.
#include <algorithm>
#include <numeric>
#include <set>

#include "gongwen/unicode.hpp"
#include "layout/layout_internal.hpp"

namespace gongwen::layout {

namespace {

constexpr double kPadding = 0.5;  // em of table text on each side of a cell's text
constexpr double kMinColumn = 2.0;

struct GridCell {
    const TableCell* cell;
    std::size_t row, col, rows, cols;
};

// Cells at their grid positions, as HTML places them: each cell takes the first free column.
std::vector<GridCell> place_cells(const Block& table, std::size_t& columns) {
    std::vector<GridCell> cells;
    std::vector<std::vector<bool>> taken(table.rows.size());
    columns = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::size_t c = 0;
        for (const TableCell& cell : table.rows[r].cells) {
            while (c < taken[r].size() && taken[r][c]) ++c;
            const std::size_t rows = std::min<std::size_t>(std::max(cell.row_span, 1), table.rows.size() - r);
            const std::size_t cols = static_cast<std::size_t>(std::max(cell.col_span, 1));
            for (std::size_t dr = 0; dr < rows; ++dr) {
                std::vector<bool>& t = taken[r + dr];
                if (t.size() < c + cols) t.resize(c + cols, false);
                for (std::size_t dc = 0; dc < cols; ++dc) t[c + dc] = true;
            }
            cells.push_back(GridCell{&cell, r, c, rows, cols});
            columns = std::max(columns, c + cols);
            c += cols;
        }
    }
    return cells;
}

// Column widths in em of table text filling the type area, as HTML's automatic table layout
// does it: every column gets at least its minimum (its longest unbreakable run, and never less
// than four characters unless its text is shorter), and what is left goes to the columns in
// proportion to how much more their text would take on one line.
std::vector<double> column_widths(const std::vector<GridCell>& cells, std::size_t columns, Shaper& shaper,
                                  double total) {
    std::vector<double> natural(columns, kMinColumn), least(columns, kMinColumn);
    // Single-column cells first; a spanning cell then widens its columns evenly by what they
    // still lack for it.
    std::vector<const GridCell*> order;
    for (const GridCell& g : cells) order.push_back(&g);
    std::stable_sort(order.begin(), order.end(),
                     [](const GridCell* a, const GridCell* b) { return a->cols < b->cols; });
    for (const GridCell* g : order) {
        const Shaper::Shaped s = shaper.shape(to_u32(g->cell->text), Role::table, false);
        const std::vector<bool> breaks = break_opportunities(s.text);
        double width = 0, run = 0, longest = 0;
        for (std::size_t i = 0; i < s.text.size(); ++i) {
            if (breaks[i]) run = 0;
            run += s.widths[i], width += s.widths[i];
            longest = std::max(longest, run);
        }
        const auto widen = [&](std::vector<double>& w, double need) {
            const auto first = w.begin() + static_cast<long>(g->col), last = first + static_cast<long>(g->cols);
            const double lack = need - std::accumulate(first, last, 0.0);
            if (lack > 0) std::for_each(first, last, [&](double& x) { x += lack / static_cast<double>(g->cols); });
        };
        widen(natural, width + 2 * kPadding);
        widen(least, std::min(width, std::max(longest, 4.0)) + 2 * kPadding);
    }
    const double sum_natural = std::accumulate(natural.begin(), natural.end(), 0.0);
    const double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
    std::vector<double> widths(columns, 0);
    for (std::size_t c = 0; c < columns; ++c) {
        if (sum_natural <= total)
            widths[c] = natural[c] * total / sum_natural;
        else if (sum_least >= total)
            widths[c] = least[c] * total / sum_least;
        else
            widths[c] = least[c] + (natural[c] - least[c]) * (total - sum_least) / (sum_natural - sum_least);
    }
    return widths;
}

struct CellText {
    std::vector<FlowLine> lines;
    std::size_t first_line = 0;  // of the cell's rows, in the table's grid lines
    std::size_t line_count = 0;  // grid lines the cell spans
    double x0 = 0, x1 = 0;
};

// The rows [begin, end) as grid lines: rules at cell edges, each cell's text centred vertically.
Chunk rows_chunk(const std::vector<CellText*>& cells, std::size_t begin_line, std::size_t end_line, double x0,
                 double x1, bool first, bool last, int rows) {
    Chunk chunk;
    chunk.keep_together = true;
    const double pitch = geometry::line_pitch;
    const double dy = (pitch - geometry::table_size) / 2;
    for (std::size_t j = begin_line; j < end_line; ++j) {
        FlowLine& line = chunk.lines.emplace_back();
        FlowLine::TableEdges edges{x0, x1, {}, {}, first && j == begin_line, last && j + 1 == end_line};
        line.rows = rows;
        std::set<double> verticals;
        for (std::size_t cell = 0; cell < cells.size(); ++cell) {
            const CellText* c = cells[cell];
            if (j < c->first_line || j >= c->first_line + c->line_count) continue;
            verticals.insert(c->x0), verticals.insert(c->x1);
            if (j == c->first_line) edges.top.emplace_back(c->x0, c->x1);
            if (j + 1 == c->first_line + c->line_count) edges.bottom.emplace_back(c->x0, c->x1);
            // Centred vertically: a cell with one line fewer than its row starts half a line lower.
            const std::size_t spare = c->line_count - std::min(c->line_count, c->lines.size());
            const std::size_t text_top = c->first_line + spare / 2;
            const double shift = dy + (spare % 2 ? pitch / 2 : 0);
            if (j >= text_top && j - text_top < c->lines.size()) {
                for (TextRun run : c->lines[j - text_top].runs) {
                    for (PlacedGlyph& g : run.glyphs) g.y += shift;
                    line.runs.push_back(std::move(run));
                    line.run_cell.push_back(static_cast<int>(cell));
                }
                for (Box b : c->lines[j - text_top].boxes) line.boxes.push_back({b.x, b.y + shift, b.w, b.h, b.tag});
            }
        }
        for (double x : verticals) line.strokes.push_back(Stroke{x, 0, x, pitch, {}});
        line.table = std::move(edges);
    }
    return chunk;
}

}  // namespace

std::vector<Chunk> table_chunks(const Block& table, int table_id, Shaper& shaper) {
    std::size_t columns = 0;
    const std::vector<GridCell> grid = place_cells(table, columns);
    if (grid.empty()) return {};
    const TextStyle style{Role::table, geometry::table_size, geometry::table_size};
    const TextStyle header_style{Role::heading1, geometry::table_size, geometry::table_size};
    const double total = geometry::width / style.em;
    const std::vector<double> widths = column_widths(grid, columns, shaper, total);
    std::vector<double> col_x(columns + 1, geometry::left);
    for (std::size_t c = 0; c < columns; ++c) col_x[c + 1] = col_x[c] + widths[c] * style.em;

    // Each cell's text broken to its width; each row as tall as its tallest single-row cell.
    std::vector<CellText> texts(grid.size());
    const int block = shaper.tag().block;
    std::vector<std::size_t> row_lines(table.rows.size(), 1);
    for (std::size_t i = 0; i < grid.size(); ++i) {
        const GridCell& g = grid[i];
        CellText& t = texts[i];
        t.x0 = col_x[g.col], t.x1 = col_x[g.col + g.cols];
        const double inner = (t.x1 - t.x0) / style.em - 2 * kPadding;
        const bool header = g.cell->header || table.rows[g.row].header;
        const TextStyle& s = header ? header_style : style;
        shaper.set_tag(Tag{Tag::Part::cell, block, static_cast<int>(i)});
        t.lines =
            shaper.paragraph(to_u32(g.cell->text), s, t.x0 + kPadding * style.em, inner, 0, 0, Align::center_single);
        if (g.rows == 1) row_lines[g.row] = std::max(row_lines[g.row], std::max<std::size_t>(t.lines.size(), 1));
    }
    for (std::size_t i = 0; i < grid.size(); ++i) {  // spanning cells stretch their last row
        const GridCell& g = grid[i];
        const std::size_t have = std::accumulate(row_lines.begin() + static_cast<long>(g.row),
                                                 row_lines.begin() + static_cast<long>(g.row + g.rows), std::size_t{0});
        if (have < texts[i].lines.size()) row_lines[g.row + g.rows - 1] += texts[i].lines.size() - have;
    }
    shaper.set_tag(Tag{Tag::Part::text, block, -1});
    std::vector<std::size_t> row_start(table.rows.size() + 1, 0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) row_start[r + 1] = row_start[r] + row_lines[r];
    for (std::size_t i = 0; i < grid.size(); ++i) {
        texts[i].first_line = row_start[grid[i].row];
        texts[i].line_count = row_start[grid[i].row + grid[i].rows] - texts[i].first_line;
    }

    // Rows that row spans tie together paginate as one; leading header rows form the header.
    std::vector<std::size_t> group_end(table.rows.size(), 0);
    for (const GridCell& g : grid) group_end[g.row] = std::max(group_end[g.row], g.row + g.rows);
    std::size_t header_rows = 0;
    while (header_rows < table.rows.size() && table.rows[header_rows].header) ++header_rows;
    std::vector<Chunk> chunks;
    for (std::size_t r = 0; r < table.rows.size();) {
        std::size_t end = std::max(r + 1, group_end[r]);
        for (std::size_t k = r; k < end; ++k) end = std::max(end, group_end[k]);
        if (r == 0 && header_rows > 0) end = std::max(end, header_rows);
        std::vector<CellText*> cells;
        for (std::size_t i = 0; i < grid.size(); ++i)
            if (grid[i].row >= r && grid[i].row < end) cells.push_back(&texts[i]);
        Chunk chunk = rows_chunk(cells, row_start[r], row_start[end], col_x.front(), col_x.back(), r == 0,
                                 end == table.rows.size(), table_id * 1'000'000 + static_cast<int>(r));
        chunk.table = table_id;
        chunk.table_header = r == 0 && header_rows > 0;
        chunk.keep_with_next = chunk.table_header;  // a header never ends a page alone
        chunks.push_back(std::move(chunk));
        r = end;
    }
    return chunks;
}

TaggedBlock tagged_table(const Block& table) {
    TaggedBlock t;
    t.kind = table.kind;
    std::size_t columns = 0;
    for (const GridCell& g : place_cells(table, columns))
        t.cells.push_back(TaggedCell{static_cast<int>(g.row), static_cast<int>(g.col), static_cast<int>(g.rows),
                                     static_cast<int>(g.cols), g.cell->header || table.rows[g.row].header});
    t.rows = static_cast<int>(table.rows.size());
    t.columns = static_cast<int>(columns);
    while (t.header_rows < t.rows && table.rows[static_cast<std::size_t>(t.header_rows)].header) ++t.header_rows;
    return t;
}

}  // namespace gongwen::layout
