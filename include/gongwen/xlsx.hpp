// The summary workbook (.xlsx, written with libxlsxwriter): one row per report with the
// catalog's indicators, every fact with its quote and place, the reports' metadata and
// diagnostics, the catalog itself and a chart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gongwen/catalog.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/document.hpp"

namespace gongwen {

// What the workbook needs of one report: everything but the text of its blocks, so that a
// summary of thousands of reports keeps only this in memory.
struct ReportEntry {
    Source source;
    Metadata metadata;
    Description description;  // title, issuer, report year and date as every writer shows them
    std::vector<Fact> facts;
    std::vector<std::string> fact_sections;  // the headings above each fact, "一、… › （二）…"
    std::vector<Diagnostic> diagnostics;
    GisReport gis;          // the national GIS format and its checks, when the report follows it
    ReportSummary summary;  // by the catalog the workbook is written with
    std::size_t blocks = 0;
};

// A report's entry, its indicators' values by `catalog`: the one its facts were mapped with
// (Reader::catalog()).
ReportEntry report_entry(Document doc, const Catalog& catalog);

struct XlsxOptions {
    const Catalog* catalog = nullptr;  // the catalog the entries were made with; null: the built-in one
    // Inputs that could not be read (name, reason): listed in the documents sheet.
    std::vector<std::pair<std::string, std::string>> failures;
    // The workbook's creation time. Unset: SOURCE_DATE_EPOCH when set, else the latest date the
    // reports state, else 2000-01-01; never the clock, so the same input gives the same bytes.
    std::optional<std::int64_t> created;
};

// The workbook as .xlsx bytes. Sheets: 汇总 (one row per report, indicators grouped by
// category, each value linked to its fact and noted with its quote, a totals row);
// 政府信息公开 when reports follow the national GIS format (one row per such report, every
// template cell a column under its table and row, linked to its fact, failed checks beside the
// row and their cells filled); 趋势 when an organisation (Description::organisation_key) has
// reports of several years (its years side by side, the change from year to year, a line chart
// of its key figures); 事实 (every fact), 文档 (metadata and diagnostics), 指标 (the catalog) and
// 图表 (the indicators most reports state, one bar chart each, reports named by organisation
// and year). Text from
// reports is always written as text, never as a formula. Where Excel's limits (32,767
// characters a cell, 1,048,576 rows a sheet, 65,530 links a sheet) force a cut, the workbook
// says so in 文档 and `warnings` (when given) receives the same sentences; what the workbook
// leaves out by design (the chart compares the first 200 reports) is said in 文档 only.
// Throws gongwen::Error when the workbook cannot be written.
std::string write_xlsx(const std::vector<ReportEntry>& reports, const XlsxOptions& options = {},
                       std::vector<std::string>* warnings = nullptr);

// One report's workbook (`convert -t xlsx`), with the built-in catalog unless one is given.
std::string write_xlsx(const Document& doc, const Catalog* catalog = nullptr);

}  // namespace gongwen
