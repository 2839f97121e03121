// Every input a fuzzer ever found a problem with is kept in fuzz/regressions/TARGET/ and
// replayed here through the same body the fuzz target runs, in the ordinary test suite (and
// under the sanitizers by `make test`), with the target's own seeds in fuzz/seeds/TARGET/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_bodies.hpp"
#include "gongwen/eep.hpp"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(FuzzRegression, EveryKeptInputRunsCleanly) {
    std::size_t replayed = 0;
    for (const char* folder : {"regressions", "seeds"}) {
        for (const fuzz::Target& target : fuzz::targets()) {
            const fs::path dir = fs::path(GONGWEN_SOURCE_DIR) / "fuzz" / folder / target.name;
            if (!fs::exists(dir)) continue;
            for (const auto& entry : fs::directory_iterator(dir)) {
                SCOPED_TRACE(entry.path().string());
                target.body(contents(entry.path()));
                ++replayed;
            }
        }
    }
    EXPECT_GE(replayed, 1u);
}

// The bundled reports and pages are the first inputs of every target.
TEST(FuzzRegression, EveryFixtureRunsCleanlyThroughEveryTarget) {
    std::size_t replayed = 0;
    for (const char* folder : {"seeds", "html"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(GONGWEN_FIXTURES) / folder)) {
            SCOPED_TRACE(entry.path().string());
            const std::string bytes = contents(entry.path());
            for (const fuzz::Target& target : fuzz::targets()) target.body(bytes);
            ++replayed;
        }
    }
    EXPECT_GE(replayed, 8u);
}

// The eep seeds are whole, valid packages (made by `gongwen convert -t eep --payload` with a
// one-page PDF), so that the fuzzer starts from every check passing; and the in-memory entry
// point the target uses says what `gongwen verify FILE` says.
TEST(FuzzRegression, EepSeedsVerifyFromMemoryAsFromTheirFile) {
    std::size_t seeds = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(GONGWEN_SOURCE_DIR) / "fuzz" / "seeds" / "eep")) {
        const std::string path = entry.path().string();
        SCOPED_TRACE(path);
        std::istringstream in(contents(entry.path()));
        const VerifyReport from_memory = verify_eep(in, path);
        EXPECT_TRUE(from_memory.passed()) << format_verify_text(from_memory);
        EXPECT_GT(from_memory.checks.size(), 40u);
        EXPECT_EQ(format_verify_text(from_memory), format_verify_text(verify_eep(path)));
        ++seeds;
    }
    EXPECT_GE(seeds, 2u);
}

}  // namespace
}  // namespace gongwen
