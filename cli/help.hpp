// The help texts: `gongwen --help` (the commands, one line each) and each command's own
// (`gongwen convert --help`: its inputs, options, formats, examples and exit status).
#pragma once

#include <string>

#include "cli/options.hpp"

namespace gongwen {

// The help of `command`, ready to print; Command::help (or version) gives the overview.
std::string help_text(Command command);

}  // namespace gongwen
