// Every input a fuzzer ever found a problem with is kept in fuzz/regressions/TARGET/ and
// replayed here through the same body the fuzz target runs, in the ordinary test suite.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "fuzz/fuzz_bodies.hpp"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::function<void(std::string_view)>>& bodies() {
    static const std::map<std::string, std::function<void(std::string_view)>> b{
        {"decode", fuzz::decode_body}, {"text", fuzz::text_body}, {"xml", fuzz::xml_body}};
    return b;
}

TEST(FuzzRegression, EveryKeptInputRunsCleanly) {
    const fs::path root = fs::path(GONGWEN_SOURCE_DIR) / "fuzz" / "regressions";
    std::size_t replayed = 0;
    for (const auto& [target, body] : bodies()) {
        const fs::path dir = root / target;
        if (!fs::exists(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            SCOPED_TRACE(entry.path().string());
            body(ss.str());
            ++replayed;
        }
    }
    // The fixtures themselves are the first regression inputs of every target.
    for (const auto& entry : fs::directory_iterator(fs::path(GONGWEN_FIXTURES) / "seeds")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        for (const auto& [target, body] : bodies()) body(ss.str());
        ++replayed;
    }
    EXPECT_GE(replayed, 5u);
}

}  // namespace
}  // namespace gongwen
