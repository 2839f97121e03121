// The national template of 政府信息公开工作年度报告 (GIS annual reports): the tables 二/三/四 of each
// national format, a stable id for every cell, and the sums that must agree
// (../shared/docs/gis-template.md). The template is data, catalog/gis-template.xml, compiled into
// gongwen; a report's value for a cell is a Fact whose indicator is the cell's id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"

namespace gongwen {

struct GisCell {
    std::string id;            // "gis.t3.new.natural"
    std::string table;         // "t2", "t3", "t4"
    std::string row;           // "new", "withheld.state_secret", "review" (t4: the group)
    std::string column;        // "natural", "total", "issued", "upheld"
    std::string row_label;     // as the template prints it: "一、本年新收政府信息公开申请数量"
    std::string column_label;  // "自然人", "本年制发件数", "结果维持"
    std::string column_group;  // "法人或其他组织", "行政诉讼" …; empty when none
    std::string unit;          // "件", "万元"
    friend bool operator==(const GisCell&, const GisCell&) = default;
};

// A column of a table as the template defines it.
struct GisColumn {
    std::string id;                     // "natural"
    std::string label;                  // "自然人"
    std::string group;                  // "法人或其他组织"; empty when none
    std::string unit;                   // "件" unless the data says otherwise
    std::vector<std::string> variants;  // other printings of the label
    friend bool operator==(const GisColumn&, const GisColumn&) = default;
};

// A row of a table as the template defines it (table 四: a column group).
struct GisRow {
    std::string id;                     // "withheld.state_secret"
    std::string label;                  // its own label as printed: "1.属于国家秘密"
    std::string parent;                 // the row group's label: "（三）不予公开"; empty when none
    std::string group;                  // table 四: the header group of its columns (行政诉讼)
    std::vector<std::string> columns;   // the columns it has cells in
    std::vector<std::string> variants;  // other printings of its own label
    friend bool operator==(const GisRow&, const GisRow&) = default;
};

struct GisTable {
    std::string id;              // "t2"
    std::string title;           // "二、主动公开政府信息情况"
    std::vector<GisCell> cells;  // in template order, row by row
    std::vector<GisColumn> columns;
    std::vector<GisRow> rows;
    friend bool operator==(const GisTable&, const GisTable&) = default;
};

// sum(left) must equal sum(right); cell ids.
struct GisRule {
    std::string name;  // "t3.natural.balance"
    std::vector<std::string> left, right;
    friend bool operator==(const GisRule&, const GisRule&) = default;
};

struct GisFormat {
    std::string id;                   // "2021", "2019"
    std::string basis;                // "国办公开办函〔2021〕30号"
    std::vector<std::string> detect;  // column labels only this format prints in its table 二
    std::vector<GisTable> tables;
    std::vector<GisRule> rules;
    const GisCell* cell(std::string_view id) const;  // nullptr when not in this format
    const GisTable* table(std::string_view id) const;
    friend bool operator==(const GisFormat&, const GisFormat&) = default;
};

struct GisTemplate {
    std::vector<GisFormat> formats;  // newest first
    const GisFormat* format(std::string_view id) const;
    friend bool operator==(const GisTemplate&, const GisTemplate&) = default;
};

// The template built into gongwen (catalog/gis-template.xml).
const GisTemplate& builtin_gis_template();

// A check as a reader says it: "t3 natural: new+carried_in 21 ≠ result_total+carried_out 22"
// (= when it passed); a prose check: "table t3.new.total 21 ≠ the text 22".
std::string describe_gis_check(const GisCheck& check);

// Reads a template file of the same format. Throws gongwen::Error naming `file` with
// "line N: problem" for malformed XML, unknown elements or attributes, missing ids or labels,
// duplicate ids and rules naming rows or columns the table does not have.
GisTemplate parse_gis_template(std::string_view xml, const std::string& file);

}  // namespace gongwen
