// Resource limits: how large, how deep, how long a line and how much time one report may take.
// The library enforces only what it is told (a default Limits is no limit at all); the command
// line sets its own defaults and options once, before any work starts. Exceeding a limit is a
// gongwen::Error naming the file, the limit and the option that raises it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gongwen {

struct Limits {
    std::uint64_t max_input_size = 0;  // bytes of one input (--max-input-size); 0: none
    std::size_t max_depth = 0;         // element nesting of an HTML page (--max-depth); 0: none
    std::size_t max_line_length = 0;   // code points of one line or paragraph (--max-line-length); 0: none
    std::size_t max_lines = 0;         // lines of a text or paragraphs of a page (--max-lines); 0: none
    std::size_t max_pages = 0;         // pages of one report's PDF (--max-pages); 0: none
    double timeout = 0;                // seconds per report (--timeout); 0: none
};

// The limits in force for the whole process. Set once, before any worker thread starts.
void set_limits(const Limits& limits);
const Limits& limits();

// The report this thread works on, from its construction to its destruction: its name for
// messages and, with a timeout, its deadline. Scopes do not nest.
class ReportScope {
public:
    explicit ReportScope(const std::string& name);
    ~ReportScope();
    ReportScope(const ReportScope&) = delete;
    ReportScope& operator=(const ReportScope&) = delete;
};

// Throws gongwen::Error naming the report when its time is up. Called in the loops of the
// passes and writers, so a report that takes too long stops there (cooperatively: a single
// library call, such as parsing an HTML page, runs to its end first).
void check_deadline();

// Throws gongwen::Error naming `name` when `size` bytes are over --max-input-size.
void check_input_size(std::uint64_t size, const std::string& name);
// Throws when a line or paragraph of `length` code points, starting at code point `start` of
// the source, is over --max-line-length.
void check_line_length(std::size_t length, std::size_t start, const std::string& name);
// Throws when `count` lines (or paragraphs) are over --max-lines.
void check_lines(std::size_t count, const std::string& name);
// Throws when a PDF of `pages` pages (or more) is over --max-pages.
void check_pages(std::size_t pages, const std::string& name);
// Throws when elements nested `depth` deep are over --max-depth.
void check_depth(std::size_t depth, const std::string& name);

// "300 MiB", "1.5 GiB", "512 bytes": a size as the messages and --help show it.
std::string format_size(std::uint64_t bytes);

}  // namespace gongwen
