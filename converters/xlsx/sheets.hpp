// Internal to converters/xlsx: what the sheets of the summary workbook share, and the sheets
// written in files of their own (政府信息公开 in gis.cpp, 趋势 in trend.cpp).
#pragma once

#include <string>
#include <vector>

#include "converters/xlsx/workbook.hpp"
#include "gongwen/xlsx.hpp"

namespace gongwen::xlsx {

constexpr const char* kFactsSheet = "事实";

// Per report, per fact: its row on 事实; 0 when it was not written.
using FactRows = std::vector<std::vector<lxw_row_t>>;

// The power of ten of a unit's scale word: 万元 is 元 × 10^4.
int unit_power(const std::string& unit);
// A fact's value in `unit` (a template cell's 万元): the fact's value times its own unit's scale
// (8800000 元 and 880 万元 are the same amount), divided by the scale of `unit`.
std::string in_unit(const Fact& f, const std::string& unit);
// The unit an indicator is shown in: its first.
std::string display_unit(const Indicator& ind);

// --- 政府信息公开 (gis.cpp) ---
bool has_gis_reports(const std::vector<ReportEntry>& reports);
void write_gis(Workbook& book, Sheet& s, const std::vector<ReportEntry>& reports, const FactRows& rows);
// A failed check as a reader reads it: "t3 natural: new+carried_in 21 ≠ result_total+carried_out 22".
std::string gis_check_text(const GisCheck& check);
// The unit a template cell is counted in ("件", "万元"); empty for an id no format has.
std::string gis_cell_unit(const std::string& id);
// A template cell as a row label: its table, row and column ("三 · 一、本年新收政府信息公开申请数量 ·
// 自然人"); the id itself when no format of the template has it.
std::string gis_cell_label(const std::string& id);
// A cell's place in the template (the 2021 format's cells, then those only the 2019 format has).
std::size_t gis_cell_order(const std::string& id);

// --- 趋势 (trend.cpp) ---
// An organisation's reports of several years, by Description::organisation_key, in the order
// of their years (then their file names).
struct TrendBlock {
    std::string key;
    std::vector<std::size_t> reports;
};
// The organisations that have reports of at least two years, by key.
std::vector<TrendBlock> trend_blocks(const std::vector<ReportEntry>& reports);
void write_trends(Workbook& book, Sheet& s, const std::vector<TrendBlock>& blocks,
                  const std::vector<ReportEntry>& reports, const FactRows& rows, const Catalog& catalog);

}  // namespace gongwen::xlsx
