// `gongwen summarize`: many reports into one summary workbook.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "converters/xlsx/xlsx.hpp"
#include "model/catalog.hpp"

namespace gongwen {

struct Options;

// Reads every input on worker threads, then writes the workbook to opt.output. Returns the
// exit status: 0 when every input was read, 1 when some failed (the workbook is still written,
// listing them in its 文档 sheet).
int run_summarize(const Options& opt);

// Writes the summary workbook of `entries` to `path` ("-": standard output) through a
// temporary file, never over one of `protect`. Rows come in the order of the reports' own
// source names (then digests), not of the inputs, so the workbook of XML or JSON outputs
// merged from several shards equals the workbook of one whole run. `failures` (input,
// reason) are listed in the 文档 sheet. Warnings go to stderr. Throws gongwen::Error when the
// workbook cannot be written. Shared by `summarize` and `convert --summary`.
void write_summary(const std::string& path, std::vector<ReportEntry> entries,
                   const std::vector<std::pair<std::string, std::string>>& failures, const Catalog& catalog,
                   const std::vector<std::string>& protect);

// Reads a catalog file (--catalog). Throws gongwen::Error naming the file, line and problem.
std::shared_ptr<const Catalog> load_catalog(const std::string& path);

}  // namespace gongwen
