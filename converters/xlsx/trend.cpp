// 趋势: an organisation's reports of several years side by side — the template cells of its
// GIS reports and the catalog's indicators — with the change from year to year and a line chart
// of the key figures. Which reports are one organisation's is the model's answer
// (Description::organisation_key); the year is Description::report_year.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "converters/xlsx/sheets.hpp"
#include "gongwen/decimal.hpp"

namespace gongwen::xlsx {

namespace {

constexpr lxw_col_t kFirstYearCol = 3;  // 指标 编号 单位, then the years
constexpr lxw_row_t kChartRows = 19;    // a block is at least as tall as its chart
constexpr std::size_t kCatalogSeries = 5;

struct TrendValue {
    std::string value;  // exact decimal, in the row's unit
    lxw_row_t fact_row = 0;
};

struct TrendRow {
    std::string label;
    std::string id;
    std::string unit;
    std::vector<std::optional<TrendValue>> values;  // by the block's reports
    bool key = false;                               // charted
};

// The figures every organisation's chart shows, with the short names its legend gives them:
// applications received and disclosed, reviews, suits, normative documents in force (all 件).
const std::vector<std::pair<std::string, std::string>> kKeyFigures = {
    {"gis.t3.new.total", "新收申请"},
    {"gis.t3.disclosed.total", "予以公开"},
    {"gis.t4.review.total", "行政复议"},
    {"gis.t4.suit_direct.total", "行政诉讼（直接起诉）"},
    {"gis.t4.suit_after_review.total", "行政诉讼（复议后起诉）"},
    {"gis.t2.normative.in_force", "现行有效规范性文件"}};

std::string key_figure_name(const std::string& id) {
    for (const auto& [key, name] : kKeyFigures)
        if (key == id) return name;
    return {};
}

std::size_t filled(const TrendRow& row) {
    return static_cast<std::size_t>(
        std::count_if(row.values.begin(), row.values.end(), [](const auto& v) { return v.has_value(); }));
}

// The template cells (facts whose indicator is a gis.* id), in the order the first report of
// the block that states them gives, then the catalog's indicators with a value.
std::vector<TrendRow> trend_rows(const TrendBlock& block, const std::vector<ReportEntry>& reports, const FactRows& rows,
                                 const Catalog& catalog) {
    std::vector<TrendRow> out;
    std::map<std::string, std::size_t> gis_rows;
    const std::size_t n = block.reports.size();
    for (std::size_t j = 0; j < n; ++j) {
        const std::size_t r = block.reports[j];
        const ReportEntry& e = reports[r];
        for (std::size_t i = 0; i < e.facts.size(); ++i) {
            const Fact& f = e.facts[i];
            if (f.indicator.rfind("gis.", 0) != 0) continue;
            auto [it, added] = gis_rows.emplace(f.indicator, out.size());
            if (added) {
                TrendRow row;
                row.id = f.indicator;
                row.unit = gis_cell_unit(f.indicator);
                row.values.resize(n);
                out.push_back(std::move(row));
            }
            TrendRow& row = out[it->second];
            if (row.values[j]) continue;  // the first statement of the cell
            row.values[j] = TrendValue{in_unit(f, row.unit), i < rows[r].size() ? rows[r][i] : 0};
        }
    }
    for (TrendRow& row : out) row.label = gis_cell_label(row.id);
    // The template's order, not the order the cells were first seen in.
    std::stable_sort(out.begin(), out.end(),
                     [](const TrendRow& a, const TrendRow& b) { return gis_cell_order(a.id) < gis_cell_order(b.id); });
    const std::size_t gis_end = out.size();
    for (std::size_t k = 0; k < catalog.indicators.size(); ++k) {
        const Indicator& ind = catalog.indicators[k];
        TrendRow row;
        row.label = ind.label;
        row.id = ind.id;
        row.unit = display_unit(ind);
        row.values.resize(n);
        const int power = unit_power(row.unit);
        for (std::size_t j = 0; j < n; ++j) {
            const std::size_t r = block.reports[j];
            const ReportEntry& e = reports[r];
            if (k >= e.summary.values.size() || !e.summary.values[k]) continue;
            const IndicatorValue& v = *e.summary.values[k];
            const lxw_row_t target =
                v.facts.empty() || v.facts.front() >= rows[r].size() ? 0 : rows[r][v.facts.front()];
            row.values[j] = TrendValue{shift_decimal(v.value, -power), target};
        }
        if (filled(row) > 0) out.push_back(std::move(row));
    }
    // The chart: the key figures the block states; without any, the catalog's indicators stated
    // in two years or more, in the unit most of them share (one unit on the axis).
    bool any_key = false;
    for (std::size_t i = 0; i < gis_end; ++i)
        if (!key_figure_name(out[i].id).empty()) out[i].key = any_key = true;
    if (!any_key) {
        std::map<std::string, std::size_t> units;
        for (std::size_t i = gis_end; i < out.size(); ++i)
            if (filled(out[i]) >= 2) ++units[out[i].unit];
        std::string unit;
        std::size_t most = 0;
        for (const auto& [u, count] : units)
            if (count > most) unit = u, most = count;
        std::size_t charted = 0;
        for (std::size_t i = gis_end; i < out.size() && charted < kCatalogSeries; ++i)
            if (most > 0 && filled(out[i]) >= 2 && out[i].unit == unit) out[i].key = true, ++charted;
    }
    return out;
}

double as_double(const std::string& exact) { return std::strtod(exact.c_str(), nullptr); }

}  // namespace

std::vector<TrendBlock> trend_blocks(const std::vector<ReportEntry>& reports) {
    std::map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t r = 0; r < reports.size(); ++r) {
        const Description& d = reports[r].description;
        if (!d.organisation_key.empty() && !d.report_year.empty()) by_key[d.organisation_key].push_back(r);
    }
    std::vector<TrendBlock> out;
    for (auto& [key, members] : by_key) {
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            const Description& x = reports[a].description;
            const Description& y = reports[b].description;
            if (x.report_year != y.report_year) return x.report_year < y.report_year;
            return reports[a].source.name < reports[b].source.name;
        });
        std::set<std::string> years;
        for (std::size_t r : members) years.insert(reports[r].description.report_year);
        if (years.size() >= 2) out.push_back(TrendBlock{key, members});
    }
    return out;
}

