// The commands: each turns its options into library calls and says how it went.
#pragma once

#include "cli/options.hpp"

namespace gongwen {

int run_convert(const Options& opt);
int run_summarize(const Options& opt);
int run_inspect(const Options& opt);
int run_verify(const Options& opt);

}  // namespace gongwen
