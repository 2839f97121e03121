#include "fuzz/fuzz_bodies.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

#include "gongwen/catalog.hpp"
#include "gongwen/decode.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/error.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/html.hpp"
#include "gongwen/json.hpp"
#include "gongwen/read.hpp"
#include "gongwen/text.hpp"
#include "gongwen/unicode.hpp"
#include "gongwen/xml.hpp"
#include "model/facts.hpp"
#include "model/numerals.hpp"

namespace gongwen::fuzz {

namespace {

// Bytes read as the command line reads them in `format`: the passes and the catalog run too.
Document read_as(std::string bytes, const std::string& name, const std::string& format) {
    ReadOptions options;
    options.format = format;
    return read_bytes(std::move(bytes), name, options);
}

}  // namespace

namespace {

// A broken invariant is a finding: abort so that libFuzzer keeps the input.
void require(bool condition, const char* what) {
    if (condition) return;
    std::cerr << "fuzz invariant broken: " << what << "\n";
    std::abort();
}

// An exact decimal as the numerals module writes it: digits, at most one point, normalized.
bool is_normal_decimal(const std::string& value) {
    if (value.empty() || value.front() == '-') return false;
    if (std::count(value.begin(), value.end(), '.') > 1) return false;
    if (!std::all_of(value.begin(), value.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); }))
        return false;
    return normalize_decimal(value) == value;
}

// What every fact must satisfy, however it was found: `length` is the source's length in code
// points, `blocks` the number of blocks it may point into.
void check_fact(const Fact& f, std::size_t length, std::size_t blocks) {
    require(is_normal_decimal(f.value), "a fact's value is not a normalized decimal");
    require(f.value_max.empty() || (is_normal_decimal(f.value_max) && compare_decimals(f.value_max, f.value) >= 0),
            "a range's upper bound is below its value");
    require(f.block < blocks, "a fact points past the last block");
    require(f.span.start <= f.span.end && f.span.end <= length, "a fact's span is outside the source");
    require(f.quote_span.start <= f.quote_span.end && f.quote_span.end <= length,
            "a fact's quote span is outside the source");
    require(!f.value_text.empty(), "a fact has no text");
}

// What every document a reader accepted must satisfy: its native XML reads back as the same
// document, and every text writer takes it. An error here is a finding, not bad input.
void check_document(const Document& doc) {
    try {
        require(read_xml(write_xml(doc), "roundtrip.xml") == doc, "the XML round trip changed the document");
        (void)write_json(doc);
        (void)write_markdown(doc);
        (void)write_inspect_text(doc);
    } catch (const Error& e) {
        std::cerr << e.what() << "\n";
        require(false, "writing or re-reading an accepted document failed");
    }
}

// Reads a document with `read`: bad input (an Error) ends the run, a document is checked, by
// `also` first when given.
void read_and_check(const std::function<Document()>& read, const std::function<void(const Document&)>& also = {}) {
    Document doc;
    try {
        doc = read();
    } catch (const Error&) {
        return;
    }
    if (also) also(doc);
    check_document(doc);
}

}  // namespace

void decode_body(std::string_view bytes) {
    try {
        const Decoded d = decode(bytes, "fuzz");
        require(!d.text.empty(), "decode returned empty text without an error");
    } catch (const Error& e) {
        require(e.file() == "fuzz", "error does not name the file");
    }
}

void text_body(std::string_view bytes) {
    read_and_check([&] { return read_as(std::string(bytes), "fuzz.txt", "txt"); });
}

void xml_body(std::string_view bytes) {
    read_and_check([&] { return read_xml(bytes, "fuzz.xml"); });
}

void json_body(std::string_view bytes) {
    // What the reader accepted it reads back from its own JSON unchanged.
    read_and_check([&] { return read_json(bytes, "fuzz.json"); },
                   [](const Document& doc) {
                       try {
                           require(read_json(write_json(doc), "roundtrip.json") == doc,
                                   "the JSON round trip changed the document");
                       } catch (const Error& e) {
                           std::cerr << e.what() << "\n";
                           require(false, "re-reading an accepted document's JSON failed");
                       }
                   });
}

void html_body(std::string_view bytes) {
    (void)looks_like_html(bytes);
    read_and_check([&] { return read_as(std::string(bytes), "fuzz.html", "html"); });
}

void eep_body(std::string_view bytes) {
    std::istringstream in{std::string(bytes)};
    const VerifyReport report = verify_eep(in, "fuzz.eep.xml");
    require(!report.checks.empty(), "verify reported no check at all");
    // verify_eep reports an exception that escaped its checks as the item "verification" (a
    // detail may quote the package, so the item is what tells).
    for (const CheckResult& c : report.checks)
        require(c.item != "verification", "verify hit an internal error (an exception escaped a check)");
    (void)format_verify_text(report);
    (void)format_verify_json(report);
}

void facts_body(std::string_view bytes) {
    std::string text;
    try {
        text = decode(bytes, "fuzz.txt").text;
    } catch (const Error&) {
        return;
    }
    // One paragraph, as tools call it.
    const std::size_t length = count_code_points(text);
    for (const Fact& f : extract_facts(text)) check_fact(f, length, 1);
    // A report: facts found by the passes and mapped by the built-in catalog, then summarized.
    try {
        const Document doc = read_as(std::string(bytes), "fuzz.txt", "txt");
        for (const Fact& f : doc.facts) {
            check_fact(f, length, doc.blocks.size());
            // A catalog indicator, or a cell of the national GIS template (a table of a GIS report).
            const bool gis_cell =
                std::any_of(builtin_gis_template().formats.begin(), builtin_gis_template().formats.end(),
                            [&](const GisFormat& g) { return g.cell(f.indicator) != nullptr; });
            require(f.indicator.empty() || gis_cell ||
                        std::any_of(default_catalog().indicators.begin(), default_catalog().indicators.end(),
                                    [&](const Indicator& i) { return i.id == f.indicator; }),
                    "a fact maps to an indicator neither the catalog nor the GIS template has");
        }
        const std::vector<FactContext> contexts = fact_contexts(doc);
        require(contexts.size() == doc.facts.size(), "not one context per fact");
        for (const FactContext& c : contexts)
            require(c.begin <= c.end && c.end <= c.clause.size() && c.lead_begin <= c.begin &&
                        c.head_begin <= c.head_end && c.head_end <= c.clause.size() && c.subject_end <= c.clause.size(),
                    "a fact's context points outside its clause");
        const ReportSummary summary = summarize(doc, default_catalog(), contexts);
        require(summary.uses.size() == doc.facts.size(), "not one use per fact");
        require(summary.values.size() == default_catalog().indicators.size(), "not one value per indicator");
        for (const auto& v : summary.values) {
            if (!v) continue;
            require(is_normal_decimal(v->value), "an indicator's value is not a normalized decimal");
            require(!v->facts.empty(), "an indicator has a value but no fact");
            for (std::size_t i : v->facts) require(i < doc.facts.size(), "an indicator points past the last fact");
        }
    } catch (const Error&) {
    }
}

const std::vector<Target>& targets() {
    static const std::vector<Target> all{{"decode", decode_body}, {"text", text_body}, {"xml", xml_body},
                                         {"json", json_body},     {"html", html_body}, {"eep", eep_body},
                                         {"facts", facts_body}};
    return all;
}

}  // namespace gongwen::fuzz