void write_trends(Workbook& book, Sheet& s, const std::vector<TrendBlock>& blocks,
                  const std::vector<ReportEntry>& reports, const FactRows& rows, const Catalog& catalog) {
    lxw_format* header = book.format("header");
    lxw_row_t row = 0;
    worksheet_set_landscape(s.get());
    worksheet_fit_to_pages(s.get(), 1, 0);  // printed: a block's years, changes and chart side by side
    s.set_width(0, 44);
    s.set_width(1, 26, book.format("id"));
    s.set_width(2, 6);
    for (const TrendBlock& block : blocks) {
        const std::size_t n = block.reports.size();
        const std::vector<TrendRow> trend = trend_rows(block, reports, rows, catalog);
        const std::string& first_year = reports[block.reports.front()].description.report_year;
        const std::string& last_year = reports[block.reports.back()].description.report_year;
        const lxw_row_t top = row;
        s.text(row++, 0, block.key + "：" + first_year + "—" + last_year + "年", book.format("title"), false);
        // The header: the years, then the change from each to the next.
        const lxw_row_t year_row = row;
        s.text(row, 0, "指标", header, false);
        s.text(row, 1, "编号", header, false);
        s.text(row, 2, "单位", header, false);
        std::map<std::string, std::size_t> per_year;
        for (std::size_t r : block.reports) ++per_year[reports[r].description.report_year];
        std::vector<std::string> years;
        for (std::size_t j = 0; j < n; ++j) {
            const ReportEntry& e = reports[block.reports[j]];
            std::string year = e.description.report_year;
            if (per_year[year] > 1) year += "（" + e.source.name + "）";  // two reports of one year: both shown
            years.push_back(year);
            s.text(row, static_cast<lxw_col_t>(kFirstYearCol + j), year, header);
        }
        const auto change_col = [&](std::size_t j, bool percent) {
            return static_cast<lxw_col_t>(kFirstYearCol + n + 2 * j + (percent ? 1 : 0));
        };
        for (std::size_t j = 0; j + 1 < n; ++j) {
            s.text(row, change_col(j, false), "变化 " + years[j] + "→" + years[j + 1], header);
            s.text(row, change_col(j, true), "变化率 " + years[j] + "→" + years[j + 1], header);
        }
        ++row;
        s.text(row, 0, "报告机关（报告所写）", header, false);
        for (std::size_t j = 0; j < n; ++j)
            s.text(row, static_cast<lxw_col_t>(kFirstYearCol + j), reports[block.reports[j]].description.organisation,
                   book.format("wrap"), false);
        ++row;
        std::vector<std::pair<lxw_row_t, std::string>> key_rows;  // charted, with their legend names
        for (const TrendRow& t : trend) {
            if (row >= kMaxRows - 1) break;
            s.text(row, 0, t.label, nullptr, false);
            s.text(row, 1, t.id, book.format("id"), false);
            s.text(row, 2, t.unit, nullptr, false);
            for (std::size_t j = 0; j < n; ++j) {
                if (!t.values[j]) continue;
                const auto col = static_cast<lxw_col_t>(kFirstYearCol + j);
                if (t.values[j]->fact_row > 0) s.link(row, col, kFactsSheet, t.values[j]->fact_row);
                s.decimal(row, col, t.values[j]->value, book.number_format("General"));
            }
            const std::string r1 = std::to_string(row + 1);
            for (std::size_t j = 0; j + 1 < n; ++j) {
                if (!t.values[j] || !t.values[j + 1]) continue;
                const std::string before = column_name(static_cast<lxw_col_t>(kFirstYearCol + j)) + r1;
                const std::string after = column_name(static_cast<lxw_col_t>(kFirstYearCol + j + 1)) + r1;
                const double a = as_double(t.values[j]->value);
                const double b = as_double(t.values[j + 1]->value);
                s.formula(row, change_col(j, false), "=" + after + "-" + before, b - a, book.format("change"));
                if (a != 0)
                    s.formula(row, change_col(j, true), "=(" + after + "-" + before + ")/" + before, (b - a) / a,
                              book.format("change_percent"));
            }
            if (t.key) key_rows.emplace_back(row, key_figure_name(t.id));
            ++row;
        }
        if (!key_rows.empty()) {
            lxw_chart* chart = workbook_add_chart(book.get(), LXW_CHART_LINE);
            for (const auto& [k, name] : key_rows) {
                lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
                chart_series_set_categories(series, s.name().c_str(), year_row, kFirstYearCol, year_row,
                                            static_cast<lxw_col_t>(kFirstYearCol + n - 1));
                chart_series_set_values(series, s.name().c_str(), k, kFirstYearCol, k,
                                        static_cast<lxw_col_t>(kFirstYearCol + n - 1));
                if (name.empty())
                    chart_series_set_name_range(series, s.name().c_str(), k, 0);
                else
                    chart_series_set_name(series, name.c_str());
                chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
            }
            const std::string title = block.key + " 主要数字";
            chart_title_set_name(chart, title.c_str());
            for (const TrendRow& t : trend)  // the charted rows share one unit
                if (t.key && !t.unit.empty()) {
                    chart_axis_set_name(chart->y_axis, t.unit.c_str());
                    break;
                }
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            lxw_chart_options options{};
            options.x_scale = 1.3;
            options.y_scale = 1.2;
            check(worksheet_insert_chart_opt(s.get(), top, static_cast<lxw_col_t>(change_col(n - 1, false) + 1), chart,
                                             &options),
                  "cannot place a chart");
        }
        row = std::max<lxw_row_t>(row, top + kChartRows) + 1;
        for (std::size_t j = 0; j < n; ++j) s.set_width(static_cast<lxw_col_t>(kFirstYearCol + j), 14);
        for (std::size_t j = 0; j + 1 < n; ++j) {
            s.set_width(change_col(j, false), 14);
            s.set_width(change_col(j, true), 14);
        }
    }
}

}  // namespace gongwen::xlsx
