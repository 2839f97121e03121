// What each fuzz target does with one input, shared by the libFuzzer targets (fuzz/*_fuzz.cpp)
// and the regression test that replays every kept input (tests/fuzz_regression_test.cpp).
// Each body must never crash, hang or leak; user errors are gongwen::Error and are fine.
#pragma once

#include <string_view>

namespace gongwen::fuzz {

// Charset detection and decoding.
void decode_body(std::string_view bytes);
// The whole text pipeline, and the native XML round trip of what it produced.
void text_body(std::string_view bytes);
// The native XML reader on anything, and the round trip of whatever it accepts.
void xml_body(std::string_view bytes);

}  // namespace gongwen::fuzz
