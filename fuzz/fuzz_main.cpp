// The entry point of every libFuzzer target: fuzz/CMakeLists.txt builds it once per body of
// fuzz_bodies.hpp, naming the body in GONGWEN_FUZZ_BODY.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    gongwen::fuzz::GONGWEN_FUZZ_BODY(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
