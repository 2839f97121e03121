#include "gongwen/json.hpp"

#include "converters/json/json_fields.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/facts.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/unicode.hpp"

#include <array>
#include <charconv>
#include <concepts>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace gongwen {

namespace {

// A small JSON value: building a tree first keeps key order and comma placement out of the
// code that decides what to write.
class Json;
// A number already written as exact decimal text (fact values): never through a double.
struct JsonNumber {
    std::string text;
};
using JsonArray = std::vector<Json>;
using JsonObject = std::vector<std::pair<std::string, Json>>;

class Json {
public:
    Json() = default;  // null
    Json(bool value) : value_(value) {}
    Json(const char* value) : value_(std::string(value)) {}
    Json(std::string value) : value_(std::move(value)) {}
    template <std::integral Integer>
    requires(!std::same_as<Integer, bool>) Json(Integer value) {
        if constexpr (std::signed_integral<Integer>)
            value_ = static_cast<std::int64_t>(value);
        else
            value_ = static_cast<std::uint64_t>(value);
    }
    Json(JsonNumber value) : value_(std::move(value)) {}
    Json(JsonArray value) : value_(std::move(value)) {}
    Json(JsonObject value) : value_(std::move(value)) {}

    void write(std::string& out, int depth) const;

private:
    std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, std::string, JsonNumber, JsonArray, JsonObject>
        value_;

    bool is_number() const {
        return std::holds_alternative<std::int64_t>(value_) || std::holds_alternative<std::uint64_t>(value_) ||
               std::holds_alternative<JsonNumber>(value_);
    }
    static void write_array(std::string& out, const JsonArray& array, int depth);
    static void write_object(std::string& out, const JsonObject& object, int depth);
};

void indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

void Json::write(std::string& out, int depth) const {
    if (std::holds_alternative<std::nullptr_t>(value_))
        out += "null";
    else if (const bool* b = std::get_if<bool>(&value_))
        out += *b ? "true" : "false";
    else if (const std::int64_t* i = std::get_if<std::int64_t>(&value_))
        out += std::to_string(*i);
    else if (const std::uint64_t* u = std::get_if<std::uint64_t>(&value_))
        out += std::to_string(*u);
    else if (const std::string* s = std::get_if<std::string>(&value_))
        append_json_string(out, *s);
    else if (const JsonNumber* n = std::get_if<JsonNumber>(&value_))
        out += n->text.empty() ? "null" : n->text;
    else if (const JsonArray* a = std::get_if<JsonArray>(&value_))
        write_array(out, *a, depth);
    else
        write_object(out, std::get<JsonObject>(value_), depth);
}

// Arrays of numbers (spans) stay on one line: [12, 30] reads better than four lines.
void Json::write_array(std::string& out, const JsonArray& array, int depth) {
    bool numbers_only = true;
    for (const Json& element : array) numbers_only = numbers_only && element.is_number();
    if (array.empty() || numbers_only) {
        out += '[';
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (i > 0) out += ", ";
            array[i].write(out, depth);
        }
        out += ']';
        return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < array.size(); ++i) {
        indent(out, depth + 1);
        array[i].write(out, depth + 1);
        out += i + 1 < array.size() ? ",\n" : "\n";
    }
    indent(out, depth);
    out += ']';
}

void Json::write_object(std::string& out, const JsonObject& object, int depth) {
    if (object.empty()) {
        out += "{}";
        return;
    }
    out += "{\n";
    for (std::size_t i = 0; i < object.size(); ++i) {
        indent(out, depth + 1);
        append_json_string(out, object[i].first);
        out += ": ";
        object[i].second.write(out, depth + 1);
        out += i + 1 < object.size() ? ",\n" : "\n";
    }
    indent(out, depth);
    out += '}';
}

std::string to_text(const Json& root) {
    std::string out;
    root.write(out, 0);
    out += '\n';
    return out;
}

// ---------------------------------------------------------------------------------------------
// The full document

using json_detail::kFields;

Json span_pair(Span span) { return JsonArray{span.start, span.end}; }

Json source_json(const Source& source) {
    return JsonObject{{"name", source.name},
                      {"size", source.size},
                      {"sha256", source.sha256},
                      {"charset", source.charset},
                      {"charset_guessed", source.charset_guessed}};
}

