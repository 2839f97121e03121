#include "gongwen/limits.hpp"

#include <cstdio>
#include <iterator>

namespace gongwen {

namespace {

std::string format_seconds(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

}  // namespace

Budget::Budget(const Limits& limits, std::string name) : limits_(limits), name_(std::move(name)) {
    if (limits_.timeout > 0)
        deadline_ = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                           std::chrono::duration<double>(limits_.timeout));
}

void Budget::check_time() const {
    if (limits_.timeout <= 0 || std::chrono::steady_clock::now() < deadline_) return;
    throw LimitError(name_, "took longer than the " + format_seconds(limits_.timeout) + " s limit per report",
                     Limit::timeout);
}

void Budget::check_input_size(std::uint64_t size) const {
    const std::uint64_t max = limits_.max_input_size;
    if (max == 0 || size <= max) return;
    throw LimitError(name_,
                     "input is " + format_size(size) + " (" + std::to_string(size) + " bytes), over the " +
                         format_size(max) + " limit",
                     Limit::input_size);
}

void Budget::check_line_length(std::size_t length, std::size_t start) const {
    const std::size_t max = limits_.max_line_length;
    if (max == 0 || length <= max) return;
    throw LimitError(name_,
                     "the line at character " + std::to_string(start) + " is " + std::to_string(length) +
                         " characters long, over the " + std::to_string(max) + " limit",
                     Limit::line_length);
}

void Budget::check_lines(std::size_t count) const {
    const std::size_t max = limits_.max_lines;
    if (max == 0 || count <= max) return;
    throw LimitError(name_, std::to_string(count) + " lines, over the " + std::to_string(max) + " limit", Limit::lines);
}

void Budget::check_pages(std::size_t pages) const {
    const std::size_t max = limits_.max_pages;
    if (max == 0 || pages <= max) return;
    throw LimitError(name_, "its PDF would have more than " + std::to_string(max) + " pages, the limit", Limit::pages);
}

void Budget::check_depth(std::size_t depth) const {
    const std::size_t max = limits_.max_depth;
    if (max == 0 || depth <= max) return;
    throw LimitError(name_,
                     "elements nested " + std::to_string(depth) + " deep, over the " + std::to_string(max) + " limit",
                     Limit::depth);
}

std::string format_size(std::uint64_t bytes) {
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    double value = static_cast<double>(bytes) / 1024;
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(kUnits)) value /= 1024, ++unit;
    char text[32];
    // Whole units as such ("256 MiB"), anything else to one decimal, rounded down so that a
    // size just over a limit never reads as equal to it.
    if (value == static_cast<double>(static_cast<std::uint64_t>(value)))
        std::snprintf(text, sizeof text, "%.0f %s", value, kUnits[unit]);
    else
        std::snprintf(text, sizeof text, "%.1f %s", static_cast<double>(static_cast<std::uint64_t>(value * 10)) / 10,
                      kUnits[unit]);
    return text;
}

}  // namespace gongwen
