// The summary workbook: 汇总, 事实, 文档, 指标 and the chart sheet 图表.
#include "gongwen/xlsx.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>

#include "converters/xlsx/sheets.hpp"
#include "gongwen/decimal.hpp"
#include "gongwen/facts.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace xlsx {

int unit_power(const std::string& unit) {
    const std::u32string u = to_u32(unit);
    if (u.size() < 2) return 0;
    switch (u[0]) {
        case U'万': return 4;
        case U'亿': return 8;
        case U'千': return 3;
        case U'百': return 2;
        default: return 0;
    }
}

std::string in_unit(const Fact& f, const std::string& unit) {
    return shift_decimal(f.value, unit_power(f.counting_unit()) - unit_power(unit));
}

std::string display_unit(const Indicator& ind) { return ind.units.empty() ? std::string() : ind.units.front(); }

}  // namespace xlsx

namespace {

using xlsx::Sheet;
using xlsx::Workbook;

constexpr const char* kSummary = "汇总";
constexpr const char* kFacts = xlsx::kFactsSheet;
constexpr const char* kDocuments = "文档";
constexpr const char* kCatalog = "指标";
constexpr const char* kChart = "图表";
constexpr const char* kTrends = "趋势";
constexpr const char* kGis = "政府信息公开";

constexpr lxw_row_t kSummaryFirstRow = 3;    // group headers, ids and labels above
constexpr lxw_col_t kFirstIndicatorCol = 5;  // 文件 标题 发文机关 报告年度 文件日期
constexpr std::size_t kChartReports = 200;
constexpr std::size_t kChartSeries = 5;
constexpr std::size_t kNoteQuotes = 12;

using xlsx::display_unit;
using xlsx::FactRows;
using xlsx::unit_power;

bool is_suffix_qualifier(const std::string& q) {
    for (const char* s : {"余", "多", "以上", "以下", "以内", "左右", "上下"})
        if (q == s) return true;
    return false;
}

// A number format that shows the qualifier (7000余, 约200) and a range's top (2~3) around the
// number, so the cell keeps a number to add up and filter by.
std::string number_format_for(const IndicatorValue& v, int power) {
    std::string prefix;
    std::string suffix;
    if (!v.value_max.empty()) suffix = "~" + shift_decimal(v.value_max, -power);
    if (!v.qualifier.empty()) (is_suffix_qualifier(v.qualifier) ? suffix : prefix) += v.qualifier;
    if (prefix.empty() && suffix.empty()) return "General";
    return (prefix.empty() ? "" : "\"" + prefix + "\"") + "General" + (suffix.empty() ? "" : "\"" + suffix + "\"");
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

// --- 事实 --------------------------------------------------------------------------------

const std::vector<std::string> kFactColumns = {"报告",     "指标", "指标名称", "主语",   "数值",     "上限",
                                               "原文数量", "单位", "限定词",   "零陈述", "计入汇总", "引文",
                                               "所在章节", "段落", "起",       "止",     "引文起",   "引文止"};

void write_fact(Sheet& s, lxw_row_t row, const ReportEntry& r, std::size_t i, const Catalog& catalog) {
    const Fact& f = r.facts[i];
    lxw_col_t c = 0;
    s.text(row, c++, r.source.name);
    s.text(row, c++, f.indicator);
    std::string label;
    for (const Indicator& ind : catalog.indicators)
        if (ind.id == f.indicator) label = ind.label;
    s.text(row, c++, label);
    s.text(row, c++, f.subject);
    s.decimal(row, c++, f.value);
    if (!f.value_max.empty()) s.decimal(row, c, f.value_max);
    ++c;
    s.text(row, c++, f.value_text);
    s.text(row, c++, f.counting_unit());  // the column is summed and compared: the counting unit
    s.text(row, c++, f.qualifier);
    s.text(row, c++, f.zero ? "是" : "");
    s.text(row, c++, i < r.summary.uses.size() ? to_string(r.summary.uses[i]) : "");
    s.text(row, c++, f.quote, nullptr, false);
    s.text(row, c++, i < r.fact_sections.size() ? r.fact_sections[i] : "", nullptr, false);
    s.number(row, c++, static_cast<double>(f.block + 1));
    s.number(row, c++, static_cast<double>(f.span.start));
    s.number(row, c++, static_cast<double>(f.span.end));
    s.number(row, c++, static_cast<double>(f.quote_span.start));
    s.number(row, c++, static_cast<double>(f.quote_span.end));
}

FactRows write_facts(Workbook& book, Sheet& s, const std::vector<ReportEntry>& reports, const Catalog& catalog,
                     xlsx::Notes& notes) {
    for (lxw_col_t c = 0; c < kFactColumns.size(); ++c) s.text(0, c, kFactColumns[c], book.format("header"));
    FactRows rows(reports.size());
    lxw_row_t row = 1;
    for (std::size_t r = 0; r < reports.size(); ++r) {
        rows[r].assign(reports[r].facts.size(), 0);
        for (std::size_t i = 0; i < reports[r].facts.size(); ++i) {
            if (row >= xlsx::kMaxRows) {
                notes.add(std::string(kFacts) + "：超过 Excel 每表 1,048,576 行的上限，其余事实未写入");
                continue;
            }
            write_fact(s, row, reports[r], i, catalog);
            rows[r][i] = row++;
        }
    }
    worksheet_freeze_panes(s.get(), 1, 1);
    xlsx::check(worksheet_autofilter(s.get(), 0, 0, std::max<lxw_row_t>(row - 1, 1),
                                     static_cast<lxw_col_t>(kFactColumns.size() - 1)),
                "cannot set the filter");
    s.fit_columns(6, 40);
    s.set_width(11, 60, book.format("wrap"));  // 引文
    s.set_width(12, 36);                       // 所在章节
    return rows;
}

// --- 汇总 --------------------------------------------------------------------------------

// Row by row, as the workbook's constant-memory mode needs: a row is written out when the next
// one starts, so the merged ranges of row 0 come before the one that reaches into row 1.
void write_summary_headers(Workbook& book, Sheet& s, const Catalog& catalog) {
    lxw_format* group = book.format("group");
    lxw_format* header = book.format("header");
    for (std::size_t k = 0; k < catalog.indicators.size();) {
        std::size_t end = k;
        while (end < catalog.indicators.size() &&
               catalog.indicators[end].category_id == catalog.indicators[k].category_id)
            ++end;
        const auto first = static_cast<lxw_col_t>(kFirstIndicatorCol + k);
        const auto last = static_cast<lxw_col_t>(kFirstIndicatorCol + end - 1);
        const Indicator& ind = catalog.indicators[k];
        const std::string name = ind.category_id == ind.category ? ind.category : ind.category_id + " " + ind.category;
        if (first == last)
            s.text(0, first, name, group, false);
        else
            worksheet_merge_range(s.get(), 0, first, 0, last, name.c_str(), group);
        k = end;
    }
    worksheet_merge_range(s.get(), 0, 0, 1, kFirstIndicatorCol - 1, "报告", group);
    for (std::size_t k = 0; k < catalog.indicators.size(); ++k)
        s.text(1, static_cast<lxw_col_t>(kFirstIndicatorCol + k), catalog.indicators[k].id, book.format("id"), false);
    const char* columns[] = {"文件", "标题", "发文机关", "报告年度", "文件日期"};
    for (lxw_col_t c = 0; c < kFirstIndicatorCol; ++c) s.text(2, c, columns[c], header, false);
    for (std::size_t k = 0; k < catalog.indicators.size(); ++k) {
        const Indicator& ind = catalog.indicators[k];
        s.text(2, static_cast<lxw_col_t>(kFirstIndicatorCol + k), ind.label + "\n（" + display_unit(ind) + "）", header,
               false);
    }
    worksheet_set_row(s.get(), 2, 66, nullptr);
}

// The quotes behind a value, for its cell note.
std::string quotes_note(const ReportEntry& r, const IndicatorValue& v, const Indicator& ind) {
    std::string note = ind.label + "（" + to_string(ind.rule) + "）：";
    std::vector<std::string> seen;
    std::size_t shown = 0;
    for (std::size_t i : v.facts) {
        const Fact& f = r.facts[i];
        if (std::find(seen.begin(), seen.end(), f.quote) != seen.end()) continue;
        seen.push_back(f.quote);
        if (++shown > kNoteQuotes) {
            note += "\n……";
            break;
        }
        note += "\n「" + f.quote + "」";
    }
    return note;
}

void write_report_row(Workbook& book, Sheet& s, lxw_row_t row, const ReportEntry& r,
                      const std::vector<lxw_row_t>& fact_rows, const Catalog& catalog) {
    s.text(row, 0, r.source.name);
    const Description& d = r.description;
    s.text(row, 1, d.title);
    s.text(row, 2, d.issuer);
    if (!d.report_year.empty()) s.decimal(row, 3, d.report_year);
    if (!d.date.empty()) s.date(row, 4, d.date, book.format("date"));
    for (std::size_t k = 0; k < catalog.indicators.size() && k < r.summary.values.size(); ++k) {
        const std::optional<IndicatorValue>& v = r.summary.values[k];
        if (!v) continue;
        const Indicator& ind = catalog.indicators[k];
        const auto col = static_cast<lxw_col_t>(kFirstIndicatorCol + k);
        const int power = unit_power(display_unit(ind));
        const lxw_row_t target =
            v->facts.empty() || v->facts.front() >= fact_rows.size() ? 0 : fact_rows[v->facts.front()];
        if (target > 0) s.link(row, col, kFacts, target);
        s.decimal(row, col, shift_decimal(v->value, -power), book.number_format(number_format_for(*v, power)));
        s.note(row, col, quotes_note(r, *v, ind));
    }
}

// 合计: SUM of each indicator column (AVERAGE for percentages), with the exact result cached
// so that readers that do not calculate still show it.
void write_totals(Workbook& book, Sheet& s, lxw_row_t row, const std::vector<ReportEntry>& reports, std::size_t written,
                  const Catalog& catalog) {
    lxw_format* total = book.format("total");
    s.text(row, 0, "合计（百分比为平均）", total, false);
    for (std::size_t k = 0; k < catalog.indicators.size(); ++k) {
        const Indicator& ind = catalog.indicators[k];
        const int power = unit_power(display_unit(ind));
        std::string sum = "0";
        std::size_t filled = 0;
        for (std::size_t r = 0; r < written; ++r)
            if (k < reports[r].summary.values.size() && reports[r].summary.values[k]) {
                sum = add_decimals(sum, shift_decimal(reports[r].summary.values[k]->value, -power));
                ++filled;
            }
        const bool percent = display_unit(ind) == "%";
        const std::string column = xlsx::column_name(static_cast<lxw_col_t>(kFirstIndicatorCol + k));
        const std::string range = column + std::to_string(kSummaryFirstRow + 1) + ":" + column + std::to_string(row);
        double cached = std::strtod(sum.c_str(), nullptr);
        if (percent) cached = filled == 0 ? 0 : cached / static_cast<double>(filled);
        const std::string formula =
            percent ? "=IF(COUNT(" + range + ")=0,0,AVERAGE(" + range + "))" : "=SUM(" + range + ")";
        s.formula(row, static_cast<lxw_col_t>(kFirstIndicatorCol + k), formula, cached, total);
    }
}

void write_summary(Workbook& book, Sheet& s, const std::vector<ReportEntry>& reports, const FactRows& rows,
                   const Catalog& catalog, xlsx::Notes& notes) {
    write_summary_headers(book, s, catalog);
    std::size_t written = 0;
    for (; written < reports.size(); ++written) {
        if (kSummaryFirstRow + written + 1 >= xlsx::kMaxRows) {
            notes.add(std::string(kSummary) + "：超过 Excel 每表 1,048,576 行的上限，其余报告未写入");
            break;
        }
        write_report_row(book, s, static_cast<lxw_row_t>(kSummaryFirstRow + written), reports[written], rows[written],
                         catalog);
    }
    const auto last = static_cast<lxw_row_t>(kSummaryFirstRow + written);
    const auto last_col = static_cast<lxw_col_t>(kFirstIndicatorCol + catalog.indicators.size() - 1);
    // Before the totals row: in constant-memory mode a range may not end above the row in hand.
    xlsx::check(worksheet_autofilter(s.get(), 2, 0, std::max<lxw_row_t>(last - 1, 2), last_col),
                "cannot set the filter");
    write_totals(book, s, last, reports, written, catalog);
    worksheet_freeze_panes(s.get(), kSummaryFirstRow, 2);
    worksheet_set_landscape(s.get());
    worksheet_fit_to_pages(s.get(), 1, 0);  // printed: all columns on the page width
    worksheet_repeat_rows(s.get(), 0, kSummaryFirstRow - 1);
    s.fit_columns(8, 50);
    s.set_width(3, 7);
    s.set_width(4, 11);
    for (lxw_col_t c = kFirstIndicatorCol; c <= last_col; ++c) s.set_width(c, 15);
}

// --- 文档 ----------------------------------------------------------------------------------

const std::vector<std::string> kDocumentColumns = {
    "文件",     "状态",    "标题",   "标题为推断", "发文机关",     "报告年度", "发布日期",
    "成文日期", "文号",    "索引号", "发布机构",   "来源",         "字符集",   "字符集为检测",
    "字节数",   "SHA-256", "段落数", "事实数",     "已归类事实数", "诊断",     "错误"};

std::string diagnostics_text(const std::vector<Diagnostic>& ds) {
    std::vector<std::string> parts;
    for (const Diagnostic& d : ds) parts.push_back(d.kind + " ×" + std::to_string(d.count));
    return join(parts, "；");
}

void write_document_row(Workbook& book, Sheet& s, lxw_row_t row, const ReportEntry& r) {
    const Metadata& m = r.metadata;
    lxw_col_t c = 0;
    s.text(row, c++, r.source.name);
    s.text(row, c++, "已读");
    const Description& d = r.description;
    s.text(row, c++, d.title);
    s.text(row, c++, m.title.present() ? (m.title.inferred ? "是" : "否") : "");
    s.text(row, c++, d.issuer);
    if (!d.report_year.empty()) s.decimal(row, c, d.report_year);
    ++c;
    if (m.published.present()) s.date(row, c, m.published.value, book.format("date"));
    ++c;
    if (m.signed_date.present()) s.date(row, c, m.signed_date.value, book.format("date"));
    ++c;
    s.text(row, c++, m.document_number.value);
    s.text(row, c++, m.index_number.value);
    s.text(row, c++, m.publisher.value);
    s.text(row, c++, m.source.value);
    s.text(row, c++, r.source.charset);
    s.text(row, c++, r.source.charset_guessed ? "是" : "否");
    s.number(row, c++, static_cast<double>(r.source.size));
    s.text(row, c++, r.source.sha256);
    s.number(row, c++, static_cast<double>(r.blocks));
    s.number(row, c++, static_cast<double>(r.facts.size()));
    const auto mapped =
        std::count_if(r.facts.begin(), r.facts.end(), [](const Fact& f) { return !f.indicator.empty(); });
    s.number(row, c++, static_cast<double>(mapped));
    s.text(row, c++, diagnostics_text(r.diagnostics));
}

void write_documents(Workbook& book, Sheet& s, const std::vector<ReportEntry>& reports, const XlsxOptions& options,
                     const std::vector<std::string>& notes) {
    for (lxw_col_t c = 0; c < kDocumentColumns.size(); ++c) s.text(0, c, kDocumentColumns[c], book.format("header"));
    lxw_row_t row = 1;
    for (const ReportEntry& r : reports) {
        if (row >= xlsx::kMaxRows - 2 - notes.size()) break;
        write_document_row(book, s, row++, r);
    }
    for (const auto& [name, reason] : options.failures) {
        if (row >= xlsx::kMaxRows - 2 - notes.size()) break;
        s.text(row, 0, name);
        s.text(row, 1, "失败", book.format("failed"));
        s.text(row++, static_cast<lxw_col_t>(kDocumentColumns.size() - 1), reason);
    }
    worksheet_freeze_panes(s.get(), 1, 1);
    xlsx::check(worksheet_autofilter(s.get(), 0, 0, std::max<lxw_row_t>(row - 1, 1),
                                     static_cast<lxw_col_t>(kDocumentColumns.size() - 1)),
                "cannot set the filter");
    if (!notes.empty()) {
        s.text(++row, 0, "写出说明", book.format("title"), false);
        for (const std::string& n : notes) s.text(++row, 0, n, nullptr, false);
    }
    s.fit_columns(6, 50);
}

// --- 指标 ----------------------------------------------------------------------------------

const char* rule_text(Rule rule) {
    switch (rule) {
        case Rule::sum: return "sum：各处不同表述相加";
        case Rule::max: return "max：取最大值";
        case Rule::total: return "total：取“共/合计/累计/总计”的总数，无则相加";
    }
    return "";
}

void write_catalog(Workbook& book, Sheet& s, const Catalog& catalog, const std::vector<std::size_t>& filled) {
    s.text(0, 0,
           "指标目录：" + catalog.label + "（" + catalog.id + (catalog.version.empty() ? "" : " v" + catalog.version) +
               "）",
           book.format("title"), false);
    const std::vector<std::string> columns = {"类别",   "编号", "名称", "单位", "提示词（其一）", "必含词",
                                              "排除词", "规则", "示例", "来源", "有值的报告数"};
    for (lxw_col_t c = 0; c < columns.size(); ++c) s.text(1, c, columns[c], book.format("header"));
    lxw_row_t row = 2;
    for (std::size_t k = 0; k < catalog.indicators.size(); ++k, ++row) {
        const Indicator& ind = catalog.indicators[k];
        lxw_col_t c = 0;
        s.text(row, c++, ind.category_id == ind.category ? ind.category : ind.category_id + " " + ind.category);
        s.text(row, c++, ind.id);
        s.text(row, c++, ind.label);
        s.text(row, c++, join(ind.units, " "));
        s.text(row, c++, join(ind.cues, " "));
        s.text(row, c++, join(ind.require, " "));
        s.text(row, c++, join(ind.exclude, " "));
        s.text(row, c++, rule_text(ind.rule));
        s.text(row, c++, ind.example);
        s.text(row, c++, ind.origin);
        s.number(row, c++, static_cast<double>(filled[k]));
    }
    worksheet_freeze_panes(s.get(), 2, 2);
    s.fit_columns(6, 60);
}

// --- 图表 ----------------------------------------------------------------------------------

// How a chart names a report: its organisation and year ("某区 2023"), else its file name; a
// label two reports share is told apart by their file names.
std::vector<std::string> report_labels(const std::vector<ReportEntry>& reports, std::size_t shown) {
    auto base = [](const std::string& path) {
        const std::size_t slash = path.find_last_of('/');
        return slash == std::string::npos ? path : path.substr(slash + 1);
    };
    std::vector<std::string> labels;
    std::map<std::string, std::size_t> uses;
    for (std::size_t r = 0; r < shown; ++r) {
        const Description& d = reports[r].description;
        std::string label = d.organisation.empty() ? base(reports[r].source.name) : d.organisation;
        if (!d.report_year.empty()) label += " " + d.report_year;
        labels.push_back(label);
        ++uses[label];
    }
    for (std::size_t r = 0; r < shown; ++r)
        if (uses[labels[r]] > 1) labels[r] += "（" + base(reports[r].source.name) + "）";
    return labels;
}

// The indicators most reports state, each in a bar chart of its own (one unit on its axis), one
// bar per report labelled by organisation and year; the figures charted stand beside them.
bool write_chart(Workbook& book, const std::vector<ReportEntry>& reports, const Catalog& catalog,
                 const std::vector<std::size_t>& filled, xlsx::Notes& notes) {
    std::vector<std::size_t> order(catalog.indicators.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return filled[a] > filled[b]; });
    while (!order.empty() && filled[order.back()] == 0) order.pop_back();
    if (order.size() > kChartSeries) order.resize(kChartSeries);
    if (order.empty() || reports.empty()) return false;
    const std::size_t shown = std::min(reports.size(), kChartReports);
    if (shown < reports.size()) notes.inform(std::string(kChart) + "：只比较前 200 份报告");
    const std::vector<std::string> labels = report_labels(reports, shown);
    Sheet s(workbook_add_worksheet(book.get(), kChart), kChart, notes);
    lxw_format* header = book.format("header");
    s.text(0, 0, "报告", header);
    for (std::size_t j = 0; j < order.size(); ++j) {
        const Indicator& ind = catalog.indicators[order[j]];
        s.text(0, static_cast<lxw_col_t>(j + 1), ind.label + "（" + display_unit(ind) + "）", header);
    }
    for (std::size_t r = 0; r < shown; ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        s.text(row, 0, labels[r]);
        for (std::size_t j = 0; j < order.size(); ++j) {
            const std::size_t k = order[j];
            if (k >= reports[r].summary.values.size() || !reports[r].summary.values[k]) continue;
            const int power = unit_power(display_unit(catalog.indicators[k]));
            s.decimal(row, static_cast<lxw_col_t>(j + 1), shift_decimal(reports[r].summary.values[k]->value, -power));
        }
    }
    s.fit_columns(8, 40);
    worksheet_freeze_panes(s.get(), 1, 1);
    worksheet_set_landscape(s.get());
    worksheet_fit_to_pages(s.get(), 1, 0);  // printed: the figures and their charts side by side
    // One chart per indicator, stacked to the right of the figures, tall enough for every bar.
    const double height = std::max(288.0, 60.0 + 18.0 * static_cast<double>(shown));
    const auto rows_per_chart = static_cast<lxw_row_t>(height / 20.0) + 2;
    const auto chart_col = static_cast<lxw_col_t>(order.size() + 2);
    const auto last = static_cast<lxw_row_t>(shown);
    for (std::size_t j = 0; j < order.size(); ++j) {
        const Indicator& ind = catalog.indicators[order[j]];
        const auto col = static_cast<lxw_col_t>(j + 1);
        lxw_chart* chart = workbook_add_chart(book.get(), LXW_CHART_BAR);
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(series, kChart, 1, 0, last, 0);
        chart_series_set_values(series, kChart, 1, col, last, col);
        const std::string name = ind.label + "（" + display_unit(ind) + "）";
        chart_series_set_name(series, name.c_str());
        chart_title_set_name(chart, name.c_str());
        const std::string unit = display_unit(ind);
        if (!unit.empty()) chart_axis_set_name(chart->x_axis, unit.c_str());  // a bar chart's values run along x
        chart_axis_set_reverse(chart->y_axis);                                // the first report on top
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        lxw_chart_options options{};
        options.x_scale = 1.4;
        options.y_scale = height / 288.0;
        xlsx::check(
            worksheet_insert_chart_opt(s.get(), static_cast<lxw_row_t>(j * rows_per_chart), chart_col, chart, &options),
            "cannot place a chart");
    }
    return true;
}

// --- the workbook --------------------------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t creation_time(const std::vector<ReportEntry>& reports, const XlsxOptions& options) {
    if (options.created) return *options.created;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && v >= 0) return v;
    }
    std::string latest;
    for (const ReportEntry& r : reports)
        for (const Field* f : {&r.metadata.published, &r.metadata.signed_date})
            if (f->value.size() == 10 && f->value > latest) latest = f->value;
    if (latest.empty()) return 946684800;  // 2000-01-01: any fixed time keeps the bytes stable
    const int y = std::atoi(latest.substr(0, 4).c_str());
    const auto m = static_cast<unsigned>(std::atoi(latest.substr(5, 2).c_str()));
    const auto d = static_cast<unsigned>(std::atoi(latest.substr(8, 2).c_str()));
    return days_from_civil(y, m, d) * 86400;
}

