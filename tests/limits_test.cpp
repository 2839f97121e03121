#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "gongwen/error.hpp"
#include "gongwen/html.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/pdf.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "model/line.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

// The message of the LimitError `run` throws, with the limit it names: "… (max_lines)".
std::string error_of(const std::function<void()>& run) {
    static constexpr const char* kNames[] = {"max_input_size", "max_depth", "max_line_length",
                                             "max_lines",      "max_pages", "timeout"};
    try {
        run();
    } catch (const LimitError& e) {
        return std::string(e.what()) + " (" + kNames[static_cast<int>(e.limit())] + ")";
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(Origins, AgreeWithOneOffsetPerCharacter) {
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        // Runs of consecutive offsets with jumps (removed text) and repeats (entities).
        std::vector<std::uint32_t> plain;
        Origins origins;
        std::uint32_t at = random() % 5;
        const int length = static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) {
            const unsigned step = random() % 8;
            at += step < 5 ? 1 : step == 5 ? 0 : 1 + random() % 6;
            plain.push_back(at);
            origins.push_back(at);
        }
        ASSERT_EQ(origins.size(), plain.size());
        for (std::size_t i = 0; i < plain.size(); ++i) ASSERT_EQ(origins[i], plain[i]) << round << " " << i;
        for (std::uint32_t probe = 0; probe < at + 3; ++probe)
            ASSERT_EQ(origins.lower_bound(probe),
                      static_cast<std::size_t>(std::lower_bound(plain.begin(), plain.end(), probe) - plain.begin()))
                << round << " " << probe;
    }
}

TEST(Limits, NoneUnlessSet) {
    const std::string line(5000, 'a');
    EXPECT_NO_THROW(test::parse("报告\n" + line + "\n"));
}

TEST(Limits, ALineOverTheLimitNamesTheFileWhereAndTheLimit) {
    const Limits limits{.max_line_length = 100};
    EXPECT_NO_THROW(test::parse("报告\n" + std::string(100, 'a') + "\n", limits));
    EXPECT_EQ(error_of([&] { test::parse("报告\n" + std::string(101, 'a') + "\n", limits); }),
              "test.txt: the line at character 3 is 101 characters long, over the 100 limit (max_line_length)");
    // Characters, not bytes: 100 Chinese characters are 300 bytes.
    std::string chinese;
    for (int i = 0; i < 100; ++i) chinese += "件";
    EXPECT_NO_THROW(test::parse("报告\n" + chinese + "\n", limits));
}

TEST(Limits, TooManyLinesAreRefusedBeforeTheyAreRead) {
    const Limits limits{.max_lines = 3};
    EXPECT_NO_THROW(test::parse("报告\n一、总体情况\n全年办理十二件。", limits));
    EXPECT_EQ(error_of([&] { test::parse("报告\n一、总体情况\n全年办理十二件。\n", limits); }),
              "test.txt: 4 lines, over the 3 limit (max_lines)");
    EXPECT_EQ(error_of([&] { test::parse("报告\r\n一、总体情况\r全年办理十二件。\r\n", limits); }),
              "test.txt: 4 lines, over the 3 limit (max_lines)");
}

TEST(Limits, AnHtmlPageNestedTooDeepIsRefused) {
    std::string page = "<html><body>";
    for (int i = 0; i < 30; ++i) page += "<div>";
    page += "<p>全年办理行政许可申请十二件。</p>";
    for (int i = 0; i < 30; ++i) page += "</div>";
    page += "</body></html>";
    EXPECT_NO_THROW(test::parse_html(page, "deep.html"));
    EXPECT_EQ(error_of([&] { test::parse_html(page, "deep.html", {.max_depth = 20}); }),
              "deep.html: elements nested 30 deep, over the 20 limit (max_depth)");
}

TEST(Limits, AReportOverItsTimeStopsWithItsName) {
    const std::string text = test::read_fixture("seeds/001_9633c70aebd6e55d.txt");
    EXPECT_NO_THROW(run_passes(test::read_as_raw(text, "slow.txt")));  // no budget: no deadline
    const Budget budget({.timeout = 1e-9}, "slow.txt");
    EXPECT_EQ(error_of([&] { run_passes(test::read_as_raw(text, "slow.txt"), budget); }),
              "slow.txt: took longer than the 1e-09 s limit per report (timeout)");
}

TEST(Limits, APdfOverItsPagesIsRefusedAtTheExactCount) {
    const Document doc = test::parse(test::read_fixture("seeds/004_2140a01d4004d8c4.txt"));
    const Fonts fonts;
    const std::size_t pages = layout::lay_out(doc, fonts.set()).pages.size();
    ASSERT_GT(pages, 2u);
    EXPECT_NO_THROW(write_pdf(doc, {}, fonts, nullptr, Budget({.max_pages = pages}, "test.txt")));
    EXPECT_EQ(error_of([&] { write_pdf(doc, {}, fonts, nullptr, Budget({.max_pages = pages - 1}, "test.txt")); }),
              "test.txt: its PDF would have more than " + std::to_string(pages - 1) + " pages, the limit (max_pages)");
}

TEST(Limits, AManyPagedTextIsRefusedWithTheLimitNamed) {
    // 20,000 paragraphs are over 20,000 grid lines. The layout stops while setting them, as soon
    // as the lines set would fill more than the limit's pages; that it stops early is not seen
    // here (pagination would give the same message later), only that it is refused.
    std::string text = "报告\n";
    for (int i = 0; i < 20'000; ++i) text += "全年办理行政许可申请十二件。\n";
    const Document doc = test::parse(text);
    EXPECT_EQ(error_of([&] { write_pdf(doc, {}, Fonts(), nullptr, Budget({.max_pages = 10}, "test.txt")); }),
              "test.txt: its PDF would have more than 10 pages, the limit (max_pages)");
}

TEST(Limits, APdfOverItsTimeStopsWithTheReportsName) {
    const Document doc = test::parse(test::read_fixture("seeds/001_9633c70aebd6e55d.txt"));
    const Fonts fonts;
    EXPECT_EQ(error_of([&] { write_pdf(doc, {}, fonts, nullptr, Budget({.timeout = 1e-9}, "slow.txt")); }),
              "slow.txt: took longer than the 1e-09 s limit per report (timeout)");
}

TEST(Limits, InputSizesReadAsPeopleWriteThem) {
    EXPECT_EQ(format_size(0), "0 bytes");
    EXPECT_EQ(format_size(1), "1 byte");
    EXPECT_EQ(format_size(1023), "1023 bytes");
    EXPECT_EQ(format_size(1536), "1.5 KiB");
    EXPECT_EQ(format_size(256ull << 20), "256 MiB");
    EXPECT_EQ(format_size((256ull << 20) + 1), "256.0 MiB");  // never shown as equal to a limit it is over
    EXPECT_EQ(format_size(3ull << 30), "3 GiB");
    const Budget budget({.max_input_size = 1024}, "a.txt");
    EXPECT_NO_THROW(budget.check_input_size(1024));
    EXPECT_EQ(error_of([&] { budget.check_input_size(1025); }),
              "a.txt: input is 1.0 KiB (1025 bytes), over the 1 KiB limit (max_input_size)");
}

}  // namespace
}  // namespace gongwen
