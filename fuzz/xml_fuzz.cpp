#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    gongwen::fuzz::xml_body(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
