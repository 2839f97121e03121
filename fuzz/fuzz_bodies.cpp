#include "fuzz/fuzz_bodies.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

#include "converters/json/json.hpp"
#include "converters/text/text.hpp"
#include "converters/xml/xml.hpp"
#include "model/decode.hpp"
#include "model/error.hpp"

namespace gongwen::fuzz {

namespace {

// A broken invariant is a finding: abort so that libFuzzer keeps the input.
void require(bool condition, const char* what) {
    if (condition) return;
    std::cerr << "fuzz invariant broken: " << what << "\n";
    std::abort();
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
    try {
        const Document doc = read_text(bytes, "fuzz.txt");
        const std::string xml = write_xml(doc);
        require(read_xml(xml, "roundtrip.xml") == doc, "XML round trip changed the document");
        (void)write_json(doc);
        (void)write_markdown(doc);
        (void)write_inspect_text(doc);
    } catch (const Error&) {
    }
}

void xml_body(std::string_view bytes) {
    try {
        const Document doc = read_xml(bytes, "fuzz.xml");
        const std::string again = write_xml(doc);
        require(read_xml(again, "again.xml") == doc, "re-reading written XML changed the document");
    } catch (const Error&) {
    }
}

}  // namespace gongwen::fuzz