std::vector<std::size_t> filled_counts(const std::vector<ReportEntry>& reports, const Catalog& catalog) {
    std::vector<std::size_t> filled(catalog.indicators.size(), 0);
    for (const ReportEntry& r : reports)
        for (std::size_t k = 0; k < filled.size() && k < r.summary.values.size(); ++k)
            filled[k] += r.summary.values[k] ? 1 : 0;
    return filled;
}

}  // namespace

ReportEntry report_entry(Document doc, const Catalog& catalog) {
    ReportEntry e;
    e.summary = summarize(doc, catalog);
    const HeadingPaths headings(doc.blocks);
    for (const Fact& f : doc.facts) e.fact_sections.push_back(join(headings.of(f.block), " › "));
    e.description = describe(doc);
    e.source = std::move(doc.source);
    e.metadata = std::move(doc.metadata);
    e.facts = std::move(doc.facts);
    e.diagnostics = std::move(doc.diagnostics);
    e.gis = std::move(doc.gis);
    e.blocks = doc.blocks.size();
    return e;
}

std::string write_xlsx(const std::vector<ReportEntry>& reports, const XlsxOptions& options,
                       std::vector<std::string>* warnings) {
    const Catalog& catalog = options.catalog ? *options.catalog : default_catalog();
    xlsx::Notes notes;
    Workbook book;
    Sheet summary(workbook_add_worksheet(book.get(), kSummary), kSummary, notes);
    std::optional<Sheet> gis;
    if (xlsx::has_gis_reports(reports))
        gis.emplace(workbook_add_worksheet(book.get(), kGis), kGis, notes);
    else
        notes.inform(std::string(kGis) + "：没有按全国统一格式的政府信息公开工作年度报告");
    const std::vector<xlsx::TrendBlock> blocks = xlsx::trend_blocks(reports);
    std::optional<Sheet> trends;
    if (!blocks.empty())
        trends.emplace(workbook_add_worksheet(book.get(), kTrends), kTrends, notes);
    else if (reports.size() > 1)  // one report has no years to compare, and needs no saying so
        notes.inform(std::string(kTrends) + "：没有同一机关多个年度的报告");
    Sheet facts(workbook_add_worksheet(book.get(), kFacts), kFacts, notes);
    Sheet documents(workbook_add_worksheet(book.get(), kDocuments), kDocuments, notes);
    Sheet catalog_sheet(workbook_add_worksheet(book.get(), kCatalog), kCatalog, notes);
    const FactRows rows = write_facts(book, facts, reports, catalog, notes);
    write_summary(book, summary, reports, rows, catalog, notes);
    if (gis) xlsx::write_gis(book, *gis, reports, rows);
    if (trends) xlsx::write_trends(book, *trends, blocks, reports, rows, catalog);
    const std::vector<std::size_t> filled = filled_counts(reports, catalog);
    write_catalog(book, catalog_sheet, catalog, filled);
    if (!write_chart(book, reports, catalog, filled, notes))
        notes.inform(std::string(kChart) + "：没有可比较的指标，未画图");
    const std::vector<std::string> sentences = notes.sentences();
    write_documents(book, documents, reports, options, sentences);
    worksheet_activate(summary.get());
    if (warnings) {  // the cuts Excel forced; the design notes are in the workbook only
        const std::vector<std::string> cuts = notes.cuts();
        warnings->insert(warnings->end(), cuts.begin(), cuts.end());
    }
    return book.finish(creation_time(reports, options), catalog.label.empty() ? "gongwen 汇总" : catalog.label);
}

std::string write_xlsx(const Document& doc, const Catalog* catalog) {
    const Catalog& c = catalog ? *catalog : default_catalog();
    XlsxOptions options;
    options.catalog = &c;
    return write_xlsx(std::vector<ReportEntry>{report_entry(doc, c)}, options);
}

}  // namespace gongwen
