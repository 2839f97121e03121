// What each fuzz target does with one input, shared by the libFuzzer targets (fuzz/*_fuzz.cpp)
// and the regression test that replays every kept input (tests/fuzz_regression_test.cpp).
// Each body must never crash, hang or leak; user errors are gongwen::Error and are fine.
#pragma once

#include <string_view>
#include <vector>

namespace gongwen::fuzz {

// Charset detection and decoding.
void decode_body(std::string_view bytes);
// The whole text pipeline, and the native XML round trip of what it produced.
void text_body(std::string_view bytes);
// The native XML reader on anything, and the round trip of whatever it accepts.
void xml_body(std::string_view bytes);
// The JSON reader on anything (as `summarize` reads per-shard outputs), and the JSON and
// native XML round trips of whatever it accepts.
void json_body(std::string_view bytes);
// The HTML reader on anything, and the native XML round trip of what it produced.
void html_body(std::string_view bytes);
// `gongwen verify` on anything as a package: a report of failed checks, never a crash or an
// internal error.
void eep_body(std::string_view bytes);
// Fact extraction on any text, as one paragraph and as a report (facts mapped by the built-in
// catalog, then each indicator's rule applied): values exact decimals, spans inside the source.
void facts_body(std::string_view bytes);

// Every body by target name: the libFuzzer target NAME_fuzz (fuzz/CMakeLists.txt lists the
// same names) and its kept inputs in fuzz/regressions/NAME/.
struct Target {
    const char* name;
    void (*body)(std::string_view);
};
const std::vector<Target>& targets();

}  // namespace gongwen::fuzz
