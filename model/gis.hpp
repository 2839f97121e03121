// Internal to model/: reports in the national format of 政府信息公开工作年度报告 (gongwen/gis.hpp).
// Their tables 二/三/四 are recognized in the reader's raw lines and finished table blocks, whatever
// the rendering, and every value becomes a fact whose indicator is its template cell's id; the
// template's sums are checked.
#pragma once

#include <string>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/raw.hpp"

namespace gongwen {

// One template cell's value as the report states it.
struct GisValue {
    const GisCell* cell = nullptr;
    std::string value;       // exact decimal
    std::string value_text;  // as written
    Span span;               // the number in the source
};

// A table figure the prose restates (全区共受理政府信息公开申请21件).
struct GisProse {
    std::string name;        // the check's name: prose.applications_received
    std::string value;       // exact decimal
    std::string value_text;  // as written
    Span span;               // the number in the source
};

struct GisFound {
    const GisFormat* format = nullptr;  // null: not a report in a national format
    std::vector<GisValue> values;       // in template order
    std::vector<Span> regions;          // the tables' extent in the source (their facts are the values)
    std::vector<Diagnostic> notes;      // tables recognized but not placed, and why
    std::vector<GisProse> prose;        // figures of the tables the text before them restates
    // Prose that contradicts itself: parts that do not add up to the whole they divide, a rate
    // the counts beside it do not make (prose_check diagnostics; reports before the national tables).
    std::vector<Diagnostic> prose_notes;
};

// Recognizes the tables in a reader's raw blocks (lines of text, paragraphs, finished tables).
GisFound recognize_gis(const std::vector<RawBlock>& blocks, const GisTemplate& t = builtin_gis_template());

// The values as facts of `doc` (replacing the facts read inside the tables), doc.gis.format and
// doc.gis.checks, and a gis_check diagnostic for each failed check.
void apply_gis(Document& doc, GisFound found);

// Every rule of `format` over the values `facts` state (facts whose indicator is a cell id),
// and the prose that restates a table figure.
std::vector<GisCheck> check_gis(const Document& doc, const GisFormat& format, const std::vector<GisProse>& prose = {});

}  // namespace gongwen
