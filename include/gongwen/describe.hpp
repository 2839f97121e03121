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
    // The kind of report, where gongwen knows more than the title's genre word: 政府信息公开工作年度报告
    // for a report in the national GIS format (Document::gis) or whose title names one (信息公开
    // …年度报告: the reports before the national tables too); empty otherwise.
    std::string report_kind;
    // Whose report it is, as its name is written: the organisation the title names at its head
    // (平潭综合实验区 of 平潭综合实验区2022年度…报告), else the issuer; a government's office
    // (X区人民政府办公室) that issues a report whose title names no office issues the
    // government's report, and the organisation is the government. Empty when nothing names one.
    std::string organisation;
    // organisation_key(organisation): equal for the same organisation however it is spelled, so
    // that a body's reports of several years are found together.
    std::string organisation_key;
};

Description describe(const Document& doc);

// The genre word a title ends its name with (see Description::genre).
std::string genre_of_title(std::string_view title);

// The identity of an organisation's name across its usual spellings: two names are the same
// organisation when their keys are equal. Width, script, spaces and punctuation are folded; the
// usual short forms are expanded (管委会 → 管理委员会, 人大常委会 → 人民代表大会常务委员会); and
// a place's governing body is the place: X区人民政府, X区政府, X区管理委员会 (X区管委会,
// X区党工委管委会) and X区 are one key, X区 ("X街道办事处" is "X街道"). Other bodies of a place
// stay themselves (X区人民代表大会常务委员会, X区财政局). Empty for a name with no letters.
std::string organisation_key(std::string_view name);

// Whether a genre is one of the 15 kinds of 公文 of the 党政机关公文处理工作条例 (DA/T 46's 文种).
bool is_official_kind(std::string_view genre);

}  // namespace gongwen
