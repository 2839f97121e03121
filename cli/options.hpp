#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "cli/formats.hpp"

namespace gongwen {

enum class Command { help, version, convert, inspect, summarize, verify };

struct Options {
    Command command = Command::help;
    InputSpec input;                   // what to read
    std::vector<std::string> formats;  // convert: one or more output formats (-t a,b)
    std::string format;                // inspect, verify: text|json
    std::string output;                // -o: one input, one format
    std::string out_dir;               // -d: outputs mirror the input paths below it
    std::size_t jobs = 0;              // -j; 0 = every core
    bool quiet = false;
    bool skip_existing = false;
    std::string log_json;
    WriteSettings settings;            // options of particular writers
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws UsageError for anything the user must correct before a run can start.
Options parse_options(const std::vector<std::string>& args);

// The conversion tasks of a convert command: every input with its output paths.
// Throws UsageError when the options cannot name an output for each input.
std::vector<Task> plan_tasks(const Options& opt, const std::vector<Input>& inputs);

}  // namespace gongwen
