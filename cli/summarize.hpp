// `gongwen summarize`: many reports into one summary workbook.
#pragma once

#include <memory>
#include <string>

#include "model/catalog.hpp"

namespace gongwen {

struct Options;

// Reads every input on worker threads, then writes the workbook to opt.output. Returns the
// exit status: 0 when every input was read, 1 when some failed (the workbook is still written,
// listing them in its 文档 sheet).
int run_summarize(const Options& opt);

// Reads a catalog file (--catalog). Throws gongwen::Error naming the file, line and problem.
std::shared_ptr<const Catalog> load_catalog(const std::string& path);

}  // namespace gongwen
