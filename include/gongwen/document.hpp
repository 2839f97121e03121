// The gongwen document model: plain value types shared by every reader, pass and writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

// Version of the native XML/JSON serialization of this model.
inline constexpr const char* kModelVersion = "1";

// A range of the decoded source text, in Unicode code points (not bytes), end exclusive.
// Code points are what scripts index strings by (Python, JavaScript via Array.from).
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    bool empty() const { return start == end; }
    friend bool operator==(const Span&, const Span&) = default;
};

// One metadata value. Absent when `value` is empty. `inferred` is true when no line of the
// source states it and a pass derived it (e.g. a title built from the opening sentence).
struct Field {
    std::string value;
    bool inferred = false;
    Span span;  // where it was stated or derived from; empty when unknown
    bool present() const { return !value.empty(); }
    friend bool operator==(const Field&, const Field&) = default;
};

// A labelled metadata line we keep but do not interpret (组配分类, 有效性, …).
struct ExtraField {
    std::string key;
    std::string value;
    Span span;
    friend bool operator==(const ExtraField&, const ExtraField&) = default;
};

struct Metadata {
    Field title;            // 标题
    Field organisation;     // 发文机关 / issuing organisation
    Field year;             // report year, decimal digits ("2023")
    Field published;        // publication date, ISO "YYYY-MM-DD"
    Field published_time;   // "HH:MM" when given
    Field index_number;     // 索引号
    Field document_number;  // 文号
    Field addressee;        // 主送机关, without the closing colon
    Field signer;           // 落款 organisation
    Field signed_date;      // 落款 date, ISO "YYYY-MM-DD"
    Field source;           // 来源 / 信息来源
    Field publisher;        // 发布机构
    Field source_url;
    Field category;  // 主题分类
    Field keywords;  // 关键词
    std::vector<ExtraField> extra;
    friend bool operator==(const Metadata&, const Metadata&) = default;
};

enum class BlockKind {
    title,       // the report's title line
    subtitle,    // a line of the title block under it: 副标题, 题注 (——在…会议上), the speaker, a 文号
    heading,     // level 1–4, marker apart from text
    paragraph,   // body text; may carry inline enumeration items
    list_item,   // a line that is one enumerated item (一是…) on its own
    addressee,   // 主送机关 line (市法治政府建设领导小组办公室：)
    signature,   // 落款: organisation and/or date lines
    attachment,  // 附件说明 (附件：…)
    annotation,  // 附注 such as （此件主动公开）
    table,       // a data table (rows of cells)
    image,       // a picture: text is its alternative text, target its address
};

// An inline enumeration item inside a paragraph: 一是…, 二是…
struct Item {
    std::string marker;  // as written, e.g. "一是"
    std::string text;    // the item's text after the marker, as displayed
    Span span;           // the whole item in the source, marker included
    friend bool operator==(const Item&, const Item&) = default;
};

// One cell of a data table. Spans count in grid positions (rowspan/colspan of HTML).
struct TableCell {
    std::string text;
    int row_span = 1;
    int col_span = 1;
    bool header = false;  // a header cell (th, or a cell of a header row)
    Span span;
    friend bool operator==(const TableCell&, const TableCell&) = default;
};

struct TableRow {
    std::vector<TableCell> cells;
    bool header = false;  // repeated when a table is split across pages
    friend bool operator==(const TableRow&, const TableRow&) = default;
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;               // heading level 1–4; 0 for other kinds
    std::string marker;          // numbering marker as written ("一、", "（一）", "1.", "一是"); may be empty
    std::string text;            // display text without the marker, in the source's script
    Span span;                   // source range the block came from, marker included
    std::vector<Item> items;     // inline enumerations (paragraphs only)
    std::vector<TableRow> rows;  // table blocks only
    std::string target;          // image blocks only: the image's address (src)
    friend bool operator==(const Block&, const Block&) = default;
};

// One quantity the report states, with where it was said (see ../shared/docs/indicators.md).
// Values are exact decimal strings (scale applied: 9.98万 → "99800"), never binary floating point.
struct Fact {
    std::string value;         // the number, scale applied; a range's lower bound
    std::string value_max;     // a range's upper bound; empty when the value is not a range
    std::string value_text;    // the quantity as written, qualifier and unit included: the display
                               // text of `span` ("9.98萬人次", "二十二项", "八成", "7000余份", "未发生")
    std::string unit;          // the unit as written, its scale word applied to the value (300万元 → 元):
                               // 件 次 项 人次 % 元 …; a number with no measure word counts what it
                               // names (近3万居民 → 人); empty when the text writes none (未收到…申请)
    std::string implied_unit;  // a zero statement that writes no unit: the counting unit its noun
                               // implies (申请 → 件, 费用 → 元, 人员 → 人); empty when the noun implies
                               // none, and whenever `unit` is written. Never a default unit.
    std::string qualifier;     // 余 多 近 约 超 以上 …; empty when exact
    bool zero = false;         // a zero statement: 未发生…, 无…, 零…
    std::string subject;       // the words it counts, from its own clause
    std::string indicator;     // the catalog indicator it maps to; empty when none
    std::size_t block = 0;     // index into Document::blocks
    Span span;                 // the quantity (number and unit) in the source
    Span quote_span;           // its clause in the source
    std::string quote;         // the clause's text as displayed
    // The unit the fact counts in: the written one, else the implied one. What compares, sums,
    // converts and maps units (indicators, the workbook) uses this; a display of what the text
    // says uses `unit`.
    const std::string& counting_unit() const { return unit.empty() ? implied_unit : unit; }
    friend bool operator==(const Fact&, const Fact&) = default;
};

// What the pipeline changed or doubted. `kind` is a stable snake_case identifier.
struct Diagnostic {
    std::string kind;
    std::size_t count = 0;
    std::string message;      // human-readable explanation
    std::vector<Span> spans;  // where (may be fewer than count when capped)
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

struct Source {
    std::string name;              // file name as given (path), "-" for stdin
    std::uint64_t size = 0;        // bytes
    std::string sha256;            // lowercase hex of the input bytes
    std::string charset;           // canonical name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5
    bool charset_guessed = false;  // true when detected statistically, not by BOM/validity
    friend bool operator==(const Source&, const Source&) = default;
};

// One sum of the national GIS template checked on one report (../shared/docs/gis-template.md):
// a rule of the template, or prose that restates a table figure.
struct GisCheck {
    std::string rule;                      // the rule's name, or a prose check's name
    std::vector<std::string> left, right;  // cell ids summed on each side
    std::string left_value, right_value;   // the sums, exact decimal strings
    bool passed = true;
    friend bool operator==(const GisCheck&, const GisCheck&) = default;
};

// A report in the national GIS format: which format, and the checks of its tables.
struct GisReport {
    std::string format;            // "2021", "2019"; empty: not a report in the national format
    std::vector<GisCheck> checks;  // every check evaluated, in template order
    friend bool operator==(const GisReport&, const GisReport&) = default;
};

struct Document {
    Source source;
    Metadata metadata;
    std::vector<Block> blocks;
    std::vector<Fact> facts;
    std::vector<Diagnostic> diagnostics;
    GisReport gis;  // the national GIS format, when the report follows it
    friend bool operator==(const Document&, const Document&) = default;
};

// Stable names used by every serialization.
const char* to_string(BlockKind kind);
// Returns false when `name` is not a block kind name.
bool block_kind_from_string(const std::string& name, BlockKind& out);

}  // namespace gongwen
