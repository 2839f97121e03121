#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "cli/formats.hpp"

namespace gongwen {

enum class Command { help, version, convert, inspect };

struct Options {
    Command command = Command::help;
    std::vector<std::string> inputs;
    std::string format;   // convert: xml|json|txt|md; inspect: text|json
    std::string output;   // -o
    std::string out_dir;  // -d
    bool quiet = false;
    WriteSettings settings;  // options of particular writers
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws UsageError for anything the user must correct before a run can start.
Options parse_options(const std::vector<std::string>& args);

// The output path of each input ("-" for standard output). Throws UsageError when two inputs
// would be written to the same file.
std::vector<std::string> plan_outputs(const Options& opt);

// "xml" for .xml files, "text" otherwise.
std::string input_format(const std::string& path);

}  // namespace gongwen
