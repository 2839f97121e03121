// Files written the safe way: through a temporary file renamed into place, never over an input,
// and removed when the process is interrupted. (Reading a file: read.hpp's read_input.)
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace gongwen {

// Writes `content` to `path` ("-" for standard output) through a temporary file in the same
// folder that is renamed into place, so no partial output is ever left. Refuses to replace
// any of `inputs`. Throws gongwen::Error naming the file.
void write_output(const std::string& path, const std::string& content, const std::vector<std::string>& inputs = {});

// The same for output too large to hold in memory: `write` streams it, and a write that
// fails (a full disk) stops it at once with gongwen::Error.
void write_output_stream(const std::string& path, const std::function<void(std::ostream&)>& write,
                         const std::vector<std::string>& inputs = {});

// For a program's main(): on SIGINT/SIGTERM, removes the temporary files being written and
// exits by that signal.
// SIGPIPE and SIGXFSZ are ignored: writing to a closed pipe or over `ulimit -f` is an error
// the writers report (and clean up after) like a full disk.
void install_signal_cleanup();

}  // namespace gongwen
