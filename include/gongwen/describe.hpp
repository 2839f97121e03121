// What every writer says about a document — its title, issuer, years, date and genre — each
// worked out here by one rule, so that a PDF, a workbook row and an archival package of the same
// report never disagree.
#pragma once

#include <string>
#include <string_view>

#include "gongwen/document.hpp"

namespace gongwen {

struct Description {
    // The title shown for the document: the stated or inferred title, else its title block.
    std::string title;
    // Who issued it: the issuing organisation, else the organisation that signed it.
    std::string issuer;
    // 报告年度: the year the report is about ("2023" for a report on 2023 published in 2024).
    std::string report_year;
    // 文件日期, ISO YYYY-MM-DD: the 成文日期 (signing date), else the publication date; empty
    // when the document states neither. `date_signed` says which.
    std::string date;
    bool date_signed = false;
    // The instant the document was made, for the creation dates writers record:
    // "YYYY-MM-DDThh:mm:ss+08:00" from `date` (China Standard Time, with the publication time
    // when that is the date), else "YYYY-MM-DDThh:mm:ssZ" from SOURCE_DATE_EPOCH, else empty.
    // Never the clock, so that equal input gives equal bytes.
    std::string created;
    // 文件形成年度 (DA/T 46 年度): the year of `date`; empty without a date.
    std::string formation_year;
    // 文种: the kind of text the title names, its last genre word (关于政府工作报告的决议 is a 决议),
    // in Simplified Chinese; empty when the title names none.
    std::string genre;
};

Description describe(const Document& doc);

// The genre word a title ends its name with (see Description::genre).
std::string genre_of_title(std::string_view title);

// Whether a genre is one of the 15 kinds of 公文 of the 党政机关公文处理工作条例 (DA/T 46's 文种).
bool is_official_kind(std::string_view genre);

}  // namespace gongwen
