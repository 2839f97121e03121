// The command line's options, parsed with CLI11 and checked before any work starts.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cli/inputs.hpp"
#include "gongwen/read.hpp"
#include "gongwen/write.hpp"

namespace gongwen {

enum class Command { help, version, convert, inspect, summarize, verify };

// The command line's limits when no option changes them: 256 MiB per input, elements nested
// 10,000 deep, lines of 1 Mi characters, 1 Mi lines, 5,000 PDF pages, no time limit (a time
// limit would make the outcome depend on the machine's speed; the other limits already bound
// the work and the memory per report: each line costs some hundred bytes of its own).
Limits default_limits();

struct Options {
    Command command = Command::help;   // help: the overview of the commands
    bool help = false;                 // print the command's own help (gongwen convert --help)
    InputSpec input;                   // what to read
    std::vector<std::string> formats;  // convert: one or more output formats (-t a,b)
    std::string format;                // inspect, verify: text|json
    std::string output;                // -o: one input, one format
    std::string out_dir;               // -d: outputs mirror the input paths below it
    std::size_t jobs = 0;              // -j; 0 = every core
    bool quiet = false;
    bool skip_existing = false;
    std::string log_json;
    std::string summary;  // convert --summary FILE: the summary workbook of the batch
    ReadOptions read;     // the limits, the catalog
    WriteOptions write;   // each format's options
};

class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& what, std::string command = {})
        : std::runtime_error(what), command_(std::move(command)) {}
    // The command whose line is wrong ("convert"), so that its help can be named; empty when
    // no command was named.
    const std::string& command() const { return command_; }

private:
    std::string command_;
};

// Throws UsageError for anything the user must correct before a run can start.
Options parse_options(const std::vector<std::string>& args);

// The format names in the table's order, "xml, json, …, eep"; `last` joins the last two.
std::string format_names(std::string_view last = ", ");

}  // namespace gongwen
