// Resource limits: how large, how deep, how long a line and how much time one report may take.
// Limits are values a caller passes in (a default Limits is no limit at all); a Budget is one
// report's limits in force, with its name for messages and its deadline. Exceeding a limit is a
// LimitError naming the file and the limit.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "gongwen/error.hpp"

namespace gongwen {

struct Limits {
    std::uint64_t max_input_size = 0;  // bytes of one input; 0: none
    std::size_t max_depth = 0;         // element nesting of an HTML page; 0: none
    std::size_t max_line_length = 0;   // code points of one line or paragraph; 0: none
    std::size_t max_lines = 0;         // lines of a text or paragraphs of a page; 0: none
    std::size_t max_pages = 0;         // pages of one report's PDF; 0: none
    double timeout = 0;                // seconds per report, reading and writing; 0: none
};

// Which limit an input went over.
enum class Limit { input_size, depth, line_length, lines, pages, timeout };

class LimitError : public Error {
public:
    LimitError(std::string file, std::string reason, Limit limit)
        : Error(std::move(file), std::move(reason)), limit_(limit) {}
    Limit limit() const { return limit_; }

private:
    Limit limit_;
};

// One report's limits, from its start (the construction) to its end. Checked by the readers,
// the passes and the writers as they go, so a report that goes over stops soon after (a single
// library call, such as parsing an HTML page, runs to its end first). Cheap to copy.
class Budget {
public:
    Budget() = default;  // no limits
    Budget(const Limits& limits, std::string name);

    const Limits& limits() const { return limits_; }
    const std::string& name() const { return name_; }

    // Each throws LimitError naming the report when it is over the limit.
    void check_time() const;
    void check_input_size(std::uint64_t bytes) const;
    // A line or paragraph of `length` code points, starting at code point `start` of the source.
    void check_line_length(std::size_t length, std::size_t start) const;
    void check_lines(std::size_t count) const;
    void check_pages(std::size_t pages) const;
    void check_depth(std::size_t depth) const;

private:
    Limits limits_;
    std::string name_;
    std::chrono::steady_clock::time_point deadline_{};
};

// "300 MiB", "1.5 GiB", "512 bytes": a size as messages show it.
std::string format_size(std::uint64_t bytes);

}  // namespace gongwen
