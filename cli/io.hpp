#pragma once

#include <string>
#include <vector>

namespace gongwen {

// Reads a whole file ("-" for standard input). Throws gongwen::Error naming the file.
std::string read_input(const std::string& path);

// Writes `content` to `path` ("-" for standard output) through a temporary file in the same
// folder that is renamed into place, so no partial output is ever left. Refuses to replace
// any of `inputs`. Throws gongwen::Error naming the file.
void write_output(const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs);

// On SIGINT/SIGTERM, removes the temporary file being written and exits.
void install_signal_cleanup();

}  // namespace gongwen