Json field_json(const Field& field) {
    if (field == Field{}) return Json{};
    return JsonObject{
        {"value", field.value}, {"inferred", field.inferred}, {"start", field.span.start}, {"end", field.span.end}};
}

Json metadata_json(const Metadata& metadata) {
    JsonObject object;
    for (const auto& [key, member] : kFields) object.emplace_back(key, field_json(metadata.*member));
    JsonArray extra;
    for (const ExtraField& e : metadata.extra)
        extra.push_back(JsonObject{{"key", e.key}, {"value", e.value}, {"start", e.span.start}, {"end", e.span.end}});
    object.emplace_back("extra", std::move(extra));
    return object;
}

Json block_json(const Block& block) {
    JsonArray items;
    for (const Item& item : block.items)
        items.push_back(JsonObject{
            {"marker", item.marker}, {"text", item.text}, {"start", item.span.start}, {"end", item.span.end}});
    JsonObject object{
        {"kind", to_string(block.kind)}, {"level", block.level},  {"marker", block.marker},   {"text", block.text},
        {"start", block.span.start},     {"end", block.span.end}, {"items", std::move(items)}};
    if (block.kind == BlockKind::table) {
        JsonArray rows;
        for (const TableRow& row : block.rows) {
            JsonArray cells;
            for (const TableCell& cell : row.cells)
                cells.push_back(JsonObject{{"text", cell.text},
                                           {"header", cell.header},
                                           {"row_span", cell.row_span},
                                           {"col_span", cell.col_span},
                                           {"start", cell.span.start},
                                           {"end", cell.span.end}});
            rows.push_back(JsonObject{{"header", row.header}, {"cells", std::move(cells)}});
        }
        object.emplace_back("rows", std::move(rows));
    }
    if (block.kind == BlockKind::image) object.emplace_back("target", block.target);
    return object;
}

Json nullable(const std::string& text) { return text.empty() ? Json{} : Json{text}; }

JsonArray heading_path(const HeadingPaths& headings, std::size_t block) {
    JsonArray out;
    for (std::string& heading : headings.of(block)) out.push_back(std::move(heading));
    return out;
}

Json fact_json(const HeadingPaths& headings, const Fact& fact) {
    return JsonObject{{"value", JsonNumber{fact.value}},
                      {"value_max", JsonNumber{fact.value_max}},
                      {"value_text", fact.value_text},
                      {"unit", fact.unit},
                      {"implied_unit", nullable(fact.implied_unit)},
                      {"qualifier", nullable(fact.qualifier)},
                      {"zero", fact.zero},
                      {"subject", fact.subject},
                      {"indicator", nullable(fact.indicator)},
                      {"quote", fact.quote},
                      {"start", fact.span.start},
                      {"end", fact.span.end},
                      {"quote_start", fact.quote_span.start},
                      {"quote_end", fact.quote_span.end},
                      {"block", fact.block},
                      {"heading_path", heading_path(headings, fact.block)}};
}

JsonArray facts_json(const Document& doc) {
    const HeadingPaths headings(doc.blocks);
    JsonArray facts;
    for (const Fact& fact : doc.facts) facts.push_back(fact_json(headings, fact));
    return facts;
}

Json gis_check_json(const GisCheck& check) {
    JsonArray left, right;
    for (const std::string& id : check.left) left.push_back(id);
    for (const std::string& id : check.right) right.push_back(id);
    return JsonObject{{"rule", check.rule},
                      {"left", std::move(left)},
                      {"right", std::move(right)},
                      {"left_value", check.left_value},
                      {"right_value", check.right_value},
                      {"passed", check.passed}};
}

Json gis_json(const GisReport& gis) {
    JsonArray checks;
    for (const GisCheck& c : gis.checks) checks.push_back(gis_check_json(c));
    return JsonObject{{"format", gis.format}, {"checks", std::move(checks)}};
}

Json diagnostic_json(const Diagnostic& diagnostic) {
    JsonArray spans;
    for (const Span& span : diagnostic.spans) spans.push_back(span_pair(span));
    return JsonObject{{"kind", diagnostic.kind},
                      {"count", diagnostic.count},
                      {"message", diagnostic.message},
                      {"spans", std::move(spans)}};
}

// ---------------------------------------------------------------------------------------------
// The inspect summary

Json optional_text(const Field& field) { return field.present() ? Json(field.value) : Json(); }

