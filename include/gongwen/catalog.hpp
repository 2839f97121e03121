// The indicator catalog: which facts are which standard indicator, and what one report's
// statements make for each (../shared/docs/indicators.md). The v1 catalog is a data file,
// catalog/indicators-v1.xml, compiled into gongwen; users may pass their own.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"

namespace gongwen {

enum class Rule { sum, max, total };

struct Indicator {
    std::string id;
    std::string label;
    std::string category;     // the category's label (学法与组织)
    std::string category_id;  // its short id (A)
    std::vector<std::string> units;
    std::vector<std::string> cues;     // one must stand in the fact's own words
    std::vector<std::string> require;  // all must be in the fact's clause
    std::vector<std::string> exclude;  // none may be in the fact's clause
    Rule rule = Rule::sum;
    std::string example;
    std::string origin;  // the catalog file it was read from; "gongwen-v1" for the built-in one
    friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct Catalog {
    std::string id;  // "gongwen-v1"
    std::string version;
    std::string label;
    std::vector<Indicator> indicators;  // by category, in catalog order
    friend bool operator==(const Catalog&, const Catalog&) = default;
};

const char* to_string(Rule rule);

// The v1 catalog built into gongwen (catalog/indicators-v1.xml).
const Catalog& default_catalog();
// The same, shared: what a null catalog option stands for.
std::shared_ptr<const Catalog> builtin_catalog();

// Reads a catalog file. A root with extends="gongwen-v1" adds its indicators to the built-in
// catalog (one with an existing id replaces it, in place); any other catalog stands alone.
// Throws gongwen::Error naming `file` with "line N: problem" for malformed XML, unknown
// elements or rules, missing ids, labels or units, and duplicate ids.
Catalog parse_catalog(std::string_view xml, const std::string& file);
// Reads a catalog file from disk. Throws gongwen::Error as parse_catalog does, or naming the
// file when it cannot be read.
std::shared_ptr<const Catalog> load_catalog(const std::string& path);

struct FactContext;  // facts.hpp

// A catalog ready to map facts: its indicators' words prepared once, for any number of
// documents and threads.
class CatalogMapper {
public:
    explicit CatalogMapper(std::shared_ptr<const Catalog> catalog = nullptr);  // null: the built-in one
    const Catalog& catalog() const { return *catalog_; }
    // Sets Fact::indicator of every fact in `doc` (empty when no indicator fits), but for the values
    // of GIS template cells, whose indicator is their cell id (gongwen/gis.hpp).
    void map(Document& doc) const;
    // The same with fact_contexts(doc) computed already (they do not depend on the indicators).
    void map(Document& doc, const std::vector<FactContext>& contexts) const;

private:
    struct Prepared;
    std::shared_ptr<const Catalog> catalog_;
    std::shared_ptr<const Prepared> prepared_;
};

// Maps the facts of one document with a catalog prepared for it alone.
void map_facts(Document& doc, const Catalog& catalog);

// What one indicator comes to in one report.
struct IndicatorValue {
    std::string value;               // exact decimal
    std::string value_max;           // when it is a single range (两三个)
    std::string qualifier;           // 余, 约, 以上…: when a statement it was made of had one
    std::vector<std::size_t> facts;  // indices into Document::facts; the first is the one to link
    friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;
};

// Why a fact was or was not added into its indicator's value.
enum class FactUse { counted, unmapped, other_year, part, repeated, not_chosen };
const char* to_string(FactUse use);  // 计入, 未归类, 其他年度, 分项, 重复, 未采用

struct ReportSummary {
    std::vector<std::optional<IndicatorValue>> values;  // by Catalog::indicators index
    std::vector<FactUse> uses;                          // by Document::facts index
};

// Applies each indicator's rule to the mapped facts of `doc` (see catalog/indicators-v1.xml).
ReportSummary summarize(const Document& doc, const Catalog& catalog);
ReportSummary summarize(const Document& doc, const Catalog& catalog, const std::vector<FactContext>& contexts);

}  // namespace gongwen
