#include "model/limits.hpp"

#include <chrono>
#include <cstdio>

#include "model/error.hpp"

namespace gongwen {

namespace {

Limits g_limits;

using Clock = std::chrono::steady_clock;

struct Report {
    bool active = false;
    std::string name;
    Clock::time_point deadline;
};
thread_local Report t_report;

std::string format_seconds(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

}  // namespace

void set_limits(const Limits& limits) { g_limits = limits; }

const Limits& limits() { return g_limits; }

ReportScope::ReportScope(const std::string& name) {
    t_report.active = true;
    t_report.name = name;
    if (g_limits.timeout > 0)
        t_report.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                               std::chrono::duration<double>(g_limits.timeout));
}

ReportScope::~ReportScope() { t_report = Report{}; }

void check_deadline() {
    if (!t_report.active || g_limits.timeout <= 0 || Clock::now() < t_report.deadline) return;
    throw Error(t_report.name, "took longer than the " + format_seconds(g_limits.timeout) +
                                   " s limit per report (--timeout)");
}

void check_input_size(std::uint64_t size, const std::string& name) {
    const std::uint64_t max = g_limits.max_input_size;
    if (max == 0 || size <= max) return;
    throw Error(name, "input is " + format_size(size) + " (" + std::to_string(size) + " bytes), over the " +
                          format_size(max) + " limit (--max-input-size)");
}

void check_line_length(std::size_t length, std::size_t start, const std::string& name) {
    const std::size_t max = g_limits.max_line_length;
    if (max == 0 || length <= max) return;
    throw Error(name, "the line at character " + std::to_string(start) + " is " + std::to_string(length) +
                          " characters long, over the " + std::to_string(max) + " limit (--max-line-length)");
}

void check_lines(std::size_t count, const std::string& name) {
    const std::size_t max = g_limits.max_lines;
    if (max == 0 || count <= max) return;
    throw Error(name, std::to_string(count) + " lines, over the " + std::to_string(max) + " limit (--max-lines)");
}

void check_pages(std::size_t pages, const std::string& name) {
    const std::size_t max = g_limits.max_pages;
    if (max == 0 || pages <= max) return;
    throw Error(name, "its PDF would have more than " + std::to_string(max) + " pages, the limit (--max-pages)");
}

void check_depth(std::size_t depth, const std::string& name) {
    const std::size_t max = g_limits.max_depth;
    if (max == 0 || depth <= max) return;
    throw Error(name, "elements nested " + std::to_string(depth) + " deep, over the " + std::to_string(max) +
                          " limit (--max-depth)");
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