// The model keeps the year as text; only plain decimal digits become a JSON integer.
Json year_json(const Field& year) {
    const std::string& text = year.value;
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || text[0] < '0' || text[0] > '9' || ec != std::errc{} || ptr != end) return Json{};
    return value;
}

}  // namespace

void write_json(const Document& doc, std::ostream& out, const Budget& budget) {
    // Written a member and an array element at a time, with the layout Json::write gives the
    // whole object, so that a large document is never held twice (as values and as text).
    std::string text;
    const auto flush = [&] {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    };
    const auto key = [&](std::string_view name) {
        indent(text, 1);
        append_json_string(text, name);
        text += ": ";
    };
    const auto array = [&](std::string_view name, std::size_t count, const auto& element) {
        key(name);
        text += count == 0 ? "[]" : "[\n";
        for (std::size_t i = 0; i < count; ++i) {
            budget.check_time();
            indent(text, 2);
            element(i).write(text, 2);
            text += i + 1 < count ? ",\n" : "\n";
            flush();
        }
        if (count > 0) indent(text, 1), text += ']';
    };
    text += "{\n";
    key("version");
    Json(kModelVersion).write(text, 1);
    text += ",\n";
    key("source");
    source_json(doc.source).write(text, 1);
    text += ",\n";
    key("metadata");
    metadata_json(doc.metadata).write(text, 1);
    text += ",\n";
    array("blocks", doc.blocks.size(), [&](std::size_t i) { return block_json(doc.blocks[i]); });
    text += ",\n";
    const HeadingPaths headings(doc.blocks);
    array("facts", doc.facts.size(), [&](std::size_t i) { return fact_json(headings, doc.facts[i]); });
    text += ",\n";
    array("diagnostics", doc.diagnostics.size(), [&](std::size_t i) { return diagnostic_json(doc.diagnostics[i]); });
    // A report in the national GIS format: its format and the checks of its tables.
    if (!doc.gis.format.empty() || !doc.gis.checks.empty()) {
        text += ",\n";
        key("gis");
        gis_json(doc.gis).write(text, 1);
    }
    text += "\n}\n";
    flush();
}

std::string write_json(const Document& doc) {
    std::ostringstream out;
    write_json(doc, out);
    return std::move(out).str();
}

// The format and the checks, failed ones first; null when the report is not in a GIS format.
Json inspect_gis_json(const GisReport& gis) {
    if (gis.format.empty() && gis.checks.empty()) return Json();
    JsonArray checks;
    std::size_t failed = 0;
    for (const bool passed : {false, true})
        for (const GisCheck& c : gis.checks)
            if (c.passed == passed) {
                failed += passed ? 0 : 1;
                checks.push_back(JsonObject{{"rule", c.rule}, {"passed", c.passed}, {"check", describe_gis_check(c)}});
            }
    return JsonObject{{"format", gis.format}, {"failed", failed}, {"checks", std::move(checks)}};
}

std::string write_inspect_json(const Document& doc) {
    const Metadata& m = doc.metadata;
    const std::string kind = describe(doc).report_kind;
    JsonArray headings;
    for (const Block& block : doc.blocks)
        if (block.kind == BlockKind::heading)
            headings.push_back(JsonObject{{"level", block.level}, {"marker", block.marker}, {"text", block.text}});
    JsonArray diagnostics;
    for (const Diagnostic& d : doc.diagnostics) diagnostics.push_back(JsonObject{{"kind", d.kind}, {"count", d.count}});
    return to_text(JsonObject{{"file", doc.source.name},
                              {"charset", doc.source.charset},
                              {"charset_guessed", doc.source.charset_guessed},
                              {"title", optional_text(m.title)},
                              {"title_inferred", m.title.inferred},
                              {"org", optional_text(m.organisation)},
                              {"year", year_json(m.year)},
                              {"published", optional_text(m.published)},
                              {"signed", optional_text(m.signed_date)},
                              {"addressee", optional_text(m.addressee)},
                              {"report_kind", kind.empty() ? Json() : Json(kind)},
                              {"headings", std::move(headings)},
                              {"facts", facts_json(doc)},
                              {"diagnostics", std::move(diagnostics)},
                              {"gis", inspect_gis_json(doc.gis)}});
}

}  // namespace gongwen
